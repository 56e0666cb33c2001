"""Hand-written scenario items from data/, as bank items."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.bank.item import Choice, Item
from quizgen.data.model import Dataset


def items(data: Dataset) -> Iterator[Item]:
    for authored in data.items:
        yield Item(
            id=authored.id,
            kind="scenario",
            fact=f"scenario:{authored.id}",
            stem=" ".join(authored.stem.split()),
            key=authored.key,
            # Authored distractors are written in the order the author wants them shown first.
            distractors=tuple(Choice(d.text, d.why) for d in authored.distractors),
            rationale=" ".join(authored.rationale.split()),
            source=authored.source,
            source_title=data.source(authored.source).title,
            quote=authored.quote,
            category=authored.category,
            area=authored.area,
            types=authored.types,
            basis={"item": authored.id},
            # Two hand-written items proved by the same words of a source test one fact.
            facets=(f"quote:{authored.source}:{' '.join(authored.quote.casefold().split())}",),
        )
