"""Practice in the browser: self-checks and the practice page, answered in a real Chromium."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from quizgen import load_data
from quizgen.bank.build import build_bank
from quizgen.bank.item import Bank
from quizgen.site import practice
from tests.browser import Watched, watched_page
from tests.conftest import DATA_DIR


@pytest.fixture(scope="module")
def bank_items(built_site: Path) -> dict[str, dict[str, Any]]:
    document = json.loads((built_site / "assets" / "quiz-bank.json").read_text())
    return {item["id"]: item for item in document["items"]}


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
        "key_at": texts.index(item["key"]),
        "chosen_at": choice,
        "feedback": question.locator(".quizgen-feedback").inner_text(),
    }


# Everything a student sees of a quiz: the items in order, each one's options in order, the
# option marked as chosen, and the feedback.
SHOWN = """() => Array.from(document.querySelectorAll('fieldset.quizgen-question')).map(f => ({
    item: f.dataset.item,
    options: Array.from(f.querySelectorAll('.quizgen-option')).map(b => b.dataset.option),
    checked: Array.from(f.querySelectorAll('[aria-checked=true]')).map(b => b.dataset.option),
    feedback: f.querySelector('.quizgen-feedback').innerText,
}))"""


def shown(page: Page) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = page.evaluate(SHOWN)
    return result


def score(page: Page) -> str:
    return page.locator(".quizgen-score").inner_text()


def settle(page: Page) -> None:
    """Let anything a select's change event set off run: a frame, then the tasks after it."""
    page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done)))")


def focus_in_feedback_of(page: Page, n: int) -> bool:
    return bool(
        page.evaluate(
            "n => document.querySelectorAll('fieldset.quizgen-question')[n]"
            ".querySelector('.quizgen-feedback').contains(document.activeElement)",
            n,
        )
    )


def focused_option(page: Page) -> tuple[int, int] | None:
    """(question, option) of the focused option, counted from 0; None if focus is elsewhere."""
    found: list[int] | None = page.evaluate(
        """() => {
            const option = document.activeElement.closest('.quizgen-option');
            if (!option) return null;
            const questions = Array.from(document.querySelectorAll('fieldset.quizgen-question'));
            const question = option.closest('fieldset.quizgen-question');
            const options = Array.from(question.querySelectorAll('.quizgen-option'));
            return [questions.indexOf(question), options.indexOf(option)];
        }"""
    )
    return (found[0], found[1]) if found else None


