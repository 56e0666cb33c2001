"""Canvas's QTI 1.2 package: a zip with imsmanifest.xml, the assessment and its Canvas metadata.

Identifiers are derived from the quiz's title and its set of items (`qti.quiz_id`), so the
same quiz gives the same package, and Canvas, which matches an import to a quiz by its
identifier, updates that quiz on a re-import rather than another one. Nothing refers to what
the package lacks (Canvas question banks, for one).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizgen.export import qti
from quizgen.export.lms import question_names
from quizgen.export.zipped import zipped
from quizgen.quiz import Question, Quiz

CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
MANIFEST = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
assessment_id = qti.quiz_id


def _item(section: ET.Element, q: Question, name: str) -> None:
    metadata = {
        "question_type": "multiple_choice_question",
        "points_possible": "1.0",
        "original_answer_ids": ",".join(qti.answer_ids(q)),
    }
    item, processing, ids = qti.item(section, q, name, metadata)
    # Canvas's own layout: each answer's feedback by a condition that goes on, then the key.
    for ident in ids:
        qti.show(qti.condition(processing, ident, goes_on=True), f"{ident}_fb")
    qti.score(qti.condition(processing, ids[q.key_index], goes_on=False), 100)
    qti.feedbacks(item, q, ids)


def assessment_xml(quiz: Quiz, ident: str) -> bytes:
    root = ET.Element("questestinterop", xmlns=qti.NAMESPACE)
    assessment = ET.SubElement(root, "assessment", ident=ident, title=quiz.title)
    meta = ET.SubElement(assessment, "qtimetadata")
    qti.field(meta, "cc_maxattempts", "1")
    section = ET.SubElement(assessment, "section", ident="root_section")
    names = question_names(quiz)
    for q in quiz.questions:
        _item(section, q, names[q.item.id])
    return qti.serialise(root)


def meta_xml(quiz: Quiz, ident: str) -> bytes:
    root = ET.Element("quiz", identifier=ident, xmlns=CANVAS)
    points = len(quiz.questions)
    for tag, text in (
        ("title", quiz.title),
        ("shuffle_answers", "true"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "assignment"),
        ("points_possible", f"{points}.0"),
        ("allowed_attempts", "1"),
    ):
        ET.SubElement(root, tag).text = text
    return qti.serialise(root)


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
    return qti.serialise(root)


def export(quiz: Quiz) -> bytes:
    ident = assessment_id(quiz)
    return zipped(
        [
            ("imsmanifest.xml", manifest_xml(quiz, ident)),
            (f"{ident}/{ident}.xml", assessment_xml(quiz, ident)),
            (f"{ident}/assessment_meta.xml", meta_xml(quiz, ident)),
        ]
    )
