"""The built site in a real headless Chromium: every page clean, the features students use work."""

from __future__ import annotations

import re
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from quizgen import load_data
from quizgen.data.model import Dataset, ListCell, MissingCell, TextCell
from quizgen.site import practice
from quizgen.site.pages import all_pages
from tests.browser import Watched, open_page, watched_page
from tests.conftest import DATA_DIR, REPO

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"


def _url_path(markdown_path: str) -> str:
    stem = markdown_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _every_page() -> list[str]:
    generated = [*all_pages(load_data(DATA_DIR)), practice.PAGE]
    written = [p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*.md")]
    return sorted(_url_path(p) for p in [*generated, *written])


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_data(DATA_DIR)


@pytest.mark.parametrize("path", _every_page())
def test_page_loads_cleanly_and_is_accessible(site_url: str, watched: Watched, path: str) -> None:
    page = open_page(watched, site_url + path)
    assert page.locator("article h1").count() == 1
    assert watched.console_errors == []
    assert watched.page_errors == []
    assert watched.foreign_requests == []
    # Every glossary term in the page's prose is a tooltip.
    prose = page.evaluate(
        "() => Array.from(document.querySelectorAll('article p, article td, article li, article dd'),"
        " e => e.innerText).join(' ')"
    )
    marked = " | ".join(page.locator("article abbr").all_inner_texts())
    terms = [t.term for t in load_data(DATA_DIR).glossary]
    # A term inside a longer marked term ("TMJ" in "TMJ disorder") is covered by that one.
    assert [t for t in terms if re.search(rf"\b{re.escape(t)}\b", prose) and t not in marked] == []
    violations = Axe().run(page).response["violations"]
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)


# Pages for instructors that show the data format may use the data's own words.
FOR_INSTRUCTORS = ("data-format/",)
INTERNAL_WORDS = re.compile(r"\bextract(?:ion|ed)\b|\btable rows\b", re.IGNORECASE)


def test_students_read_titles_not_ids_or_internal_words(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    ids = re.compile("|".join(rf"(?<![\w-]){re.escape(s.id)}(?![\w-])" for s in data.sources))
    found = []
    for path in _every_page():
        if path in FOR_INSTRUCTORS:
            continue
        shown = open_page(watched, site_url + path).inner_text("body")
        found += [(path, m.group()) for m in ids.finditer(shown)]
        found += [(path, m.group()) for m in INTERNAL_WORDS.finditer(shown)]
    assert found == []


def test_pages_link_to_the_previous_and_next_page(site_url: str, watched: Watched) -> None:
    page = open_page(watched, site_url + "comparisons/medical-vs-relaxation/")
    previous = page.locator("a.md-footer__link--prev")
    following = page.locator("a.md-footer__link--next")
    assert previous.count() == 1 and following.count() == 1
    following.click()
    page.wait_for_load_state("networkidle")
    assert page.url != site_url + "comparisons/medical-vs-relaxation/"
    assert page.locator("a.md-footer__link--prev").get_attribute("href") is not None


def test_every_page_has_its_own_description(site_url: str, watched: Watched) -> None:
    descriptions = {}
    for path in _every_page():
        page = open_page(watched, site_url + path)
        descriptions[path] = page.locator('meta[name="description"]').get_attribute("content")
    assert all(descriptions.values()), descriptions
    assert len(set(descriptions.values())) == len(descriptions), descriptions


def test_a_long_title_has_no_line_of_its_own_for_the_permalink(
    site_url: str, watched: Watched
) -> None:
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + "comparisons/medical-massage-qa/")
    page.wait_for_load_state("networkidle")
    title = page.locator("article h1")
    assert title.locator(".headerlink").count() == 1  # still in the page, not shown
    assert not title.locator(".headerlink").is_visible()
    # The title has as many lines as its words take: none is left for the mark alone.
    lines = page.evaluate(
        """() => { const h = document.querySelector('article h1');
                   const line = parseFloat(getComputedStyle(h).lineHeight);
                   const r = document.createRange(); r.selectNodeContents(h.firstChild);
                   return [Math.round(h.getBoundingClientRect().height / line),
                           Math.round(r.getBoundingClientRect().height / line)]; }"""
    )
    assert lines[0] == lines[1] and lines[0] >= 2, lines  # a long title, wrapped


