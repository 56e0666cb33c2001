"""The quiz to print, as one HTML page: each variant's student copy (the questions, then an
answer sheet), then the answer grids, all on one sheet where they fit, and each variant's
answer key (or either part alone, for keys kept in a separate file).

Built with ElementTree, so every text from the data is escaped by the serializer. A small
script (paginate.js) lays the page out on sheets of the chosen paper when it opens; without
it the page still prints, one question never split across pages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from importlib.resources import files

from quizgen.blueprint import COVERAGE_TITLE
from quizgen.export.paper import (
    ANSWER_SHEET_NOTE,
    INSTRUCTORS_ONLY,
    ON_LETTER,
    PAPERS,
    Places,
    Printing,
    elsewhere,
    footer,
    grid_shape,
    instructions,
    option_columns,
    places,
    question_map,
    score_line,
    why_not,
)
from quizgen.quiz import LETTERS, Quiz, Variant

# The type sizes a student copy may take, in points, largest first: the script takes the
# largest that needs no more sheets of paper than the smallest, and no more pages of
# questions than ITEMS_PER_PAGE questions a page would.
TYPE_SIZES = "11 10.5 10 9.5"
ITEMS_PER_PAGE = 10

STYLE = """
@page { size: %(size)s; margin: 0; }
:root { --sheet-width: %(width)smm; --sheet-height: %(height)smm; --margin: %(margin)smm; }
* { box-sizing: border-box; }
/* Times New Roman, or a font of the same widths, so a page holds on every machine what it
   holds in the tests (Liberation Serif on Linux). */
body { font: 10pt/1.2 "Times New Roman", Times, "Liberation Serif", serif; color: #000;
       margin: 0; }
