"""Items on what words mean: glossary terms, and each source's names for the massage types."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.bank import wording
from quizgen.bank.choose import by_preference
from quizgen.bank.facts import Facts
from quizgen.bank.similarity import overlaps, words
from quizgen.item import Choice, Item, item_id
from quizgen.model import Dataset, Source, Term

CATEGORY = "terminology"


def items(facts: Facts) -> Iterator[Item]:
    data = facts.data
    if CATEGORY not in {c.id for c in data.categories}:
        return
    for term in data.glossary:
        yield term_item(data, term)
        yield term_name_item(data, term)
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


def term_item(data: Dataset, term: Term) -> Item:
    wrong = [
        Choice(other.definition, f"That describes {other.term}.")
        for other in data.glossary
        if other.id != term.id
        and not _related(term, other)
        and not any(overlaps(n, other.definition) for n in (term.term, *term.aka))
    ]
    stem = f"Which of the following describes {term.term}?"
    return _term_item(data, term, "term", stem, term.definition, wrong)


def term_name_item(data: Dataset, term: Term) -> Item:
    wrong = [
        Choice(other.term, f"{other.term} means: {other.definition}")
        for other in data.glossary
        if other.id != term.id and not _related(term, other)
    ]
    stem = f"Which term means the following: {term.definition}?"
    if any(w in words(term.definition) for n in (term.term, *term.aka) for w in words(n)):
        wrong = []  # the definition names the term: the item would give itself away
    return _term_item(data, term, "term-name", stem, term.term, wrong)


def _types_used_by(facts: Facts, source: Source) -> set[str]:
    """Types the source itself defines or compares: the only ones it can set apart."""
    data = facts.data
    used = {t.id for t in data.types if any(d.source == source.id for d in t.definitions)}
    used |= {t for c in data.comparisons if c.source == source.id for t in c.types}
    return used


def _equated_by(facts: Facts, source: Source, type_id: str) -> set[str]:
    same = set()
    for massage_type in facts.data.types:
        for synonym in massage_type.synonyms:
            if synonym.source != source.id:
                continue
            group = {massage_type.id, *synonym.terms}
            if type_id in group:
                same |= group - {type_id}
    return same


def definition_items(facts: Facts, source: Source) -> Iterator[Item]:
    """ "According to <source>, which of the following describes clinical massage?"."""
    data = facts.data
    for massage_type in data.types:
        mine = [d for d in massage_type.definitions if d.source == source.id]
        same = _equated_by(facts, source, massage_type.id)
        apart = _types_used_by(facts, source) - same
        # What the source says of this type, or of a type it equates with it, is true of it.
        true_of_it = [
            d.text
            for t in data.types
            if t.id == massage_type.id or t.id in same
            for d in t.definitions
            if d.source == source.id
        ]
        for definition in mine:
            wrong = [
                Choice(
                    other_def.text,
                    f'"{source.title}" says this of {wording.name(data, other.id)}.',
                )
                for other in data.types
                if other.id in apart and other.id != massage_type.id
                for other_def in other.definitions
                if other_def.source == source.id
                and not any(overlaps(other_def.text, text) for text in true_of_it)
            ]
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
    for massage_type in data.types:
        for synonym in massage_type.synonyms:
            if synonym.source != source.id:
                continue
            same = _equated_by(facts, source, massage_type.id)
            apart = _types_used_by(facts, source) - same - {massage_type.id}
            for term in synonym.terms:
                wrong = [
                    Choice(
                        data.type(t).name,
                        f'"{source.title}" treats {wording.name(data, t)} as a different type.',
                    )
                    for t in sorted(apart)
                ]
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
