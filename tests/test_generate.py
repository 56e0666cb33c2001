"""`quizgen generate`, `bank` and `audit` as an instructor runs them, in real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Browser

from quizgen import load_data
from quizgen.bank.build import build_bank
from quizgen.quiz import variant_label
from tests.conftest import DATA_DIR

QUIZGEN = [sys.executable, "-m", "quizgen"]


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*QUIZGEN, *args], capture_output=True, check=False)


def quiz_json(*args: str) -> dict[str, Any]:
    result = run("generate", "--format", "json", *args)
    assert result.returncode == 0, result.stderr.decode()
    return dict(json.loads(result.stdout))


@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_same_seed_same_bytes_other_seed_other_quiz(fmt: str) -> None:
    args = ("generate", "--count", "30", "--format", fmt, "--variants", "2")
    first, again = run(*args, "--seed", "5"), run(*args, "--seed", "5")
    other = run(*args, "--seed", "6")
    assert first.returncode == 0, first.stderr.decode()
    assert first.stdout == again.stdout
    assert first.stdout != other.stdout


@pytest.mark.parametrize(("options", "count"), [(3, 70), (4, 60), (5, 5)])
def test_no_fact_stem_or_option_twice_and_keys_spread_evenly(options: int, count: int) -> None:
    quiz = quiz_json("--count", str(count), "--seed", "11", "--options", str(options))
    data = load_data(DATA_DIR)
    facts = {i.id: i.fact for i in build_bank(data).items}
    questions = quiz["variants"][0]["questions"]
    assert len(questions) == count
    assert len({facts[q["id"]] for q in questions}) == count
    assert len({q["stem"] for q in questions}) == count
    texts = [o["text"].casefold() for q in questions for o in q["options"]]
    assert len(set(texts)) == len(texts)
    kinds = Counter(q["kind"] for q in questions)
    assert max(kinds.values()) <= 0.4 * count
    positions = Counter(q["key"] for q in questions)
    assert len(positions) == options
    assert max(positions.values()) - min(positions.values()) <= 1
    for q in questions:
        assert len(q["options"]) == options
        assert [o["correct"] for o in q["options"]].count(True) == 1
        assert all(o["why_wrong"] for o in q["options"] if not o["correct"])
        assert q["rationale"] and q["quote"] and q["source_title"] and q["source"]
        assert q["category"] and q["area"] and q["kind"]


def test_blueprint_follows_the_weights_where_the_content_reaches() -> None:
    result = run("generate", "--count", "60", "--blueprint", "mblex", "--format", "json")
    quiz = json.loads(result.stdout)
    shares = {s["area"]: s for s in quiz["blueprint"]}
    areas = Counter(q["area"] for q in quiz["variants"][0]["questions"])
    assert sum(areas.values()) == 60
    for area, share in shares.items():
        assert areas[area] == share["items"]
    # An area gets more than its weight only to fill what short areas cannot give.
    extra = sum(max(0, s["items"] - s["target"]) for s in shares.values())
    missing = sum(max(0, s["target"] - s["items"]) for s in shares.values())
    assert extra <= missing + 1  # + 1 for rounding
    short = [s for s in shares.values() if s["items"] < s["target"]]
    assert short, "the sources cover anatomy and kinesiology only thinly"
    stderr = result.stderr.decode()
    for share in short:
        assert share["area"] in json.dumps(quiz)
    assert "short:" in stderr and "Kinesiology" in stderr


def test_variants_are_labelled_and_hold_the_same_items_reordered() -> None:
    quiz = quiz_json("--count", "20", "--variants", "3", "--seed", "3")
    labels = [v["label"] for v in quiz["variants"]]
    assert labels == ["A", "B", "C"]
    ids = [[q["id"] for q in v["questions"]] for v in quiz["variants"]]
    assert sorted(ids[0]) == sorted(ids[1]) == sorted(ids[2])
    assert ids[0] != ids[1] != ids[2]


def test_a_class_of_thirty_gets_thirty_labelled_variants() -> None:
    quiz = quiz_json("--count", "10", "--variants", "30", "--seed", "3")
    labels = [v["label"] for v in quiz["variants"]]
    assert labels[:2] == ["A", "B"] and labels[25:] == ["Z", "AA", "AB", "AC", "AD"]
    assert len({tuple(q["id"] for q in v["questions"]) for v in quiz["variants"]}) == 30


@given(st.integers(0, 5000))
def test_variant_labels_are_distinct_and_in_spreadsheet_order(n: int) -> None:
    label, after = variant_label(n), variant_label(n + 1)
    assert label.isalpha() and label.isupper()
    assert (len(label), label) < (len(after), after)


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [
        ("--type", "medical", "types"),
        ("--category", "payment", "category"),
        ("--area", "pathology", "area"),
        ("--kind", "paired", "kind"),
    ],
)
def test_filters(option: str, value: str, field: str) -> None:
    quiz = quiz_json("--count", "5", option, value)
    for q in quiz["variants"][0]["questions"]:
        assert value in q[field] if field == "types" else q[field] == value


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--category", "paymnt"), "'--category': 'paymnt' is not one of"),
        (("--count", "5000"), "'--count': only"),
        (("--options", "9"), "'--options': 9 is not in the range 3<=x<=5"),
        (("--type", "sports"), "'--type': 'sports' is not one of"),
        (("--blueprint", "nclex"), "'--blueprint'"),
    ],
)
def test_bad_options_exit_2_with_a_message(args: tuple[str, ...], message: str) -> None:
    result = run("generate", *args)
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert message in stderr
    assert "Traceback" not in stderr


def test_a_failed_run_leaves_the_existing_output_file_alone(tmp_path: Path) -> None:
    out = tmp_path / "quiz.html"
    out.write_text("last week's quiz")
    assert run("generate", "--count", "5000", "-o", str(out)).returncode == 2
    assert out.read_text() == "last week's quiz"
    assert list(tmp_path.iterdir()) == [out]
    assert run("generate", "--count", "5", "--format", "html", "-o", str(out)).returncode == 0
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")


def test_bank_stats_counts_kinds_areas_and_dropped_items() -> None:
    result = run("bank", "--stats")
    text = result.stdout.decode()
    bank = build_bank(load_data(DATA_DIR))
    assert result.returncode == 0
    assert text.startswith(f"{len(bank.items)} items")
    assert "by kind:" in text and "by category:" in text and "by MBLEx area:" in text
    assert f"dropped for lack of proven distractors: {sum(bank.dropped.values())}" in text


def test_audit_passes_on_the_shipped_bank_and_reports_longest_keys() -> None:
    result = run("audit")
    last = result.stdout.decode().strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout.decode()[-2000:]
    assert " 0 violations" in last and "key is the longest option in" in last


def test_html_prints_a_student_copy_and_a_separate_key(tmp_path: Path, browser: Browser) -> None:
    out = tmp_path / "quiz.html"
    assert (
        run(
            "generate", "--count", "12", "--variants", "2", "--format", "html", "-o", str(out)
        ).returncode
        == 0
    )
    page = browser.new_page()
    try:
        page.goto(out.as_uri())
        for label in "AB":
            students = page.locator(f".sheet.student-copy[data-variant={label}]")
            keys = page.locator(f".sheet.answer-key[data-variant={label}]")
            first = students.first.inner_text()
            assert "Name:" in first and "Date:" in first
            assert students.locator("ol.questions > li").count() == 12
            quiz = json.loads(
                run("generate", "--count", "12", "--variants", "2", "--format", "json").stdout
            )
            rationale = quiz["variants"]["AB".index(label)]["questions"][0]["rationale"]
            assert all(rationale not in text for text in students.all_inner_texts())
            assert rationale in keys.first.inner_text()
    finally:
        page.close()


@pytest.mark.parametrize(
    ("fmt", "magic"),
    [
        ("gift", b"// "),
        ("moodle-xml", b"<?xml"),
        ("qti", b"PK"),
        ("common-cartridge", b"PK"),
        ("common-cartridge-1.2", b"PK"),
        ("docx", b"PK"),
        ("anki", b"PK"),
        ("tsv", b""),
        ("blackboard", b"MC\t"),
        ("brightspace", b"\xef\xbb\xbfNewQuestion,MC,,,\r\n"),
    ],
)
def test_every_lms_format_writes_a_file(tmp_path: Path, fmt: str, magic: bytes) -> None:
    out = tmp_path / f"quiz.{fmt}"
    result = run("generate", "--count", "10", "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    content = out.read_bytes()
    assert content.startswith(magic) and len(content) > 500


@pytest.mark.parametrize("fmt", ["docx", "qti", "common-cartridge", "common-cartridge-1.2", "anki"])
def test_binary_formats_need_an_output_file(fmt: str) -> None:
    result = run("generate", "--count", "10", "--format", fmt)
    assert result.returncode == 2
    assert f"'--format': {fmt} is a binary file; give --output FILE" in result.stderr.decode()
    assert result.stdout == b""


def test_help_shows_an_example_of_each_export() -> None:
    text = run("generate", "--help").stdout.decode()
    for fmt in ("moodle-xml", "qti", "common-cartridge", "anki", "html"):
        assert f"--format {fmt}" in text
