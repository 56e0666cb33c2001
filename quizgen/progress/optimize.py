"""Personal scheduling, as Anki does it: FSRS parameters fitted to the student's own reviews.

The fit is fsrs-rs's optimizer (the Rust core Anki uses, through its Python binding). It
learns from spaced reviews, so a review counts in days since the item's previous one; a
history gives one training example per review that came a day or more after the last.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import fsrs_rs_python as fsrs_rs

from quizgen.progress.store import Review

MIN_REVIEWS = 400  # below this a fit follows noise, and the defaults serve better


@dataclass(frozen=True)
class Fit:
    parameters: tuple[float, ...]
    log_loss_before: float  # the default parameters on this history
    log_loss_after: float  # the fitted ones, on the same history
    reviews: int
    examples: int


class TooFewReviews(Exception):
    pass


def examples(reviews: Iterable[Review]) -> list[fsrs_rs.FSRSItem]:
    """Each item's drill history as FSRS training examples: for every review a day or more
    after the one before, the history up to it (ratings with days since the previous)."""
    by_item: dict[str, list[Review]] = defaultdict(list)
    for review in reviews:
        if review.mode == "drill" and review.rating is not None:
            by_item[review.item_id].append(review)
    out = []
    for history in by_item.values():
        history.sort(key=lambda r: r.reviewed_at)
        steps: list[fsrs_rs.FSRSReview] = []
        previous = None
        for review in history:
            day = review.reviewed_at.astimezone().date()
            days = 0 if previous is None else (day - previous).days
            steps.append(fsrs_rs.FSRSReview(review.rating or 0, days))
            previous = day
            if len(steps) > 1 and days > 0:
                out.append(fsrs_rs.FSRSItem(list(steps)))
    return out


def fit(reviews: Sequence[Review], minimum: int = MIN_REVIEWS) -> Fit:
    """Fit FSRS to `reviews`; TooFewReviews if there are fewer than `minimum` drill answers
    or none spaced a day apart."""
    drill = [r for r in reviews if r.mode == "drill"]
    if len(drill) < minimum:
        raise TooFewReviews(
            f"{len(drill)} reviews so far; personal scheduling needs at least {minimum}. "
            "The default FSRS parameters stay."
        )
    train = examples(drill)
    if not train:
        raise TooFewReviews("No item has been reviewed on two different days yet.")
    defaults = list(fsrs_rs.DEFAULT_PARAMETERS)
    fitted = fsrs_rs.FSRS(defaults).compute_parameters(train)
    return Fit(
        parameters=tuple(fitted),
        log_loss_before=fsrs_rs.FSRS(defaults).evaluate(train).log_loss,
        log_loss_after=fsrs_rs.FSRS(fitted).evaluate(train).log_loss,
        reviews=len(drill),
        examples=len(train),
    )
