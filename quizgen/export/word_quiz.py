"""The quiz as a Word document (.docx), for instructors who edit a quiz by hand before they
print it: each variant's student copy (the questions, then an answer sheet), the answer
grids, and each variant's answer key (or either part alone, for keys kept in a separate
file). Written with python-docx.

Each part is a section of its own: its footer names the quiz, the variant and the part, with
"Page n of m" counted within the section, and a copy's header asks for a name beside the
variant's letter. Every part starts on an odd page, so Word pads the one before it to an
even count and in two-sided printing no sheet holds two parts. A question's lines are kept
together on one page. Numbers and letters are plain text, not Word lists, so an edit never
renumbers what the key says.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

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
    places,
    question_map,
    score_line,
    why_not,
)
from quizgen.export.zipped import rezipped
from quizgen.quiz import LETTERS, Quiz, Variant

FONT = "Times New Roman"
NUMBER_WIDTH = 11  # mm: the column of question numbers on the answer sheet and the grid
# What may follow w:pgNumType in a section's properties: Word rejects them out of order.
AFTER_PAGE_NUMBERING = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)


@dataclass(frozen=True)
class _Style:
    """A paragraph style of the quiz: Word's way to say how a kind of line looks, which an
    instructor can change for the whole quiz at once."""

    name: str
    indent: bool = False
    together: bool = False  # kept on a page with the paragraph after it
    after: float = 0  # space after, in points
    size: float = 0  # type size in points, if not Normal's


QUESTION = _Style("Quiz question", together=True)
OPTION = _Style("Quiz option", indent=True, together=True)
LAST_OPTION = _Style("Quiz last option", indent=True, after=7)
ANSWER = _Style("Quiz answer", together=True)
REASON = _Style("Quiz reason", indent=True, together=True)
LAST_REASON = _Style("Quiz last reason", indent=True, after=8)
GRID = _Style("Quiz grid", size=12)
STYLES = (QUESTION, OPTION, LAST_OPTION, ANSWER, REASON, LAST_REASON, GRID)


class _Writer:
    """Adds parts to one document, each in a section of its own."""

    def __init__(self, quiz: Quiz, printing: Printing) -> None:
        self.quiz, self.paper = quiz, PAPERS[printing.paper]
        self.document = Document()
        self.started = False
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name, normal.font.size = FONT, Pt(10.5)
        normal.paragraph_format.space_after = Pt(0)
        heading = styles["Heading 1"]
        heading.font.name, heading.font.size = FONT, Pt(14)
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.paragraph_format.space_before = Pt(0)
        # The template's heading takes its font from the theme, which wins over a named one.
        fonts = heading.element.rPr.rFonts
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
        self.style_ids = {}
        for style in STYLES:
            added = styles.add_style(style.name, WD_STYLE_TYPE.PARAGRAPH)
            added.base_style = normal
            added.paragraph_format.keep_with_next = style.together
            added.paragraph_format.keep_together = True
            added.paragraph_format.space_after = Pt(style.after)
            if style.indent:
                added.paragraph_format.left_indent = Mm(6)
            if style.size:
                added.font.size = Pt(style.size)
            self.style_ids[style] = added.style_id
        properties = self.document.core_properties
        properties.title, properties.comments = quiz.title, f"Seed {quiz.seed}"
        properties.author = properties.last_modified_by = ""
        # The template's dates (2013) would pass for this quiz's; a quiz has none, so that
        # the same seed gives the same bytes.
        for stale in ("dcterms:created", "dcterms:modified"):
            for element in properties._element.findall(qn(stale)):
                properties._element.remove(element)
        self.end = self.document.element.body.sectPr

    def section(self, variant: Variant | None, part: str, *, badge: bool = False) -> None:
        """A part starting on an odd page, so that Word pads the part before to an even
        count of pages and in two-sided printing no sheet holds two parts."""
        if self.started:
            section = self.document.add_section(WD_SECTION.ODD_PAGE)
        else:
            section = self.document.sections[0]
            self.started = True
        section.page_width, section.page_height = Mm(self.paper.width_mm), Mm(self.paper.height_mm)
        margin = Mm(self.paper.margin_mm)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin
        section.footer_distance = Mm(self.paper.margin_mm / 2)
        # Page numbers start again at 1 in every part. A new section copies the one before,
        # this included.
        if section._sectPr.find(qn("w:pgNumType")) is None:
            numbering = OxmlElement("w:pgNumType")
            numbering.set(qn("w:start"), "1")
            section._sectPr.insert_element_before(numbering, *AFTER_PAGE_NUMBERING)
        # The first page of a part has its own header: a copy asks for a name on it already.
        section.different_first_page_header_footer = True
        words = footer(self.quiz, variant, part)
        for foot in (section.footer, section.first_page_footer):
            foot.is_linked_to_previous = False
            _page_numbers(foot.paragraphs[0], words)
        for head, name in ((section.header, True), (section.first_page_header, False)):
            head.is_linked_to_previous = False
            line = head.paragraphs[0]
            line.text = ""
            # Normal has no tab stops of its own: one, at the right margin, places the letter.
            line.style = self.document.styles["Normal"]
            width = Mm(self.paper.width_mm - 2 * self.paper.margin_mm)
            line.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
            if not badge:
                line.add_run(INSTRUCTORS_ONLY).bold = True
            elif variant is not None:
                # The variant on every page, and a name on every later one: a loose sheet can
                # still be sorted and given back.
                line.add_run(f"Name: {'_' * 30}" if name else "")
                line.add_run("\t")
                letter = line.add_run(variant.label)
                letter.bold, letter.font.size = True, Pt(16)

    def paragraph(
        self, text: str, style: _Style | None = None, *, bold: bool = False, italic: bool = False
    ) -> Paragraph:
        # Built here rather than by python-docx's add_paragraph, which looks for the end of
        # the body again for every paragraph (and a style by its name): a quiz of thirty
        # variants took half a minute.
        element = OxmlElement("w:p")
        self.end.addprevious(element)
        paragraph = Paragraph(element, self.document)
        if style is not None:
            _styled(paragraph, self.style_ids[style])
        run = paragraph.add_run()
        if "\n" in text or "\t" in text:
            run.text = text  # python-docx turns these into Word's breaks and tabs
        else:
            # Set whole: python-docx's text setter looks at each character for the above.
            words = OxmlElement("w:t")
            words.text = text
            words.set(qn("xml:space"), "preserve")
            run._r.append(words)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        return paragraph

    def student_copy(self, variant: Variant) -> None:
        self.section(variant, "", badge=True)
        self.document.add_heading(self.quiz.title, level=1)
        self.paragraph(f"Variant {variant.label}", bold=True)
        self.who(variant)
        self.paragraph(instructions(variant), italic=True).paragraph_format.space_after = Pt(8)
        for q in variant.questions:
            self.paragraph(f"{q.number}. {q.item.stem}", QUESTION)
            for n, text in enumerate(q.options):
                last = n == len(q.options) - 1
                self.paragraph(f"{LETTERS[n]}. {text}", LAST_OPTION if last else OPTION)
        # A part of its own, on the front of a sheet: it is collected apart from the questions.
        self.section(variant, "Answer sheet", badge=True)
        self.document.add_heading(f"Answer sheet - {self.quiz.title} - Variant {variant.label}", 1)
        self.who(variant)
        self.paragraph(ANSWER_SHEET_NOTE)
        self.grid(variant, keys=False)

    def who(self, variant: Variant) -> None:
        line = self.paragraph(f"Name: {'_' * 34}   Date: {'_' * 16}   {score_line(variant)}")
        line.paragraph_format.space_before = Pt(12)
        line.paragraph_format.space_after = Pt(6)

    def grid(self, variant: Variant, *, keys: bool) -> None:
        """The answer sheet's letters to circle (keys=False), or the grid of keys: the same
        columns and rows, so one laid beside the other reads across line by line."""
        columns, rows = grid_shape(variant)
        table = self.document.add_table(rows=rows, cols=2 * columns)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        # A narrow column for the numbers, so the letters to mark stay on one line.
        table.autofit = False
        pair = (self.paper.width_mm - 2 * self.paper.margin_mm) / columns
        widths = [
            Mm(NUMBER_WIDTH if n % 2 == 0 else pair - NUMBER_WIDTH) for n in range(2 * columns)
        ]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        cells = [row.cells for row in table.rows]
        for row, line in zip(table.rows, cells, strict=True):
            # Rows tall enough to mark by hand in, on the answer sheet and the grid alike.
            row.height, row.height_rule = Mm(8), WD_ROW_HEIGHT_RULE.AT_LEAST
            for cell, width in zip(line, widths, strict=True):
                cell.width = width
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for index, q in enumerate(variant.questions):
            row, column = index % rows, index // rows
            number, mark = cells[row][2 * column], cells[row][2 * column + 1]
            _styled(number.paragraphs[0], self.style_ids[GRID]).add_run(f"{q.number}.")
            marks = _styled(mark.paragraphs[0], self.style_ids[GRID])
            if keys:
                marks.add_run(q.key_letter).bold = True
            else:
                # Letters in brackets, to circle or fill in: every font has them.
                marks.add_run(" ".join(f"({x})" for x in LETTERS[: len(q.options)]))

    def answer_grids(self) -> None:
        self.section(None, "Answer grids")
        self.document.add_heading(f"Answer grids - {self.quiz.title}", 1)
        for variant in self.quiz.variants:
            self.paragraph(
                f"Variant {variant.label}", bold=True
            ).paragraph_format.space_before = Pt(10)
            self.grid(variant, keys=True)
        if len(self.quiz.variants) > 1:
            self.paragraph("The same question in each variant", bold=True)
            for line in question_map(self.quiz):
                self.paragraph(line)

    def answer_key(self, variant: Variant, found: Places) -> None:
        self.section(variant, "Answer key")
        self.document.add_heading(f"Answer key - {self.quiz.title} - Variant {variant.label}", 1)
        for q in variant.questions:
            # The whole question, to read out, and where it is in the other variants.
            self.paragraph(f"{q.number}. {q.item.stem}", ANSWER, italic=True)
            also = elsewhere(found, variant, q)
            if also:
                self.paragraph(also, ANSWER)
            self.paragraph(f"{q.key_letter}. {q.options[q.key_index]}", ANSWER, bold=True)
            self.paragraph(q.item.rationale, ANSWER)
            cited = q.item.citation_beyond(q.item.rationale)
            if cited:
                self.paragraph(f"Source: {cited}", ANSWER, italic=True)
            wrong = [n for n in range(len(q.options)) if n != q.key_index]
            for n in wrong:
                self.paragraph(why_not(q, n), LAST_REASON if n == wrong[-1] else REASON)

    def coverage(self) -> None:
        if self.quiz.blueprint is None:
            return
        from quizgen.blueprint import COVERAGE_TITLE

        self.section(None, COVERAGE_TITLE)
        self.document.add_heading(COVERAGE_TITLE, level=1)
        for share in self.quiz.blueprint:
            self.paragraph(share.coverage())

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return rezipped(buffer.getvalue())


def _styled(paragraph: Paragraph, style_id: str) -> Paragraph:
    """The paragraph in a style given by its id: python-docx looks a style up by its name
    through every style of the document, for each paragraph."""
    look = OxmlElement("w:pStyle")
    look.set(qn("w:val"), style_id)
    paragraph._p.get_or_add_pPr().insert(0, look)
    return paragraph


def _page_numbers(paragraph: Paragraph, words: str) -> None:
    """A footer: the part's words, then "Page n of m" counted within the part."""
    paragraph.text = ""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{words} · Page ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    _field(paragraph, "SECTIONPAGES")
    for run in paragraph.runs:
        run.font.size = Pt(8.5)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, SECTIONPAGES) that Word fills in when it lays the pages out;
    python-docx has no call for fields."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def export(quiz: Quiz, printing: Printing = ON_LETTER) -> bytes:
    writer = _Writer(quiz, printing)
    if printing.students:
        for variant in quiz.variants:
            writer.student_copy(variant)
    if printing.keys:
        writer.answer_grids()
        found = places(quiz)
        for variant in quiz.variants:
            writer.answer_key(variant, found)
        writer.coverage()
    return writer.bytes()
