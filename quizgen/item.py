"""One question of the bank: stem, key, every proven distractor with its reason, and evidence."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

KINDS = (
    "value",  # the value of a dimension for a type
    "which-type",  # which type has a value
    "statement",  # which statement is true of a type
    "list",  # which item is on a type's list
    "discriminator",  # which item is on one type's list but not another's
    "term",  # what a glossary term means
    "term-name",  # which glossary term has a definition
    "definition",  # how a source defines a type
    "synonym",  # which names a source treats as one type
    "scenario",  # authored in data/
)


@dataclass(frozen=True)
class Choice:
    """A wrong option and the one-line reason it is wrong."""

    text: str
    why: str
    comparison: str | None = None  # where the option's value comes from, if from a table


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    fact: str  # what the item tests; a quiz asks each fact at most once
    stem: str
    key: str
    distractors: tuple[Choice, ...]  # proven distractors, the best first
    rationale: str
    source: str
    source_title: str
    quote: str
    category: str
    area: str
    types: tuple[str, ...] = ()
    comparison: str | None = None
    # The references an independent checker needs to re-prove the item from the data.
    basis: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def options(self, count: int) -> tuple[str, ...]:
        """The key and the first `count - 1` distractors, key first."""
        return (self.key, *(d.text for d in self.distractors[: count - 1]))


@dataclass(frozen=True)
class Bank:
    items: tuple[Item, ...]
    dropped: Counter[str]  # kind -> items not emitted for lack of proven distractors

    def usable(self, options: int) -> tuple[Item, ...]:
        """Items with enough proven distractors for `options` options."""
        return tuple(i for i in self.items if len(i.distractors) >= options - 1)


def item_id(kind: str, *fact: str) -> str:
    """A stable id from the fact an item asks about: the same fact gives the same id."""
    digest = hashlib.sha256("\x1f".join((kind, *fact)).encode("utf-8")).hexdigest()
    return f"{kind}-{digest[:12]}"
