"""Items from table cells: a type's value, a true statement, a true pair of statements, and a
short case built from a type's facts.

Every stem names the table's source, and that source refutes every wrong option: the sources
use the names of the types differently, so a fact is only ever one source's fact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from itertools import combinations

from quizgen.bank import wording
from quizgen.bank.distractors import by_preference
from quizgen.bank.facts import Facts, Known
from quizgen.bank.item import Choice, Item
from quizgen.bank.item_builder import item_on_fact
from quizgen.data.model import Comparison, TextCell

# How a case opens; picked by the case's own facts, so the same case always reads the same.
CASE_OPENINGS = (
    "A student shadowing a massage therapist writes down what she sees",
    "A massage therapist describes her practice to a new colleague",
    "A therapist explains to a student how her massage practice works",
)


def items(facts: Facts) -> Iterator[Item]:
    for known in facts.text.values():
        for fact in known:
            if fact.asked:
                yield value_item(facts, fact)
                if fact.claim:
                    yield statement_item(facts, fact)
    for comparison in facts.data.comparisons:
        yield from paired_items(facts, comparison)


def _fact_key(fact: Known) -> str:
    return f"{fact.type}:{fact.dimension}:{' '.join(fact.value.casefold().split())}"


def facet(facts: Facts, fact: Known) -> str:
    """What a quiz asks at most once: one dimension of one kind of service."""
    return f"{facts.sense(fact.source, fact.type)}:{fact.dimension}"


def _why(facts: Facts, fact: Known, other: Known) -> str:
    """Why `other` is wrong for the fact's type, in the words of the fact's own source."""
    data = facts.data
    title = data.source(fact.source).title
    asked = wording.name(data, fact.type)
    told = fact.claim or f"“{fact.value}”"
    if other.source == fact.source:
        return (
            f'"{title}" says this of {wording.name(data, other.type)}; of {asked} it says: {told}'
        )
    return f'"{title}" says of {asked}: {told}'


def _common(facts: Facts, fact: Known, kind: str, stem: str, key: str, wrong: list[Choice]) -> Item:
    data = facts.data
    dimension = data.dimension(fact.dimension)
    return item_on_fact(
        facts,
        fact,
        kind=kind,
        id_parts=(fact.comparison.id, fact.type, fact.dimension, fact.value),
        fact=_fact_key(fact),
        stem=stem,
        key=key,
        distractors=by_preference(wrong, key, fact.comparison.id),
        rationale=(
            f"{wording.capitalised(wording.name(data, fact.type))}: {dimension.label.lower()} "
            f"{'includes' if dimension.kind == 'list' else 'is'} “{fact.value}” "
            f"({wording.cited(data.source(fact.source), fact.quote)})."
        ),
        basis={"comparison": fact.comparison.id, "type": fact.type, "dimension": fact.dimension},
        facets=(facet(facts, fact),),
    )


def _according_to(facts: Facts, fact: Known, question: str) -> str:
    return wording.according_to(facts.data.source(fact.source), question)


def value_item(facts: Facts, fact: Known) -> Item:
    """ "According to <source>, how are rates set in medical massage?" - short values."""
    data = facts.data
    wrong = [
        Choice(other.value, _why(facts, fact, other), other.comparison.id)
        for other in facts.wrong_values(fact, "text")
    ]
    question = wording.question(data, data.dimension(fact.dimension), fact.type)
    return _common(facts, fact, "value", _according_to(facts, fact, question), fact.value, wrong)


def statement_item(facts: Facts, fact: Known) -> Item:
    """ "According to <source>, which statement about rates is true of medical massage?" -
    full sentences, all on the one dimension."""
    data = facts.data
    assert fact.claim is not None
    wrong = [
        Choice(other.claim, _why(facts, fact, other), other.comparison.id)
        for other in facts.wrong_values(fact, "text")
        if other.claim
    ]
    label = data.dimension(fact.dimension).label.lower()
    question = f"which statement about {label} is true of {wording.name(data, fact.type)}?"
    stem = _according_to(facts, fact, question)
    return _common(facts, fact, "statement", stem, fact.claim, wrong)


def _cell(facts: Facts, comparison: Comparison, dimension: str, type_id: str) -> Known | None:
    """The asked, claimed text fact of one cell of the comparison, if it has one."""
    row = comparison.row(dimension)
    cell = row.cells.get(type_id) if row else None
    if not isinstance(cell, TextCell) or cell.claim is None or cell.not_for_questions:
        return None
    return next(k for k in facts.text[type_id, dimension] if k.comparison.id == comparison.id)


def _contrast(
    facts: Facts, comparison: Comparison, asked: str, other: str
) -> list[tuple[Known, Known]]:
    """(asked type's fact, other type's fact) on each row where the source refutes the other's
    value for the asked type, in row order."""
    pairs = []
    for row in comparison.rows:
        mine = _cell(facts, comparison, row.dimension, asked)
        theirs = _cell(facts, comparison, row.dimension, other)
        if (
            mine is not None
            and theirs is not None
            and not facts.like.alike(mine.value, theirs.value)
            and facts.refutes(comparison.source, theirs.value, asked, row.dimension)
        ):
            pairs.append((mine, theirs))
    return pairs


def paired_items(facts: Facts, comparison: Comparison) -> Iterator[Item]:
    """Any two rows of a table that state different facts, two types: exactly one of the four
    combinations is true of the asked type. Also as a case: facts of other rows describe the
    practice without naming it, and the question asks about the two rows."""
    for asked in comparison.types:
        for other in comparison.types:
            if facts.same_kind(comparison.source, asked, comparison.source, other):
                continue
            contrast = _contrast(facts, comparison, asked, other)
            for (a, a_other), (b, b_other) in combinations(contrast, 2):
                if _restates(facts, a, b) or _restates(facts, a_other, b_other):
                    continue  # two rows of one fact: options would repeat or contradict themselves
                yield _paired(facts, a, a_other, b, b_other, case=None)
                clues = _clues(facts, contrast, a, b)
                if len(clues) == 2:
                    yield _paired(facts, a, a_other, b, b_other, case=clues)


def _clues(facts: Facts, contrast: list[tuple[Known, Known]], a: Known, b: Known) -> list[Known]:
    """Two facts of other categories that set the asked type apart both ways, to describe
    the case: plain statements ("Rates are set by UCR and RVU."), not what is only typical
    ("The work can be heavy"), neither restating the other or the asked rows, and neither
    true of the other kind too. Cases of one table start at different rows, so that a quiz
    can hold several of them without two describing the same row."""
    asked = {facts.data.dimension(k.dimension).category for k in (a, b)}
    others = [
        m
        for m, theirs in contrast
        if facts.data.dimension(m.dimension).category not in asked
        and not wording.hedged(m.claim or "")
        and not any(_restates(facts, m, k) for k in (a, b))
        # and the clue could not describe the other kind too (self-pay: medical massage
        # can be self-paid)
        and facts.refutes(m.source, m.value, theirs.type, m.dimension)
    ]
    if len(others) < 2:
        return []
    start = hashlib.sha256(f"{a.dimension}/{b.dimension}".encode()).digest()[0] % len(others)
    first = others[start]
    second = next(
        (m for m in others[start + 1 :] + others[:start] if not _restates(facts, first, m)), None
    )
    return [first, second] if second is not None else []


def _restates(facts: Facts, x: Known, y: Known) -> bool:
    """Two rows that say one thing of a type ("No, all payments are due at time of service"
    and "Due at time of service"): as two halves of an option, or two clues, they repeat."""
    return facts.like.alike(x.value, y.value) or facts.like.alike(x.claim or "", y.claim or "")


def _paired(
    facts: Facts, a: Known, a_other: Known, b: Known, b_other: Known, case: list[Known] | None
) -> Item:
    data = facts.data
    assert a.claim and b.claim and a_other.claim and b_other.claim
    labels = " and ".join(wording.topic(data.dimension(k.dimension)) for k in (a, b))
    options = [
        ((a_other.claim, b.claim), [a]),
        ((a.claim, b_other.claim), [b]),
        ((a_other.claim, b_other.claim), [a, b]),
    ]
    title = data.source(a.source).title
    asked = wording.name(data, a.type)
    wrong = [
        Choice(
            " ".join(texts),
            f'"{title}" says of {asked}: ' + " ".join(k.claim or "" for k in missed),
            a.comparison.id,
        )
        for texts, missed in options
    ]
    key = f"{a.claim} {b.claim}"
    kind = "paired" if case is None else "vignette"
    if case is None:
        stem = wording.according_to(data.source(a.source), f"what is true of {labels} in {asked}?")
        facets: tuple[str, ...] = (facet(facts, a), facet(facts, b))
    else:
        told = " ".join(k.claim or "" for k in case)
        digest = hashlib.sha256(told.encode("utf-8")).digest()
        opening = CASE_OPENINGS[digest[0] % len(CASE_OPENINGS)]
        stem = f"{opening}: “{told}” " + wording.according_to(
            data.source(a.source), f"what is true of {labels} here?"
        )
        facets = tuple(facet(facts, k) for k in (a, b, *case))
    return item_on_fact(
        facts,
        a,
        kind=kind,
        id_parts=(
            a.comparison.id,
            a.type,
            a.dimension,
            b.dimension,
            *(k.dimension for k in case or ()),
        ),
        fact=f"{kind}:{_fact_key(a)}|{_fact_key(b)}",
        stem=stem,
        key=key,
        distractors=wrong,
        rationale=(
            (f"The case describes {asked} as this source tells it. " if case else "")
            + f"{wording.capitalised(asked)}: {a.claim} {b.claim} "
            f"({wording.cited(data.source(a.source), a.quote)}; “{b.quote}”)."
        ),
        basis={
            "comparison": a.comparison.id,
            "type": a.type,
            "other": a_other.type,
            "dimension": a.dimension,
            "second": b.dimension,
            **({"case": " ".join(k.dimension for k in case)} if case else {}),
        },
        facets=facets,
    )
