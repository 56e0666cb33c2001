"""An IMS Common Cartridge (.imscc) holding the quiz as a QTI 1.2 assessment, in version 1.1
(Canvas, Moodle, Blackboard and Brightspace import it) or 1.2 (the version Schoology
documents; Moodle reads only 1.0 and 1.1, so no one version serves all five).

It keeps to the cartridge's QTI profile, and to what the importers read:
- the assessment is an item of the cartridge's organization, since Moodle imports only what
  the organization points at; the manifest declares its namespace first, where Moodle
  looks for it;
- each option's feedback is shown by the condition that scores that option: Moodle reads an
  option's feedback only there, and would take feedback from a condition that goes on for
  general feedback;
- the rationale is general feedback, `general_fb`, the name Canvas reads as such; no
  feedback name holds a word (correct, wrong, solution) that Canvas sorts by.
Cartridges have no place for tags; the id of each item is its QTI identifier.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from quizgen.export import qti
from quizgen.export.lms import question_names
from quizgen.export.zipped import zipped
from quizgen.quiz import Question, Quiz

XSI = "http://www.w3.org/2001/XMLSchema-instance"


@dataclass(frozen=True)
class Version:
    """What differs between cartridge versions: names, with the version in them."""

    number: str  # as in the manifest: "1.1.0"

    @property
    def tag(self) -> str:  # "v1p1"
        major, minor, _ = self.number.split(".")
        return f"v{major}p{minor}"

    @property
    def manifest(self) -> str:
        return f"http://www.imsglobal.org/xsd/imscc{self.tag}/imscp_v1p1"

    @property
    def lom(self) -> str:
        return f"http://ltsc.ieee.org/xsd/imscc{self.tag}/LOM/manifest"

    @property
    def profile(self) -> str:
        return f"http://www.imsglobal.org/profile/cc/cc{self.tag}"

    @property
    def assessment(self) -> str:
        return f"imsqti_xmlv1p2/imscc_xml{self.tag}/assessment"

    def schemas(self) -> str:
        return " ".join(
            (
                self.manifest,
                f"{self.profile}/cc{self.tag}_imscp_v1p2_v1p0.xsd",
                self.lom,
                f"{self.profile}/LOM/cc{self.tag}_lommanifest_v1p0.xsd",
            )
        )

    def qti_schemas(self) -> str:
        return f"{qti.NAMESPACE} {self.profile}/cc{self.tag}_qtiasiv1p2p1_v1p0.xsd"


V1_1 = Version("1.1.0")
V1_2 = Version("1.2.0")


def _item(section: ET.Element, q: Question, name: str) -> None:
    metadata = {"cc_profile": "cc.multiple_choice.v0p1", "cc_weighting": "1"}
    item, processing, ids = qti.item(section, q, name, metadata)
    for n, ident in enumerate(ids):
        answered = qti.condition(processing, ident, goes_on=False)
        qti.score(answered, 100 if n == q.key_index else 0)
        qti.show(answered, f"{ident}_fb")
    qti.feedbacks(item, q, ids)


def assessment_xml(quiz: Quiz, ident: str, version: Version) -> bytes:
    root = ET.Element(
        "questestinterop",
        {"xmlns": qti.NAMESPACE, "xmlns:xsi": XSI, "xsi:schemaLocation": version.qti_schemas()},
    )
    assessment = ET.SubElement(root, "assessment", ident=ident, title=quiz.title)
    meta = ET.SubElement(assessment, "qtimetadata")
    for label, entry in (
        ("cc_profile", "cc.exam.v0p1"),
        ("qmd_assessmenttype", "Examination"),
        ("qmd_scoretype", "Percentage"),
        ("qmd_feedbackpermitted", "Yes"),
        ("cc_maxattempts", "1"),
    ):
        qti.field(meta, label, entry)
    section = ET.SubElement(assessment, "section", ident="root_section")
    names = question_names(quiz)
    for q in quiz.questions:
        _item(section, q, names[q.item.id])
    return qti.serialise(root)


def manifest_xml(quiz: Quiz, ident: str, href: str, version: Version) -> bytes:
    root = ET.Element(
        "manifest",
        {
            "xmlns": version.manifest,
            "xmlns:lomimscc": version.lom,
            "xmlns:xsi": XSI,
            "identifier": f"M_{ident}",
            "xsi:schemaLocation": version.schemas(),
        },
    )
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Common Cartridge"
    ET.SubElement(metadata, "schemaversion").text = version.number
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
        ET.SubElement(root, "resources"),
        "resource",
        identifier=f"R_{ident}",
        type=version.assessment,
    )
    ET.SubElement(resource, "file", href=href)
    return qti.serialise(root)


def cartridge(quiz: Quiz, version: Version) -> bytes:
    ident = qti.quiz_id(quiz)
    href = f"{ident}/assessment.xml"
    return zipped(
        [
            ("imsmanifest.xml", manifest_xml(quiz, ident, href, version)),
            (href, assessment_xml(quiz, ident, version)),
        ]
    )


def export(quiz: Quiz) -> bytes:
    return cartridge(quiz, V1_1)


def export_1_2(quiz: Quiz) -> bytes:
    return cartridge(quiz, V1_2)
