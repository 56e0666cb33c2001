"""The feedback after an answer, teaching each thing once: the verdict, the key, why the chosen
option is wrong, the rationale, the source. What an earlier or fuller line already says is
left out: the rationale often states the key and quotes the source, and a wrong option's
reason often restates the rationale."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.bank.item import plain_words
from quizgen.quiz import LETTERS, Question

# How an option's reason names its source before saying what the source says.
_PREAMBLE = re.compile(r'^"[^"]+" says of [^:]+:\s*')
# A sentence ends at . ! or ? (or one inside a closing quotation mark) before a capital or an
# opening quotation mark; not after "vs." or "e.g."
_SENTENCE_END = re.compile(
    r"(?<!vs\.)(?<!e\.g\.)(?:(?<=[.!?])|(?<=[.!?]\u201d))\s+(?=[A-Z\"\u201c])"
)


@dataclass(frozen=True)
class Line:
    label: str  # "" for the verdict; "Why not b", "Why", "Source"
    text: str
    tone: str = ""  # "right" or "wrong" on the verdict


def letter(index: int) -> str:
    return LETTERS[index].lower()


def lines(question: Question, chosen: int | None, *, options_shown: bool) -> tuple[Line, ...]:
    """What to say after `chosen` (None: not answered). With `options_shown` the options are
    on the screen (marked ✓ and ✗ on the full screen), so the verdict names only letters;
    without (a list of missed questions, say) it spells out both options."""
    key, item = question.key_index, question.item
    options = question.options

    def named(n: int) -> str:
        # A sentence-long option keeps its words but not its full stop, inside the verdict.
        return letter(n) if options_shown else f"{letter(n)}) {options[n].rstrip('.')}"

    if chosen == key:
        said = [Line("", f"Right: {named(key)}.", "right")]
    else:
        given = "Not answered" if chosen is None else f"Not right: you chose {named(chosen)}"
        said = [Line("", f"{given}; the answer is {named(key)}.", "wrong")]
    if chosen is not None and chosen != key:
        reason = _untold(question.reasons[chosen], plain_words(item.rationale))
        if reason:
            said.append(Line(f"Why not {letter(chosen)}", reason))
    said.append(Line("Why", item.rationale))
    return (*said, *_source(question, said))


def sentences(text: str) -> list[str]:
    return _SENTENCE_END.split(text)


def _untold(reason: str, told: str) -> str:
    """The sentences of `reason` that `told` does not already say, after the words naming
    its source (kept when anything is left)."""
    preamble = _PREAMBLE.match(reason)
    lead = preamble.group(0) if preamble else ""
    left = [
        sentence for sentence in sentences(reason[len(lead) :]) if plain_words(sentence) not in told
    ]
    return lead + " ".join(left) if left else ""


def _source(question: Question, said: list[Line]) -> tuple[Line, ...]:
    """The source's title and words, less what the lines above already quoted."""
    cited = question.item.citation_beyond(*(line.text for line in said))
    return (Line("Source", cited),) if cited else ()
