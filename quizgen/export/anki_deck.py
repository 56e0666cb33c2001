"""An Anki package (.apkg) made with genanki: one note per item, updated in place on re-import.

The model and deck ids are fixed and each note's guid comes from the item id, so importing a
newer build updates the same notes instead of adding duplicates.
"""

from __future__ import annotations

import html
import re
import tempfile
from pathlib import Path

import genanki

from quizgen.quiz import LETTERS, Question, Quiz

# Chosen once at random; they must never change, or Anki would see a new note type and deck.
MODEL_ID = 1_607_392_319
DECK_ID = 2_059_400_110

MODEL = genanki.Model(
    MODEL_ID,
    "Massage types (quizgen)",
    fields=[{"name": "Id"}, {"name": "Question"}, {"name": "Answer"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Question}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}',
        }
    ],
    css=".card { font-family: sans-serif; font-size: 18px; text-align: left; }",
)


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _tag(prefix: str, name: str) -> str:
    return f"{prefix}::" + re.sub(r"\s+", "_", name.strip())


def front(q: Question) -> str:
    options = "".join(f"<li>{_html(o)}</li>" for o in q.options)
    return f'<p>{_html(q.item.stem)}</p><ol type="A">{options}</ol>'


def back(q: Question) -> str:
    item = q.item
    wrong = "".join(
        f"<li>{LETTERS[n]}: {_html(why)}</li>"
        for n, why in enumerate(q.reasons)
        if n != q.key_index
    )
    return (
        f"<p><b>{q.key_letter}. {_html(item.key)}</b></p>"
        f"<p>{_html(item.rationale)}</p>"
        f"<ul>{wrong}</ul>"
        f"<p><i>{_html(item.citation)}</i></p>"
    )


def export(quiz: Quiz) -> bytes:
    deck = genanki.Deck(DECK_ID, quiz.title)
    for q in quiz.questions:
        deck.add_note(
            genanki.Note(
                model=MODEL,
                fields=[q.item.id, front(q), back(q)],
                guid=genanki.guid_for(q.item.id),
                tags=[
                    _tag("category", quiz.category_labels.get(q.item.category, q.item.category)),
                    _tag("area", quiz.area_names.get(q.item.area, q.item.area)),
                    _tag("kind", q.item.kind),
                ],
            )
        )
    # genanki writes only to a path; the file lives in a private temporary folder.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes()
