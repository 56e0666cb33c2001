"""Quizzes on paper, as a class gets them: the print export opened in a real Chromium, printed
to PDF, and read back sheet by sheet with a PDF reader. Each PDF is kept in
test-artifacts/print/ for a person to look at."""

from __future__ import annotations

import io
import itertools
import math
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog
from pypdf import PdfReader

from quizgen import load_data
from quizgen.bank.catalog import Catalog
from quizgen.bank.item import plain_words
from quizgen.export import html_quiz
from quizgen.export.paper import INSTRUCTORS_ONLY, Printing
from quizgen.quiz import LETTERS, Quiz, Variant, assemble
from tests.conftest import DATA_DIR, REPO

PRINTS = REPO / "test-artifacts" / "print"
# Sheet sizes in PDF points (72 an inch).
SIZES = {"letter": (612.0, 792.0), "a4": (595.3, 841.9)}
ITEMS_PER_PAGE = 10
PX_PER_POINT = 96 / 72
# The least type size of a question or option: 9.5 points, in CSS pixels.
SMALLEST_PX = 9.5 * PX_PER_POINT - 0.05
FOOT = re.compile(
    r"Massage types quiz(?: · Variant (\w+))?(?: · (Answer grids|Answer key))? · Page (\d+) of (\d+)"
)
ANSWER_SHEET = "Answer sheet - Massage types quiz - Variant"
BLANK = "This page is blank on purpose."


def _words(text: str) -> str:
    """Text with each run of white space as one space, and no space after a hyphen that a
    line ended at ("injury-" / "treatment" reads back as "injury- treatment")."""
    return re.sub(r"(\w)- (?=\w)", r"\1-", " ".join(text.split()))


@dataclass(frozen=True)
class Sheet:
    text: str  # its words, white space made single spaces
    variant: str
    part: str  # "Student copy", "Answer grid" or "Answer key"
    number: int
    of: int
    width: float
    height: float


def read_sheets(pdf: bytes) -> list[Sheet]:
    sheets = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        text = _words(page.extract_text())
        feet = FOOT.findall(text)
        assert len(feet) == 1, f"a sheet without one footer: {text[:200]!r}"
        variant, part, number, of = feet[0]
        sheets.append(
            Sheet(
                text,
                variant,
                part or "Student copy",
                int(number),
                int(of),
                round(float(page.mediabox.width), 1),
                round(float(page.mediabox.height), 1),
            )
        )
    return sheets


def _is_size(sheet: Sheet, paper: str) -> bool:
    """Within a point: Chromium rounds a sheet to whole CSS pixels."""
    width, height = SIZES[paper]
    return abs(sheet.width - width) <= 1 and abs(sheet.height - height) <= 1


