"""Writing Markdown safely: every string from data/ goes through `text()` before it reaches a page.

Data is written by instructors and may contain anything, so it is escaped as text: HTML is
entity-encoded and every character Markdown or its extensions would read as syntax is
backslash-escaped. Line breaks become spaces, so a value can never end a table row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Python-Markdown's escapable characters (with the tables extension's `|`); `#` and `!`
# are escaped too because a value may start a heading or follow a `[`.
_SYNTAX = set("\\`*_{}[]()#+-.!|")
_WHITESPACE = re.compile(r"\s+")


def text(value: str) -> str:
    """`value` as literal text in Markdown: no markup, no HTML, one line."""
    out = []
    for char in _WHITESPACE.sub(" ", value).strip():
        if char in _HTML:
            out.append(_HTML[char])
        elif char in _SYNTAX:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def slug(value: str) -> str:
    """An anchor id for a heading made from data (ids in data/ already have this shape)."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "section"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A pipe table from cells that are already Markdown (escaped with `text()`)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


class Footnotes:
    """Numbered footnotes for one page: the evidence behind each value, shown on hover."""

    def __init__(self) -> None:
        self._notes: list[str] = []

    def ref(self, body: str) -> str:
        """A footnote reference to `body` (Markdown); the note is written by `render()`."""
        self._notes.append(body)
        return f"[^{len(self._notes)}]"

    def render(self) -> str:
        return "".join(f"[^{n}]: {body}\n" for n, body in enumerate(self._notes, 1))


def admonition(kind: str, title: str, body: str) -> str:
    """A callout box; `title` and `body` are Markdown already."""
    title = title.replace('"', "&quot;")
    indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
    return f'!!! {kind} "{title}"\n\n{indented}\n\n'
