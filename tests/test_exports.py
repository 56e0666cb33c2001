"""Every export format, read back by a reader that is not ours, says what the quiz says."""

from __future__ import annotations

import json
import os
import time
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen import atomic, load_data
from quizgen.bank.catalog import Catalog
from quizgen.bank.item import Choice, Item
from quizgen.export import (
    anki_deck,
    blackboard,
    brightspace,
    canvas_qti,
    common_cartridge,
    gift,
    html_quiz,
    json_quiz,
    lms,
    markdown_quiz,
    moodle_xml,
    tsv_cards,
)
from quizgen.quiz import LETTERS, Filters, Question, Quiz, Variant, assemble
from tests.conftest import DATA_DIR
from tests.exports_readback import (
    read_anki_fields,
    read_brightspace,
    read_common_cartridge,
    read_gift,
    read_moodle_xml,
    read_qti,
    read_tsv,
)

LONG = ("Long {=~#:} \\ text " * 300)[:5000]
HOSTILE = [
    "Braces { } tilde ~ equals = hash # colon : backslash \\ end",
    "Markup < > & \" ' <script>alert(1)</script> &amp;",
    "CDATA end ]]> and ]] > and <![CDATA[ x",
    "Line one\nline two\n\nafter a blank line",
    "Emoji 💆‍♀️🙂 and a flag 🇺🇸",
    "Right to left: עיסוי רפואי مساج طبي",
    LONG,
]


def _hostile_quiz() -> Quiz:
    questions = []
    for n, text in enumerate(HOSTILE):
        others = [h for h in HOSTILE if h != text][:3]
        item = Item(
            id=f"hostile-{n}",
            kind="value",
            fact=f"hostile:{n}",
            stem=f"{text} - which one?",
            key=f"Key {n}: {text}",
            distractors=tuple(Choice(f"Wrong {n}: {o}", f"Because {o}") for o in others),
            rationale=f"Rationale: {text}",
            source="src",
            source_title=f"Source {text[:40]}",
            quote=f"Quote {text[:60]}",
            category="payment",
            area="ethics-law",
        )
        key_index = n % 4
        options = [d.text for d in item.distractors]
        reasons = [d.why for d in item.distractors]
        options.insert(key_index, item.key)
        reasons.insert(key_index, "")
        questions.append(Question(n + 1, item, tuple(options), key_index, tuple(reasons)))
    return Quiz(
        title="Hostile {quiz} / week 1",
        seed=1,
        options=4,
        variants=(Variant("A", tuple(questions)),),
        category_labels={"payment": "Pay/ment {x}"},
        area_names={"ethics-law": "Ethics & <Law>"},
    )


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    return assemble(Catalog.of(load_data(DATA_DIR)), count=40, seed=3, blueprint="mblex")


def _expected(quiz: Quiz) -> list[Question]:
    return list(quiz.variants[0].questions)


@pytest.fixture(params=["shipped", "hostile"])
def any_quiz(request: pytest.FixtureRequest, quiz: Quiz) -> Quiz:
    return quiz if request.param == "shipped" else _hostile_quiz()


def _by_id(read: list[dict[str, Any]]) -> dict[object, dict[str, Any]]:
    return {q["id"]: q for q in read}


@pytest.mark.node
def test_gift_reads_back_to_the_same_questions(any_quiz: Quiz) -> None:
    read = {back["stem"]: back for back in read_gift(gift.export(any_quiz))}
    names = lms.question_names(any_quiz)
    expected = _expected(any_quiz)
    assert len(read) == len(expected)
    for q in expected:
        back = read[q.item.stem]
        assert back["id"] == names[q.item.id]  # the title; the id is in a comment
        assert back["format"] == "plain"
        assert back["options"] == list(q.options)
        assert back["key"] == q.key_index and back["correct"] == 1
        assert back["feedback"] == [
            lms.RIGHT if n == q.key_index else why for n, why in enumerate(q.reasons)
        ]
        assert back["general"] == q.item.rationale
        label = any_quiz.category_labels[q.item.category].replace("/", "//")
        assert back["category"] == f"$course$/{any_quiz.title.replace('/', '//')}/{label}"


