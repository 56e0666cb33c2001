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
    if not exams:
        return ["No exams taken yet: `quizgen exam` starts one."]
    complete = [(t, e) for t, e in exams if not ended_early(e)]
    overall = trend([e["right"] / e["total"] for _, e in complete if e["total"]])
    out = [
        f"{len(exams)} exam{'s' if len(exams) != 1 else ''}, {len(complete)} complete"
        + (f"; score from the first complete to the last: {overall}" if overall != "—" else "")
        + ("; trends leave out exams ended early" if len(complete) < len(exams) else "")
    ]
    listed = exams[-LISTED:]
    if len(listed) < len(exams):
        out.append(f"The last {len(listed)}:")
    out.append("  Taken        Result Score  Right")
    for taken, e in listed:
        share = e["right"] / e["total"] if e["total"] else 0.0
        notes = [
            *(["time ran out"] if e.get("timed_out") else []),
            *(["ended early"] if ended_early(e) else []),
        ]
        row = (
            f"  {taken.astimezone():%m-%d %H:%M}  {'PASS' if e['passed'] else 'FAIL':<6} "
            f"{share:>4.0%}  {e['right']:>3}/{e['total']:<3} {', '.join(notes)}"
        )
        out.append(row.rstrip())
    recent = complete[-SHOWN:]
    if not recent:
        return out
    out.append(f"By MBLEx area, complete exams, oldest first ({FEW}+ items to compare):")
    out.append("  " + " ".join(f"{t.astimezone():%m-%d}" for t, _ in recent) + "   trend    area")
    for area in sorted({a for _, e in recent for a in e["by_area"]}, key=lambda a: areas.get(a, a)):
        shares = [_share(e["by_area"][area]) if area in e["by_area"] else None for _, e in recent]
        cells = " ".join("   — " if s is None else f"{s:>5.0%}" for s in shares)
        out.append(f"  {cells}  {trend(shares):>8}  {areas.get(area, area)}")
    return out
