"""What the drill and the exam ask of a screen (a face), and what a student's keys mean.

A session (drill or exam) is a plain loop over cards; a face shows each card and returns the
answer. Two faces exist: a full-screen one for a terminal, one line at a time otherwise.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from quizgen.quiz import Question
from quizgen.study.feedback import Line

QUIT = "quit"
TIMEOUT = "timeout"
NEXT = "next"


@dataclass(frozen=True)
class Answer:
    index: int
    confident: bool | None  # s = sure, u = unsure, None = not said


@dataclass(frozen=True)
class Card:
    heading: str  # "7 of 20 · 3 to relearn", "Question 12 of 100"
    question: Question
    deadline: float | None = None  # the exam's end on time.monotonic(), shown ticking
    confirm_quit: bool = False  # an exam asks before q ends it

    @property
    def options(self) -> int:
        return len(self.question.options)


class Face(Protocol):
    def begin(self, title: str, text: str) -> bool:
        """Show what is about to start; False if the student cancels instead."""

    def ask(self, card: Card) -> Answer | str:
        """The student's answer, QUIT, or TIMEOUT once the card's deadline passes.
        Ctrl-C raises KeyboardInterrupt."""

    def explain(self, card: Card, answer: Answer, lines: Sequence[Line]) -> str:
        """Show the feedback under the card until the student goes on: NEXT or QUIT."""

    def note(self, text: str) -> None:
        """A message between cards ("Time is up.")."""


def parse(keys: str, options: int) -> Answer | str | None:
    """An answer, QUIT, or None if the keys are not (yet) an answer: a letter (a-e) or a
    number (1-5), after s (sure) or u (unsure) if the student likes; q quits."""
    confident = None
    for key in keys.lower().split() if " " in keys.strip() else list(keys.lower().strip()):
        if key == "q":
            return QUIT
        if key in ("s", "u"):
            confident = key == "s"
        elif len(key) == 1 and "a" <= key < chr(ord("a") + options):
            return Answer(ord(key) - ord("a"), confident)
        elif key.isdigit() and 1 <= int(key) <= options:
            return Answer(int(key) - 1, confident)
    return None


def clock_text(seconds: float) -> str:
    """Time left as the exam's clock shows it: 1:05:09, or 4:07 under an hour."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def duration_text(minutes: float) -> str:
    """ "1 h 13 min", "11 min", "30 s": a time as a person says it."""
    seconds = round(minutes * 60)
    if seconds < 60:
        return f"{seconds} s"
    hours, rest = divmod(round(seconds / 60), 60)
    return f"{hours} h {rest} min" if hours else f"{rest} min"


def heading(card: Card) -> str:
    """The card's heading, with the time left on an exam's card."""
    if card.deadline is None:
        return card.heading
    return f"{card.heading} · {clock_text(card.deadline - time.monotonic())} left"


def last_letter(options: int) -> str:
    return chr(ord("a") + options - 1)
