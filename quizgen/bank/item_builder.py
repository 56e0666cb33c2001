"""The one place an item is built: the fields every kind fills the same way (id, source,
where it sits in the exam) come from what the item is about, so no kind can fill them in
its own way."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from quizgen.bank.facts import Facts, Known
from quizgen.bank.item import Choice, Item, item_id
from quizgen.data.model import Source


def new_item(
    *,
    id: str,
    kind: str,
    fact: str,
    stem: str,
    key: str,
    distractors: Iterable[Choice],
    rationale: str,
    source: Source,
    quote: str,
    category: str,
    area: str,
    basis: Mapping[str, str],
    facets: tuple[str, ...],
    types: tuple[str, ...] = (),
    comparison: str | None = None,
) -> Item:
    return Item(
        id=id,
        kind=kind,
        fact=fact,
        stem=stem,
        key=key,
        distractors=tuple(distractors),
        rationale=rationale,
        source=source.id,
        source_title=source.title,
        quote=quote,
        category=category,
        area=area,
        types=types,
        comparison=comparison,
        basis=basis,
        facets=facets,
    )


def item_on_fact(
    facts: Facts,
    known: Known,
    *,
    kind: str,
    id_parts: Iterable[str],
    fact: str,
    stem: str,
    key: str,
    distractors: Iterable[Choice],
    rationale: str,
    basis: Mapping[str, str],
    facets: tuple[str, ...],
    types: tuple[str, ...] | None = None,
) -> Item:
    """An item that asks about one table fact: cited from the fact's table, in the exam
    area and category of the fact's dimension."""
    dimension = facts.data.dimension(known.dimension)
    return new_item(
        id=item_id(kind, *id_parts),
        kind=kind,
        fact=fact,
        stem=stem,
        key=key,
        distractors=distractors,
        rationale=rationale,
        source=facts.data.source(known.source),
        quote=known.quote,
        category=dimension.category,
        area=dimension.area,
        types=types if types is not None else (known.type,),
        comparison=known.comparison.id,
        basis=basis,
        facets=facets,
    )
