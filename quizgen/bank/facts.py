"""The generator's view of the data: every value each source gives each type, and what may
prove a value wrong for a type.

These rules decide it (README, "Quizzes for a class", says them for users):
- Unknown is not different: a type with no known value on a dimension is never disproved there,
  and neither is anything missing from a list that gives only examples (`open_ended`).
- The named source answers: a wrong option is a value the item's own source gives another type.
- Names come in families: a value that any source gives for a type of the same family as the
  asked one (in that source's usage) is true of the asked type too.
- Typical is not exclusive: a value a source shows can also hold for a type (`also_true`) is
  never wrong for it.
- Words that mean the same (client / patient, `equivalents`) never make two values differ.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from quizgen.bank.similarity import Likeness
from quizgen.data.model import Comparison, Dataset, ListCell, TextCell


@dataclass(frozen=True)
class Known:
    """One value a source gives for a type on a dimension."""

    type: str
    dimension: str
    value: str
    quote: str
    comparison: Comparison
    claim: str | None  # the value as a full sentence, if the data gives one
    asked: bool  # False when the data marks it not for questions
    complete: bool = True  # False for an item of an open-ended list ("etc.", "such as")

    @property
    def source(self) -> str:
        return self.comparison.source


class Facts:
    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.like = Likeness(e.words for e in data.equivalents)
        self.text: dict[tuple[str, str], list[Known]] = defaultdict(list)
        self.items: dict[tuple[str, str], list[Known]] = defaultdict(list)
        for comparison in data.comparisons:
            for row in comparison.rows:
                for type_id, cell in row.cells.items():
                    key = (type_id, row.dimension)
                    if isinstance(cell, TextCell):
                        self.text[key].append(
                            Known(
                                type_id,
                                row.dimension,
                                cell.value,
                                cell.quote,
                                comparison,
                                cell.claim,
                                cell.not_for_questions is None,
                            )
                        )
                    elif isinstance(cell, ListCell):
                        self.items[key] += [
                            Known(
                                type_id,
                                row.dimension,
                                i.value,
                                i.quote,
                                comparison,
                                i.claim,
                                i.not_for_questions is None,
                                cell.open_ended is None,
                            )
                            for i in cell.items
                        ]
        # Indexes so that each item looks only at the values it can use: without them every
        # item would scan the whole data set, and the bank would grow with its square.
        self._on: dict[tuple[str, str], list[Known]] = defaultdict(list)
        # category -> (source, type) -> values given there, and values shown to also hold
        self._said: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for kind, cells in (("text", self.text), ("list", self.items)):
            for (_, dimension), values in cells.items():
                self._on[kind, dimension] += values
                category = data.dimension(dimension).category
                for k in values:
                    self._said[category][k.source, k.type].append(k.value)
        for also in data.also_true:
            category = data.dimension(also.dimension).category
            self._said[category][also.source, also.type].append(also.value)
        self.sense = _senses(data)
        self._said_of_kind: dict[tuple[str, str, str], tuple[str, ...]] = {}

    # -- who is whom ---------------------------------------------------------------------

    def same_kind(self, source: str, type_id: str, other_source: str, other_type: str) -> bool:
        """What `other_source` says of `other_type` may be said of `type_id` as `source` uses
        the name: the two are one sense (through a family or a source's synonyms), or
        `other_source` itself treats the two names as one."""
        theirs = self.sense(other_source, other_type)
        return theirs in (self.sense(source, type_id), self.sense(other_source, type_id))

    # -- what is true ---------------------------------------------------------------------

    def true_of(self, value: str, source: str, type_id: str, dimension: str) -> bool:
        """Some source gives `value` (or a value it overlaps) for the type as `source` uses
        the name, on this dimension or any of its category, or shows that it can also hold."""
        category = self.data.dimension(dimension).category
        return any(self.like.overlaps(value, k) for k in self._said_of(source, type_id, category))

    def _said_of(self, source: str, type_id: str, category: str) -> tuple[str, ...]:
        """The values `true_of` compares with, each once; the bank asks for the same few
        (source, type, category) again and again, so each is gathered once."""
        key = (source, type_id, category)
        if key not in self._said_of_kind:
            self._said_of_kind[key] = tuple(
                dict.fromkeys(
                    known
                    for (other_source, other_type), values in self._said[category].items()
                    if self.same_kind(source, type_id, other_source, other_type)
                    for known in values
                )
            )
        return self._said_of_kind[key]

    def known(self, type_id: str, dimension: str) -> list[Known]:
        return self.text.get((type_id, dimension), []) + self.items.get((type_id, dimension), [])

    def refutes(self, source: str, value: str, type_id: str, dimension: str) -> bool:
        """`source` gives the type a complete answer on the dimension (a value, or a list
        that is not open-ended), and `value` is proven wrong for it: no source gives it (or
        shows it can hold) for the type as `source` uses it."""
        said = [k for k in self.known(type_id, dimension) if k.source == source]
        complete = bool(said) and all(k.complete for k in said)
        return complete and not self.true_of(value, source, type_id, dimension)

    def beside(self, fact: Known, other_type: str) -> list[Known]:
        """The items of `other_type`'s list in the fact's own table and row."""
        return [
            k
            for k in self.items.get((other_type, fact.dimension), [])
            if k.comparison.id == fact.comparison.id
        ]

    def contrasts(self, fact: Known, other_type: str) -> bool:
        """The fact's table sets its value against `other_type`: the other column's list there
        has nothing like it, and no source gives it for `other_type` (as the table's source
        uses that name)."""
        theirs = self.beside(fact, other_type)
        return (
            bool(theirs)
            and not any(self.like.alike(fact.value, k.value) for k in theirs)
            and not self.true_of(fact.value, fact.source, other_type, fact.dimension)
        )

    def wrong_values(self, fact: Known, kind: str) -> list[Known]:
        """What the fact's own source gives other types on the fact's dimension, where it
        refutes them for the fact's type: one per distinct value, none like another, in data
        order. A value from another source is never used: the named source does not speak
        to it, so it cannot be what refutes it."""
        chosen: list[Known] = []
        for other in self._on.get((kind, fact.dimension), []):
            if (
                other.source == fact.source
                and other.asked
                and not self.same_kind(fact.source, fact.type, other.source, other.type)
                and not self.like.alike(other.value, fact.value)
                and self.refutes(fact.source, other.value, fact.type, fact.dimension)
                and not any(self.like.alike(other.value, c.value) for c in chosen)
            ):
                chosen.append(other)
        return chosen


def _senses(data: Dataset) -> Callable[[str, str], str]:
    """sense(source, type): one name for every (source, type) that the data's families and
    the sources' synonyms make one kind of service; the type's own id otherwise."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    joined: set[tuple[str, str]] = set()

    def join(a: tuple[str, str], b: tuple[str, str]) -> None:
        joined.update((a, b))
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    sources = [s.id for s in data.sources]
    for family in data.families:
        for member in family.members:
            for source in member.sources or sources:
                join(("family", family.id), (source, member.type))
    for massage_type in data.types:
        for synonym in massage_type.synonyms:
            for term in synonym.terms:
                join((synonym.source, massage_type.id), (synonym.source, term))

    # Every join is done: each joined node's name is worked out once, not at every call.
    names = {node: "/".join(find(node)) for node in joined}

    def sense(source: str, type_id: str) -> str:
        return names.get((source, type_id), type_id)

    return sense
