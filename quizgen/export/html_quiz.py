"""The quiz to print, as one HTML page: each variant's student copy, then the answer grids and
the answer keys (or either part alone, for keys kept in a separate file).

Built with ElementTree, so every text from the data is escaped by the serializer. A small
script (paginate.js) lays the page out on sheets of the chosen paper when it opens; without
it the page still prints, one question never split across pages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from importlib.resources import files

from quizgen.blueprint import COVERAGE_TITLE
from quizgen.export.paper import (
    ON_LETTER,
    PAPERS,
    Printing,
    footer,
    instructions,
    option_columns,
    score_line,
)
from quizgen.quiz import LETTERS, Quiz, Variant

STYLE = """
@page { size: %(size)s; margin: 0; }
:root { --sheet-width: %(width)smm; --sheet-height: %(height)smm; --margin: %(margin)smm; }
* { box-sizing: border-box; }
/* Times New Roman, or a font of the same widths, so a page holds on every machine what it
   holds in the tests (Liberation Serif on Linux). */
body { font: 9.5pt/1.18 "Times New Roman", Times, "Liberation Serif", serif; color: #000;
       margin: 0; }
h1 { font-size: 13pt; margin: 0 0 .15rem; }
ol { margin: 0; padding: 0; }
p { margin: 0; }
.head { margin-bottom: .6rem; }
.variant { font-weight: bold; }
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
ol.grid { list-style: none; column-gap: 1.5rem; font-size: 12pt; line-height: 1.6;
          margin-top: .5rem; }
ol.grid > li { display: flex; gap: .6rem; border-bottom: 1px dotted #888; break-inside: avoid; }
ol.grid .n { min-width: 2.2em; text-align: right; }
ol.key { padding-left: 1.9em; }
ol.key > li { padding: .2rem 0 .3rem; break-inside: avoid; }
.why { font-size: 9pt; }
ul.why { padding-left: 1.2em; margin: 0; }
section { break-after: page; }
section:last-of-type { break-after: auto; }
.blank { text-align: center; margin-top: 40%%; font-style: italic; }
@media screen {
  body.paged { background: #ccc; padding: 1rem 0; }
  .sheet { margin: 0 auto 1rem; box-shadow: 0 1px 4px #0006; background: #fff; }
}
.sheet { width: var(--sheet-width); height: var(--sheet-height); padding: var(--margin);
         padding-bottom: 0; display: flex; flex-direction: column; overflow: hidden;
         break-after: page; background: #fff; }
.sheet:last-child { break-after: auto; }
.sheet.tall { height: auto; min-height: var(--sheet-height); }
.sheet.tall .sheet-body { column-fill: balance; }
.sheet-body { flex: 1; overflow: hidden; }
.sheet.student-copy .sheet-body { column-count: 2; column-gap: 1.6em; column-fill: auto; }
.sheet.student-copy .head { column-span: all; }
.sheet-foot { height: var(--margin); display: flex; align-items: center; justify-content: center;
              font-size: 8.5pt; }
"""


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _booklet(
    body: ET.Element, part: str, quiz: Quiz, variant: Variant, label: str = "", *, even: bool
) -> ET.Element:
    """A run of sheets with one footer: the script pads it to an even count of pages if
    `even`, so in two-sided printing the next booklet starts on its own sheet of paper."""
    attrs = {
        "class": f"booklet {part}",
        "data-variant": variant.label,
        "data-footer": footer(quiz, variant, label),
    }
    if even:
        attrs["data-even"] = ""
    return _sub(body, "section", **attrs)


def _letter(parent: ET.Element, letter: str) -> None:
    _sub(parent, "span", f"{letter}.", **{"class": "letter"}).tail = " "


def _student_copy(body: ET.Element, quiz: Quiz, variant: Variant) -> None:
    section = _booklet(body, "student-copy", quiz, variant, even=True)
    head = _sub(section, "header", **{"class": "head"})
    _sub(head, "h1", quiz.title)
    _sub(head, "p", f"Variant {variant.label}", **{"class": "variant"})
    who = _sub(head, "div", **{"class": "who"})
    _sub(who, "span", "Name:")
    _sub(who, "span", "Date:")
    _sub(who, "span", score_line(variant), **{"class": "score"})
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


# Rows of the one-page answer grid before it adds a column.
GRID_ROWS = 25


def _answer_grid(body: ET.Element, quiz: Quiz, variant: Variant) -> None:
    section = _booklet(body, "answer-grid", quiz, variant, "Answer grid", even=False)
    _sub(section, "h1", f"Answer grid - {quiz.title} - Variant {variant.label}")
    columns = max(4, -(-len(variant.questions) // GRID_ROWS))
    grid = _sub(section, "ol", **{"class": "grid", "style": f"column-count: {columns}"})
    for q in variant.questions:
        li = _sub(grid, "li", value=str(q.number))
        _sub(li, "span", f"{q.number}.", **{"class": "n"})
        _sub(li, "strong", q.key_letter, **{"class": "key"})


def _answer_key(body: ET.Element, quiz: Quiz, variant: Variant) -> None:
    section = _booklet(body, "answer-key", quiz, variant, "Answer key", even=False)
    _sub(section, "h1", f"Answer key - {quiz.title} - Variant {variant.label}")
    answers = _sub(section, "ol", **{"class": "key"})
    for q in variant.questions:
        li = _sub(answers, "li", value=str(q.number))
        p = _sub(li, "p")
        _sub(p, "strong", f"{q.key_letter}. {q.options[q.key_index]}")
        _sub(li, "p", q.item.rationale, **{"class": "why"})
        _sub(li, "p", f"Source: {q.item.citation}", **{"class": "why"})
        wrong = _sub(li, "ul", **{"class": "why"})
        for n, why in enumerate(q.reasons):
            if n != q.key_index:
                _sub(wrong, "li", f"{LETTERS[n]}: {why}")


def _coverage(body: ET.Element, quiz: Quiz) -> None:
    if quiz.blueprint is None:
        return
    section = _booklet(body, "coverage", quiz, quiz.variants[0], COVERAGE_TITLE, even=False)
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
    _sub(
        head,
        "style",
        STYLE
        % {
            "size": paper.css_size,
            "width": paper.width_mm,
            "height": paper.height_mm,
            "margin": paper.margin_mm,
        },
    )
    body = _sub(html, "body")
    if printing.students:
        for variant in quiz.variants:
            _student_copy(body, quiz, variant)
    if printing.keys:
        for variant in quiz.variants:
            _answer_grid(body, quiz, variant)
        for variant in quiz.variants:
            _answer_key(body, quiz, variant)
        _coverage(body, quiz)
    _sub(body, "script", (files("quizgen.export") / "paginate.js").read_text("utf-8"))
    markup: bytes = ET.tostring(html, encoding="utf-8", method="html")
    return b"<!DOCTYPE html>\n" + markup + b"\n"
