"""Pool.best must pick exactly what ranking every accepted choice would pick, each text once
and never the key's."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from quizgen.bank.distractors import MAX_OPTIONS, Pool, by_preference
from quizgen.bank.item import Choice

# Short texts over a small alphabet, so that equal lengths and equal texts (ties) are common.
texts = st.text(alphabet="ab ", min_size=1, max_size=12)


@given(
    pool=st.lists(texts, max_size=30),
    key=texts,
    rejected=st.sets(st.integers(min_value=0, max_value=29)),
)
# Four near the key but all shorter: the one longer choice, far off, must still come second.
@example(pool=["a", "aa", "aaa", "aaaa", "a" * 12], key="aaaaa", rejected=set())
def test_best_is_the_top_of_the_full_ranking(pool: list[str], key: str, rejected: set[int]) -> None:
    choices = [Choice(text, f"reason {n}") for n, text in enumerate(pool)]
    accepted = [c for n, c in enumerate(choices) if n not in rejected]
    first_of_each_text = {c.text: c for c in reversed(accepted) if c.text != key}
    accepted = [c for c in accepted if first_of_each_text.get(c.text) is c]
    expected = by_preference(accepted, key, None)[: MAX_OPTIONS - 1]
    tested: list[int] = []

    def accept(n: int) -> bool:
        tested.append(n)
        return n not in rejected

    assert Pool(enumerate(choices)).best(key, accept) == expected
    assert len(tested) == len(set(tested))  # each choice is tested at most once


def test_best_stops_early_in_a_large_pool() -> None:
    """With many choices far from the key's length, only the nearest few are tested."""
    choices = [Choice("x" * (10 + n), "") for n in range(1000)]
    tested: list[int] = []

    def accept(n: int) -> bool:
        tested.append(n)
        return True

    best = Pool(enumerate(choices)).best("y" * 12, accept)
    assert [len(c.text) for c in best] == [12, 11, 13, 10]
    assert len(tested) < 10
