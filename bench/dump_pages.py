"""MkDocs hooks that write every page of the project's build out as the Markdown MkDocs
renders (after the quizgen plugin), with the nav it ends up with. Used by plain_site.py."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

TARGET = Path(os.environ.get("PLAIN_SITE_DIR", "plain-site"))


def on_config(config: Any) -> Any:
    # Runs after the quizgen plugin has put the generated pages into the nav.
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "nav.json").write_text(json.dumps(config.nav), encoding="utf-8")
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    out = TARGET / "docs" / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown, encoding="utf-8")
    return markdown


def on_post_build(config: Any) -> None:
    # Static files, generated ones included (the practice bank), as the build wrote them.
    site = Path(config["site_dir"])
    banks = [p.relative_to(site).as_posix() for p in (site / "assets").rglob("quiz-bank*.json")]
    for file in config["extra_css"] + config["extra_javascript"] + banks:
        (TARGET / "docs" / str(file)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(site / str(file), TARGET / "docs" / str(file))
