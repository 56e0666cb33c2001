"""Item-writing rules that a program can check (Haladyna, Downing & Rodriguez 2002; NBME guide).

Each rule looks at one item as shown with a given number of options and returns a problem,
or None. `audit` runs them all over a bank and reports how often the key is the longest.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quizgen.bank.item import Item
from quizgen.bank.vocabulary import Vocabulary

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_NEGATIVE = re.compile(r"\b(not|except|never|least)\b", re.IGNORECASE)
# Options of these kinds are whole sentences: a capital first, a full stop last.
SENTENCE_KINDS = ("statement", "paired", "vignette")
_SENTENCE = re.compile(r"^[A-Z\"“].*[.!]$", re.DOTALL)
# Words about where a fact was read, not what it is: an option must never carry them.
_META = re.compile(
    r"\b(the (page|article|table|author|text|post)('s)?|according to|this page)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_MINOR_WORDS = frozenset({"and", "of", "the", "for", "in", "on"})
_ABOVE = re.compile(r"\b(all|none|both|neither) of the (above|options|answers)\b", re.IGNORECASE)
# Words too common to give away an answer when they appear in the stem and the key.
STOPWORDS = frozenset(
    """
    about after also among and are because been before being between both but can could
    does done each following from give given have into its more most much must only
    other over same should some such than that their them then there these they this
    those through type types under very what when where which while whom whose will with
    within would your massage
    """.split()  # noqa: SIM905 - a word list reads better as words
)


@dataclass(frozen=True)
class Violation:
    item: str
    rule: str
    detail: str


def _full_question(item: Item, options: Sequence[str], words: Vocabulary) -> str | None:
    return _not_a_full_question(item.stem)


def _no_all_or_none(item: Item, options: Sequence[str], words: Vocabulary) -> str | None:
    found = [o for o in options if _is_all_or_none(o)]
    return f"option {found[0]!r} is an all/none-of-the-above option" if found else None


def _negatives_in_capitals(item: Item, options: Sequence[str], words: Vocabulary) -> str | None:
    """A negative question (NOT, EXCEPT) is in capitals; a case may say "not" in passing."""
    return _negative_in_lower_case(item.stem)


def _distinct(item: Item, options: Sequence[str], words: Vocabulary) -> str | None:
    folded = [_folded(o) for o in options]
    return "two options are the same" if len(set(folded)) != len(folded) else None


def _homogeneous(item: Item, options: Sequence[str], words: Vocabulary) -> str | None:
    """Options are the same kind of thing as the question asks for."""
    types, terms = words.type_names, words.glossary_terms
    if item.kind == "term-name":
        expected, label = [o in terms for o in options], "glossary terms"
    elif item.kind in SENTENCE_KINDS:
        expected = [bool(_SENTENCE.match(o)) for o in options]
        label = "full sentences"
    elif item.kind == "scenario":
        return None  # authored; the author chose the options
    else:
        expected, label = [o not in types for o in options], "values, not type names"
    return None if all(expected) else f"not all options are {label}"


def _no_meta_words(item: Item, options: Sequence[str], words: Vocabulary) -> str | None:
    found = [o for o in options if _has_meta_words(o)]
    return f"option {found[0]!r} speaks of a page or article, not of the subject" if found else None


def _acronym_not_spelled(item: Item, options: Sequence[str], words: Vocabulary) -> str | None:
    """A key that spells out the acronym asked about gives the answer away."""
    if item.kind != "term":
        return None
    spelled = [n for n in words.term_names[item.basis["term"]] if spells_out(n, options[0])]
    return f"the key spells out {spelled[0]}" if spelled else None


def spells_out(acronym: str, text: str) -> bool:
    """The text holds the acronym's expansion: words in a row whose initials spell it
    ("Associated Bodywork & Massage Professionals" for ABMP)."""
    if not _ACRONYM.match(acronym):
        return False
    initials = "".join(
        w[0].lower() for w in re.findall(r"[\w']+", text) if w.lower() not in _MINOR_WORDS
    )
    return acronym.replace("&", "").lower() in initials


@functools.lru_cache(maxsize=1 << 17)  # the bank compares a few thousand words many times
def same_root(a: str, b: str) -> bool:
    """Words a student would match by their look: the same, one the start of the other
    ("head", "headache"), the same first five letters ("insurer", "insurance"), the first
    five of one inside the other ("fascia", "myofascial") or, for longer words, the same
    first four ("tendon", "tendinitis")."""
    short, long = (b, a) if len(b) < len(a) else (a, b)
    return (
        short == long
        or (len(short) >= 4 and long.startswith(short))
        or (len(short) >= 5 and short[:5] in long)
        or (len(short) >= 6 and short[:4] == long[:4])
    )


def _contested_names_cited(item: Item, options: Sequence[str], words: Vocabulary) -> str | None:
    """A name the sources use for different things (therapeutic massage) is only asked with
    the source it follows named in the stem."""
    if any(f'"{title}"' in item.stem for title in words.source_titles):
        return None  # the stem names its source
    text = " ".join((item.stem, *options)).casefold()
    named = [n for n in words.contested_names if n.casefold() in text]
    return f"{named[0]!r} is asked without naming a source" if named else None


def _no_clue_in_key(item: Item, options: Sequence[str], words: Vocabulary) -> str | None:
    """No word of the stem appears, whole or by its root, only in the key."""
    suspects = _stem_words_in_key(item.stem, options[0])
    if not suspects:
        return None
    elsewhere = set().union(*(_words(o) for o in options[1:]))
    clue = [w for w in suspects if not any(same_root(w, o) for o in elsewhere)]
    return f"stem word {clue[0]!r} appears only in the key" if clue else None


# The bank checks each item at every size from three options up, and the same stems and
# options recur across items: what depends on one text alone is worked out once per text.
_per_text = functools.lru_cache(maxsize=65536)


@_per_text
def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text) if len(w) > 3) - STOPWORDS


@_per_text
def _stem_words_in_key(stem: str, key: str) -> tuple[str, ...]:
    """The stem's words that the key has, whole or by their root, sorted. A source's title
    quoted in the stem ("According to "...") is a citation, not a clue."""
    key_words = _words(key)
    quoted_titles_out = re.sub(r'"[^"]*"', " ", stem)
    return tuple(
        sorted(w for w in _words(quoted_titles_out) if any(same_root(w, k) for k in key_words))
    )


@_per_text
def _not_a_full_question(stem: str) -> str | None:
    last = re.split(r"(?<=[.!?])\s+", stem.strip())[-1]
    if not stem.endswith("?") or len(_WORD.findall(last)) < 3 or not last[0].isupper():
        return "the stem must end with a full question"
    return None


@_per_text
def _negative_in_lower_case(stem: str) -> str | None:
    question = re.split(r"(?<=[.!?”])\s+", stem.strip())[-1]
    for match in _NEGATIVE.finditer(question):
        if match.group() != match.group().upper():
            return f"negative word {match.group()!r} in the stem must be in capitals (NOT, EXCEPT)"
    return None


@_per_text
def _folded(option: str) -> str:
    return " ".join(option.casefold().split())


@_per_text
def _is_all_or_none(option: str) -> bool:
    return _ABOVE.search(option) is not None


@_per_text
def _has_meta_words(option: str) -> bool:
    return _META.search(option) is not None


RULES: dict[str, Callable[[Item, Sequence[str], Vocabulary], str | None]] = {
    "full-question": _full_question,
    "no-all-or-none": _no_all_or_none,
    "negative-in-capitals": _negatives_in_capitals,
    "distinct-options": _distinct,
    "homogeneous-options": _homogeneous,
    "no-clue-in-key": _no_clue_in_key,
    "no-meta-words": _no_meta_words,
    "contested-names-cited": _contested_names_cited,
    "acronym-not-spelled": _acronym_not_spelled,
}


def check_item(item: Item, options: int, words: Vocabulary) -> list[Violation]:
    shown = item.options(options)
    return [
        Violation(item.id, rule, detail)
        for rule, check in RULES.items()
        if (detail := check(item, shown, words)) is not None
    ]


def key_is_longest(item: Item, options: int) -> bool:
    shown = item.options(options)
    return all(len(shown[0]) > len(o) for o in shown[1:])


@dataclass(frozen=True)
class AuditReport:
    items: int
    violations: tuple[Violation, ...]
    key_longest: int
    by_rule: Counter[str]

    @property
    def key_longest_share(self) -> float:
        return self.key_longest / self.items if self.items else 0.0


def audit(items: Sequence[Item], options: int, words: Vocabulary) -> AuditReport:
    violations = [v for item in items for v in check_item(item, options, words)]
    return AuditReport(
        items=len(items),
        violations=tuple(violations),
        key_longest=sum(key_is_longest(i, options) for i in items),
        by_rule=Counter(v.rule for v in violations),
    )
