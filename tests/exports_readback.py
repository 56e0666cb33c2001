"""Reading each export format back with a reader that is not ours, into one plain shape.

Every reader returns a list of questions as dicts: stem, options, key (index), feedback
(per option), general (the rationale) and, where the format has them, category and tags.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import lxml.html
import qti2latex
from lxml import etree

from tests.conftest import REPO

GIFT_READER = REPO / "tests" / "readers" / "parse-gift.mjs"

Question = dict[str, Any]


def read_gift(content: bytes) -> list[Question]:
    """gift-pegjs, a PEG grammar of Moodle's GIFT format, run by Node."""
    if not (REPO / "tests" / "readers" / "node_modules" / "gift-pegjs").is_dir():
        raise AssertionError("gift-pegjs is not installed: run `make test` (npm ci)")
    result = subprocess.run(
        ["node", str(GIFT_READER)], input=content, capture_output=True, check=True
    )
    out: list[Question] = []
    category = None
    for entry in json.loads(result.stdout):
        if entry["type"] == "Category":
            category = entry["title"]
            continue
        assert entry["type"] == "MC"
        choices = entry["choices"]
        out.append(
            {
                "id": entry["title"],
                "stem": entry["stem"]["text"],
                "format": entry["stem"]["format"],
                "options": [c["text"]["text"] for c in choices],
                "key": [c["isCorrect"] for c in choices].index(True),
                "correct": sum(c["isCorrect"] for c in choices),
                "feedback": [c["feedback"]["text"] for c in choices],
                "general": entry["globalFeedback"]["text"],
                "category": category,
            }
        )
    return out


def _texts(element: Any, path: str) -> list[str]:
    return [t.text or "" for t in element.findall(path)]


def read_moodle_xml(content: bytes) -> list[Question]:
    """lxml with a strict parser: malformed XML fails here, as it would in Moodle."""
    root = etree.fromstring(content, etree.XMLParser(recover=False, resolve_entities=False))
    out: list[Question] = []
    category = None
    for question in root.findall("question"):
        if question.get("type") == "category":
            category = question.findtext("category/text")
            continue
        answers = question.findall("answer")
        out.append(
            {
                "id": question.findtext("idnumber"),
                "name": question.findtext("name/text"),
                "stem": question.findtext("questiontext/text"),
                "format": question.find("questiontext").get("format"),
                "options": [a.findtext("text") for a in answers],
                "key": [a.get("fraction") for a in answers].index("100"),
                "fractions": [a.get("fraction") for a in answers],
                "feedback": [a.findtext("feedback/text") for a in answers],
                "general": question.findtext("generalfeedback/text"),
                "settings": {
                    tag: question.findtext(tag)
                    for tag in ("single", "shuffleanswers", "answernumbering")
                },
                "tags": _texts(question, "tags/tag/text"),
                "category": category,
            }
        )
    return out


def read_qti(content: bytes) -> tuple[list[Question], dict[str, Any]]:
    """qti2latex (a Canvas QTI reader from PyPI) for items; lxml for the package structure.

    qti2latex counts every <varequal> as a correct answer, including the conditions that only
    show feedback, so the key is read from the condition that sets the score.
    """
    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            names = package.namelist()
            package.extractall(folder)
        root = Path(folder)
        manifest = etree.parse(str(root / "imsmanifest.xml"))
        ns = {"m": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"}
        resources = {
            r.get("identifier"): r.get("href") for r in manifest.findall(".//m:resource", ns)
        }
        files = [p for p in qti2latex.read_qti_dir(root) if p.name != "assessment_meta.xml"]
        assert len(files) == 1
        tree = etree.parse(str(files[0]))
        meta = etree.parse(str(files[0].parent / "assessment_meta.xml"))
        out: list[Question] = []
        for item in qti2latex.findall_anyns(tree.getroot(), "item"):
            choices = qti2latex.get_choices(item)
            idents = [ident for ident, _ in choices]
            scoring = [
                rc
                for rc in qti2latex.findall_anyns(item, "respcondition")
                if qti2latex.findall_anyns(rc, "setvar")
            ]
            keys = [qti2latex.findall_anyns(rc, "varequal")[0].text for rc in scoring]
            feedback = {
                fb.get("ident"): qti2latex.text_of(qti2latex.findall_anyns(fb, "mattext")[0])
                for fb in qti2latex.findall_anyns(item, "itemfeedback")
            }
            out.append(
                {
                    "id": item.get("ident"),
                    "stem": qti2latex.get_item_stem(item),
                    "type": qti2latex.guess_type(qti2latex.get_qti_metadata(item), item),
                    "meta": qti2latex.get_qti_metadata(item),
                    "options": [text for _, text in choices],
                    "idents": idents,
                    "key": idents.index(keys[0]) if len(keys) == 1 else None,
                    "score": [
                        s.text for rc in scoring for s in qti2latex.findall_anyns(rc, "setvar")
                    ],
                    "feedback": [feedback.get(f"{i}_fb") for i in idents],
                    "general": feedback.get("general_fb"),
                }
            )
        structure = {
            "names": names,
            "resources": resources,
            "assessment_ident": qti2latex.findall_anyns(tree.getroot(), "assessment")[0].get(
                "ident"
            ),
            "meta_identifier": meta.getroot().get("identifier"),
            "meta": {child.tag.split("}")[-1]: child.text for child in meta.getroot()},
        }
        return out, structure


def read_tsv(content: bytes) -> list[list[str]]:
    return list(
        csv.reader(io.StringIO(content.decode("utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE)
    )


def read_anki_fields(question: str, answer: str) -> Question:
    """The note's HTML fields, parsed by lxml's HTML parser back into texts."""

    def parse(fragment: str) -> Any:
        return lxml.html.fragment_fromstring(
            re.sub(r"<br\s*/?>", "\n", fragment), create_parent="div"
        )

    front, back = parse(question), parse(answer)
    paragraphs = [p.text_content() for p in back.findall("p")]
    return {
        "stem": front.find("p").text_content(),
        "options": [li.text_content() for li in front.findall("ol/li")],
        "key": paragraphs[0],
        "rationale": paragraphs[1],
        "reasons": [li.text_content() for li in back.findall("ul/li")],
        "source": paragraphs[2],
    }