def print_pdf(browser: Browser, html: bytes, name: str) -> bytes:
    """The page printed as Chromium prints it, at the paper size its own CSS asks for."""
    page = browser.new_page()
    try:
        dialogs: list[str] = []

        def on_dialog(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.set_content(html.decode("utf-8"))
        assert page.locator("section.booklet").count() == 0, "the sheets were not laid out"
        assert dialogs == []
        data = page.pdf(prefer_css_page_size=True)
    finally:
        page.close()
    PRINTS.mkdir(parents=True, exist_ok=True)
    (PRINTS / f"{name}.pdf").write_bytes(data)
    return data


@cache
def _catalog() -> Catalog:
    return Catalog.of(load_data(DATA_DIR))


@cache
def _quiz(count: int, variants: int, seed: int) -> Quiz:
    return assemble(_catalog(), count=count, seed=seed, variants=variants)


@cache
def _printed(browser: Browser, count: int, variants: int, seed: int, paper: str) -> list[Sheet]:
    html = html_quiz.export(_quiz(count, variants, seed), Printing(paper))
    return read_sheets(print_pdf(browser, html, f"quiz-{count}x{variants}-{seed}-{paper}"))


def _by_booklet(sheets: list[Sheet]) -> dict[tuple[str, str], list[Sheet]]:
    booklets: dict[tuple[str, str], list[Sheet]] = defaultdict(list)
    for sheet in sheets:
        booklets[sheet.variant, sheet.part].append(sheet)
    return booklets


QUIZZES = [(25, 2, 3, "letter"), (25, 2, 3, "a4"), (60, 3, 1, "letter"), (60, 1, 5, "a4")]


@pytest.mark.parametrize(("count", "variants", "seed", "paper"), QUIZZES)
def test_every_page_says_its_variant_and_number_and_each_part_has_even_pages(
    browser: Browser, count: int, variants: int, seed: int, paper: str
) -> None:
    sheets = _printed(browser, count, variants, seed, paper)
    assert all(_is_size(s, paper) for s in sheets)
    booklets = _by_booklet(sheets)
    labels = [v.label for v in _quiz(count, variants, seed).variants]
    assert list(booklets) == [
        *((label, "Student copy") for label in labels),
        ("", "Answer grids"),
        *((label, "Answer key") for label in labels),
    ]
    for pages in booklets.values():
        assert [s.number for s in pages] == list(range(1, len(pages) + 1))
        assert {s.of for s in pages} == {len(pages)}
        # Two-sided printing: the next part starts on a sheet of its own. A page is left
        # blank only at the end, or before a copy's answer sheet.
        assert len(pages) % 2 == 0
        for page, after in itertools.pairwise(pages):
            assert BLANK not in page.text or ANSWER_SHEET in after.text


def _question_pages(pages: list[Sheet]) -> list[str]:
    return [s.text for s in pages if BLANK not in s.text and ANSWER_SHEET not in s.text]


@pytest.mark.parametrize(("count", "variants", "seed", "paper"), QUIZZES)
def test_ten_questions_a_page_at_most_and_none_is_split(
    browser: Browser, count: int, variants: int, seed: int, paper: str
) -> None:
    sheets = _printed(browser, count, variants, seed, paper)
    booklets = _by_booklet(sheets)
    for variant in _quiz(count, variants, seed).variants:
        pages = _question_pages(booklets[variant.label, "Student copy"])
        assert len(pages) <= math.ceil(count / ITEMS_PER_PAGE)
        for q in variant.questions:
            stem = _words(f"{q.number}. {q.item.stem}")
            on = [n for n, text in enumerate(pages) if stem in text]
            assert len(on) == 1, f"question {q.number} of {variant.label} not whole on a page"
            text = pages[on[0]]
            after = text.index(stem) + len(stem)
            for letter, option in zip(LETTERS, q.options, strict=False):
                assert _words(f"{letter}. {option}") in text[after:], (variant.label, q.number)


@pytest.mark.parametrize(("count", "variants", "seed", "paper"), QUIZZES)
def test_each_copy_ends_with_an_answer_sheet_for_every_question(
    browser: Browser, count: int, variants: int, seed: int, paper: str
) -> None:
    booklets = _by_booklet(_printed(browser, count, variants, seed, paper))
    for variant in _quiz(count, variants, seed).variants:
        copy = booklets[variant.label, "Student copy"]
        # On the front of a sheet of paper of its own, to be collected apart.
        assert ANSWER_SHEET in copy[-2].text and copy[-2].number % 2 == 1
        assert BLANK in copy[-1].text and not any(ANSWER_SHEET in s.text for s in copy[:-2])
        sheet = copy[-2].text
        # The variant's letter, large, heads every page.
        label = variant.label
        assert sheet.startswith(f"{label} {ANSWER_SHEET} {label} Name: Date:")
        rows = re.findall(r"\b(\d+)\. ((?:[A-E] )*[A-E])\b", sheet)
        assert {int(n): letters.split() for n, letters in rows} == {
            q.number: list(LETTERS[: len(q.options)]) for q in variant.questions
        }


def test_type_grows_only_where_it_costs_no_paper(browser: Browser) -> None:
    """One size for every copy of a quiz, never below 9.5 points; a short quiz, with paper
    to spare, gets the largest."""
    page = browser.new_page()
    try:
        sizes = {}
        for count in (3, 60):
            page.set_content(html_quiz.export(_quiz(count, 2, 1)).decode())
            sizes[count] = page.evaluate(
                """() => Array.from(document.querySelectorAll('.student-copy .stem'),
                    e => parseFloat(getComputedStyle(e).fontSize))"""
            )
            assert len(sizes[count]) == 2 * count
    finally:
        page.close()
    assert {round(size, 2) for size in sizes[3]} == {round(11 * PX_PER_POINT, 2)}
    assert len(set(sizes[60])) == 1 and min(sizes[60]) >= SMALLEST_PX


def _grids(text: str) -> dict[str, dict[str, str]]:
    """Each variant's grid on the page: its number-letter pairs under its heading."""
    parts = re.split(r"\bVariant ([A-Z]+)\b", text)
    return {
        label: dict(re.findall(r"\b(\d+)\. ([A-E])\b", part))
        for label, part in zip(parts[1::2], parts[2::2], strict=True)
    }


def test_every_answer_grid_is_on_one_page_with_every_key(browser: Browser) -> None:
    booklets = _by_booklet(_printed(browser, 60, 3, 1, "letter"))
    grids: dict[str, dict[str, str]] = {}
    for page in booklets["", "Answer grids"]:
        grids |= _grids(page.text.split("Answer grids - Massage types quiz")[-1])
    for variant in _quiz(60, 3, 1).variants:
        assert grids[variant.label] == {str(q.number): q.key_letter for q in variant.questions}


def test_the_answer_grid_lies_as_the_answer_sheet_does(browser: Browser) -> None:
    page = browser.new_page()
    try:
        page.set_content(html_quiz.export(_quiz(45, 2, 2)).decode())
        where = """(list) => Array.from(list.children, li => {
            const box = li.getBoundingClientRect(), of = list.getBoundingClientRect();
            return [li.value, Math.round(box.left - of.left), Math.round(box.top - of.top)];
        })"""
        for label in "AB":
            sheet = page.locator(f".sheet.student-copy[data-variant={label}] ol.grid")
            grid = page.locator(f".grid-block[data-variant={label}] ol.grid")
            assert sheet.evaluate(where) == grid.evaluate(where)
            assert len(sheet.evaluate(where)) == 45
    finally:
        page.close()


def test_the_first_page_asks_name_date_score_and_says_what_to_do(browser: Browser) -> None:
    sheets = _printed(browser, 25, 2, 3, "letter")
    for variant in _quiz(25, 2, 3).variants:
        copy = [s for s in sheets if s.variant == variant.label and s.part == "Student copy"]
        title = f"Massage types quiz Variant {variant.label} Name: Date:"
        assert title in copy[0].text
        assert "Score: ______ / 25" in copy[0].text
        assert "25 questions. Choose the one best answer" in copy[0].text
        assert "on the answer sheet, the sheet after the questions" in copy[0].text
        # The front of every later sheet asks for a name again.
        fronts = [s for s in copy[2::2] if BLANK not in s.text]
        assert fronts and all("Name:" in s.text for s in fronts)
        assert all("Name:" not in s.text for s in copy[1::2] if ANSWER_SHEET not in s.text)


def _rationales(variant: Variant) -> list[str]:
    return [_words(q.item.rationale)[:60] for q in variant.questions]


def test_keys_can_go_to_a_file_of_their_own(browser: Browser, tmp_path: Path) -> None:
    students, keys = tmp_path / "quiz.html", tmp_path / "keys.html"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "quizgen", "generate", "--count", "25", "--seed", "3"),
            *("--variants", "2", "--format", "html", "--paper", "a4"),
            *("-o", str(students), "--key-output", str(keys)),
        ],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    student_sheets = read_sheets(print_pdf(browser, students.read_bytes(), "quiz-students"))
    key_sheets = read_sheets(print_pdf(browser, keys.read_bytes(), "quiz-keys"))
    assert {s.part for s in student_sheets} == {"Student copy"}
    assert {s.part for s in key_sheets} == {"Answer grids", "Answer key"}
    # Printed whole, a file of keys says on every page that it is not for students.
    assert all(s.text.startswith(INSTRUCTORS_ONLY) for s in key_sheets)
    # A key's pages show its variant's letter, large, as the copies do.
    keys_only = [s for s in key_sheets if s.part == "Answer key"]
    assert keys_only and all(
        s.text.startswith(f"{INSTRUCTORS_ONLY} {s.variant} ") for s in keys_only
    )
    assert not any(INSTRUCTORS_ONLY in s.text for s in student_sheets)
    assert all(_is_size(s, "a4") for s in student_sheets + key_sheets)
    quiz = _quiz(25, 2, 3)
    key_text = " ".join(s.text for s in key_sheets)
    student_text = " ".join(s.text for s in student_sheets)
    for variant in quiz.variants:
        for rationale in _rationales(variant):
            assert rationale in key_text and rationale not in student_text


