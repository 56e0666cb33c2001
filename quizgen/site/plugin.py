"""The MkDocs plugin: loads data/ once per build and adds the generated pages as virtual files.

Nothing generated is written to docs/; `watch:` on data/ rebuilds on every edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from quizgen.catalog import load_catalog
from quizgen.item import Bank
from quizgen.loader import load_data
from quizgen.model import Dataset
from quizgen.problems import DataError
from quizgen.site import glossary, home, pages, practice

NAV_PLACEHOLDER = "comparisons/"
THEME_DIR = Path(__file__).parent / "theme"
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


class QuizgenConfig(base.Config):  # type: ignore[no-untyped-call]
    data_dir = opt.Type(str, default="data")


class QuizgenPlugin(BasePlugin[QuizgenConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.data: Dataset | None = None
        self.bank: Bank | None = None
        self.abbreviations = ""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").parent
        data_dir = root / self.config.data_dir
        try:
            self.data = load_data(data_dir)
        except DataError as err:
            raise PluginError(f"the data in {data_dir} has problems:\n{err}") from None
        self.abbreviations = glossary.abbreviations(self.data)
        # Proving the bank is most of the plugin's work; unchanged data finds it in the cache.
        self.bank = load_catalog(data_dir, self.data).bank
        config.theme.dirs.insert(0, str(THEME_DIR))
        config.nav = _expand(config.nav, pages.comparisons_nav(self.data))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.data is not None and self.bank is not None
        generated = pages.all_pages(self.data)
        generated[practice.PAGE] = practice.practice_page(self.data)
        for path, markdown in generated.items():
            if path.startswith("comparisons/") and path != pages.COMPARISONS_INDEX:
                markdown += practice.self_check(self.bank, Path(path).stem)
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=markdown))
        files.append(
            File.generated(
                config, practice.BANK_PATH, content=practice.bank_json(self.bank, self.data)
            )
        )
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.data is not None
        if home.MARKER in markdown:
            markdown = markdown.replace(home.MARKER, home.types_at_a_glance(self.data))
        # The bank's address relative to this page, as the page will be served.
        depth = page.url.count("/")
        markdown = markdown.replace("BANK_URL", "../" * depth + practice.BANK_PATH)
        return markdown + "\n\n" + self.abbreviations

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Material's search overlay is a dialog without a name; screen readers need one.
        return output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">', 1)


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
