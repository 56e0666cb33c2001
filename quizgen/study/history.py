"""`quizgen history`: past mock exams, newest last, with each MBLEx area's score and trend."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

SHOWN = 5  # exams in the per-area table: what fits 60 columns
LISTED = 10


def _share(pair: Sequence[int]) -> float | None:
    right, total = pair
    return right / total if total else None


def trend(shares: Sequence[float | None]) -> str:
    """Points gained or lost from the first to the last of `shares` that has a score."""
    known = [s for s in shares if s is not None]
    if len(known) < 2:
        return ""
    change = round((known[-1] - known[0]) * 100)
    return "same" if change == 0 else f"{change:+d} pts"


def lines(
    exams: Sequence[tuple[datetime, Mapping[str, Any]]], areas: Mapping[str, str]
) -> list[str]:
    if not exams:
        return ["No exams taken yet: `quizgen exam` starts one."]
    overall = trend([_share((e["right"], e["total"])) for _, e in exams])
    listed = exams[-LISTED:]
    out = [
        f"{len(exams)} exam(s)"
        + (f"; score from the first to the last: {overall}" if overall else "")
        + (f"; the last {len(listed)}:" if len(listed) < len(exams) else ":")
    ]
    for taken, e in listed:
        share = e["right"] / e["total"] if e["total"] else 0.0
        how = [
            *(["time ran out"] if e.get("timed_out") else []),
            *(["ended early"] if e.get("abandoned") else []),
        ]
        out.append(
            f"  {taken.astimezone():%Y-%m-%d %H:%M}  {'PASS' if e['passed'] else 'FAIL'} "
            f"{share:>4.0%}  {e['right']}/{e['total']}, {e['answered']} answered"
            + (f" ({', '.join(how)})" if how else "")
        )
    recent = exams[-SHOWN:]
    out.append(f"By MBLEx area, the last {len(recent)} exam(s), oldest first:")
    for area in sorted({a for _, e in recent for a in e["by_area"]}, key=lambda a: areas.get(a, a)):
        shares = [_share(e["by_area"][area]) if area in e["by_area"] else None for _, e in recent]
        cells = " ".join("  — " if s is None else f"{s:>4.0%}" for s in shares)
        out.append(f"  {cells}  {trend(shares):>8}  {areas.get(area, area)}")
    return out
