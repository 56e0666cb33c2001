"""The question bank: enough items, every one re-proven by the independent checker, and none of
the faults a blind review of the first bank found."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from quizgen import load_data
from quizgen.bank.audit import audit, check_item
from quizgen.bank.build import build_bank
from quizgen.bank.catalog import Catalog
from quizgen.bank.item import APPLICATION_KINDS, KINDS, Bank, Choice, Item
from quizgen.bank.verify import PROOFS, Checker
from quizgen.bank.vocabulary import Vocabulary
from quizgen.data.model import Dataset
from quizgen.quiz import assemble
from tests.conftest import DATA_DIR

# The bank holds at least 400 four-option items, at least 100 of them application items
# (hand-written scenarios and generated vignettes).
MIN_FOUR_OPTION_ITEMS = 400
MIN_APPLICATION_ITEMS = 100


def with_key_as_distractor(item: Item) -> Item:
    """The item with its key, true by definition, disguised as its first distractor."""
    return replace(
        item, distractors=(Choice(item.key, "wrong, says the generator"), *item.distractors[1:])
    )


def of_kind(bank: Bank, *kinds: str) -> list[Item]:
    """The bank's items of these kinds; a test that loops over none would prove nothing."""
    found = [i for i in bank.items if i.kind in kinds]
    assert found, f"the bank has no {' or '.join(kinds)} item for this test to check"
    return found


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    return load_data(DATA_DIR)


@pytest.fixture(scope="module")
def bank(data) -> Bank:  # type: ignore[no-untyped-def]
    return build_bank(data)


def test_the_shipped_bank_is_large_enough_and_mostly_applied(bank: Bank) -> None:
    usable = bank.usable(4)
    assert len(usable) >= MIN_FOUR_OPTION_ITEMS
    assert len({i.id for i in usable}) == len(usable)
    kinds = Counter(i.kind for i in usable)
    assert sum(kinds[k] for k in APPLICATION_KINDS) >= MIN_APPLICATION_ITEMS, kinds
    assert set(kinds) <= set(KINDS)


def test_the_checker_has_a_proof_for_every_kind() -> None:
    assert set(PROOFS) == set(KINDS)


def test_every_item_is_proven_by_the_independent_checker(bank: Bank, data) -> None:  # type: ignore[no-untyped-def]
    checker = Checker(data)
    failures = {i.id: checker.check(i) for i in bank.items}
    assert {k: v for k, v in failures.items() if v} == {}
    assert checker.check_bank(bank.items) == []


def test_ids_come_from_the_fact_not_from_order(data, bank: Bank) -> None:  # type: ignore[no-untyped-def]
    shuffled = replace(
        data,
        comparisons=tuple(reversed(data.comparisons)),
        glossary=tuple(reversed(data.glossary)),
    )
    assert {i.id for i in build_bank(shuffled).items} == {i.id for i in bank.items}
    assert [i.id for i in build_bank(data).items] == [i.id for i in bank.items]


@pytest.mark.parametrize("options", [3, 4, 5])
def test_shipped_bank_breaks_no_item_writing_rule(bank: Bank, data, options: int) -> None:  # type: ignore[no-untyped-def]
    report = audit(bank.usable(options), options, Vocabulary.of(data))
    assert [(v.item, v.rule, v.detail) for v in report.violations] == []
    assert report.key_longest_share <= 0.35


def test_no_wrong_option_is_in_more_than_3_percent_of_items(bank: Bank) -> None:
    uses = Counter(d.text for i in bank.items for d in i.distractors)
    assert max(uses.values()) <= 0.03 * len(bank.items)


def test_every_table_stem_names_its_source(bank: Bank) -> None:
    for item in bank.items:
        if item.kind not in ("term", "term-name", "scenario"):
            assert f'According to "{item.source_title}", ' in item.stem, item.id


META = re.compile(r"\b(the page|the article|the author|according to)\b", re.IGNORECASE)


def test_no_option_speaks_of_pages_or_articles(bank: Bank) -> None:
    for item in bank.items:
        for option in item.options(5):
            assert not META.search(option), (item.id, option)


def test_the_largest_quiz_never_repeats_itself(data) -> None:  # type: ignore[no-untyped-def]
    catalog = Catalog.of(data)
    most = 0
    try:
        assemble(catalog, count=10_000, seed=1)
    except Exception as err:  # the message names the largest possible quiz
        most = int(re.search(r"at most (\d+)", str(err)).group(1))  # type: ignore[union-attr]
    assert most >= 50
    quiz = assemble(catalog, count=most, seed=1)
    questions = quiz.variants[0].questions
    stems = Counter(q.item.stem for q in questions)
    assert max(stems.values()) == 1
    options = Counter(" ".join(o.casefold().split()) for q in questions for o in q.options)
    assert max(options.values()) == 1
    kinds = Counter(q.item.kind for q in questions)
    assert max(kinds.values()) <= 0.4 * len(questions)
    facets = Counter(f for q in questions for f in {q.item.fact, *q.item.facets})
    assert max(facets.values()) == 1


