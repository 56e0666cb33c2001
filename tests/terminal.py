"""A real pseudo-terminal of a given size running quizgen, read back through a VT100 emulator
(pyte), so a test sees the screen a student sees: rows, columns, colours."""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

import pexpect
import pyte


class Terminal:
    def __init__(
        self, args: list[str], cols: int, rows: int, env: Mapping[str, str | None] | None = None
    ) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        merged = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "quizgen", *args],
            dimensions=(rows, cols),
            env={k: v for k, v in merged.items() if v is not None},
            timeout=60,
        )
        self.child.delaybeforesend = None
        self.output = b""  # everything written, for what the screen no longer shows

    @property
    def rows(self) -> list[str]:
        return [row.rstrip() for row in self.screen.display]

    @property
    def text(self) -> str:
        return "\n".join(self.rows)

    def pump(self, seconds: float = 0.0) -> None:
        """Read what the program wrote, for at least `seconds`."""
        end = time.monotonic() + seconds
        while True:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.02)
            except pexpect.TIMEOUT:
                data = b""
            except pexpect.EOF:
                return
            self.output += data
            self.stream.feed(data)
            if not data and time.monotonic() >= end:
                return

    def wait_for(self, check: str | Callable[[str], bool], timeout: float = 30) -> str:
        """Read until the screen shows `check` (a text, or a test of the whole screen)."""
        test = check if callable(check) else (lambda screen: check in screen)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump()
            if test(self.text):
                return self.text
            if not self.child.isalive():
                self.pump()
                if test(self.text):
                    return self.text
                break
        raise AssertionError(f"the screen never showed {check!r}; it shows:\n{self.text}")

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def resize(self, cols: int, rows: int) -> None:
        self.screen.resize(rows, cols)
        self.child.setwinsize(rows, cols)

    def finish(self, timeout: float = 30) -> int:
        """Wait for the program to end; its exit status."""
        end = time.monotonic() + timeout
        while self.child.isalive() and time.monotonic() < end:
            self.pump(0.05)
        self.pump()
        self.child.close()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)

    def plain_output(self) -> str:
        """What was written after the full screen closed, without escape sequences."""
        text = self.output.decode("utf-8", "replace")
        text = text.rsplit("\x1b[?1049l", 1)[-1]  # the alternate screen's end
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r", "", text)

    def colours(self) -> set[str]:
        """The foreground and background colours in use on the screen."""
        return {
            colour
            for line in self.screen.buffer.values()
            for char in line.values()
            for colour in (char.fg, char.bg)
        }


@contextmanager
def terminal(
    args: list[str], cols: int, rows: int, env: Mapping[str, str | None] | None = None
) -> Iterator[Terminal]:
    term = Terminal(args, cols, rows, env)
    try:
        yield term
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
