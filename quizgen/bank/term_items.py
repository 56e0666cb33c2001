"""Items on what words mean: glossary terms, and each source's definitions of the types.

Glossary options come from terms of the same kind only (techniques with techniques,
organizations with organizations), so that every option is a plausible answer; a kind with
fewer than four askable terms gives no items.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

from quizgen.bank import wording
from quizgen.bank.audit import spells_out
from quizgen.bank.distractors import MAX_OPTIONS, Pool, by_preference
from quizgen.bank.facts import Facts
from quizgen.bank.item import Choice, Item, item_id
from quizgen.bank.item_builder import new_item
from quizgen.bank.similarity import LIGHT_WORDS, overlaps, words
from quizgen.data.model import Dataset, Source, Term

CATEGORY = "terminology"


def items(facts: Facts) -> Iterator[Item]:
    data = facts.data
    if CATEGORY not in {c.id for c in data.categories}:
        return
    askable = [t for t in data.glossary if t.kind is not None and t.not_for_questions is None]
    per_kind = Counter(t.kind for t in askable)
    askable = [t for t in askable if per_kind[t.kind] >= MAX_OPTIONS - 1]
    definitions = _pools(askable, lambda t: Choice(t.definition, f"That describes {t.term}."))
    names = _pools(askable, lambda t: Choice(t.term, f"{t.term}: {t.definition}"))
    nested = _nested_names(askable)
    for term in askable:
        yield term_item(data, term, definitions, nested)
        yield term_name_item(data, term, names, nested)
    for source in data.sources:
        yield from definition_items(facts, source)


# Where a glossary item's wrong options come from: its kind of term, its group first.
Scope = tuple[str | None, str | None]  # (kind, group), or (kind, None) for the whole kind


def _pools(terms: list[Term], choice: Callable[[Term], Choice]) -> dict[Scope, Pool[Term]]:
    """One pool per kind and per group within it: a pool of the whole glossary would be walked
    past every term of other kinds, and the bank would grow with the square of the glossary."""
    scopes: dict[Scope, list[tuple[Term, Choice]]] = defaultdict(list)
    for term in terms:
        scopes[term.kind, None].append((term, choice(term)))
        if term.group is not None:
            scopes[term.kind, term.group].append((term, choice(term)))
    return {scope: Pool(entries) for scope, entries in scopes.items()}


def _nested_names(terms: list[Term]) -> dict[str, set[str]]:
    """For each term, the terms with a name that holds one of its names word for word, or is
    held in one ("trigger point", "active trigger point"): found through an index of every
    run of words in every name, since testing every pair grows with the square of the
    glossary."""
    names = {t.id: [tuple(words(n)) for n in (t.term, *t.aka)] for t in terms}
    whole: dict[tuple[str, ...], set[str]] = defaultdict(set)  # a name's words -> terms
    runs: dict[tuple[str, ...], set[str]] = defaultdict(set)  # any run of them -> terms
    for term in terms:
        for name in names[term.id]:
            whole[name].add(term.id)
            for run in _runs(name):
                runs[run].add(term.id)
    nested: dict[str, set[str]] = {}
    for term in terms:
        found: set[str] = set()
        for name in names[term.id]:
            found |= whole.get(name, set()) | runs.get(name, set())
            for run in _runs(name):
                found |= whole.get(run, set())
        nested[term.id] = found
    return nested


def _runs(name: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    return (name[i:j] for i in range(len(name)) for j in range(i + 1, len(name) + 1))


def _related(a: Term, b: Term, nested: dict[str, set[str]]) -> bool:
    """A term and a kind of it ("trigger point", "active trigger point"), or terms one of
    which names the other in its definition (HCP: "... such as a physician"), are kept apart:
    each could pass for an answer about the other. Siblings ("active trigger point", "latent
    trigger point") are the very distinction a student must make, so they may stand together."""
    return (
        b.id in nested[a.id]
        or overlaps(a.definition, b.definition)
        or _names(a, b.definition)
        or _names(b, a.definition)
    )


def _names(term: Term, text: str) -> bool:
    padded = f" {' '.join(words(text))} "
    return any(f" {' '.join(words(n))} " in padded for n in (term.term, *term.aka))


def _area(data: Dataset, term: Term | None = None) -> str:
    if term is not None and term.area is not None:
        return term.area
    return data.category(CATEGORY).area or data.exam.areas[0].id


def _term_item(
    data: Dataset, term: Term, kind: str, stem: str, key: str, wrong: list[Choice]
) -> Item:
    source = data.source(term.source)
    return new_item(
        id=item_id(kind, term.id),
        kind=kind,
        fact=f"term:{term.id}",
        stem=stem,
        key=key,
        distractors=wrong,  # already in the order to show them
        rationale=f"{term.term}: {term.definition} ({wording.cited(source, term.quote)}).",
        source=source,
        quote=term.quote,
        category=CATEGORY,
        area=_area(data, term),
        basis={"term": term.id},
        facets=(f"term:{term.id}",),
    )


def _names_itself(term: Term) -> bool:
    """The definition gives the term away: it holds a word of the term's names, or spells
    out its acronym."""
    names = (term.term, *term.aka)
    defined = set(words(term.definition))
    named = any(w in defined for n in names for w in words(n) if w not in LIGHT_WORDS)
    return named or any(spells_out(n, term.definition) for n in names)


def _same_group_first(
    term: Term, kind: str, best: Callable[[Scope, Callable[[Term], bool]], list[Choice]]
) -> list[Choice]:
    """Wrong options from the term's own group first, then from the rest of its kind, each
    part in by_preference order: an item with few options shows its group's first."""

    def in_group(other: Term) -> bool:
        return other.id != term.id and other.kind == term.kind and other.group == term.group

    def in_kind(other: Term) -> bool:
        return other.id != term.id and other.kind == term.kind

    key = term.definition if kind == "term" else term.term
    group = (term.kind, term.group)
    chosen = by_preference(best(group, in_group), key, None) if term.group is not None else []
    taken = {c.text for c in chosen}
    rest = [c for c in best((term.kind, None), in_kind) if c.text not in taken]
    rest = by_preference(rest, key, None)
    return (chosen + rest)[: MAX_OPTIONS - 1]


def term_item(
    data: Dataset, term: Term, definitions: dict[Scope, Pool[Term]], nested: dict[str, set[str]]
) -> Item:
    if _names_itself(term):
        wrong: list[Choice] = []
    else:
        wrong = _same_group_first(
            term,
            "term",
            lambda scope, accept: definitions[scope].best(
                term.definition,
                lambda other: (
                    accept(other)
                    and not _related(term, other, nested)
                    and not any(overlaps(n, other.definition) for n in (term.term, *term.aka))
                ),
            ),
        )
    stem = f"Which of the following describes {term.term}?"
    return _term_item(data, term, "term", stem, term.definition, wrong)


def term_name_item(
    data: Dataset, term: Term, names: dict[Scope, Pool[Term]], nested: dict[str, set[str]]
) -> Item:
    stem = f"Which term means the following: {term.definition.rstrip('.')}?"
    if _names_itself(term):
        wrong: list[Choice] = []
    else:
        wrong = _same_group_first(
            term,
            "term-name",
            lambda scope, accept: names[scope].best(
                term.term, lambda other: accept(other) and not _related(term, other, nested)
            ),
        )
    return _term_item(data, term, "term-name", stem, term.term, wrong)


def definition_items(facts: Facts, source: Source) -> Iterator[Item]:
    """ "According to <source>, which of the following describes clinical massage?": wrong
    options are the source's definitions of other kinds of service, unlike anything any
    source says of the asked one."""
    data = facts.data
    said = [(t.id, d) for t in data.types for d in t.definitions if d.source == source.id]
    # Every definition by its source and the sense that source gives the name, so that what
    # is said of a type's kind is looked up (Facts.same_kind, indexed), not searched for.
    by_sense: dict[tuple[str, str], list[str]] = defaultdict(list)
    for t in data.types:
        for d in t.definitions:
            by_sense[d.source, facts.sense(d.source, t.id)].append(d.text)
    sources = [s.id for s in data.sources]
    for type_id, definition in said:
        if definition.not_for_questions is not None:
            continue
        true_of_it = [
            text
            for other_source in sources
            for sense in {facts.sense(source.id, type_id), facts.sense(other_source, type_id)}
            for text in by_sense[other_source, sense]
        ]
        wrong = [
            (
                (other, d.text),
                Choice(d.text, f'"{source.title}" says this of {wording.name(data, other)}.'),
            )
            for other, d in said
            if d.not_for_questions is None
            and not facts.same_kind(source.id, type_id, source.id, other)
            and not any(facts.like.alike(d.text, text) for text in true_of_it)
        ]
        # Not two wrong options that describe one kind of service (two names of one family,
        # in this source's usage), and none that names the asked type
        # ("... a basic relaxation massage ..." among options about relaxation massage).
        asked_name = [w for w in words(data.type(type_id).name) if w not in LIGHT_WORDS]
        unique: list[Choice] = []
        owners: set[str] = set()
        for (owner, _), choice in wrong:
            named = all(w in words(choice.text) for w in asked_name[:1])
            sense = facts.sense(source.id, owner)
            if sense in owners or named:
                continue
            if not any(facts.like.alike(choice.text, u.text) for u in unique):
                unique.append(choice)
                owners.add(sense)
        stem = wording.according_to(
            source, f"Which of the following describes {wording.name(data, type_id)}?"
        )
        yield new_item(
            id=item_id("definition", source.id, type_id, definition.text),
            kind="definition",
            fact=f"definition:{source.id}:{type_id}:{definition.text.casefold()}",
            stem=stem,
            key=definition.text,
            distractors=by_preference(unique, definition.text, None),
            rationale=(
                f"{wording.capitalised(wording.name(data, type_id))}: "
                f"{wording.cited(source, definition.quote)}."
            ),
            source=source,
            quote=definition.quote,
            category=CATEGORY,
            area=_area(data),
            types=(type_id,),
            basis={"source": source.id, "type": type_id},
            facets=(f"definition:{facts.sense(source.id, type_id)}:{source.id}",),
        )
