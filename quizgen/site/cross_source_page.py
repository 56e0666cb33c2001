"""Types against dimensions across every source: what each source says about each type."""

from __future__ import annotations

from collections import defaultdict

from quizgen.data.model import Dataset
from quizgen.site import cells, comparison_pages
from quizgen.site.markdown import table, text

PATH = "cross-source.md"
SOURCES_PAGE = "sources.md"


def page(data: Dataset) -> str:
    tags = cells.source_tags(data)
    # (dimension, type) -> [(value, tag link)], in the order of the comparisons.
    said: dict[tuple[str, str], list[str]] = defaultdict(list)
    for comparison in data.comparisons:
        tag = tags[comparison.source]
        for row in comparison.rows:
            anchor = data.dimension(row.dimension).category
            link = f"[{tag}](comparisons/{comparison.id}.md#{anchor})"
            for type_id, cell in row.cells.items():
                for value in cells.values(cell):
                    said[row.dimension, type_id].append(f"{text(value)} <sup>{link}</sup>")

    legend = "\n".join(
        f"- **{tags[s.id]}**: [{text(s.title)}]({SOURCES_PAGE}#{s.id})" for s in data.sources
    )
    out = [
        "# Across the sources\n",
        "Every massage type against every dimension, with what each source says. The tag after "
        "a value names its source and links to the table it comes from, where the source's "
        "own words are quoted. An empty cell means no source gives a value.\n",
        legend + "\n",
    ]
    for category in data.categories:
        dims = [d for d in data.dimensions if d.category == category.id]
        types = [t for t in data.types if any(said.get((d.id, t.id)) for d in dims)]
        rows = [d for d in dims if any(said.get((d.id, t.id)) for t in types)]
        if not rows:
            continue
        out.append(f"## {text(category.label)} {{#{category.id}}}\n")
        out.append(
            table(
                ["Dimension", *(text(t.name) for t in types)],
                (
                    [text(d.label), *("<br>".join(said.get((d.id, t.id), [])) for t in types)]
                    for d in rows
                ),
            )
        )

    out.append("## Where the sources disagree {#disagreements}\n")
    for discrepancy in data.discrepancies:
        out.append(comparison_pages.disagreement_callout(data, discrepancy, SOURCES_PAGE))
    return "\n".join(out)
