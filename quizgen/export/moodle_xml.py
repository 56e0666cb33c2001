"""Moodle XML: multichoice questions with per-answer and general feedback, tags and categories.

Texts are written as plain_text, so Moodle shows them as typed (no HTML is interpreted).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizgen.export.lms import RIGHT, moodle_tags, question_names
from quizgen.quiz import Question, Quiz


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = text
    return element


def _category(quiz: Quiz, root: ET.Element, category: str) -> None:
    question = ET.SubElement(root, "question", type="category")
    _text(question, "category", quiz.category_path(category))


def _multichoice(quiz: Quiz, root: ET.Element, q: Question, name: str) -> None:
    item = q.item
    question = ET.SubElement(root, "question", type="multichoice")
    _text(question, "name", name)
    _text(question, "questiontext", item.stem, format="plain_text")
    _text(question, "generalfeedback", item.rationale, format="plain_text")
    for tag, value in (
        ("defaultgrade", "1"),
        # Moodle's own default, as a GIFT import gets: a second try after the feedback
        # (adaptive mode) earns two thirds of the mark.
        ("penalty", "0.3333333"),
        ("hidden", "0"),
        ("idnumber", item.id),
        ("single", "true"),
        ("shuffleanswers", "true"),
        ("answernumbering", "abc"),
    ):
        ET.SubElement(question, tag).text = value
    for n, option in enumerate(q.options):
        correct = n == q.key_index
        answer = _text(
            question, "answer", option, fraction="100" if correct else "0", format="plain_text"
        )
        _text(answer, "feedback", RIGHT if correct else q.reasons[n], format="plain_text")
    tags = ET.SubElement(question, "tags")
    for tag in moodle_tags(quiz, item):
        _text(tags, "tag", tag)


def export(quiz: Quiz) -> bytes:
    root = ET.Element("quiz")
    names = question_names(quiz)
    current = None
    for q in sorted(quiz.questions, key=lambda q: (q.item.category, q.number)):
        if q.item.category != current:
            current = q.item.category
            _category(quiz, root, current)
        _multichoice(quiz, root, q, names[q.item.id])
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"