# What the blind review of the first bank found, as (item id, kind, basis, stem, key, the flawed
# wrong option): each must stay out of the bank, and the checker must refuse it.
REVIEWED = [
    # A distractor from a type other sources treat as the same thing (relaxation = recreational).
    (
        "list-0940060dec5e",
        "list",
        {
            "comparison": "rehabilitative-vs-recreational",
            "type": "recreational",
            "dimension": "primary-techniques",
        },
        'According to "Rehabilitative vs Recreational Massage", which technique is a primary technique of recreational massage?',
        "Swedish massage",
        "Circulatory massage",
    ),
    (
        "list-0940060dec5e",
        "list",
        {
            "comparison": "rehabilitative-vs-recreational",
            "type": "recreational",
            "dimension": "primary-techniques",
        },
        'According to "Rehabilitative vs Recreational Massage", which technique is a primary technique of recreational massage?',
        "Swedish massage",
        "Craniosacral",
    ),
    # Key and distractor differ only by client / patient.
    (
        "value-d382c3a869c6",
        "value",
        {
            "comparison": "rehabilitative-vs-recreational",
            "type": "recreational",
            "dimension": "treatment-goal",
        },
        'According to "Rehabilitative vs Recreational Massage", what outcome does recreational massage aim for?',
        "Patient satisfaction",
        "Client satisfaction",
    ),
    (
        "value-3305f16f6f4c",
        "value",
        {"comparison": "medical-vs-wellness", "type": "wellness", "dimension": "treatment-goal"},
        'According to "Medical Massage vs. Wellness Massage", what outcome does wellness massage aim for?',
        "Client satisfaction",
        "Patient satisfaction",
    ),
    # Another name of the same consumer service.
    (
        "value-65329ff85e58",
        "value",
        {
            "comparison": "rehabilitative-vs-recreational",
            "type": "recreational",
            "dimension": "reason-for-treatment",
        },
        'According to "Rehabilitative vs Recreational Massage", in recreational massage, what is the reason for treatment?',
        "Enjoyment of relaxation, even without chronic pain",
        "Client request",
    ),
    (
        "value-df7376b407b2",
        "value",
        {
            "comparison": "medical-vs-wellness",
            "type": "wellness",
            "dimension": "reason-for-treatment",
        },
        'According to "Medical Massage vs. Wellness Massage", in wellness massage, what is the reason for treatment?',
        "Client request",
        "Enjoyment of relaxation, even without chronic pain",
    ),
    # Typical is not exclusive: the Long Island clinic's medical massage can be self-paid.
    (
        "value-payer-medical",
        "value",
        {"comparison": "medical-vs-relaxation", "type": "medical", "dimension": "payer"},
        'According to "Medical Massage vs. Relaxation Massage", who pays for medical massage?',
        "Typically a third party",
        "The client themselves",
    ),
    # A nurturing approach is used in medical practice too (the intention grid).
    (
        "value-approach-medical",
        "value",
        {"comparison": "medical-vs-wellness", "type": "medical", "dimension": "dominant-paradigm"},
        'According to "Medical Massage vs. Wellness Massage", what is the dominant paradigm of medical massage?',
        "Scientific, problem-solving",
        "Intuitive, nurturing",
    ),
    # A comparative fragment is not a fact worth asking.
    (
        "value-2073309a8d1b",
        "value",
        {
            "comparison": "rehabilitative-vs-recreational",
            "type": "recreational",
            "dimension": "focus",
        },
        'According to "Rehabilitative vs Recreational Massage", what does recreational massage focus on?',
        "More generic",
        "Patient-specific therapeutic goals",
    ),
    # Round 1 (seed 2001): a wrong option from another source, which the named one never refutes.
    (
        "statement-95c60139281e",
        "statement",
        {
            "comparison": "rehabilitative-vs-recreational",
            "type": "recreational",
            "dimension": "treatment-goal",
        },
        'According to "Rehabilitative vs Recreational Massage", which statement about goal of treatment is true of recreational massage?',
        "Patient satisfaction",
        "Treatment aims to relieve tight, overstimulated muscles.",
    ),
    # ... and a wellness clinic is a wellness center to a student.
    (
        "list-ff5a3456453e",
        "list",
        {
            "comparison": "rehabilitative-vs-recreational",
            "type": "recreational",
            "dimension": "settings",
        },
        'According to "Rehabilitative vs Recreational Massage", where is recreational massage given?',
        "Holiday resorts",
        "Wellness clinics",
    ),
    # A "most often for ... etc." list proves nothing absent from it.
    (
        "list-8984811cf7ab",
        "list",
        {"comparison": "medical-vs-therapeutic", "type": "therapeutic", "dimension": "conditions"},
        'According to "Medical vs. Therapeutic Massage - Defining The Difference", for which condition is therapeutic massage used?',
        "High blood pressure",
        "Herniated discs",
    ),
]


