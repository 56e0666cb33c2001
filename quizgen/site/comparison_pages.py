"""One page per comparison: a table per category, evidence in footnotes, disagreements noted."""

from __future__ import annotations

from quizgen.data.model import Comparison, Dataset, Discrepancy
from quizgen.site import cells
from quizgen.site.markdown import Footnotes, admonition, table, text

SOURCES_PAGE = "../sources.md"


def path(comparison: Comparison) -> str:
    return f"comparisons/{comparison.id}.md"


def in_source_order(data: Dataset) -> list[Comparison]:
    """Comparisons grouped by source, sources in the order data/ lists them."""
    rank = {source.id: n for n, source in enumerate(data.sources)}
    return sorted(data.comparisons, key=lambda c: rank[c.source])


def index_page(data: Dataset) -> str:
    lines = [
        "# Comparisons\n",
        "Each source compares massage types in its own way. Every comparison below is one "
        "source's table, split into one table per category; hover over a footnote number to "
        "read the source's own words.\n",
    ]
    for comparison in in_source_order(data):
        names = ", ".join(text(data.type(t).name) for t in comparison.types)
        source = data.source(comparison.source)
        lines.append(
            f"- [{text(comparison.title)}]({comparison.id}.md): {names} "
            f"({len(comparison.rows)} rows, from *{text(source.title)}*)"
        )
    return "\n".join(lines) + "\n"


def disagreements_for(
    data: Dataset, comparison: Comparison, dimensions: set[str]
) -> list[Discrepancy]:
    return [
        d
        for d in data.discrepancies
        if d.dimension in dimensions and (not d.types or set(d.types) & set(comparison.types))
    ]


def disagreement_callout(data: Dataset, discrepancy: Discrepancy, sources_page: str) -> str:
    claims = "\n".join(
        f"- {cells.source_link(data.source(c.source), sources_page)}: "
        f"{text(c.says)} — {cells.quoted(c.quote)}"
        for c in discrepancy.claims
    )
    body = f"{claims}\n\n{text(discrepancy.note)}"
    return admonition("warning", "Sources disagree: " + text(discrepancy.topic), body)


def page(data: Dataset, comparison: Comparison) -> str:
    notes = Footnotes()
    source = data.source(comparison.source)
    out = [f"# {text(comparison.title)}\n"]
    if comparison.description:
        out.append(text(comparison.description) + "\n")
    out.append(
        f"Source: {cells.source_link(source, SOURCES_PAGE)}. "
        "Each value's footnote quotes the source; "
        f"{cells.INFERRED} marks a label or value read from elsewhere in the text, "
        f"and {cells.NOT_STATED} a value the source does not give.\n"
    )
    header = ["Dimension", *(text(data.type(t).name) for t in comparison.types)]
    for category in data.categories:
        rows = [r for r in comparison.rows if data.dimension(r.dimension).category == category.id]
        if not rows:
            continue
        out.append(f"## {text(category.label)} {{#{category.id}}}\n")
        out.append(f"{text(category.description)}\n")
        body = []
        for row in rows:
            label = text(data.dimension(row.dimension).label)
            if row.inferred:
                label += f" {cells.INFERRED}" + notes.ref(f"Label inferred: {text(row.inferred)}")
            shown = [
                cells.cell(row.cells[t], source, notes, SOURCES_PAGE) for t in comparison.types
            ]
            body.append([label, *shown])
        out.append(table(header, body))
        for discrepancy in disagreements_for(data, comparison, {r.dimension for r in rows}):
            out.append(disagreement_callout(data, discrepancy, SOURCES_PAGE))
    out.append(notes.render())
    return "\n".join(out)
