"""Which proven distractors come first: the ones an item will show when it has room for few."""

from __future__ import annotations

from quizgen.item import Choice


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
