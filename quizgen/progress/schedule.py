"""FSRS scheduling: the rating an answer earns, and each item's next due time.

Rating from an answer (multiple choice shows the answer, so recall is never "easy"):
  wrong                          -> Again
  right, marked unsure           -> Hard
  right, marked sure or unmarked -> Good
"""

from __future__ import annotations

from datetime import datetime

from fsrs import Card, Rating, Scheduler, State

from quizgen.bank.item import Item
from quizgen.progress.store import Review, Store


def rating(correct: bool, confident: bool | None) -> Rating:
    if not correct:
        return Rating.Again
    return Rating.Hard if confident is False else Rating.Good


class Schedule:
    def __init__(self, store: Store, scheduler: Scheduler | None = None) -> None:
        self.store = store
        self.scheduler = scheduler or Scheduler()
        self.cards = {k: Card.from_dict(v) for k, v in store.cards().items()}  # type: ignore[arg-type]

    def card(self, item_id: str) -> Card | None:
        return self.cards.get(item_id)

    def is_new(self, item_id: str) -> bool:
        return item_id not in self.cards

    def in_learning(self, item_id: str) -> bool:
        card = self.cards.get(item_id)
        return card is not None and card.state in (State.Learning, State.Relearning)

    def answer(
        self, item: Item, correct: bool, confident: bool | None, chosen: str, now: datetime
    ) -> Card:
        before = self.cards.get(item.id) or Card()
        earned = rating(correct, confident)
        after, _ = self.scheduler.review_card(before, earned, now)
        self.store.record(
            Review(
                item_id=item.id,
                reviewed_at=now,
                mode="drill",
                correct=correct,
                confident=confident,
                chosen=chosen,
                rating=int(earned),
                state_before=None if item.id not in self.cards else int(before.state),
                category=item.category,
                area=item.area,
                dimension=item.basis.get("dimension"),
            ),
            after.to_dict(),  # type: ignore[arg-type]
            after.due,
        )
        self.cards[item.id] = after
        return after
