"""Exporters: each turns a `Quiz` into the bytes of one file format, and nothing else."""

from __future__ import annotations

from collections.abc import Callable

from quizgen.export import html_quiz, json_quiz, markdown_quiz
from quizgen.quiz import Quiz

Exporter = Callable[[Quiz], bytes]

FORMATS: dict[str, Exporter] = {
    "json": json_quiz.export,
    "markdown": markdown_quiz.export,
    "html": html_quiz.export,
}
