"""The site on paper: pages printed to US Letter by a real Chromium and read back with a PDF
reader, sheet by sheet. Each PDF is kept in test-artifacts/print/ for a person to look at."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PageObject, PdfReader

from quizgen import load_data
from quizgen.data.model import Dataset, TextCell
from quizgen.site import cheat_sheet, cross_source_page, practice
from tests.conftest import DATA_DIR, REPO

PRINTS = REPO / "test-artifacts" / "print"
MAX_COMPARISON_PAGES = 4
LETTER = {(612.0, 792.0), (792.0, 612.0)}  # in PDF points (72 an inch), either way up
# print.css's @page margin, on every side, in CSS pixels (96 an inch).
MARGIN_PX = 0.4 * 96
PX_PER_POINT = 96 / 72
# The least type size that reads easily on paper: 7 points, in CSS pixels.
SMALLEST_PRINT_PX = 7 * PX_PER_POINT - 0.05

CHEAT_SHEET = cheat_sheet.PATH.removesuffix(".md") + "/"
CROSS_SOURCE = cross_source_page.PATH.removesuffix(".md") + "/"
PRACTICE = practice.PAGE.removesuffix(".md") + "/"


@cache
def _data() -> Dataset:
    return load_data(DATA_DIR)


def _comparison_paths() -> list[str]:
    return [f"comparisons/{c.id}/" for c in _data().comparisons]


PAGES_WITH_TABLES = [*_comparison_paths(), CROSS_SOURCE, CHEAT_SHEET]


def _words(text: str) -> str:
    """Text with each run of white space as one space: a PDF breaks lines where it likes."""
    return " ".join(text.split())


def lines_top_down(sheet: PageObject) -> list[str]:
    """The sheet's lines of text in the order they are on paper, top first: pypdf's layout
    mode places text by its position, where plain extraction follows the order things were
    painted in (a table's repeated header comes after the rows below it)."""
    lines = (_words(line) for line in sheet.extract_text(extraction_mode="layout").splitlines())
    return [line for line in lines if line]


@dataclass(frozen=True)
class Printed:
    pdf: PdfReader
    # What must not end a sheet: each heading and callout title, and each heading with the
    # paragraph that introduces its table; as the page shows them in print.
    heads: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return len(self.pdf.pages)

    def text(self) -> str:
        return _words(" ".join(sheet.extract_text() for sheet in self.pdf.pages))

    def printable_width_px(self) -> float:
        """The width of the first sheet inside its margins, in CSS pixels."""
        return float(self.pdf.pages[0].mediabox.width) * PX_PER_POINT - 2 * MARGIN_PX


HEADS = """() => Array.from(
    document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6), article .admonition-title'),
    h => {
        const next = h.nextElementSibling;
        const intro = next && next.tagName === 'P' ? next.innerText : null;
        return intro ? [h.innerText, h.innerText + ' ' + intro] : [h.innerText];
    }).flat().filter(t => t.trim())"""


def open_page(browser: Browser, url: str, width: int = 1280) -> Page:
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")  # the quizzes are drawn: print must still hide them
    return page


def to_pdf(page: Page, name: str | None = None) -> PdfReader:
    """The page as Chromium prints it on Letter: with its print styles, and the size and
    margins print.css gives each sheet. Saved under `name`, if given."""
    data = page.pdf(format="Letter", prefer_css_page_size=True)
    if name:
        PRINTS.mkdir(parents=True, exist_ok=True)
        (PRINTS / f"{name}.pdf").write_bytes(data)
    return PdfReader(io.BytesIO(data))


class Printer:
    """Prints each page once, on first use."""

    def __init__(self, browser: Browser, site_url: str) -> None:
        self.browser, self.site_url = browser, site_url
        self.done: dict[str, Printed] = {}

    def __call__(self, path: str) -> Printed:
        if path not in self.done:
            page = open_page(self.browser, self.site_url + path)
            try:
                pdf = to_pdf(page, path.strip("/").replace("/", "-") or "home")
                page.emulate_media(media="print")
                heads: list[str] = page.evaluate(HEADS)
                self.done[path] = Printed(pdf, [_words(h) for h in heads])
            finally:
                page.context.close()
        return self.done[path]


@pytest.fixture(scope="module")
def printed(browser: Browser, site_url: str) -> Printer:
    return Printer(browser, site_url)


# --- How long each page is -------------------------------------------------------------


@pytest.mark.parametrize("path", _comparison_paths())
def test_a_comparison_prints_on_at_most_four_letter_pages(printed: Printer, path: str) -> None:
    paper = printed(path)
    assert 1 <= paper.pages <= MAX_COMPARISON_PAGES
    assert {(float(s.mediabox.width), float(s.mediabox.height)) for s in paper.pdf.pages} <= LETTER
    text = paper.text()
    comparison = _data().comparison(path.split("/")[1])
    assert _words(comparison.title) in text
    # The self-check is answered on screen; on paper it would be a heading over nothing.
    assert "Check yourself" not in text
    assert "The questions need JavaScript" not in text


def test_the_cheat_sheet_prints_on_one_page_with_every_type(printed: Printer) -> None:
    paper = printed(CHEAT_SHEET)
    assert paper.pages == 1
    assert {(float(s.mediabox.width), float(s.mediabox.height)) for s in paper.pdf.pages} <= LETTER
    text = paper.text()
    assert [t.name for t in _data().types if _words(t.name) not in text] == []
    assert [s.short_name for s in _data().sources if _words(s.short_name) not in text] == []


def test_the_cheat_sheet_prints_nothing_smaller_than_seven_points(
    browser: Browser, site_url: str
) -> None:
    page = open_page(browser, site_url + CHEAT_SHEET)
    try:
        page.emulate_media(media="print")
        sizes: list[tuple[str, float]] = page.evaluate(
            """() => {
                const sizes = [];
                const walker = document.createTreeWalker(
                    document.querySelector('article'), NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    const text = walker.currentNode, box = text.parentElement;
                    if (text.data.trim() && box.getClientRects().length)
                        sizes.push([text.data.trim(), parseFloat(getComputedStyle(box).fontSize)]);
                }
                return sizes;
            }"""
        )
    finally:
        page.context.close()
    assert len(sizes) > 50
    assert [(text, size) for text, size in sizes if size < SMALLEST_PRINT_PX] == []


# --- Nothing cut off, split or left behind ---------------------------------------------


def test_across_the_sources_prints_every_column_and_every_row(
    browser: Browser, site_url: str, printed: Printer
) -> None:
    text = printed(CROSS_SOURCE).text()
    assert [t.name for t in _data().types if _words(t.name) not in text] == []
    page = open_page(browser, site_url + CROSS_SOURCE)
    try:
        labels: list[str] = page.evaluate(
            "() => Array.from(document.querySelectorAll('article tbody tr'),"
            " row => row.cells[0].innerText)"
        )
    finally:
        page.context.close()
    assert len(labels) > 10
    assert [label for label in labels if _words(label) not in text] == []


@pytest.mark.parametrize("path", PAGES_WITH_TABLES)
def test_no_table_is_wider_than_the_paper(
    browser: Browser, site_url: str, printed: Printer, path: str
) -> None:
    """Laid out for print at the width of the sheet it prints on, no table, cell or box
    around a table has more to show than it has room for: nothing scrolls or is clipped."""
    width = round(printed(path).printable_width_px())
    page = open_page(browser, site_url + path, width)
    try:
        page.emulate_media(media="print")
        assert page.evaluate("document.documentElement.clientWidth") == width
        assert page.locator("article table").count() >= 1
        wide: list[str] = page.evaluate(
            """() => {
                const article = document.querySelector('article');
                const boxes = [article, ...article.querySelectorAll(
                    'table, th, td, .md-typeset__table, .md-typeset__scrollwrap')];
                return boxes.filter(box => box.scrollWidth > box.clientWidth).map(box =>
                    `${box.tagName} ${box.scrollWidth} > ${box.clientWidth}: `
                    + box.innerText.slice(0, 40));
            }"""
        )
    finally:
        page.context.close()
    assert wide == []


@pytest.mark.parametrize("path", PAGES_WITH_TABLES)
def test_no_page_ends_with_a_heading(printed: Printer, path: str) -> None:
    paper = printed(path)
    assert len(paper.heads) >= 3
    stranded = []
    for number, sheet in enumerate(paper.pdf.pages, 1):
        text = " ".join(lines_top_down(sheet))
        stranded += [(number, h) for h in paper.heads if text == h or text.endswith(" " + h)]
    assert stranded == []


ROW_MARKS = """() => {
    // A token at the start of each row's first cell and at the end of its last: no wider and
    // no higher than nothing, so the page lays out as it does without them, but printed, so
    // the PDF says on which sheet each end of each row is.
    const rows = document.querySelectorAll('article tbody tr');
    const mark = (cell, token, atEnd) => {
        const span = document.createElement('span');
        span.textContent = token;
        span.style.cssText = 'display: inline-block; width: 0; height: 0; font-size: 2px;'
            + ' line-height: 0; white-space: nowrap; text-indent: 0';
        if (atEnd) cell.append(span); else cell.prepend(span);
    };
    rows.forEach((row, n) => {
        mark(row.cells[0], `rowmark${n}start`, false);
        mark(row.cells[row.cells.length - 1], `rowmark${n}end`, true);
    });
    return rows.length;
}"""


@pytest.mark.parametrize("path", PAGES_WITH_TABLES)
def test_no_table_row_is_split_across_pages(
    browser: Browser, site_url: str, printed: Printer, path: str
) -> None:
    page = open_page(browser, site_url + path)
    try:
        rows: int = page.evaluate(ROW_MARKS)
        marked = to_pdf(page)
    finally:
        page.context.close()
    assert rows > 0
    assert len(marked.pages) == printed(path).pages, "the marks changed the layout"
    texts = ["".join(sheet.extract_text().split()) for sheet in marked.pages]

    def sheet_of(token: str) -> int:
        sheets = [n for n, text in enumerate(texts, 1) if token in text]
        assert len(sheets) == 1, (token, sheets)
        return sheets[0]

    ends = [(n, sheet_of(f"rowmark{n}start"), sheet_of(f"rowmark{n}end")) for n in range(rows)]
    assert [(n, first, last) for n, first, last in ends if first != last] == []


# --- What does not print -----------------------------------------------------------------


def test_print_shows_the_content_without_navigation(
    browser: Browser, site_url: str, printed: Printer
) -> None:
    path = "comparisons/medical-vs-relaxation/"
    page = open_page(browser, site_url + path)
    try:
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
            assert page.locator(chrome).first.is_hidden(), chrome
        assert page.locator("article table").first.is_visible()
        assert page.locator("details.quizgen-evidence").count() > 10
        assert page.locator("details.quizgen-evidence:visible").count() == 0
        for self_check in ("#check-yourself", "#check-yourself + p", ".quizgen-quiz"):
            assert page.locator(self_check).count() == 1
            assert page.locator(self_check).is_hidden(), self_check
    finally:
        page.context.close()
    text = printed(path).text()
    assert "Sources disagree" in text  # callouts print
    for chrome in ("Skip to content", "Made with", "Previous", "Next", "Search"):
        assert chrome not in text
    # The evidence markers print as nothing: no cell's quote is on paper, unless a callout
    # quotes the same words or the value is the quote.
    data = _data()
    comparison = data.comparison("medical-vs-relaxation")
    callouts = " ".join(c.quote for d in data.discrepancies for c in d.claims).lower()
    quotes = [
        _words(cell.quote).lower()
        for row in comparison.rows
        for cell in row.cells.values()
        if isinstance(cell, TextCell)
        and cell.quote.lower() not in cell.value.lower()
        and cell.quote.lower() not in callouts
    ]
    assert len(quotes) > 10
    assert [q for q in quotes if q in text.lower()] == []


def test_the_practice_page_prints_its_intro_without_the_quiz(
    browser: Browser, site_url: str
) -> None:
    page = open_page(browser, site_url + PRACTICE)
    try:
        page.wait_for_selector("fieldset.quizgen-question")
        on_screen = page.locator(".quizgen-quiz, .quizgen-filters").all_inner_texts()
        text = _words(" ".join(s.extract_text() for s in to_pdf(page, "practice").pages))
    finally:
        page.context.close()
    assert "Practice" in text and "MBLEx-style" in text
    shown = [_words(line) for block in on_screen for line in block.splitlines() if len(line) > 12]
    assert len(shown) > 5
    assert [line for line in shown if line in text] == []
    assert "The questions need JavaScript" not in text


def test_the_dark_scheme_prints_in_the_light_schemes_colours(
    browser: Browser, site_url: str
) -> None:
    """Paper is white: a student reading in the dark scheme must not print pale links."""
    colours: dict[str, list[str]] = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        try:
            page = context.new_page()
            page.goto(site_url + "comparisons/medical-vs-relaxation/")
            page.wait_for_load_state("networkidle")
            page.emulate_media(media="print")
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == expected
            page.wait_for_timeout(500)  # the theme eases a link's colour in
            colours[scheme] = page.evaluate(
                """() => ['article p', 'article p a', 'article td a', 'article td'].map(
                    s => getComputedStyle(document.querySelector(s)).color)"""
            )
        finally:
            context.close()
    assert colours["dark"] == colours["light"]
