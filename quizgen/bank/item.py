"""One question of the bank: stem, key, every proven distractor with its reason, and evidence."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from types import MappingProxyType
from typing import Any


def plain_words(text: str) -> str:
    """Text as words alone, to compare: no case, punctuation or kind of quotation mark."""
    text = text.casefold().translate(str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''"))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


KINDS = (
    "value",  # the value of a dimension for a type
    "statement",  # which full-sentence statement on one dimension is true of a type
    "paired",  # which pair of statements on two dimensions is true of a type
    "vignette",  # a short case built from a type's facts, then a paired question
    "list",  # which item is on a type's list
    "discriminator",  # which item is on one type's list but not another's
    "term",  # what a glossary term means
    "term-name",  # which glossary term has a definition
    "definition",  # how a source defines a type
    "scenario",  # authored in data/
)
# Kinds that ask the student to apply knowledge to a case rather than recall it.
APPLICATION_KINDS = ("vignette", "scenario")
# Fields only the bank and its checker use: what a quiz's reader sees leaves them out.
INTERNAL_FIELDS = ("fact", "basis", "facets")


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
    # What a quiz asks at most once ("<kind of service>:<dimension>", "term:<id>"): an item
    # shares a quiz with no other item that has a facet in common.
    facets: tuple[str, ...] = ()

    @property
    def citation(self) -> str:
        """Where the key is proven: the source's title and its words."""
        return f"{self.source_title}: “{self.quote}”"

    def short_stem(self, length: int = 60) -> str:
        """What a list of questions names the item by: the start of its stem, on one line,
        cut at a word."""
        stem = " ".join(self.stem.split())
        if len(stem) <= length:
            return stem
        cut = stem.rfind(" ", 0, length)
        return stem[: cut if cut > 0 else length].rstrip(",;:") + "…"

    def citation_beyond(self, *said: str) -> str:
        """The citation, less what `said` already gives: the source's title alone where it
        quotes the source's words, nothing where it names the title as well."""
        told = " ".join(plain_words(text) for text in said)
        if plain_words(self.quote) not in told:
            return self.citation
        return "" if plain_words(self.source_title) in told else self.source_title

    def options(self, count: int) -> tuple[str, ...]:
        """The key and the first `count - 1` distractors, key first."""
        return (self.key, *(d.text for d in self.distractors[: count - 1]))

    # The one codec of an item: the bank's cache, the site's question bank and the JSON
    # export all write an item through `to_json`, and the cache reads it back here.

    def to_json(self, options: int | None = None) -> dict[str, Any]:
        """Every field as JSON values; with `options`, only the distractors shown with that
        many options."""
        shown = self.distractors if options is None else self.distractors[: options - 1]
        return {
            **{f.name: getattr(self, f.name) for f in fields(self)},
            "distractors": [asdict(d) for d in shown],
            "types": list(self.types),
            "basis": dict(self.basis),
            "facets": list(self.facets),
        }

    def public_json(self, options: int) -> dict[str, Any]:
        """What a quiz's reader needs of the item shown with `options` options."""
        return {k: v for k, v in self.to_json(options).items() if k not in INTERNAL_FIELDS}

    @classmethod
    def from_json(cls, stored: Mapping[str, Any]) -> Item:
        return cls(
            **{
                **stored,
                "distractors": tuple(Choice(**d) for d in stored["distractors"]),
                "types": tuple(stored["types"]),
                "basis": MappingProxyType(dict(stored["basis"])),
                "facets": tuple(stored["facets"]),
            }
        )


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
