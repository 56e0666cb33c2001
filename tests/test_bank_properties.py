"""For any valid data and any seed, every generated item passes the independent checker."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.bank.catalog import Catalog
from quizgen.bank.verify import Checker
from quizgen.data.model import (
    AlsoTrue,
    Area,
    Category,
    Comparison,
    Dataset,
    Definition,
    Dimension,
    Equivalent,
    Exam,
    Family,
    FamilyMember,
    MassageType,
    Row,
    Source,
    Synonym,
    Term,
)
from quizgen.quiz import QuizError, assemble, largest
from tests.test_bank import with_key_as_distractor

# A small vocabulary, so values collide, contain one another and repeat across types.
WORDS = ["client", "patient", "rate", "rates", "set", "by", "market", "insurer", "the", "60", "30"]
TYPES = ["alpha", "beta", "gamma", "delta", "epsilon"]

value = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join).map(str.capitalize)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    types = draw(st.lists(st.sampled_from(TYPES), min_size=2, max_size=5, unique=True))
    sources = [
        Source(id=f"s{n}", title=f"Source {n}", publisher="p", kind="k", file="f") for n in range(2)
    ]
    dims = [
        Dimension(
            id=f"d{n}",
            label=f"Dim {n}",
            category=draw(st.sampled_from(["c1", "c2"])),
            area=draw(st.sampled_from(["a1", "a2"])),
            kind=draw(st.sampled_from(["text", "list"])),
            question="What is {type} like?",
        )
        for n in range(draw(st.integers(2, 6)))
    ]

    # Cells as the YAML gives them; the model tells the three kinds apart by their keys.
    def cell(dim: Dimension) -> dict[str, object]:
        if draw(st.integers(0, 5)) == 0:
            return {"missing": "not stated"}
        if dim.kind == "text":
            v = draw(value)
            return {"value": v, "quote": v, **marks(v)}
        items = draw(st.lists(value, min_size=1, max_size=4, unique_by=str.casefold))
        return {"items": [{"value": i, "quote": i, **marks(i)} for i in items]}

    # A claim as a sentence, or a mark that the value is not for questions, or neither.
    def marks(v: str) -> dict[str, str]:
        choice = draw(st.integers(0, 3))
        return (
            {"claim": f"It is {v.lower()}."}
            if choice < 2
            else {"not_for_questions": "x"}
            if choice == 2
            else {}
        )

    comparisons = []
    for n in range(draw(st.integers(1, 3))):
        columns = draw(st.lists(st.sampled_from(types), min_size=2, max_size=3, unique=True))
        rows = [
            Row.model_validate({"dimension": d.id, "cells": {t: cell(d) for t in columns}})
            for d in draw(st.lists(st.sampled_from(dims), min_size=1, unique_by=lambda d: d.id))
        ]
        comparisons.append(
            Comparison(
                id=f"c{n}",
                title=f"C {n}",
                source=draw(st.sampled_from(["s0", "s1"])),
                types=tuple(columns),
                rows=tuple(rows),
            )
        )
    massage_types = []
    for t in types:
        definitions = tuple(
            Definition(source=s, text=draw(value), quote="q")
            for s in draw(st.lists(st.sampled_from(["s0", "s1"]), max_size=2))
        )
        others = [o for o in types if o != t]
        synonyms: tuple[Synonym, ...] = ()
        if len(others) > 0 and draw(st.booleans()):
            synonyms = (
                Synonym(
                    source=draw(st.sampled_from(["s0", "s1"])),
                    terms=(draw(st.sampled_from(others)),),
                    quote="q",
                ),
            )
        massage_types.append(
            MassageType(
                id=t, name=f"{t.capitalize()} massage", definitions=definitions, synonyms=synonyms
            )
        )
    glossary = tuple(
        Term(
            id=f"t{n}",
            term=f"Term{n}",
            definition=draw(value),
            source="s0",
            quote="q",
            area="a1",
            kind=draw(st.sampled_from(["technique", "condition", None])),
        )
        for n in range(draw(st.integers(0, 9)))
    )
    families: tuple[Family, ...] = ()
    if draw(st.booleans()):
        members = draw(st.lists(st.sampled_from(types), min_size=2, max_size=3, unique=True))
        families = (
            Family(
                id="f",
                name="F",
                description="d",
                members=tuple(
                    FamilyMember(
                        type=m, sources=tuple(draw(st.sets(st.sampled_from(["s0", "s1"]))))
                    )
                    for m in members
                ),
            ),
        )
    also_true = tuple(
        AlsoTrue(
            type=draw(st.sampled_from(types)),
            dimension=draw(st.sampled_from(dims)).id,
            value=draw(value),
            source=draw(st.sampled_from(["s0", "s1"])),
            quote="q",
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    return Dataset(
        exam=Exam(
            name="X",
            full_name="X",
            body="B",
            outline="O",
            items=10,
            minutes=10,
            forward_only=True,
            scoring="S",
            areas=(Area(id="a1", name="A1", weight=60), Area(id="a2", name="A2", weight=40)),
        ),
        sources=tuple(sources),
        categories=(
            Category(id="c1", label="C1", description="d"),
            Category(id="c2", label="C2", description="d"),
            Category(id="terminology", label="T", description="d", area="a2"),
        ),
        dimensions=tuple(dims),
        types=tuple(massage_types),
        comparisons=tuple(comparisons),
        glossary=glossary,
        families=families,
        also_true=also_true,
        equivalents=(Equivalent(words=("client", "patient")),),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(), st.integers(0, 10_000), st.integers(3, 5))
def test_every_generated_item_passes_the_checker(data: Dataset, seed: int, options: int) -> None:
    catalog = Catalog.of(data)
    bank = catalog.bank
    checker = Checker(data)
    for item in bank.items:
        assert checker.check(item) == [], item
        # Each kind's own proof refutes a true option, not only the rule that options differ.
        refuted = checker.check(with_key_as_distractor(item))
        assert [p for p in refuted if p != "options repeat"], item
    assert checker.check_bank(bank.items) == []
    count = largest(catalog, seed=seed, options=options)
    if count == 0:
        return
    try:
        quiz = assemble(catalog, count=count, seed=seed, options=options, variants=2)
    except QuizError:
        raise AssertionError("the largest quiz `largest` reports must be possible") from None
    for variant in quiz.variants:
        questions = variant.questions
        assert len(questions) == count
        taken = [u for q in questions for u in {q.item.fact, *q.item.facets}]
        assert len(set(taken)) == len(taken)
        assert len({q.item.stem for q in questions}) == len(questions)
        texts = [" ".join(o.casefold().split()) for q in questions for o in q.options]
        assert len(set(texts)) == len(texts)
        assert max(Counter(q.item.kind for q in questions).values()) <= max(1, 0.4 * count)
        for q in questions:
            assert checker.check(q.item) == []
            assert q.options[q.key_index] == q.item.key
            assert len(q.options) == options
        positions = Counter(q.key_index for q in questions)
        assert max(positions.values()) - min(positions.get(p, 0) for p in range(options)) <= 1
