"""`quizgen history`: past mock exams, newest last, and whether each MBLEx area is improving;
`quizgen history --exam N`: one exam's result again, with the questions missed.

Trends compare exams that say something: finished (not ended early), at least ten questions,
and at least half of them answered. An area's trend needs enough items at both ends.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from quizgen.bank.item import Item

SHOWN = 5  # exams in the list and in the per-area table: what fits 60x20
FEW = 3  # items in an area too few to compare
SMALL = 10  # questions in an exam too few to compare

Exam = Mapping[str, Any]


def ended_early(exam: Exam) -> bool:
    if "ended_early" in exam:
        return bool(exam["ended_early"])
    return bool(exam.get("abandoned")) or (
        exam["answered"] < exam["total"] and not exam.get("timed_out")
    )


def comparable(exam: Exam) -> bool:
    return (
        not ended_early(exam) and exam["total"] >= SMALL and exam["answered"] >= exam["total"] / 2
    )


def area_share(exam: Exam, area: str) -> tuple[float, int] | None:
    """The share right in `area` of the questions answered in it, and how many; None if
    none was (the area was not reached, or not asked)."""
    pair = exam["by_area"].get(area)
    if pair is None:
        return None
    answered = exam.get("answered_by_area", {}).get(area, pair[1])
    return (pair[0] / answered, answered) if answered else None


def trend(shares: Sequence[float | None]) -> str:
    """Points gained or lost from the first to the last of `shares` that has a score."""
    known = [s for s in shares if s is not None]
    if len(known) < 2:
        return "—"
    change = round((known[-1] - known[0]) * 100)
    return "same" if change == 0 else f"{change:+d} pts"


def lines(exams: Sequence[tuple[datetime, Exam]], areas: Mapping[str, str]) -> list[str]:
    """The history's lines: table rows start with two spaces (printed whole, cut to the
    width), the rest is prose (wrapped)."""
    if not exams:
        return ["No exams taken yet: `quizgen exam` starts one."]
    numbered = list(enumerate(exams, 1))
    counted = [(n, t, e) for n, (t, e) in numbered if comparable(e)]
    overall = trend([e["right"] / e["total"] for _, _, e in counted])
    listed = numbered[-SHOWN:]
    out = [
        f"{len(exams)} exam{'s' if len(exams) != 1 else ''}"
        + (f", the last {len(listed)} here" if len(listed) < len(exams) else "")
        + (f"; score from the first counted to the last: {overall}" if overall != "—" else "")
        + f". * = not in trends (ended early, under {SMALL} questions, or under half answered)."
    ]
    out.append("  #    Taken        Result Score  Right")
    for n, (taken, e) in listed:
        share = e["right"] / e["total"] if e["total"] else 0.0
        notes = [
            *(["time ran out"] if e.get("timed_out") else []),
            *(["ended early"] if ended_early(e) else []),
        ]
        mark = "" if comparable(e) else "*"
        row = (
            f"  {f'{n}{mark}':<4} {taken.astimezone():%m-%d %H:%M}  "
            f"{'PASS' if e['passed'] else 'FAIL':<6} {share:>4.0%}  "
            f"{e['right']:>3}/{e['total']:<3} {', '.join(notes)}"
        )
        out.append(row.rstrip())
    recent = [(n, t, e) for n, t, e in counted][-SHOWN:] or [(n, t, e) for n, (t, e) in listed]
    out.append(
        f"By MBLEx area, right of those answered; a trend compares exams with {FEW}+ answers "
        "in the area. `quizgen history --exam N` shows exam N again:"
    )
    out.append(
        "  "
        + " ".join(f"{f'#{n}' + ('' if comparable(e) else '*'):>5}" for n, _, e in recent)
        + "     trend  area"
    )
    asked = {a for _, _, e in recent for a in e["by_area"]}
    for area in sorted(asked, key=lambda a: areas.get(a, a)):
        cells, shares = [], []
        for _, _, e in recent:
            got = area_share(e, area)
            right = e["by_area"][area][0] if got is not None else 0
            cells.append("    —" if got is None else f"{f'{right}/{got[1]}':>5}")
            enough = got is not None and got[1] >= FEW and comparable(e)
            shares.append(got[0] if enough and got is not None else None)
        out.append(f"  {' '.join(cells)}  {trend(shares):>8}  {areas.get(area, area)}")
    return out


def exam_lines(
    number: int,
    taken: datetime,
    exam: Exam,
    areas: Mapping[str, str],
    items: Mapping[str, Item],
    chosen: Mapping[str, str],
) -> list[str]:
    """Exam `number` again: its score, each area, every question answered wrong (what was
    chosen, the answer, why) and those not answered. `chosen` is the option's text given
    for each item in that exam, from the review log."""
    share = exam["right"] / exam["total"] if exam["total"] else 0.0
    out = [
        f"Exam {number}, {taken.astimezone():%Y-%m-%d %H:%M}: "
        f"{'PASS' if exam['passed'] else 'FAIL'}, {exam['right']} of {exam['total']} right "
        f"({share:.0%}), {exam['answered']} answered"
        + (", time ran out" if exam.get("timed_out") else "")
        + (", ended early" if ended_early(exam) else "")
    ]
    for area in sorted(exam["by_area"], key=lambda a: areas.get(a, a)):
        got = area_share(exam, area)
        score = "not reached" if got is None else f"{exam['by_area'][area][0]}/{got[1]} right"
        out.append(f"  {score:>12}  {areas.get(area, area)}")
    missed = [i for i in exam.get("missed", []) if i in chosen]
    unanswered = [i for i in exam.get("missed", []) if i not in chosen]
    for title, ids in (("Answered wrong", missed), ("Not answered", unanswered)):
        if ids:
            out.append(f"{title} ({len(ids)}):")
        for n, item_id in enumerate(ids, 1):
            item = items.get(item_id)
            if item is None:
                out.append(f"{n:>3}. (a question no longer in the bank)")
                continue
            out.append(f"{n:>3}. {item.stem}")
            if item_id in chosen:
                out.append(f"     You chose: {chosen[item_id]}")
            out.append(f"     Answer: {item.key}")
            out.append(f"     Why: {item.rationale}")
    return out
