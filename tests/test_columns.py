"""Across the sources: the buttons that pick which types' columns show, in a real Chromium.

They are filter buttons: "All" is pressed at first and every column shows; a type pressed then
shows alone, more presses add types, a second press takes one away, and taking away the last
one, or pressing "All", shows every column again."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, Route

from tests.browser import Watched, watched_page

PATH = "cross-source/"
PLACEHOLDER = '<div class="quizgen-column-picker"></div>'
BUTTONS = ".quizgen-column-picker button"
TYPE_BUTTONS = ".quizgen-column-picker button:not(.quizgen-column-all)"
STATUS = ".quizgen-column-picker [role=status]"
ALL = ".quizgen-column-all"
STORE = "quizgen-columns"
# Two types to compare (rehabilitative and recreational massage, by their columns), and two
# whose cells say the most, which are the hardest to fit on a phone.
PAIR = ("Rehabilitative massage", "Recreational massage")
DENSE = ("Medical massage", "Therapeutic massage")


@pytest.fixture(scope="module")
def type_names(built_site: Path) -> list[str]:
    """The type columns, in order, from the first table's header of the built page."""
    html = (built_site / PATH / "index.html").read_text()
    head = html[html.index(PLACEHOLDER) :]
    row = re.search(r"<thead>\s*<tr>(.*?)</tr>", head, re.S)
    assert row is not None
    cells = re.findall(r"<th[^>]*>(.*?)</th>", row.group(1), re.S)
    assert cells[0] == "" and len(cells) > 3
    return cells[1:]


def with_instant_navigation(page: Page, site_url: str) -> None:
    """Let the theme's instant navigation work on the test server, as it does on the site.

    It follows only links its sitemap lists, and the built sitemap names the site_url of
    mkdocs.yml, whose port is not the one the tests serve on (the theme puts in the page's
    scheme and host, not its port): without this a click loads the next page afresh, and a
    test of instant navigation would pass without one. Call it before the first page loads."""

    def sitemap(route: Route) -> None:
        response = route.fetch()
        text = response.text()
        built = re.search(r"<loc>(.*?)</loc>", text)  # the first is the home page
        assert built is not None
        route.fulfill(response=response, body=text.replace(built.group(1), site_url))

    page.route(site_url + "sitemap.xml", sitemap)


def navigate_instantly(page: Page, link: str, url: str) -> None:
    """Follow a link of the side navigation, and check that the page was swapped in place.

    The address changes before the new content is in, so the test waits for the article it
    left, marked here, to have been replaced."""
    page.evaluate(
        """() => {
            window.quizgenSamePage = true;
            document.querySelector('article').setAttribute('data-quizgen-left', '');
        }"""
    )
    page.locator(f"nav.md-nav a[href$='{link}']").first.click()
    page.wait_for_url(url)
    page.wait_for_function(
        "() => document.querySelector('article h1')"
        " && !document.querySelector('article[data-quizgen-left]')"
    )
    assert page.evaluate("window.quizgenSamePage === true"), "a page load, not instant navigation"


def open_columns(page: Page, url: str) -> Page:
    page.goto(url)
    page.locator(BUTTONS).first.wait_for()
    return page


def button(page: Page, name: str) -> Locator:
    """A type's button, by its accessible name: the type's whole name, even where the part
    every name shares is read out but not shown."""
    return page.locator(".quizgen-column-picker").get_by_role("button", name=name, exact=True)


def names_of_buttons(page: Page) -> list[str]:
    found: list[str] = page.evaluate(
        """s => Array.from(document.querySelectorAll(s))
            .map(b => b.textContent.replace(/\\s+/g, ' ').trim())""",
        BUTTONS,
    )
    return found


def pressed(page: Page) -> list[str]:
    """The types picked, by their buttons' aria-pressed; none while "All" is pressed."""
    found: list[str] = page.evaluate(
        """s => Array.from(document.querySelectorAll(s))
            .filter(b => b.getAttribute('aria-pressed') === 'true')
            .map(b => b.textContent.replace(/\\s+/g, ' ').trim())""",
        TYPE_BUTTONS,
    )
    return found


def all_pressed(page: Page) -> bool:
    return page.locator(ALL).get_attribute("aria-pressed") == "true"


