"""The quiz as Markdown: a student copy per variant, then the answer keys with rationales.

Every text from the data is escaped, so that it renders as itself in Python-Markdown, pandoc
and GitHub-flavoured Markdown and no HTML in it runs: `<`, `>`, `&` and `~` become character
references, Markdown's inline marks are backslash-escaped (only those every renderer
honours), and a text never starts a block. Options are a list nested in their question.
"""

from __future__ import annotations

import re

from quizgen.blueprint import COVERAGE_TITLE
from quizgen.quiz import LETTERS, Quiz, Variant

_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;"}
_MARKS = frozenset("\\`*_[]")
# What would start a block at the beginning of a line: a heading, a list item, a numbered one.
_BLOCK_START = re.compile(r"^(#|[-+]\s|\d+[.)])")


def text(value: str) -> str:
    """`value` as Markdown that renders as itself, on one line (HTML folds whitespace
    anyway, and a line break inside a list item would end it)."""
    flat = " ".join(value.split())
    escaped = "".join(_REFERENCES.get(c) or (f"\\{c}" if c in _MARKS else c) for c in flat)
    start = _BLOCK_START.match(escaped)
    if start:  # "1." -> "1\.", "#" -> "\#", "- " -> "\- "
        mark = start.group(1)
        cut = len(mark) - 1 if mark[-1] in ".)" else 0
        escaped = escaped[:cut] + "\\" + escaped[cut:]
    return escaped


def _student(quiz: Quiz, variant: Variant) -> list[str]:
    out = [
        f"# {text(quiz.title)} - variant {variant.label}",
        "",
        "Name: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  Date: \\_\\_\\_\\_\\_\\_\\_\\_",
        "",
    ]
    for q in variant.questions:
        out += [f"{q.number}. {text(q.item.stem)}", ""]
        out += [f"    - {LETTERS[n]}. {text(option)}" for n, option in enumerate(q.options)]
        out.append("")
    return out


def _key(quiz: Quiz, variant: Variant) -> list[str]:
    out = [f"# Answer key - variant {variant.label}", ""]
    for q in variant.questions:
        out += [f"{q.number}. **{q.key_letter}** - {text(q.options[q.key_index])}", ""]
        out.append(f"    - Why: {text(q.item.rationale)}")
        out.append(f"    - Source: {text(q.item.citation)}")
        out += [
            f"    - {LETTERS[n]} is wrong: {text(why)}"
            for n, why in enumerate(q.reasons)
            if n != q.key_index
        ]
        out.append("")
    return out


def export(quiz: Quiz) -> bytes:
    lines: list[str] = []
    for variant in quiz.variants:
        lines += _student(quiz, variant)
    for variant in quiz.variants:
        lines += _key(quiz, variant)
    if quiz.blueprint is not None:
        lines += [f"# {COVERAGE_TITLE}", "", *(f"- {text(s.coverage())}" for s in quiz.blueprint)]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
