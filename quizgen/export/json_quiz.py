"""The quiz as JSON: everything, answers included, for scripts and other tools."""

from __future__ import annotations

import json
from typing import Any

from quizgen.quiz import Question, Quiz


def question(q: Question) -> dict[str, Any]:
    item = q.item
    return {
        "number": q.number,
        "id": item.id,
        "kind": item.kind,
        "stem": item.stem,
        "options": [
            {"letter": chr(65 + n), "text": text, "correct": n == q.key_index, "why_wrong": why}
            for n, (text, why) in enumerate(zip(q.options, q.reasons, strict=True))
        ],
        "key": q.key_letter,
        "rationale": item.rationale,
        "source": {"id": item.source, "title": item.source_title, "quote": item.quote},
        "category": item.category,
        "area": item.area,
        "types": list(item.types),
    }


def export(quiz: Quiz) -> bytes:
    document: dict[str, Any] = {
        "title": quiz.title,
        "seed": quiz.seed,
        "options": quiz.options,
        "variants": [
            {"label": v.label, "questions": [question(q) for q in v.questions]}
            for v in quiz.variants
        ],
    }
    if quiz.blueprint is not None:
        document["blueprint"] = [
            {"area": s.area, "weight": s.weight, "target": s.target, "items": s.quota}
            for s in quiz.blueprint
        ]
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
