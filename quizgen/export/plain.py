"""Shared by the LMS exporters: the questions of a quiz in one order, with their category labels."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.quiz import Question, Quiz


def questions(quiz: Quiz) -> Iterator[Question]:
    """An LMS or Anki shuffles for each student itself, so only the first variant is exported."""
    yield from quiz.variants[0].questions
