"""The feedback after an answer, teaching each thing once: the verdict, the key, why the chosen
option is wrong, the rationale, the source. A line that says nothing an earlier one has not
(the rationale often quotes the source the citation would repeat) is left out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.quiz import LETTERS, Question


@dataclass(frozen=True)
class Line:
    label: str  # "" for the verdict; "Answer", "Why not b", "Why", "Source"
    text: str
    tone: str = ""  # "right" or "wrong" on the verdict


def letter(index: int) -> str:
    return LETTERS[index].lower()


def lines(question: Question, chosen: int | None, *, options_marked: bool) -> tuple[Line, ...]:
    """What to say after `chosen` (None: not answered). With `options_marked` the face marks
    the key and the chosen option on the card itself, so the key is not spelled out again;
    nor is it when the rationale states it."""
    key = question.key_index
    item = question.item
    if chosen == key:
        said = [Line("", "Right.", "right")]
    else:
        given = "Not answered" if chosen is None else "Not right"
        said = [Line("", f"{given}: the answer is {letter(key)}.", "wrong")]
        if not options_marked and _plain(question.options[key]) not in _plain(item.rationale):
            said.append(Line("Answer", f"{letter(key)}) {question.options[key]}"))
        if chosen is not None and question.reasons[chosen]:
            said.append(Line(f"Why not {letter(chosen)}", question.reasons[chosen]))
    said.append(Line("Why", item.rationale))
    return _once(said) + _source(question, _said(said))


def _plain(text: str) -> str:
    text = text.casefold().translate(str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''"))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _once(said: list[Line]) -> tuple[Line, ...]:
    kept: list[Line] = []
    for line in said:
        words = _plain(line.text)
        if line.label and any(words in _plain(k.text) for k in kept if k.label):
            continue
        kept.append(line)
    return tuple(kept)


def _said(said: list[Line]) -> str:
    return " ".join(_plain(k.text) for k in said)


def _source(question: Question, said: str) -> tuple[Line, ...]:
    """The source's title and words, less what the rationale already quoted."""
    item = question.item
    if _plain(item.quote) not in said:
        return (Line("Source", item.citation),)
    if _plain(item.source_title) not in said:
        return (Line("Source", item.source_title),)
    return ()
