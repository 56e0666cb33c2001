"""Quotes as evidence: find every quote in the data and check it against its source's text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from quizgen.data.model import DataFile, ListCell, TextCell
from quizgen.data.problems import Problem
from quizgen.data.yaml_reader import YamlFile, YamlPath

# Extraction turned list markers into bullets and straight quotes into typographic ones;
# those, and runs of whitespace, are the only differences a quote may have from its source.
_TYPOGRAPHIC = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2022": " "}
)
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_TYPOGRAPHIC)).strip()


def quotes(model: DataFile) -> Iterator[tuple[str, str, YamlPath]]:
    """(source id, quote, path of the quote) for every quote in one data file."""
    for i, mtype in enumerate(model.types):
        for j, d in enumerate(mtype.definitions):
            yield d.source, d.quote, ("types", i, "definitions", j, "quote")
        for j, s in enumerate(mtype.synonyms):
            yield s.source, s.quote, ("types", i, "synonyms", j, "quote")
        for j, p in enumerate(mtype.placements):
            yield p.source, p.quote, ("types", i, "placements", j, "quote")
    for i, comparison in enumerate(model.comparisons):
        for r, row in enumerate(comparison.rows):
            for type_id, cell in row.cells.items():
                at = ("comparisons", i, "rows", r, "cells", type_id)
                if isinstance(cell, TextCell | ListCell) and cell.quote is not None:
                    yield comparison.source, cell.quote, (*at, "quote")
                if isinstance(cell, ListCell):
                    for n, item in enumerate(cell.items):
                        yield comparison.source, item.quote, (*at, "items", n, "quote")
    for i, disc in enumerate(model.discrepancies):
        for k, claim in enumerate(disc.claims):
            yield claim.source, claim.quote, ("discrepancies", i, "claims", k, "quote")
    for i, term in enumerate(model.glossary):
        yield term.source, term.quote, ("glossary", i, "quote")
    for i, resource in enumerate(model.resources):
        for n, fact in enumerate(resource.facts):
            yield resource.source, fact.quote, ("resources", i, "facts", n, "quote")
    for i, authored in enumerate(model.items):
        yield authored.source, authored.quote, ("items", i, "quote")
    for i, family in enumerate(model.families):
        for k, claim in enumerate(family.evidence):
            yield claim.source, claim.quote, ("families", i, "evidence", k, "quote")
    for i, also in enumerate(model.also_true):
        yield also.source, also.quote, ("also_true", i, "quote")


def check(files: Iterable[tuple[YamlFile, DataFile]], sources_dir: Path) -> list[Problem]:
    """Every quote must occur, normalised, in the normalised text of the source it cites."""
    files = list(files)
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    for raw, model in files:
        for i, source in enumerate(model.sources):
            text_path = sources_dir / source.file
            try:
                texts[source.id] = normalise(text_path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as err:
                reason = err.strerror if isinstance(err, OSError) else "not UTF-8"
                problems.append(
                    Problem(
                        raw.locate(("sources", i, "file")),
                        f"cannot read source text {text_path}: {reason}",
                    )
                )
    for raw, model in files:
        for source_id, quote, path in quotes(model):
            text = texts.get(source_id)
            if text is not None and normalise(quote) not in text:
                problems.append(
                    Problem(raw.locate(path), f"quote not found in source '{source_id}': {quote!r}")
                )
    return problems