def marks(page: Page) -> dict[str, str]:
    """What each button shows before its name: a tick when pressed, a plus when not."""
    found: dict[str, str] = page.evaluate(
        """s => Object.fromEntries(Array.from(document.querySelectorAll(s)).map(b => [
            b.textContent.replace(/\\s+/g, ' ').trim(),
            getComputedStyle(b, '::before').content.match(/^"([^"]*)"/)[1],
        ]))""",
        BUTTONS,
    )
    return found


def assert_pressed(page: Page, picked: list[str], type_names: list[str]) -> None:
    """The types picked, and "All" exactly when none is, in aria-pressed and in the marks."""
    assert pressed(page) == picked
    assert all_pressed(page) == (not picked)
    ticked = picked or ["All"]
    assert marks(page) == {
        name: "\u2713" if name in ticked else "+" for name in [*type_names, "All"]
    }


# Each table of the article: its header cells that show, and for every row the positions of
# the cells that show (a cell shows when it takes room on the page).
TABLES = """() => Array.from(document.querySelectorAll('article table')).map(t => ({
    header: Array.from(t.tHead.rows[0].cells).filter(c => c.getClientRects().length)
        .map(c => c.textContent.trim()),
    rows: Array.from(t.rows).filter(r => r.getClientRects().length).map(r => Array.from(r.cells)
        .map((c, i) => c.getClientRects().length ? i : -1).filter(i => i >= 0)),
}))"""


def tables(page: Page) -> list[dict[str, list[object]]]:
    found: list[dict[str, list[object]]] = page.evaluate(TABLES)
    return found


def assert_every_table_shows(page: Page, shown: list[str], type_names: list[str]) -> None:
    columns = [0, *(type_names.index(name) + 1 for name in shown)]
    found = tables(page)
    assert len(found) > 2
    for table in found:
        assert table["header"] == ["", *shown]
        assert all(row == columns for row in table["rows"])


def show_only(page: Page, keep: tuple[str, ...], type_names: list[str]) -> None:
    """From "All", one press for each type to compare."""
    assert all_pressed(page) and pressed(page) == []
    for name in keep:
        button(page, name).click()
    assert_pressed(page, [n for n in type_names if n in keep], type_names)


def test_the_page_works_without_javascript(
    built_site: Path, site_url: str, browser: Browser, type_names: list[str]
) -> None:
    # The placeholder is empty in the page as built, and so takes no room.
    assert PLACEHOLDER in (built_site / PATH / "index.html").read_text()
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PATH)
        assert page.locator(".quizgen-column-picker").count() == 1
        assert not page.locator(".quizgen-column-picker").is_visible()
        assert page.locator(BUTTONS).count() == 0
        assert page.locator(".quizgen-column-hidden").count() == 0
        every = list(range(len(type_names) + 1))
        found = page.evaluate(TABLES)
        assert len(found) > 2
        assert all(row == every for table in found for row in table["rows"])
    finally:
        context.close()


def test_one_button_per_type_in_the_header_order_then_all(
    site_url: str, watched: Watched, type_names: list[str]
) -> None:
    page = open_columns(watched.page, site_url + PATH)
    assert names_of_buttons(page) == [*type_names, "All"]
    group = page.get_by_role("group", name="Show only these types:")
    assert group.count() == 1
    assert group.locator("button").count() == len(type_names) + 1
    # At first "All" is pressed, no type is, and every column shows.
    assert_pressed(page, [], type_names)
    assert_every_table_shows(page, type_names, type_names)
    assert page.locator(STATUS).inner_text() == ""
    assert watched.console_errors == [] and watched.page_errors == []


