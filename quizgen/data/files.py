"""Where the data lives and which of its files are data (kept apart from the loader, so that
finding the files does not import pydantic)."""

from __future__ import annotations

import os
from pathlib import Path

DATA_SUFFIXES = (".yml", ".yaml")


def default_data_dir() -> Path:
    """The data shipped with the package: inside a wheel, or beside the package in a checkout."""
    package = Path(__file__).resolve().parent.parent
    bundled = package / "_data"
    return bundled if bundled.is_dir() else package.parent / "data"


def data_files(root: Path) -> list[Path]:
    """Every data file under `root`, following links to files and folders: a folder linked in
    from elsewhere is part of the data. A link to nothing, or a link back to a folder that
    holds it (which would never end), is an error that names it."""
    from quizgen.data.problems import DataError, Location, Problem

    found: list[Path] = []
    problems: list[Problem] = []

    def walk(folder: Path, within: frozenset[Path]) -> None:
        real = folder.resolve()
        if real in within:
            problems.append(
                Problem(
                    Location(str(folder)),
                    "this link leads back to a folder that holds it, so the data would never "
                    "end; remove the link",
                )
            )
            return
        for entry in sorted(folder.iterdir()):
            if entry.is_symlink() and not entry.exists():
                if not entry.name.startswith("."):  # an editor's lock, not data
                    problems.append(
                        Problem(
                            Location(str(entry)),
                            f"a link to {os.readlink(entry)}, which does not exist; "
                            "fix or remove the link",
                        )
                    )
            elif entry.is_dir():
                walk(entry, within | {real})
            elif entry.suffix in DATA_SUFFIXES and entry.is_file():
                found.append(entry)

    walk(root, frozenset())
    if problems:
        raise DataError(problems)
    return sorted(found)
