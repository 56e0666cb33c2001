"""The project's site as a plain MkDocs project: every page written out as ordinary Markdown
and a config without the quizgen plugin, so that a build of it is what MkDocs alone costs.

Same theme, theme overrides, Markdown extensions and search; only the plugin is gone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

REPO = Path(__file__).resolve().parent.parent
THEME_OVERRIDES = REPO / "quizgen" / "site" / "theme"


def _project(config: Path, data: Path | None = None) -> dict[str, Any]:
    """The project's config with absolute paths, so that it works from any folder."""
    # MkDocs' own loader, which reads its tags (!ENV) as a build would.
    project: dict[str, Any] = yaml_load(config.read_text(encoding="utf-8"))
    project.pop("watch", None)  # for `mkdocs serve` only
    root = config.resolve().parent
    project["docs_dir"] = str(root / project["docs_dir"])
    project["plugins"] = [_with_data_dir(p, root, data) for p in project["plugins"]]
    return project


def with_data(config: Path, data: Path, out: Path) -> Path:
    """The project's config, building the site from another data folder."""
    return _write(out, _project(config, data))


def export(config: Path, target: Path) -> Path:
    """Build the project once with page-dumping hooks; returns the plain project's config."""
    project = _project(config)
    hooked = _write(
        target / "hooked.yml",
        {**project, "hooks": [str(Path(__file__).parent / "dump_pages.py")]},
    )
    env = {**os.environ, "PLAIN_SITE_DIR": str(target), "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run(
        [str(mkdocs), "build", "-q", "-f", str(hooked), "-d", str(target / "hooked-site")],
        check=True,
        env=env,
    )
    plain = {
        **project,
        "docs_dir": str(target / "docs"),
        "nav": json.loads((target / "nav.json").read_text(encoding="utf-8")),
        "plugins": ["search"],
        "theme": {**project["theme"], "custom_dir": str(THEME_OVERRIDES)},
    }
    return _write(target / "mkdocs.yml", plain)


def _with_data_dir(plugin: object, root: Path, data: Path | None) -> object:
    if isinstance(plugin, dict) and "quizgen" in plugin:
        return {"quizgen": {"data_dir": str(data or root / plugin["quizgen"]["data_dir"])}}
    return plugin


def _write(path: Path, config: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(export(REPO / "mkdocs.yml", Path(sys.argv[1])))
