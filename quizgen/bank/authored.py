"""Hand-written scenario items from data/, as bank items."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.bank.item import Choice, Item
from quizgen.bank.item_builder import new_item
from quizgen.data.model import Dataset


def items(data: Dataset) -> Iterator[Item]:
    for authored in data.items:
        yield new_item(
            id=authored.id,
            kind="scenario",
            fact=f"scenario:{authored.id}",
            stem=" ".join(authored.stem.split()),
            key=authored.key,
            # Authored distractors are written in the order the author wants them shown first.
            distractors=(Choice(d.text, d.why) for d in authored.distractors),
            rationale=" ".join(authored.rationale.split()),
            source=data.source(authored.source),
            quote=authored.quote,
            category=authored.category,
            area=authored.area,
            types=authored.types,
            basis={"item": authored.id},
            # Two hand-written items proved by the same words of a source test one fact.
            facets=(f"quote:{authored.source}:{' '.join(authored.quote.casefold().split())}",),
        )
