"""Blackboard's question upload file (Original and Ultra courses: a test's or a question
pool's "Upload Questions"): tab-delimited text, one question a row, no header and no blank
line. A row is `MC`, the stem, then each option followed by `correct` or `incorrect` (the
keywords in English, as Blackboard requires).

A field cannot hold a tab or a line break, so any run of whitespace becomes one space. The
format has no place for feedback: rationales stay in the quiz's other formats.
"""

from __future__ import annotations

from quizgen.export.lms import one_line
from quizgen.quiz import Quiz


def export(quiz: Quiz) -> bytes:
    rows = []
    for q in quiz.questions:
        fields = ["MC", one_line(q.item.stem)]
        for n, option in enumerate(q.options):
            fields += [one_line(option), "correct" if n == q.key_index else "incorrect"]
        rows.append("\t".join(fields))
    return ("\n".join(rows) + "\n").encode("utf-8")