def test_gift_escapes_backslash_first_then_specials() -> None:
    assert gift.escape("a\\{b}~=#:") == "a\\\\\\{b\\}\\~\\=\\#\\:"
    assert gift.escape("one\ntwo") == "one\\ntwo"


def test_moodle_xml_reads_back_with_every_setting_explicit(any_quiz: Quiz) -> None:
    read = _by_id(read_moodle_xml(moodle_xml.export(any_quiz)))
    for q in _expected(any_quiz):
        back = read[q.item.id]
        assert back["name"] == lms.question_names(any_quiz)[q.item.id]
        assert back["penalty"] == "0.3333333"  # Moodle's default, as in a GIFT import
        assert (back["stem"], back["format"]) == (q.item.stem, "plain_text")
        assert back["options"] == list(q.options)
        assert back["fractions"] == [
            "100" if n == q.key_index else "0" for n in range(len(q.options))
        ]
        assert back["feedback"] == [
            lms.RIGHT if n == q.key_index else why for n, why in enumerate(q.reasons)
        ]
        assert back["general"] == q.item.rationale
        assert back["settings"] == {
            "single": "true",
            "shuffleanswers": "true",
            "answernumbering": "abc",
        }
        assert back["tags"] == lms.moodle_tags(any_quiz, q.item)
        assert all(len(tag) <= 50 for tag in back["tags"])  # Moodle cuts a tag at 50
        assert str(back["category"]).startswith("$course$/")


def test_canvas_qti_package_reads_back_with_matching_identifiers(any_quiz: Quiz) -> None:
    items, structure = read_qti(canvas_qti.export(any_quiz))
    ident = structure["assessment_ident"]
    assert structure["meta_identifier"] == ident
    assert sorted(structure["names"]) == sorted(
        ["imsmanifest.xml", f"{ident}/{ident}.xml", f"{ident}/assessment_meta.xml"]
    )
    assert structure["resources"][ident] == f"{ident}/{ident}.xml"
    assert structure["meta"]["points_possible"] == f"{len(items)}.0"
    assert structure["meta"]["shuffle_answers"] == "true"
    read = _by_id(items)
    for q in _expected(any_quiz):
        back = read[q.item.id]
        assert back["type"] == "multiple_choice_question"
        assert back["meta"]["points_possible"] == "1.0"
        assert back["meta"]["original_answer_ids"] == ",".join(back["idents"])
        assert back["stem"] == q.item.stem.strip()
        assert back["options"] == [o.strip() for o in q.options]
        assert back["key"] == q.key_index and back["score"] == ["100"]
        assert back["feedback"] == [
            (lms.RIGHT if n == q.key_index else why).strip() for n, why in enumerate(q.reasons)
        ]
        assert back["general"] == q.item.rationale.strip()


def test_tsv_has_one_card_per_question_and_two_columns(any_quiz: Quiz) -> None:
    rows = read_tsv(tsv_cards.export(any_quiz))
    expected = _expected(any_quiz)
    assert len(rows) == len(expected)
    for row, q in zip(rows, expected, strict=True):
        assert len(row) == 2
        term, definition = row
        assert term.startswith(tsv_cards.flat(q.item.stem))
        for option in q.options:
            assert tsv_cards.flat(option) in term
        assert definition.startswith(f"({q.key_letter}) {tsv_cards.flat(q.item.key)}")


def _import(collection: Path, package: bytes, tmp_path: Path, name: str) -> Collection:
    path = tmp_path / name
    path.write_bytes(package)
    col = Collection(str(collection))
    col.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=str(path),
            options=ImportAnkiPackageOptions(
                merge_notetypes=True,
                # Anki's default: a note is updated when the package's copy is newer.
                update_notes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            ),
        )
    )
    return col


