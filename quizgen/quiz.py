"""Assembling a quiz from the bank: filters, the blueprint, one fact per item, balanced keys.

The same bank, seed and options always give the same quiz.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from quizgen.bank.catalog import Catalog
from quizgen.bank.item import Item
from quizgen.blueprint import AreaShare, quotas

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

    def category_path(self, category: str) -> str:
        """The Moodle question-bank category of a category's questions: the quiz, then the
        category's label. In a Moodle category path "/" separates levels; "//" is a slash."""
        label = self.category_labels.get(category, category)
        return "$course$/" + "/".join(part.replace("/", "//") for part in (self.title, label))

    @property
    def questions(self) -> tuple[Question, ...]:
        """Each question once, in the first variant's order: what an LMS or Anki imports
        (they shuffle for each student themselves)."""
        return self.variants[0].questions


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


# The MBLEx: 100 items in about 110 minutes; a shorter mock exam gets time in proportion.
EXAM_ITEMS = 100
EXAM_MINUTES = 110.0
# No kind may fill more than this share of a quiz, unless the user asked for kinds.
MAX_KIND_SHARE = 0.4


def _uses(item: Item, options: int) -> set[str]:
    """What an item takes from a quiz that no other item may take again: its fact and facets,
    its stem, and every option text it shows."""
    shown = {"option:" + " ".join(o.casefold().split()) for o in item.options(options)}
    return {"fact:" + item.fact, *("facet:" + f for f in item.facets), "stem:" + item.stem} | shown


def _compatible(items: Sequence[Item], options: int) -> list[Item]:
    """Items in order, leaving out any that would repeat what an earlier one took."""
    taken: set[str] = set()
    kept = []
    for item in items:
        uses = _uses(item, options)
        if not uses & taken:
            taken |= uses
            kept.append(item)
    return kept


def _packed(items: Sequence[Item], options: int, rng: random.Random) -> list[Item]:
    """As many items as repeat nothing: those that clash with the fewest others first (a
    greedy independent set), ties broken by the seed."""
    uses = {item.id: _uses(item, options) for item in items}
    holders: dict[str, int] = Counter(u for used in uses.values() for u in used)
    clashes = {i.id: sum(holders[u] - 1 for u in uses[i.id]) for i in items}
    order = sorted(items, key=lambda i: (clashes[i.id], rng.random()))
    return _compatible(order, options)


def _kind_limit(count: int, filters: Filters) -> int:
    return count if filters.kinds else max(1, math.floor(MAX_KIND_SHARE * count))


def _largest(candidates: Sequence[Item], filters: Filters) -> int:
    """The largest quiz the candidates make without a kind above its share."""
    per_kind = Counter(i.kind for i in candidates)
    for count in range(len(candidates), 0, -1):
        limit = _kind_limit(count, filters)
        if sum(min(n, limit) for n in per_kind.values()) >= count:
            return count
    return 0


def _take(
    items: Sequence[Item], count: int, limit: int, quota: Mapping[str, int] | None
) -> list[Item]:
    taken: Counter[str] = Counter()
    wanted = dict(quota) if quota is not None else None
    chosen: list[Item] = []
    for item in items:
        if len(chosen) == count:
            break
        if taken[item.kind] >= limit:
            continue
        if wanted is not None:
            if wanted.get(item.area, 0) <= 0:
                continue
            wanted[item.area] -= 1
        taken[item.kind] += 1
        chosen.append(item)
    return chosen


def _candidates(
    catalog: Catalog, seed: int, options: int, filters: Filters, count: int | None
) -> tuple[list[Item], int]:
    """Items that can share a quiz, in the seed's order, and the largest quiz they make
    (packed tightly when `count` is more than the plain order reaches, or None)."""
    rng = random.Random(f"select:{seed}")
    pool = sorted(
        (i for i in catalog.bank.usable(options) if filters.accepts(i)), key=lambda i: i.id
    )
    candidates = _compatible(_spread_by_kind(pool, rng), options)
    most = _largest(candidates, filters)
    if count is None or count > most:
        # A long quiz needs the items packed tightly: those that clash least go in first.
        packed = _spread_by_kind(_packed(pool, options, rng), rng)
        if (packed_most := _largest(packed, filters)) > most:
            candidates, most = packed, packed_most
    return candidates, most


def largest(catalog: Catalog, *, seed: int, options: int = 4, filters: Filters = Filters()) -> int:
    """The most items a quiz can have without repeating a fact, a stem or an option."""
    return _candidates(catalog, seed, options, filters, None)[1]


def select(
    catalog: Catalog,
    *,
    count: int,
    seed: int,
    options: int = 4,
    filters: Filters = Filters(),
    blueprint: str | None = None,
) -> tuple[list[Item], tuple[AreaShare, ...] | None]:
    candidates, most = _candidates(catalog, seed, options, filters, count)
    if count > most:
        capped = not filters.kinds and most < len(candidates)
        raise QuizError(
            f"only {most} items with {options} options match"
            f"{' these filters' if filters != Filters() else ''} without repeating a fact, "
            f"a stem or an option"
            + (f" and with no kind above {MAX_KIND_SHARE:.0%}" if capped else "")
            + f"; ask for at most {most}"
            + (", or choose kinds with --kind to lift the limit per kind" if capped else ""),
            option="--count",
        )
    limit = _kind_limit(count, filters)
    if blueprint is None:
        return _take(candidates, count, limit, None), None
    usable = _take(candidates, len(candidates), limit, None)
    available = Counter(i.area for i in usable)
    shares = quotas(catalog.areas, available, count)
    return _take(usable, count, limit, {s.area: s.quota for s in shares}), shares


def arrange(item: Item, options: int, key_index: int, number: int, rng: random.Random) -> Question:
    """The item as question `number`: its distractors shuffled, the key at `key_index`."""
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
        arrange(item, options, position, number, rng)
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
