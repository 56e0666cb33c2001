"""An independent check of bank items: re-prove each key and each distractor from the data.

This module shares no reasoning with the generator (the rest of quizgen.bank; it borrows
only the audit's test of whether a text spells out an acronym): it reads the model
directly, so a mistake in the generator's reasoning shows up here as a failed item, not as a
mistake repeated. Its limits (such as the 3% share) are written here again for the same
reason. It returns problems; an empty list means the item is proven.

What "proven" means (README, "Quizzes for a class"): a wrong option is wrong by every
source, taking the names the sources equate (families, synonyms) and what they show can also
hold; a stem that names a source is answered by that source alone; glossary options are
terms of one kind; no two items key each other's answers as wrong; no wrong option fills
more than 3% of the bank.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from quizgen.bank.audit import spells_out
from quizgen.data.model import Dataset, ListCell, TextCell

# Kinds made from one source's table or definitions: the stem names that source.
_SCOPED = ("value", "statement", "list", "discriminator", "paired", "vignette", "definition")
MAX_DISTRACTOR_SHARE = 0.03
# Words of a statement that is typical rather than defining ("the work can be heavy").
_TYPICAL = frozenset(
    {"can", "may", "might", "could", "typically", "usually", "often", "sometimes", "generally"}
    | {"most", "mostly"}
)


class _Choice(Protocol):
    @property
    def text(self) -> str: ...


class _Item(Protocol):
    """What the checker reads of an item (a `quizgen.bank.Item` has all of it)."""

    @property
    def id(self) -> str: ...
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


class Checker:
    def __init__(self, data: Dataset) -> None:
        self.data = data
        self._word = {
            w.lower().rstrip("s"): group.words[0].lower().rstrip("s")
            for group in data.equivalents
            for w in group.words
        }
        # (comparison, type, dimension) -> [(value, quote, claim)]
        self.cells: dict[tuple[str, str, str], list[tuple[str, str, str | None]]] = {}
        # (comparison, type, dimension, value) of values marked not for questions
        self.unasked: set[tuple[str, str, str, str]] = set()
        # (comparison, type, dimension) of lists that are not complete ("etc.")
        self.open_ended: set[tuple[str, str, str]] = set()
        # category -> [(source, type, value)]: every value given, and every value shown to hold
        self.said: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for comparison in data.comparisons:
            for row in comparison.rows:
                category = data.dimension(row.dimension).category
                for type_id, cell in row.cells.items():
                    found = self.cells.setdefault((comparison.id, type_id, row.dimension), [])
                    entries = (
                        [cell]
                        if isinstance(cell, TextCell)
                        else list(cell.items)
                        if isinstance(cell, ListCell)
                        else []
                    )
                    found += [(e.value, e.quote, e.claim) for e in entries]
                    if isinstance(cell, ListCell) and cell.open_ended:
                        self.open_ended.add((comparison.id, type_id, row.dimension))
                    self.unasked |= {
                        (comparison.id, type_id, row.dimension, e.value)
                        for e in entries
                        if e.not_for_questions
                    }
                    self.said[category] += [(comparison.source, type_id, v) for v, _, _ in found]
        for also in data.also_true:
            category = data.dimension(also.dimension).category
            self.said[category].append((also.source, also.type, also.value))
        self.groups = self._groups()

    # -- who is whom --------------------------------------------------------------------

    def _groups(self) -> list[set[tuple[str, str]]]:
        """Sets of (source, type) that are one kind of service, merged until disjoint."""
        sources = [s.id for s in self.data.sources]
        groups = [
            {(s, m.type) for m in family.members for s in (m.sources or sources)}
            for family in self.data.families
        ]
        groups += [
            {(synonym.source, t) for t in (massage_type.id, *synonym.terms)}
            for massage_type in self.data.types
            for synonym in massage_type.synonyms
        ]
        merged: list[set[tuple[str, str]]] = []
        for group in groups:
            for other in [m for m in merged if m & group]:
                group |= other
                merged.remove(other)
            merged.append(group)
        return merged

    def related(self, source: str, type_id: str, other_source: str, other_type: str) -> bool:
        """What other_source says of other_type can be said of type_id as source uses it."""
        if other_type == type_id:
            return True
        return any(
            (other_source, other_type) in g and ({(source, type_id), (other_source, type_id)} & g)
            for g in self.groups
        )

    # -- facts --------------------------------------------------------------------------

    def _tokens(self, value: str) -> list[str]:
        out = []
        for token in re.findall(r"\w+", value.lower()):
            if token in ("a", "an", "the"):
                continue
            if len(token) > 3 and token[-1] == "s" and token[-2] != "s":
                token = token[:-1]
            out.append(self._word.get(token, token))
        return out

    def same(self, a: str, b: str) -> bool:
        """One value's words appear, in order and adjacent, in the other's."""
        x, y = self._tokens(a), self._tokens(b)
        short, long = (x, y) if len(x) <= len(y) else (y, x)
        return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))

    def true_of(self, value: str, source: str, type_id: str, dimension: str) -> bool:
        category = self.data.dimension(dimension).category
        return any(
            self.same(value, v)
            for s, t, v in self.said[category]
            if self.related(source, type_id, s, t)
        )

    def wrong_for(self, value: str, source: str, type_id: str, dimension: str) -> bool:
        """The source gives the type a value here, and no source makes `value` true of it."""
        given = [
            (c.id, type_id, dimension)
            for c in self.data.comparisons
            if c.source == source and (c.id, type_id, dimension) in self.cells
        ]
        complete = bool(given) and not any(cell in self.open_ended for cell in given)
        return complete and not self.true_of(value, source, type_id, dimension)

    def said_by(self, value: str, source: str, dimension: str, asked: str) -> bool:
        """The source itself gives `value` for some other type on the dimension."""
        return any(
            value in [v for v, _, _ in found]
            for (comparison, type_id, dim), found in self.cells.items()
            if dim == dimension
            and type_id != asked
            and self.data.comparison(comparison).source == source
        )

    # -- items --------------------------------------------------------------------------

    def check(self, item: _Item) -> list[str]:
        options = [item.key, *(d.text for d in item.distractors)]
        problems = []
        if len({o.casefold() for o in options}) != len(options):
            problems.append("options repeat")
        if not item.stem.endswith("?"):
            problems.append("stem is not a question")
        if item.kind in _SCOPED:
            title = self.data.source(item.source).title
            if f'According to "{title}", ' not in item.stem:
                problems.append("stem does not name the item's source")
        proof = PROOFS.get(item.kind)
        if proof is None:
            return [*problems, f"unknown kind {item.kind!r}"]
        problems += list(proof(self, item, dict(item.basis)))  # type: ignore[call-overload]
        return problems

    def _cell(
        self, basis: dict[str, str], dimension: str, type_id: str | None = None
    ) -> list[tuple[str, str, str | None]]:
        return self.cells.get((basis["comparison"], type_id or basis["type"], dimension), [])

    def _cell_fact(self, item: _Item, basis: dict[str, str], value: str) -> Iterator[str]:
        if (value, item.quote) not in [(v, q) for v, q, _ in self._cell(basis, basis["dimension"])]:
            yield f"key {value!r} with its quote is not in the cell it cites"
        if (basis["comparison"], basis["type"], basis["dimension"], value) in self.unasked:
            yield f"key {value!r} is marked not for questions"
        if item.source != self.data.comparison(basis["comparison"]).source:
            yield "source is not the table's source"

    def _wrong_values(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        for d in item.distractors:
            if not self.wrong_for(d.text, item.source, basis["type"], basis["dimension"]):
                yield f"distractor {d.text!r} is not proven wrong for {basis['type']}"
            elif not self.said_by(d.text, item.source, basis["dimension"], basis["type"]):
                yield f"distractor {d.text!r} is not what the named source gives another type"

    def _value(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        yield from self._cell_fact(item, basis, item.key)
        yield from self._wrong_values(item, basis)

    def _list(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        yield from self._value(item, basis)
        comparison = self.data.comparison(basis["comparison"])
        for other in comparison.types:
            theirs = self._cell(basis, basis["dimension"], other) if other != basis["type"] else []
            if any(self.same(item.key, v) for v, _, _ in theirs):
                yield f"key is on {other}'s list in the same table too"

    def _discriminator(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        """The key is on the asked type's list and not the other's in the same table; each
        wrong option the other way round; no source gives either across the contrast."""
        yield from self._cell_fact(item, basis, item.key)
        asked, other, dim = basis["type"], basis["other"], basis["dimension"]
        mine = [v for v, _, _ in self._cell(basis, dim)]
        theirs = [v for v, _, _ in self._cell(basis, dim, other)]
        if any(self.same(item.key, v) for v in theirs) or self.true_of(
            item.key, item.source, other, dim
        ):
            yield f"key is not set against {other}'s list"
        for d in item.distractors:
            if d.text not in theirs:
                yield f"distractor {d.text!r} is not on {other}'s list in the table"
            elif any(self.same(d.text, v) for v in mine) or self.true_of(
                d.text, item.source, asked, dim
            ):
                yield f"distractor {d.text!r} is not proven wrong for {asked}"

    def _claims_on(self, dimension: str) -> dict[str, tuple[str, str, str]]:
        """claim -> (comparison, type, value) for every claimed cell on the dimension."""
        return {
            claim: (comparison, type_id, value)
            for (comparison, type_id, dim), found in self.cells.items()
            if dim == dimension
            for value, _, claim in found
            if claim
        }

    def _statement(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        mine = {c: v for v, _, c in self._cell(basis, basis["dimension"]) if c}
        if item.key not in mine:
            yield "key is not the claim of the cell it cites"
            return
        yield from self._cell_fact(item, basis, mine[item.key])
        claims = self._claims_on(basis["dimension"])
        for d in item.distractors:
            found = claims.get(d.text)
            if found is None:
                yield f"distractor {d.text!r} is no claim on the dimension"
            elif not self.wrong_for(found[2], item.source, basis["type"], basis["dimension"]):
                yield f"distractor {d.text!r} is not proven wrong for {basis['type']}"
            elif self.data.comparison(found[0]).source != item.source:
                yield f"distractor {d.text!r} is not what the named source says"

    def _paired(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        rows = (basis["dimension"], basis["second"])
        ours = [self._cell(basis, row) for row in rows]
        theirs = [self._cell(basis, row, basis["other"]) for row in rows]
        if not all(len(cell) == 1 and cell[0][2] for cell in ours + theirs):
            yield "a cell of the pair has no single claimed value"
            return
        for row, cells, type_id in (
            (rows[0], ours[0], basis["type"]),
            (rows[1], ours[1], basis["type"]),
            (rows[0], theirs[0], basis["other"]),
            (rows[1], theirs[1], basis["other"]),
        ):
            if (basis["comparison"], type_id, row, cells[0][0]) in self.unasked:
                yield f"{type_id}'s {row} is marked not for questions"
        right = [cell[0][2] or "" for cell in ours]
        if item.key != " ".join(right):
            yield "key is not the asked type's two claims"
        for side in (ours, theirs):
            if self.same(side[0][0][0], side[1][0][0]):
                yield "the two rows state one fact"
        for n, (_, _, claim) in enumerate(cell[0] for cell in theirs):
            if not self.wrong_for(theirs[n][0][0], item.source, basis["type"], rows[n]):
                yield f"{claim!r} is not proven wrong for {basis['type']}"
        alt = [cell[0][2] or "" for cell in theirs]
        wrong = {
            f"{alt[0] if a else right[0]} {alt[1] if b else right[1]}"
            for a, b in ((True, False), (False, True), (True, True))
        }
        for d in item.distractors:
            if d.text not in wrong:
                yield f"distractor {d.text!r} is not a combination with a wrong part"
        if self.related(item.source, basis["type"], item.source, basis["other"]):
            yield "the two types of the pair are one kind of service"

    def _vignette(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        yield from self._paired(item, basis)
        for row in basis["case"].split():
            claims = [c for _, _, c in self._cell(basis, row) if c]
            if claims and set(re.findall(r"\w+", claims[0].lower())) & _TYPICAL:
                yield f"the case's {row} is only typical, so it identifies nothing"
            theirs = self._cell(basis, row, basis["other"])
            if not claims or claims[0] not in item.stem:
                yield f"the case does not state the asked type's {row}"
            elif not theirs or not self.wrong_for(theirs[0][0], item.source, basis["type"], row):
                yield f"the case's {row} does not set the asked type apart"
            elif not self.wrong_for(
                next(v for v, _, c in self._cell(basis, row) if c == claims[0]),
                item.source,
                basis["other"],
                row,
            ):
                yield f"the case's {row} could describe {basis['other']} too"

    def _term(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        term = self.data.term(basis["term"])
        if item.key != term.definition or item.quote != term.quote:
            yield "key is not the term's definition"
        if term.kind is None or term.not_for_questions is not None:
            yield "the term is not to be asked"
        if any(spells_out(n, item.key) for n in (term.term, *term.aka)):
            yield "key spells out the acronym"
        same_kind = {t.definition for t in self.data.glossary if t.kind == term.kind}
        yield from (
            f"{d.text!r} is no definition of another term of the same kind"
            for d in item.distractors
            if d.text not in same_kind - {term.definition}
        )

    def _term_name(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        term = self.data.term(basis["term"])
        if item.key != term.term or term.definition.rstrip(".") not in item.stem:
            yield "key or stem does not match the term"
        if term.kind is None or term.not_for_questions is not None:
            yield "the term is not to be asked"
        same_kind = {t.term for t in self.data.glossary if t.kind == term.kind}
        yield from (
            f"{d.text!r} is no other term of the same kind"
            for d in item.distractors
            if d.text not in same_kind - {term.term}
        )
        yield from (
            f"{d.text!r} is named in the definition, so it may fit it too"
            for d in item.distractors
            if self.same(d.text, term.definition) and d.text.lower() in term.definition.lower()
        )

    def _definition(self, item: _Item, basis: dict[str, str]) -> Iterator[str]:
        source, type_id = basis["source"], basis["type"]
        mine = [
            d
            for d in self.data.type(type_id).definitions
            if d.source == source and d.not_for_questions is None
        ]
        if (item.key, item.quote) not in [(d.text, d.quote) for d in mine]:
            yield "key is not the source's definition of the type"
        true_of_it = [
            d.text
            for t in self.data.types
            for d in t.definitions
            if self.related(source, type_id, d.source, t.id)
        ]
        for choice in item.distractors:
            owners = [
                t.id
                for t in self.data.types
                if any(x.source == source and x.text == choice.text for x in t.definitions)
            ]
            if not owners or any(self.related(source, type_id, source, o) for o in owners):
                yield f"distractor {choice.text!r} is not the source's definition of another type"
            if any(self.same(choice.text, t) for t in true_of_it):
                yield f"distractor {choice.text!r} is said of the asked type too"
            first = self._tokens(self.data.type(type_id).name)[0]
            if first in self._tokens(choice.text):
                yield f"distractor {choice.text!r} names the asked type"

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

    def _topic(self, item: _Item) -> str:
        basis = dict(item.basis)  # type: ignore[call-overload]
        if "dimension" in basis:
            return self.data.dimension(basis["dimension"]).category
        return item.kind

    # -- the bank as a whole ------------------------------------------------------------

    def check_bank(self, items: Sequence[_Item]) -> list[str]:
        """Rules no single item shows: retired ids stay out, no wrong option is common,
        and no item marks wrong what another keys right for the same kind of service."""
        problems = []
        retired = {r.id for r in self.data.retired}
        problems += [f"{i.id}: retired, but in the bank" for i in items if i.id in retired]
        uses: dict[str, int] = defaultdict(int)
        for item in items:
            for d in item.distractors:
                uses[d.text] += 1
        limit = max(1, math.floor(MAX_DISTRACTOR_SHARE * len(items)))
        problems += [
            f"wrong option {text!r} is in {n} items (at most {limit})"
            for text, n in uses.items()
            if n > limit
        ]
        wrong_in: dict[str, list[_Item]] = defaultdict(list)
        for item in items:
            for d in item.distractors:
                wrong_in[d.text].append(item)
        for item in items:
            asked = dict(item.basis)  # type: ignore[call-overload]
            if "type" not in asked:
                continue
            for other in wrong_in.get(item.key, []):
                theirs = dict(other.basis)  # type: ignore[call-overload]
                # A value is a claim about one topic ("Yes" to billing); the same words on
                # another category's dimension, or as a definition, are another claim.
                if (
                    "type" in theirs
                    and self._topic(item) == self._topic(other)
                    and self.related(other.source, theirs["type"], item.source, asked["type"])
                ):
                    problems.append(f"{item.id} keys what {other.id} marks wrong")
        return problems


# How each kind of item is proved. A kind missing here is refused as unknown.
PROOFS: dict[str, Callable[[Checker, _Item, dict[str, str]], Iterator[str]]] = {
    "value": Checker._value,
    "statement": Checker._statement,
    "paired": Checker._paired,
    "vignette": Checker._vignette,
    "list": Checker._list,
    "discriminator": Checker._discriminator,
    "term": Checker._term,
    "term-name": Checker._term_name,
    "definition": Checker._definition,
    "scenario": Checker._scenario,
}
