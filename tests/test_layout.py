"""README's "What is here" table is the tree: every path it names exists, and every part of
the package is in it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def table_paths() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What is here", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [p for row in rows for p in re.findall(r"`([^`]+)`", row.split("|")[1])]


def test_every_path_in_the_table_exists() -> None:
    paths = table_paths()
    assert len(paths) >= 10
    for path in paths:
        assert (ROOT / path).exists(), path


def test_every_part_of_the_package_is_in_the_table() -> None:
    listed = {p.rstrip("/") for p in table_paths()}
    package = ROOT / "quizgen"
    parts = [
        p
        for p in package.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists())
        or (p.suffix == ".py" and p.name not in ("__init__.py", "__main__.py"))
    ]
    assert parts
    for part in parts:
        assert str(part.relative_to(ROOT)) in listed, part.name


def test_each_package_row_names_its_modules() -> None:
    """A package's row names each of its modules in backquotes, and each name is a module."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What is here", 1)[1].split("\n## ", 1)[0]
    rows = 0
    for line in section.splitlines():
        cells = line.split("|")
        if len(cells) < 3 or not re.fullmatch(r" `quizgen/\w+/` ", cells[1]):
            continue
        rows += 1
        folder = ROOT / cells[1].strip(" `")
        named = set(re.findall(r"`(\w+)`", cells[2])) - {"enabled"}
        modules = {p.stem for p in folder.glob("*.py") if p.name != "__init__.py"}
        assert named == modules, (folder.name, named ^ modules)
    assert rows >= 6
