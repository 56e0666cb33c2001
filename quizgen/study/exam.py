"""The timed mock exam: forward only, no feedback until the end, unanswered items are wrong."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from rich.console import Console
from rich.padding import Padding

from quizgen.progress.store import Review, Store
from quizgen.quiz import Question
from quizgen.study import feedback
from quizgen.study.face import TIMEOUT, Answer, Card, Face
from quizgen.study.plain_face import feedback_text

GOOD, BORDERLINE = 0.8, 0.6


def verdict(right: int, total: int) -> str:
    share = right / total if total else 0.0
    return "good" if share >= GOOD else "borderline" if share >= BORDERLINE else "poor"


@dataclass(frozen=True)
class ExamResult:
    total: int
    right: int
    answered: int
    timed_out: bool
    passed: bool
    pass_mark: float
    by_area: Mapping[str, tuple[int, int]]
    by_category: Mapping[str, tuple[int, int]]
    missed: tuple[tuple[Question, int | None], ...]
    abandoned: bool = False  # ended with Ctrl-C: scored as it stood, and saved as such

    def as_dict(self) -> dict[str, object]:
        return {
            "total": self.total,
            "right": self.right,
            "answered": self.answered,
            "timed_out": self.timed_out,
            "passed": self.passed,
            "pass_mark": self.pass_mark,
            "by_area": {k: list(v) for k, v in self.by_area.items()},
            "by_category": {k: list(v) for k, v in self.by_category.items()},
            "missed": [q.item.id for q, _ in self.missed],
            "abandoned": self.abandoned,
        }


def run(
    questions: tuple[Question, ...],
    minutes: float,
    pass_mark: float,
    store: Store,
    face: Face,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    timer: Callable[[], float] = time.monotonic,
) -> ExamResult:
    """Ask every question once, in order, until the last, q (confirmed), or the end of
    `minutes` on `timer` (seconds; the face waits on the same clock)."""
    deadline = timer() + minutes * 60
    chosen: dict[int, int] = {}
    timed_out = False
    try:
        timed_out = _ask(questions, deadline, chosen, store, face, clock, timer)
    except KeyboardInterrupt:
        # Ctrl-C ends the exam, not the program: the answers given are already saved, and
        # the result is kept too, marked as abandoned.
        return replace(_score(questions, chosen, timed_out, pass_mark), abandoned=True)
    return _score(questions, chosen, timed_out, pass_mark)


def _ask(
    questions: tuple[Question, ...],
    deadline: float,
    chosen: dict[int, int],
    store: Store,
    face: Face,
    clock: Callable[[], datetime],
    timer: Callable[[], float],
) -> bool:
    """Ask the questions in order, filling `chosen`; True if time ran out."""
    for q in questions:
        if deadline - timer() <= 0:
            return True
        card = Card(f"Question {q.number} of {len(questions)}", q, deadline, confirm_quit=True)
        answer = face.ask(card)
        if answer == TIMEOUT:
            face.note("Time is up.")
            return True
        if not isinstance(answer, Answer):
            return False
        chosen[q.number] = answer.index
        store.record(
            Review(
                item_id=q.item.id,
                reviewed_at=clock(),
                mode="exam",
                correct=answer.index == q.key_index,
                confident=answer.confident,
                chosen=q.options[answer.index],
                rating=None,
                state_before=None,
                category=q.item.category,
                area=q.item.area,
                dimension=q.item.basis.get("dimension"),
            ),
        )
    return False


def _score(
    questions: tuple[Question, ...], chosen: dict[int, int], timed_out: bool, pass_mark: float
) -> ExamResult:
    area_total: Counter[str] = Counter()
    area_right: Counter[str] = Counter()
    cat_total: Counter[str] = Counter()
    cat_right: Counter[str] = Counter()
    missed = []
    for q in questions:
        is_right = chosen.get(q.number) == q.key_index  # unanswered counts as wrong
        area_total[q.item.area] += 1
        area_right[q.item.area] += is_right
        cat_total[q.item.category] += 1
        cat_right[q.item.category] += is_right
        if not is_right:
            missed.append((q, chosen.get(q.number)))
    right = sum(area_right.values())
    return ExamResult(
        total=len(questions),
        right=right,
        answered=len(chosen),
        timed_out=timed_out,
        passed=right / len(questions) >= pass_mark / 100 if questions else False,
        pass_mark=pass_mark,
        by_area={a: (area_right[a], n) for a, n in area_total.items()},
        by_category={c: (cat_right[c], n) for c, n in cat_total.items()},
        missed=tuple(missed),
    )


def show(result: ExamResult, areas: dict[str, str], labels: dict[str, str], out: Console) -> None:
    out.print()
    outcome = "PASS" if result.passed else "FAIL"
    out.print(
        f"{outcome}: {result.right} of {result.total} right ({result.right / result.total:.0%}; "
        f"pass mark {result.pass_mark:g}%), {result.answered} answered"
        + (", time ran out" if result.timed_out else "")
        + (", ended with Ctrl-C" if result.abandoned else ""),
        style="bold green" if result.passed else "bold red",
    )
    for title, table, names in (
        ("By MBLEx content area", result.by_area, areas),
        ("By category", result.by_category, labels),
    ):
        out.print(title + ":")
        for key, (right, total) in sorted(table.items(), key=lambda kv: kv[1][0] / kv[1][1]):
            out.print(
                f"  {verdict(right, total):<10} {right:>3}/{total:<3} {names.get(key, key)}",
                no_wrap=True,
                overflow="ellipsis",
            )
    if result.missed:
        out.print("Missed:")
    for q, chose in result.missed:
        out.print(Padding(f"{q.number}. {q.item.stem}", (0, 0, 0, 2), expand=False))
        said = feedback.lines(q, chose, options_marked=False)
        out.print(Padding(feedback_text(said), (0, 0, 0, 5), expand=False))