def test_anki_import_gives_one_note_per_item_and_updates_in_place(
    any_quiz: Quiz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    collection = tmp_path / "collection.anki2"
    col = _import(collection, anki_deck.export(any_quiz), tmp_path, "first.apkg")
    try:
        notes = {col.get_note(n)["Id"]: col.get_note(n) for n in col.find_notes("")}
        expected = _expected(any_quiz)
        assert sorted(notes) == sorted(q.item.id for q in expected)
        for q in expected:
            back = read_anki_fields(notes[q.item.id]["Question"], notes[q.item.id]["Answer"])
            assert back["stem"] == q.item.stem
            assert back["options"] == list(q.options)
            assert back["key"] == f"{q.key_letter}. {q.item.key}"
            assert back["rationale"] == q.item.rationale
            assert back["reasons"] == [
                f"{chr(65 + n)}: {why}" for n, why in enumerate(q.reasons) if n != q.key_index
            ]
            note = notes[q.item.id]
            assert (
                f"category::{any_quiz.category_labels[q.item.category].replace(' ', '_')}"
                in note.tags
            )
    finally:
        col.close()
    first = expected[0]
    changed = replace(
        first, item=replace(first.item, rationale=first.item.rationale + " (revised)")
    )
    revised = replace(
        any_quiz,
        variants=(Variant("A", (changed, *expected[1:])),),
    )
    # The second build is made a minute later, as next week's would be.
    later = time.time() + 60
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: later)
        package = anki_deck.export(revised)
    col = _import(collection, package, tmp_path, "second.apkg")
    try:
        ids = col.find_notes("")
        assert len(ids) == len(expected)
        note = next(col.get_note(n) for n in ids if col.get_note(n)["Id"] == first.item.id)
        assert read_anki_fields(note["Question"], note["Answer"])["rationale"] == (
            first.item.rationale + " (revised)"
        )
    finally:
        col.close()


def test_an_error_part_way_leaves_the_old_file_and_no_partial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "quiz.apkg"
    target.write_bytes(b"the old deck")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        atomic.write_bytes(target, b"x" * 100_000)
    assert target.read_bytes() == b"the old deck"
    assert list(tmp_path.iterdir()) == [target]
    monkeypatch.undo()
    atomic.write_bytes(target, b"the new deck")
    assert target.read_bytes() == b"the new deck"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_json_and_html_keep_hostile_text(any_quiz: Quiz) -> None:
    document = json.loads(json_quiz.export(any_quiz))
    page = lxml.html.document_fromstring(html_quiz.export(any_quiz))
    student = page.find_class("student-copy")[0]
    shown = student.findall("ol/li")
    for q, data, li in zip(
        _expected(any_quiz), document["variants"][0]["questions"], shown, strict=True
    ):
        assert data["stem"] == q.item.stem
        assert [o["text"] for o in data["options"]] == list(q.options)
        assert data["rationale"] == q.item.rationale
        assert li.find("p").text_content() == q.item.stem
        assert [o.find_class("text")[0].text_content() for o in li.findall("ol/li")] == list(
            q.options
        )
    # The one script lays the sheets out; no text from the data became another.
    (script,) = page.findall(".//script")
    assert script.text == (files("quizgen.export") / "paginate.js").read_text("utf-8")


# -- Markdown: rendered by Python-Markdown (what MkDocs and many LMS editors use) ----------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_any_text_renders_as_itself_in_markdown(value: str) -> None:
    """In a list item, where the export puts every text: no markup, no HTML, no lost mark."""
    import markdown

    html = markdown.markdown(f"1. {markdown_quiz.text(value)}")
    items = lxml.html.fromstring(f"<div>{html}</div>").xpath("//li")
    shown = items[0].text_content() if items else ""
    assert " ".join(shown.split()) == " ".join(value.split())
    assert not lxml.html.fromstring(f"<div>{html}</div>").xpath("//li//*[not(self::p)]")


def _rendered_markdown(quiz: Quiz) -> Any:
    import markdown

    return lxml.html.fromstring(
        f"<div>{markdown.markdown(markdown_quiz.export(quiz).decode())}</div>"
    )


def test_markdown_options_are_a_list_under_their_question(any_quiz: Quiz) -> None:
    page = _rendered_markdown(any_quiz)
    questions = any_quiz.variants[0].questions
    student = page.xpath("//ol")[0]
    items = student.xpath("./li")
    assert len(items) == len(questions)
    for li, q in zip(items, questions, strict=True):
        options = [o.text_content() for o in li.xpath("./ul/li")]
        assert options == [f"{LETTERS[n]}. {' '.join(o.split())}" for n, o in enumerate(q.options)]
    assert not page.xpath("//script | //*[@onerror] | //iframe")


