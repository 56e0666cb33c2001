"""Moodle's GIFT text format: one multiple-choice question per block, grouped by $CATEGORY.

Escaping follows Moodle's GIFT importer: backslash first, then ~ = # { } : each get a
backslash; a line break becomes the two characters \\n, which Moodle reads back as one.
Questions are marked [plain], so Moodle shows any markup in the data as text. Each carries
its id and tags in the comments Moodle's importer reads (`// [id:...]`, `// [tag:...]`), and
the key's feedback is a short "Right.": the rationale is the general feedback, shown after
every answer.
"""

from __future__ import annotations

from quizgen.export.lms import RIGHT, moodle_tags, question_names
from quizgen.quiz import Quiz

_SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        out = out.replace(char, "\\" + char)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _comment(text: str) -> str:
    """A value inside a `[id:...]` or `[tag:...]` comment: one line, no closing bracket."""
    return " ".join(text.split()).replace("]", ")")


def export(quiz: Quiz) -> bytes:
    blocks = [f"// {quiz.title} (seed {quiz.seed})"]
    names = question_names(quiz)
    current = None
    for q in sorted(quiz.questions, key=lambda q: (q.item.category, q.number)):
        item = q.item
        if item.category != current:
            current = item.category
            blocks.append(f"$CATEGORY: {quiz.category_path(current)}")
        answers = []
        for n, text in enumerate(q.options):
            mark = "=" if n == q.key_index else "~"
            feedback = RIGHT if n == q.key_index else q.reasons[n]
            answers.append(f"\t{mark}{escape(text)}#{escape(feedback)}")
        # Moodle reads an id and tags from the comment lines just before a question.
        marks = [
            f"[id:{_comment(item.id)}]",
            *(f"[tag:{_comment(t)}]" for t in moodle_tags(quiz, item)),
        ]
        blocks.append(
            "".join(f"// {mark}\n" for mark in marks)
            + f"::{escape(names[item.id])}::[plain]{escape(item.stem)}{{\n"
            + "\n".join(answers)
            + f"\n\t####{escape(item.rationale)}\n}}"
        )
    return ("\n\n".join(blocks) + "\n").encode("utf-8")