def _table_under(page: Page, heading_id: str) -> list[list[str]]:
    """The body rows (cell texts) of the first table after the heading with this id."""
    rows: list[list[str]] = page.evaluate(
        """id => {
            let el = document.getElementById(id);
            while (el && !(el.querySelector && el.querySelector('table'))) el = el.nextElementSibling;
            const table = el.querySelector('table');
            return Array.from(table.tBodies[0].rows, r => Array.from(r.cells, c => c.innerText));
        }""",
        heading_id,
    )
    return rows


def test_mblex_page_shows_every_area_and_weight(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    page = open_page(watched, site_url + "mblex/")
    rows = _table_under(page, "areas")
    assert [(r[0], r[1]) for r in rows] == [(a.name, f"{a.weight}%") for a in data.exam.areas]
    assert sum(a.weight for a in data.exam.areas) == 100


def test_comparison_tables_show_the_values_from_data(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    comparison = data.comparison("medical-vs-relaxation")
    page = open_page(watched, site_url + "comparisons/medical-vs-relaxation/")
    checked = 0
    for category in data.categories:
        rows = [r for r in comparison.rows if data.dimension(r.dimension).category == category.id]
        if not rows:
            assert page.locator(f"#{category.id}").count() == 0
            continue
        shown = _table_under(page, category.id)
        assert len(shown) == len(rows)
        for row, cells in zip(rows, shown, strict=True):
            assert cells[0].startswith(data.dimension(row.dimension).label)
            assert ("(inferred)" in cells[0]) == (row.inferred is not None)
            for type_id, text in zip(comparison.types, cells[1:], strict=True):
                cell = row.cells[type_id]
                if isinstance(cell, TextCell):
                    assert cell.value in text
                elif isinstance(cell, ListCell):
                    assert all(item.value in text for item in cell.items)
                else:
                    assert isinstance(cell, MissingCell)
                    assert "not stated" in text
                checked += 1
    assert checked == len(comparison.rows) * len(comparison.types)


def test_a_cells_quote_opens_in_place_by_tap_or_keyboard(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    page = open_page(watched, site_url + "comparisons/medical-vs-relaxation/")
    row = data.comparison("medical-vs-relaxation").row("commercial-context")
    assert row is not None
    cell = row.cells["medical"]
    assert isinstance(cell, TextCell)
    marker = page.locator("td", has_text=cell.value).first.locator("details.quizgen-evidence")
    body = marker.locator(".quizgen-evidence-body")
    assert not marker.evaluate("el => el.open")
    assert not body.is_visible()
    marker.locator("summary").click()
    assert body.is_visible()
    assert cell.quote in body.inner_text()
    assert "Medical Massage vs. Relaxation Massage" in body.inner_text()
    marker.locator("summary").press("Enter")  # and closed again from the keyboard
    assert not marker.evaluate("el => el.open")


def test_a_comparison_has_no_footnotes_but_every_value_its_evidence(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    comparison = data.comparison("medical-vs-relaxation")
    page = open_page(watched, site_url + "comparisons/medical-vs-relaxation/")
    assert page.locator("a.footnote-ref, .footnote").count() == 0
    markers = page.locator("article table details.quizgen-evidence").count()
    inferred_labels = sum(1 for r in comparison.rows if r.inferred)
    assert markers == len(comparison.rows) * len(comparison.types) + inferred_labels


def test_disagreement_between_the_two_tables_is_called_out(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    page = open_page(watched, site_url + "comparisons/medical-vs-relaxation/")
    discrepancy = next(d for d in data.discrepancies if d.dimension == "documentation-time")
    callout = page.locator(".admonition.warning", has_text=discrepancy.topic)
    assert callout.count() == 1
    # It sits in the section of the row it is about.
    section = data.dimension("documentation-time").category
    assert callout.evaluate(
        "(el, id) => { let h = el; while ((h = h.previousElementSibling) && h.tagName !== 'H2'); return h.id === id }",
        section,
    )
    for claim in discrepancy.claims:
        assert claim.says in callout.inner_text()


def test_glossary_term_shows_its_definition_on_hover(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    page = open_page(watched, site_url + "comparisons/medical-vs-wellness/")
    term = data.term("ucr")
    abbr = page.locator("article abbr", has_text="UCR").first
    abbr.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == " ".join(term.definition.split())


def test_search_finds_ucr(site_url: str, watched: Watched) -> None:
    page = open_page(watched, site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("UCR")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() >= 1
    assert "UCR" in page.locator(".md-search-result").inner_text()


def test_theme_toggle_switches_and_is_remembered(site_url: str, watched: Watched) -> None:
    page = open_page(watched, site_url)
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert scheme == "default"
    page.get_by_title("Switch to dark mode").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.goto(site_url + "comparisons/medical-vs-relaxation/")
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []


SHOWN = [
    ("home", ""),
    ("comparison", "comparisons/medical-vs-relaxation/"),
    ("cross-source", "cross-source/"),
    ("practice", "practice/"),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("name", "path"), SHOWN)
def test_screenshots_and_no_sideways_scrolling(
    site_url: str, browser: Browser, name: str, path: str, width: int, scheme: str
) -> None:
    """Saved for a person to look at (test-artifacts/screenshots), in both colour schemes."""
    watched = watched_page(browser, width=width, height=900)
    try:
        page = watched.page
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        open_page(watched, site_url + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / f"{name}-{width}-{scheme}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        # Wide tables scroll inside their own box; the page itself never does.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        font = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)"
        )
        assert font >= 14
    finally:
        watched.page.context.close()


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_on_a_phone(site_url: str, browser: Browser, width: int) -> None:
    watched = watched_page(browser, width=width, height=800)
    try:
        wide = {}
        for path in _every_page():
            page = open_page(watched, site_url + path)
            if page.locator(".quizgen-quiz").count():
                page.locator(".quizgen-quiz").first.scroll_into_view_if_needed()
                page.wait_for_selector("fieldset.quizgen-question")
            scrolled = page.evaluate("document.documentElement.scrollWidth")
            if scrolled > width:
                wide[path] = scrolled
        assert wide == {}
    finally:
        watched.page.context.close()


def test_screenshots_are_ignored_and_the_site_package_is_not() -> None:
    shot = (SCREENSHOTS / "home-390-light.png").relative_to(REPO)
    check = ["git", "-C", str(REPO), "check-ignore", "-q"]
    assert subprocess.run([*check, str(shot)], check=False).returncode == 0
    assert subprocess.run([*check, "quizgen/site/plugin.py"], check=False).returncode == 1


def test_on_a_phone_a_terms_tooltip_opens_whole_even_at_the_bottom(
    site_url: str, browser: Browser, data: Dataset
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True
    )
    try:
        page = context.new_page()
        page.goto(site_url + "comparisons/medical-vs-wellness/")
        page.wait_for_load_state("networkidle")
        term = page.locator("article abbr").nth(3)
        term.scroll_into_view_if_needed()
        # The term on the screen's last lines, where a tooltip below it has no room.
        term.evaluate("el => window.scrollBy(0, el.getBoundingClientRect().top - 740)")
        box = term.bounding_box()
        assert box is not None and box["y"] > 700
        term.tap()
        tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
        tooltip.wait_for()
        page.wait_for_timeout(500)  # the theme's opening transition
        shown = tooltip.bounding_box()
        assert shown is not None
        assert shown["y"] >= 0 and shown["y"] + shown["height"] <= 800
        assert shown["x"] >= 0 and shown["x"] + shown["width"] <= 390
        name = term.inner_text().lower()
        glossary = [t for t in data.glossary if name in {n.lower() for n in (t.term, *t.aka)}]
        assert tooltip.inner_text().strip() == " ".join(glossary[0].definition.split())
    finally:
        context.close()


def test_search_lands_on_the_section_that_holds_the_words(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    """A value and its quote sit in their category's section, so a search for words of the
    quote leads there (with footnotes, every quote was filed under the page's last heading)."""
    comparison = data.comparison("medical-massage-essentials")
    row = next(r for r in comparison.rows if "SOAP" in str(r.cells))
    section = data.dimension(row.dimension).category
    page = open_page(watched, site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("SOAP notes")
    page.locator(".md-search-result__item a", has_text="SOAP").first.wait_for()
    hrefs = page.locator(".md-search-result__item a").evaluate_all("a => a.map(x => x.href)")
    # The page's own result (no section), then its sections that hold the words.
    sections = [h.split("#")[1] for h in hrefs if f"/{comparison.id}/" in h and "#" in h]
    assert sections == [section], hrefs


@pytest.mark.parametrize("width", [320, 390])
def test_a_phone_header_shows_the_whole_site_name(
    site_url: str, browser: Browser, width: int
) -> None:
    watched = watched_page(browser, width=width, height=700)
    try:
        page = open_page(watched, site_url)
        name = page.locator(".md-header__topic:first-child .md-ellipsis")
        assert name.inner_text().strip() == "Massage types compared"
        cut = name.evaluate(
            "e => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1"
        )
        assert not cut
        box = name.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 48
    finally:
        watched.page.context.close()
