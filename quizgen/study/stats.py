"""`quizgen stats`: what is due, how much was done each day, and where the weak spots are."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import date, datetime, timedelta

from fsrs import State

from quizgen.progress.schedule import Schedule

BAR = 40


def _accuracy(right: Counter[str], total: Counter[str], names: Mapping[str, str]) -> Iterator[str]:
    for key, n in sorted(total.items(), key=lambda kv: right[kv[0]] / kv[1]):
        yield f"  {right[key] / n:>4.0%}  {right[key]:>3}/{n:<3}  {names.get(key, key)}"


def streak(days: set[date], today: date) -> int:
    """Days in a row with at least one review, ending today (or yesterday, if not yet today)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def lines(
    schedule: Schedule,
    now: datetime,
    areas: Mapping[str, str],
    categories: Mapping[str, str],
    dimensions: Mapping[str, str],
) -> Iterator[str]:
    reviews = list(schedule.store.reviews("drill"))
    today = now.astimezone().date()
    end_of_today = datetime.combine(today + timedelta(days=1), datetime.min.time()).astimezone()
    dues = [c.due for c in schedule.cards.values()]
    yield f"Due today: {sum(d < end_of_today for d in dues)}"
    yield f"Due this week: {sum(d < end_of_today + timedelta(days=6) for d in dues)}"
    per_day = Counter(r.reviewed_at.astimezone().date() for r in reviews)
    yield "Reviews per day, last 30 days:"
    peak = max(per_day.values(), default=0)
    for offset in range(29, -1, -1):
        day = today - timedelta(days=offset)
        count = per_day.get(day, 0)
        bar = "#" * (round(count / peak * BAR) if peak else 0)
        yield f"  {day:%m-%d} {count:>4} {bar}"
    mature = [r for r in reviews if r.state_before == int(State.Review)]
    if mature:
        kept = sum(r.correct for r in mature)
        yield f"True retention: {kept / len(mature):.0%} of {len(mature)} reviews of learned items"
    else:
        yield "True retention: no reviews of learned items yet"
    yield f"Streak: {streak(set(per_day), today)} day(s)"
    for title, key, names in (
        ("By category", "category", categories),
        ("By MBLEx area", "area", areas),
    ):
        right: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for r in reviews:
            total[getattr(r, key)] += 1
            right[getattr(r, key)] += r.correct
        if total:
            yield f"{title}:"
            yield from _accuracy(right, total, names)
    right_d: Counter[str] = Counter()
    total_d: Counter[str] = Counter()
    for r in reviews:
        if r.dimension:
            total_d[r.dimension] += 1
            right_d[r.dimension] += r.correct
    weak = {d: n for d, n in total_d.items() if n >= 2 and right_d[d] < n}
    if weak:
        yield "Weakest dimensions:"
        yield from list(_accuracy(right_d, Counter(weak), dimensions))[:5]
    confident_errors = [r for r in reviews if r.confident and not r.correct]
    yield f"Confident errors (sure, but wrong): {len(confident_errors)}"
    for r in confident_errors[-5:]:
        yield f"  {r.reviewed_at.astimezone():%m-%d %H:%M}  {r.item_id}: chose “{r.chosen}”"
