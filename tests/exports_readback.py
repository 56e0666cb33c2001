"""Reading each export format back with a reader that is not ours, into one plain shape.

Every reader returns a list of questions as dicts: stem, options, key (index), feedback
(per option), general (the rationale) and, where the format has them, category and tags.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
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
                "penalty": question.findtext("penalty"),
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


def read_brightspace(content: bytes) -> list[Question]:
    """The csv module under the rules of D2L's sample file: UTF-8 with a byte-order mark, no
    header, a question from each `NewQuestion` row to the next, rows named by their first
    cell (trimmed, any case), `//` rows and empty rows skipped; an `Option` row is credit,
    text, an HTML flag, feedback."""
    assert content.startswith(b"\xef\xbb\xbf"), "not CSV UTF-8 (no byte-order mark)"
    out: list[Question] = []
    for cells in csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")):
        assert len(cells) == 5, cells
        name = cells[0].strip().lower()
        if name.startswith("//") or not any(cells):
            continue
        if name == "newquestion":
            out.append({"type": cells[1], "options": [], "credit": [], "option_feedback": []})
        elif name == "option":
            out[-1]["credit"].append(int(cells[1]))
            out[-1]["options"].append(cells[2])
            out[-1]["html"] = out[-1].get("html", False) or cells[3] == "HTML"
            out[-1]["option_feedback"].append(cells[4])
        else:
            assert name not in out[-1], f"two {name} rows in one question"
            out[-1][name] = cells[1]
    for question in out:
        question["key"] = question["credit"].index(100)
    return out


def _cc_resource_types(tag: str) -> set[str]:
    """The resource types a cartridge of this version ("v1p1") may hold."""
    return {
        "webcontent",
        f"imsqti_xmlv1p2/imscc_xml{tag}/assessment",
        f"imsqti_xmlv1p2/imscc_xml{tag}/question-bank",
        f"associatedcontent/imscc_xml{tag}/learning-application-resource",
        f"imsdt_xml{tag}",
        f"imswl_xml{tag}",
        "imsbasiclti_xmlv1p0",
    }


# The feedback names Canvas sorts into correct, wrong, general and solution feedback.
CANVAS_FEEDBACK_WORDS = re.compile(r"wrong|incorrect|_IC$|correct|_C$|general_|_all|solution", re.I)


def read_common_cartridge(
    content: bytes, version: str = "1.1"
) -> tuple[list[Question], dict[str, Any]]:
    """A Common Cartridge read as Moodle's and Canvas's importers read one (there is no
    maintained reader of cartridges to run): the manifest by the CC 1.1 rules they check
    (Moodle: the namespace in the first 500 bytes, the assessment reached from the
    organization; the profile's one file per assessment), the QTI file by qti2latex (a QTI
    reader from PyPI) for stems and options, and scores and feedback by Moodle's rules: an
    option's score and feedback from the conditions on that option, general feedback from
    the conditions that go on."""
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        names = package.namelist()
        head = package.read("imsmanifest.xml")[:500].lower()
        manifest = etree.fromstring(package.read("imsmanifest.xml"))
        files = {name: package.read(name) for name in names}
    tag = "v" + version.replace(".", "p")
    namespace = f"http://www.imsglobal.org/xsd/imscc{tag}/imscp_v1p1"
    flat = re.sub(rb"[\s'\"]", b"", head)
    assert b"xmlns=" + namespace.encode() in flat, "Moodle would not see what version it is"
    ns = {"m": namespace}
    assert manifest.findtext("m:metadata/m:schema", namespaces=ns) == "IMS Common Cartridge"
    assert manifest.findtext("m:metadata/m:schemaversion", namespaces=ns) == f"{version}.0"
    assert len(manifest.findall("m:metadata/{*}lom", ns)) == 1
    (organization,) = manifest.findall("m:organizations/m:organization", ns)
    assert organization.get("structure") == "rooted-hierarchy"
    (top,) = organization.findall("m:item", ns)
    assert top.find("m:title", ns) is None and top.get("identifierref") is None
    inner = top.findall(".//m:item", ns)
    assert all(item.findtext("m:title", namespaces=ns) for item in inner)
    resources = {r.get("identifier"): r for r in manifest.findall("m:resources/m:resource", ns)}
    assert {r.get("type") for r in resources.values()} <= _cc_resource_types(tag)
    pointed = [item.get("identifierref") for item in inner if item.get("identifierref")]
    assert set(pointed) <= set(resources)
    quizzes = [resources[ref] for ref in pointed if "assessment" in resources[ref].get("type")]
    assert len(quizzes) == 1, "Moodle imports an assessment only from the organization"
    (quiz,) = quizzes
    assert quiz.get("href") is None
    (file,) = quiz.findall("m:file", ns)
    href = file.get("href")
    assert href in files
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "assessment.xml"
        path.write_bytes(files[href])
        tree = etree.parse(str(path))
        (assessment,) = qti2latex.findall_anyns(tree.getroot(), "assessment")
        assert len(qti2latex.findall_anyns(assessment, "section")) == 1
        out: list[Question] = []
        for item in qti2latex.findall_anyns(tree.getroot(), "item"):
            meta = qti2latex.get_qti_metadata(item)
            idents = [ident for ident, _ in qti2latex.get_choices(item)]
            conditions = qti2latex.findall_anyns(item, "respcondition")
            feedback = {
                fb.get("ident"): qti2latex.text_of(
                    qti2latex.findall_anyns(next(iter(fb)), "mattext")[0]
                )
                for fb in qti2latex.findall_anyns(item, "itemfeedback")
                if etree.QName(next(iter(fb))).localname == "flow_mat"
            }
            shown = {d.get("linkrefid") for d in qti2latex.findall_anyns(item, "displayfeedback")}
            assert shown == set(feedback), "feedback shown and feedback given differ"

            def on(ident: str, rcs: list[Any] = conditions) -> list[Any]:
                return [
                    rc
                    for rc in rcs
                    if (eq := qti2latex.findall_anyns(rc, "varequal")) and eq[0].text == ident
                ]

            def links(rcs: list[Any]) -> list[str]:
                return [d.get("linkrefid") for rc in rcs for d in rc if "displayfeedback" in d.tag]

            scores = []
            for ident in idents:
                setvars = qti2latex.findall_anyns(on(ident)[-1], "setvar")
                # PHP's empty(): "" and "0" are no score.
                scores.append(int(bool(setvars) and setvars[0].text not in ("", "0")))
            going_on = [rc for rc in conditions if rc.get("continue") == "Yes"]
            assert not any(CANVAS_FEEDBACK_WORDS.search(x) for i in idents for x in links(on(i)))
            out.append(
                {
                    "id": item.get("ident"),
                    "title": item.get("title"),
                    "profile": meta.get("cc_profile"),
                    "weighting": meta.get("cc_weighting"),
                    "stem": qti2latex.get_item_stem(item),
                    "options": [text for _, text in qti2latex.get_choices(item)],
                    "key": scores.index(1) if sum(scores) == 1 else None,
                    "feedback": [" ".join(feedback[x] for x in links(on(i))) for i in idents],
                    "general": " ".join(feedback[x] for x in links(going_on)),
                }
            )
    return out, {"names": names, "title": assessment.get("title")}


def _pandoc_text(inlines: list[Any]) -> str:
    parts = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            parts.append(content)
        elif kind in ("Space", "SoftBreak"):
            parts.append(" ")
        elif kind == "LineBreak":
            parts.append("\n")
        elif kind in ("Strong", "Emph", "Underline", "Strikeout", "SmallCaps"):
            parts.append(_pandoc_text(content))
        elif kind in ("Span", "Link"):
            parts.append(_pandoc_text(content[1]))
        else:
            raise AssertionError(f"pandoc read something unexpected: {kind}")
    return "".join(parts)


def _pandoc_blocks(blocks: list[Any]) -> list[Any]:
    out: list[Any] = []
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind in ("Para", "Plain"):
            out.append(_pandoc_text(content))
        elif kind == "Header":
            out.append(_pandoc_text(content[2]))
        elif kind in ("BlockQuote", "Div"):
            out += _pandoc_blocks(content if kind == "BlockQuote" else content[1])
        elif kind == "Table":
            head, bodies = content[3], content[4]
            rows = head[1] + [row for body in bodies for row in body[2] + body[3]]
            out.append(
                [["".join(map(str, _pandoc_blocks(cell[4]))) for cell in row[1]] for row in rows]
            )
        else:
            raise AssertionError(f"pandoc read an unexpected block: {kind}")
    return out


def read_docx(content: bytes) -> list[Any]:
    """pandoc's Word reader: the document's paragraphs in order, each as its text (a line
    break as a newline), and each table as its rows of cell texts."""
    if shutil.which("pandoc") is None:
        raise AssertionError("pandoc is not installed: apt-get install pandoc")
    result = subprocess.run(
        ["pandoc", "--from", "docx", "--to", "json"], input=content, capture_output=True
    )
    assert result.returncode == 0, result.stderr.decode()
    return _pandoc_blocks(json.loads(result.stdout)["blocks"])


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
