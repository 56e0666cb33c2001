"""The Word export, read back by pandoc's Word reader for what it says, and its page layout
(sections, footers, page numbers, questions kept together) read from the document itself."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_SECTION

from quizgen import load_data
from quizgen.bank.catalog import Catalog
from quizgen.export import word_quiz
from quizgen.export.paper import INSTRUCTORS_ONLY, PAPERS, Printing, instructions, why_not
from quizgen.quiz import LETTERS, Question, Quiz, Variant, assemble
from tests.conftest import DATA_DIR
from tests.exports_readback import read_docx
from tests.test_exports import _hostile_quiz

pytestmark = pytest.mark.pandoc


def _same(text: str) -> str:
    """pandoc reads a run of spaces as one."""
    return re.sub(r" +", " ", text).strip()


@pytest.fixture(scope="module")
def shipped() -> Quiz:
    return assemble(Catalog.of(load_data(DATA_DIR)), count=30, seed=4, variants=2)


@pytest.fixture(params=["shipped", "hostile"])
def any_quiz(request: pytest.FixtureRequest, shipped: Quiz) -> Quiz:
    return shipped if request.param == "shipped" else _hostile_quiz()


def _run_at(blocks: list[Any], run: list[str]) -> int:
    """Where `run` stands in the document as consecutive paragraphs."""
    texts = [_same(b) if isinstance(b, str) else None for b in blocks]
    wanted = [_same(t) for t in run]
    for start in range(len(texts) - len(wanted) + 1):
        if texts[start : start + len(wanted)] == wanted:
            return start
    raise AssertionError(f"not in the document, in order: {wanted[:2]}")


def _question(q: Question) -> list[str]:
    options = (f"{LETTERS[n]}. {text}" for n, text in enumerate(q.options))
    return [f"{q.number}. {q.item.stem}", *options]


def _key(q: Question) -> list[str]:
    """The answer, why, the source where the why does not quote it, and why each other option
    is wrong (after the question and where it is in other variants)."""
    wrong = [why_not(q, n) for n in range(len(q.options)) if n != q.key_index]
    cited = q.item.citation_beyond(q.item.rationale)
    source = [f"Source: {cited}"] if cited else []
    key = f"{q.key_letter}. {q.options[q.key_index]}"
    return [key, q.item.rationale, *source, *wrong]


def also_right(quiz: Quiz, variant: Variant, q: Question, line: str) -> None:
    """A key's "Also B21 (D), C4 (A)": the same item, and its answer, in every other variant."""
    assert line.startswith("Also ")
    others = {v.label: v.questions for v in quiz.variants if v is not variant}
    named = re.findall(r"([A-Z]+)(\d+) \(([A-E])\)", line)
    assert [label for label, _, _ in named] == list(others)
    for label, number, letter in named:
        there = others[label][int(number) - 1]
        assert there.item.id == q.item.id and there.key_letter == letter


def _grid(blocks: list[Any], heading: int) -> dict[str, str]:
    table = next(b for b in blocks[heading:] if isinstance(b, list))
    cells = [cell for row in table for cell in row]
    return {n: key for n, key in zip(cells[0::2], cells[1::2], strict=True) if n or key}


def test_pandoc_reads_every_copy_grid_and_key(any_quiz: Quiz) -> None:
    blocks = read_docx(word_quiz.export(any_quiz))
    first_grid = _run_at(blocks, [f"Answer grids - {any_quiz.title}"])
    for variant in any_quiz.variants:
        start = _run_at(blocks, [any_quiz.title, f"Variant {variant.label}"])
        head = " ".join(b for b in blocks[start : start + 4] if isinstance(b, str))
        assert "Name:" in head and "Date:" in head
        assert f"Score: ______ / {len(variant.questions)}" in head
        assert instructions(variant) in head
        where = [_run_at(blocks, _question(q)) for q in variant.questions]
        assert where == sorted(where) and start < where[0] and where[-1] < first_grid
        sheet = _run_at(blocks, [f"Answer sheet - {any_quiz.title} - Variant {variant.label}"])
        assert where[-1] < sheet < first_grid
        assert _grid(blocks, sheet) == {
            f"{q.number}.": " ".join(f"({x})" for x in LETTERS[: len(q.options)])
            for q in variant.questions
        }
        heading = first_grid + blocks[first_grid:].index(f"Variant {variant.label}")
        assert _grid(blocks, heading) == _variant_keys(variant)
        _run_at(blocks, [f"Answer key - {any_quiz.title} - Variant {variant.label}"])
        for q in variant.questions:
            at = _run_at(blocks, _key(q))
            if len(any_quiz.variants) > 1:
                also_right(any_quiz, variant, q, blocks[at - 1])
                at -= 1
            assert at > first_grid and _same(blocks[at - 1]) == _same(f"{q.number}. {q.item.stem}")
    students = [_same(b) for b in blocks[:first_grid] if isinstance(b, str)]
    for q in any_quiz.questions:
        assert _same(q.item.rationale) not in students


def _sections(content: bytes) -> list[Any]:
    return list(docx.Document(io.BytesIO(content)).sections)


