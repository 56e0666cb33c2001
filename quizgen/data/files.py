"""Where the data lives and which of its files are data (kept apart from the loader, so that
finding the files does not import pydantic)."""

from __future__ import annotations

from pathlib import Path

DATA_SUFFIXES = (".yml", ".yaml")


def default_data_dir() -> Path:
    """The data shipped with the package: inside a wheel, or beside the package in a checkout."""
    package = Path(__file__).resolve().parent.parent
    bundled = package / "_data"
    return bundled if bundled.is_dir() else package.parent / "data"


def data_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in DATA_SUFFIXES and p.is_file())
