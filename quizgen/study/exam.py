"""The timed mock exam: forward only, no feedback until the end, unanswered items are wrong."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from quizgen.progress.store import Review, Store
from quizgen.quiz import Question
from quizgen.study import feedback
from quizgen.study.card_text import feedback_text
from quizgen.study.face import TIMEOUT, Answer, Card, Face, duration_text

GOOD, BORDERLINE = 0.8, 0.6
FEW = 3  # answers in an area or category too few to judge it by


def verdict(right: int, answered: int) -> str:
    if not answered:
        return "unanswered"
    if answered < FEW:
        return "too few"
    share = right / answered
    return "good" if share >= GOOD else "borderline" if share >= BORDERLINE else "poor"


Tally = tuple[int, int, int]  # right, answered, asked


@dataclass(frozen=True)
class ExamResult:
    total: int
    right: int
    answered: int
    timed_out: bool
    passed: bool
    pass_mark: float
    by_area: Mapping[str, Tally]
    by_category: Mapping[str, Tally]
    missed: tuple[tuple[Question, int | None], ...]
    abandoned: bool = False  # ended with Ctrl-C: scored as it stood, and saved as such

    @property
    def ended_early(self) -> bool:
        """Ended by the student before the last question and before time ran out."""
        return self.abandoned or (self.answered < self.total and not self.timed_out)

    def as_dict(self) -> dict[str, object]:
        return {
            "total": self.total,
            "right": self.right,
            "answered": self.answered,
            "timed_out": self.timed_out,
            "passed": self.passed,
            "pass_mark": self.pass_mark,
            "by_area": {k: [right, asked] for k, (right, _, asked) in self.by_area.items()},
            "answered_by_area": {k: answered for k, (_, answered, _) in self.by_area.items()},
            "by_category": {k: [right, asked] for k, (right, _, asked) in self.by_category.items()},
            "missed": [q.item.id for q, _ in self.missed],
            "abandoned": self.abandoned,
            "ended_early": self.ended_early,
        }


def run(
    questions: tuple[Question, ...],
    minutes: float,
    pass_mark: float,
    store: Store,
    face: Face,
    note: str = "",
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    timer: Callable[[], float] = time.monotonic,
) -> ExamResult | None:
    """Ask every question once, in order, until the last, q (confirmed), or the end of
    `minutes` on `timer` (seconds; the face waits on the same clock). None if the student
    does not start it."""
    intro = (
        f"{len(questions)} questions in {duration_text(minutes)}; pass mark {pass_mark:g}%. "
        "Forward only: no going back and no feedback until the end. Questions not answered "
        "when time runs out count as wrong. The clock starts when you do."
        + (f" {note}" if note else "")
    )
    if not face.begin("Mock MBLEx", intro):
        return None
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
    tallies: dict[str, Counter[str]] = {
        name: Counter() for name in ("area", "category", "area_answered", "category_answered")
    }
    right_by: dict[str, Counter[str]] = {"area": Counter(), "category": Counter()}
    missed = []
    for q in questions:
        is_right = chosen.get(q.number) == q.key_index  # unanswered counts as wrong
        for by, key in (("area", q.item.area), ("category", q.item.category)):
            tallies[by][key] += 1
            tallies[f"{by}_answered"][key] += q.number in chosen
            right_by[by][key] += is_right
        if not is_right:
            missed.append((q, chosen.get(q.number)))

    def tally(by: str) -> dict[str, Tally]:
        return {
            k: (right_by[by][k], tallies[f"{by}_answered"][k], n) for k, n in tallies[by].items()
        }

    right = sum(right_by["area"].values())
    return ExamResult(
        total=len(questions),
        right=right,
        answered=len(chosen),
        timed_out=timed_out,
        passed=right / len(questions) >= pass_mark / 100 if questions else False,
        pass_mark=pass_mark,
        by_area=tally("area"),
        by_category=tally("category"),
        missed=tuple(missed),
    )


def number_ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> "3-5, 9"."""
    spans: list[list[int]] = []
    for n in sorted(numbers):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def show(result: ExamResult, areas: dict[str, str], labels: dict[str, str], out: Console) -> None:
    """The score and the diagnosis first, then every question answered wrong, then the score
    and what to work on once more, so that they are on the screen at the end too."""
    out.print()
    out.print(_score_line(result), style="bold green" if result.passed else "bold red")
    for title, table, names in (
        ("By MBLEx content area", result.by_area, areas),
        ("By category", result.by_category, labels),
    ):
        out.print(f"{title}, right of those answered (weakest first):")
        ranked = sorted(table.items(), key=lambda kv: _rank(kv[1], names.get(kv[0], kv[0])))
        for key, (right, answered, _) in ranked:
            if answered:
                out.print(
                    f"  {verdict(right, answered):<10} {right:>3}/{answered:<3} "
                    f"{names.get(key, key)}",
                    no_wrap=True,
                    overflow="ellipsis",
                )
        unreached = sum(1 for _, answered, _ in table.values() if not answered)
        if unreached:
            out.print(f"  and {unreached} not reached")
    advice = _next_area(result, areas)
    if advice:
        out.print(advice)
    wrong = [(q, chose) for q, chose in result.missed if chose is not None]
    if wrong:
        out.print()
        out.print("Answered wrong:", style="bold")
    for q, chose in wrong:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(ratio=1)
        said = feedback.lines(q, chose, options_shown=False)
        grid.add_row(f"{q.number}.", Group(Text(q.item.stem, style="bold"), feedback_text(said)))
        out.print(grid)
        out.print()
    unanswered = [q.number for q, chose in result.missed if chose is None]
    if unanswered:
        out.print(f"Not answered ({len(unanswered)}): questions {number_ranges(unanswered)}.")
    if wrong or unanswered:
        out.print()
        out.print(_score_line(result), style="bold")
        if advice:
            out.print(advice)


def _score_line(result: ExamResult) -> str:
    return (
        f"{'PASS' if result.passed else 'FAIL'}: {result.right} of {result.total} right "
        f"({result.right / result.total:.0%}; pass mark {result.pass_mark:g}%), "
        f"{result.answered} answered"
        + (", time ran out" if result.timed_out else "")
        + (", ended early" if result.ended_early else "")
    )


def _rank(tally: Tally, name: str) -> tuple[int, float, str]:
    """Weakest first: areas with enough answers by their share right, then those with too
    few, each by share and then by name."""
    right, answered, _ = tally
    return (answered < FEW, right / answered if answered else 1.0, name)


def _next_area(result: ExamResult, areas: dict[str, str]) -> str:
    """The area to drill next: the weakest judged one, else (an exam ended early or a short
    one) the weakest with any wrong answer, saying how little it rests on."""
    ranked = sorted(result.by_area.items(), key=lambda kv: _rank(kv[1], kv[0]))
    for area, (right, answered, _) in ranked:
        if verdict(right, answered) in ("poor", "borderline"):
            return f"To work on next: quizgen drill --area {area}"
    for area, (right, answered, _) in ranked:
        if answered and right < answered:
            return (
                f"To work on next (from only {answered} answer{'s' if answered > 1 else ''} "
                f"in {areas.get(area, area)}): quizgen drill --area {area}"
            )
    return ""
