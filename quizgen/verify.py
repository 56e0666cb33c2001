"""An independent check of bank items: re-prove each key and each distractor from the data.

This module shares no code with the generator (quizgen.bank): it reads the model directly,
so a mistake in the generator's reasoning shows up here as a failed item, not as a
mistake repeated. It returns problems; an empty list means the item is proven.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from quizgen.model import Dataset, ListCell, TextCell


class _Choice(Protocol):
    @property
    def text(self) -> str: ...


class _Item(Protocol):
    """What the checker reads of an item (a `quizgen.bank.Item` has all of it)."""

    @property
    def kind(self) -> str: ...
    @property
    def stem(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def distractors(self) -> tuple[_Choice, ...]: ...
    @property
    def source(self) -> str: ...
    @property
    def quote(self) -> str: ...
    @property
    def basis(self) -> object: ...


def _tokens(value: str) -> list[str]:
    out = []
    for token in re.findall(r"\w+", value.lower()):
        if token in ("a", "an", "the"):
            continue
        if len(token) > 3 and token[-1] == "s" and token[-2] != "s":
            token = token[:-1]
        out.append(token)
    return out


def _same(a: str, b: str) -> bool:
    """One value's words appear, in order and adjacent, in the other's."""
    x, y = _tokens(a), _tokens(b)
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


class Checker:
    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.values: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        for comparison in data.comparisons:
            for row in comparison.rows:
                for type_id, cell in row.cells.items():
                    found = self.values.setdefault((type_id, row.dimension), [])
                    if isinstance(cell, TextCell):
                        found.append((cell.value, cell.quote, comparison.id))
                    elif isinstance(cell, ListCell):
                        found += [(i.value, i.quote, comparison.id) for i in cell.items]
        self.alias: dict[str, set[str]] = {t.id: set() for t in data.types}
        for massage_type in data.types:
            for synonym in massage_type.synonyms:
                for term in synonym.terms:
                    self.alias[massage_type.id].add(term)
                    self.alias.setdefault(term, set()).add(massage_type.id)

    # -- facts --------------------------------------------------------------------------

    def true_of(self, value: str, type_id: str, dimension: str) -> bool | None:
        """True if some source gives the value (or a value it overlaps) for the type or a type
        equated with it; False if the type has known values and none overlaps; None if unknown."""
        own = self.values.get((type_id, dimension), [])
        related = [
            v for t in self.alias.get(type_id, ()) for v in self.values.get((t, dimension), [])
        ]
        if any(_same(value, v) for v, _, _ in own + related):
            return True
        return False if own else None

    def held_by_other(self, value: str, type_id: str, dimension: str) -> bool:
        return any(
            t != type_id and t not in self.alias.get(type_id, ()) and v == value
            for (t, dim), found in self.values.items()
            if dim == dimension
            for v, _, _ in found
        )

    # -- items --------------------------------------------------------------------------

    def check(self, item: _Item) -> list[str]:
        options = [item.key, *(d.text for d in item.distractors)]
        problems = []
        if len({o.casefold() for o in options}) != len(options):
            problems.append("options repeat")
        if not item.stem.endswith("?"):
            problems.append("stem is not a question")
        basis = dict(item.basis)  # type: ignore[call-overload]
        check = getattr(self, "_" + item.kind.replace("-", "_"), None)
        if check is None:
            return [*problems, f"unknown kind {item.kind!r}"]
        problems += list(check(item, basis))
        return problems

    def _cell_fact(self, item: _Item, basis: dict[str, str], value: str) -> Iterator[str]:
        comparison = self.data.comparison(basis["comparison"])
        row = comparison.row(basis["dimension"])
        if row is None or basis["type"] not in row.cells:
            yield "the table has no such cell"
            return
        cell = row.cells[basis["type"]]
        pairs = (
            [(cell.value, cell.quote)]
            if isinstance(cell, TextCell)
            else [(i.value, i.quote) for i in cell.items]
            if isinstance(cell, ListCell)
            else []
        )
        if (value, item.quote) not in pairs:
            yield f"key {value!r} with its quote is not in the cell it cites"
        if item.source != comparison.source:
            yield "source is not the table's source"

    def _wrong_values(self, item: _Item, type_id: str, dimension: str) -> Iterator[str]:
        for d in item.distractors:
            if self.true_of(d.text, type_id, dimension) is not False:
                yield f"distractor {d.text!r} is not proven wrong for {type_id}"
            elif not self.held_by_other(d.text, type_id, dimension):
                yield f"distractor {d.text!r} is no other type's value"

    def _value(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        yield from self._cell_fact(item, basis, item.key)
        yield from self._wrong_values(item, basis["type"], basis["dimension"])

    _list = _value

    def _discriminator(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        yield from self._value(item, basis)
        if self.true_of(item.key, basis["other"], basis["dimension"]) is not False:
            yield f"key is not proven absent from {basis['other']}'s list"

    def _statement(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        labels = {d.label: d.id for d in self.data.dimensions}
        dimension = self.data.dimension(basis["dimension"])
        prefix = dimension.label + ": "
        if not item.key.startswith(prefix):
            yield "key is not a statement on its dimension"
            return
        yield from self._cell_fact(item, basis, item.key.removeprefix(prefix))
        for d in item.distractors:
            label, _, value = d.text.partition(": ")
            dim = labels.get(label)
            if dim is None or dim == basis["dimension"]:
                yield f"distractor {d.text!r} is not a statement on another dimension"
            elif self.true_of(value, basis["type"], dim) is not False:
                yield f"distractor {d.text!r} is not proven wrong for {basis['type']}"
            elif not self.held_by_other(value, basis["type"], dim):
                yield f"distractor {d.text!r} is no other type's value"

    def _which_type(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        asked = self.data.type(basis["type"])
        if item.key != asked.name:
            yield "key is not the asked type"
        comparison = self.data.comparison(basis["comparison"])
        row = comparison.row(basis["dimension"])
        cell = row.cells.get(basis["type"]) if row else None
        if not isinstance(cell, TextCell) or not item.stem.startswith(
            f"{self.data.dimension(basis['dimension']).label}: {cell.value}."
        ):
            yield "stem does not state the cell's value"
            return
        by_name = {t.name: t.id for t in self.data.types}
        for d in item.distractors:
            other = by_name.get(d.text)
            if other is None or other == asked.id or other in self.alias.get(asked.id, ()):
                yield f"distractor {d.text!r} is not a distinct type"
            elif self.true_of(cell.value, other, basis["dimension"]) is not False:
                yield f"distractor {d.text!r} is not proven to differ"

    def _term(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        term = self.data.term(basis["term"])
        if item.key != term.definition or item.quote != term.quote:
            yield "key is not the term's definition"
        others = {t.definition for t in self.data.glossary if t.id != term.id}
        yield from (
            f"{d.text!r} is no other term's definition"
            for d in item.distractors
            if d.text not in others
        )

    def _term_name(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        term = self.data.term(basis["term"])
        if item.key != term.term or term.definition not in item.stem:
            yield "key or stem does not match the term"
        others = {t.term for t in self.data.glossary if t.id != term.id}
        yield from (
            f"{d.text!r} is no other term" for d in item.distractors if d.text not in others
        )

    def _source_sets(self, source: str) -> tuple[set[str], dict[str, set[str]]]:
        """Types a source uses, and for each the types it equates with it."""
        used = {t.id for t in self.data.types if any(d.source == source for d in t.definitions)}
        used |= {t for c in self.data.comparisons if c.source == source for t in c.types}
        same: dict[str, set[str]] = {}
        for massage_type in self.data.types:
            for synonym in massage_type.synonyms:
                if synonym.source == source:
                    group = {massage_type.id, *synonym.terms}
                    for member in group:
                        same.setdefault(member, set()).update(group - {member})
        return used, same

    def _definition(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        source, type_id = basis["source"], basis["type"]
        mine = [d for d in self.data.type(type_id).definitions if d.source == source]
        if (item.key, item.quote) not in [(d.text, d.quote) for d in mine]:
            yield "key is not the source's definition of the type"
        used, same = self._source_sets(source)
        for d in item.distractors:
            owners = [
                t.id
                for t in self.data.types
                if any(x.source == source and x.text == d.text for x in t.definitions)
            ]
            if not owners or any(
                o == type_id or o in same.get(type_id, set()) or o not in used for o in owners
            ):
                yield f"distractor {d.text!r} is not the source's definition of another type"
            if any(_same(d.text, x.text) for x in mine):
                yield f"distractor {d.text!r} repeats a definition of the asked type"

    def _synonym(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        source, type_id = basis["source"], basis["type"]
        used, same = self._source_sets(source)
        by_name = {t.name: t.id for t in self.data.types}
        if by_name.get(item.key) not in same.get(type_id, set()):
            yield "key is not a name the source equates with the type"
        for d in item.distractors:
            other = by_name.get(d.text)
            if (
                other is None
                or other not in used
                or other in same.get(type_id, set())
                or other == type_id
            ):
                yield f"distractor {d.text!r} is not a type the source keeps apart"

    def _scenario(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        authored = next((i for i in self.data.items if i.id == basis.get("item")), None)
        if authored is None:
            yield "no such authored item"
            return
        if item.key != authored.key or [d.text for d in item.distractors] != [
            d.text for d in authored.distractors
        ]:
            yield "options differ from the authored item"
        if item.quote != authored.quote or item.source != authored.source:
            yield "evidence differs from the authored item"
