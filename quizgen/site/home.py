"""The home page's answer to "how do the types differ?", put where docs/index.md has its marker
(`content.HOME_MARKER`): how health care and a consumer service differ, as one source
compares them; the types grouped by where the sources place them, and a picture of that; one
table of every type against the questions that matter most; a picture of the names the
sources treat as one; and a reading order. All of it from the data, so that a new comparison
or type shows up here too.
"""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.data.model import Dataset, MassageType
from quizgen.site import cells, comparison_pages, pictures
from quizgen.site.markdown import table, text

SOURCES_PAGE = "sources.md"
# Headings that claim no more than the placements do: where a source's words put a type.
GROUPS = {
    "health-care": "Health care",
    "consumer-service": "A consumer service",
    "depends": "It depends on the source",
    "unplaced": "Not placed by any source",
}
_SHOWN_VALUES = 2


def group_of(massage_type: MassageType) -> str:
    places = {p.place for p in massage_type.placements}
    if not places:
        return "unplaced"
    return places.pop() if len(places) == 1 and places <= set(GROUPS) else "depends"


def grouped(data: Dataset) -> dict[str, list[MassageType]]:
    groups: dict[str, list[MassageType]] = {g: [] for g in GROUPS}
    for massage_type in data.types:
        groups[group_of(massage_type)].append(massage_type)
    return {g: types for g, types in groups.items() if types}


def start_here(data: Dataset) -> str:
    return "\n".join(
        [
            "## The short answer {#short-answer}\n",
            contrast(data),
            groups_list(data),
            pictures.spectrum(
                data, [t for types in grouped(data).values() for t in types if t.placements]
            ),
            "## The types side by side {#side-by-side}\n",
            side_by_side(data),
            "## One name, several meanings {#name-map}\n",
            "The sources do not use the names alike: some treat several names as one type. "
            "[What the names mean](terminology.md) sets their definitions side by side.\n",
            pictures.name_map(data),
            "## Where to read next {#reading-order}\n",
            _reading_order(data),
        ]
    )


def _type_link(massage_type: MassageType) -> str:
    return f"[{text(massage_type.name)}](terminology.md#{massage_type.id})"


def groups_list(data: Dataset) -> str:
    out = [
        "Which types are which: each source's own words put a type in health care, in a "
        "consumer service, between the two, or in either. The tags name the sources"
        '<span class="quizgen-screen-only">; *quote* opens their words</span>.\n'
    ]
    for group, types in grouped(data).items():
        out.append(f"**{GROUPS[group]}**\n")
        for massage_type in types:
            places = "; ".join(
                ("" if group != "depends" else pictures.PLACE_WORDS[place]) + _tags(data, sources)
                for place, sources in pictures.by_place(massage_type).items()
            )
            quotes = "<br>".join(
                f"{text(data.source(p.source).short_name)}: {cells.quoted(p.quote)}"
                for p in massage_type.placements
            )
            sep = ": " if group == "depends" else " "
            about = f"where the sources place {massage_type.name.lower()}"
            marker = cells.evidence("<br>" + quotes, about) if quotes else ""
            out.append(f"- {_type_link(massage_type)}{sep}{places}{marker}")
        out.append("")
    return "\n".join(out)


def _tags(data: Dataset, sources: list[str]) -> str:
    return cells.tag_links(data, sources, SOURCES_PAGE)


def side_by_side(data: Dataset) -> str:
    columns = _columns(data)
    rows = []
    for types in grouped(data).values():
        for massage_type in types:
            also = _also_called(data, massage_type)
            name = _type_link(massage_type) + (
                f'<small class="quizgen-aka">{also}</small>' if also else ""
            )
            said = (_summary_cell(data, massage_type, c, _SHOWN_VALUES) for c in columns)
            rows.append([name, *(cell or "—" for cell in said)])
    intro = (
        "What the sources say about each type on the questions that matter most. A tag names "
        "the source and leads to the table that quotes it; [Across the sources]"
        "(cross-source.md) has every value. — means no source says.\n"
    )
    return intro + "\n" + table(["Type", *(text(c) for c in columns)], rows)


CONTRASTED = ("health-care", "consumer-service")


