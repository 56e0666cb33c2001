"""Assembling a quiz from the bank: filters, the blueprint, one fact per item, balanced keys.

The same bank, seed and options always give the same quiz.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from quizgen.blueprint import AreaShare, quotas
from quizgen.catalog import Catalog
from quizgen.item import Item

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# One variant per student: a large class runs past Z (A, ..., Z, AA, AB, ...).
MAX_VARIANTS = 200


class QuizError(Exception):
    """A quiz that cannot be made as asked; `option` names the option at fault."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


@dataclass(frozen=True)
class Filters:
    types: tuple[str, ...] = ()
    comparisons: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def accepts(self, item: Item) -> bool:
        return (
            (not self.types or bool(set(self.types) & set(item.types)))
            and (not self.comparisons or item.comparison in self.comparisons)
            and (not self.categories or item.category in self.categories)
            and (not self.areas or item.area in self.areas)
            and (not self.kinds or item.kind in self.kinds)
        )


@dataclass(frozen=True)
class Question:
    number: int
    item: Item
    options: tuple[str, ...]
    key_index: int
    reasons: tuple[str, ...]  # why each option is wrong; empty for the key

    @property
    def key_letter(self) -> str:
        return LETTERS[self.key_index]


@dataclass(frozen=True)
class Variant:
    label: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Quiz:
    title: str
    seed: int
    options: int
    variants: tuple[Variant, ...]
    blueprint: tuple[AreaShare, ...] | None = None
    # Display names of the categories and areas the items use, so exporters need no data.
    category_labels: Mapping[str, str] = field(default_factory=dict)
    area_names: Mapping[str, str] = field(default_factory=dict)


def _spread_by_kind(items: Sequence[Item], rng: random.Random) -> list[Item]:
    """Items in an order that takes each kind in turn, so no kind crowds out the others."""
    by_kind: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_kind[item.kind].append(item)
    kinds = sorted(by_kind)
    rng.shuffle(kinds)
    for kind in kinds:
        rng.shuffle(by_kind[kind])
    ordered = []
    while any(by_kind.values()):
        for kind in kinds:
            if by_kind[kind]:
                ordered.append(by_kind[kind].pop())
    return ordered


def _one_per_fact(items: Sequence[Item]) -> list[Item]:
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.fact not in seen:
            seen.add(item.fact)
            kept.append(item)
    return kept


def select(
    catalog: Catalog,
    *,
    count: int,
    seed: int,
    options: int = 4,
    filters: Filters = Filters(),
    blueprint: str | None = None,
) -> tuple[list[Item], tuple[AreaShare, ...] | None]:
    rng = random.Random(f"select:{seed}")
    pool = sorted(
        (i for i in catalog.bank.usable(options) if filters.accepts(i)), key=lambda i: i.id
    )
    candidates = _one_per_fact(_spread_by_kind(pool, rng))
    if count > len(candidates):
        raise QuizError(
            f"only {len(candidates)} items with {options} options match"
            f"{' these filters' if filters != Filters() else ''}; ask for at most "
            f"{len(candidates)}",
            option="--count",
        )
    if blueprint is None:
        return candidates[:count], None
    available = Counter(i.area for i in candidates)
    shares = quotas(catalog.areas, available, count)
    wanted = {s.area: s.quota for s in shares}
    chosen = []
    for item in candidates:
        if wanted.get(item.area, 0) > 0:
            wanted[item.area] -= 1
            chosen.append(item)
    return chosen, shares


def _arrange(item: Item, options: int, key_index: int, number: int, rng: random.Random) -> Question:
    wrong = list(item.distractors[: options - 1])
    rng.shuffle(wrong)
    texts = [w.text for w in wrong]
    reasons = [w.why for w in wrong]
    texts.insert(key_index, item.key)
    reasons.insert(key_index, "")
    return Question(number, item, tuple(texts), key_index, tuple(reasons))


def variant_label(n: int) -> str:
    """A, B, ..., Z, AA, AB, ...: the labels of spreadsheet columns."""
    label = ""
    n += 1
    while n:
        n, letter = divmod(n - 1, len(LETTERS))
        label = LETTERS[letter] + label
    return label


def variant(items: Sequence[Item], options: int, seed: int, label: str) -> Variant:
    """The items in this variant's order, keys spread evenly over the positions."""
    rng = random.Random(f"variant:{seed}:{label}")
    order = list(items)
    rng.shuffle(order)
    positions = [n % options for n in range(len(order))]
    rng.shuffle(positions)
    questions = tuple(
        _arrange(item, options, position, number, rng)
        for number, (item, position) in enumerate(zip(order, positions, strict=True), 1)
    )
    return Variant(label, questions)


def assemble(
    catalog: Catalog,
    *,
    count: int,
    seed: int,
    options: int = 4,
    filters: Filters = Filters(),
    blueprint: str | None = None,
    variants: int = 1,
    title: str = "Massage types quiz",
) -> Quiz:
    if not 1 <= variants <= MAX_VARIANTS:
        raise QuizError(f"variants must be 1 to {MAX_VARIANTS}", option="--variants")
    items, shares = select(
        catalog, count=count, seed=seed, options=options, filters=filters, blueprint=blueprint
    )
    return Quiz(
        title=title,
        seed=seed,
        options=options,
        variants=tuple(variant(items, options, seed, variant_label(n)) for n in range(variants)),
        blueprint=shares,
        category_labels=dict(catalog.categories),
        area_names={a.id: a.name for a in catalog.areas},
    )
