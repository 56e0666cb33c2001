"""Building the bank: every item the data proves, and a count of those it could not."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from quizgen.bank import authored, list_items, table_items, term_items
from quizgen.bank.audit import check_item
from quizgen.bank.distractors import MAX_OPTIONS, MIN_DISTRACTORS
from quizgen.bank.facts import Facts
from quizgen.bank.item import KINDS, Bank, Item
from quizgen.bank.vocabulary import Vocabulary
from quizgen.data.model import Dataset

# No wrong option may appear in more than this share of the bank's items: a distractor seen
# in hundreds of items teaches students to eliminate it, not the content.
MAX_DISTRACTOR_SHARE = 0.03


def _within_rules(item: Item, words: Vocabulary) -> Item:
    """The item with as many distractors as it can show without breaking an item-writing rule.

    Rules such as "no stem word only in the key" depend on which options are shown, so the
    item is checked at every size from three options up; it keeps the largest that passes.
    """
    best = 0
    for options in range(MIN_DISTRACTORS + 1, min(MAX_OPTIONS, len(item.distractors) + 1) + 1):
        if check_item(item, options, words):
            break
        best = options - 1
    return replace(item, distractors=item.distractors[:best])


def _spread_distractors(items: list[Item]) -> list[Item]:
    """Each item keeps only distractors still under the share limit; items with the fewest
    distractors choose first, so they are not starved by items that have many."""
    limit = max(1, math.floor(MAX_DISTRACTOR_SHARE * len(items)))
    used: Counter[str] = Counter()
    kept: dict[str, Item] = {}
    for item in sorted(items, key=lambda i: (len(i.distractors), i.id)):
        fresh = tuple(d for d in item.distractors if used[d.text] < limit)
        if len(fresh) >= MIN_DISTRACTORS:
            used.update(d.text for d in fresh[: MAX_OPTIONS - 1])
            kept[item.id] = replace(item, distractors=fresh[: MAX_OPTIONS - 1])
    return [kept[i.id] for i in items if i.id in kept]


def build_bank(data: Dataset) -> Bank:
    facts = Facts(data)
    words = Vocabulary.of(data)
    candidates: list[Item] = [
        *table_items.items(facts),
        *list_items.items(facts),
        *term_items.items(facts),
        *authored.items(data),
    ]
    retired = {r.id for r in data.retired}
    # The same question reached twice (two tables by one author, or two names of one family
    # with the same values) is asked once, under the smallest id; a retired item never.
    first: dict[tuple[str, str, frozenset[str]], str] = {}
    for candidate in sorted(candidates, key=lambda i: i.id):
        same = (candidate.kind, candidate.key, frozenset(d.text for d in candidate.distractors))
        first.setdefault(same, candidate.id)
    wanted = set(first.values()) - retired
    kept: dict[str, Item] = {}
    dropped: Counter[str] = Counter()
    for candidate in candidates:
        if candidate.id in kept or candidate.id not in wanted:
            continue
        item = candidate if candidate.kind == "scenario" else _within_rules(candidate, words)
        if len(item.distractors) < MIN_DISTRACTORS:
            dropped[item.kind] += 1
        else:
            kept[item.id] = item
    spread = list(kept.values())
    # Dropping items changes the limit, so repeat until the bank is stable.
    while len(settled := _spread_distractors(spread)) != len(spread):
        still = {i.id for i in settled}
        dropped.update(i.kind for i in spread if i.id not in still)
        spread = settled
    ordered = sorted(settled, key=lambda i: (KINDS.index(i.kind), i.id))
    return Bank(items=tuple(ordered), dropped=dropped)