def test_two_presses_leave_only_those_two_columns_in_every_table(
    site_url: str, watched: Watched, type_names: list[str]
) -> None:
    page = open_columns(watched.page, site_url + PATH)
    # The first press, while "All" is pressed, shows that type alone.
    button(page, PAIR[0]).click()
    assert_pressed(page, [PAIR[0]], type_names)
    assert_every_table_shows(page, [PAIR[0]], type_names)
    assert page.locator(STATUS).inner_text() == f"Showing 1 of {len(type_names)} types."
    # The second adds its type: two presses, two columns.
    button(page, PAIR[1]).click()
    assert_pressed(page, list(PAIR), type_names)
    assert_every_table_shows(page, list(PAIR), type_names)
    assert page.locator(STATUS).inner_text() == f"Showing 2 of {len(type_names)} types."
    # A third type comes back in its own place, not at the end.
    button(page, "Medical massage").click()
    assert_pressed(page, ["Medical massage", *PAIR], type_names)
    assert_every_table_shows(page, ["Medical massage", *PAIR], type_names)
    # "All" lets go of every type picked, and shows every column.
    page.locator(ALL).click()
    assert_pressed(page, [], type_names)
    assert_every_table_shows(page, type_names, type_names)
    assert page.locator(STATUS).inner_text() == f"Showing all {len(type_names)} types."
    # After which a type pressed shows alone again.
    button(page, PAIR[1]).click()
    assert_pressed(page, [PAIR[1]], type_names)
    assert_every_table_shows(page, [PAIR[1]], type_names)
    assert watched.console_errors == [] and watched.page_errors == []


def test_taking_away_the_last_type_picked_returns_to_all(
    site_url: str, watched: Watched, type_names: list[str]
) -> None:
    page = open_columns(watched.page, site_url + PATH)
    show_only(page, PAIR, type_names)
    # A second press takes a type away again.
    button(page, PAIR[0]).click()
    assert_pressed(page, [PAIR[1]], type_names)
    assert_every_table_shows(page, [PAIR[1]], type_names)
    # Taking away the last leaves no table of row names alone: it is "All" again.
    button(page, PAIR[1]).click()
    assert_pressed(page, [], type_names)
    assert_every_table_shows(page, type_names, type_names)
    assert page.locator(STATUS).inner_text() == f"Showing all {len(type_names)} types."
    page.reload()
    page.locator(BUTTONS).first.wait_for()
    assert_pressed(page, [], type_names)
    assert_every_table_shows(page, type_names, type_names)
    # Still the usual "All": a type pressed now shows alone.
    button(page, PAIR[0]).click()
    assert_every_table_shows(page, [PAIR[0]], type_names)
    assert watched.console_errors == [] and watched.page_errors == []


def overflowing(page: Page) -> dict[str, object]:
    """Tables that scroll sideways in their box, and cells that are cut off: wider than their
    content lets them be, or reaching past the table's edge (the table clips its corners)."""
    found: dict[str, object] = page.evaluate(
        """() => ({
            tables: Array.from(document.querySelectorAll('article .md-typeset__scrollwrap'))
                .filter(w => w.scrollWidth > w.clientWidth).length,
            cells: Array.from(document.querySelectorAll('article table :is(th, td)'))
                .filter(c => c.getClientRects().length && (c.scrollWidth > c.clientWidth + 1
                    || c.getBoundingClientRect().right
                        > c.closest('table').getBoundingClientRect().right + 1))
                .map(c => c.textContent.slice(0, 40)),
            page: document.documentElement.scrollWidth,
        })"""
    )
    return found


@pytest.mark.parametrize("width", [320, 390])
def test_two_types_fit_a_phone_without_sideways_scrolling(
    site_url: str, browser: Browser, type_names: list[str], width: int
) -> None:
    watched = watched_page(browser, width=width, height=800)
    try:
        page = open_columns(watched.page, site_url + PATH)
        # All nine do not fit: the tables scroll in their own box, under the row names.
        assert page.locator("article .md-typeset__scrollwrap").count() == len(tables(page))
        assert overflowing(page)["tables"] == len(tables(page))
        for keep in (PAIR, DENSE):
            page.locator(ALL).click()
            show_only(page, keep, type_names)
            assert overflowing(page) == {"tables": 0, "cells": [], "page": width}, keep
        button(page, DENSE[1]).click()
        assert pressed(page) == [DENSE[0]]
        assert overflowing(page) == {"tables": 0, "cells": [], "page": width}
    finally:
        watched.page.context.close()


