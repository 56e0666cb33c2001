"""Reading answers: one keypress in a real terminal, one line per answer otherwise.

An answer is a letter (a-e) or a number (1-5), optionally after a confidence key:
s = sure, u = unsure. q quits. In line mode the same keys are typed on one line ("s b").
"""

from __future__ import annotations

import os
import select
import sys
import termios
import time
import tty
from dataclasses import dataclass
from typing import TextIO

QUIT = "quit"
TIMEOUT = "timeout"


@dataclass(frozen=True)
class Answer:
    index: int
    confident: bool | None


def parse(keys: str, options: int) -> Answer | str | None:
    """An answer, QUIT, or None if the keys are not (yet) an answer."""
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


class Keys:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdin
        self.tty = self.stream.isatty()
        self._pending = b""  # bytes read past the last line, in line mode

    def answer(self, options: int, deadline: float | None, echo: TextIO) -> Answer | str:
        """Wait for an answer, QUIT, or TIMEOUT once `deadline` (monotonic clock) passes."""
        if self.tty:
            return self._from_keys(options, deadline, echo)
        return self._from_lines(options, deadline, echo)

    def _readline(self, deadline: float | None) -> str | None:
        """One line from the file descriptor, "" at end of input, None when time runs out.

        Read from the descriptor itself, not a buffered stream, so that waiting for the
        next line can end at the deadline.
        """
        fd = self.stream.fileno()
        while b"\n" not in self._pending:
            wait = None if deadline is None else deadline - time.monotonic()
            if wait is not None and wait <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                return None
            chunk = os.read(fd, 4096)
            if not chunk:
                line, self._pending = self._pending, b""
                return line.decode("utf-8", "replace")
            self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        return line.decode("utf-8", "replace") + "\n"

    def _from_lines(self, options: int, deadline: float | None, echo: TextIO) -> Answer | str:
        while True:
            line = self._readline(deadline)
            if line is None:
                return TIMEOUT
            if not line:
                return QUIT  # end of input: stop, everything answered is saved
            answer = parse(line, options)
            if answer is not None:
                return answer
            echo.write(f"Type a letter a-{chr(ord('a') + options - 1)} (or q to quit).\n")
            echo.flush()

    def _from_keys(self, options: int, deadline: float | None, echo: TextIO) -> Answer | str:
        fd = self.stream.fileno()
        saved = termios.tcgetattr(fd)
        confident: bool | None = None
        try:
            tty.setcbreak(fd)
            while True:
                wait = None if deadline is None else max(0.0, deadline - time.monotonic())
                ready, _, _ = select.select([fd], [], [], wait)
                if not ready:
                    return TIMEOUT
                key = self.stream.read(1).lower()
                if key in ("s", "u"):
                    confident = key == "s"
                    echo.write("(sure) " if confident else "(unsure) ")
                    echo.flush()
                    continue
                answer = parse(key, options)
                if answer == QUIT or isinstance(answer, Answer):
                    if isinstance(answer, Answer):
                        answer = Answer(answer.index, confident)
                        echo.write(f"{chr(ord('a') + answer.index)}\n")
                    return answer
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
