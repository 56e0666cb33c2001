"""The quiz as one printable HTML page: a student copy per variant, then a separate answer key.

Built with ElementTree, so every text from the data is escaped by the serializer.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizgen.blueprint import COVERAGE_TITLE
from quizgen.quiz import LETTERS, Quiz, Variant

STYLE = """
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 48rem; margin: 2rem auto;
       padding: 0 1rem; color: #111; }
h1 { font-size: 1.4rem; margin-bottom: .25rem; }
.who { display: flex; gap: 2rem; margin: .5rem 0 1.5rem; }
.who span { flex: 1; border-bottom: 1px solid #000; padding-bottom: .2rem; }
ol.questions > li { margin-bottom: 1rem; break-inside: avoid; }
ol.options { list-style: upper-alpha; margin: .3rem 0; }
.answer-key li { margin-bottom: .8rem; break-inside: avoid; }
.why { color: #333; font-size: .95em; }
.coverage { font-size: .9em; }
section { break-after: page; }
section:last-of-type { break-after: auto; }
@media print { body { margin: 0; max-width: none; } }
"""


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _student_copy(body: ET.Element, quiz: Quiz, variant: Variant) -> None:
    section = _sub(body, "section", **{"class": "student-copy", "data-variant": variant.label})
    _sub(section, "h1", f"{quiz.title} - variant {variant.label}")
    who = _sub(section, "div", **{"class": "who"})
    _sub(who, "span", "Name:")
    _sub(who, "span", "Date:")
    questions = _sub(section, "ol", **{"class": "questions"})
    for q in variant.questions:
        li = _sub(questions, "li")
        _sub(li, "p", q.item.stem)
        options = _sub(li, "ol", **{"class": "options"})
        for text in q.options:
            _sub(options, "li", text)


def _answer_key(body: ET.Element, quiz: Quiz, variant: Variant) -> None:
    section = _sub(body, "section", **{"class": "answer-key", "data-variant": variant.label})
    _sub(section, "h1", f"Answer key - {quiz.title} - variant {variant.label}")
    answers = _sub(section, "ol")
    for q in variant.questions:
        li = _sub(answers, "li")
        p = _sub(li, "p")
        _sub(p, "strong", f"{q.key_letter}. {q.options[q.key_index]}")
        _sub(li, "p", q.item.rationale, **{"class": "why"})
        _sub(li, "p", f"Source: {q.item.citation}", **{"class": "why"})
        wrong = _sub(li, "ul", **{"class": "why"})
        for n, why in enumerate(q.reasons):
            if n != q.key_index:
                _sub(wrong, "li", f"{LETTERS[n]}: {why}")


def _coverage(body: ET.Element, quiz: Quiz) -> None:
    if quiz.blueprint is None:
        return
    section = _sub(body, "section", **{"class": "coverage"})
    _sub(section, "h1", COVERAGE_TITLE)
    ul = _sub(section, "ul")
    for share in quiz.blueprint:
        _sub(ul, "li", share.coverage())


def export(quiz: Quiz) -> bytes:
    html = ET.Element("html", lang="en")
    head = _sub(html, "head")
    _sub(head, "meta", charset="utf-8")
    _sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _sub(head, "title", quiz.title)
    _sub(head, "style", STYLE)
    body = _sub(html, "body")
    for variant in quiz.variants:
        _student_copy(body, quiz, variant)
    for variant in quiz.variants:
        _answer_key(body, quiz, variant)
    _coverage(body, quiz)
    markup: bytes = ET.tostring(html, encoding="utf-8", method="html")
    return b"<!DOCTYPE html>\n" + markup + b"\n"
