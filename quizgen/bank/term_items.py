"""Items on what words mean: glossary terms, and each source's names for the massage types."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quizgen.bank import wording
from quizgen.bank.choose import Pool, by_preference
from quizgen.bank.facts import Facts
from quizgen.bank.similarity import overlaps, words
from quizgen.item import Choice, Item, item_id
from quizgen.model import Dataset, Source, Term

CATEGORY = "terminology"


def items(facts: Facts) -> Iterator[Item]:
    data = facts.data
    if CATEGORY not in {c.id for c in data.categories}:
        return
    definitions = Pool(
        (t, Choice(t.definition, f"That describes {t.term}.")) for t in data.glossary
    )
    names = Pool((t, Choice(t.term, f"{t.term} means: {t.definition}")) for t in data.glossary)
    for term in data.glossary:
        yield term_item(data, term, definitions)
        yield term_name_item(data, term, names)
    for source in data.sources:
        yield from definition_items(facts, source)
        yield from synonym_items(facts, source)


def _related(a: Term, b: Term) -> bool:
    """Terms whose names share a word ("trigger point", "active trigger point") are kept apart."""
    names_a = {w for n in (a.term, *a.aka) for w in words(n) if len(w) > 3}
    names_b = {w for n in (b.term, *b.aka) for w in words(n) if len(w) > 3}
    return bool(names_a & names_b) or overlaps(a.definition, b.definition)


def _area(data: Dataset, term: Term | None = None) -> str:
    if term is not None and term.area is not None:
        return term.area
    return data.category(CATEGORY).area or data.exam.areas[0].id


def _term_item(
    data: Dataset, term: Term, kind: str, stem: str, key: str, wrong: list[Choice]
) -> Item:
    source = data.source(term.source)
    return Item(
        id=item_id(kind, term.id),
        kind=kind,
        fact=f"term:{term.id}",
        stem=stem,
        key=key,
        distractors=tuple(by_preference(wrong, key, None)),
        rationale=f"{term.term}: {term.definition} ({wording.cited(source, term.quote)}).",
        source=source.id,
        source_title=source.title,
        quote=term.quote,
        category=CATEGORY,
        area=_area(data, term),
        basis={"term": term.id},
    )


def term_item(data: Dataset, term: Term, definitions: Pool[Term]) -> Item:
    wrong = definitions.best(
        term.definition,
        lambda other: (
            other.id != term.id
            and not _related(term, other)
            and not any(overlaps(n, other.definition) for n in (term.term, *term.aka))
        ),
    )
    stem = f"Which of the following describes {term.term}?"
    return _term_item(data, term, "term", stem, term.definition, wrong)


def term_name_item(data: Dataset, term: Term, names: Pool[Term]) -> Item:
    stem = f"Which term means the following: {term.definition}?"
    if any(w in words(term.definition) for n in (term.term, *term.aka) for w in words(n)):
        wrong = []  # the definition names the term: the item would give itself away
    else:
        wrong = names.best(
            term.term, lambda other: other.id != term.id and not _related(term, other)
        )
    return _term_item(data, term, "term-name", stem, term.term, wrong)


@dataclass(frozen=True)
class _SourceView:
    """What one source says about the types, worked out once for all of its items."""

    used: set[str]  # types the source defines or compares: the only ones it can set apart
    same: dict[str, set[str]]  # type -> the types the source says are the same type
    said: dict[str, list[str]]  # type -> the source's definitions of it

    @classmethod
    def of(cls, data: Dataset, source: Source) -> _SourceView:
        said: dict[str, list[str]] = defaultdict(list)
        same: dict[str, set[str]] = defaultdict(set)
        for massage_type in data.types:
            said[massage_type.id] += [
                d.text for d in massage_type.definitions if d.source == source.id
            ]
            for synonym in massage_type.synonyms:
                if synonym.source == source.id:
                    group = {massage_type.id, *synonym.terms}
                    for member in group:
                        same[member] |= group - {member}
        used = {t for t, texts in said.items() if texts}
        used |= {t for c in data.comparisons if c.source == source.id for t in c.types}
        return cls(used, same, said)

    def apart_from(self, type_id: str) -> Callable[[str], bool]:
        """Whether the source treats a type as a different type from `type_id`."""
        same = self.same[type_id] | {type_id}
        return lambda other: other not in same

    def not_said_of(self, type_id: str) -> Callable[[tuple[str, str]], bool]:
        """Whether a (type, definition) of this source is proven not to describe `type_id`:
        it is of a type set apart, and like nothing the source says of `type_id` or its equals
        (which is true of it too)."""
        apart = self.apart_from(type_id)
        true_of_it = [text for t in (type_id, *self.same[type_id]) for text in self.said[t]]
        return lambda other: apart(other[0]) and not any(overlaps(other[1], t) for t in true_of_it)


def definition_items(facts: Facts, source: Source) -> Iterator[Item]:
    """ "According to <source>, which of the following describes clinical massage?"."""
    data = facts.data
    view = _SourceView.of(data, source)
    definitions = Pool(
        (
            (other.id, text),
            Choice(text, f'"{source.title}" says this of {wording.name(data, other.id)}.'),
        )
        for other in data.types
        if other.id in view.used
        for text in view.said[other.id]
    )
    for massage_type in data.types:
        mine = [d for d in massage_type.definitions if d.source == source.id]
        not_said_of_it = view.not_said_of(massage_type.id)
        for definition in mine:
            wrong = definitions.best(definition.text, not_said_of_it)
            stem = wording.according_to(
                source, f"Which of the following describes {wording.name(data, massage_type.id)}?"
            )
            yield Item(
                id=item_id("definition", source.id, massage_type.id, definition.text),
                kind="definition",
                fact=f"definition:{source.id}:{massage_type.id}:{definition.text.casefold()}",
                stem=stem,
                key=definition.text,
                distractors=tuple(by_preference(wrong, definition.text, None)),
                rationale=(
                    f"{wording.capitalised(wording.name(data, massage_type.id))}: "
                    f"{wording.cited(source, definition.quote)}."
                ),
                source=source.id,
                source_title=source.title,
                quote=definition.quote,
                category=CATEGORY,
                area=_area(data),
                types=(massage_type.id,),
                basis={"source": source.id, "type": massage_type.id},
            )


def synonym_items(facts: Facts, source: Source) -> Iterator[Item]:
    """ "According to <source>, which name means the same type as rehabilitative massage?"."""
    data = facts.data
    view = _SourceView.of(data, source)
    names = Pool(
        (
            t,
            Choice(
                data.type(t).name,
                f'"{source.title}" treats {wording.name(data, t)} as a different type.',
            ),
        )
        for t in sorted(view.used)
    )
    for massage_type in data.types:
        apart = view.apart_from(massage_type.id)
        for synonym in massage_type.synonyms:
            if synonym.source != source.id:
                continue
            for term in synonym.terms:
                wrong = names.best(data.type(term).name, apart)
                stem = wording.according_to(
                    source,
                    f"Which name means the same type as {wording.name(data, massage_type.id)}?",
                )
                yield Item(
                    id=item_id("synonym", source.id, massage_type.id, term),
                    kind="synonym",
                    fact=f"synonym:{source.id}:{'/'.join(sorted((massage_type.id, term)))}",
                    stem=stem,
                    key=data.type(term).name,
                    distractors=tuple(by_preference(wrong, data.type(term).name, None)),
                    rationale=(
                        f"{wording.capitalised(wording.name(data, massage_type.id))} is also "
                        f"called {wording.name(data, term)}: "
                        f"{wording.cited(source, synonym.quote)}."
                    ),
                    source=source.id,
                    source_title=source.title,
                    quote=synonym.quote,
                    category=CATEGORY,
                    area=_area(data),
                    types=(massage_type.id, term),
                    basis={"source": source.id, "type": massage_type.id, "same": term},
                )
