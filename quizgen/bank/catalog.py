"""What quizzes, drills and exams need of the data: the bank, and the ids and names of the things
their options filter on. Kept in the cache (see quizgen.cache), so that a command on unchanged
data starts at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizgen.bank.item import Bank, Item
from quizgen.bank.vocabulary import Vocabulary
from quizgen.cache import cached
from quizgen.data.files import default_data_dir

if TYPE_CHECKING:
    from quizgen.data.model import Dataset


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
    dimensions: Mapping[str, str]  # id -> label
    vocabulary: Vocabulary  # what the item-writing rules know of the data

    @classmethod
    def of(cls, data: Dataset) -> Catalog:
        from quizgen.bank.build import build_bank

        return cls(
            bank=build_bank(data),
            types=tuple(t.id for t in data.types),
            comparisons=tuple(c.id for c in data.comparisons),
            categories={c.id: c.label for c in data.categories},
            areas=tuple(ExamArea(a.id, a.name, a.weight) for a in data.exam.areas),
            dimensions={d.id: d.label for d in data.dimensions},
            vocabulary=Vocabulary.of(data),
        )


def load_catalog(data_dir: Path | None, data: Dataset | None = None) -> Catalog:
    """The catalog of the data in `data_dir` (default: the shipped data), from the cache when
    the data and code are unchanged; else built from `data` if given (already loaded from
    `data_dir`), or loaded. Raises DataError, as `load_data` does, on bad data."""

    def build() -> Catalog:
        if data is not None:
            return Catalog.of(data)
        from quizgen.data.loader import load_data

        return Catalog.of(load_data(data_dir))

    root = data_dir if data_dir is not None else default_data_dir()
    return cached("catalog", root, build, _to_json, _from_json)


def _to_json(catalog: Catalog) -> dict[str, Any]:
    return {
        "items": [i.to_json() for i in catalog.bank.items],
        "dropped": dict(catalog.bank.dropped),
        "types": catalog.types,
        "comparisons": catalog.comparisons,
        "categories": dict(catalog.categories),
        "areas": [asdict(a) for a in catalog.areas],
        "dimensions": dict(catalog.dimensions),
        "vocabulary": catalog.vocabulary.to_json(),
    }


def _from_json(stored: dict[str, Any]) -> Catalog:
    return Catalog(
        bank=Bank(tuple(Item.from_json(i) for i in stored["items"]), Counter(stored["dropped"])),
        types=tuple(stored["types"]),
        comparisons=tuple(stored["comparisons"]),
        categories=dict(stored["categories"]),
        areas=tuple(ExamArea(**a) for a in stored["areas"]),
        dimensions=dict(stored["dimensions"]),
        vocabulary=Vocabulary.from_json(stored["vocabulary"]),
    )
