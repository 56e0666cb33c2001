"""The spaced-repetition drill: due items first, then new ones, feedback after every answer."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from quizgen.bank.item import Item
from quizgen.progress.schedule import Schedule
from quizgen.quiz import arrange
from quizgen.study.keyboard import QUIT, Answer, Keys
from quizgen.study.screen import Screen

# Learning items due within this long are shown again before the session ends.
LEARN_AHEAD = timedelta(minutes=20)


@dataclass
class Summary:
    answered: int = 0
    correct: int = 0
    by_category: Counter[str] = field(default_factory=Counter)
    right_by_category: Counter[str] = field(default_factory=Counter)


def new_today(schedule: Schedule, now: datetime) -> int:
    """Items first seen today (local day of `now`)."""
    first: dict[str, datetime] = {}
    for review in schedule.store.reviews("drill"):
        first.setdefault(review.item_id, review.reviewed_at)
    return sum(1 for t in first.values() if t.astimezone().date() == now.astimezone().date())


def plan(
    items: Sequence[Item], schedule: Schedule, now: datetime, new_per_day: int, limit: int | None
) -> list[Item]:
    """Due items (most overdue first, learning items due soon included), then new ones."""

    def due_now(item: Item) -> bool:
        card = schedule.card(item.id)
        if card is None:
            return False
        ahead = LEARN_AHEAD if schedule.in_learning(item.id) else timedelta(0)
        return bool(card.due <= now + ahead)

    due = sorted(
        filter(due_now, items),
        key=lambda i: schedule.card(i.id).due,  # type: ignore[union-attr]
    )
    fresh = [i for i in items if schedule.is_new(i.id)]
    random.Random(now.date().isoformat()).shuffle(fresh)
    allowed = max(0, new_per_day - new_today(schedule, now))
    queue = due + fresh[:allowed]
    return queue[:limit] if limit is not None else queue


def run(
    items: Sequence[Item],
    schedule: Schedule,
    keys: Keys,
    screen: Screen,
    *,
    options: int,
    new_per_day: int,
    limit: int | None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Summary:
    queue = plan(items, schedule, clock(), new_per_day, limit)
    summary = Summary()
    shuffle = random.Random()
    if not queue:
        screen.say("Nothing is due and no new items are left for today.")
    # The limit counts answers: an item relearnt in the session comes back, but not past it.
    while queue and (limit is None or summary.answered < limit):
        item = queue.pop(0)
        # A fresh option order every time an item comes back.
        question = arrange(item, options, shuffle.randrange(options), summary.answered + 1, shuffle)
        texts, key = question.options, question.key_index
        label = "new" if schedule.is_new(item.id) else "review"
        screen.question(f"[{summary.answered + 1}, {label}, {len(queue)} more]", item, texts)
        screen.out.write("Answer (s/u for sure/unsure first if you like; q quits): ")
        screen.out.flush()
        answer = keys.answer(len(texts), None, screen.out)
        if answer == QUIT or not isinstance(answer, Answer):
            screen.say()
            break
        correct = answer.index == key
        card = schedule.answer(item, correct, answer.confident, texts[answer.index], clock())
        screen.feedback(item, texts, key, answer.index, question.reasons)
        summary.answered += 1
        summary.correct += correct
        summary.by_category[item.category] += 1
        summary.right_by_category[item.category] += correct
        if schedule.in_learning(item.id) and card.due <= clock() + LEARN_AHEAD:
            queue.append(item)
    return summary


def show_summary(
    summary: Summary, schedule: Schedule, labels: dict[str, str], screen: Screen
) -> None:
    screen.say()
    if not summary.answered:
        screen.say("No answers this session.")
    else:
        share = summary.correct / summary.answered
        screen.say(
            f"Answered {summary.answered}, right {summary.correct} ({share:.0%}).", bold=True
        )
        for category, count in summary.by_category.most_common():
            right = summary.right_by_category[category]
            screen.say(f"  {labels.get(category, category)}: {right} of {count}")
    upcoming = sorted(c.due for c in schedule.cards.values())
    if upcoming:
        screen.say(f"Next due: {upcoming[0].astimezone():%Y-%m-%d %H:%M}")
