"""When two values say the same thing, so one can never disprove the other, and when two
options are too alike to stand side by side."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_NON_WORD = re.compile(r"[^\w]+")
_ARTICLES = frozenset({"a", "an", "the"})
# Words that carry no content of their own when two options are compared for likeness.
LIGHT_WORDS = _ARTICLES | frozenset(
    [
        "and",
        "or",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "as",
        "is",
        "are",
        "be",
        "it",
        "its",
        "can",
        "may",
        "from",
        "than",
        "more",
        "less",
    ]
)


def _singular(word: str) -> str:
    # "practicums" and "practicum" are one word for this purpose; "class" keeps its s.
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


class Likeness:
    """Word-level comparison of values, with the data's equivalent words (client / patient)
    read as one word."""

    def __init__(self, equivalents: Iterable[Iterable[str]] = ()) -> None:
        self._canonical: dict[str, str] = {}
        for group in equivalents:
            folded = [_singular(w.casefold()) for w in group]
            for word in folded:
                self._canonical[word] = folded[0]
        # The bank compares the same few thousand values many times over (a build of the
        # shipped data asks about some 2,000 pairs thirty thousand times).
        self.words = functools.lru_cache(maxsize=65536)(self._words)
        self._padded = functools.lru_cache(maxsize=65536)(self._pad)
        self.overlaps = functools.lru_cache(maxsize=65536)(self._overlaps)
        self.alike = functools.lru_cache(maxsize=65536)(self._alike)

    def _words(self, value: str) -> tuple[str, ...]:
        tokens = _NON_WORD.sub(" ", value.casefold()).split()
        return tuple(
            self._canonical.get(w, w) for w in (_singular(t) for t in tokens if t not in _ARTICLES)
        )

    def _pad(self, value: str) -> str:
        return " " + " ".join(self.words(value)) + " "

    def _overlaps(self, a: str, b: str) -> bool:
        """Equal, or one contained in the other word for word ("60 minutes" in "30-60
        minutes"), equivalent words counting as equal.

        Containment counts as the same because a shorter value may be only less specific,
        and less specific is not false.
        """
        if not self.words(a) or not self.words(b):
            return True  # a value of no words ("the") says nothing, so it cannot differ
        x, y = self._padded(a), self._padded(b)
        return x.strip() == y.strip() or x in y or y in x

    def _alike(self, a: str, b: str) -> bool:
        """The same, or short values (up to four content words) that share half the words
        of the shorter ("Myofascial treatments" / "Myofascial release"), or longer ones that
        share 70% ("Massage focused on medical treatment for pain" / "Another name for ...,
        which is focused on medical treatment for pain"): side by side, a student could take
        them for one answer said twice. Longer values that share fewer words ("Yes, with a
        discount ..." / "No, all payments are due ...") can still differ."""
        if self.overlaps(a, b):
            return True
        x = {w for w in self.words(a) if w not in LIGHT_WORDS}
        y = {w for w in self.words(b) if w not in LIGHT_WORDS}
        if not x or not y:
            return False
        shorter = min(len(x), len(y))
        shared = len(x & y)
        return (1 < shorter <= 4 and shared * 2 >= shorter) or (
            shorter > 4 and shared * 10 >= shorter * 7
        )


PLAIN = Likeness()
words = PLAIN.words
overlaps = PLAIN.overlaps
