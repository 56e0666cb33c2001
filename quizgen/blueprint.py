"""Spreading a quiz over the exam's content areas by their weights, where the content reaches."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


class Area(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def weight(self) -> int: ...


@dataclass(frozen=True)
class AreaShare:
    area: str
    name: str
    weight: int
    available: int  # distinct facts the filtered bank has in this area
    quota: int  # items the quiz takes from it
    target: int  # items the exam's weights would give it

    @property
    def short(self) -> bool:
        return self.quota < self.target

    def coverage(self) -> str:
        """One line on how far the quiz covers this area, for people (the same wherever shown)."""
        note = ""
        if self.available == 0:
            note = " - not covered by this material"
        elif self.short:
            note = f" - only {self.available} items available"
        return f"{self.name} ({self.weight}%): {self.quota} of {self.target}{note}"


COVERAGE_TITLE = "Coverage of the MBLEx content areas"


def quotas(
    areas: Sequence[Area], available: Mapping[str, int], count: int
) -> tuple[AreaShare, ...]:
    """Largest-remainder shares of `count` over the covered areas, in proportion to weight.

    An area with fewer items than its share gives all it has, and the rest is shared out
    again among the areas that still have items.
    """
    quota = {a.id: 0 for a in areas}
    remaining = count
    open_areas = [a for a in areas if available.get(a.id, 0) > 0 and a.weight > 0]
    while remaining > 0 and open_areas:
        total = sum(a.weight for a in open_areas)
        exact = {a.id: remaining * a.weight / total for a in open_areas}
        share = {k: int(v) for k, v in exact.items()}
        leftover = remaining - sum(share.values())
        for area_id in sorted(exact, key=lambda k: (share[k] - exact[k], k))[:leftover]:
            share[area_id] += 1
        for a in open_areas:
            take = min(share[a.id], available[a.id] - quota[a.id])
            quota[a.id] += take
            remaining -= take
        open_areas = [a for a in open_areas if quota[a.id] < available[a.id]]
    return tuple(
        AreaShare(
            a.id,
            a.name,
            a.weight,
            available.get(a.id, 0),
            quota[a.id],
            round(count * a.weight / 100),
        )
        for a in areas
    )
