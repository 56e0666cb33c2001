"""What a student sees of their progress (stats on one screen, exam history), the feedback
after an answer, personal scheduling, and quitting at any moment."""

from __future__ import annotations

import itertools
import math
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs
import pytest

from quizgen.bank.catalog import load_catalog
from quizgen.bank.item import Item, plain_words
from quizgen.progress.optimize import MIN_REVIEWS, fit
from quizgen.progress.schedule import Schedule, personal_parameters
from quizgen.progress.store import Store
from quizgen.quiz import arrange
from quizgen.study import drill, feedback
from quizgen.study.face import NEXT, Answer, Card
from tests.terminal import terminal

QUIZGEN = [sys.executable, "-m", "quizgen"]


def quizgen(
    args: list[str], env: dict[str, str] | None = None, **popen: object
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [*QUIZGEN, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
        **popen,
    )


@pytest.fixture(scope="module")
def items() -> list[Item]:
    return list(load_catalog(None).bank.usable(4))


# -- a review history made by a known memory model ---------------------------------------

# A student who forgets more slowly than FSRS's defaults assume: the first stabilities are
# larger. Outcomes are drawn from this model's own recall probability.
TRUE_MODEL = list(fsrs.Scheduler().parameters)
for n, factor in enumerate((4.0, 3.0, 3.0, 2.0)):
    TRUE_MODEL[n] *= factor
GAPS = (0, 1, 3, 7, 14, 30, 60)  # days between reviews, as a drill roughly spaces them


def synthetic_history(folder: Path, items: list[Item], count: int, seed: int = 1) -> int:
    """Reviews of `count` items over months, answered as TRUE_MODEL predicts; how many."""
    memory = fsrs.Scheduler(
        parameters=TRUE_MODEL, enable_fuzzing=False, learning_steps=(), relearning_steps=()
    )
    rng = random.Random(seed)
    start = datetime.now(UTC) - timedelta(days=200)
    store = Store(folder)
    schedule = Schedule(store)
    answers = 0
    for item in items[:count]:
        card = fsrs.Card()
        day = rng.randrange(20)
        for n, gap in enumerate(GAPS):
            day += gap + (rng.randrange(3) if n else 0)
            when = start + timedelta(days=day, hours=rng.randrange(8, 22))
            recall = memory.get_card_retrievability(card, when) if n else 0.7
            right = rng.random() < recall
            card, _ = memory.review_card(
                card, fsrs.Rating.Good if right else fsrs.Rating.Again, when
            )
            schedule.answer(item, right, None, item.key, when)
            answers += 1
    store.close()
    return answers


def test_fitting_to_a_history_lowers_its_log_loss(tmp_path: Path, items: list[Item]) -> None:
    answers = synthetic_history(tmp_path, items, 90)
    assert answers >= MIN_REVIEWS
    store = Store(tmp_path)
    result = fit(list(store.reviews()))
    store.close()
    assert result.reviews == answers and result.examples > 0
    assert result.log_loss_after < result.log_loss_before
    # It learnt what the model knows: memories are more stable than the defaults assume.
    assert result.parameters[2] > fsrs.Scheduler().parameters[2]


def test_stats_optimize_keeps_the_fit_and_the_drill_uses_it(
    tmp_path: Path, items: list[Item]
) -> None:
    synthetic_history(tmp_path, items, 90)
    result = quizgen(["stats", "--optimize", "--progress-dir", str(tmp_path)])
    assert result.returncode == 0, result.stderr
    before, after = map(float, re.findall(r"(\d\.\d{4})", result.stdout)[:2])
    assert after < before
    assert "Saved" in result.stdout
    store = Store(tmp_path)
    personal = personal_parameters(store)
    assert personal is not None and Schedule(store).scheduler.parameters == personal
    store.close()
    stats = quizgen(["stats", "--progress-dir", str(tmp_path)])
    assert "Schedule: fitted to your" in stats.stdout


def test_stats_optimize_without_enough_reviews_keeps_the_defaults(tmp_path: Path) -> None:
    quizgen(["drill", "--progress-dir", str(tmp_path), "--limit", "3"], input="a\nb\nc\n")
    result = quizgen(["stats", "--optimize", "--progress-dir", str(tmp_path)])
    assert result.returncode == 0
    assert f"3 reviews so far; personal scheduling needs at least {MIN_REVIEWS}" in result.stdout
    store = Store(tmp_path)
    assert personal_parameters(store) is None
    store.close()


# -- stats and history -------------------------------------------------------------------


def test_stats_fit_one_screen_and_name_questions_not_ids(tmp_path: Path, items: list[Item]) -> None:
    """A year of drilling, many areas and categories, many sure-but-wrong answers: still one
    24-row screen at 60 columns, and the missed questions by their words."""
    synthetic_history(tmp_path, items, 200, seed=4)
    store = Store(tmp_path)
    schedule = Schedule(store)
    now = datetime.now(UTC)
    for n, item in enumerate(items[:40]):
        schedule.answer(item, False, True, "a wrong option", now - timedelta(days=n % 30))
    store.close()
    result = quizgen(["stats", "--progress-dir", str(tmp_path)], env={"COLUMNS": "60"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) <= 24 and max(map(len, lines)) <= 60, result.stdout
    for start in ("Due today:", "Right: ", "Retention", "Streak:", "Last 30 days:"):
        assert any(line.startswith(start) for line in lines), start
    assert "Weakest MBLEx areas:" in lines and "Weakest categories:" in lines
    spark = next(line for line in lines if line.startswith("Last 30 days:"))
    assert len(spark.split(": ", 1)[1].split(" (")[0]) == 30
    sure = lines.index(next(line for line in lines if line.startswith("Missed while sure")))
    # Three questions, each by its words on up to two lines (the second indented).
    missed = [line for line in lines[sure + 1 :] if not line.startswith("Schedule:")]
    firsts = [m for m in missed if re.match(r"  \d+\u00d7 ", m)]
    assert len(firsts) in (2, 3) and len(missed) <= 12  # as many as the screen holds
    # Each by its answer, then what it asks (a case's last sentence), so that alike stories
    # stay apart.
    keys = {i.key[:15] for i in items}
    assert all(m.split("\u00d7 ", 1)[1][:15] in keys for m in firsts)
    entries = "\n".join(missed).split("\u00d7 ")[1:]
    # Each: the answer on up to two lines, then what was asked on up to two more.
    assert all(e.count("\n     \u2190 ") == 1 for e in entries), entries
    assert all(m.startswith("     ") for m in missed if m not in firsts)
    assert len(set(entries)) == len(entries)


def test_stats_keep_their_first_lines_on_a_20_row_screen(tmp_path: Path, items: list[Item]) -> None:
    """On a phone's 20 rows the weak-spot lists shorten; "Due today" stays on the screen."""
    synthetic_history(tmp_path, items, 200, seed=4)
    store = Store(tmp_path)
    schedule = Schedule(store)
    for n, item in enumerate(items[:40]):
        schedule.answer(item, False, True, "a wrong option", datetime.now(UTC) - timedelta(n))
    store.close()
    with terminal(["stats", "--progress-dir", str(tmp_path)], 60, 20) as term:
        assert term.finish() == 0
        shown = term.text
    assert "Due today:" in shown and "Schedule:" in shown and "Missed while sure" in shown


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` as one quizgen may not write to. Root ignores permission bits, so as root
    the folder is made immutable (chattr +i), which root must respect too."""
    if os.getuid() == 0:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
    try:
        with pytest.raises(OSError):
            (folder / "probe").touch()
        yield
    finally:
        if os.getuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_stats_reads_a_folder_it_may_not_write(tmp_path: Path, items: list[Item]) -> None:
    """As a student whose progress folder is read-only (a synced or shared folder): stats
    said "unable to open database file"."""
    synthetic_history(tmp_path, items, 3)
    before = sorted(p.name for p in tmp_path.iterdir())
    with read_only(tmp_path):
        stats = quizgen(["stats", "--progress-dir", str(tmp_path)])
        history = quizgen(["history", "--progress-dir", str(tmp_path)])
        assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert stats.returncode == 0, stats.stderr
    assert "Due today: " in stats.stdout and "items seen: 3" in stats.stdout
    assert history.returncode == 0 and "No exams taken yet" in history.stdout


def test_stats_and_history_before_any_progress(tmp_path: Path) -> None:
    for command, next_step in (("stats", "quizgen drill"), ("history", "quizgen exam")):
        result = quizgen([command, "--progress-dir", str(tmp_path / "none")])
        assert result.returncode == 0 and next_step in result.stdout
        assert not (tmp_path / "none").exists()  # nothing made just by looking


def test_history_lists_exams_with_area_scores_and_trend(tmp_path: Path) -> None:
    store = Store(tmp_path)
    area = {"right": 0, "total": 10, "answered": 10, "passed": False, "timed_out": False}
    store.record_exam(
        datetime(2026, 11, 1, 12, tzinfo=UTC),
        {**area, "right": 5, "by_area": {"kinesiology": [1, 4], "pathology": [4, 6]}},
    )
    store.record_exam(
        datetime(2026, 11, 8, 12, tzinfo=UTC),
        {
            **area,
            "right": 8,
            "passed": True,
            "abandoned": True,
            "by_area": {"kinesiology": [3, 4], "pathology": [5, 6]},
        },
    )
    store.close()
    result = quizgen(["history", "--progress-dir", str(tmp_path)], env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "2 exams. * = not in trends (ended early" in out
    assert re.search(r"11-01 \d\d:\d\d  FAIL    50%    5/10\n", out)
    assert re.search(r"  2\*   11-08 \d\d:\d\d  PASS    80%    8/10  ended early\n", out)
    # The area table compares the exams that count; `--exam 2` shows the other.
    assert re.search(r"   #1     trend  area\n    1/4         —  Kinesiology", out)


def test_history_trends_compare_complete_exams_with_enough_items(tmp_path: Path) -> None:
    store = Store(tmp_path)
    exam = {"total": 10, "answered": 10, "passed": False, "timed_out": False}
    for day, right, kinesiology, pathology in ((1, 5, [1, 4], [4, 6]), (8, 8, [3, 4], [1, 1])):
        store.record_exam(
            datetime(2026, 11, day, 12, tzinfo=UTC),
            {
                **exam,
                "right": right,
                "by_area": {"kinesiology": kinesiology, "pathology": pathology},
            },
        )
    store.close()
    out = quizgen(["history", "--progress-dir", str(tmp_path)], env={"COLUMNS": "80"}).stdout
    assert "score from the first counted to the last: +30 pts" in out
    assert re.search(r"  1/4   3/4 +\+50 pts  Kinesiology", out)
    assert re.search(r"  4/6   1/1 +— +Pathology", out)  # one item: too few to compare


# -- feedback ----------------------------------------------------------------------------


def test_feedback_says_each_thing_once_for_every_item_and_choice(items: list[Item]) -> None:
    rng = random.Random(5)
    for item in items:
        question = arrange(item, 4, rng.randrange(4), 1, rng)
        key = question.key_index
        for chosen in (None, *range(4)):
            for shown in (True, False):
                said = feedback.lines(question, chosen, options_shown=shown)
                verdict = said[0].text
                assert said[0].tone == ("right" if chosen == key else "wrong")
                assert [line.label for line in said].count("Why") == 1
                plain = {line.label: plain_words(line.text) for line in said if line.label}
                for a, b in itertools.permutations(plain, 2):
                    assert plain[a] not in plain[b], said  # no explanation repeats another
                everything = " ".join(plain.values())
                assert plain_words(item.quote) in everything  # the evidence, at least once
                if chosen != key:
                    # The verdict names both options: by letter beside the options, in full
                    # where they are not shown.
                    answer = feedback.letter(key)
                    if not shown:
                        answer += f") {question.options[key].rstrip('.')}"
                    assert verdict.endswith(f"the answer is {answer}."), verdict
                    assert ".." not in verdict and ".;" not in verdict
                if chosen is not None and chosen != key and not shown:
                    chose = question.options[chosen].rstrip(".")
                    assert f"you chose {feedback.letter(chosen)}) {chose};" in verdict


# -- the drill's counter -------------------------------------------------------------------


def test_the_counter_keeps_its_total_and_marks_cards_that_come_back() -> None:
    free = drill.Progress(planned=20, limit=None)
    assert free.heading(False, 0) == "1 of 20"
    free.answered, free.first_seen = 7, 6
    assert free.heading(False, 3) == "7 of 20 · 3 more to relearn"
    assert free.heading(True, 2) == "again (after 6 of 20) · a card you missed · 2 more to relearn"
    capped = drill.Progress(planned=5, limit=5)  # the limit the plan fills counts answers
    capped.answered = 3
    assert capped.heading(True, 0, 1) == "4 of 5 · a card you missed · 1 to relearn next time"
    short = drill.Progress(planned=3, limit=10)  # fewer cards than the limit: counted as cards
    assert short.heading(False, 0) == "1 of 3"


def test_a_missed_card_the_limit_leaves_no_room_for_is_promised_for_next_time(
    items: list[Item], tmp_path: Path
) -> None:
    class Wrong:
        """Answers every card wrong and keeps the top lines."""

        def __init__(self) -> None:
            self.headings: list[str] = []

        def begin(self, title: str, text: str) -> bool:
            return True

        def ask(self, card: Card) -> Answer:
            self.headings.append(card.heading)
            return Answer((card.question.key_index + 1) % card.options, None)

        def explain(self, card: Card, answer: Answer, lines: object) -> str:
            return NEXT

        def note(self, text: str) -> None:
            pass

    store = Store(tmp_path)
    face = Wrong()
    summary = drill.run(list(items[:4]), Schedule(store), face, options=4, limit=5)
    store.close()
    # A missed card comes back three cards later: with five answers allowed, only the first.
    assert face.headings == [
        "1 of 4",
        "2 of 4 · 1 more to relearn",
        "3 of 4 · 1 more to relearn · 1 to relearn next time",
        "4 of 4 · 1 more to relearn · 2 to relearn next time",
        "again (after 4 of 4) · a card you missed · 3 to relearn next time",
    ]
    assert summary.to_relearn == 4


# -- Ctrl-C --------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("command", [["drill", "--limit", "1"], ["stats"], ["--help"]])
def test_ctrl_c_while_loading_ends_quietly(tmp_path: Path, command: list[str]) -> None:
    """From the moment quizgen's entry point is loaded to well after everything is: before
    that, Python is still starting and reading the launcher, out of quizgen's reach. How long
    that takes is measured here, since a busy machine takes longer."""
    launcher = Path(sys.executable).with_name("quizgen")
    starts = []
    for _ in range(3):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import quizgen.entry"], check=True)
        starts.append(time.perf_counter() - began)
    # Twice the slowest start: on a machine running other suites at once, one start can take
    # far longer than the three measured.
    first = math.ceil(2 * max(starts) * 1000 / 20) * 20
    for wait in range(first, first + 380, 20):
        folder = [] if command == ["--help"] else ["--progress-dir", str(tmp_path)]
        child = subprocess.Popen(
            [str(launcher), *command, *folder],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(wait / 1000)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate("a\n", timeout=60)
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, (wait, err)
        assert child.returncode in (0, 1, 130, -signal.SIGINT), (wait, child.returncode)


def test_an_exam_can_be_seen_again_and_one_with_no_answer_is_not_kept(tmp_path: Path) -> None:
    folder = ["--progress-dir", str(tmp_path)]
    exam = ["exam", *folder, "-n", "10", "--seed", "3", "--no-color"]
    empty = quizgen(exam, input="q\ny\n")
    assert "Nothing was answered, so the exam is not kept." in empty.stdout
    taken = quizgen(exam, input="a\nb\nq\ny\n")
    assert "This is exam 1: `quizgen history --exam 1` shows it again." in taken.stdout
    again = quizgen(["history", *folder, "--exam", "1"], env={"COLUMNS": "80"})
    assert again.returncode == 0, again.stderr
    assert re.match(
        r"Exam 1, \d{4}-\d\d-\d\d \d\d:\d\d: (PASS|FAIL), \d+ of 10 right", again.stdout
    )
    assert "2 answered, ended early" in again.stdout and "not reached" in again.stdout
    wrong = re.search(r"Answered wrong \((\d+)\):", again.stdout)
    unanswered = re.search(r"Not answered \((\d+)\):", again.stdout)
    assert unanswered and int(unanswered[1]) == 8
    missed = (int(wrong[1]) if wrong else 0) + 8
    # What was chosen, for each question answered wrong; the answer and why for all.
    assert again.stdout.count("You chose: ") == missed - 8
    assert again.stdout.count("Answer: ") == again.stdout.count("Why: ") == missed
    beyond = quizgen(["history", *folder, "--exam", "2"])
    assert beyond.returncode == 2 and "--exam" in beyond.stderr and "Traceback" not in beyond.stderr