def _flawed(case: tuple[str, str, dict[str, str], str, str, str], data) -> Item:  # type: ignore[no-untyped-def]
    item_id, kind, basis, stem, key, wrong = case
    comparison = data.comparison(basis["comparison"])
    row = comparison.row(basis["dimension"])
    cell = row.cells[basis["type"]]
    entries = [cell] if hasattr(cell, "value") else list(cell.items)
    quote = next((e.quote for e in entries if e.value.startswith(key)), entries[0].quote)
    if kind == "statement":
        key = next((e.claim for e in entries if e.claim), key)
    source = data.source(comparison.source)
    return Item(
        id=item_id,
        kind=kind,
        fact="",
        stem=stem,
        key=key
        if kind == "statement"
        else next((e.value for e in entries if e.value.startswith(key)), key),
        distractors=(Choice(wrong, "wrong, says the generator"), Choice("Zzz placeholder", "")),
        rationale="",
        source=source.id,
        source_title=source.title,
        quote=quote,
        category="",
        area="",
        basis=basis,
    )


@pytest.mark.parametrize("case", REVIEWED, ids=[f"{c[0]}:{c[5]}" for c in REVIEWED])
def test_reviewed_flaws_stay_out(case, bank: Bank, data) -> None:  # type: ignore[no-untyped-def]
    item_id, _, basis, _, _, wrong = case
    problems = Checker(data).check(_flawed(case, data))
    assert any(wrong in p or "not for questions" in p for p in problems), problems
    assert item_id not in {i.id for i in bank.items} or wrong not in [
        d.text for i in bank.items if i.id == item_id for d in i.distractors
    ]
    for item in bank.items:
        same_question = item.id == item_id or (
            item.kind in ("value", "statement", "list") and dict(item.basis) == basis
        )
        if same_question:
            assert wrong not in [d.text for d in item.distractors], item.id


def test_glossary_options_are_one_kind_and_keys_do_not_spell_acronyms(bank: Bank, data) -> None:  # type: ignore[no-untyped-def]
    kind_of = {t.term: t.kind for t in data.glossary} | {
        t.definition: t.kind for t in data.glossary
    }
    for item in of_kind(bank, "term", "term-name"):
        asked = data.term(item.basis["term"])
        assert {kind_of[o] for o in item.options(5)} == {asked.kind}, item.id
        assert "Associated Bodywork" not in item.key


def test_checker_rejects_a_distractor_that_is_true(bank: Bank, data) -> None:  # type: ignore[no-untyped-def]
    """Each kind's own proof refutes a true option, not only the rule that options differ.
    (The bank has no definition item; generated datasets test that kind, see
    test_bank_properties.py.)"""
    checker = Checker(data)
    kinds = (
        "value",
        "statement",
        "paired",
        "vignette",
        "list",
        "discriminator",
        "term",
        "term-name",
    )
    for kind in kinds:
        item = of_kind(bank, kind)[0]
        problems = checker.check(with_key_as_distractor(item))
        assert [p for p in problems if p != "options repeat"], kind


def test_checker_rejects_a_key_that_is_not_in_the_data(bank: Bank, data) -> None:  # type: ignore[no-untyped-def]
    checker = Checker(data)
    kinds = {"list", "paired", "vignette", "definition", "scenario"} & {i.kind for i in bank.items}
    assert len(kinds) >= 4
    for kind in sorted(kinds):
        item = next(i for i in bank.items if i.kind == kind)
        assert checker.check(replace(item, key=item.key + " (changed)")) != [], kind


def test_checker_finds_two_items_that_contradict_each_other(bank: Bank, data) -> None:  # type: ignore[no-untyped-def]
    lists = [i for i in bank.items if i.kind in ("list", "discriminator")]
    keyed, other = next(
        (a, b)
        for a in lists
        for b in lists
        if a.id != b.id
        and a.key != b.key
        and a.basis["type"] == b.basis["type"]
        and a.basis["dimension"] == b.basis["dimension"]
    )
    contradicting = replace(other, distractors=(Choice(keyed.key, ""), *other.distractors[1:]))
    assert any("marks wrong" in p for p in Checker(data).check_bank([keyed, contradicting]))


