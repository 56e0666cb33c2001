"""What quizzes, drills and exams need of the data: the bank, and the ids and names of the things
their options filter on. Kept in the user's cache, so that a command on unchanged data starts at
once.

Loading and checking the data and proving the bank take most of a command's time (pydantic
alone takes longer to import than the whole command may run). Their result depends only on
the data files and this package's code, so it is stored, keyed by a hash of both, one file per
data folder; any change to either rebuilds it. Everything about the cache is best effort: a
cache that cannot be read or written is ignored, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizgen.datadir import data_files, default_data_dir
from quizgen.item import Bank, Choice, Item

if TYPE_CHECKING:
    from quizgen.model import Dataset

FORMAT = 1  # bump when the stored shape changes
PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class ExamArea:
    id: str
    name: str
    weight: int


@dataclass(frozen=True)
class Catalog:
    bank: Bank
    types: tuple[str, ...]
    comparisons: tuple[str, ...]
    categories: Mapping[str, str]  # id -> label
    areas: tuple[ExamArea, ...]

    @classmethod
    def of(cls, data: Dataset) -> Catalog:
        from quizgen.bank import build_bank

        return cls(
            bank=build_bank(data),
            types=tuple(t.id for t in data.types),
            comparisons=tuple(c.id for c in data.comparisons),
            categories={c.id: c.label for c in data.categories},
            areas=tuple(ExamArea(a.id, a.name, a.weight) for a in data.exam.areas),
        )


def load_catalog(data_dir: Path | None, data: Dataset | None = None) -> Catalog:
    """The catalog of the data in `data_dir` (default: the shipped data), from the cache when
    the data and code are unchanged; else built from `data` if given (already loaded from
    `data_dir`), or loaded. Raises DataError, as `load_data` does, on bad data."""
    root = data_dir if data_dir is not None else default_data_dir()
    key = _content_key(data_files(root)) if root.is_dir() else None
    stored = _cache_file(root)
    if key is not None and stored is not None:
        cached = _read(stored, key)
        if cached is not None:
            return cached
    if data is None:
        from quizgen.loader import load_data

        data = load_data(data_dir)
    catalog = Catalog.of(data)
    if key is not None and stored is not None:
        _write(stored, key, catalog)
    return catalog


def cache_dir() -> Path:
    configured = os.environ.get("QUIZGEN_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("quizgen"))


def _cache_file(root: Path) -> Path | None:
    try:
        folder = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    except OSError:
        return None
    return cache_dir() / f"catalog-{folder}.json"


def _content_key(files: list[Path]) -> str | None:
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    try:
        for path in [*sorted(PACKAGE.rglob("*.py")), *files]:
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def _read(path: Path, key: str) -> Catalog | None:
    try:
        stored = json.loads(path.read_bytes())
        if stored.get("key") != key:
            return None
        return _from_json(stored["catalog"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, stale or damaged: built again and replaced


def _write(path: Path, key: str, catalog: Catalog) -> None:
    from quizgen.atomic import write_bytes

    content = json.dumps({"key": key, "catalog": _to_json(catalog)}, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, content.encode("utf-8"))
    except OSError:
        pass  # a read-only or full disk only costs the next command its head start


def _to_json(catalog: Catalog) -> dict[str, Any]:
    return {
        "items": [_item_json(i) for i in catalog.bank.items],
        "dropped": dict(catalog.bank.dropped),
        "types": catalog.types,
        "comparisons": catalog.comparisons,
        "categories": dict(catalog.categories),
        "areas": [asdict(a) for a in catalog.areas],
    }


def _item_json(item: Item) -> dict[str, Any]:
    return {
        **{f.name: getattr(item, f.name) for f in fields(Item)},
        "distractors": [asdict(d) for d in item.distractors],
        "basis": dict(item.basis),
    }


def _item(stored: dict[str, Any]) -> Item:
    return Item(
        **{
            **stored,
            "distractors": tuple(Choice(**d) for d in stored["distractors"]),
            "types": tuple(stored["types"]),
        }
    )


def _from_json(stored: dict[str, Any]) -> Catalog:
    return Catalog(
        bank=Bank(tuple(_item(i) for i in stored["items"]), Counter(stored["dropped"])),
        types=tuple(stored["types"]),
        comparisons=tuple(stored["comparisons"]),
        categories=dict(stored["categories"]),
        areas=tuple(ExamArea(**a) for a in stored["areas"]),
    )