def test_the_choice_is_kept_on_reload_and_instant_navigation(
    site_url: str, watched: Watched, type_names: list[str]
) -> None:
    with_instant_navigation(watched.page, site_url)
    page = open_columns(watched.page, site_url + PATH)
    show_only(page, PAIR, type_names)
    page.reload()
    page.locator(BUTTONS).first.wait_for()
    assert_pressed(page, list(PAIR), type_names)
    assert_every_table_shows(page, list(PAIR), type_names)
    assert page.locator(STATUS).inner_text() == f"Showing 2 of {len(type_names)} types."
    # Away and back by the theme's instant navigation, which sets the page up again.
    navigate_instantly(page, "glossary/", "**/glossary/")
    assert page.locator("article h1", has_text="Glossary").count() == 1
    navigate_instantly(page, "cross-source/", "**/cross-source/")
    page.locator(BUTTONS).first.wait_for()
    assert page.locator(BUTTONS).count() == len(type_names) + 1  # set up once, not twice
    assert_pressed(page, list(PAIR), type_names)
    assert_every_table_shows(page, list(PAIR), type_names)
    assert watched.console_errors == [] and watched.page_errors == []


def stored_then_reloaded(page: Page, stored: str) -> None:
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORE, stored])
    page.reload()
    page.locator(BUTTONS).first.wait_for()


def test_a_choice_stored_earlier_or_spoilt_is_read_gracefully(
    site_url: str, watched: Watched, type_names: list[str]
) -> None:
    page = open_columns(watched.page, site_url + PATH)
    # The page once kept the types hidden, with every column shown at first: such a choice
    # still shows the columns it left, now as the types picked.
    others = [name for name in type_names if name not in PAIR]
    stored_then_reloaded(page, json.dumps({"hidden": others}))
    assert_pressed(page, list(PAIR), type_names)
    assert_every_table_shows(page, list(PAIR), type_names)
    # One that hid nothing, or (by hand) everything, is "All".
    for hidden in ([], type_names):
        stored_then_reloaded(page, json.dumps({"hidden": hidden}))
        assert_pressed(page, [], type_names)
        assert_every_table_shows(page, type_names, type_names)
    # Types no longer in the data are forgotten, and anything unreadable is "All" too.
    stored_then_reloaded(page, json.dumps({"shown": ["Gone massage", PAIR[1]]}))
    assert_pressed(page, [PAIR[1]], type_names)
    for spoilt in ("{", "null", "7", '"All"', "[]", '{"shown": "Recreational massage"}'):
        stored_then_reloaded(page, spoilt)
        assert_pressed(page, [], type_names)
        assert_every_table_shows(page, type_names, type_names)
    # The next press stores the choice in the present form.
    button(page, PAIR[0]).click()
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", STORE)) == {"shown": [PAIR[0]]}
    assert watched.console_errors == [] and watched.page_errors == []


COMPARISON = "comparisons/medical-vs-relaxation/"


def test_pages_without_the_placeholder_are_left_alone(
    site_url: str, watched: Watched, type_names: list[str]
) -> None:
    """A comparison's tables have a column per type too: the choice made here is not for them."""
    with_instant_navigation(watched.page, site_url)
    page = open_columns(watched.page, site_url + PATH)
    show_only(page, ("Medical massage", "Rehabilitative massage"), type_names)

    def every_cell_shows() -> None:
        page.locator("article table").first.wait_for()
        assert page.locator(".quizgen-column-picker").count() == 0
        assert page.locator("article table th:has-text('Relaxation massage')").count() > 0
        hidden = page.evaluate(
            "Array.from(document.querySelectorAll('article table :is(th, td)'))"
            ".filter(c => !c.getClientRects().length).length"
        )
        assert hidden == 0

    # By the theme's instant navigation, which runs the script again, and by a page load.
    navigate_instantly(page, COMPARISON, f"**/{COMPARISON}")
    every_cell_shows()
    page.goto(site_url + COMPARISON)
    every_cell_shows()
    assert watched.console_errors == [] and watched.page_errors == []


def focused_button(page: Page) -> str | None:
    found: str | None = page.evaluate(
        """() => document.activeElement.matches('.quizgen-column-picker button')
            ? document.activeElement.textContent.replace(/\\s+/g, ' ').trim() : null"""
    )
    return found


