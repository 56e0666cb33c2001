"""The MBLEx: its format, its seven content areas and weights, and what this material covers."""

from __future__ import annotations

from collections import Counter

from quizgen.data.model import Dataset
from quizgen.site.markdown import table, text

PATH = "mblex.md"
# How many facts (table rows and glossary terms) make "some" or "much" of an area. The site
# teaches how the kinds of massage differ; even "much" never makes it a course in the area.
SOME, MUCH = 20, 60


def coverage(data: Dataset) -> tuple[Counter[str], Counter[str]]:
    """Rows of the comparisons and glossary terms per content area."""
    rows = Counter(data.dimension(r.dimension).area for c in data.comparisons for r in c.rows)
    terms = Counter(t.area for t in data.glossary if t.area)
    return rows, terms


def _covered(facts: int) -> str:
    if facts == 0:
        return "**nothing**"
    return "a little" if facts < SOME else "some" if facts < MUCH else "much"


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
        "The weights are each area's share of the exam. This site teaches how the kinds of "
        "massage differ; the last column says how much of each area that touches (*much*, "
        "*some*, *a little*). It never replaces a course: study every area from your course "
        "materials, and those touched only *a little* entirely from them.\n",
    ]
    out.append(
        table(
            ["Content area", "Weight", "How much this site touches it"],
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
