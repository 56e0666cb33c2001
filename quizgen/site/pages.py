"""Every generated page of the site, as Markdown keyed by its path under docs/."""

from __future__ import annotations

import html
import json

from quizgen.data.model import Comparison, Dataset
from quizgen.site import (
    cheat_sheet,
    comparison_pages,
    cross_source_page,
    glossary,
    mblex_page,
    sources_page,
    terminology_page,
)

COMPARISONS_INDEX = "comparisons/index.md"


def all_pages(data: Dataset) -> dict[str, str]:
    """Each page with its own description for search engines and link previews, which the
    theme writes as the page's meta description."""
    pages = {COMPARISONS_INDEX: comparison_pages.index_page(data)}
    pages |= {comparison_pages.path(c): comparison_pages.page(data, c) for c in data.comparisons}
    pages[cross_source_page.PATH] = cross_source_page.page(data)
    pages[terminology_page.PATH] = terminology_page.page(data)
    pages[glossary.PATH] = glossary.page(data)
    pages[sources_page.PATH] = sources_page.page(data)
    pages[mblex_page.PATH] = mblex_page.page(data)
    pages[cheat_sheet.PATH] = cheat_sheet.page(data)
    descriptions = _descriptions(data)
    return {
        path: described(markdown, descriptions[path], _HIDDEN.get(path, ()))
        for path, markdown in pages.items()
    }


# Parts of the theme a page goes without: the wide tables of the cheat sheet and of Across the
# sources need the table of contents' room, as the home page's does.
_HIDDEN = {cheat_sheet.PATH: ("toc",), cross_source_page.PATH: ("toc",)}


def described(markdown: str, description: str, hide: tuple[str, ...] = ()) -> str:
    """The page with `description`, and the parts of the theme to `hide`, in its front matter
    (JSON is valid YAML)."""
    hidden = f"hide: {json.dumps(list(hide))}\n" if hide else ""
    return f"---\ndescription: {json.dumps(description)}\n{hidden}---\n\n{markdown}"


def _descriptions(data: Dataset) -> dict[str, str]:
    def of_comparison(comparison: Comparison) -> str:
        names = [data.type(t).name.lower() for t in comparison.types]
        source = data.source(comparison.source).title
        what = f"How {' and '.join(names)} differ" if len(names) > 1 else f"What {names[0]} is"
        return f"{what}, row by row, as “{source}” tells it, with its own words."

    return {
        COMPARISONS_INDEX: "Every comparison table of the kinds of massage, and its source.",
        **{comparison_pages.path(c): of_comparison(c) for c in data.comparisons},
        cross_source_page.PATH: "Every kind of massage against every dimension, with what "
        "each source says.",
        terminology_page.PATH: "What the names of the kinds of massage mean in each source, "
        "and which names the sources treat as one.",
        glossary.PATH: "The terms of the comparisons, defined, with their sources.",
        sources_page.PATH: "The sources behind every fact on this site, and what each says.",
        mblex_page.PATH: f"The {data.exam.name}: its format, content areas and weights, and "
        "what this material covers.",
        cheat_sheet.PATH: "The kinds of massage on one printable page: where the sources "
        "place each, and what they say about each on the questions that matter most.",
    }


def comparisons_nav(data: Dataset) -> list[dict[str, str]]:
    """The nav section listing the comparison pages, in data order.

    The theme writes nav titles as HTML, so titles from data are escaped here.
    """
    overview = {"Overview": COMPARISONS_INDEX}
    comparisons = comparison_pages.in_source_order(data)
    titles = {html.escape(c.title): comparison_pages.path(c) for c in comparisons}
    return [overview, *({title: path} for title, path in titles.items())]
