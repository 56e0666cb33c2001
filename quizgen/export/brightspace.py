"""D2L Brightspace's question import CSV (Question Library > Import > Upload a file): no
header; each question starts with a `NewQuestion,MC` row, and each following row is named by
its first cell: ID (the item's id), Title (the start of its stem, unique in the quiz),
QuestionText, Points, then an `Option` row per option (percent credit 100 or 0, the text,
then that option's feedback in the fifth cell), then `Feedback` (the rationale). Every row
has five cells, as in D2L's own sample, and the file is UTF-8 with a byte-order mark, the
"CSV UTF-8" that D2L asks for.

Texts are plain (no `HTML` flag) and on one line: D2L's rules for a line break inside a cell
are not documented. Quoting is the csv module's, as Excel writes it.
"""

from __future__ import annotations

import csv
import io

from quizgen.export.lms import RIGHT, one_line, question_names
from quizgen.quiz import Quiz

CELLS = 5


def export(quiz: Quiz) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def row(*cells: str) -> None:
        writer.writerow([*cells, *[""] * (CELLS - len(cells))])

    names = question_names(quiz)
    for q in quiz.questions:
        row("NewQuestion", "MC")
        row("ID", q.item.id)
        row("Title", names[q.item.id])  # one line already: the start of the stem
        row("QuestionText", one_line(q.item.stem))
        row("Points", "1")
        for n, option in enumerate(q.options):
            right = n == q.key_index
            why = RIGHT if right else one_line(q.reasons[n])
            row("Option", "100" if right else "0", one_line(option), "", why)
        row("Feedback", one_line(q.item.rationale))
        row()
    return buffer.getvalue().encode("utf-8-sig")
