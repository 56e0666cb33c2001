"""What the drill and exam print: questions, feedback, summaries; colour only where wanted."""

from __future__ import annotations

import codecs
import io
import os
import textwrap
from typing import TextIO

import click

from quizgen.bank.item import Item
from quizgen.quiz import LETTERS

# What a terminal that cannot show a character gets instead: the typographic marks the data and
# the feedback use, spelled plainly; "?" for anything else.
PLAIN = {
    "\u201c": '"',  # left double quotation mark
    "\u201d": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u2014": "-",  # em dash
    "\u2013": "-",
    "\u2026": "...",
    "\u2713": "+",  # check mark
    "\u2717": "x",
    "\u00b7": "-",  # middle dot
    "\u00a0": " ",
}


def _spell_plainly(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    unsayable = error.object[error.start : error.end]
    return "".join(PLAIN.get(c, "?") for c in unsayable), error.end


codecs.register_error("quizgen-plain", _spell_plainly)


def speak_any_encoding(stream: TextIO) -> None:
    """Let `stream` write every character, whatever the terminal's encoding: in a Latin-1
    locale a curly quote in the feedback raised UnicodeEncodeError."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="quizgen-plain")


def use_color(no_color_flag: bool, stream: TextIO) -> bool:
    """Colour on a terminal, unless --no-color or NO_COLOR says otherwise. As the NO_COLOR
    convention has it, an empty NO_COLOR leaves colour on."""
    return not no_color_flag and not os.environ.get("NO_COLOR") and stream.isatty()


class Screen:
    def __init__(self, out: TextIO, color: bool) -> None:
        self.out = out
        self.color = color

    def say(self, text: str = "", **style: object) -> None:
        if self.color and style:
            text = click.style(text, **style)  # type: ignore[arg-type]
        self.out.write(text + "\n")
        self.out.flush()

    def wrapped(self, text: str, indent: str = "") -> None:
        self.say(textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent))

    def question(self, heading: str, item: Item, options: tuple[str, ...]) -> None:
        self.say()
        self.say(heading, dim=True)
        self.wrapped(item.stem)
        for n, option in enumerate(options):
            self.wrapped(f"{LETTERS[n].lower()}) {option}", indent="  ")

    def feedback(
        self, item: Item, options: tuple[str, ...], key: int, chosen: int, reasons: tuple[str, ...]
    ) -> None:
        if chosen == key:
            self.say("Right.", fg="green", bold=True)
        else:
            self.say(
                f"Wrong. The answer is {LETTERS[key].lower()}) {options[key]}", fg="red", bold=True
            )
            self.wrapped(f"Why not {LETTERS[chosen].lower()}: {reasons[chosen]}", indent="  ")
        self.wrapped(f"Why: {item.rationale}", indent="  ")
        self.wrapped(f"Source: {item.citation}", indent="  ")