def test_markdown_with_hostile_text_runs_nothing_in_chromium(browser: Any) -> None:
    import markdown

    html = markdown.markdown(markdown_quiz.export(_hostile_quiz()).decode())
    page = browser.new_page()
    dialogs: list[str] = []

    def seen(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", seen)
    page.set_content(f"<!doctype html><title>Quiz</title>{html}")
    page.wait_for_timeout(300)
    shown = page.inner_text("body")
    page.close()
    assert dialogs == []
    assert "<script>alert(1)</script>" in shown  # shown as text, not run


# -- Canvas QTI: identifiers, compression, references ---------------------------------------


def test_qti_identifier_follows_the_set_of_items() -> None:
    catalog = Catalog.of(load_data(DATA_DIR))
    twenty = assemble(catalog, count=5, seed=7)
    again = assemble(catalog, count=5, seed=7)
    medical = assemble(catalog, count=5, seed=7, filters=Filters(types=("medical",)))
    assert canvas_qti.assessment_id(twenty) == canvas_qti.assessment_id(again)
    assert {q.item.id for q in twenty.questions} != {q.item.id for q in medical.questions}
    assert canvas_qti.assessment_id(twenty) != canvas_qti.assessment_id(medical)
    retitled = replace(twenty, title="Week 2")
    assert canvas_qti.assessment_id(retitled) != canvas_qti.assessment_id(twenty)


def test_qti_package_is_deflated_and_refers_only_to_what_it_holds(quiz: Quiz) -> None:
    import io
    import zipfile

    from lxml import etree

    content = canvas_qti.export(quiz)
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        entries = package.infolist()
        names = {e.filename for e in entries}
        assert all(e.compress_type == zipfile.ZIP_DEFLATED for e in entries)
        assert len(content) < sum(e.file_size for e in entries) / 3
        manifest = etree.fromstring(package.read("imsmanifest.xml"))
        texts = [package.read(name) for name in names]
    ns = {"m": canvas_qti.MANIFEST}
    resources = {r.get("identifier") for r in manifest.iterfind(".//m:resource", ns)}
    refs = {d.get("identifierref") for d in manifest.iterfind(".//m:dependency", ns)}
    hrefs = {f.get("href") for f in manifest.iterfind(".//m:file", ns)}
    hrefs |= {r.get("href") for r in manifest.iterfind(".//m:resource", ns)}
    assert refs <= resources and hrefs <= names
    # No reference to a question bank or bank questions the package does not carry.
    assert not any(b"identifierref>" in t or b"_identifierref" in t for t in texts)


def test_moodle_tags_keep_names_that_fit_and_ids_for_the_rest(quiz: Quiz) -> None:
    item = next(q.item for q in quiz.questions if len(quiz.area_names[q.item.area]) > 45)
    tags = lms.moodle_tags(quiz, item)
    assert f"area:{item.area}" in tags and all(len(t) <= 50 for t in tags)
    assert f"category:{quiz.category_labels[item.category]}" in tags


def test_gift_carries_each_questions_id_and_tags_for_moodle(any_quiz: Quiz) -> None:
    content = gift.export(any_quiz).decode()
    for q in any_quiz.questions:
        marks = [
            f"// [id:{q.item.id}]",
            *(f"// [tag:{t}]" for t in lms.moodle_tags(any_quiz, q.item)),
        ]
        name = lms.question_names(any_quiz)[q.item.id]
        assert "\n".join(marks) + f"\n::{gift.escape(name)}::" in content


def test_blackboard_upload_rows_read_back_as_blackboard_reads_them(any_quiz: Quiz) -> None:
    """Blackboard's rules: tab-delimited, one question a row, no header or blank line, `MC`,
    then each option and `correct` or `incorrect` (exactly one correct)."""
    import csv
    import io

    text = blackboard.export(any_quiz).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    questions = _expected(any_quiz)
    assert len(rows) == len(questions) and "\n\n" not in text
    for row, q in zip(rows, questions, strict=True):
        assert row[0] == "MC" and row[1] == " ".join(q.item.stem.split())
        options, marks = row[2::2], row[3::2]
        assert options == [" ".join(o.split()) for o in q.options]
        assert marks == ["correct" if n == q.key_index else "incorrect" for n in range(4)]


def test_brightspace_csv_reads_back_as_d2l_reads_it(any_quiz: Quiz) -> None:
    questions = read_brightspace(brightspace.export(any_quiz))
    expected = _expected(any_quiz)
    assert len(questions) == len(expected)
    for read, q in zip(questions, expected, strict=True):
        assert read["type"] == "MC" and read["id"] == q.item.id and read["points"] == "1"
        assert read["title"] == lms.one_line(lms.question_names(any_quiz)[q.item.id])
        assert read["questiontext"] == lms.one_line(q.item.stem)
        assert read["options"] == [lms.one_line(o) for o in q.options]
        assert sorted(read["credit"]) == [0] * (len(q.options) - 1) + [100]
        assert read["key"] == q.key_index and not read["html"]
        assert read["option_feedback"] == [
            lms.RIGHT if n == q.key_index else lms.one_line(why) for n, why in enumerate(q.reasons)
        ]
        assert read["feedback"] == lms.one_line(q.item.rationale)


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_common_cartridge_reads_back_as_moodle_and_canvas_read_it(
    any_quiz: Quiz, version: str
) -> None:
    export = common_cartridge.export if version == "1.1" else common_cartridge.export_1_2
    questions, package = read_common_cartridge(export(any_quiz), version)
    assert package["title"] == any_quiz.title and len(package["names"]) == 2
    expected = _expected(any_quiz)
    assert len(questions) == len(expected)
    for read, q in zip(questions, expected, strict=True):
        assert read["id"] == q.item.id and read["title"] == lms.question_names(any_quiz)[q.item.id]
        assert read["profile"] == "cc.multiple_choice.v0p1" and read["weighting"] == "1"
        assert read["stem"] == q.item.stem and read["options"] == list(q.options)
        assert read["key"] == q.key_index
        assert read["feedback"] == [
            lms.RIGHT if n == q.key_index else why for n, why in enumerate(q.reasons)
        ]
        assert read["general"] == q.item.rationale  # once, and no option's feedback in it


def test_common_cartridge_is_deflated_and_named_by_its_items(quiz: Quiz) -> None:
    import io
    import zipfile

    def entries(content: bytes) -> list[zipfile.ZipInfo]:
        return zipfile.ZipFile(io.BytesIO(content)).infolist()

    fewer = replace(quiz, variants=(Variant("A", quiz.questions[:-1]),))
    whole = common_cartridge.export(quiz)
    assert common_cartridge.export(quiz) == whole
    assert all(e.compress_type == zipfile.ZIP_DEFLATED for e in entries(whole))
    assert len(whole) < sum(e.file_size for e in entries(whole)) / 3
    folders = [
        {e.filename.split("/")[0] for e in entries(c)}
        for c in (whole, common_cartridge.export(fewer))
    ]
    assert folders[0] != folders[1]


@given(st.text(min_size=1).filter(str.strip), st.integers(10, 80))
def test_a_short_stem_is_the_start_of_the_stem(stem: str, length: int) -> None:
    item = replace(_hostile_quiz().questions[0].item, stem=stem)
    short = item.short_stem(length)
    whole = " ".join(stem.split())
    assert len(short) <= length + 1
    assert short == whole or (short.endswith("…") and whole.startswith(short[:-1]))


def test_question_names_are_the_start_of_the_stem_and_never_repeat(quiz: Quiz) -> None:
    names = lms.question_names(quiz)
    assert len(set(names.values())) == len(quiz.questions)
    for q in quiz.questions:
        assert names[q.item.id].startswith(q.item.short_stem().rstrip("…"))
    # Two stems that start alike in a quiz: the second is told apart.
    start = "According to the page, which of these is true of long stems that start alike"
    first, second, *rest = quiz.questions
    one = replace(first, item=replace(first.item, stem=start + ", one?"))
    two = replace(second, item=replace(second.item, stem=start + ", two?"))
    twins = lms.question_names(replace(quiz, variants=(Variant("A", (one, two, *rest)),)))
    assert one.item.short_stem() == two.item.short_stem()
    assert twins[two.item.id] == twins[one.item.id] + " (2)"
