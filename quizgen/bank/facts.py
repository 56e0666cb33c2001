"""The generator's view of the data: every known value of every type, and who equates whom.

Unknown is not different: a type with no known value on a dimension never appears here for
that dimension, so it can never be used to disprove anything there.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from quizgen.bank.similarity import overlaps
from quizgen.model import Comparison, Dataset, ListCell, TextCell


@dataclass(frozen=True)
class Known:
    """One value a source gives for a type on a dimension."""

    type: str
    dimension: str
    value: str
    quote: str
    comparison: Comparison


# (type, dimension, the values a source gives for that type there)
Cell = tuple[str, str, list[Known]]


class Facts:
    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.text: dict[tuple[str, str], list[Known]] = defaultdict(list)
        self.items: dict[tuple[str, str], list[Known]] = defaultdict(list)
        for comparison in data.comparisons:
            for row in comparison.rows:
                for type_id, cell in row.cells.items():
                    key = (type_id, row.dimension)
                    if isinstance(cell, TextCell):
                        self.text[key].append(
                            Known(type_id, row.dimension, cell.value, cell.quote, comparison)
                        )
                    elif isinstance(cell, ListCell):
                        self.items[key] += [
                            Known(type_id, row.dimension, i.value, i.quote, comparison)
                            for i in cell.items
                        ]
        # Indexes so that each item looks only at the values it can use: without them every
        # item would scan the whole data set, and the bank would grow with its square.
        self._on: dict[tuple[str, str], list[Known]] = defaultdict(list)
        self._cells_on: dict[str, list[tuple[int, Cell]]] = defaultdict(list)
        self._dimensions_of: dict[str, set[str]] = defaultdict(set)
        cells = [("text", k, v) for k, v in self.text.items()]
        cells += [("list", k, v) for k, v in self.items.items()]
        for order, (kind, (type_id, dimension), values) in enumerate(cells):
            self._on[kind, dimension] += values
            self._cells_on[dimension].append((order, (type_id, dimension, values)))
            self._dimensions_of[type_id].add(dimension)
        self._discrepancies_on: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for discrepancy in data.discrepancies:
            if discrepancy.dimension is not None:
                self._discrepancies_on[discrepancy.dimension].append(discrepancy.types)
        self.equated: dict[str, set[str]] = defaultdict(set)
        for massage_type in data.types:
            for synonym in massage_type.synonyms:
                for other in synonym.terms:
                    self.equated[massage_type.id].add(other)
                    self.equated[other].add(massage_type.id)

    def distinct(self, a: str, b: str) -> bool:
        """Different types that no source treats as the same type."""
        return a != b and b not in self.equated[a]

    def known(self, type_id: str, dimension: str) -> list[Known]:
        return self.text.get((type_id, dimension), []) + self.items.get((type_id, dimension), [])

    def disproves(self, value: str, type_id: str, dimension: str) -> bool:
        """The type has known values on the dimension and `value` is none of them.

        Values a source gives for a type it equates with this one count as this type's too.
        """
        known = self.known(type_id, dimension)
        also = [k for t in self.equated[type_id] for k in self.known(t, dimension)]
        return bool(known) and not any(overlaps(value, k.value) for k in known + also)

    def disputed(self, type_id: str, dimension: str) -> bool:
        """Sources give this type different values here, or a recorded disagreement says so."""
        values = [k.value for k in self.text.get((type_id, dimension), [])]
        if any(not overlaps(a, b) for a in values for b in values):
            return True
        disagreements = self._discrepancies_on.get(dimension, [])
        return any(not types or type_id in types for types in disagreements)

    def wrong_values(self, fact: Known, kind: str) -> list[Known]:
        """Other types' values on the fact's dimension proven false of the fact's type,
        one per distinct value, in data order."""
        chosen: list[Known] = []
        for other in self.others_on(fact.dimension, kind):
            if (
                self.distinct(fact.type, other.type)
                and self.disproves(other.value, fact.type, fact.dimension)
                and not any(overlaps(other.value, c.value) for c in chosen)
            ):
                chosen.append(other)
        return chosen

    def cells_beside(self, type_id: str) -> list[Cell]:
        """Every cell on a dimension where `type_id` has values too, in data order: only
        these can be proven false of it."""
        cells = [c for d in self._dimensions_of.get(type_id, ()) for c in self._cells_on[d]]
        return [cell for _, cell in sorted(cells, key=lambda c: c[0])]

    def others_on(self, dimension: str, kind: str) -> list[Known]:
        """Every known value on a dimension, text cells or list items, in data order."""
        return self._on.get((kind, dimension), [])