def test_retired_items_stay_out(data, bank: Bank) -> None:  # type: ignore[no-untyped-def]
    from quizgen.data.model import Retired

    gone = bank.items[0].id
    retired = replace(data, retired=(*data.retired, Retired(id=gone, reason="a review")))
    assert gone not in {i.id for i in build_bank(retired).items}
    assert any("retired" in p for p in Checker(retired).check_bank(bank.items))


def test_audit_catches_each_rule(bank: Bank, data) -> None:  # type: ignore[no-untyped-def]
    item = next(i for i in bank.usable(4) if i.kind == "list")
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
        "contested-names-cited": replace(
            item, stem="Which of the following is true of therapeutic massage?"
        ),
        "no-meta-words": replace(
            item, distractors=(Choice("The page's name for it", ""), *item.distractors[1:])
        ),
    }
    for rule, bad in cases.items():
        assert rule in [v.rule for v in check_item(bad, 4, Vocabulary.of(data))], rule
    # A clue by its root: "insurers" in the stem, "Insurance" only in the key.
    rooted = replace(item, stem="Who regulates insurers in a state?", key="Insurance commissioner")
    assert "no-clue-in-key" in [v.rule for v in check_item(rooted, 4, Vocabulary.of(data))]


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("tendon", "tendinitis", True),
        ("head", "headache", True),
        ("fascia", "myofascial", True),
        ("insurers", "insurance", True),
        ("examine", "examiner", True),
        ("nerve", "neuromuscular", False),
        ("client", "clinic", False),
        ("pain", "painting", True),
    ],
)
def test_clue_words_are_matched_by_root(a: str, b: str, alike: bool) -> None:
    from quizgen.bank.audit import same_root

    assert same_root(a, b) is alike
    assert same_root(b, a) is alike


def _pair_problems(
    bank: Bank, data: Dataset, comparison: str, asked: str, other: str, *rows: str
) -> list[str]:
    """What the checker says of a paired item on two rows of a table."""
    paired = next(i for i in bank.items if i.kind == "paired")
    basis = {"comparison": comparison, "type": asked, "other": other}
    basis |= {"dimension": rows[0], "second": rows[1]}
    return Checker(data).check(replace(paired, id="paired-x", basis=basis))


def test_checker_rejects_a_pair_of_rows_that_state_one_fact(bank: Bank, data) -> None:  # type: ignore[no-untyped-def]
    """Round 3: billing ("No, all payments are due at time of service") and payment timing
    ("Due at time of service") are one fact; paired, two options contradicted themselves."""
    problems = _pair_problems(
        bank, data, "medical-vs-relaxation", "relaxation", "medical", "billing", "payment-timing"
    )
    assert "the two rows state one fact" in problems
    for item in of_kind(bank, "paired", "vignette"):
        assert {item.basis["dimension"], item.basis["second"]} != {"billing", "payment-timing"}


def test_a_case_is_told_in_defining_facts(bank: Bank) -> None:
    """Round 3: "The work can be physically heavy" is typical of medical work, not proof of it."""
    hedges = re.compile(r"\b(can|may|typically|usually|often)\b", re.IGNORECASE)
    for item in of_kind(bank, "vignette"):
        told = item.stem.split("“", 1)[1].split("”", 1)[0]
        assert not hedges.search(told), (item.id, told)


def test_checker_rejects_a_pair_built_on_a_value_not_for_questions(bank: Bank, data) -> None:  # type: ignore[no-untyped-def]
    """Round 6: a garbled line ("Feedback is welcome, but not usually") reached a paired item."""
    problems = _pair_problems(
        bank,
        data,
        "medical-vs-therapeutic",
        "therapeutic",
        "medical",
        "session-scope",
        "client-feedback",
    )
    assert "therapeutic's client-feedback is marked not for questions" in problems


def test_a_type_keeps_the_capital_its_data_gives_it_mid_sentence(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    types = data / "types.yml"
    plain = types.read_text(encoding="utf-8")
    named = plain.replace(
        "  - id: medical\n    name: Medical massage\n",
        "  - id: medical\n    name: Medical massage\n    in_sentence: MEDICAL massage\n",
    )
    assert named != plain
    types.write_text(named, encoding="utf-8")
    stems = [item.stem for item in build_bank(load_data(data)).items]
    shipped = [item.stem for item in build_bank(load_data(DATA_DIR)).items]
    # Mid-sentence the generated questions use the data's own name; without it, the name
    # with a small first letter (hand-written scenarios keep their own words either way).
    assert any(" MEDICAL massage" in stem for stem in stems)
    assert not any(" MEDICAL massage" in stem for stem in shipped)
    lower = sum(" medical massage" in stem for stem in stems)
    assert lower < sum(" medical massage" in stem for stem in shipped)
