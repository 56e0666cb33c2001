"""The face for a pipe or a file: each card printed once, answers read one per line ("s b").

Used when standard input or output is not a terminal: scripts, tests, a screen reader's
line-by-line shell. Lines are read on a thread so an exam's deadline can end the wait on
every platform (select() does not work on a Windows pipe).
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console

from quizgen.study.card_text import Options, feedback_text
from quizgen.study.face import NEXT, QUIT, TIMEOUT, Answer, Card, heading, last_letter, parse
from quizgen.study.feedback import Line


class LineReader:
    def __init__(self, stream: TextIO) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: TextIO) -> None:
        for line in iter(stream.readline, ""):
            self._lines.put(line)
        self._lines.put("")  # end of input

    def line(self, wait: float | None) -> str | None:
        """The next line, "" at the end of input, None when `wait` seconds pass first."""
        try:
            return self._lines.get(timeout=None if wait is None else max(0.0, wait))
        except queue.Empty:
            return None


class PlainFace:
    def __init__(self, stdin: TextIO, console: Console) -> None:
        self.console = console
        self.reader = LineReader(stdin)

    def begin(self, title: str, text: str) -> bool:
        self.console.print(f"{title}: {text}")
        return True  # a script has nothing to wait for

    def ask(self, card: Card) -> Answer | str:
        out = self.console
        out.print()
        out.print(heading(card), style="dim")
        out.print(card.question.item.stem)
        out.print(Options(card))
        if card.confirm_quit:
            prompt = f"Answer a-{last_letter(card.options)} (q, then y, ends the exam): "
        else:
            prompt = "Answer (s/u for sure/unsure first if you like; q quits): "
        while True:
            out.print(prompt, end="")
            out.file.flush()
            wait = None if card.deadline is None else card.deadline - time.monotonic()
            line = self.reader.line(wait)
            if line is None:
                out.print()
                return TIMEOUT
            if not line:
                out.print()
                return QUIT  # end of input: stop; everything answered is saved
            answer = parse(line, len(card.question.options))
            if answer == QUIT and card.confirm_quit and not self._really_quit():
                continue
            if answer is not None:
                return answer
            out.print(f"Type a letter a-{last_letter(len(card.question.options))} (or q to quit).")

    def _really_quit(self) -> bool:
        self.console.print("End the exam now? Unanswered questions count as wrong. (y/n) ", end="")
        self.console.file.flush()
        line = self.reader.line(None)
        return not line or line.strip().lower().startswith("y")

    def explain(self, card: Card, answer: Answer, lines: Sequence[Line]) -> str:
        self.console.print(feedback_text(lines))
        return NEXT

    def note(self, text: str) -> None:
        self.console.print(text, style="bold")
