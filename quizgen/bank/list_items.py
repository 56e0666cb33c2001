"""Items from list cells: an item on a type's list, and an item on one list but not another's.

Lists are sets: an item on both types' lists is true of both and is never a distractor. Every
stem names the list's source, and that source refutes every wrong option.
"""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.bank import wording
from quizgen.bank.distractors import by_preference
from quizgen.bank.facts import Facts, Known
from quizgen.bank.item import Choice, Item
from quizgen.bank.item_builder import item_on_fact
from quizgen.bank.table_items import facet
from quizgen.data.model import Comparison


def items(facts: Facts) -> Iterator[Item]:
    for known in facts.items.values():
        for fact in known:
            if fact.asked and _distinctive(facts, fact):
                yield list_item(facts, fact)
    for comparison in facts.data.comparisons:
        for row in comparison.rows:
            for asked in comparison.types:
                for other in comparison.types:
                    if not facts.same_kind(comparison.source, asked, comparison.source, other):
                        yield from discriminator_items(
                            facts, comparison, row.dimension, asked, other
                        )


def _distinctive(facts: Facts, fact: Known) -> bool:
    """The value is on no other column's list in its own table: a key that both columns
    share ("deep tissue massage" for medical and relaxation) would teach a false contrast."""
    return not any(
        facts.like.overlaps(fact.value, k.value)
        for t in fact.comparison.types
        if t != fact.type
        for k in facts.beside(fact, t)
    )


def _wrong_for(facts: Facts, fact: Known) -> list[Choice]:
    """Items of other types' lists on the dimension that the fact's source refutes."""
    data = facts.data
    title = data.source(fact.source).title
    asked = wording.name(data, fact.type)
    return [
        Choice(
            other.value,
            f'"{title}" does not list it for {asked}'
            + (
                f"; it lists it for {wording.name(data, other.type)}."
                if other.source == fact.source
                else "."
            ),
            other.comparison.id,
        )
        for other in facts.wrong_values(fact, "list")
    ]


def _item(
    facts: Facts,
    fact: Known,
    kind: str,
    stem: str,
    basis: dict[str, str],
    wrong: list[Choice] | None = None,
) -> Item:
    data = facts.data
    dimension = data.dimension(fact.dimension)
    wrong = _wrong_for(facts, fact) if wrong is None else wrong
    return item_on_fact(
        facts,
        fact,
        kind=kind,
        id_parts=(*basis.values(), fact.value),
        fact=f"{fact.type}:{fact.dimension}:{' '.join(fact.value.casefold().split())}",
        stem=stem,
        key=fact.value,
        distractors=by_preference(wrong, fact.value, fact.comparison.id),
        rationale=(
            f"“{fact.value}” is on the list for {wording.name(data, fact.type)} "
            f"({dimension.label.lower()}): {wording.cited(data.source(fact.source), fact.quote)}."
        ),
        types=tuple(dict.fromkeys((fact.type, basis.get("other", fact.type)))),
        basis=basis,
        facets=(facet(facts, fact),),
    )


def list_item(facts: Facts, fact: Known) -> Item:
    data = facts.data
    question = wording.question(data, data.dimension(fact.dimension), fact.type)
    stem = wording.according_to(data.source(fact.source), question)
    basis = {"comparison": fact.comparison.id, "type": fact.type, "dimension": fact.dimension}
    return _item(facts, fact, "list", stem, basis)


def discriminator_items(
    facts: Facts, comparison: Comparison, dimension: str, asked: str, other: str
) -> Iterator[Item]:
    """ "According to <source>, which of the following does it list under therapist
    accountable to for medical massage but NOT for relaxation massage?" - the key is on the
    asked type's list and not on the other's in the same table, the wrong options the other
    way round. The question asks about the table's lists, not about all that is true, so it
    holds for lists that give only examples ("most often for ..., etc.") too; a value any
    source gives for the other side is never used."""
    data = facts.data
    theirs = [k for k in facts.items.get((other, dimension), []) if k.source == comparison.source]
    if not theirs:
        return  # unknown is not different
    label = data.dimension(dimension).label.lower()
    stem = wording.according_to(
        data.source(comparison.source),
        f"which of the following does it list under {label} for {wording.name(data, asked)} "
        f"but NOT for {wording.name(data, other)}?",
    )
    basis = {"comparison": comparison.id, "type": asked, "other": other, "dimension": dimension}
    for fact in facts.items.get((asked, dimension), []):
        if fact.asked and fact.comparison.id == comparison.id and facts.contrasts(fact, other):
            wrong = [
                Choice(
                    k.value,
                    f'"{data.source(comparison.source).title}" lists it for '
                    f"{wording.name(data, other)}, not for {wording.name(data, asked)}.",
                    comparison.id,
                )
                for k in facts.beside(fact, other)
                if k.asked and facts.contrasts(k, asked)
            ]
            yield _item(facts, fact, "discriminator", stem, basis, wrong)
