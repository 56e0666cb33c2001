"""The drill, exam and stats as a student runs them: real processes, a real terminal, real SQLite."""

from __future__ import annotations

import io
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import fsrs
import pytest
from fsrs import Rating

from quizgen import load_data
from quizgen.bank.catalog import Catalog
from quizgen.progress.schedule import rating
from quizgen.progress.store import APPLICATION_ID, FILE_NAME, MIGRATIONS, SCHEMA_VERSION, Store
from quizgen.quiz import EXAM_ITEMS, assemble, largest
from quizgen.study import exam
from quizgen.study.face import QUIT, TIMEOUT, Answer, Card, duration_text, parse
from quizgen.study.feedback import Line
from quizgen.study.terminal import console
from tests.conftest import DATA_DIR

QUIZGEN = [sys.executable, "-m", "quizgen"]


def run(
    args: list[str], stdin: str = "", env: dict[str, str] | None = None, encoding: str = "utf-8"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*QUIZGEN, *args],
        input=stdin,
        capture_output=True,
        encoding=encoding,
        check=False,
        env={**os.environ, **(env or {})},
    )


def reviews(folder: Path) -> int:
    with sqlite3.connect(folder / FILE_NAME) as db:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'reviews'").fetchone():
            return 0  # killed before the first start had created the tables
        return int(db.execute("SELECT count(*) FROM reviews").fetchone()[0])


def test_rating_follows_correctness_and_confidence() -> None:
    assert rating(False, True) == Rating.Again
    assert rating(False, None) == Rating.Again
    assert rating(True, False) == Rating.Hard
    assert rating(True, True) == Rating.Good
    assert rating(True, None) == Rating.Good


def test_drill_teaches_on_every_answer_and_saves_it(tmp_path: Path) -> None:
    result = run(["drill", "--progress-dir", str(tmp_path), "--limit", "4"], "a\ns b\nu 3\n2\n")
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert out.count("Why: ") == 4
    wrong = out.count("Not right: you chose ")
    assert out.count("Right: ") + wrong == 4
    assert out.count("Why not ") <= wrong  # left out where the rationale already says it
    assert "Answered 4, right " in out
    # What comes next, in words: the cards missed, or when the next review is.
    assert (f"Still to relearn: {wrong} item" in out) if wrong else ("Next review in " in out)
    assert reviews(tmp_path) == 4
    # Every answer is in learning and due within minutes: the next session starts with them,
    # and with no new item.
    run(["drill", "--progress-dir", str(tmp_path), "--limit", "1", "--new", "0"], "a\n")
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        ids = [row[0] for row in db.execute("SELECT item_id FROM reviews ORDER BY id")]
    assert len(ids) == 5 and ids[4] in ids[:4]


def test_quitting_keeps_every_answer_given(tmp_path: Path) -> None:
    result = run(["drill", "--progress-dir", str(tmp_path)], "a\nb\nq\n")
    assert result.returncode == 0
    assert "Answered 2" in result.stdout
    assert reviews(tmp_path) == 2


def test_new_items_per_day_are_capped(tmp_path: Path) -> None:
    run(["drill", "--progress-dir", str(tmp_path), "--new", "3"], "a\n" * 20)
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        seen = db.execute("SELECT count(DISTINCT item_id) FROM reviews").fetchone()[0]
    assert seen == 3


def test_the_limit_counts_every_answer_relearning_included(tmp_path: Path) -> None:
    """Wrong answers send items back into the session to relearn; they count toward --limit."""
    result = run(["drill", "--progress-dir", str(tmp_path), "--limit", "5"], "a\n" * 40)
    assert result.returncode == 0, result.stderr
    assert reviews(tmp_path) == 5
    assert "Answered 5," in result.stdout


