"""The quiz as JSON: everything, answers included, for scripts and other tools."""

from __future__ import annotations

import json
from typing import Any

from quizgen.quiz import LETTERS, Question, Quiz


def question(q: Question, options: int) -> dict[str, Any]:
    # The item's own fields as the item codec writes them; the key and distractors are
    # replaced by the options in this variant's order.
    item = q.item.public_json(options)
    del item["key"], item["distractors"]
    return {
        "number": q.number,
        **item,
        "options": [
            {"letter": LETTERS[n], "text": text, "correct": n == q.key_index, "why_wrong": why}
            for n, (text, why) in enumerate(zip(q.options, q.reasons, strict=True))
        ],
        "key": q.key_letter,
    }


def export(quiz: Quiz) -> bytes:
    document: dict[str, Any] = {
        "title": quiz.title,
        "seed": quiz.seed,
        "options": quiz.options,
        "variants": [
            {"label": v.label, "questions": [question(q, quiz.options) for q in v.questions]}
            for v in quiz.variants
        ],
    }
    if quiz.blueprint is not None:
        document["blueprint"] = [
            {"area": s.area, "weight": s.weight, "target": s.target, "items": s.quota}
            for s in quiz.blueprint
        ]
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
