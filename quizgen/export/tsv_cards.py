"""Flashcards for Quizlet-style import: term TAB definition, one card per line.

Such importers have no escaping, so tabs and line breaks inside a text become spaces.
"""

from __future__ import annotations

import re

from quizgen.quiz import LETTERS, Quiz

_BREAKS = re.compile(r"[\t\r\n]+")


def flat(text: str) -> str:
    return _BREAKS.sub(" ", text).strip()


def export(quiz: Quiz) -> bytes:
    lines = []
    for q in quiz.questions:
        options = " ".join(f"({LETTERS[n]}) {flat(o)}" for n, o in enumerate(q.options))
        term = f"{flat(q.item.stem)} {options}"
        definition = f"({q.key_letter}) {flat(q.item.key)} - {flat(q.item.rationale)}"
        lines.append(f"{term}\t{definition}")
    return ("\n".join(lines) + "\n").encode("utf-8")
