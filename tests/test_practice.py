"""Practice in the browser: self-checks and the practice page, answered in a real Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from quizgen import load_data
from quizgen.bank.build import build_bank
from tests.browser import Watched, watched_page
from tests.conftest import DATA_DIR


@pytest.fixture(scope="module")
def bank_items(built_site: Path) -> dict[str, dict[str, Any]]:
    document = json.loads((built_site / "assets" / "quiz-bank.json").read_text())
    return {item["id"]: item for item in document["items"]}


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    page = watched_page(browser)
    yield page
    page.page.context.close()


def show_quiz(page: Page) -> Page:
    page.locator(".quizgen-quiz").first.scroll_into_view_if_needed()
    page.locator("fieldset.quizgen-question").first.wait_for()
    return page


def open_quiz(watched: Watched, url: str) -> Page:
    watched.page.goto(url)
    return show_quiz(watched.page)


def test_the_browser_bank_is_the_cli_bank(bank_items: dict[str, dict[str, Any]]) -> None:
    bank = build_bank(load_data(DATA_DIR))
    assert set(bank_items) == {i.id for i in bank.usable(4)}
    item = bank.usable(4)[0]
    assert bank_items[item.id]["rationale"] == item.rationale
    assert bank_items[item.id]["key"] == item.key


def test_each_comparison_has_its_items_in_a_file_of_its_own(
    built_site: Path, bank_items: dict[str, dict[str, Any]]
) -> None:
    compared = {i["comparison"] for i in bank_items.values() if i["comparison"]}
    files = {p.stem: p for p in (built_site / "assets" / "quiz-bank").glob("*.json")}
    assert set(files) == compared
    for comparison, path in files.items():
        items = json.loads(path.read_text())["items"]
        assert items == [i for i in bank_items.values() if i["comparison"] == comparison]


def test_each_comparison_page_ends_with_a_self_check_on_its_own_facts(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    fetched: list[str] = []
    watched.page.on("request", lambda request: fetched.append(request.url))
    watched.page.goto(site_url + "comparisons/medical-vs-relaxation/")
    watched.page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "quiz-bank" in url]  # built only when scrolled to
    page = show_quiz(watched.page)
    banks = [url.removeprefix(site_url) for url in fetched if "quiz-bank" in url]
    assert banks == ["assets/quiz-bank/medical-vs-relaxation.json"]  # not the whole bank
    questions = page.locator("fieldset.quizgen-question")
    assert questions.count() == 5
    for n in range(5):
        item = bank_items[questions.nth(n).get_attribute("data-item") or ""]
        assert item["comparison"] == "medical-vs-relaxation"
    assert watched.console_errors == [] and watched.foreign_requests == []


def _answer(page: Page, n: int, *, right: bool, items: dict[str, dict[str, Any]]) -> dict[str, Any]:
    question = page.locator("fieldset.quizgen-question").nth(n)
    item = items[question.get_attribute("data-item") or ""]
    buttons = question.locator("button.quizgen-option")
    texts = [b.get_attribute("data-option") for b in buttons.all()]
    choice = (
        texts.index(item["key"])
        if right
        else next(i for i, t in enumerate(texts) if t != item["key"])
    )
    buttons.nth(choice).click()
    return {
        "item": item,
        "chosen": texts[choice],
        "feedback": question.locator(".quizgen-feedback").inner_text(),
    }


def test_answers_show_the_rationale_and_the_score_updates(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "practice/")
    right = _answer(page, 0, right=True, items=bank_items)
    assert right["feedback"].startswith("Right.")
    assert f"Why: {right['item']['rationale']}" in right["feedback"]
    assert f"Source: {right['item']['source_title']}" in right["feedback"]
    wrong = _answer(page, 1, right=False, items=bank_items)
    reasons = {d["text"]: d["why"] for d in wrong["item"]["distractors"]}
    assert wrong["feedback"].startswith("Wrong. The answer is")
    assert str(wrong["item"]["key"]) in wrong["feedback"]
    assert reasons[wrong["chosen"]] in wrong["feedback"]
    assert f"Why: {wrong['item']['rationale']}" in wrong["feedback"]
    assert page.locator(".quizgen-score").inner_text().startswith("Score: 1 of 2 answered")
    # Answered items stay answered: the buttons are disabled.
    assert page.locator("fieldset.quizgen-question").first.locator("button:enabled").count() == 0


def test_progress_is_kept_in_local_storage(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "practice/")
    _answer(page, 0, right=True, items=bank_items)
    _answer(page, 1, right=False, items=bank_items)
    page.reload()
    page.locator("fieldset.quizgen-question").first.wait_for()
    assert (
        page.locator(".quizgen-total").inner_text() == "In this browser so far: 1 of 2 items right."
    )
    stored = json.loads(page.evaluate("localStorage.getItem('quizgen-practice')"))
    assert len(stored["answers"]) == 2


def test_a_keyboard_alone_runs_a_quiz(site_url: str, watched: Watched) -> None:
    page = open_quiz(watched, site_url + "comparisons/medical-vs-relaxation/")
    first = page.locator("fieldset.quizgen-question").first.locator("button").first
    first.focus()
    for _ in range(5):
        focused = page.evaluate("document.activeElement.className")
        assert "quizgen-option" in focused
        page.keyboard.press("Enter")
        # Tab past the now-disabled options to the next question's first option.
        page.keyboard.press("Tab")
    assert page.locator(".quizgen-feedback p.quizgen-verdict").count() == 5
    assert "5 answered" in page.locator(".quizgen-score").inner_text()


def test_new_quiz_differs_and_filters_apply(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "practice/")

    def shown() -> list[str]:
        return [
            q.get_attribute("data-item") or ""
            for q in page.locator("fieldset.quizgen-question").all()
        ]

    first = shown()
    page.locator("[data-new-quiz]").click()
    second = shown()
    assert len(first) == len(second) == 10
    assert set(first) != set(second)
    page.select_option("select[data-filter=category]", "payment")
    page.wait_for_function(
        "Array.from(document.querySelectorAll('fieldset.quizgen-question')).every(f => f.dataset.category === 'payment')"
    )
    assert all(bank_items[i]["category"] == "payment" for i in shown())


def test_quizzes_survive_instant_navigation(site_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.locator("nav.md-nav a[href$='practice/']").first.click()
    page.locator("fieldset.quizgen-question").first.wait_for()
    assert page.locator("fieldset.quizgen-question").count() == 10
    assert watched.console_errors == [] and watched.page_errors == []


def test_quiz_pages_are_accessible_after_answering(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "practice/")
    _answer(page, 0, right=False, items=bank_items)
    assert page.locator("fieldset.quizgen-question legend").count() == 10
    assert page.locator(".quizgen-feedback[aria-live=polite]").count() == 10
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
    assert watched.foreign_requests == []


@pytest.mark.parametrize("width", [1280, 390])
def test_a_footnote_jump_lands_on_the_footnote(site_url: str, watched: Watched, width: int) -> None:
    """The self-check above the footnotes is built as the reader nears it, which makes the
    page taller: a jump to a footnote must still end with the footnote in view."""
    page = watched.page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "comparisons/medical-vs-relaxation/")
    page.wait_for_load_state("networkidle")
    first = page.locator("a.footnote-ref").first
    target = (first.get_attribute("href") or "").split("#")[-1]
    first.click()
    page.wait_for_selector(".quizgen-quiz fieldset")
    page.wait_for_timeout(300)  # the scroll after the quiz is drawn
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", target)
    assert 0 <= top < 800, top
