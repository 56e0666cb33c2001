"""An IMS Common Cartridge 1.1 (.imscc) holding the quiz as a QTI 1.2 assessment: one file that
Canvas, Moodle, Blackboard, Brightspace and Schoology all import as a quiz.

It keeps to the cartridge's QTI profile, and to what the importers read:
- the assessment is an item of the cartridge's organization, since Moodle imports only what
  the organization points at; the manifest declares the CC 1.1 namespace first, where
  Moodle looks for it;
- each option's feedback is shown by the condition that scores that option: Moodle reads an
  option's feedback only there, and would take feedback from a condition that goes on for
  general feedback;
- the rationale is general feedback, `general_fb`, the name Canvas reads as such; no
  feedback name holds a word (correct, wrong, solution) that Canvas sorts by.
Cartridges have no place for tags; the id of each item is its QTI identifier.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizgen.export import qti
from quizgen.export.zipped import zipped
from quizgen.quiz import Question, Quiz

MANIFEST = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_MANIFEST = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
PROFILE = "http://www.imsglobal.org/profile/cc/ccv1p1"
MANIFEST_SCHEMAS = " ".join(
    (
        MANIFEST,
        f"{PROFILE}/ccv1p1_imscp_v1p2_v1p0.xsd",
        LOM_MANIFEST,
        f"{PROFILE}/LOM/ccv1p1_lommanifest_v1p0.xsd",
    )
)
QTI_SCHEMAS = f"{qti.NAMESPACE} {PROFILE}/ccv1p1_qtiasiv1p2p1_v1p0.xsd"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"


def _item(section: ET.Element, q: Question) -> None:
    metadata = {"cc_profile": "cc.multiple_choice.v0p1", "cc_weighting": "1"}
    item, processing, ids = qti.item(section, q, metadata)
    for n, ident in enumerate(ids):
        answered = qti.condition(processing, ident, goes_on=False)
        qti.score(answered, 100 if n == q.key_index else 0)
        qti.show(answered, f"{ident}_fb")
    qti.feedbacks(item, q, ids)


def assessment_xml(quiz: Quiz, ident: str) -> bytes:
    root = ET.Element(
        "questestinterop",
        {"xmlns": qti.NAMESPACE, "xmlns:xsi": XSI, "xsi:schemaLocation": QTI_SCHEMAS},
    )
    assessment = ET.SubElement(root, "assessment", ident=ident, title=quiz.title)
    meta = ET.SubElement(assessment, "qtimetadata")
    for label, entry in (
        ("cc_profile", "cc.exam.v0p1"),
        ("qmd_assessmenttype", "Examination"),
        ("qmd_scoretype", "Percentage"),
        ("cc_maxattempts", "1"),
    ):
        qti.field(meta, label, entry)
    section = ET.SubElement(assessment, "section", ident="root_section")
    for q in quiz.questions:
        _item(section, q)
    return qti.serialise(root)


def manifest_xml(quiz: Quiz, ident: str, href: str) -> bytes:
    root = ET.Element(
        "manifest",
        {
            "xmlns": MANIFEST,
            "xmlns:lomimscc": LOM_MANIFEST,
            "xmlns:xsi": XSI,
            "identifier": f"M_{ident}",
            "xsi:schemaLocation": MANIFEST_SCHEMAS,
        },
    )
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Common Cartridge"
    ET.SubElement(metadata, "schemaversion").text = "1.1.0"
    title = ET.SubElement(
        ET.SubElement(ET.SubElement(metadata, "lomimscc:lom"), "lomimscc:general"),
        "lomimscc:title",
    )
    ET.SubElement(title, "lomimscc:string", language="en").text = quiz.title
    organization = ET.SubElement(
        ET.SubElement(root, "organizations"),
        "organization",
        identifier=f"O_{ident}",
        structure="rooted-hierarchy",
    )
    top = ET.SubElement(organization, "item", identifier=f"I_{ident}_root")
    module = ET.SubElement(top, "item", identifier=f"I_{ident}_module")
    ET.SubElement(module, "title").text = quiz.title
    entry = ET.SubElement(module, "item", identifier=f"I_{ident}", identifierref=f"R_{ident}")
    ET.SubElement(entry, "title").text = quiz.title
    resource = ET.SubElement(
        ET.SubElement(root, "resources"), "resource", identifier=f"R_{ident}", type=ASSESSMENT
    )
    ET.SubElement(resource, "file", href=href)
    return qti.serialise(root)


def export(quiz: Quiz) -> bytes:
    ident = qti.quiz_id(quiz)
    href = f"{ident}/assessment.xml"
    return zipped(
        [
            ("imsmanifest.xml", manifest_xml(quiz, ident, href)),
            (href, assessment_xml(quiz, ident)),
        ]
    )
