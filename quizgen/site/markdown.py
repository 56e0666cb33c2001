"""Writing Markdown safely: every string from data/ goes through `text()` before it reaches a page.

Data is written by instructors and may contain anything, so it is escaped as text: HTML is
entity-encoded and the characters Markdown or its extensions would read as syntax are
backslash-escaped. Line breaks become spaces, so a value can never end a table row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Stands for the way from a page to the site's root in addresses that generated pages write
# in raw HTML (the practice bank's), which MkDocs does not rewrite as it does Markdown links.
# The way depends on the page's URL, so it is filled in as each page is built.
ROOT = "QUIZGEN_ROOT/"

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Characters that are markup anywhere in a line (emphasis, links, code, attribute lists,
# footnotes, table cells). Others are markup only at the start of a line and are escaped
# only there, so that words like "cross-fiber" stay whole for glossary tooltips.
_INLINE = set("\\`*_{}[]|")
_ESCAPES = str.maketrans({**_HTML, **{char: "\\" + char for char in _INLINE}})
_LINE_START = re.compile(r"^(?:[-+#:=~]|\d+[.)])")
_WHITESPACE = re.compile(r"\s+")


def text(value: str) -> str:
    """`value` as literal text in Markdown: no markup, no HTML, one line."""
    escaped = _WHITESPACE.sub(" ", value).strip().translate(_ESCAPES)
    start = _LINE_START.match(escaped)
    if start:
        # Not all of these have a backslash escape; a character reference works for each.
        end = start.end()
        escaped = f"{escaped[: end - 1]}&#{ord(escaped[end - 1])};{escaped[end:]}"
    return escaped


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A pipe table from cells that are already Markdown (escaped with `text()`)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def admonition(kind: str, title: str, body: str) -> str:
    """A callout box; `title` and `body` are Markdown already."""
    title = title.replace('"', "&quot;")
    indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
    return f'!!! {kind} "{title}"\n\n{indented}\n\n'
