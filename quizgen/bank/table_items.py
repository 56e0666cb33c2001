"""Items from table cells: a type's value, which type has a value, a true statement."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.bank import wording
from quizgen.bank.choose import by_preference
from quizgen.bank.facts import Facts, Known
from quizgen.item import Choice, Item, item_id

# Distractors from the statement's own category, if it has this many, keep options homogeneous.
ENOUGH = 4


def items(facts: Facts) -> Iterator[Item]:
    for known in facts.text.values():
        for fact in known:
            yield value_item(facts, fact)
            yield which_type_item(facts, fact)
            yield statement_item(facts, fact)
    for known in facts.items.values():
        for fact in known:
            yield statement_item(facts, fact)


def _fact_key(fact: Known) -> str:
    return f"{fact.type}:{fact.dimension}:{' '.join(fact.value.casefold().split())}"


def _common(facts: Facts, fact: Known, kind: str, stem: str, key: str, wrong: list[Choice]) -> Item:
    data = facts.data
    dimension = data.dimension(fact.dimension)
    source = data.source(fact.comparison.source)
    return Item(
        id=item_id(kind, fact.comparison.id, fact.type, fact.dimension, fact.value),
        kind=kind,
        fact=_fact_key(fact),
        stem=stem,
        key=key,
        distractors=tuple(by_preference(wrong, key, fact.comparison.id)),
        rationale=(
            f"{wording.capitalised(wording.name(data, fact.type))}: {dimension.label.lower()} "
            f"{'includes' if dimension.kind == 'list' else 'is'} “{fact.value}” "
            f"({wording.cited(source, fact.quote)})."
        ),
        source=source.id,
        source_title=source.title,
        quote=fact.quote,
        category=dimension.category,
        area=dimension.area,
        types=(fact.type,),
        comparison=fact.comparison.id,
        basis={"comparison": fact.comparison.id, "type": fact.type, "dimension": fact.dimension},
    )


def _stem(facts: Facts, fact: Known, stem: str) -> str:
    if facts.disputed(fact.type, fact.dimension):
        return wording.according_to(facts.data.source(fact.comparison.source), stem)
    return stem


def value_item(facts: Facts, fact: Known) -> Item:
    """ "In medical massage, how are rates set?" - other types' values that the type lacks."""
    data = facts.data
    asked = wording.name(data, fact.type)
    wrong = [
        Choice(
            other.value,
            f"That is {wording.name(data, other.type)}, per "
            f'"{data.source(other.comparison.source).title}"; {asked} differs here.',
            other.comparison.id,
        )
        for other in facts.wrong_values(fact, "text")
    ]
    stem = _stem(facts, fact, wording.question(data, data.dimension(fact.dimension), fact.type))
    return _common(facts, fact, "value", stem, fact.value, wrong)


def which_type_item(facts: Facts, fact: Known) -> Item:
    """ "Rates: set by UCR. Which type of massage does this describe?" - options are types."""
    data = facts.data
    dimension = data.dimension(fact.dimension)
    wrong: dict[str, Choice] = {}
    for other in facts.others_on(fact.dimension, "text"):
        if (
            other.type not in wrong
            and facts.distinct(fact.type, other.type)
            and facts.disproves(fact.value, other.type, fact.dimension)
        ):
            title = data.source(other.comparison.source).title
            wrong[other.type] = Choice(
                data.type(other.type).name,
                f'Its {dimension.label.lower()} is “{other.value}”, per "{title}".',
                other.comparison.id,
            )
    stem = f"{wording.statement(dimension, fact.value)}. Which type of massage does this describe?"
    return _common(facts, fact, "which-type", stem, data.type(fact.type).name, list(wrong.values()))


def statement_item(facts: Facts, fact: Known) -> Item:
    """ "Which of the following is true of medical massage?" - other types' values elsewhere.

    Distractors come from other dimensions, the same category first so the options stay
    homogeneous, then any category.
    """
    data = facts.data
    category = data.dimension(fact.dimension).category
    wrong: dict[str, Choice] = {}
    others = facts.cells_beside(fact.type)
    others.sort(key=lambda cell: data.dimension(cell[1]).category != category)
    for other_type, dim_id, known in others:
        if dim_id == fact.dimension or not facts.distinct(fact.type, other_type):
            continue
        dimension = data.dimension(dim_id)
        if dimension.category != category and len(wrong) >= ENOUGH:
            break
        for other in known:
            text = wording.statement(dimension, other.value)
            if text not in wrong and facts.disproves(other.value, fact.type, dim_id):
                title = data.source(other.comparison.source).title
                wrong[text] = Choice(
                    text,
                    f'That is {wording.name(data, other_type)}, per "{title}".',
                    other.comparison.id,
                )
    stem = _stem(facts, fact, f"Which of the following is true of {wording.name(data, fact.type)}?")
    key = wording.statement(data.dimension(fact.dimension), fact.value)
    return _common(facts, fact, "statement", stem, key, list(wrong.values()))
