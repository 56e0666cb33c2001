"""The quiz as Markdown: a student copy per variant, then the answer keys with rationales."""

from __future__ import annotations

from quizgen.blueprint import COVERAGE_TITLE
from quizgen.quiz import LETTERS, Quiz, Variant


def _student(quiz: Quiz, variant: Variant) -> list[str]:
    out = [
        f"# {quiz.title} - variant {variant.label}",
        "",
        "Name: ________________  Date: ________",
        "",
    ]
    for q in variant.questions:
        out.append(f"{q.number}. {q.item.stem}")
        out += [f"    {LETTERS[n]}. {text}" for n, text in enumerate(q.options)]
        out.append("")
    return out


def _key(quiz: Quiz, variant: Variant) -> list[str]:
    out = [f"# Answer key - variant {variant.label}", ""]
    for q in variant.questions:
        out.append(f"{q.number}. **{q.key_letter}** - {q.options[q.key_index]}")
        out.append(f"    - Why: {q.item.rationale}")
        out.append(f"    - Source: {q.item.citation}")
        out += [
            f"    - {LETTERS[n]} is wrong: {why}"
            for n, why in enumerate(q.reasons)
            if n != q.key_index
        ]
        out.append("")
    return out


def export(quiz: Quiz) -> bytes:
    lines: list[str] = []
    for variant in quiz.variants:
        lines += _student(quiz, variant)
    for variant in quiz.variants:
        lines += _key(quiz, variant)
    if quiz.blueprint is not None:
        lines += [f"# {COVERAGE_TITLE}", "", *(f"- {s.coverage()}" for s in quiz.blueprint)]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
