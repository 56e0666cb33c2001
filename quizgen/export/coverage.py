"""What a blueprint quiz says about the exam areas it could and could not cover."""

from __future__ import annotations

from quizgen.quiz import Quiz


def coverage_lines(quiz: Quiz) -> list[str]:
    if quiz.blueprint is None:
        return []
    out = ["# Coverage of the MBLEx content areas", ""]
    for share in quiz.blueprint:
        note = ""
        if share.available == 0:
            note = " - not covered by this material"
        elif share.short:
            note = f" - only {share.available} items available"
        out.append(f"- {share.name} ({share.weight}%): {share.quota} of {share.target}{note}")
    return [*out, ""]
