"""Every generated page of the site, as Markdown keyed by its path under docs/."""

from __future__ import annotations

import html

from quizgen.data.model import Dataset
from quizgen.site import (
    comparison_pages,
    cross_source_page,
    glossary,
    mblex_page,
    sources_page,
    terminology_page,
)

COMPARISONS_INDEX = "comparisons/index.md"


def all_pages(data: Dataset) -> dict[str, str]:
    pages = {COMPARISONS_INDEX: comparison_pages.index_page(data)}
    pages |= {comparison_pages.path(c): comparison_pages.page(data, c) for c in data.comparisons}
    pages[cross_source_page.PATH] = cross_source_page.page(data)
    pages[terminology_page.PATH] = terminology_page.page(data)
    pages[glossary.PATH] = glossary.page(data)
    pages[sources_page.PATH] = sources_page.page(data)
    pages[mblex_page.PATH] = mblex_page.page(data)
    return pages


def comparisons_nav(data: Dataset) -> list[dict[str, str]]:
    """The nav section listing the comparison pages, in data order.

    The theme writes nav titles as HTML, so titles from data are escaped here.
    """
    overview = {"Overview": COMPARISONS_INDEX}
    comparisons = comparison_pages.in_source_order(data)
    titles = {html.escape(c.title): comparison_pages.path(c) for c in comparisons}
    return [overview, *({title: path} for title, path in titles.items())]
