"""Canvas's QTI 1.2 package: a zip with imsmanifest.xml, the assessment and its Canvas metadata.

Identifiers are derived from the quiz's title and its set of items, so the same quiz gives
the same package, and Canvas, which matches an import to a quiz by its identifier, updates
that quiz on a re-import rather than another one. Nothing refers to what the package lacks
(Canvas question banks, for one).
"""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile

from quizgen.export.lms import RIGHT
from quizgen.quiz import Question, Quiz

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
MANIFEST = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def assessment_id(quiz: Quiz) -> str:
    items = sorted({q.item.id for q in quiz.questions})
    named = "\x1f".join([quiz.title, str(quiz.options), *items])
    return "g" + hashlib.sha256(named.encode()).hexdigest()[:31]


def answer_ids(q: Question) -> list[str]:
    return [str(q.number * 100 + n + 1) for n in range(len(q.options))]


def _field(parent: ET.Element, label: str, entry: str) -> None:
    field = ET.SubElement(parent, "qtimetadatafield")
    ET.SubElement(field, "fieldlabel").text = label
    ET.SubElement(field, "fieldentry").text = entry


def _material(parent: ET.Element, text: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/plain").text = text


def _feedback(item: ET.Element, ident: str, text: str) -> None:
    feedback = ET.SubElement(item, "itemfeedback", ident=ident)
    _material(ET.SubElement(feedback, "flow_mat"), text)


def _item(section: ET.Element, q: Question) -> None:
    ids = answer_ids(q)
    item = ET.SubElement(section, "item", ident=q.item.id, title=f"Question {q.number}")
    meta = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    _field(meta, "question_type", "multiple_choice_question")
    _field(meta, "points_possible", "1.0")
    _field(meta, "original_answer_ids", ",".join(ids))
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, q.item.stem)
    response = ET.SubElement(presentation, "response_lid", ident="response1", rcardinality="Single")
    choices = ET.SubElement(response, "render_choice")
    for ident, text in zip(ids, q.options, strict=True):
        _material(ET.SubElement(choices, "response_label", ident=ident), text)
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(
        outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal"
    )
    general = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
    ET.SubElement(ET.SubElement(general, "conditionvar"), "other")
    ET.SubElement(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    for ident in ids:
        shown = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
        equal = ET.SubElement(
            ET.SubElement(shown, "conditionvar"), "varequal", respident="response1"
        )
        equal.text = ident
        ET.SubElement(shown, "displayfeedback", feedbacktype="Response", linkrefid=f"{ident}_fb")
    correct = ET.SubElement(processing, "respcondition", {"continue": "No"})
    key = ET.SubElement(ET.SubElement(correct, "conditionvar"), "varequal", respident="response1")
    key.text = ids[q.key_index]
    ET.SubElement(correct, "setvar", action="Set", varname="SCORE").text = "100"
    _feedback(item, "general_fb", q.item.rationale)
    for n, ident in enumerate(ids):
        _feedback(item, f"{ident}_fb", RIGHT if n == q.key_index else q.reasons[n])


def assessment_xml(quiz: Quiz, ident: str) -> bytes:
    root = ET.Element("questestinterop", xmlns=QTI)
    assessment = ET.SubElement(root, "assessment", ident=ident, title=quiz.title)
    meta = ET.SubElement(assessment, "qtimetadata")
    _field(meta, "cc_maxattempts", "1")
    section = ET.SubElement(assessment, "section", ident="root_section")
    for q in quiz.questions:
        _item(section, q)
    return _serialise(root)


def meta_xml(quiz: Quiz, ident: str) -> bytes:
    root = ET.Element("quiz", identifier=ident, xmlns=CANVAS)
    points = len(quiz.questions)
    for tag, text in (
        ("title", quiz.title),
        ("description", f"Seed {quiz.seed}; {points} questions."),
        ("shuffle_answers", "true"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "assignment"),
        ("points_possible", f"{points}.0"),
        ("allowed_attempts", "1"),
    ):
        ET.SubElement(root, tag).text = text
    return _serialise(root)


def manifest_xml(quiz: Quiz, ident: str) -> bytes:
    root = ET.Element("manifest", identifier=f"{ident}-manifest", xmlns=MANIFEST)
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    quiz_res = ET.SubElement(
        resources, "resource", identifier=ident, type="imsqti_xmlv1p2", href=f"{ident}/{ident}.xml"
    )
    ET.SubElement(quiz_res, "file", href=f"{ident}/{ident}.xml")
    ET.SubElement(quiz_res, "dependency", identifierref=f"{ident}-meta")
    meta_res = ET.SubElement(
        resources,
        "resource",
        identifier=f"{ident}-meta",
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{ident}/assessment_meta.xml",
    )
    ET.SubElement(meta_res, "file", href=f"{ident}/assessment_meta.xml")
    return _serialise(root)


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


def export(quiz: Quiz) -> bytes:
    ident = assessment_id(quiz)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in (
            ("imsmanifest.xml", manifest_xml(quiz, ident)),
            (f"{ident}/{ident}.xml", assessment_xml(quiz, ident)),
            (f"{ident}/assessment_meta.xml", meta_xml(quiz, ident)),
        ):
            entry = zipfile.ZipInfo(name, FIXED_TIME)
            # A ZipInfo is stored uncompressed unless told, whatever the archive's default.
            entry.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(entry, content)
    return buffer.getvalue()
