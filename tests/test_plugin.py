"""The MkDocs plugin's own parts: its options, the theme override, the links it names and the
cache it reports on."""

from __future__ import annotations

import importlib.resources
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import cast

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from quizgen.site import content, plugin
from tests.conftest import DATA_DIR
from tests.test_site_build import _project_copy

MATERIAL = importlib.resources.files("material") / "templates"
LABEL = " aria-label=\"{{ lang.t('search') }}\""


def test_the_search_partial_is_materials_with_a_name_for_the_dialog() -> None:
    """Compared with the installed Material, so that an upgrade that changes the partial
    fails here rather than going unnoticed."""
    ours = (plugin.THEME_DIR / "partials" / "search.html").read_text(encoding="utf-8")
    theirs = (MATERIAL / "partials" / "search.html").read_text(encoding="utf-8")

    def body(template: str) -> str:
        return re.sub(r"^\{#-.*?-#\}\n", "", template, flags=re.DOTALL)

    assert LABEL in ours
    assert body(ours).replace(LABEL, "", 1) == body(theirs)


def _render(text: str, *, labels: bool) -> str:
    extensions: list[str | markdown.Extension] = ["footnotes", "toc"]
    if labels:
        extensions.append(plugin._LinkNames())
    return markdown.markdown(
        text, extensions=extensions, extension_configs={"toc": {"permalink": True}}
    )


PAGE = """\
# A title

Text with a note[^1] and a [link](https://example.org "a title of its own").

## A section

[^1]: The note.
"""


def test_back_links_and_anchors_keep_their_name_as_a_label() -> None:
    plain, labelled = _render(PAGE, labels=False), _render(PAGE, labels=True)
    link = r'<a [^>]*class="(?:footnote-backref|headerlink)"[^>]*>'
    names = [re.search(r'title="([^"]+)"', a) for a in re.findall(link, plain)]
    links = re.findall(link, labelled)
    labels = [re.search(r'aria-label="([^"]+)"', a) for a in links]
    assert len(names) == 3  # two anchors, one back link
    assert [n and n.group(1) for n in names] == [n and n.group(1) for n in labels]
    assert all("title=" not in a for a in links)
    assert 'title="a title of its own"' in labelled  # other titles stay


def _plugin(**options: object) -> plugin.QuizgenPlugin:
    instance = plugin.QuizgenPlugin()
    errors, warnings = instance.load_config(options)
    assert errors == [] and warnings == []
    return instance


def _config(tmp_path: Path) -> MkDocsConfig:
    project = _project_copy(tmp_path)
    config = MkDocsConfig(config_file_path=str(project / "mkdocs.yml"))
    config.load_file((project / "mkdocs.yml").open(encoding="utf-8"))
    errors, _ = config.validate()
    assert errors == []
    return config


def test_options_are_typed() -> None:
    assert _plugin().config.enabled is True
    errors, _ = plugin.QuizgenPlugin().load_config({"enabled": "no"})
    assert [key for key, _ in errors] == ["enabled"]


def test_a_disabled_plugin_does_nothing(tmp_path: Path) -> None:
    config = _config(tmp_path)
    nav, dirs = config.nav, list(config.theme.dirs)
    disabled = _plugin(enabled=False)
    assert disabled.on_config(config) is config
    assert config.nav == nav and config.theme.dirs == dirs
    assert disabled.on_page_markdown("text", page=None, config=config, files=None) == "text"  # type: ignore[arg-type]


@pytest.mark.slow
def test_a_site_without_the_plugin_builds_from_docs_alone(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - quizgen:\n", "  - quizgen:\n      enabled: false\n"
        ),
        encoding="utf-8",
    )
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def build(*options: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(mkdocs), "build", "-f", str(config), *options],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )

    strict = build()
    assert strict.returncode != 0 and "Traceback" not in strict.stderr
    assert (
        "'glossary.md' is included in the 'nav' configuration, which is not found" in strict.stderr
    )
    assert build("--no-strict").returncode == 0
    assert (project / "site" / "data-format" / "index.html").exists()
    assert not (project / "site" / "glossary").exists()


def test_the_cache_is_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.DEBUG, logger="mkdocs.plugins.quizgen")
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path))
    first = content.site_content(DATA_DIR)
    second = content.site_content(DATA_DIR)
    assert second == first
    said = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.quizgen"]
    assert [m.split(" in ")[0] for m in said] == [
        "site content built from the data",
        "site content read from the cache",
    ]


class _Server:
    """What the plugin asks of MkDocs' live-reload server: paths to watch."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_watches_the_data_folder_the_plugin_reads(tmp_path: Path) -> None:
    config = _config(tmp_path)
    assert "watch" not in (Path(str(config.config_file_path))).read_text(encoding="utf-8")
    moved = Path(str(config.config_file_path)).parent / "my-data"
    (Path(str(config.config_file_path)).parent / "data").rename(moved)
    reader = _plugin(data_dir="my-data")
    reader.on_config(config)
    server = _Server()
    live = cast(LiveReloadServer, server)
    assert reader.on_serve(live, config=config, builder=lambda: None) is live
    assert server.watched == [str(moved)]