h1 { font-size: 1.35em; margin: 0 0 .15rem; }
h2 { font-size: 1.15em; margin: .4rem 0 .2rem; }
ol { margin: 0; padding: 0; }
p { margin: 0; }
.head { margin-bottom: .6rem; }
.variant { font-weight: bold; font-size: 1.15em; }
.who { display: flex; gap: 1.5rem; margin: .5rem 0 .35rem; }
.who span { flex: 1; border-bottom: 1px solid #000; padding-top: .6rem; }
.who span.score { flex: .6; }
.instructions { font-style: italic; }
ol.questions { padding-left: 1.9em; }
ol.questions > li { padding: 0 0 .3rem; break-inside: avoid; }
ol.options { list-style: none; display: grid; grid-template-columns: repeat(var(--columns, 1), 1fr);
             column-gap: .8rem; margin-top: .1rem; }
ol.options > li { display: flex; gap: .35em; }
.letter { font-weight: bold; min-width: 1.1em; }
/* The answer sheet and the answer grid: the same columns and rows, so one laid beside the
   other reads across line by line. */
ol.grid { list-style: none; display: grid; grid-auto-flow: column;
          grid-template-rows: repeat(var(--rows), auto);
          grid-template-columns: repeat(var(--columns), 1fr); column-gap: 1.2rem;
          font-size: 12pt; line-height: 2; margin-top: .4rem; }
ol.grid > li { display: flex; gap: .5rem; border-bottom: 1px dotted #888; }
ol.grid .n { min-width: 2.2em; text-align: right; }
.bubble { display: inline-block; width: 1.5em; height: 1.5em; line-height: 1.45em;
          border: 1px solid #000; border-radius: 50%%; text-align: center; font-size: .75em;
          margin: 0 .12em; vertical-align: middle; }
.answer-sheet .who { margin-top: .3rem; }
.grid-block { margin-bottom: 1rem; }
ul.map { list-style: none; padding: 0; margin: .3rem 0 0; column-count: 4; column-gap: 1.2rem; }
.key-question { font-style: italic; }
ol.key strong { font-size: 1.1em; }
.also { font-size: .9em; }
ol.key { padding-left: 1.9em; }
ol.key > li { padding: .2rem 0 .3rem; break-inside: avoid; }
ul.why { padding-left: 1.2em; margin: 0; }
section { break-after: page; }
section:last-of-type { break-after: auto; }
.own-sheet { break-before: page; }
@media screen {
  body.paged { background: #ccc; padding: 1rem 0; }
  .sheet { margin: 0 auto 1rem; box-shadow: 0 1px 4px #0006; background: #fff; }
}
.sheet { width: var(--sheet-width); height: var(--sheet-height); padding: 0 var(--margin);
         display: flex; flex-direction: column; overflow: hidden; break-after: page;
         background: #fff; }
.sheet:last-child { break-after: auto; }
.sheet.tall { height: auto; min-height: var(--sheet-height); }
.sheet.tall .sheet-body { column-fill: balance; }
/* Head and foot keep to the inner part of the margins, where every printer prints. */
.sheet-head, .sheet-foot { height: var(--margin); flex: none; display: flex; font-size: 8.5pt; }
.sheet-foot { justify-content: center; align-items: flex-start; padding-top: 2.5mm; }
.sheet-head { justify-content: space-between; align-items: flex-end; padding-bottom: 1.5mm; }
.badge { font: bold 13pt/1 sans-serif; border: 2px solid #000; padding: .05rem .4rem; }
.sheet-head .badge { margin-left: auto; }
.sheet-head .name-line { font-size: 9pt; }
.sheet-head .instructors { font-weight: bold; letter-spacing: .03em; }
.sheet-body { flex: 1; overflow: hidden; }
.sheet.student-copy .sheet-body.questions-body { column-count: 2; column-gap: 1.6em;
                                                 column-fill: auto; }
.sheet.student-copy .head { column-span: all; }
.blank { text-align: center; margin-top: 40%%; font-style: italic; }
"""


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _booklet(
    body: ET.Element, part: str, words: str, variant: str = "", *, students: bool = False
) -> ET.Element:
    """A run of sheets with one footer, `words` then "Page n of m". The script pads it to an
    even count of pages, so in two-sided printing the next starts on a sheet of its own."""
    attrs = {"class": f"booklet {part}", "data-footer": words}
    if variant:
        attrs["data-variant"] = variant
    if not students:
        attrs["data-head"] = INSTRUCTORS_ONLY
    return _sub(body, "section", **attrs)


def _letter(parent: ET.Element, letter: str) -> None:
    _sub(parent, "span", f"{letter}.", **{"class": "letter"}).tail = " "


def _who(parent: ET.Element, variant: Variant) -> None:
    who = _sub(parent, "div", **{"class": "who"})
    _sub(who, "span", "Name:")
    _sub(who, "span", "Date:")
    _sub(who, "span", score_line(variant), **{"class": "score"})


def _grid(parent: ET.Element, variant: Variant, *, keys: bool) -> None:
    """The answer sheet's rows of letters to mark (keys=False), or the grid of keys."""
    columns, rows = grid_shape(variant)
    shape = f"--columns: {columns}; --rows: {rows}"
    grid = _sub(parent, "ol", **{"class": "grid", "style": shape})
    for q in variant.questions:
        li = _sub(grid, "li", value=str(q.number))
        _sub(li, "span", f"{q.number}.", **{"class": "n"})
        if keys:
            _sub(li, "strong", q.key_letter, **{"class": "key"})
            continue
        marks = _sub(li, "span", **{"class": "marks"})
        for letter in LETTERS[: len(q.options)]:
            _sub(marks, "span", letter, **{"class": "bubble"})


def _student_copy(body: ET.Element, quiz: Quiz, variant: Variant) -> None:
    section = _booklet(body, "student-copy", footer(quiz, variant), variant.label, students=True)
    section.set("data-sizes", TYPE_SIZES)
    section.set("data-most-pages", str(-(-len(variant.questions) // ITEMS_PER_PAGE)))
    head = _sub(section, "header", **{"class": "head"})
    _sub(head, "h1", quiz.title)
    _sub(head, "p", f"Variant {variant.label}", **{"class": "variant"})
    _who(head, variant)
    _sub(head, "p", instructions(variant), **{"class": "instructions"})
    questions = _sub(section, "ol", **{"class": "questions"})
    for q in variant.questions:
        li = _sub(questions, "li", value=str(q.number))
        _sub(li, "p", q.item.stem, **{"class": "stem"})
        options = _sub(li, "ol", **{"class": "options", "style": f"--columns: {option_columns(q)}"})
        for n, text in enumerate(q.options):
            option = _sub(options, "li")
            _letter(option, LETTERS[n])
            _sub(option, "span", text, **{"class": "text"})
    sheet = _sub(section, "div", **{"class": "answer-sheet own-sheet"})
    _sub(sheet, "h1", f"Answer sheet - {quiz.title} - Variant {variant.label}")
    _who(sheet, variant)
    _sub(sheet, "p", ANSWER_SHEET_NOTE)
    _grid(sheet, variant, keys=False)


def _answer_grids(body: ET.Element, quiz: Quiz) -> None:
    section = _booklet(body, "answer-grids", footer(quiz, None, "Answer grids"))
    _sub(section, "h1", f"Answer grids - {quiz.title}")
    for variant in quiz.variants:
        block = _sub(section, "div", **{"class": "grid-block", "data-variant": variant.label})
        heading = _sub(block, "h2", "Variant ")
        _sub(heading, "span", variant.label, **{"class": "badge"})
        _grid(block, variant, keys=True)
    if len(quiz.variants) > 1:
        block = _sub(section, "div", **{"class": "question-map"})
        _sub(block, "h2", "The same question in each variant")
        listed = _sub(block, "ul", **{"class": "map"})
        for line in question_map(quiz):
            _sub(listed, "li", line)


def _answer_key(body: ET.Element, quiz: Quiz, variant: Variant, found: Places) -> None:
    section = _booklet(body, "answer-key", footer(quiz, variant, "Answer key"), variant.label)
    _sub(section, "h1", f"Answer key - {quiz.title} - Variant {variant.label}")
    answers = _sub(section, "ol", **{"class": "key"})
    for q in variant.questions:
        li = _sub(answers, "li", value=str(q.number))
        # The whole question, to read out, and where it is in the other variants.
        _sub(li, "p", q.item.stem, **{"class": "key-question"})
        also = elsewhere(found, variant, q)
        if also:
            _sub(li, "p", also, **{"class": "also"})
        p = _sub(li, "p")
        _sub(p, "strong", f"{q.key_letter}. {q.options[q.key_index]}")
        _sub(li, "p", q.item.rationale, **{"class": "why"})
        cited = q.item.citation_beyond(q.item.rationale)
        if cited:
            _sub(li, "p", f"Source: {cited}", **{"class": "why"})
        wrong = _sub(li, "ul", **{"class": "why"})
        for n in range(len(q.options)):
            if n != q.key_index:
                _sub(wrong, "li", why_not(q, n))


def _coverage(body: ET.Element, quiz: Quiz) -> None:
    if quiz.blueprint is None:
        return
    section = _booklet(body, "coverage", footer(quiz, None, COVERAGE_TITLE))
    _sub(section, "h1", COVERAGE_TITLE)
    ul = _sub(section, "ul")
    for share in quiz.blueprint:
        _sub(ul, "li", share.coverage())


def export(quiz: Quiz, printing: Printing = ON_LETTER) -> bytes:
    paper = PAPERS[printing.paper]
    html = ET.Element("html", lang="en")
    head = _sub(html, "head")
    _sub(head, "meta", charset="utf-8")
    _sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _sub(head, "title", quiz.title if printing.students else f"Answer keys - {quiz.title}")
    sizes = {
        "size": paper.css_size,
        "width": paper.width_mm,
        "height": paper.height_mm,
        "margin": paper.margin_mm,
    }
    _sub(head, "style", STYLE % sizes)
    body = _sub(html, "body")
    if printing.students:
        for variant in quiz.variants:
            _student_copy(body, quiz, variant)
    if printing.keys:
        _answer_grids(body, quiz)
        found = places(quiz)
        for variant in quiz.variants:
            _answer_key(body, quiz, variant, found)
        _coverage(body, quiz)
    _sub(body, "script", (files("quizgen.export") / "paginate.js").read_text("utf-8"))
    markup: bytes = ET.tostring(html, encoding="utf-8", method="html")
    return b"<!DOCTYPE html>\n" + markup + b"\n"
