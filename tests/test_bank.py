"""The question bank: enough items, every one re-proven by the independent checker."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from quizgen import load_data
from quizgen.audit import audit, check_item
from quizgen.bank import KINDS, Bank, Choice, build_bank
from quizgen.model import Dataset, MissingCell
from quizgen.verify import Checker
from tests.conftest import DATA_DIR


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_data(DATA_DIR)


@pytest.fixture(scope="module")
def bank(data: Dataset) -> Bank:
    return build_bank(data)


def test_the_shipped_bank_has_300_items_of_every_kind(bank: Bank) -> None:
    usable = bank.usable(4)
    assert len(usable) >= 300
    assert len({i.id for i in usable}) == len(usable)
    kinds = Counter(i.kind for i in usable)
    assert set(KINDS) <= set(kinds), set(KINDS) - set(kinds)
    assert kinds["scenario"] >= 20


def test_every_item_is_proven_by_the_independent_checker(bank: Bank, data: Dataset) -> None:
    checker = Checker(data)
    failures = {i.id: checker.check(i) for i in bank.items}
    assert {k: v for k, v in failures.items() if v} == {}


def test_dropped_items_are_counted(bank: Bank) -> None:
    assert sum(bank.dropped.values()) > 0
    assert set(bank.dropped) <= set(KINDS)


def test_ids_come_from_the_fact_not_from_order(data: Dataset, bank: Bank) -> None:
    shuffled = replace(
        data,
        comparisons=tuple(reversed(data.comparisons)),
        glossary=tuple(reversed(data.glossary)),
    )
    assert {i.id for i in build_bank(shuffled).items} == {i.id for i in bank.items}
    assert [i.id for i in build_bank(data).items] == [i.id for i in bank.items]


@pytest.mark.parametrize("options", [3, 4, 5])
def test_shipped_bank_breaks_no_item_writing_rule(bank: Bank, data: Dataset, options: int) -> None:
    report = audit(bank.usable(options), options, data)
    assert [(v.item, v.rule, v.detail) for v in report.violations] == []
    assert report.key_longest_share <= 0.35


def test_unknown_is_not_different(bank: Bank, data: Dataset) -> None:
    """A type offered as wrong has a known, different value: a missing cell proves nothing."""
    known = {
        (type_id, row.dimension)
        for c in data.comparisons
        for row in c.rows
        for type_id, cell in row.cells.items()
        if not isinstance(cell, MissingCell)
    }
    by_name = {t.name: t.id for t in data.types}
    which = [i for i in bank.items if i.kind == "which-type"]
    assert which
    for item in which:
        for d in item.distractors:
            assert (by_name[d.text], item.basis["dimension"]) in known


def test_shared_values_never_make_two_true_options(bank: Bank) -> None:
    for item in bank.items:
        if item.kind == "which-type" and "consumer marketplace" in item.stem:
            names = [item.key, *(d.text for d in item.distractors)]
            assert not {"Relaxation massage", "Wellness massage"} <= set(names), item.stem


def test_disputed_facts_name_their_source(bank: Bank) -> None:
    disputed = [
        i
        for i in bank.items
        if i.basis.get("dimension") == "documentation-time"
        and i.basis.get("type") == "medical"
        and i.kind in ("value", "statement")
    ]
    assert disputed
    assert all(i.stem.startswith("According to ") for i in disputed)


def test_lists_are_sets(bank: Bank) -> None:
    for item in bank.items:
        if item.basis.get("dimension") == "accountable-to" and item.basis.get("type") == "medical":
            assert "Certification boards" not in [d.text for d in item.distractors]
            if item.kind == "discriminator":
                assert item.key != "Certification boards"


@pytest.mark.parametrize("kind", ["value", "which-type", "statement", "list", "term", "definition"])
def test_checker_rejects_a_distractor_that_is_true(bank: Bank, data: Dataset, kind: str) -> None:
    checker = Checker(data)
    item = next(i for i in bank.items if i.kind == kind)
    # The key itself, disguised as a distractor, is true by definition.
    tampered = replace(
        item, distractors=(Choice(item.key, "wrong, says the generator"), *item.distractors[1:])
    )
    assert checker.check(tampered) != []


def test_checker_rejects_a_key_that_is_not_in_the_data(bank: Bank, data: Dataset) -> None:
    checker = Checker(data)
    for kind in ("value", "list", "term", "definition", "scenario"):
        item = next(i for i in bank.items if i.kind == kind)
        assert checker.check(replace(item, key=item.key + " (changed)")) != [], kind


def test_audit_catches_each_rule(bank: Bank, data: Dataset) -> None:
    item = next(i for i in bank.usable(4) if i.kind == "value")
    cases = {
        "full-question": replace(item, stem="Rates of medical massage."),
        "no-all-or-none": replace(
            item, distractors=(Choice("All of the above", ""), *item.distractors[1:])
        ),
        "negative-in-capitals": replace(
            item, stem="Which is not how rates are set in medical massage?"
        ),
        "distinct-options": replace(
            item, distractors=(Choice(item.key.upper(), ""), *item.distractors[1:])
        ),
        "homogeneous-options": replace(
            item, distractors=(Choice("Medical massage", ""), *item.distractors[1:])
        ),
        "no-clue-in-key": replace(
            item, stem="How are rates set, with Zephyr?", key="Set by Zephyr"
        ),
    }
    for rule, bad in cases.items():
        assert rule in [v.rule for v in check_item(bad, 4, data)], rule