def contrast(data: Dataset) -> str:
    """Health care against consumer service on the summary's questions. Each row is one
    source's comparison of a type of each kind, so that its two sides were set against each
    other by the same author; a question no source compares that way is left out."""
    groups = grouped(data)
    if not all(g in groups for g in CONTRASTED):
        return ""
    rows, used = [], []
    for column in _columns(data):
        for source in data.sources:
            sides = [_group_cell(data, groups[g], column, source.id) for g in CONTRASTED]
            if all(sides):
                rows.append([f"**{text(column)}**", *sides])
                used.append(source)
                break
    if not rows:
        return ""
    givers = list(dict.fromkeys(used))
    by = (
        f"“{text(givers[0].title)}” ({cells.source_tags(data)[givers[0].id]})"
        if len(givers) == 1
        else "the sources that compare a type of each kind, one source to a row"
    )
    lead = (
        "The sources set two kinds of service apart: health care and a consumer service. "
        f"Here is how they differ, as {by} tells it; the other sources do not always agree "
        "(the table further down has them all)."
    )
    return f"{lead}\n\n" + table(["", *(GROUPS[g] for g in CONTRASTED)], rows)


def _group_cell(data: Dataset, types: list[MassageType], column: str, source: str) -> str:
    for massage_type in types:
        said = _summary_cell(data, massage_type, column, shown=1, more=False, source=source)
        if said:
            name = pictures.short_name(massage_type).lower()
            return f"{said} <small>({text(name)})</small>"
    return ""


def _columns(data: Dataset) -> list[str]:
    return list(dict.fromkeys(d.summary for d in data.dimensions if d.summary))


def _also_called(data: Dataset, massage_type: MassageType) -> str:
    said = []
    for synonym in massage_type.synonyms:
        names = ", ".join(pictures.short_name(data.type(t)).lower() for t in synonym.terms)
        said.append(f"same as {text(names)}{_tags(data, [synonym.source])}")
    return "; ".join(said)


def _summary_cell(
    data: Dataset,
    massage_type: MassageType,
    column: str,
    shown: int,
    more: bool = True,
    source: str | None = None,
) -> str:
    """The values the sources (or only `source`) give the type in the dimensions of
    `column`: the first such dimension that has any, at most `shown` values, each with the
    tags of the sources that give it (and, if `more`, a link to the others); empty if none."""
    dimensions = [d for d in data.dimensions if d.summary == column]
    for dimension in (d.id for d in dimensions):
        said: dict[str, list[tuple[str, str]]] = {}
        for value, giver, table_address in _values(data, massage_type.id, dimension):
            if source in (None, giver):
                said.setdefault(value, []).append((giver, table_address))
        if said:
            # A value from a column's later dimension says which: "Who pays" answered by
            # "Insurance coverage: only some states ..." is not a payer.
            label = data.dimension(dimension).label
            named = f"{text(label)}: " if dimension != dimensions[0].id else ""
            values = [
                f"{named}{text(value)}{cells.tags_linked(data, links)}"
                for value, links in list(said.items())[:shown]
            ]
            others = len(said) - shown
            if more and others > 0:
                category = data.dimension(dimension).category
                values.append(f"[{others} more](cross-source.md#{category})")
            return "<br>".join(values)
    return ""


def _values(data: Dataset, type_id: str, dimension: str) -> Iterator[tuple[str, str, str]]:
    """(value, source id, address of the table that quotes it) for every value the sources
    give, sources in data order."""
    for comparison in comparison_pages.in_source_order(data):
        for row in comparison.rows:
            if row.dimension == dimension and type_id in row.cells:
                values = cells.values(row.cells[type_id])
                if values:
                    anchor = data.dimension(dimension).category
                    address = f"{comparison_pages.path(comparison)}#{anchor}"
                    yield cells.brief(values), comparison.source, address


def _reading_order(data: Dataset) -> str:
    comparisons = sorted(comparison_pages.in_source_order(data), key=lambda c: -len(c.types))
    steps = [
        "This page: the short answer and the table above.",
        "[What the names mean](terminology.md): each source's own definition of each name.",
        *(
            f"[{text(c.title)}](comparisons/{c.id}.md), from *{text(data.source(c.source).title)}*"
            for c in comparisons
        ),
        "[Across the sources](cross-source.md): what every source says, type by type.",
        "[Practice](practice.md): MBLEx-style questions, each answer explained.",
    ]
    return "\n".join(f"{n}. {step}" for n, step in enumerate(steps, 1)) + "\n"
