"""Which proven distractors come first: the ones an item will show when it has room for few."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from quizgen.bank.item import Choice

# Three options (a key and two distractors) is the least an item may have; five the most.
MIN_DISTRACTORS = 2
MAX_OPTIONS = 5

T = TypeVar("T")


def by_preference(choices: list[Choice], key: str, comparison: str | None) -> list[Choice]:
    """Same table first (the contrast the source drew), then closest in length to the key.

    A key that is always the longest option gives itself away, so when some distractor is at
    least as long as the key, one such is moved into the first two places.
    """
    ranked = sorted(
        choices,
        key=lambda c: (c.comparison != comparison, abs(len(c.text) - len(key)), c.text),
    )
    long_enough = [c for c in ranked if len(c.text) >= len(key)]
    if long_enough and not any(c in long_enough for c in ranked[:2]):
        ranked.remove(long_enough[0])
        ranked.insert(1 if ranked else 0, long_enough[0])
    return ranked


class Pool(Generic[T]):
    """Choices from no table (glossary terms, definitions, type names), each with what it
    comes from, sorted by length.

    An item shows at most MAX_OPTIONS - 1 distractors, and by_preference ranks these by
    closeness in length, so `best` walks outward from the key's length and tests only as many
    choices as it takes. Testing every choice for every item would make the bank grow with
    the square of the glossary.
    """

    def __init__(self, entries: Iterable[tuple[T, Choice]]) -> None:
        # (place in data order, origin, choice): by_preference breaks ties by data order.
        numbered = [(n, origin, choice) for n, (origin, choice) in enumerate(entries)]
        self._by_length = sorted(numbered, key=lambda e: len(e[2].text))
        self._lengths = [len(e[2].text) for e in self._by_length]

    def best(self, key: str, accept: Callable[[T], bool]) -> list[Choice]:
        """What by_preference would rank first among the choices whose origin `accept` takes,
        each text once (the first in data order) and none that is the key's."""
        length, end = len(key), len(self._lengths)
        below = bisect.bisect_left(self._lengths, length) - 1
        above = below + 1
        found: list[tuple[int, T, Choice]] = []
        # A choice that reads as the key, or as one taken already, is never worth testing:
        # it could only be a second right answer or a repeated option.
        taken = {key}
        long_enough = False
        while below >= 0 or above < end:
            distance = min(
                length - self._lengths[below] if below >= 0 else math.inf,
                self._lengths[above] - length if above < end else math.inf,
            )
            at_distance = []
            while below >= 0 and length - self._lengths[below] == distance:
                at_distance.append(self._by_length[below])
                below -= 1
            while above < end and self._lengths[above] - length == distance:
                at_distance.append(self._by_length[above])
                above += 1
            for entry in sorted(at_distance, key=lambda e: e[0]):  # the first of a text wins
                if entry[2].text not in taken and accept(entry[1]):
                    found.append(entry)
                    taken.add(entry[2].text)
                    long_enough |= len(entry[2].text) >= length
            # Whole distances only, so that ties are all seen; and on until one at least as
            # long as the key, since by_preference moves such a choice forward.
            if len(found) >= MAX_OPTIONS - 1 and (long_enough or above == end):
                break
        in_data_order = [choice for _, _, choice in sorted(found, key=lambda e: e[0])]
        return by_preference(in_data_order, key, None)[: MAX_OPTIONS - 1]