def test_a_keyboard_alone_picks_the_columns(
    site_url: str, watched: Watched, type_names: list[str]
) -> None:
    page = open_columns(watched.page, site_url + PATH)
    # From the last link before the buttons, Tab goes through each of them in order.
    page.evaluate(
        "Array.from(document.querySelector('.quizgen-column-picker')"
        ".previousElementSibling.querySelectorAll('a')).pop().focus()"
    )
    assert page.evaluate("document.activeElement.tagName") == "A"
    for name in [*type_names, "All"]:
        page.keyboard.press("Tab")
        assert focused_button(page) == name
    page.keyboard.press("Shift+Tab")
    assert focused_button(page) == type_names[-1]
    page.keyboard.press("Enter")
    assert focused_button(page) == type_names[-1]
    assert_pressed(page, type_names[-1:], type_names)
    assert_every_table_shows(page, type_names[-1:], type_names)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert_pressed(page, type_names[-2:], type_names)
    assert_every_table_shows(page, type_names[-2:], type_names)
    page.keyboard.press("Enter")
    assert_pressed(page, type_names[-1:], type_names)
    assert_every_table_shows(page, type_names[-1:], type_names)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused_button(page) == "All"
    page.keyboard.press("Enter")
    assert_pressed(page, [], type_names)
    assert_every_table_shows(page, type_names, type_names)


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_buttons_wrap_within_the_column_and_are_big_enough_to_tap(
    site_url: str, browser: Browser, width: int
) -> None:
    watched = watched_page(browser, width=width, height=800)
    try:
        page = open_columns(watched.page, site_url + PATH)
        article = page.locator("article").bounding_box()
        assert article is not None
        boxes = [b.bounding_box() for b in page.locator(BUTTONS).all()]
        for box in boxes:
            assert box is not None
            assert box["height"] >= 36 and box["width"] >= 24
            assert article["x"] <= box["x"] and box["x"] + box["width"] <= (
                article["x"] + article["width"]
            )
        rows = {round(box["y"]) for box in boxes if box}
        assert 1 < len(rows) <= (7 if width < 400 else 3)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # A press changes no button's place, so that a second tap lands on what the first did.
        page.locator(TYPE_BUTTONS).first.click()
        assert [b.bounding_box() for b in page.locator(BUTTONS).all()] == boxes
    finally:
        watched.page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_buttons_are_accessible(
    site_url: str,
    watched: Watched,
    type_names: list[str],
    scheme: Literal["light", "dark"],
) -> None:
    watched.page.emulate_media(color_scheme=scheme)
    page = open_columns(watched.page, site_url + PATH)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator(f"body[data-md-color-scheme={expected}]").count() == 1
    show_only(page, PAIR, type_names)
    assert page.locator(f"{BUTTONS}[aria-pressed]").count() == len(type_names) + 1
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
    assert watched.foreign_requests == []


def test_paper_has_every_column_whatever_the_screen_shows(
    site_url: str, watched: Watched, type_names: list[str]
) -> None:
    page = open_columns(watched.page, site_url + PATH)
    show_only(page, PAIR, type_names)
    page.emulate_media(media="print")
    assert_every_table_shows(page, type_names, type_names)
    assert not page.locator(".quizgen-column-picker").is_visible()
    page.emulate_media(media="screen")
    assert_every_table_shows(page, list(PAIR), type_names)
    assert page.locator(".quizgen-column-picker").is_visible()


ROWS = """() => Array.from(document.querySelectorAll('article table tbody tr')).map(r => ({
    shown: r.getClientRects().length > 0,
    values: Array.from(r.cells).slice(1).filter(c => c.getClientRects().length)
        .map(c => c.textContent.trim()),
}))"""


def test_narrowed_tables_leave_out_rows_that_are_only_dashes(
    site_url: str, watched: Watched, type_names: list[str]
) -> None:
    page = open_columns(watched.page, site_url + PATH)
    everything = page.evaluate(ROWS)
    assert all(row["shown"] for row in everything)
    show_only(page, PAIR, type_names)
    rows = page.evaluate(ROWS)
    shown = [row for row in rows if row["shown"]]
    assert 0 < len(shown) < len(rows)
    assert all(any(v != "\u2014" for v in row["values"]) for row in shown)
    # Every row left out is only dashes for the two types.
    index = {name: n for n, name in enumerate(type_names)}
    all_cells = page.evaluate(
        "() => Array.from(document.querySelectorAll('article table tbody tr'),"
        " r => Array.from(r.cells).slice(1).map(c => c.textContent.trim()))"
    )
    for row, cells in zip(rows, all_cells, strict=True):
        pair = [cells[index[name]] for name in PAIR]
        assert row["shown"] == any(v != "\u2014" for v in pair)
    page.locator(ALL).click()
    assert all(row["shown"] for row in page.evaluate(ROWS))
