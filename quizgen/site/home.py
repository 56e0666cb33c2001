"""The home page's "types at a glance" table, put where docs/index.md has its marker
(`content.HOME_MARKER`)."""

from __future__ import annotations

from quizgen.data.model import Dataset
from quizgen.site import cells
from quizgen.site.markdown import text


def types_at_a_glance(data: Dataset) -> str:
    """One entry per type: a source's definition, and the comparisons it appears in.

    A definition list rather than a table: it stays readable on a phone.
    """
    tags = cells.source_tags(data)
    out = []
    for massage_type in data.types:
        out.append(f"**[{text(massage_type.name)}](terminology.md#{massage_type.id})**")
        first = massage_type.definitions[0] if massage_type.definitions else None
        if first:
            tag = f"<sup>[{tags[first.source]}](sources.md#{first.source})</sup>"
            out.append(f":   {text(first.text)} {tag}")
        else:
            out.append(":   No source defines this name.")
        compared = [c for c in data.comparisons if massage_type.id in c.types]
        if compared:
            links = ", ".join(f"[{text(c.title)}](comparisons/{c.id}.md)" for c in compared)
            out.append(f"\n    Compared in: {links}")
        out.append("")
    return "\n".join(out) + "\n"
