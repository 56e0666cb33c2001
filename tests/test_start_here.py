"""The answer to "how do the types differ?" in a real Chromium: the home page's groups, summary
table and pictures, each comparison's key points, and the cross-source view."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from quizgen import load_data
from quizgen.data.model import Dataset
from quizgen.site import cells, home, pictures
from tests.browser import Watched, open_page, watched_page
from tests.conftest import DATA_DIR


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_data(DATA_DIR)


def _table_after(page: Page, heading: str) -> list[list[str]]:
    """The rows (header first) of the first table after the heading with id `heading`."""
    rows: list[list[str]] = page.evaluate(
        """id => { let el = document.getElementById(id);
                   while (el && !el.querySelector('table')) el = el.nextElementSibling;
                   return Array.from(el.querySelectorAll('tr'),
                          tr => Array.from(tr.cells, c => c.innerText.trim())); }""",
        heading,
    )
    return rows


def test_the_short_answer_groups_every_type(site_url: str, watched: Watched, data: Dataset) -> None:
    page = open_page(watched, site_url)
    section = page.evaluate(
        """() => { let el = document.getElementById('short-answer').nextElementSibling, out = '';
                   while (el && el.tagName !== 'H2' && el.tagName !== 'FIGURE') {
                     out += el.innerText + '\\n'; el = el.nextElementSibling; }
                   return out; }"""
    )
    for group, types in home.grouped(data).items():
        assert home.GROUPS[group] in section
        for massage_type in types:
            assert massage_type.name in section
    # Types the sources place differently are listed with each place and its source.
    therapeutic = data.type("therapeutic")
    assert home.group_of(therapeutic) == "depends"
    line = next(x for x in section.splitlines() if x.startswith(therapeutic.name))
    tags = cells.source_tags(data)
    for placement in therapeutic.placements:
        assert pictures.PLACE_WORDS[placement.place] in line
        assert tags[placement.source] in line


def test_the_summary_table_lists_every_type_with_its_values(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    page = open_page(watched, site_url)
    header, *rows = _table_after(page, "side-by-side")
    columns = list(dict.fromkeys(d.summary for d in data.dimensions if d.summary))
    assert header == ["Type", *columns]
    named = {row[0].splitlines()[0] for row in rows}
    assert named == {t.name for t in data.types}
    by_type = {row[0].splitlines()[0]: dict(zip(header, row, strict=True)) for row in rows}
    # The values come from the comparisons, with the tags of the sources that give them.
    assert "Typically a third party" in by_type["Medical massage"]["Who pays"]
    assert "S1, S2" in by_type["Medical massage"]["Who pays"]
    assert by_type["Wellness massage"]["Who pays"].startswith("The client themselves")
    # A value from a column's later dimension is named: eligibility for insurance is no payer.
    insurance = data.dimension("insurance").label
    assert by_type["Rehabilitative massage"]["Who pays"].startswith(f"{insurance}: ")
    # A type no table compares still says what it is the same as.
    assert "same as clinical" in by_type["Remedial massage"]["Type"]


def test_the_reading_order_lists_every_comparison(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    page = open_page(watched, site_url)
    order = page.locator("#reading-order + ol > li").all_inner_texts()
    for comparison in data.comparisons:
        assert any(step.startswith(comparison.title) for step in order), comparison.title
    two_types = [n for n, step in enumerate(order) if "vs." in step.split(", from")[0]]
    assert two_types and max(two_types) < len(order) - 2  # before Across the sources


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pictures_have_text_alternatives_and_follow_the_scheme(
    site_url: str, browser: Browser, data: Dataset, scheme: str
) -> None:
    watched = watched_page(browser, width=390, height=800)
    try:
        page = watched.page
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        open_page(watched, site_url)
        pictures_ = page.locator("svg.quizgen-picture")
        assert pictures_.count() == 2
        page_colour = page.evaluate("getComputedStyle(document.querySelector('article')).color")
        for svg in pictures_.all():
            assert svg.get_attribute("role") == "img"
            title_id, desc_id = (svg.get_attribute("aria-labelledby") or "").split()
            title = svg.locator(f"#{title_id}").text_content() or ""
            description = svg.locator(f"#{desc_id}").text_content() or ""
            assert len(title) > 20 and len(description) > 100
            for massage_type in data.types:
                assert massage_type.name in description, (title, massage_type.name)
            box = svg.bounding_box()
            assert box is not None and 300 <= box["width"] <= 390 and box["height"] > 200
            # Text in the page's own colour: dark on light, light on dark.
            fill = svg.locator("text.quizgen-picture-name").first.evaluate(
                "el => getComputedStyle(el).fill"
            )
            assert fill == page_colour
            smallest = svg.evaluate(
                """svg => Math.min(...Array.from(svg.querySelectorAll('text'),
                          t => t.getBoundingClientRect().height))"""
            )
            assert smallest >= 10  # readable on a phone without zooming
        assert watched.console_errors == []
    finally:
        watched.page.context.close()


def test_the_name_map_joins_the_names_a_source_equates(data: Dataset) -> None:
    pain_clinic = data.source("rehab-vs-rec")
    groups = [{t.id for t in g} for g in pictures.same_names(data, pain_clinic)]
    assert {"medical", "clinical", "therapeutic", "rehabilitative"} in groups
    assert {"recreational", "spa"} in groups
    blog = data.source("med-vs-relax")
    assert all(len(g) == 1 for g in pictures.same_names(data, blog))


def test_each_comparison_of_two_types_opens_with_its_key_points(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    for comparison in data.comparisons:
        page = open_page(watched, f"{site_url}comparisons/{comparison.id}/")
        points = page.locator("#key-points + ul > li").all_inner_texts()
        if len(comparison.types) < 2:
            assert points == []
            continue
        assert 1 <= len(points) <= 5, comparison.id
        labels = {data.dimension(r.dimension).label: r for r in comparison.rows}
        for point in points:
            label, said = point.split(".", 1)
            row = labels[label]
            for type_id in comparison.types:
                assert data.type(type_id).name in said
                assert cells.values(row.cells[type_id])[0] in said


def test_the_cross_source_view_has_every_type_in_the_same_columns(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    page = open_page(watched, site_url + "cross-source/")
    tables = page.locator("article table").all()
    assert len(tables) >= 5
    names = [t.name for t in data.types]
    for table in tables:
        rows = table.evaluate(
            "t => Array.from(t.rows, tr => Array.from(tr.cells, c => c.innerText.trim()))"
        )
        assert rows[0][1:] == names
        for row in rows[1:]:
            given = [c for c in row[1:] if c != "—"]
            assert len(given) >= 2, row[0]
    # Remedial massage, which no table compares, is there with what the sources call it.
    remedial = names.index("Remedial massage") + 1
    first = tables[0].evaluate(
        "(t, n) => Array.from(t.rows, tr => tr.cells[n].innerText)", remedial
    )
    assert "Health care" in first[1] and "Clinical massage" in first[2]


def test_on_a_phone_the_first_column_stays_while_a_table_scrolls(
    site_url: str, browser: Browser
) -> None:
    watched = watched_page(browser, width=390, height=800)
    try:
        page = open_page(watched, site_url + "cross-source/")
        wrap = page.locator(".md-typeset__scrollwrap").nth(1)
        wrap.scroll_into_view_if_needed()
        label = wrap.locator("tbody tr td").first
        before = label.bounding_box()
        wrap.evaluate("el => { el.scrollLeft = 400; }")
        assert wrap.evaluate("el => el.scrollLeft") > 300  # the table is wider than the phone
        after = label.bounding_box()
        assert before is not None and after is not None
        # Without sticking, the label would have moved 400 px off to the left.
        assert 0 <= after["x"] <= before["x"]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        watched.page.context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_an_evidence_jump_lands_on_its_section(
    site_url: str, browser: Browser, data: Dataset, width: int
) -> None:
    """A source tag in the cross-source view leads to the section of the comparison that
    quotes it; the self-check drawn lower on that page must not push it out of view."""
    watched = watched_page(browser, width=width, height=800)
    try:
        page = open_page(watched, site_url + "cross-source/")
        link = page.locator("article table sup a[href*='comparisons/']").last
        target = (link.get_attribute("href") or "").split("#")[-1]
        link.click()
        page.wait_for_url(f"**#{target}")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)  # the quiz below is drawn as the reader nears it
        top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", target)
        assert 0 <= top < 800, top
    finally:
        watched.page.context.close()


def test_the_short_answer_opens_with_how_the_two_kinds_differ(
    site_url: str, watched: Watched, data: Dataset
) -> None:
    """Each row sets a health-care type against a consumer-service type as one source does."""
    page = open_page(watched, site_url)
    header, *rows = _table_after(page, "short-answer")
    assert header[1:] == [home.GROUPS["health-care"], home.GROUPS["consumer-service"]]
    columns = {d.summary for d in data.dimensions if d.summary}
    assert len(rows) >= 3 and {row[0] for row in rows} <= columns
    tags = set(cells.source_tags(data).values())
    names = {pictures.short_name(t).lower(): t.id for t in data.types}
    for question, *sides in rows:
        said = []
        for side, group in zip(sides, home.CONTRASTED, strict=True):
            tag = next(t for t in tags if t in side)
            kind = side.rsplit("(", 1)[1].rstrip(")")
            assert home.group_of(data.type(names[kind])) == group
            said.append(tag)
        assert said[0] == said[1], question  # both sides from one source
    pays = next(row for row in rows if row[0] == "Who pays")
    assert pays[1].startswith("Typically a third party")
    assert pays[2].startswith("The client themselves")
