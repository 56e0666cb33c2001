"""Exporters: each turns a `Quiz` into the bytes of one file format, and nothing else."""

from __future__ import annotations

from collections.abc import Callable

from quizgen.export import (
    anki_deck,
    canvas_qti,
    gift,
    html_quiz,
    json_quiz,
    markdown_quiz,
    moodle_xml,
    tsv_cards,
)
from quizgen.quiz import Quiz

Exporter = Callable[[Quiz], bytes]

FORMATS: dict[str, Exporter] = {
    "json": json_quiz.export,
    "markdown": markdown_quiz.export,
    "html": html_quiz.export,
    "gift": gift.export,
    "moodle-xml": moodle_xml.export,
    "qti": canvas_qti.export,
    "anki": anki_deck.export,
    "tsv": tsv_cards.export,
}
# Formats that are binary files, never written to a terminal.
BINARY = {"qti", "anki"}
