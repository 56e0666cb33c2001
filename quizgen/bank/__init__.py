"""The question bank: every item the data proves, and a count of those it could not."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from quizgen.audit import check_item
from quizgen.bank import authored, list_items, table_items, term_items
from quizgen.bank.choose import MAX_OPTIONS, MIN_DISTRACTORS
from quizgen.bank.facts import Facts
from quizgen.item import KINDS, Bank, Choice, Item
from quizgen.model import Dataset

__all__ = ["KINDS", "MAX_OPTIONS", "MIN_DISTRACTORS", "Bank", "Choice", "Item", "build_bank"]


def _within_rules(item: Item, data: Dataset) -> Item:
    """The item with as many distractors as it can show without breaking an item-writing rule.

    Rules such as "no stem word only in the key" depend on which options are shown, so the
    item is checked at every size from three options up; it keeps the largest that passes.
    """
    best = 0
    for options in range(MIN_DISTRACTORS + 1, min(MAX_OPTIONS, len(item.distractors) + 1) + 1):
        if check_item(item, options, data):
            break
        best = options - 1
    return replace(item, distractors=item.distractors[:best])


def build_bank(data: Dataset) -> Bank:
    facts = Facts(data)
    candidates = [
        *table_items.items(facts),
        *list_items.items(facts),
        *term_items.items(facts),
        *authored.items(data),
    ]
    kept: dict[str, Item] = {}
    dropped: Counter[str] = Counter()
    for candidate in candidates:
        if candidate.id in kept:
            continue  # the same fact reached twice (e.g. the same value in two rows)
        item = candidate if candidate.kind == "scenario" else _within_rules(candidate, data)
        if len(item.distractors) < MIN_DISTRACTORS:
            dropped[item.kind] += 1
        else:
            kept[item.id] = item
    ordered = sorted(kept.values(), key=lambda i: (KINDS.index(i.kind), i.id))
    return Bank(items=tuple(ordered), dropped=dropped)