@pytest.mark.slow
def test_sigkill_at_random_points_never_corrupts_or_loses_an_answer(tmp_path: Path) -> None:
    rng = random.Random(2026)
    acknowledged = 0
    for _ in range(50):
        child = subprocess.Popen(
            [*QUIZGEN, "drill", "--progress-dir", str(tmp_path), "--new", "1000"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        assert child.stdin is not None and child.stdout is not None
        answers = rng.randrange(0, 4)
        for _ in range(answers):
            child.stdin.write(rng.choice("abcd") + "\n")
            child.stdin.flush()
            while not child.stdout.readline().startswith("Why: "):
                pass
            acknowledged += 1
        # One more answer in flight, killed at a random moment while it is being saved.
        child.stdin.write("a\n")
        child.stdin.flush()
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait()
        with sqlite3.connect(tmp_path / FILE_NAME) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = reviews(tmp_path)
        assert acknowledged <= count <= acknowledged + 1  # at most the unanswered one is lost
        acknowledged = count


@pytest.mark.parametrize("attempt", range(5))  # starting together is the racy part
def test_two_drills_at_once_lose_no_review(tmp_path: Path, attempt: int) -> None:
    children = [
        subprocess.Popen(
            [*QUIZGEN, "drill", "--progress-dir", str(tmp_path), "--limit", "15", "--new", "100"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for child in children:
        assert child.stdin is not None
        child.stdin.write("a\n" * 15)
        child.stdin.close()
    assert [c.wait(timeout=120) for c in children] == [0, 0]
    assert [c.stderr.read() if c.stderr else "" for c in children] == ["", ""]
    assert reviews(tmp_path) == 30
    assert [p.name for p in tmp_path.iterdir() if "unreadable" in p.name] == []
    # Both drills answered the same new items: every card is what its log replays to.
    assert mismatched_cards(tmp_path) == []


def mismatched_cards(folder: Path) -> list[str]:
    """Items whose stored card differs from a replay of their review log (the due time aside:
    FSRS spreads it at random)."""
    store = Store(folder)
    replayed: dict[str, fsrs.Card] = {}
    for review in store.reviews("drill"):
        before = replayed.get(review.item_id) or fsrs.Card()
        replayed[review.item_id], _ = fsrs.Scheduler().review_card(
            before, Rating(review.rating or 0), review.reviewed_at
        )
    stored = store.cards()
    store.close()
    fields = ("state", "step", "stability", "difficulty", "last_review")
    return [
        item
        for item, card in replayed.items()
        if any(stored[item][f] != dict(card.to_dict())[f] for f in fields)
    ]


def test_a_corrupt_database_is_moved_aside_with_a_message(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"this is not a database" * 100)
    result = run(["drill", "--progress-dir", str(tmp_path)], "q\n")
    assert result.returncode == 0
    assert "could not be read; it was moved to" in result.stderr
    # ... and how to go back to it.
    assert re.search(r"move it back: mv \S+unreadable-\S+ \S+" + FILE_NAME, result.stderr)
    aside = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == b"this is not a database" * 100
    assert "Traceback" not in result.stderr


def test_migrations_upgrade_an_old_database_and_keep_its_reviews(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.executescript(MIGRATIONS[0])
        db.execute("PRAGMA user_version = 1")
        db.execute(
            "INSERT INTO reviews (item_id, reviewed_at, mode, correct, category, area)"
            " VALUES ('x', '2026-01-01T00:00:00+00:00', 'drill', 1, 'payment', 'ethics-law')"
        )
    store = Store(tmp_path)
    assert store.version == SCHEMA_VERSION
    assert [r.item_id for r in store.reviews()] == ["x"]
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("DELETE FROM reviews")
    store.close()


def test_a_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    result = run(["drill", "--progress-dir", str(tmp_path)], "q\n")
    assert result.returncode == 1
    assert "newer quizgen" in result.stderr and "Traceback" not in result.stderr


def test_progress_survives_a_regenerated_bank_and_reports_lost_items(tmp_path: Path) -> None:
    run(["drill", "--progress-dir", str(tmp_path), "--limit", "2"], "a\na\n")
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute(
            "INSERT INTO cards (item_id, card, due)"
            " SELECT 'gone-item', card, due FROM cards LIMIT 1"
        )
    result = run(["drill", "--progress-dir", str(tmp_path), "--limit", "1"], "a\n")
    assert result.returncode == 0
    assert "1 item(s) in your progress are no longer in the question bank" in result.stderr


def test_progress_dir_comes_from_the_environment(tmp_path: Path) -> None:
    run(["drill", "--limit", "1"], "a\n", env={"QUIZGEN_PROGRESS_DIR": str(tmp_path)})
    assert reviews(tmp_path) == 1


def test_the_former_names_of_the_progress_folder_still_work(tmp_path: Path) -> None:
    """Scripts written for 0.1 keep finding their progress."""
    run(["drill", "--limit", "1"], "a\n", env={"QUIZGEN_DATA_DIR": str(tmp_path / "env")})
    run(["drill", "--data-dir", str(tmp_path / "option"), "--limit", "1"], "a\n")
    assert reviews(tmp_path / "env") == 1
    assert reviews(tmp_path / "option") == 1


class ScriptedFace:
    """Answers from a script; each answer takes `seconds` on the exam's timer."""

    def __init__(self, answers: list[str], timer: list[float], seconds: float) -> None:
        self.answers, self.timer, self.seconds = answers, timer, seconds
        self.asked: list[Card] = []
        self.notes: list[str] = []

    def begin(self, title: str, text: str) -> bool:
        self.notes.append(text)
        return True

    def ask(self, card: Card) -> Answer | str:
        self.asked.append(card)
        self.timer[0] += self.seconds
        if card.deadline is not None and self.timer[0] >= card.deadline:
            return TIMEOUT
        parsed = parse(self.answers.pop(0), len(card.question.options)) if self.answers else QUIT
        assert parsed is not None
        return parsed

    def explain(self, card: Card, answer: Answer, lines: Sequence[Line]) -> str:
        raise AssertionError("an exam gives no feedback before its end")

    def note(self, text: str) -> None:
        self.notes.append(text)


@pytest.mark.parametrize("seconds_per_answer", [25.0, 40.0])
def test_exam_is_forward_only_times_out_and_is_saved(
    tmp_path: Path, seconds_per_answer: float
) -> None:
    """One minute for ten questions: at 25 s an answer time runs out on the third question,
    at 40 s on the second."""
    catalog = Catalog.of(load_data(DATA_DIR))
    questions = assemble(catalog, count=10, seed=3, blueprint="mblex").questions
    timer = [0.0]
    face = ScriptedFace(["a", "b", "c"], timer, seconds_per_answer)
    out = io.StringIO()
    store = Store(tmp_path)
    try:
        result = exam.run(questions, 1, 70, store, face, timer=lambda: timer[0])
        assert result is not None
        store.record_exam(datetime.now(UTC), result.as_dict())
        exam.show(result, {}, {}, console(out, color=False))
    finally:
        store.close()
    answered = 2 if seconds_per_answer == 25 else 1
    assert result.timed_out and result.answered == answered and result.total == 10
    assert len(result.missed) >= 10 - answered  # unanswered items count as wrong
    # Asked up to the question time ran out on, nothing after it.
    assert [c.heading for c in face.asked][-1] == f"Question {answered + 1} of 10"
    assert face.notes[1:] == ["Time is up."]
    assert face.notes[0].startswith("10 questions in 1 min; pass mark 70%")
    report = out.getvalue()
    unanswered = f"{answered + 1}-10" if answered < 9 else "10"
    assert f"Not answered ({10 - answered}): questions {unanswered}." in report
    # The score and the diagnosis first; the score again at the end, where it stays in view.
    assert (
        report.index("FAIL: ")
        < report.index("By MBLEx content area")
        < report.index("Not answered (")
    )
    assert "FAIL: " in report[report.index("Not answered (") :]
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("SELECT count(*) FROM exams").fetchone()[0] == 1
        assert (
            db.execute("SELECT count(*) FROM reviews WHERE mode = 'exam'").fetchone()[0] == answered
        )


def test_the_exam_command_saves_its_result(tmp_path: Path) -> None:
    result = run(
        ["exam", "--progress-dir", str(tmp_path), "-n", "10", "--seed", "3", "--no-color"],
        "a\nb\nq\n",
    )
    assert result.returncode == 0, result.stderr
    assert ", 2 answered" in result.stdout
    assert "By MBLEx content area, right of those answered" in result.stdout
    assert "By category, right of those answered" in result.stdout
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("SELECT count(*) FROM exams").fetchone()[0] == 1


def test_a_locked_database_is_waited_for_not_moved_aside(tmp_path: Path) -> None:
    Store(tmp_path).close()
    holder = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another drill in the middle of something
    opened: list[Path | None] = []

    def open_store() -> None:
        store = Store(tmp_path)  # a connection belongs to the thread that made it
        opened.append(store.moved_aside)
        store.close()

    thread = threading.Thread(target=open_store)
    thread.start()
    time.sleep(1.0)
    holder.execute("COMMIT")
    holder.close()
    thread.join(timeout=60)
    assert opened == [None]
    assert [p.name for p in tmp_path.iterdir() if "unreadable" in p.name] == []


def test_default_exam_has_as_many_items_as_the_bank_holds_without_repeats(tmp_path: Path) -> None:
    most = min(EXAM_ITEMS, largest(Catalog.of(load_data(DATA_DIR)), seed=3))
    result = subprocess.run(
        [*QUIZGEN, "exam", "--progress-dir", str(tmp_path), "--seed", "3", "--no-color"],
        input="q\ny\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert f"{most} questions in {duration_text(1.1 * most)}; pass mark 70%" in result.stdout
    if most < EXAM_ITEMS:
        assert f"so this exam has {most} items, not {EXAM_ITEMS}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["drill", "--limit", "3"],
        ["exam", "-n", "10", "--seed", "3"],
        ["stats"],
    ],
)
def test_a_terminal_that_cannot_show_curly_quotes_gets_plain_ones(
    tmp_path: Path, command: list[str]
) -> None:
    """A Latin-1 terminal: the feedback's typographic quotes crashed the drill and the exam."""
    latin = {"PYTHONIOENCODING": "latin-1", "LC_ALL": "C"}
    run(
        ["drill", "--progress-dir", str(tmp_path), "--limit", "2"],
        "a\nb\n",
        env=latin,
        encoding="latin-1",
    )
    result = run(
        [*command, "--progress-dir", str(tmp_path)],
        "a\nb\nc\nq\ny\n",
        env=latin,
        encoding="latin-1",
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "\u201c" not in result.stdout and "\ufffd" not in result.stdout
    if command[0] == "drill":
        assert "Why: " in result.stdout and '"' in result.stdout  # quotes, spelled plainly
    assert reviews(tmp_path) >= 2


def test_another_programs_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
        db.execute("INSERT INTO recipes VALUES ('soup')")
    db.close()
    before = path.read_bytes()
    result = run(["drill", "--progress-dir", str(tmp_path), "--limit", "1"], "a\n")
    assert result.returncode != 0
    assert "another program's database" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before  # no tables added, not switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]


def test_a_progress_database_is_marked_as_quizgens_own(tmp_path: Path) -> None:
    run(["drill", "--progress-dir", str(tmp_path), "--limit", "1"], "a\n")
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def _small_disk(limit: int) -> None:
    """In the child: files may not grow past `limit` bytes, as on a disk that fills."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_disk_that_fills_gives_a_clear_message_and_loses_only_the_answer_named(
    tmp_path: Path,
) -> None:
    run(["drill", "--progress-dir", str(tmp_path), "--limit", "1"], "a\n")
    before = reviews(tmp_path)
    result = subprocess.run(
        [*QUIZGEN, "drill", "--progress-dir", str(tmp_path), "--new", "100"],
        input="a\n" * 200,
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=lambda: _small_disk(64 * 1024),
    )
    assert result.returncode == 1, result.stdout[-500:]
    assert "Traceback" not in result.stderr
    assert "could not be saved" in result.stderr and "Every answer before it is saved" in (
        result.stderr
    )
    saved = reviews(tmp_path)
    # Feedback follows saving: every answer that got it is saved, the one named did not.
    assert saved - before == result.stdout.count("\nWhy: ") > 0
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
