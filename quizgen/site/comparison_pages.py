"""One page per comparison: its key points, a table per category with the evidence behind
each value, and the sources' disagreements."""

from __future__ import annotations

from quizgen.data.model import Comparison, Dataset, Discrepancy, Row
from quizgen.site import cells
from quizgen.site.markdown import admonition, table, text

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
        "source's table, split into one table per category; the *quote* marker beside a value "
        "opens the source's own words.\n",
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
    source = data.source(comparison.source)
    out = [f"# {text(comparison.title)}\n"]
    if comparison.description:
        out.append(text(comparison.description) + "\n")
    out.append(key_points(data, comparison))
    out.append(
        f"Source: {cells.source_link(source, SOURCES_PAGE)}. "
        '<span class="quizgen-screen-only">Tap *quote* beside a value to read the source\'s '
        "words, and *why* for a note. </span>"
        f"{cells.INFERRED} means the source implies it rather than writing it in its table; "
        f"{cells.NOT_STATED} means the source gives no value.\n"
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
            name = data.dimension(row.dimension).label
            label = text(name)
            if row.inferred:
                label += f" {cells.INFERRED}" + cells.evidence(
                    text(row.inferred), f"the label {name}", "why"
                )
            shown = [
                cells.cell(row.cells[t], source, SOURCES_PAGE, f"{data.type(t).name}, {name}")
                for t in comparison.types
            ]
            body.append([label, *shown])
        out.append(table(header, body))
        for discrepancy in disagreements_for(data, comparison, {r.dimension for r in rows}):
            out.append(disagreement_callout(data, discrepancy, SOURCES_PAGE))
    return "\n".join(out)


KEY_POINTS = 5


def key_points(data: Dataset, comparison: Comparison) -> str:
    """The rows where the types differ most, in a sentence each: the summary table's
    questions first, then the rows whose values share the fewest words."""
    if len(comparison.types) < 2:
        return ""
    # Rows where every type has a value, and the values are not all alike.
    full = [
        r
        for r in comparison.rows
        if all(cells.values(r.cells[t]) for t in comparison.types)
        and _overlap(r, comparison.types) < 1
    ]
    summary = {d.id for d in data.dimensions if d.summary}

    def rank(row: Row) -> tuple[bool, float]:
        return (row.dimension not in summary, _overlap(row, comparison.types))

    chosen = sorted(sorted(full, key=rank)[:KEY_POINTS], key=comparison.rows.index)
    if not chosen:
        return ""
    lines = ["## Key points {#key-points}\n"]
    for row in chosen:
        said = "; ".join(
            f"{text(data.type(t).name)}: {text(cells.brief(cells.values(row.cells[t])))}"
            for t in comparison.types
        )
        lines.append(f"- **{text(data.dimension(row.dimension).label)}.** {said}.")
    return "\n".join(lines) + "\n"


def _overlap(row: Row, types: tuple[str, ...]) -> float:
    """How alike the types' values are, from 0 (no word in common) to 1 (the same words)."""
    words = [{w.lower() for v in cells.values(row.cells[t]) for w in v.split()} for t in types]
    union = set().union(*words)
    return len(set.intersection(*words)) / len(union) if union else 1.0
