"""The spaced-repetition drill: due items first, then new ones, feedback after every answer."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from rich.console import Console

from quizgen.bank.item import Item
from quizgen.progress.schedule import Schedule
from quizgen.quiz import arrange
from quizgen.study import feedback
from quizgen.study.face import QUIT, Answer, Card, Face

# Learning items due within this long are part of the next session's plan (Anki's
# "learn ahead limit").
LEARN_AHEAD = timedelta(minutes=20)
# A wrong answer comes back in the same session after this many other cards, as Anki shows a
# lapsed card again after its one-minute step: soon, but not straight away.
RELEARN_AFTER = 3


@dataclass
class Summary:
    answered: int = 0
    correct: int = 0
    to_relearn: int = 0  # answered wrong and not yet right again when the session ended
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


@dataclass
class Progress:
    """Where the session is, for the card's top line. Its totals do not move: with a limit
    that the plan fills, every answer counts toward it ("7 of 20"); otherwise the planned
    cards are counted and a card that comes back again is marked as such."""

    planned: int
    limit: int | None
    answered: int = 0
    first_seen: int = 0  # planned cards shown so far

    def heading(self, is_again: bool, waiting: int, later: int = 0) -> str:
        """The top line; `waiting` missed cards come back in this session, `later` (pushed
        out by the limit) only in the next."""
        if self.limit is not None and self.planned >= self.limit:
            head = f"{self.answered + 1} of {self.limit}"
        elif is_again:
            head = f"again (after {self.first_seen} of {self.planned})"
        else:
            head = f"{self.first_seen + 1} of {self.planned}"
        if is_again:
            head += " · a card you missed"
        if waiting:
            head += f" · {waiting} more to relearn"
        if later:
            head += f" · {later} to relearn next time"
        return head


def run(
    queue: list[Item],
    schedule: Schedule,
    face: Face,
    *,
    options: int,
    limit: int | None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Summary:
    """Ask the planned items, and those that come back to be relearnt, until the queue is
    empty, the limit is reached, q, or Ctrl-C. Every answer is saved as it is given."""
    summary = Summary()
    progress = Progress(planned=len(queue), limit=limit)
    again: set[str] = set()  # missed this session, not yet answered right
    shuffle = random.Random()
    try:
        # The limit counts answers: an item relearnt in the session comes back, but not past it.
        while queue and (limit is None or summary.answered < limit):
            item = queue.pop(0)
            # A fresh option order every time an item comes back.
            question = arrange(
                item, options, shuffle.randrange(options), summary.answered + 1, shuffle
            )
            is_again = item.id in again
            # Cards missed come back while the limit leaves room for them, else next time.
            room = len(queue) if limit is None else limit - summary.answered - 1
            waiting = [n < room for n, i in enumerate(queue) if i.id in again]
            shown = Card(progress.heading(is_again, sum(waiting), waiting.count(False)), question)
            answer = face.ask(shown)
            if not isinstance(answer, Answer):
                break
            correct = answer.index == question.key_index
            chosen = question.options[answer.index]
            schedule.answer(item, correct, answer.confident, chosen, clock())
            summary.answered += 1
            progress.answered += 1
            progress.first_seen += not is_again
            summary.correct += correct
            summary.by_category[item.category] += 1
            summary.right_by_category[item.category] += correct
            if correct:
                again.discard(item.id)
            else:
                queue.insert(min(len(queue), RELEARN_AFTER), item)
                again.add(item.id)
            said = feedback.lines(question, answer.index, options_shown=True)
            if face.explain(shown, answer, said) == QUIT:
                break
    except KeyboardInterrupt:
        pass  # Ctrl-C ends the drill like q: every answer given is already saved
    summary.to_relearn = len(again)
    return summary


def show_summary(
    summary: Summary, schedule: Schedule, labels: dict[str, str], out: Console
) -> None:
    out.print()
    if not summary.answered:
        out.print("No answers this session.")
    else:
        share = summary.correct / summary.answered
        out.print(
            f"Answered {summary.answered}, right {summary.correct} ({share:.0%}).", style="bold"
        )
        for category, count in summary.by_category.most_common():
            right = summary.right_by_category[category]
            out.print(f"  {labels.get(category, category)}: {right} of {count}")
    if summary.to_relearn:
        them = "it" if summary.to_relearn == 1 else "them"
        out.print(
            f"Still to relearn: {plural(summary.to_relearn, 'item')} you missed and have not "
            f"yet answered right; run the drill again in a minute to finish {them}."
        )
        return
    now = datetime.now(UTC)
    upcoming = sorted(c.due for c in schedule.cards.values())
    due_now = sum(due <= now for due in upcoming)
    if due_now:
        out.print(f"Due now: {plural(due_now, 'item')}; the next drill reviews them.")
    elif upcoming:
        out.print(f"Next review {when_text(upcoming[0], now)}.")


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def when_text(due: datetime, now: datetime) -> str:
    """ "in 8 min", "in 3 h", "tomorrow at 09:00", "on Tue 2 Dec": as a person says it."""
    minutes = (due - now).total_seconds() / 60
    if minutes < 60:
        return f"in {max(1, round(minutes))} min"
    local, today = due.astimezone(), now.astimezone().date()
    if local.date() == today:
        return f"in {round(minutes / 60)} h (at {local:%H:%M})"
    if local.date() == today + timedelta(days=1):
        return f"tomorrow at {local:%H:%M}"
    return f"on {local:%a} {local.day} {local:%b}"
