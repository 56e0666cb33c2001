"""The data model: what a data file may say, and the merged, immutable `Dataset`.

The pydantic models double as the schema: `data/schema.json` is generated from `DataFile`.
Every model is frozen and every collection a tuple or a read-only mapping, so code that
receives the model can share it freely.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    Tag,
)

MAX_QUOTE_WORDS = 35

Id = Annotated[
    str,
    StringConstraints(strict=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="Lower-case words joined by hyphens, e.g. `rate-basis`."),
]
Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
ShortText = Annotated[
    str, StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=300)
]


def _check_quote(quote: str) -> str:
    words = len(quote.split())
    if words > MAX_QUOTE_WORDS:
        raise ValueError(f"has {words} words; keep a quote to at most {MAX_QUOTE_WORDS}")
    return quote


Quote = Annotated[
    str,
    StringConstraints(strict=True, strip_whitespace=True, min_length=1),
    AfterValidator(_check_quote),
    Field(description=f"Verbatim words of the source, at most {MAX_QUOTE_WORDS} words."),
]


NotAsked = Annotated[
    Text | None,
    Field(
        description="Why this fact is shown on the site but never asked in a question: a "
        "comparative fragment, a marketing phrase, one clinic's price list, a page's wording."
    ),
]
ClaimText = Annotated[
    Text | None,
    Field(
        description="The fact as a full, testable sentence that stands alone, e.g. `Rates are "
        "set by UCR and RVU.` Statement, paired and vignette items use it; without it the "
        "fact is asked only in items whose options are short values."
    ),
]


def _freeze(mapping: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(mapping)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Source(Frozen):
    id: Id
    title: Text
    short: ShortText | None = Field(
        None, description="A short name for the source in pictures and tight spaces."
    )
    publisher: Text
    kind: Text
    file: Text = Field(
        description="Name of the source's text file, which quotes are checked against."
    )
    note: Text | None = None

    @property
    def short_name(self) -> str:
        return self.short or self.title


class Area(Frozen):
    id: Id
    name: Text
    weight: StrictInt = Field(ge=0, le=100, description="Share of the exam, in percent.")


class Exam(Frozen):
    name: Text
    full_name: Text
    body: Text
    outline: Text
    items: StrictInt = Field(gt=0)
    minutes: StrictInt = Field(gt=0)
    forward_only: StrictBool
    scoring: Text
    areas: tuple[Area, ...] = Field(min_length=1)


class Category(Frozen):
    id: Id
    label: Text
    description: Text
    area: Id | None = Field(
        None,
        description="Exam content area of questions in this category that come from no table "
        "row (e.g. terminology); rows take the area of their dimension.",
    )


def _needs_type_slot(question: str) -> str:
    if "{type}" not in question:
        raise ValueError("must contain {type}, where the massage type's name goes")
    if not question.endswith("?"):
        raise ValueError("must end with a question mark")
    return question


class Dimension(Frozen):
    id: Id
    label: ShortText
    category: Id
    area: Id = Field(description="The exam content area this dimension belongs to.")
    kind: Literal["text", "list"]
    question: Annotated[Text, AfterValidator(_needs_type_slot)]
    description: Text | None = None
    summary: ShortText | None = Field(
        None,
        description="The column of the site's summary table this dimension fills, e.g. "
        "'Who pays'. Dimensions sharing a column fill it in the order they are listed.",
    )


class Definition(Frozen):
    source: Id
    text: Text
    quote: Quote
    not_for_questions: NotAsked = None


class Synonym(Frozen):
    source: Id
    terms: tuple[Id, ...] = Field(
        min_length=1, description="Type ids the source equates with this type."
    )
    quote: Quote


class Placement(Frozen):
    """Where one source puts a type between a consumer service and health care."""

    source: Id
    place: Literal["consumer-service", "between", "health-care", "either"] = Field(
        description="consumer-service: chosen and paid for by the client; health-care: care "
        "directed by a provider; between: aimed at pain or tension, but not directed care; "
        "either: an approach the source uses in both."
    )
    quote: Quote


class MassageType(Frozen):
    id: Id
    name: ShortText
    in_sentence: ShortText | None = Field(
        None,
        description="The name as questions write it mid-sentence, where that is not the name "
        "with a small first letter: `Swedish massage` keeps its capital.",
    )
    definitions: tuple[Definition, ...] = ()
    synonyms: tuple[Synonym, ...] = ()
    placements: tuple[Placement, ...] = Field(
        (), description="Where each source puts the type; the site's spectrum shows them."
    )
    contested: Text | None = Field(
        None,
        description="Why the sources use the name for different things: every question that "
        "names the type must say which source it follows.",
    )


class ListEntry(Frozen):
    """One entry of a list cell."""

    value: ShortText
    quote: Quote
    claim: ClaimText = None
    not_for_questions: NotAsked = None


class TextCell(Frozen):
    value: ShortText
    quote: Quote
    inferred: Text | None = Field(None, description="Why the value was read from elsewhere.")
    note: Text | None = None
    claim: ClaimText = None
    not_for_questions: NotAsked = None


class ListCell(Frozen):
    items: tuple[ListEntry, ...]
    quote: Quote | None = Field(
        None, description="Evidence for the list as a whole; needed when it is empty."
    )
    inferred: Text | None = None
    note: Text | None = None
    open_ended: Text | None = Field(
        None,
        description="Why the list is not complete (it ends with 'etc.', says 'such as' or "
        "'most often'): something missing from it is not proven false of the type.",
    )


class MissingCell(Frozen):
    missing: Text = Field(description="Why the value is unknown.")
    note: Text | None = None


def _cell_kind(value: Any) -> str:
    if isinstance(value, dict):
        if "missing" in value:
            return "missing"
        if "items" in value:
            return "list"
    return "text"


Cell = Annotated[
    Annotated[TextCell, Tag("text")]
    | Annotated[ListCell, Tag("list")]
    | Annotated[MissingCell, Tag("missing")],
    Discriminator(_cell_kind),
]


class Row(Frozen):
    dimension: Id
    inferred: Text | None = Field(None, description="Why this row's label was inferred.")
    cells: Annotated[dict[Id, Cell], AfterValidator(_freeze)] = Field(
        description="One cell per type of the comparison, keyed by type id."
    )


class Comparison(Frozen):
    id: Id
    title: ShortText
    source: Id
    types: tuple[Id, ...] = Field(min_length=1)
    description: Text | None = None
    rows: tuple[Row, ...] = Field(min_length=1)

    def row(self, dimension: str) -> Row | None:
        return next((r for r in self.rows if r.dimension == dimension), None)


class Claim(Frozen):
    source: Id
    says: Text
    quote: Quote


class Discrepancy(Frozen):
    id: Id
    topic: Text
    dimension: Id | None = None
    types: tuple[Id, ...] = ()
    claims: tuple[Claim, ...] = Field(min_length=2)
    note: Text


TermKind = Literal[
    "technique",
    "condition",
    "organization",
    "credential",
    "record",
    "payment",
    "law",
    "anatomy",
    "assessment",
    "profession",
]
TERM_KINDS: tuple[str, ...] = get_args(TermKind)


class Term(Frozen):
    id: Id
    term: ShortText
    aka: tuple[ShortText, ...] = ()
    definition: Text = Field(
        description="What the term is, in plain words; never where or how a page mentions it."
    )
    source: Id
    quote: Quote
    area: Id | None = None
    kind: TermKind | None = Field(
        None,
        description="What sort of thing the term names. Glossary items take their wrong "
        "options from terms of the same kind only; a term without a kind is not asked.",
    )
    group: ShortText | None = Field(
        None,
        description="A finer class within the kind (for a condition, its body region: "
        "`head and neck`, `shoulder and arm`, ...): wrong options come from the same group "
        "first, so that none is an easy discard.",
    )
    not_for_questions: NotAsked = None


class FamilyMember(Frozen):
    type: Id
    sources: tuple[Id, ...] = Field(
        (),
        description="Only in these sources' usage is the type one of the family (e.g. "
        "therapeutic massage, which only some sources equate with medical massage); "
        "empty: in every source's usage.",
    )


class Family(Frozen):
    """Names that the sources, taken together, use for one kind of service."""

    id: Id
    name: ShortText
    description: Text
    members: tuple[FamilyMember, ...] = Field(min_length=2)
    evidence: tuple[Claim, ...] = ()


class AlsoTrue(Frozen):
    """A value a source shows can hold for a type although no table gives it: typical is
    not exclusive, so such a value is never a wrong option for the type."""

    type: Id
    dimension: Id
    value: ShortText
    source: Id
    quote: Quote
    note: Text | None = None


class Equivalent(Frozen):
    """Words that mean the same in the values (client / patient): two options that differ
    only by them are one option."""

    words: tuple[ShortText, ...] = Field(min_length=2)
    note: Text | None = None


class Retired(Frozen):
    """An item a review found unsound: its id never comes back into the bank."""

    id: Id
    reason: Text


class Resource(Frozen):
    id: Id
    kind: Literal["book", "program", "organization"]
    title: Text
    by: Text | None = None
    source: Id
    facts: tuple[ListEntry, ...] = ()


def _full_question(stem: str) -> str:
    if not stem.rstrip().endswith("?"):
        raise ValueError("must end with the question, and a question ends with a question mark")
    return stem


class Distractor(Frozen):
    text: ShortText
    why: Text = Field(description="One line on why this option is wrong for the question asked.")


class AuthoredItem(Frozen):
    """A hand-written MBLEx-style question: a short client situation, then the question."""

    id: Id
    stem: Annotated[Text, AfterValidator(_full_question)]
    key: ShortText
    distractors: tuple[Distractor, ...] = Field(
        min_length=2, max_length=4, description="Wrong options: 2 to 4, each with its reason."
    )
    rationale: Text = Field(description="Why the key is right, in terms of the source.")
    source: Id
    quote: Quote
    category: Id
    area: Id
    types: tuple[Id, ...] = Field((), description="The massage types the item is about.")


class DataFile(Frozen):
    """One YAML file in data/. Every section is optional; files are merged by the loader."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        title="quizgen data file",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    sources: tuple[Source, ...] = ()
    exam: Exam | None = None
    categories: tuple[Category, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    types: tuple[MassageType, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    glossary: tuple[Term, ...] = ()
    resources: tuple[Resource, ...] = ()
    items: tuple[AuthoredItem, ...] = ()
    families: tuple[Family, ...] = ()
    also_true: tuple[AlsoTrue, ...] = ()
    equivalents: tuple[Equivalent, ...] = ()
    retired: tuple[Retired, ...] = ()


SECTIONS = tuple(name for name in DataFile.model_fields if name != "exam")


# Sections whose entries have ids that others refer to.
_INDEXED = frozenset(SECTIONS) - {"also_true", "equivalents", "retired"}


def _index(items: tuple[Any, ...]) -> Mapping[str, Any]:
    return MappingProxyType({item.id: item for item in items})


@dataclass(frozen=True)
class Dataset:
    """Everything in data/, merged and cross-checked."""

    exam: Exam
    sources: tuple[Source, ...] = ()
    categories: tuple[Category, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    types: tuple[MassageType, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    glossary: tuple[Term, ...] = ()
    resources: tuple[Resource, ...] = ()
    items: tuple[AuthoredItem, ...] = ()
    families: tuple[Family, ...] = ()
    also_true: tuple[AlsoTrue, ...] = ()
    equivalents: tuple[Equivalent, ...] = ()
    retired: tuple[Retired, ...] = ()
    _by_id: Mapping[str, Mapping[str, Any]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        indexes = {name: _index(getattr(self, name)) for name in SECTIONS if name in _INDEXED}
        indexes["areas"] = _index(self.exam.areas)
        object.__setattr__(self, "_by_id", MappingProxyType(indexes))

    def source(self, id: str) -> Source:
        return self._by_id["sources"][id]  # type: ignore[no-any-return]

    def area(self, id: str) -> Area:
        return self._by_id["areas"][id]  # type: ignore[no-any-return]

    def category(self, id: str) -> Category:
        return self._by_id["categories"][id]  # type: ignore[no-any-return]

    def dimension(self, id: str) -> Dimension:
        return self._by_id["dimensions"][id]  # type: ignore[no-any-return]

    def type(self, id: str) -> MassageType:
        return self._by_id["types"][id]  # type: ignore[no-any-return]

    def comparison(self, id: str) -> Comparison:
        return self._by_id["comparisons"][id]  # type: ignore[no-any-return]

    def term(self, id: str) -> Term:
        return self._by_id["glossary"][id]  # type: ignore[no-any-return]

    @functools.cached_property
    def type_names(self) -> frozenset[str]:
        return frozenset(t.name for t in self.types)

    @functools.cached_property
    def glossary_terms(self) -> frozenset[str]:
        return frozenset(t.term for t in self.glossary)

    def counts(self) -> dict[str, int]:
        counts = {name: len(getattr(self, name)) for name in SECTIONS}
        counts["rows"] = sum(len(c.rows) for c in self.comparisons)
        return counts
