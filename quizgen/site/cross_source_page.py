"""Every type against the dimensions the sources compare it on: what each source says."""

from __future__ import annotations

from collections import defaultdict

from quizgen.data.model import Dataset, MassageType
from quizgen.site import cells, comparison_pages, pictures
from quizgen.site.markdown import table, text

PATH = "cross-source.md"
SOURCES_PAGE = "sources.md"
EMPTY = "—"


def page(data: Dataset) -> str:
    tags = cells.source_tags(data)
    # (dimension, type) -> value -> links to the tables that give it, in the comparisons' order.
    said: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(dict)
    for comparison in data.comparisons:
        tag = tags[comparison.source]
        for row in comparison.rows:
            anchor = data.dimension(row.dimension).category
            link = f"[{tag}](comparisons/{comparison.id}.md#{anchor})"
            for type_id, cell in row.cells.items():
                for value in cells.values(cell):
                    said[row.dimension, type_id].setdefault(value, []).append(link)

    legend = "\n".join(
        f"- **{tags[s.id]}**: [{text(s.title)}]({SOURCES_PAGE}#{s.id})" for s in data.sources
    )
    # Every type, always in the same columns, so that a type is in one place on every table.
    header = ["", *(text(t.name) for t in data.types)]
    out = [
        "# Across the sources\n",
        "Every massage type, in the same columns throughout, against each dimension that the "
        "sources give at least two types a value for. The tag after a value names its source; "
        "in the tables by category it leads to the table the value comes from, where the "
        "source's own words are one tap away. "
        f"{EMPTY} means no source gives a value.\n",
        legend + "\n",
        # Filled by assets/columns.js: buttons that show or hide each type's column.
        '<div class="quizgen-column-picker"></div>\n',
        "## What the sources call each type {#names}\n",
        table(header, [_placed_row(data), _same_as_row(data)]),
    ]
    for category in data.categories:
        dims = [d for d in data.dimensions if d.category == category.id]
        rows = [d for d in dims if sum(bool(said.get((d.id, t.id))) for t in data.types) >= 2]
        if not rows:
            continue
        out.append(f"## {text(category.label)} {{#{category.id}}}\n")
        out.append(
            table(
                header,
                ([text(d.label), *(_values(said[d.id, t.id]) for t in data.types)] for d in rows),
            )
        )

    out.append("## Where the sources disagree {#disagreements}\n")
    for discrepancy in data.discrepancies:
        out.append(comparison_pages.disagreement_callout(data, discrepancy, SOURCES_PAGE))
    return "\n".join(out)


def _values(said: dict[str, list[str]]) -> str:
    shown = (f"{text(value)} <sup>{', '.join(links)}</sup>" for value, links in said.items())
    return "<br>".join(shown) or EMPTY


def _placed_row(data: Dataset) -> list[str]:
    def placed(massage_type: MassageType) -> str:
        return "<br>".join(
            pictures.PLACES[place] + cells.tag_links(data, sources, SOURCES_PAGE)
            for place, sources in pictures.by_place(massage_type).items()
        )

    return ["Placed as", *(placed(t) or EMPTY for t in data.types)]


def _same_as_row(data: Dataset) -> list[str]:
    cells_ = [
        "<br>".join(
            ", ".join(text(data.type(o).name) for o in s.terms)
            + cells.tag_links(data, [s.source], SOURCES_PAGE)
            for s in t.synonyms
        )
        or EMPTY
        for t in data.types
    ]
    return ["The same as", *cells_]