def test_a_question_taller_than_a_page_is_printed_whole(browser: Browser) -> None:
    from tests.test_exports import LONG, _hostile_quiz

    html = html_quiz.export(_hostile_quiz(), Printing(keys=False))
    pdf = PdfReader(io.BytesIO(print_pdf(browser, html, "quiz-hostile")))
    text = _words(" ".join(page.extract_text() for page in pdf.pages))
    assert text.count(_words(LONG)) == 2  # in its stem and in its key: nothing cut off


def test_the_grids_page_says_where_each_question_is_in_every_variant(browser: Browser) -> None:
    from tests.test_word import same_question_everywhere

    quiz = _quiz(45, 3, 2)
    page = browser.new_page()
    try:
        page.set_content(html_quiz.export(quiz, Printing(students=False)).decode())
        lines = page.locator(".sheet.answer-grids ul.map > li").all_inner_texts()
    finally:
        page.close()
    same_question_everywhere(quiz, lines)


def test_a_key_reads_out_its_question_says_where_else_it_is_and_quotes_once(
    browser: Browser,
) -> None:
    from tests.test_word import also_right

    quiz = _quiz(25, 3, 3)
    page = browser.new_page()
    try:
        page.set_content(html_quiz.export(quiz, Printing(students=False)).decode())
        for variant in quiz.variants:
            answers = page.locator(
                f".sheet.answer-key[data-variant={variant.label}] ol.key > li"
            ).all_inner_texts()
            assert len(answers) == len(variant.questions)
            for q, answer in zip(variant.questions, answers, strict=True):
                question, also, *_ = [line for line in answer.split("\n") if line.strip()]
                assert _words(question) == _words(q.item.stem)
                also_right(quiz, variant, q, also)
                # Once, in the rationale or the source line, whatever its punctuation.
                assert plain_words(answer).count(plain_words(q.item.quote)) == 1, q.item.id
                # Why each other option is wrong names it: its letter differs by variant.
                told = [line for line in answer.split("\n") if line.strip()][-3:]
                for line, n in zip(told, [n for n in range(4) if n != q.key_index], strict=True):
                    assert plain_words(line).startswith(plain_words(f"{LETTERS[n]}"))
                    assert plain_words(q.options[n]) in plain_words(line)
    finally:
        page.close()
