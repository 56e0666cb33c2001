"""The MkDocs plugin: adds the pages made from data/ (see content.py) as virtual files.

Nothing generated is written to docs/; `mkdocs serve` watches the data folder itself, so an
edit there rebuilds the site (no `watch:` to keep in step with `data_dir`).

Options, under `plugins:` in mkdocs.yml:

    - quizgen:
        data_dir: data   # the data folder, relative to mkdocs.yml (default: data)
        enabled: true    # false: the plugin does nothing (default: true)

With `enabled: false` the site is built from docs/ alone, with the theme as it comes: no
generated page, no glossary tooltips, no theme overrides, and the data is not read. The
nav's entries for generated pages and links to them then point nowhere: a strict build
(as this project's mkdocs.yml asks for) stops with a warning naming each, and
`mkdocs build --no-strict` builds the hand-written pages.

What the plugin does is logged under `mkdocs.plugins.quizgen` (`mkdocs build -v` shows it).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from quizgen.data.problems import DataError
from quizgen.site.content import SiteContent, log, site_content

NAV_PLACEHOLDER = "comparisons/"
# Theme overrides: the page title, and a name for the search dialog (partials/search.html).
THEME_DIR = Path(__file__).parent / "theme"


class QuizgenConfig(base.Config):  # type: ignore[no-untyped-call]
    data_dir = opt.Type(str, default="data")
    enabled = opt.Type(bool, default=True)


class QuizgenPlugin(BasePlugin[QuizgenConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.content: SiteContent | None = None
        self.data_dir: Path | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.content = None
        if not self.config.enabled:
            log.info("disabled (enabled: false): no pages are made from the data")
            return config
        root = Path(config.config_file_path or ".").parent
        data_dir = self.data_dir = root / self.config.data_dir
        # Bad data stops the build here, before MkDocs touches the site folder.
        try:
            self.content = site_content(data_dir)
        except DataError as err:
            raise PluginError(f"the data in {data_dir} has problems:\n{err}") from None
        config.theme.dirs.insert(0, str(THEME_DIR))
        config.markdown_extensions.append(_LinkNames())  # type: ignore[arg-type]
        config.nav = _expand(config.nav, self.content.nav)
        return config

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        if self.data_dir is not None:
            server.watch(str(self.data_dir))
        return server

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.content is None:
            return files
        for path, content in self.content.files.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.content is None:
            return markdown
        return self.content.page_markdown(markdown, page.url)


class _LinkNames(Extension):
    """Footnote back links and heading anchors get their name as `aria-label`, not `title`.

    The theme sets up a scripted tooltip for every `title` on load, and a comparison page has
    dozens of these links; a label gives the same accessible name without one. Neither
    extension can be told to: `footnotes` (BACKLINK_TITLE) and `toc` (permalink_title) only
    ever write the name as a `title`.
    """

    def extendMarkdown(self, md: Markdown) -> None:
        # After toc (5), which adds the heading anchors last; footnotes run before it.
        md.treeprocessors.register(_TitlesToLabels(md), "quizgen_link_names", 4)


class _TitlesToLabels(Treeprocessor):
    CLASSES = ("footnote-backref", "headerlink")

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if link.get("class") in self.CLASSES and "title" in link.attrib:
                link.set("aria-label", link.attrib.pop("title"))


def _expand(nav: Any, comparisons: list[Any]) -> Any:
    """Replace the `comparisons/` placeholder in the nav with the generated pages."""
    if isinstance(nav, list):
        return [_expand(entry, comparisons) for entry in nav]
    if isinstance(nav, dict):
        return {
            key: comparisons if value == NAV_PLACEHOLDER else _expand(value, comparisons)
            for key, value in nav.items()
        }
    return nav
