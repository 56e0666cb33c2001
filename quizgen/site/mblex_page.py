"""The MBLEx: its format, its seven content areas and weights, and what this material covers."""

from __future__ import annotations

from collections import Counter

from quizgen.data.model import Dataset
from quizgen.site.markdown import table, text

PATH = "mblex.md"
# Fewer facts than this in an area is too few to study it from this material alone.
LIGHT = 5


def coverage(data: Dataset) -> tuple[Counter[str], Counter[str]]:
    """Rows of the comparisons and glossary terms per content area."""
    rows = Counter(data.dimension(r.dimension).area for c in data.comparisons for r in c.rows)
    terms = Counter(t.area for t in data.glossary if t.area)
    return rows, terms


def _covered(facts: int) -> str:
    if facts == 0:
        return "**no**"
    return "a little" if facts < LIGHT else "yes"


def page(data: Dataset) -> str:
    exam = data.exam
    rows, terms = coverage(data)
    order = "forward only: no skipping and no going back" if exam.forward_only else "free order"
    out = [
        f"# The {text(exam.name)}\n",
        f"The **{text(exam.full_name)}** is given by the {text(exam.body)}. "
        f"{text(exam.outline)}.\n",
        f"- Items: {exam.items}",
        f"- Time: {exam.minutes} minutes",
        f"- Order: {order}",
        f"- Scoring: {text(exam.scoring)}\n",
        "## Content areas and what this material covers {#areas}\n",
        "The weights are each area's share of the exam. *Covered here* says how much of "
        "the area these pages teach; *a little* means only a few facts: study that area "
        "mainly from your course materials.\n",
    ]
    out.append(
        table(
            ["Content area", "Weight", "Covered here"],
            (
                [text(a.name), f"{a.weight}%", _covered(rows[a.id] + terms[a.id])]
                for a in exam.areas
            ),
        )
    )
    missing = [a for a in exam.areas if not rows[a.id] and not terms[a.id]]
    if missing:
        names = ", ".join(text(a.name) for a in missing)
        out.append(
            f"This material does not cover {names}: the sources compare kinds of massage and "
            "say nothing about those areas. Study them from your course materials.\n"
        )
    return "\n".join(out)
