"""Make what an instructor gets from `quizgen generate` for paper and for an LMS, for a
reviewer who has not seen the code.

    python -m tests.reviews.paper.capture --seed 7 --out review/

The seed chooses the quiz (its length, variants and items). For paper: the students' copies
and the keys in separate files on Letter, printed by Chromium to PDF and to one picture per
sheet, the same quiz on A4, and the Word files with pandoc's reading of them as text. For an
LMS: every import format, as the instructor would upload it.
"""

from __future__ import annotations

import argparse
import random
import shlex
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import CHROMIUM_ARGS, chromium_path

LMS_FORMATS = {
    "moodle-xml": "moodle.xml",
    "gift": "moodle-gift.txt",
    "qti": "canvas-qti.zip",
    "common-cartridge": "quiz.imscc",
    "common-cartridge-1.2": "quiz-cc1.2-schoology.imscc",
    "blackboard": "blackboard.txt",
    "brightspace": "brightspace.csv",
}


def generate(out: Path, quiz: list[str], fmt: str, *files: str) -> None:
    args = [sys.executable, "-m", "quizgen", "generate", *quiz, "--format", fmt, "-o"]
    subprocess.run([*args, str(out / files[0]), *files[1:]], check=True)


def print_sheets(html: Path, prefix: Path) -> int:
    """The page as a PDF, and a picture of each sheet as the script lays it out."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium_path()), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": 1000, "height": 1300})
        page.goto(html.resolve().as_uri())
        page.pdf(path=str(prefix.with_suffix(".pdf")), prefer_css_page_size=True)
        sheets = page.locator(".sheet")
        for n in range(sheets.count()):
            sheets.nth(n).screenshot(path=f"{prefix}-sheet-{n + 1:02d}.png")
        count = sheets.count()
        browser.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    count, variants = rng.randint(20, 45), rng.randint(2, 3)
    quiz = ["--count", str(count), "--variants", str(variants), "--seed", str(args.seed)]
    quiz += ["--title", rng.choice(["Week 3 quiz", "Massage types: unit test", "MBLEx review"])]
    paper = out / "paper"
    paper.mkdir(exist_ok=True)
    generate(
        paper, quiz, "html", "letter-quiz.html", "--key-output", str(paper / "letter-keys.html")
    )
    generate(paper, [*quiz, "--paper", "a4"], "html", "a4-quiz-and-keys.html")
    for name in ("letter-quiz", "letter-keys", "a4-quiz-and-keys"):
        print_sheets(paper / f"{name}.html", paper / name)
    word = out / "word"
    word.mkdir(exist_ok=True)
    generate(word, quiz, "docx", "quiz.docx", "--key-output", str(word / "keys.docx"))
    for name in ("quiz", "keys"):
        text = subprocess.run(
            ["pandoc", "--from", "docx", "--to", "markdown", str(word / f"{name}.docx")],
            check=True,
            capture_output=True,
        ).stdout
        (word / f"{name}.docx.as-read-by-pandoc.md").write_bytes(text)
    lms = out / "lms"
    lms.mkdir(exist_ok=True)
    for fmt, name in LMS_FORMATS.items():
        generate(lms, quiz, fmt, name)
    (out / "command.txt").write_text(shlex.join(["quizgen", "generate", *quiz]) + "\n")


if __name__ == "__main__":
    main()
