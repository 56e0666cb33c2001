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
from quizgen.progress.store import Review, Store, StoredCard


def rating(correct: bool, confident: bool | None) -> Rating:
    if not correct:
        return Rating.Again
    return Rating.Hard if confident is False else Rating.Good


# Where `quizgen stats --optimize` keeps the parameters fitted to the student's reviews.
PERSONAL = "fsrs_parameters"


def personal_parameters(store: Store) -> tuple[float, ...] | None:
    saved = store.setting(PERSONAL)
    if not isinstance(saved, dict):
        return None
    return tuple(float(p) for p in saved["parameters"])


class Schedule:
    def __init__(self, store: Store, scheduler: Scheduler | None = None) -> None:
        self.store = store
        personal = personal_parameters(store)
        self.scheduler = scheduler or (Scheduler(parameters=personal) if personal else Scheduler())
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
        earned = rating(correct, confident)

        def reschedule(stored: StoredCard | None) -> tuple[StoredCard, datetime, int | None]:
            # The card as stored now, not as this drill read it at its start: another
            # drill may have answered the item since.
            before = Card() if stored is None else Card.from_dict(stored)  # type: ignore[arg-type]
            after, _ = self.scheduler.review_card(before, earned, now)
            state_before = None if stored is None else int(before.state)
            return after.to_dict(), after.due, state_before  # type: ignore[return-value]

        review = Review(
            item_id=item.id,
            reviewed_at=now,
            mode="drill",
            correct=correct,
            confident=confident,
            chosen=chosen,
            rating=int(earned),
            state_before=None,  # set from the stored card, in the same transaction
            category=item.category,
            area=item.area,
            dimension=item.basis.get("dimension"),
        )
        stored = self.store.record(review, reschedule)
        after = Card.from_dict(stored)  # type: ignore[arg-type]
        self.cards[item.id] = after
        return after
