"""`quizgen history`: past mock exams, newest last, and whether each MBLEx area is improving.

Trends use only complete exams (answered to the last question, or to the end of the time): one
ended early says little about what the student knows. An area's trend needs enough items at
both ends to mean anything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

SHOWN = 5  # complete exams in the per-area table: what fits 60 columns
LISTED = 10  # exams listed
FEW = 3  # items in an area too few to compare


def ended_early(exam: Mapping[str, Any]) -> bool:
    if "ended_early" in exam:
        return bool(exam["ended_early"])
    return bool(exam.get("abandoned")) or (
        exam["answered"] < exam["total"] and not exam.get("timed_out")
    )


def _share(pair: Sequence[int]) -> float | None:
    right, total = pair
    return right / total if total >= FEW else None


def trend(shares: Sequence[float | None]) -> str:
    """Points gained or lost from the first to the last of `shares` that has a score."""
    known = [s for s in shares if s is not None]
    if len(known) < 2:
        return "—"
    change = round((known[-1] - known[0]) * 100)
    return "same" if change == 0 else f"{change:+d} pts"


def lines(
    exams: Sequence[tuple[datetime, Mapping[str, Any]]], areas: Mapping[str, str]
) -> list[str]:
    """The history's lines: table rows start with two spaces (printed whole, cut to the
    width), the rest is prose (wrapped)."""
    if not exams:
        return ["No exams taken yet: `quizgen exam` starts one."]
    numbered = list(enumerate(exams, 1))
    complete = [(n, t, e) for n, (t, e) in numbered if not ended_early(e)]
    overall = trend([e["right"] / e["total"] for _, _, e in complete if e["total"]])
    out = [
        f"{len(exams)} exam{'s' if len(exams) != 1 else ''}, {len(complete)} complete"
        + (f"; score from the first complete one to the last: {overall}" if overall != "—" else "")
        + (". Trends leave out exams ended early." if len(complete) < len(exams) else ".")
    ]
    listed = numbered[-LISTED:]
    out.append("  #   Taken        Result Score  Right")
    for n, (taken, e) in listed:
        share = e["right"] / e["total"] if e["total"] else 0.0
        notes = [
            *(["time ran out"] if e.get("timed_out") else []),
            *(["ended early"] if ended_early(e) else []),
        ]
        row = (
            f"  {n:<3} {taken.astimezone():%m-%d %H:%M}  {'PASS' if e['passed'] else 'FAIL':<6} "
            f"{share:>4.0%}  {e['right']:>3}/{e['total']:<3} {', '.join(notes)}"
        )
        out.append(row.rstrip())
    recent = numbered[-SHOWN:]
    out.append(
        f"By MBLEx area, exams #{recent[0][0]}-#{recent[-1][0]} (right of asked; a trend needs "
        f"{FEW}+ items and complete exams; * ended early):"
    )
    out.append(
        "  "
        + " ".join(f"{f'#{n}' + ('*' if ended_early(e) else ''):>5}" for n, (_, e) in recent)
        + "     trend  area"
    )
    for area in sorted(
        {a for _, (_, e) in recent for a in e["by_area"]}, key=lambda a: areas.get(a, a)
    ):
        cells = []
        shares = []
        for _, (_, e) in recent:
            pair = e["by_area"].get(area)
            cells.append("    —" if pair is None or not pair[1] else f"{pair[0] / pair[1]:>5.0%}")
            shares.append(None if pair is None or ended_early(e) else _share(pair))
        out.append(f"  {' '.join(cells)}  {trend(shares):>8}  {areas.get(area, area)}")
    return out
