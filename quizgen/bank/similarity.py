"""When two values from the tables say the same thing, so one can never disprove the other."""

from __future__ import annotations

import functools
import re

_NON_WORD = re.compile(r"[^\w]+")
_ARTICLES = {"a", "an", "the"}


def _singular(word: str) -> str:
    # "practicums" and "practicum" are one word for this purpose; "class" keeps its s.
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


# The bank compares the same few thousand values many times over: remember their words.
@functools.lru_cache(maxsize=65536)
def words(value: str) -> tuple[str, ...]:
    tokens = _NON_WORD.sub(" ", value.casefold()).split()
    return tuple(_singular(t) for t in tokens if t not in _ARTICLES)


@functools.lru_cache(maxsize=65536)
def _padded(value: str) -> str:
    return " " + " ".join(words(value)) + " "


def overlaps(a: str, b: str) -> bool:
    """Equal, or one contained in the other word for word ("60 minutes" in "30-60 minutes").

    Containment counts as the same because a shorter value may be only less specific,
    and less specific is not false.
    """
    if not words(a) or not words(b):
        return True  # a value of no words ("the") says nothing, so it cannot differ
    x, y = _padded(a), _padded(b)
    return x.strip() == y.strip() or x in y or y in x
