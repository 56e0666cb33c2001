"""The terminal the study commands write to: any encoding, colour only where wanted, and
text laid out for its real width (Rich wraps on words)."""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Callable
from typing import TextIO, TypeVar

from rich.console import Console

from quizgen.study.face import Face
from quizgen.study.plain_face import PlainFace

T = TypeVar("T")

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
    "\u2191": "up",
    "\u2193": "down",
}


def _spell_plainly(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    unsayable = error.object[error.start : error.end]
    return "".join(PLAIN.get(c, "?") for c in unsayable), error.end


codecs.register_error("quizgen-plain", _spell_plainly)


def speak_any_encoding(*streams: TextIO) -> None:
    """Let each stream write every character, whatever the terminal's encoding: in a Latin-1
    locale a curly quote in the feedback raised UnicodeEncodeError."""
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="quizgen-plain")


def use_color(no_color_flag: bool, stream: TextIO) -> bool:
    """Colour on a terminal, unless --no-color or NO_COLOR says otherwise. As the NO_COLOR
    convention has it, an empty NO_COLOR leaves colour on."""
    return not no_color_flag and not os.environ.get("NO_COLOR") and stream.isatty()


def console(out: TextIO, color: bool) -> Console:
    """A console for `out`: wrapped at the terminal's width (80 columns when not a terminal),
    styled only with `color`, and printing text as given (no markup, no guessed highlights)."""
    return Console(
        file=out,
        color_system="auto" if color else None,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def study(session: Callable[[Face], T], color: bool, out: Console) -> T:
    """Run a drill or an exam: full screen in a terminal, one line at a time otherwise."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        # Textual paints at most 60 times a second unless told otherwise, so the feedback
        # waited up to 17 ms for the next frame; a drill has no animation to pace, and a
        # scroll that jumps at once keeps up with a key held down (or a slow SSH link).
        os.environ.setdefault("TEXTUAL_FPS", "240")
        os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
        from quizgen.study import full_screen  # Textual loads only when it is used

        return full_screen.run(session, color)
    return session(PlainFace(sys.stdin, out))