def _footer(section: Any) -> str:
    xml: str = section.footer._element.xml
    return xml


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_each_part_is_a_section_with_its_footer_and_page_numbers(shipped: Quiz, paper: str) -> None:
    sections = _sections(word_quiz.export(shipped, Printing(paper)))
    labels = [v.label for v in shipped.variants]
    parts = [part for x in labels for part in ((x, ""), (x, "Answer sheet"))]
    parts += [("", "Answer grids")]
    parts += [(x, "Answer key") for x in labels]
    assert len(sections) == len(parts)
    size = PAPERS[paper]
    for n, (section, (label, part)) in enumerate(zip(sections, parts, strict=True)):
        assert abs(section.page_width.mm - size.width_mm) < 0.5
        assert abs(section.page_height.mm - size.height_mm) < 0.5
        foot = _footer(section)
        variant = f"Variant {label}" if label else ""
        words = " · ".join(x for x in (shipped.title, variant, part) if x)
        assert f"{words} · Page " in foot
        assert 'w:instr="PAGE"' in foot and 'w:instr="SECTIONPAGES"' in foot
        assert section._sectPr.xpath("w:pgNumType/@w:start") == ["1"]
        # Word pads the part before to an even page count.
        assert n == 0 or section.start_type == WD_SECTION.ODD_PAGE
        header = "".join(t.text for t in section.header.paragraphs)
        students = part in ("", "Answer sheet")
        assert (header.startswith("Name: ___") and header.endswith(label)) == students
        assert (header == INSTRUCTORS_ONLY) == (not students)
        # Its first page asks for a name in the text, so its header does not again.
        first = "".join(t.text for t in section.first_page_header.paragraphs).strip()
        assert section.different_first_page_header_footer
        assert first == (label if students else INSTRUCTORS_ONLY)
        assert f"{words} · Page " in section.first_page_footer._element.xml


def _keeps_with_next(paragraph: Any) -> bool:
    """As Word decides: the paragraph's own setting, else its style's, else the style's base."""
    own = paragraph.paragraph_format.keep_with_next
    style = paragraph.style
    while own is None and style is not None:
        own, style = style.paragraph_format.keep_with_next, style.base_style
    return bool(own)


def test_a_question_is_kept_on_one_page(shipped: Quiz) -> None:
    document = docx.Document(io.BytesIO(word_quiz.export(shipped, Printing(keys=False))))
    paragraphs = {_same(p.text): p for p in document.paragraphs}
    for q in shipped.variants[0].questions:
        lines = [paragraphs[_same(text)] for text in _question(q)]
        keeps = [_keeps_with_next(p) for p in lines]
        assert keeps == [True] * (len(lines) - 1) + [False]


def _variant_keys(variant: Variant) -> dict[str, str]:
    return {f"{q.number}.": q.key_letter for q in variant.questions}


def test_keys_can_go_to_a_word_file_of_their_own(tmp_path: Path) -> None:
    students, keys = tmp_path / "quiz.docx", tmp_path / "keys.docx"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "quizgen", "generate", "--count", "30", "--seed", "4"),
            *("--variants", "2", "--format", "docx", "--paper", "a4"),
            *("-o", str(students), "--key-output", str(keys)),
        ],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    quiz = assemble(Catalog.of(load_data(DATA_DIR)), count=30, seed=4, variants=2)
    student_text = [_same(b) for b in read_docx(students.read_bytes()) if isinstance(b, str)]
    key_blocks = read_docx(keys.read_bytes())
    for variant in quiz.variants:
        assert f"Variant {variant.label}" in student_text
        heading = key_blocks.index(f"Variant {variant.label}")
        assert _grid(key_blocks, heading) == _variant_keys(variant)
        for q in variant.questions:
            assert _same(q.item.rationale) not in student_text
            assert _run_at(key_blocks, _key(q)) > heading
    assert not any(s.startswith(("Answer grids", "Answer key")) for s in student_text)
    assert all(abs(s.page_width.mm - 210) < 0.5 for s in _sections(keys.read_bytes()))


def same_question_everywhere(quiz: Quiz, lines: list[str]) -> None:
    """Each line ("A1 = B21 = C4") names one item in every variant, and every item once."""
    by_label = {v.label: v.questions for v in quiz.variants}
    seen: list[str] = []
    for line in lines:
        places = [re.fullmatch(r"([A-Z]+)(\d+)", part) for part in line.split(" = ")]
        assert all(places) and [p[1] for p in places if p] == list(by_label)
        items = {by_label[p[1]][int(p[2]) - 1].item.id for p in places if p}
        assert len(items) == 1
        seen += items
    assert sorted(seen) == sorted(q.item.id for q in quiz.questions)


def test_the_grids_say_where_each_question_is_in_every_variant(shipped: Quiz) -> None:
    blocks = read_docx(word_quiz.export(shipped, Printing(students=False)))
    start = blocks.index("The same question in each variant")
    same_question_everywhere(shipped, blocks[start + 1 : start + 1 + len(shipped.questions)])


def test_the_answer_sheet_keeps_each_row_of_letters_on_one_line(shipped: Quiz) -> None:
    """A narrow column of numbers beside a wide one of letters: "(A) (B) (C) (D)" at 12 pt
    takes about 30 mm, which an even split of the page would not give it."""
    document = docx.Document(io.BytesIO(word_quiz.export(shipped, Printing(keys=False))))
    sheets = [t for t in document.tables if "(A)" in t.cell(0, 1).text]
    assert len(sheets) == len(shipped.variants)
    for table in sheets:
        numbers, letters = table.columns[0], table.columns[1]
        assert numbers.width is not None and letters.width is not None
        assert numbers.width.mm < 15 and letters.width.mm > 30
        assert all(cell.width == letters.width for cell in letters.cells)
