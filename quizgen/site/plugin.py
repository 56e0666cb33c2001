"""The MkDocs plugin: adds the pages made from data/ (see content.py) as virtual files.

Nothing generated is written to docs/; `watch:` on data/ rebuilds on every edit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from quizgen.data.problems import DataError
from quizgen.site.content import SiteContent, site_content

NAV_PLACEHOLDER = "comparisons/"
THEME_DIR = Path(__file__).parent / "theme"
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
LINK_TITLE = re.compile(r'(<a class="(?:footnote-backref|headerlink)" [^>]*?)title=')


class QuizgenConfig(base.Config):  # type: ignore[no-untyped-call]
    data_dir = opt.Type(str, default="data")


class QuizgenPlugin(BasePlugin[QuizgenConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.content: SiteContent | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").parent
        data_dir = root / self.config.data_dir
        try:
            self.content = site_content(data_dir)
        except DataError as err:
            raise PluginError(f"the data in {data_dir} has problems:\n{err}") from None
        config.theme.dirs.insert(0, str(THEME_DIR))
        config.nav = _expand(config.nav, self.content.nav)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.content is not None
        for path, content in self.content.files.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.content is not None
        return self.content.page_markdown(markdown, page.url)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Material's search overlay is a dialog without a name; screen readers need one.
        output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">', 1)
        # The theme sets up a scripted tooltip for every title on load, and a comparison page
        # has dozens of footnote back links and heading anchors: these keep their name as a
        # label, not a tooltip.
        return LINK_TITLE.sub(r"\1aria-label=", output)


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
