"""The pieces of QTI 1.2 that the Canvas package and the Common Cartridge build alike: the
quiz's identifier, answer identifiers, metadata fields, texts and feedback."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET

from quizgen.export.lms import RIGHT
from quizgen.quiz import Question, Quiz

NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"


def quiz_id(quiz: Quiz) -> str:
    """From the title and the set of items: an LMS that matches an import to a quiz by its
    identifier updates the same quiz on a re-import, and never takes another quiz for it."""
    items = sorted({q.item.id for q in quiz.questions})
    named = "\x1f".join([quiz.title, str(quiz.options), *items])
    return "g" + hashlib.sha256(named.encode()).hexdigest()[:31]


def answer_ids(q: Question) -> list[str]:
    return [str(q.number * 100 + n + 1) for n in range(len(q.options))]


def field(parent: ET.Element, label: str, entry: str) -> None:
    element = ET.SubElement(parent, "qtimetadatafield")
    ET.SubElement(element, "fieldlabel").text = label
    ET.SubElement(element, "fieldentry").text = entry


def material(parent: ET.Element, text: str) -> None:
    element = ET.SubElement(parent, "material")
    ET.SubElement(element, "mattext", texttype="text/plain").text = text


def feedback(item: ET.Element, ident: str, text: str) -> None:
    element = ET.SubElement(item, "itemfeedback", ident=ident)
    material(ET.SubElement(element, "flow_mat"), text)


def item(
    section: ET.Element, q: Question, name: str, metadata: dict[str, str]
) -> tuple[ET.Element, ET.Element, list[str]]:
    """An item with its metadata, stem and options; returns it, its scoring block (whose
    first condition shows the rationale, as general feedback, after any answer) and the
    answers' identifiers."""
    ids = answer_ids(q)
    element = ET.SubElement(section, "item", ident=q.item.id, title=name)
    meta = ET.SubElement(ET.SubElement(element, "itemmetadata"), "qtimetadata")
    for label, entry in metadata.items():
        field(meta, label, entry)
    presentation = ET.SubElement(element, "presentation")
    material(presentation, q.item.stem)
    response = ET.SubElement(presentation, "response_lid", ident="response1", rcardinality="Single")
    render = ET.SubElement(response, "render_choice", shuffle="Yes")
    for ident, text in zip(ids, q.options, strict=True):
        material(ET.SubElement(render, "response_label", ident=ident), text)
    processing = ET.SubElement(element, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(
        outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal"
    )
    show(condition(processing, None, goes_on=True), "general_fb")
    return element, processing, ids


def feedbacks(element: ET.Element, q: Question, ids: list[str]) -> None:
    """The rationale as `general_fb`, and each answer's own feedback as `<answer>_fb`."""
    feedback(element, "general_fb", q.item.rationale)
    for n, ident in enumerate(ids):
        feedback(element, f"{ident}_fb", RIGHT if n == q.key_index else q.reasons[n])


def condition(processing: ET.Element, ident: str | None, *, goes_on: bool) -> ET.Element:
    """A response condition: on the answer `ident`, or on any answer if None."""
    element = ET.SubElement(processing, "respcondition", {"continue": "Yes" if goes_on else "No"})
    test = ET.SubElement(element, "conditionvar")
    if ident is None:
        ET.SubElement(test, "other")
    else:
        ET.SubElement(test, "varequal", respident="response1").text = ident
    return element


def show(condition: ET.Element, feedback_ident: str) -> None:
    ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=feedback_ident)


def score(condition: ET.Element, value: int) -> None:
    ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = str(value)


def serialise(root: ET.Element) -> bytes:
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"
