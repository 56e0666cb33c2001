"""What each source means by each name, which names it treats as one, and where they conflict."""

from __future__ import annotations

from quizgen.data.model import Dataset, MassageType
from quizgen.site import cells, comparison_pages
from quizgen.site.markdown import table, text

PATH = "terminology.md"
SOURCES_PAGE = "sources.md"


def _synonyms(data: Dataset, massage_type: MassageType, source: str) -> str:
    names = [
        data.type(t).name for s in massage_type.synonyms if s.source == source for t in s.terms
    ]
    return ", ".join(text(n) for n in dict.fromkeys(names))


def _same_as_table(data: Dataset) -> str:
    tags = cells.source_tags(data)
    header = ["Name", *(f"[{tags[s.id]}]({SOURCES_PAGE}#{s.id})" for s in data.sources)]
    rows = []
    for massage_type in data.types:
        row = [f"[{text(massage_type.name)}](#{massage_type.id})"]
        for source in data.sources:
            uses = any(d.source == source.id for d in massage_type.definitions)
            same = _synonyms(data, massage_type, source.id)
            row.append(same or ("its own type" if uses else "—"))
        rows.append(row)
    return table(header, rows)


def page(data: Dataset) -> str:
    tags = cells.source_tags(data)
    out = [
        "# What the names mean\n",
        "The sources do not agree on what the names of massage types mean. This page sets "
        'each source\'s usage side by side; it never merges them into one "true" meaning.\n',
        "## Which names each source treats as the same type {#same-as}\n",
        "Each cell lists the names a source equates with the row's name; *its own type* means "
        "the source uses the name without equating it with another, and — that it does not "
        "use the name. Source tags are explained on the [sources page](sources.md).\n",
        _same_as_table(data),
    ]
    for massage_type in data.types:
        out.append(f"## {text(massage_type.name)} {{#{massage_type.id}}}\n")
        rows = []
        for definition in massage_type.definitions:
            source = data.source(definition.source)
            quote = cells.quoted(definition.quote)
            link = cells.source_link(source, SOURCES_PAGE)
            rows.append(
                [
                    f"{tags[source.id]}: {text(source.short_name)}",
                    text(definition.text)
                    + cells.evidence(
                        f"{quote} ({link})", f"{massage_type.name}, {source.short_name}"
                    ),
                ]
            )
        for synonym in massage_type.synonyms:
            source = data.source(synonym.source)
            names = ", ".join(text(data.type(t).name) for t in synonym.terms)
            quote = cells.quoted(synonym.quote)
            link = cells.source_link(source, SOURCES_PAGE)
            rows.append(
                [
                    f"{tags[source.id]}: {text(source.short_name)}",
                    f"The same as {names}"
                    + cells.evidence(
                        f"{quote} ({link})", f"{massage_type.name}, {source.short_name}"
                    ),
                ]
            )
        if rows:
            out.append(table(["Source", "How the source uses the name"], rows))
        else:
            out.append("No source defines this name.\n")
        for discrepancy in data.discrepancies:
            if discrepancy.dimension is not None or massage_type.id not in discrepancy.types:
                continue
            # Spelled out once, under the first type it concerns; the others point there.
            first = discrepancy.types[0]
            if massage_type.id == first:
                out.append(comparison_pages.disagreement_callout(data, discrepancy, SOURCES_PAGE))
            else:
                out.append(
                    f"The sources disagree on {text(discrepancy.topic.lower())}: "
                    f"see [{text(data.type(first).name)}](#{first}).\n"
                )
    return "\n".join(out)
