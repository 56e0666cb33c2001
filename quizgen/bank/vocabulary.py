"""What the item-writing rules need to know of the data: the names of the types and terms,
and the sources' titles. Kept in the catalog, so `quizgen audit` runs on the cached bank
without loading the data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizgen.data.model import Dataset


@dataclass(frozen=True)
class Vocabulary:
    type_names: frozenset[str]
    # Names the sources use for different things: asked only with the source named.
    contested_names: tuple[str, ...]
    glossary_terms: frozenset[str]
    term_names: Mapping[str, tuple[str, ...]]  # term id -> its term, then its other names
    source_titles: tuple[str, ...]

    @classmethod
    def of(cls, data: Dataset) -> Vocabulary:
        return cls(
            type_names=data.type_names,
            contested_names=tuple(t.name for t in data.types if t.contested),
            glossary_terms=data.glossary_terms,
            term_names=MappingProxyType({t.id: (t.term, *t.aka) for t in data.glossary}),
            source_titles=tuple(s.title for s in data.sources),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "type_names": sorted(self.type_names),
            "contested_names": list(self.contested_names),
            "glossary_terms": sorted(self.glossary_terms),
            "term_names": {k: list(v) for k, v in self.term_names.items()},
            "source_titles": list(self.source_titles),
        }

    @classmethod
    def from_json(cls, stored: Mapping[str, Any]) -> Vocabulary:
        return cls(
            type_names=frozenset(stored["type_names"]),
            contested_names=tuple(stored["contested_names"]),
            glossary_terms=frozenset(stored["glossary_terms"]),
            term_names=MappingProxyType({k: tuple(v) for k, v in stored["term_names"].items()}),
            source_titles=tuple(stored["source_titles"]),
        )
