"""What a quiz on paper is made of, for every printable format (HTML to print, Word): the
paper size, which parts a file holds, and the words a printed quiz says."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgen.quiz import Question, Quiz, Variant


@dataclass(frozen=True)
class Paper:
    name: str
    css_size: str  # the CSS @page size keyword
    width_mm: float
    height_mm: float
    margin_mm: float


# Margins of 14 mm: office printers leave up to 6.35 mm (a quarter inch) at the edges
# unprinted, and the page's head and foot sit in the margins, clear of that.
PAPERS = {
    "letter": Paper("Letter", "letter", 215.9, 279.4, 14),
    "a4": Paper("A4", "A4", 210.0, 297.0, 14),
}


@dataclass(frozen=True)
class Printing:
    """How to print a quiz: on which paper, and whether the file holds the students' copies,
    the answer keys, or both (an instructor may keep the keys in a separate file)."""

    paper: str = "letter"
    students: bool = True
    keys: bool = True


ON_LETTER = Printing()


def footer(quiz: Quiz, variant: Variant | None, part: str = "") -> str:
    """The words at the foot of every page, before its page number: a page that comes loose
    still says which quiz and variant it belongs to."""
    label = f"Variant {variant.label}" if variant else ""
    return " · ".join(x for x in (quiz.title, label, part) if x)


def score_line(variant: Variant) -> str:
    return f"Score: ______ / {len(variant.questions)}"


def instructions(variant: Variant) -> str:
    n = len(variant.questions)
    return (
        f"{n} questions. Choose the one best answer to each question and mark its letter on "
        "the answer sheet, the sheet after the questions. Each question is worth one point."
    )


ANSWER_SHEET_NOTE = "Fill in or circle the letter of your answer to each question."
# At the head of every page of the grids and keys: a file printed whole must not hand them out.
INSTRUCTORS_ONLY = "Instructor's copy: not for students"


def why_not(q: Question, n: int) -> str:
    """Why option `n` is wrong, naming the option, since its letter differs from variant to
    variant (where the reason names it already, once)."""
    # Imported here: the command line reads PAPERS from this module at start.
    from quizgen.bank.item import plain_words
    from quizgen.quiz import LETTERS

    option, why = q.options[n], q.reasons[n]
    if plain_words(why).startswith(plain_words(option)):
        return f"{LETTERS[n]}. {why}"
    return f"{LETTERS[n]}. {option} — {why}"


# Item id -> where it stands in every variant: (variant, number, key letter).
Places = dict[str, list[tuple[str, int, str]]]


def places(quiz: Quiz) -> Places:
    """Where each item stands in every variant: (variant, number, key letter)."""
    found: Places = {}
    for variant in quiz.variants:
        for q in variant.questions:
            found.setdefault(q.item.id, []).append((variant.label, q.number, q.key_letter))
    return found


def question_map(quiz: Quiz) -> list[str]:
    """Where each question stands in every variant ("A1 = B21 = C4"), in the first variant's
    order: to go over a question with a class that holds different variants."""
    found = places(quiz)
    return [
        " = ".join(f"{label}{number}" for label, number, _ in found[q.item.id])
        for q in quiz.variants[0].questions
    ]


def elsewhere(found: Places, variant: Variant, q: Question) -> str:
    """The same question in the other variants, with its answer there: "Also B21 (D), C4 (A)"."""
    others = [f"{label}{n} ({key})" for label, n, key in found[q.item.id] if label != variant.label]
    return f"Also {', '.join(others)}" if others else ""


# Rows of the answer sheet and the answer grid before they take another column.
GRID_ROWS = 25


def grid_shape(variant: Variant) -> tuple[int, int]:
    """Columns and rows of the answer sheet, and of the answer grid laid the same way, so
    the grid placed beside a student's sheet reads across line by line."""
    count = len(variant.questions)
    columns = max(4, -(-count // GRID_ROWS))
    return columns, -(-count // columns)


def option_columns(question: Question, line_chars: int = 54) -> int:
    """How many columns a question's options take on paper: all on one line where every
    option is short, two a line where they are middling, else one a line. The line is a
    column of the page at the largest type the layout uses."""
    longest = max(len(text) for text in question.options) + 4  # "A. " and the gap
    count = len(question.options)
    for columns in (count, 2):
        if columns > 1 and longest * columns <= line_chars:
            return columns
    return 1
