"""`quizgen bank --stats`: what the bank holds, and what the data could not prove."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from quizgen.bank.catalog import Catalog
from quizgen.bank.distractors import MAX_OPTIONS, MIN_DISTRACTORS
from quizgen.bank.item import KINDS


def _table(title: str, counts: Counter[str], names: dict[str, str]) -> Iterator[str]:
    yield f"{title}:"
    width = max((len(n) for n in names.values()), default=0)
    for key, name in names.items():
        if counts[key]:
            yield f"  {name:<{width}}  {counts[key]:>4}"


def stats_lines(catalog: Catalog) -> Iterator[str]:
    bank = catalog.bank
    items = bank.items
    usable = {n: len(bank.usable(n)) for n in range(MIN_DISTRACTORS + 1, MAX_OPTIONS + 1)}
    yield f"{len(items)} items ({', '.join(f'{v} with {n} options' for n, v in usable.items())})"
    yield from _table("by kind", Counter(i.kind for i in items), {k: k for k in KINDS})
    yield from _table("by category", Counter(i.category for i in items), dict(catalog.categories))
    yield from _table(
        "by MBLEx area", Counter(i.area for i in items), {a.id: a.name for a in catalog.areas}
    )
    uncovered = [a.name for a in catalog.areas if not any(i.area == a.id for i in items)]
    if uncovered:
        yield "areas with no items: " + "; ".join(uncovered)
    dropped = sum(bank.dropped.values())
    yield f"dropped for lack of proven distractors: {dropped}"
    for kind in KINDS:
        if bank.dropped[kind]:
            yield f"  {kind:<14}  {bank.dropped[kind]:>4}"