def test_answers_show_the_rationale_and_the_score_updates(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "practice/")
    status = page.locator(".quizgen-quiz [role=status]")
    assert status.inner_text() == "Score: 0 of 10 answered, 0 right"
    # The score is above the questions, where it is seen without scrolling past them all.
    assert page.evaluate(
        "document.querySelector('.quizgen-score').compareDocumentPosition("
        "document.querySelector('fieldset.quizgen-question')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    right = _answer(page, 0, right=True, items=bank_items)
    assert right["feedback"].startswith("Right.")
    assert f"Why: {right['item']['rationale']}" in right["feedback"]
    assert f"Source: {right['item']['source_title']}" in right["feedback"]
    assert status.inner_text() == "Score: 1 of 10 answered, 1 right"
    wrong = _answer(page, 1, right=False, items=bank_items)
    reasons = {d["text"]: d["why"] for d in wrong["item"]["distractors"]}
    assert wrong["feedback"].startswith("Wrong. The answer is")
    assert str(wrong["item"]["key"]) in wrong["feedback"]
    assert reasons[wrong["chosen"]] in wrong["feedback"]
    assert f"Why: {wrong['item']['rationale']}" in wrong["feedback"]
    assert status.inner_text() == "Score: 2 of 10 answered, 1 right"
    # Answered items stay answered: the buttons are disabled.
    assert page.locator("fieldset.quizgen-question").first.locator("button:enabled").count() == 0


def test_right_and_wrong_are_said_in_words_not_only_colour(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "practice/")
    wrong = _answer(page, 0, right=False, items=bank_items)
    options = page.locator("fieldset.quizgen-question").first.locator(".quizgen-option")
    key = options.nth(wrong["key_at"])
    chosen = options.nth(wrong["chosen_at"])
    assert key.locator(".quizgen-mark").inner_text() == "\u2713 Correct answer"
    assert chosen.locator(".quizgen-mark").inner_text() == "\u2717 Your answer"
    assert chosen.get_attribute("aria-checked") == "true"
    assert key.get_attribute("aria-checked") == "false"
    assert page.locator("fieldset.quizgen-question").first.locator(".quizgen-mark").count() == 2
    right = _answer(page, 1, right=True, items=bank_items)
    second = page.locator("fieldset.quizgen-question").nth(1)
    marks = second.locator(".quizgen-mark")
    assert marks.count() == 1
    assert marks.inner_text().startswith("\u2713 Correct answer")
    assert second.locator(".quizgen-option").nth(right["key_at"]).get_attribute("aria-checked")


def test_after_an_answer_focus_is_on_its_feedback_and_tab_goes_on(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "practice/")
    _answer(page, 0, right=False, items=bank_items)
    assert focus_in_feedback_of(page, 0)
    page.keyboard.press("Tab")
    assert focused_option(page) == (1, 0)
    _answer(page, 1, right=True, items=bank_items)
    assert focus_in_feedback_of(page, 1)


def test_a_keyboard_alone_runs_a_self_check(site_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(site_url + "comparisons/medical-vs-relaxation/#check-yourself")
    page.locator("fieldset.quizgen-question").first.wait_for()
    # From the section's heading, Tab reaches the quiz at its first question's first option.
    for _ in range(10):
        page.keyboard.press("Tab")
        if focused_option(page) is not None:
            break
    questions = page.locator("fieldset.quizgen-question")
    assert questions.count() == 5
    for n in range(5):
        question = questions.nth(n)
        assert focused_option(page) == (n, 0)
        # One option of a question is in the tab order at a time (a roving tabindex).
        assert question.locator(".quizgen-option[tabindex='0']").count() == 1
        for key, expected in [
            ("ArrowDown", 1),
            ("ArrowRight", 2),
            ("ArrowUp", 1),
            ("ArrowLeft", 0),
            ("ArrowUp", 3),  # round from the first to the last
            ("Home", 0),
            ("End", 3),
        ]:
            page.keyboard.press(key)
            assert focused_option(page) == (n, expected), key
        assert question.locator(".quizgen-option[tabindex='0']").get_attribute("data-option") == (
            question.locator(".quizgen-option").nth(3).get_attribute("data-option")
        )
        assert question.locator("[aria-checked=true]").count() == 0  # moving does not answer
        page.keyboard.press("Enter" if n % 2 else "Space")
        assert question.locator(".quizgen-option").nth(3).get_attribute("aria-checked") == "true"
        assert question.locator(".quizgen-verdict").count() == 1
        assert focus_in_feedback_of(page, n)
        page.keyboard.press("Tab")
    assert score(page).startswith("Score: 5 of 5 answered")
    assert watched.console_errors == [] and watched.page_errors == []


def test_a_changed_filter_keeps_the_quiz_until_the_button_draws_one(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "practice/")
    _answer(page, 0, right=True, items=bank_items)
    _answer(page, 1, right=False, items=bank_items)
    before, before_score = shown(page), score(page)
    page.select_option("select[data-filter=category]", "payment")
    # Arrow keys on a closed select change it too, one option a key press.
    area = page.locator("select[data-filter=area]")
    area.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert area.input_value() != ""
    settle(page)
    assert shown(page) == before and score(page) == before_score
    assert len([q for q in before if q["checked"]]) == 2
    area.select_option("")
    page.locator("[data-new-quiz]").click()
    page.wait_for_function(
        "Array.from(document.querySelectorAll('fieldset.quizgen-question'))"
        ".every(f => f.dataset.category === 'payment')"
    )
    after = shown(page)
    assert all(bank_items[q["item"]]["category"] == "payment" for q in after)
    assert not any(q["checked"] for q in after)
    assert score(page) == f"Score: 0 of {len(after)} answered, 0 right"
    # The answers to the quiz that was replaced are kept in the browser's total.
    stored = json.loads(page.evaluate("localStorage.getItem('quizgen-practice')"))
    assert {q["item"] for q in before if q["checked"]} <= set(stored["answers"])


def test_new_quiz_differs(site_url: str, watched: Watched) -> None:
    page = open_quiz(watched, site_url + "practice/")
    first = [q["item"] for q in shown(page)]
    page.locator("[data-new-quiz]").click()
    second = [q["item"] for q in shown(page)]
    assert len(first) == len(second) == 10
    assert set(first) != set(second)


def test_back_and_reload_keep_the_quiz_and_its_answers(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "practice/")
    page.select_option("select[data-filter=category]", "payment")
    page.locator("[data-new-quiz]").click()
    _answer(page, 0, right=True, items=bank_items)
    _answer(page, 2, right=False, items=bank_items)
    before, before_score = shown(page), score(page)
    assert before_score.startswith("Score: 2 of")

    def same_quiz() -> None:
        show_quiz(page)
        assert shown(page) == before
        assert score(page) == before_score
        assert page.locator("select[data-filter=category]").input_value() == "payment"

    page.reload()
    same_quiz()
    # Away and back by the theme's instant navigation, which sets the page up again.
    page.locator("nav.md-nav a[href$='glossary/']").first.click()
    page.wait_for_url("**/glossary/")
    page.locator("h1", has_text="Glossary").wait_for()
    page.go_back()
    page.wait_for_url("**/practice/")
    same_quiz()
    # Away by a full page load, and back.
    page.goto(site_url + "sources/")
    page.go_back()
    page.wait_for_url("**/practice/")
    same_quiz()
    page.locator("[data-new-quiz]").click()
    assert [q["item"] for q in shown(page)] != [q["item"] for q in before]
    assert not any(q["checked"] for q in shown(page))
    assert watched.console_errors == [] and watched.page_errors == []


def test_a_self_check_is_kept_across_a_reload(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "comparisons/medical-vs-relaxation/")
    _answer(page, 1, right=False, items=bank_items)
    before = shown(page)
    page.reload()
    show_quiz(page)
    assert shown(page) == before
    assert score(page) == "Score: 1 of 5 answered, 0 right"


def test_quizzes_survive_instant_navigation(site_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.locator("nav.md-nav a[href$='practice/']").first.click()
    page.locator("fieldset.quizgen-question").first.wait_for()
    assert page.locator("fieldset.quizgen-question").count() == 10
    assert watched.console_errors == [] and watched.page_errors == []


FILTER_PARTS = [f"select[data-filter={name}]" for name in ("type", "category", "area")] + [
    "[data-new-quiz]"
]


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_filters_fit_the_column(
    site_url: str, browser: Browser, bank_items: dict[str, dict[str, Any]], width: int
) -> None:
    watched = watched_page(browser, width=width, height=800)
    try:
        page = open_quiz(watched, site_url + "practice/")
        _answer(page, 0, right=False, items=bank_items)
        _answer(page, 1, right=True, items=bank_items)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        form = page.locator(".quizgen-filters").bounding_box()
        boxes = [page.locator(part).bounding_box() for part in FILTER_PARTS]
        assert form is not None
        left, right = form["x"] - 1, form["x"] + form["width"] + 1
        for box in boxes:
            assert box is not None
            assert left <= box["x"] and box["x"] + box["width"] <= right
        selects = [box for box in boxes[:3] if box]
        tops = {round(box["y"]) for box in selects}
        if width >= 1280:
            assert len(tops) == 1  # the three side by side
        else:
            assert len(tops) == 3  # one under another, each the column's width
            assert all(box["width"] >= form["width"] - 2 for box in selects)
    finally:
        watched.page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quiz_pages_are_accessible_after_answering(
    site_url: str,
    watched: Watched,
    bank_items: dict[str, dict[str, Any]],
    scheme: Literal["light", "dark"],
) -> None:
    watched.page.emulate_media(color_scheme=scheme)
    page = open_quiz(watched, site_url + "practice/")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator(f"body[data-md-color-scheme={expected}]").count() == 1
    _answer(page, 0, right=False, items=bank_items)
    _answer(page, 1, right=True, items=bank_items)
    assert page.locator("fieldset.quizgen-question legend").count() == 10
    assert page.locator("[role=radiogroup][aria-labelledby]").count() == 10
    assert page.locator("[role=radio][aria-checked]").count() == 40
    assert page.locator(".quizgen-quiz [role=status]").count() == 1
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
    assert watched.foreign_requests == []


# --- What the filters offer, and what the button does with them -------------------------

FILTERS = {"type": "types", "category": "categories", "area": "areas"}


@pytest.fixture(scope="module")
def bank_document(built_site: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((built_site / "assets" / "quiz-bank.json").read_text())
    return document


def _selects(item: dict[str, Any], name: str, value: str) -> bool:
    if not value:
        return True
    if name == "type":
        return value in item["types"]
    return bool(item[name] == value)


def matching(items: list[dict[str, Any]], **filters: str) -> list[dict[str, Any]]:
    return [i for i in items if all(_selects(i, n, v) for n, v in filters.items())]


def offered(page: Page, name: str) -> dict[str, str]:
    """The values a filter's select offers (not "All"), with the text of each."""
    found: dict[str, str] = page.evaluate(
        """name => Object.fromEntries(Array.from(
            document.querySelectorAll(`select[data-filter=${name}] option`))
            .filter(o => o.value).map(o => [o.value, o.textContent]))""",
        name,
    )
    return found


def filters_status(page: Page) -> str:
    return page.locator(".quizgen-filters [role=status]").inner_text()


def test_each_filter_offers_only_values_with_questions_and_says_how_many(
    site_url: str, watched: Watched, bank_document: dict[str, Any]
) -> None:
    page = open_quiz(watched, site_url + "practice/")
    items = bank_document["items"]
    for name, names_key in FILTERS.items():
        names: dict[str, str] = bank_document[names_key]
        counts = {value: len(matching(items, **{name: value})) for value in names}
        assert offered(page, name) == {
            value: f"{names[value]} ({count})" for value, count in counts.items() if count
        }, name
        # "All" stays first and draws from everything.
        first = page.locator(f"select[data-filter={name}] option").first
        assert (first.get_attribute("value"), first.inner_text()) == ("", "All")
    # The status beside the button says nothing while the quiz is a full one.
    assert filters_status(page) == ""


def test_a_filter_value_without_questions_is_left_out() -> None:
    data = load_data(DATA_DIR)
    bank = build_bank(data)
    usable = bank.usable(practice.OPTIONS)
    assert any(i.category == "payment" for i in usable)
    without = Bank(tuple(i for i in bank.items if i.category != "payment"), bank.dropped)
    page = practice.practice_page(data, without)
    assert '<option value="payment">' not in page
    context = sum(i.category == "context" for i in usable)
    assert f'<option value="context">Context ({context})</option>' in page


def sitting_record(page: Page) -> dict[str, str]:
    found: dict[str, str] = page.evaluate(
        """() => Object.fromEntries(Object.keys(sessionStorage)
            .filter(k => k.startsWith('quizgen-sitting:')).map(k => [k, sessionStorage[k]]))"""
    )
    return found


def last_quiz(page: Page) -> list[str]:
    stored = json.loads(page.evaluate("localStorage.getItem('quizgen-practice')"))
    found: list[str] = stored["lastQuiz"]
    return found


def test_filters_that_match_nothing_keep_the_quiz_and_say_so(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "practice/")
    items = list(bank_items.values())
    types, categories = offered(page, "type"), offered(page, "category")
    # Two values each with questions of its own, that have none together.
    type_, category = next(
        (t, c) for t in types for c in categories if not matching(items, type=t, category=c)
    )
    _answer(page, 0, right=True, items=bank_items)
    _answer(page, 3, right=False, items=bank_items)
    before, before_score = shown(page), score(page)
    before_record, before_last = sitting_record(page), last_quiz(page)
    assert len(before_record) == 1 and before_score == "Score: 2 of 10 answered, 1 right"

    page.select_option("select[data-filter=type]", type_)
    page.select_option("select[data-filter=category]", category)
    page.locator("[data-new-quiz]").click()
    kept = "No questions match these filters; your quiz is unchanged."
    page.wait_for_function(
        "words => document.querySelector('.quizgen-filters [role=status]').textContent === words",
        arg=kept,
    )
    settle(page)
    assert shown(page) == before and score(page) == before_score
    assert sitting_record(page) == before_record and last_quiz(page) == before_last
    # Said again on a second press, and still nothing thrown away.
    page.evaluate(
        """() => {
            const status = document.querySelector('.quizgen-filters [role=status]');
            window.said = [];
            new MutationObserver(() => window.said.push(status.textContent))
                .observe(status, {childList: true, characterData: true, subtree: true});
        }"""
    )
    page.locator("[data-new-quiz]").click()
    # Taken away and put back, so that a screen reader says it again.
    page.wait_for_function("words => window.said.join('|') === '|' + words", arg=kept)
    assert shown(page) == before and sitting_record(page) == before_record
    # The quiz kept is the one a reload shows, with the filters it was drawn with.
    page.reload()
    show_quiz(page)
    assert shown(page) == before and score(page) == before_score
    assert page.locator("select[data-filter=type]").input_value() == ""
    # The next draw that finds questions replaces the quiz and clears the message.
    page.select_option("select[data-filter=type]", type_)
    page.select_option("select[data-filter=category]", category)
    page.locator("[data-new-quiz]").click()
    page.wait_for_function(
        "document.querySelector('.quizgen-filters [role=status]').textContent !== ''"
    )
    page.select_option("select[data-filter=category]", "")
    page.locator("[data-new-quiz]").click()
    page.wait_for_function(
        "t => Array.from(document.querySelectorAll('fieldset.quizgen-question'))"
        ".every(f => f.dataset.types.split(' ').includes(t))",
        arg=type_,
    )
    assert filters_status(page) == ""
    assert not any(q["checked"] for q in shown(page))
    assert watched.console_errors == [] and watched.page_errors == []


def test_filters_that_match_a_few_draw_those_and_say_how_many(
    site_url: str, watched: Watched, bank_items: dict[str, dict[str, Any]]
) -> None:
    page = open_quiz(watched, site_url + "practice/")
    items = list(bank_items.values())
    categories, areas = offered(page, "category"), offered(page, "area")
    # The fewest questions that still make more than one: fewer than a quiz's ten.
    few, category, area = min(
        (len(matching(items, category=c, area=a)), c, a)
        for c in categories
        for a in areas
        if len(matching(items, category=c, area=a)) > 1
    )
    assert few < 10
    page.select_option("select[data-filter=category]", category)
    page.select_option("select[data-filter=area]", area)
    page.locator("[data-new-quiz]").click()
    said = f"Only {few} questions match these filters."
    page.wait_for_function(
        "words => document.querySelector('.quizgen-filters [role=status]').textContent === words",
        arg=said,
    )
    drawn = [q["item"] for q in shown(page)]
    assert sorted(drawn) == sorted(i["id"] for i in matching(items, category=category, area=area))
    assert score(page) == f"Score: 0 of {few} answered, 0 right"
    _answer(page, 0, right=True, items=bank_items)
    assert score(page) == f"Score: 1 of {few} answered, 1 right"
    # A reload shows the same short quiz, and says again why it is short.
    page.reload()
    show_quiz(page)
    assert [q["item"] for q in shown(page)] == drawn
    assert filters_status(page) == said
    # A full quiz again: nothing to say.
    page.select_option("select[data-filter=category]", "")
    page.select_option("select[data-filter=area]", "")
    page.locator("[data-new-quiz]").click()
    page.wait_for_function("document.querySelectorAll('fieldset.quizgen-question').length === 10")
    assert filters_status(page) == ""
