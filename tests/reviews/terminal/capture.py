"""Capture what a student sees of the terminal drill, exam, stats and history, as text
screens, for a reviewer who has not seen the code.

    python -m tests.reviews.terminal.capture --seed 7 --out screens/

Each screen is read back through a terminal emulator at 60x20 (a small window or a phone's
SSH app) and 100x30 (a laptop terminal), exactly as drawn. The seed chooses the answers (so
some are right, some wrong, some marked sure or unsure) and which category is drilled.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizgen.bank.catalog import load_catalog
from quizgen.progress.schedule import Schedule
from quizgen.progress.store import Store
from tests.terminal import Terminal, terminal

SIZES = ((60, 20), (100, 30))


def framed(term: Terminal, title: str) -> str:
    cols = term.screen.columns
    rows = [f"|{row.ljust(cols)}|" for row in term.rows]
    edge = "+" + "-" * cols + "+"
    return "\n".join([f"## {title}", edge, *rows, edge, ""])


def history(folder: Path, rng: random.Random) -> None:
    """Three weeks of drilling before tonight, so stats has something to show."""
    items = list(load_catalog(None).bank.usable(4))
    store = Store(folder)
    schedule = Schedule(store)
    now = datetime.now(UTC)
    for n in range(300):
        item = items[rng.randrange(len(items))]
        when = now - timedelta(days=21 - n * 21 / 300, hours=rng.randrange(3))
        right = rng.random() < 0.75
        schedule.answer(item, right, rng.choice((None, True, False)), item.key, when)
    store.close()


def drill(folder: Path, cols: int, rows: int, rng: random.Random, out: list[str]) -> None:
    categories = sorted(load_catalog(None).categories)
    category = rng.choice(categories)
    args = ["drill", "--progress-dir", str(folder), "--limit", "4", "--category", category]
    with terminal(args, cols, rows) as term:
        for n in range(4):
            term.wait_for("a-d: answer")
            term.pump(0.3)
            out.append(framed(term, f"drill --category {category}, card {n + 1}, {cols}x{rows}"))
            sure = rng.choice(("", "s", "u"))
            term.send(sure + rng.choice("abcd"))
            term.wait_for("Enter or Space: next")
            term.pump(0.3)
            out.append(framed(term, f"the feedback on card {n + 1}, {cols}x{rows}"))
            term.send(" ")
        term.finish()
        out.append(f"## after the drill, {cols}x{rows} (the normal screen)\n{term.plain_output()}")


def exam(folder: Path, cols: int, rows: int, rng: random.Random, out: list[str]) -> None:
    seed = str(rng.randrange(1000))
    args = ["exam", "--progress-dir", str(folder), "-n", "10", "--seed", seed]
    with terminal(args, cols, rows) as term:
        term.wait_for("Enter: start")
        out.append(framed(term, f"exam --seed {seed}, before it starts, {cols}x{rows}"))
        term.send("\r")
        for n in range(3):
            term.wait_for(f"Question {n + 1} of 10")
            term.pump(1.2)  # the clock ticks
            if n == 0:
                out.append(framed(term, f"exam --seed {seed}, question 1, {cols}x{rows}"))
            term.send(rng.choice("abcd"))
            term.wait_for("Enter: confirm")
            term.send("\r")
        term.wait_for("Question 4 of 10")
        term.send("q")
        term.wait_for("End the exam?")
        out.append(framed(term, f"q during the exam, {cols}x{rows}"))
        term.send("y")
        term.finish()
        out.append(
            f"## the exam's result, {cols}x{rows} (the normal screen)\n{term.plain_output()}"
        )


def command(args: list[str], folder: Path, cols: int) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", *args, "--progress-dir", str(folder)],
        capture_output=True,
        text=True,
        check=True,
        env={"COLUMNS": str(cols), "PATH": "/usr/bin:/bin"},
    )
    return f"## quizgen {' '.join(args)}, {cols} columns\n{result.stdout}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    options.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        history(folder, rng)
        for cols, rows in SIZES:
            out: list[str] = []
            drill(folder, cols, rows, rng, out)
            exam(folder, cols, rows, rng, out)
            out.append(command(["stats"], folder, cols))
            out.append(command(["history"], folder, cols))
            (options.out / f"screens-{cols}x{rows}.txt").write_text("\n".join(out), "utf-8")
        with sqlite3.connect(folder / "progress.sqlite3") as db:
            count = db.execute("SELECT count(*) FROM reviews").fetchone()[0]
    print(f"{count} reviews; screens in {options.out}")


if __name__ == "__main__":
    main()
