"""`quizgen stats`: one screen (24 rows) on what is due, how it is going, and what to work on.

Each line is one row: the command prints them unwrapped, cut to the terminal's width.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta

from fsrs import State

from quizgen.progress.schedule import Schedule
from quizgen.progress.store import Review
from quizgen.study.feedback import sentences

SPARKS = "▁▂▃▄▅▆▇█"
DAYS = 30
WEAKEST = 3  # rows per weak-spot list
MIN_ANSWERS = 3  # a share of fewer answers says little
MIN_RETENTION = 20  # reviews of learned items before their share right means anything


def streak(days: set[date], today: date) -> int:
    """Days in a row with at least one review, ending today (or yesterday, if not yet today)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def sparkline(counts: Sequence[int]) -> str:
    """One character a day, its height the day's reviews; "·" for a day without any."""
    peak = max(counts, default=0)
    return "".join(
        "·" if not n else SPARKS[min(len(SPARKS) - 1, (n * len(SPARKS) - 1) // peak)]
        for n in counts
    )


def _weakest(reviews: Sequence[Review], key: str, names: Mapping[str, str]) -> Iterator[str]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for r in reviews:
        total[getattr(r, key)] += 1
        right[getattr(r, key)] += r.correct
    ranked = sorted(
        (k for k, n in total.items() if n >= MIN_ANSWERS), key=lambda k: right[k] / total[k]
    )
    for k in ranked[:WEAKEST]:
        yield f"  {right[k] / total[k]:>4.0%}  {right[k]:>3}/{total[k]:<3} {names.get(k, k)}"


def asked(stem: str) -> str:
    """The stem's question: its last sentence (a case's story comes before it), without the
    source it names ("According to ..., "), which many share."""
    question = re.sub(r'^According to [^"]*"[^"]+",\s*', "", sentences(stem)[-1])
    return question[:1].upper() + question[1:]


def _two_lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(10, width), max_lines=2, placeholder=" \u2026")


def missed_while_sure(reviews: Iterable[Review]) -> list[tuple[str, int]]:
    """Items answered wrong after s (sure), the most often first."""
    counts = Counter(r.item_id for r in reviews if r.confident and not r.correct)
    return counts.most_common()


def lines(
    schedule: Schedule,
    now: datetime,
    areas: Mapping[str, str],
    categories: Mapping[str, str],
    questions: Mapping[str, tuple[str, str]],
    width: int = 80,
    rows: int = 24,
) -> list[str]:
    """At most `rows - 1` lines (the shell's prompt takes the last row): the weak-spot lists
    get shorter on a short screen, the first lines never go."""
    reviews = list(schedule.store.reviews("drill"))
    head = _head(schedule, reviews, now)
    for shown in range(WEAKEST, -1, -1):
        out = head + _weak_spots(reviews, areas, categories, questions, width, shown)
        if len(out) < rows:
            break
    return out


def _head(schedule: Schedule, reviews: Sequence[Review], now: datetime) -> list[str]:
    today = now.astimezone().date()
    end_of_today = datetime.combine(today + timedelta(days=1), datetime.min.time()).astimezone()
    dues = [c.due for c in schedule.cards.values()]
    due_today = sum(d < end_of_today for d in dues)
    due_week = sum(d < end_of_today + timedelta(days=6) for d in dues)
    out = [f"Due today: {due_today} · this week: {due_week} · items seen: {len(dues)}"]
    week = [r for r in reviews if r.reviewed_at.astimezone().date() > today - timedelta(days=7)]
    if week:
        right = sum(r.correct for r in week)
        out.append(f"Right: {right / len(week):.0%} of your {len(week)} answers in the last 7 days")
    mature = [r for r in reviews if r.state_before == int(State.Review)]
    if len(mature) >= MIN_RETENTION:
        kept = sum(r.correct for r in mature)
        out.append(f"Retention: {kept / len(mature):.0%} right on items you had learned")
    else:
        out.append(
            f"Retention: shown from {MIN_RETENTION} reviews of learned items ({len(mature)} so far)"
        )
    per_day = Counter(r.reviewed_at.astimezone().date() for r in reviews)
    days = streak(set(per_day), today)
    out.append(
        f"Streak: {days} day{'' if days == 1 else 's'} · {len(reviews)} drill answers "
        "(exams: quizgen history)"
    )
    counts = [per_day.get(today - timedelta(days=n), 0) for n in range(DAYS - 1, -1, -1)]
    out.append(f"Last {DAYS} days: {sparkline(counts)} (most {max(counts)} a day)")
    return out


def _weak_spots(
    reviews: Sequence[Review],
    areas: Mapping[str, str],
    categories: Mapping[str, str],
    questions: Mapping[str, tuple[str, str]],
    width: int,
    shown: int,
) -> list[str]:
    if not shown:
        return []
    out = []
    for title, key, names in (
        ("Weakest MBLEx areas", "area", areas),
        ("Weakest categories", "category", categories),
    ):
        weak = list(_weakest(reviews, key, names))[:shown]
        if weak:
            out.append(f"{title}:")
            out.extend(weak)
    sure = missed_while_sure(reviews)
    if sure:
        out.append(f"Missed while sure ({sum(n for _, n in sure)}), the most often first:")
        for item_id, n in sure[:shown]:
            # The answer on one line, what was asked on the next: a case's story comes
            # before its question, and the stories begin alike.
            stem, key = questions.get(item_id, ("An item no longer in the bank.", ""))
            for row, line in enumerate(_two_lines(key or stem, width - 5)):
                out.append(f"  {n}\u00d7 {line}" if row == 0 else f"     {line}")
            if key:
                out.extend(
                    f"     {line}" for line in _two_lines(f"\u2190 {asked(stem)}", width - 5)
                )
    return out
