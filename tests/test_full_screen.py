"""The drill and the exam in a real terminal, at a phone-like 60x20 and a roomy 100x30: the
screen is read back through a terminal emulator, as the student sees it."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from quizgen.bank.catalog import load_catalog
from quizgen.progress.store import FILE_NAME
from tests.terminal import Terminal, terminal

# Every word the screens may show: the bank's texts and the screens' own words. A word split
# at the edge of the screen leaves a fragment that is (almost always) not among them.
CHROME = (
    "of to relearn left Question answer sure unsure quit Enter or Space next scroll Right Not "
    "right the answer is Why not Source Answer End exam Unanswered count as wrong y n go on "
    "Sure Unsure a b c d e s u q you chose more cancel start Mock MBLEx questions in min pass "
    "mark Forward only no going back and feedback until Questions not answered when time runs "
    "out clock starts do below above confirm change Enter end"
)


@pytest.fixture(scope="module")
def vocabulary() -> set[str]:
    texts = [CHROME]
    for item in load_catalog(None).bank.items:
        texts += [item.stem, item.key, item.rationale, item.citation, item.source_title]
        texts += [d.text for d in item.distractors] + [d.why for d in item.distractors]
    return {w.casefold() for text in texts for w in re.findall(r"[A-Za-z]+", text)}


def count(folder: Path, query: str) -> int:
    """A count from the progress database the program wrote."""
    with sqlite3.connect(folder / FILE_NAME) as db:
        return int(db.execute(query).fetchone()[0])


def split_words(term: Terminal, vocabulary: set[str]) -> list[str]:
    return [
        word
        for row in term.rows
        for word in re.findall(r"[A-Za-z]+", row)
        if word.casefold() not in vocabulary
    ]


def heading(term: Terminal) -> tuple[int, int]:
    found = re.match(r"\s*(\d+) of (\d+)", term.rows[0])
    assert found, term.text
    return int(found[1]), int(found[2])


@pytest.mark.parametrize(("cols", "rows"), [(60, 20), (100, 30)])
def test_one_card_per_screen_wrapped_on_words_feedback_waits_for_a_key(
    tmp_path: Path, vocabulary: set[str], cols: int, rows: int
) -> None:
    args = ["drill", "--progress-dir", str(tmp_path), "--limit", "4", "--new", "100"]
    with terminal(args, cols, rows) as term:
        left = []
        for n in range(1, 5):
            term.wait_for(f"{n} of ")
            term.wait_for("a-d: answer")
            assert split_words(term, vocabulary) == [], term.text
            shown, total = heading(term)
            left.append(total - shown)
            term.send("abcd"[n % 4])
            term.wait_for("Enter or Space: next")
            term.wait_for(lambda screen: "Right: " in screen or "Not right: you chose" in screen)
            assert split_words(term, vocabulary) == [], term.text
            verdict = "Right: " if "Right: " in term.text else "Not right: you chose"
            term.pump(1.0)  # the student reads: nothing moves on by itself
            assert verdict in term.text and "Enter or Space: next" in term.text
            assert re.match(rf"\s*{n} of \d", term.rows[0])
            term.send(" " if n % 2 else "\r")
        assert term.finish() == 0
        assert "Answered 4, right" in term.plain_output()
    assert left == [3, 2, 1, 0]  # the counter goes down to the last card
    assert count(tmp_path, "SELECT count(*) FROM reviews") == 4


def test_a_resize_redraws_the_card_for_the_new_size(tmp_path: Path, vocabulary: set[str]) -> None:
    args = ["drill", "--progress-dir", str(tmp_path), "--limit", "2"]
    with terminal(args, 100, 30) as term:
        term.wait_for("a-d: answer")
        wide = [row for row in term.rows if row.strip()]
        term.resize(50, 16)
        # The emulator cuts the old screen at once; the program's redraw follows.
        term.wait_for(
            lambda _: term.rows[-1].startswith(" a-d: answer") and not split_words(term, vocabulary)
        )
        narrow = [row for row in term.rows if row.strip()]
        assert max(map(len, narrow)) <= 50 < max(map(len, wide))
        term.resize(100, 30)
        term.wait_for(lambda _: [row for row in term.rows if row.strip()] == wide)
        term.send("q")
        assert term.finish() == 0


def test_sure_and_unsure_show_on_the_card_and_are_saved(tmp_path: Path) -> None:
    with terminal(["drill", "--progress-dir", str(tmp_path), "--limit", "1"], 80, 24) as term:
        term.wait_for("a-d: answer")
        term.send("u")
        term.wait_for("Unsure (s to change) · a-d: answer")
        term.send("s")
        term.wait_for("Sure (u to change) · a-d: answer")
        term.send("b")
        term.wait_for("Enter or Space: next")
        term.send("q")
        assert term.finish() == 0
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("SELECT confident FROM reviews").fetchall() == [(1,)]


def test_the_exam_clock_ticks_and_quitting_asks_first(tmp_path: Path) -> None:
    args = ["exam", "--progress-dir", str(tmp_path), "-n", "10", "--seed", "3"]
    with terminal(args, 60, 20) as term:
        term.wait_for("10 questions in 11 min; pass mark 70%")  # the clock waits for Enter
        term.send("\r")
        term.wait_for("Question 1 of 10")
        first = term.rows[0]
        term.wait_for(lambda _: term.rows[0] != first, timeout=5)  # without a key pressed
        clock = [re.search(r"(\d+):(\d\d) left", row) for row in (first, term.rows[0])]
        assert all(clock) and [int(c[1]) * 60 + int(c[2]) for c in clock if c] in (
            [659, 658],
            [658, 657],
            [660, 659],
        )
        term.send("b")  # chosen, not yet given: a choice can change until Enter
        term.wait_for("Enter: confirm b")
        term.send("a")
        term.wait_for("Enter: confirm a")
        assert "Question 1 of 10" in term.rows[0]
        term.send("\r")
        term.wait_for("Question 2 of 10")
        term.send("q")
        term.wait_for("End the exam? · y: end · n: go on")
        term.send("n")
        term.wait_for("a-d: answer")
        assert "Question 2 of 10" in term.rows[0]
        term.send("q")
        term.wait_for("End the exam?")
        term.send("y")
        assert term.finish() == 0
        assert re.search(r"(PASS|FAIL): \d+ of 10 right", term.plain_output())
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        (result,) = db.execute("SELECT result FROM exams").fetchone()
    saved = json.loads(result)
    assert saved["answered"] == 1 and saved["abandoned"] is False


def test_ctrl_c_in_an_exam_shows_and_keeps_its_result_as_abandoned(tmp_path: Path) -> None:
    args = ["exam", "--progress-dir", str(tmp_path), "-n", "10", "--seed", "3"]
    with terminal(args, 80, 24) as term:
        term.wait_for("Enter: start")
        term.send(" ")
        term.wait_for("Question 1 of 10")
        term.send("a\r")
        term.wait_for("Question 2 of 10")
        term.send("\x03")
        assert term.finish() == 0
        output = term.plain_output()
        assert "1 answered, ended early" in output and "Traceback" not in output
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        (result,) = db.execute("SELECT result FROM exams").fetchone()
    saved = json.loads(result)
    assert saved["abandoned"] is True and saved["answered"] == 1


def test_ctrl_c_in_a_drill_ends_it_with_every_answer_kept(tmp_path: Path) -> None:
    with terminal(["drill", "--progress-dir", str(tmp_path)], 80, 24) as term:
        term.wait_for("a-d: answer")
        term.send("a")
        term.wait_for("Enter or Space: next")
        term.pump(0.5)  # read it: an Enter at once would not skip the feedback
        term.send(" ")
        term.wait_for("a-d: answer")
        term.send("\x03")
        assert term.finish() == 0
        assert "Answered 1," in term.plain_output()
    assert count(tmp_path, "SELECT count(*) FROM reviews") == 1


@pytest.mark.parametrize(
    ("extra", "env", "coloured"),
    [
        ([], {"NO_COLOR": None}, True),
        ([], {"NO_COLOR": ""}, True),  # empty: the convention says colour stays on
        ([], {"NO_COLOR": "1"}, False),
        (["--no-color"], {"NO_COLOR": None}, False),
    ],
)
def test_colour_follows_no_color_and_the_flag(
    tmp_path: Path, extra: list[str], env: dict[str, str | None], coloured: bool
) -> None:
    args = ["drill", "--progress-dir", str(tmp_path), "--limit", "1", *extra]
    with terminal(args, 80, 24, env) as term:
        term.wait_for("a-d: answer")
        term.send("a")
        term.wait_for("Enter or Space: next")
        colours = term.colours() - {"default", "black", "white"}
        grey = {c for c in colours if len(set(re.findall(r"..", c))) == 1}  # 3a3a3a
        assert bool(colours - grey) == coloured, colours
        term.send("q")
        assert term.finish() == 0


def test_a_latin1_terminal_gets_plain_quotes_full_screen(tmp_path: Path) -> None:
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "latin-1"}
    args = ["drill", "--progress-dir", str(tmp_path), "--limit", "3", "--new", "100"]
    with terminal(args, 100, 30, env) as term:
        for _ in range(3):
            term.wait_for("a-d: answer")
            term.send("a")
            term.wait_for("Enter or Space: next")
            assert "\u201c" not in term.text
            term.pump(0.5)
            term.send(" ")
        assert term.finish() == 0
        assert "Traceback" not in term.plain_output()
        assert "Answered 3" in term.plain_output()


def test_keys_typed_ahead_are_kept_but_never_skip_the_feedback(tmp_path: Path) -> None:
    """A student who knows the answers types ahead: no key is lost while a card is saved, but
    an Enter typed with the answer does not skip the feedback."""
    args = ["drill", "--progress-dir", str(tmp_path), "--new", "100"]
    with terminal(args, 80, 24) as term:
        term.wait_for("a-d: answer")
        term.send("a\r")  # a letter and Enter, as the exam takes it: the feedback stays
        term.wait_for("Enter or Space: next")
        term.pump(0.5)
        assert "Enter or Space: next" in term.text and term.rows[0].strip().startswith("1 of")
        term.send(" b")  # the next answer typed before its card is drawn: kept
        term.wait_for(lambda screen: "Enter or Space: next" in screen and "2 of" in screen)
        term.pump(0.5)
        term.send(" q")
        assert term.finish() == 0
        assert "Answered 2," in term.plain_output()
    assert count(tmp_path, "SELECT count(*) FROM reviews") == 2


def test_an_exam_not_started_is_not_recorded(tmp_path: Path) -> None:
    args = ["exam", "--progress-dir", str(tmp_path), "-n", "10", "--seed", "3"]
    with terminal(args, 60, 20) as term:
        term.wait_for("Enter: start · q: cancel")
        term.send("q")
        assert term.finish() == 0
        assert "The exam was not started." in term.plain_output()
    assert count(tmp_path, "SELECT count(*) FROM exams") == 0


def test_keys_that_are_not_answers_do_not_answer(tmp_path: Path) -> None:
    """Arrows, page keys, Tab and Escape scroll or do nothing; spelt out, "down" once answered d."""
    args = ["drill", "--progress-dir", str(tmp_path), "--limit", "1"]
    with terminal(args, 60, 20) as term:
        term.wait_for("a-d: answer")
        for key in ("\x1b[B", "\x1b[A", "\x1b[6~", "\x1b[5~", "\t", "\x1b", "x", "z"):
            term.send(key)
            term.pump(0.2)
        assert "a-d: answer" in term.text and "Enter or Space" not in term.text
        term.send("c")
        term.wait_for("Enter or Space: next")
        term.send("q")
        assert term.finish() == 0
    assert count(tmp_path, "SELECT count(*) FROM reviews") == 1


def test_a_long_card_says_there_is_more_and_scrolls_and_a_resize_keeps_the_verdict(
    tmp_path: Path,
) -> None:
    """At 40x12 (a phone in portrait, keyboard open) no card fits: the key line says so, the
    arrows bring the last option into view, and after the answer a resize keeps the verdict
    on the screen."""
    args = ["drill", "--progress-dir", str(tmp_path), "--limit", "1"]
    with terminal(args, 40, 12) as term:
        term.wait_for("below")  # "↓ c, d below", or "↓ more below" under a long question
        assert "d)" not in term.text
        for key in ("\x1b[B", "\x1b[B", "\x1b[6~", "\x1b[6~", "\x1b[6~", "\x1b[6~"):
            term.send(key)  # down, down, then page down
            term.pump(0.1)
        term.wait_for(lambda _: "↑ more above" in term.rows[-1] and "below" not in term.text)
        assert "a-d: answer" in term.text  # still asking: scrolling answered nothing
        term.send("a")
        term.wait_for(lambda screen: "Right: " in screen or "Not right: you chose" in screen)
        for cols, rows in ((60, 20), (40, 12), (100, 30), (40, 12)):
            term.resize(cols, rows)
            term.wait_for(lambda screen: "Right: " in screen or "Not right: you chose" in screen)
        term.send("q")
        assert term.finish() == 0


def test_a_choice_not_yet_confirmed_counts_when_time_runs_out(tmp_path: Path) -> None:
    """As on a computer-based exam: the option chosen when the clock ends is the answer."""
    args = ["exam", "--progress-dir", str(tmp_path), "-n", "10", "--seed", "3", "--minutes", "0.05"]
    with terminal(args, 80, 24) as term:
        term.wait_for("Enter: start")
        term.send("\r")
        term.wait_for("Question 1 of 10")
        term.send("b")
        term.wait_for("Enter: confirm b")
        assert term.finish(timeout=30) == 0
        assert "1 answered, time ran out" in term.plain_output()
    assert count(tmp_path, "SELECT count(*) FROM reviews WHERE mode = 'exam'") == 1
