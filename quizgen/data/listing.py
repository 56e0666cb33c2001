"""What the data already holds, as rows a person can scan: the ids to reuse when adding a
table (types, dimensions, sources, categories, glossary terms), with what each is called and
where it is used."""

from __future__ import annotations

from collections import defaultdict

from quizgen.data.model import Dataset

Row = dict[str, str]


def _types(data: Dataset) -> list[Row]:
    used: dict[str, list[str]] = defaultdict(list)
    for comparison in data.comparisons:
        for type_id in comparison.types:
            used[type_id].append(comparison.id)
    return [
        {
            "id": t.id,
            "name": t.name,
            "a source equates it with": ", ".join(
                sorted({other for s in t.synonyms for other in s.terms})
            ),
            "in tables": ", ".join(used[t.id]),
        }
        for t in data.types
    ]


def _dimensions(data: Dataset) -> list[Row]:
    used: dict[str, list[str]] = defaultdict(list)
    for comparison in data.comparisons:
        for row in comparison.rows:
            used[row.dimension].append(comparison.id)
    return [
        {
            "id": d.id,
            "label": d.label,
            "category": d.category,
            "kind": d.kind,
            "in tables": ", ".join(used[d.id]),
        }
        for d in sorted(data.dimensions, key=lambda d: (d.category, d.id))
    ]


def _sources(data: Dataset) -> list[Row]:
    return [
        {"id": s.id, "title": s.title, "publisher": s.publisher, "file": s.file}
        for s in data.sources
    ]


def _categories(data: Dataset) -> list[Row]:
    dimensions: dict[str, int] = defaultdict(int)
    for d in data.dimensions:
        dimensions[d.category] += 1
    return [
        {
            "id": c.id,
            "label": c.label,
            "exam area": c.area or "",
            "dimensions": str(dimensions[c.id]),
        }
        for c in data.categories
    ]


def _terms(data: Dataset) -> list[Row]:
    return [
        {"id": t.id, "term": t.term, "kind": t.kind or "", "source": t.source}
        for t in sorted(data.glossary, key=lambda t: t.term.casefold())
    ]


LISTS = {
    "types": _types,
    "dimensions": _dimensions,
    "sources": _sources,
    "categories": _categories,
    "terms": _terms,
}


def rows(data: Dataset, what: str) -> list[Row]:
    """The rows of one list (a key of LISTS), every row with the same columns."""
    return LISTS[what](data)


def table(listed: list[Row]) -> list[str]:
    """Rows as lines of aligned columns under a header, for a terminal or a pipe."""
    if not listed:
        return []
    columns = list(listed[0])
    widths = {c: max(len(c), *(len(row[c]) for row in listed)) for c in columns}

    def line(cells: dict[str, str]) -> str:
        return "  ".join(cells[c].ljust(widths[c]) for c in columns).rstrip()

    return [line({c: c for c in columns}), *(line(row) for row in listed)]
