"""Checks that span files: ids unique, references resolve, comparisons complete."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from quizgen.data.model import (
    AuthoredItem,
    Comparison,
    DataFile,
    Dimension,
    ListCell,
    MissingCell,
    TextCell,
)
from quizgen.data.problems import Location, Problem
from quizgen.data.yaml_reader import YamlFile, YamlPath

# section name -> what one of its ids is called in messages
_ID_KINDS = {
    "sources": "source",
    "areas": "exam area",
    "categories": "category",
    "dimensions": "dimension",
    "types": "type",
    "comparisons": "comparison",
    "discrepancies": "discrepancy",
    "glossary": "glossary term",
    "resources": "resource",
    "items": "authored item",
    "families": "family",
}


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.defined: dict[str, dict[str, Location]] = {name: {} for name in _ID_KINDS}
        self.dimensions: dict[str, Dimension] = {}

    def report(self, raw: YamlFile, path: YamlPath, message: str, *, key: bool = False) -> None:
        self.problems.append(Problem(raw.locate(path, key=key), message))

    def define(self, section: str, id: str, raw: YamlFile, path: YamlPath) -> None:
        seen = self.defined[section]
        if id in seen:
            first = seen[id]
            self.report(
                raw,
                (*path, "id"),
                f"duplicate {_ID_KINDS[section]} id '{id}' (first defined at {first})",
            )
        else:
            seen[id] = raw.locate((*path, "id"))

    def refer(self, section: str, id: str, raw: YamlFile, path: YamlPath) -> bool:
        known = self.defined[section]
        if id in known:
            return True
        guess = difflib.get_close_matches(id, list(known), n=1, cutoff=0.6)
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        self.report(raw, path, f"unknown {_ID_KINDS[section]} id '{id}'{hint}")
        return False


def check(files: Iterable[tuple[YamlFile, DataFile]]) -> list[Problem]:
    files = list(files)
    checker = _Checker()
    _define_all(checker, files)
    for raw, model in files:
        _check_references(checker, raw, model)
    return checker.problems


def _define_all(c: _Checker, files: list[tuple[YamlFile, DataFile]]) -> None:
    exams = [(raw, model) for raw, model in files if model.exam is not None]
    if not exams:
        c.problems.append(Problem(Location(files[0][0].name), "no file has an `exam:` section"))
    for raw, _ in exams[1:]:
        c.report(
            raw, ("exam",), f"second `exam:` section (the first is in {exams[0][0].name})", key=True
        )
    for raw, model in files:
        for section in _ID_KINDS:
            if section == "areas":
                continue
            for i, item in enumerate(getattr(model, section)):
                c.define(section, item.id, raw, (section, i))
                if section == "dimensions":
                    c.dimensions.setdefault(item.id, item)
    _check_glossary_names(c, files)
    for raw, model in exams[:1]:
        assert model.exam is not None
        for i, area in enumerate(model.exam.areas):
            c.define("areas", area.id, raw, ("exam", "areas", i))
        total = sum(a.weight for a in model.exam.areas)
        if total != 100:
            c.report(raw, ("exam", "areas"), f"area weights add up to {total}, not 100")


def _check_references(c: _Checker, raw: YamlFile, model: DataFile) -> None:
    for i, category in enumerate(model.categories):
        if category.area is not None:
            c.refer("areas", category.area, raw, ("categories", i, "area"))
    for i, dim in enumerate(model.dimensions):
        c.refer("categories", dim.category, raw, ("dimensions", i, "category"))
        c.refer("areas", dim.area, raw, ("dimensions", i, "area"))

    for i, mtype in enumerate(model.types):
        for j, definition in enumerate(mtype.definitions):
            c.refer("sources", definition.source, raw, ("types", i, "definitions", j, "source"))
        for j, placement in enumerate(mtype.placements):
            c.refer("sources", placement.source, raw, ("types", i, "placements", j, "source"))
        for j, synonym in enumerate(mtype.synonyms):
            at: YamlPath = ("types", i, "synonyms", j)
            c.refer("sources", synonym.source, raw, (*at, "source"))
            for k, term in enumerate(synonym.terms):
                if term == mtype.id:
                    c.report(raw, (*at, "terms", k), f"type '{term}' cannot be its own synonym")
                else:
                    c.refer("types", term, raw, (*at, "terms", k))

    for i, comparison in enumerate(model.comparisons):
        _check_comparison(c, raw, ("comparisons", i), comparison)

    for i, disc in enumerate(model.discrepancies):
        where: YamlPath = ("discrepancies", i)
        if disc.dimension is not None:
            c.refer("dimensions", disc.dimension, raw, (*where, "dimension"))
        for k, type_id in enumerate(disc.types):
            c.refer("types", type_id, raw, (*where, "types", k))
        for k, claim in enumerate(disc.claims):
            c.refer("sources", claim.source, raw, (*where, "claims", k, "source"))

    for i, entry in enumerate(model.glossary):
        c.refer("sources", entry.source, raw, ("glossary", i, "source"))
        if entry.area is not None:
            c.refer("areas", entry.area, raw, ("glossary", i, "area"))

    for i, resource in enumerate(model.resources):
        c.refer("sources", resource.source, raw, ("resources", i, "source"))

    for i, item in enumerate(model.items):
        _check_authored_item(c, raw, ("items", i), item)

    for i, family in enumerate(model.families):
        for k, member in enumerate(family.members):
            at = ("families", i, "members", k)
            c.refer("types", member.type, raw, (*at, "type"))
            for n, source in enumerate(member.sources):
                c.refer("sources", source, raw, (*at, "sources", n))
        for k, claim in enumerate(family.evidence):
            c.refer("sources", claim.source, raw, ("families", i, "evidence", k, "source"))

    for i, also in enumerate(model.also_true):
        c.refer("types", also.type, raw, ("also_true", i, "type"))
        c.refer("dimensions", also.dimension, raw, ("also_true", i, "dimension"))
        c.refer("sources", also.source, raw, ("also_true", i, "source"))


def _check_comparison(c: _Checker, raw: YamlFile, at: YamlPath, comparison: Comparison) -> None:
    c.refer("sources", comparison.source, raw, (*at, "source"))
    seen_types: set[str] = set()
    for k, type_id in enumerate(comparison.types):
        if type_id in seen_types:
            c.report(raw, (*at, "types", k), f"type '{type_id}' is listed twice")
        seen_types.add(type_id)
        c.refer("types", type_id, raw, (*at, "types", k))

    seen_dims: dict[str, int] = {}
    for r, row in enumerate(comparison.rows):
        row_at = (*at, "rows", r)
        if row.dimension in seen_dims:
            c.report(
                raw,
                (*row_at, "dimension"),
                f"dimension '{row.dimension}' already has a row in this comparison "
                f"(row {seen_dims[row.dimension] + 1}); merge the two",
            )
        seen_dims.setdefault(row.dimension, r)
        known = c.refer("dimensions", row.dimension, raw, (*row_at, "dimension"))
        for type_id in comparison.types:
            if type_id not in row.cells:
                c.report(
                    raw,
                    (*row_at, "cells"),
                    f"no cell for type '{type_id}' in the '{row.dimension}' row "
                    "(write `missing: <reason>` if the source does not say)",
                    key=True,
                )
        for type_id, cell in row.cells.items():
            cell_at = (*row_at, "cells", type_id)
            if type_id not in seen_types:
                c.report(
                    raw,
                    cell_at,
                    f"cell for '{type_id}', which is not one of this comparison's types "
                    f"({', '.join(comparison.types)})",
                    key=True,
                )
            if isinstance(cell, MissingCell):
                continue
            dimension = c.dimensions.get(row.dimension) if known else None
            if dimension is not None and isinstance(cell, TextCell) and dimension.kind == "list":
                c.report(raw, cell_at, f"'{row.dimension}' is a list dimension: give `items`")
            if dimension is not None and isinstance(cell, ListCell) and dimension.kind == "text":
                c.report(raw, cell_at, f"'{row.dimension}' is a text dimension: give `value`")
            if isinstance(cell, ListCell):
                _check_items(c, raw, cell_at, cell)


def _check_items(c: _Checker, raw: YamlFile, at: YamlPath, cell: ListCell) -> None:
    if not cell.items and cell.quote is None:
        c.report(raw, (*at, "items"), "an empty list means 'none' and needs a `quote` showing that")
    seen: dict[str, int] = {}
    for n, item in enumerate(cell.items):
        key = item.value.casefold()
        if key in seen:
            c.report(
                raw,
                (*at, "items", n, "value"),
                f"'{item.value}' is already item {seen[key] + 1} of this list (lists are sets)",
            )
        seen.setdefault(key, n)


def _check_authored_item(c: _Checker, raw: YamlFile, at: YamlPath, item: AuthoredItem) -> None:
    c.refer("sources", item.source, raw, (*at, "source"))
    c.refer("categories", item.category, raw, (*at, "category"))
    c.refer("areas", item.area, raw, (*at, "area"))
    for k, type_id in enumerate(item.types):
        c.refer("types", type_id, raw, (*at, "types", k))
    seen = {item.key.casefold(): (*at, "key")}
    for k, distractor in enumerate(item.distractors):
        folded = distractor.text.casefold()
        if folded in seen:
            c.report(raw, (*at, "distractors", k, "text"), f"option '{distractor.text}' repeats")
        seen[folded] = (*at, "distractors", k, "text")


def _check_glossary_names(c: _Checker, files: list[tuple[YamlFile, DataFile]]) -> None:
    """A name may belong to one glossary term only, or the site could not link it."""
    seen: dict[str, Location] = {}
    for raw, model in files:
        for i, entry in enumerate(model.glossary):
            names = [("term", None, entry.term)] + [("aka", k, a) for k, a in enumerate(entry.aka)]
            for key, k, name in names:
                path: YamlPath = ("glossary", i, key) if k is None else ("glossary", i, key, k)
                folded = name.casefold()
                if folded in seen:
                    c.report(
                        raw, path, f"'{name}' already names the glossary term at {seen[folded]}"
                    )
                else:
                    seen[folded] = raw.locate(path)
