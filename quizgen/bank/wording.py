"""The words of generated items: stems from the data's question templates, rationales, reasons."""

from __future__ import annotations

from quizgen.data.model import Dataset, Dimension, Source


def name(data: Dataset, type_id: str) -> str:
    """A type's name as it reads mid-sentence: "medical massage", or the data's own
    `in_sentence` ("Swedish massage")."""
    kind = data.type(type_id)
    return kind.in_sentence or kind.name[0].lower() + kind.name[1:]


def capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def question(data: Dataset, dimension: Dimension, type_id: str) -> str:
    return capitalised(dimension.question.replace("{type}", name(data, type_id)))


def according_to(source: Source, stem: str) -> str:
    return f'According to "{source.title}", {stem[0].lower()}{stem[1:]}'


def cited(source: Source, quote: str) -> str:
    return f'"{source.title}": “{quote}”'


# Labels that read as a clause ("Who pays", "How results are measured") take no article.
_CLAUSE_WORDS = frozenset({"who", "how", "when", "what", "where", "which", "why", "is", "use"})


def topic(dimension: Dimension) -> str:
    """A dimension's label as a topic mid-sentence: "the payment timing", "who pays"."""
    label = dimension.label[0].lower() + dimension.label[1:]
    return label if label.split()[0] in _CLAUSE_WORDS else f"the {label}"


# Words that make a statement typical rather than defining: a case told in them does not
# identify the kind of service ("the work can be heavy" is true of some relaxation work too).
_HEDGES = frozenset(
    [
        "can",
        "may",
        "might",
        "could",
        "typically",
        "usually",
        "often",
        "sometimes",
        "generally",
        "most",
        "mostly",
    ]
)


def hedged(claim: str) -> bool:
    return any(w in _HEDGES for w in claim.lower().replace(",", " ").split())
