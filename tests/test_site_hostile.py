"""Data that looks like markup is shown as text: no script runs, no table breaks."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import Watched, build_site, serve
from tests.conftest import DATA_DIR, REPO

# Each string is something an instructor might paste by accident, or an attacker on purpose.
HOSTILE = {
    "script": "<script>window.__pwned = 'script'</script>",
    "img": "<img src=x onerror=\"window.__pwned = 'img'\">",
    "pipe": "left | right || both",
    "emphasis": "*not bold* and _not italic_ and __not strong__",
    "link": "[click me](https://evil.example/) and ![img](https://evil.example/x.png)",
    "jinja": "{{ config.site_name }} {% raw %} {#id .class}",
    "title": "</title><script>window.__pwned = 'title'</script>",
    "footnote": "text[^1] and *[UCR]: fake",
    "backslash": "C:\\temp\\new \\| \\* `code`",
    "non_latin": "Массаж 按摩 マッサージ مساج עיסוי 🙂",
    "ampersand": "&amp; &lt;b&gt; & < >",
}


def _yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON strings are valid YAML scalars


def _hostile_data(root: Path) -> Path:
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    rows = []
    dims = []
    for key, value in HOSTILE.items():
        dims.append(
            f"""  - id: hostile-{key.replace("_", "-")}
    label: {_yaml("Label " + value)}
    category: context
    area: ethics-law
    kind: list
    question: "What about {{type}}?"
"""
        )
        rows.append(
            f"""      - dimension: hostile-{key.replace("_", "-")}
        cells:
          hostile:
            items:
              - {{value: {_yaml(value)}, quote: {_yaml(value)}}}
          medical:
            items:
              - {{value: {_yaml("item " + value)}, quote: {_yaml(value)}}}
"""
        )
    (data / "hostile.yml").write_text(
        f"""sources:
  - id: hostile-source
    title: {_yaml("Source " + HOSTILE["script"])}
    publisher: {_yaml(HOSTILE["img"])}
    kind: {_yaml(HOSTILE["pipe"])}
    file: hostile.txt
types:
  - id: hostile
    name: {_yaml("Type " + HOSTILE["script"] + " | x")}
    definitions:
      - source: hostile-source
        text: {_yaml(HOSTILE["img"])}
        quote: {_yaml(HOSTILE["jinja"])}
glossary:
  - id: hostile-term
    term: Zyzzyva
    definition: {_yaml("A term whose definition is " + HOSTILE["script"] + HOSTILE["img"])}
    source: hostile-source
    quote: zyzzyva
dimensions:
{"".join(dims)}
items:
  - id: scenario-hostile
    stem: {_yaml(HOSTILE["script"] + " " + HOSTILE["pipe"] + " which?")}
    key: {_yaml("Key " + HOSTILE["img"])}
    distractors:
      - {{text: {_yaml("Wrong " + HOSTILE["link"])}, why: {_yaml(HOSTILE["script"])}}}
      - {{text: {_yaml("Wrong " + HOSTILE["jinja"])}, why: {_yaml(HOSTILE["ampersand"])}}}
      - {{text: {_yaml("Wrong " + HOSTILE["non_latin"])}, why: {_yaml(HOSTILE["emphasis"])}}}
    rationale: {_yaml("Because " + HOSTILE["script"])}
    source: hostile-source
    quote: {_yaml(HOSTILE["footnote"])}
    category: context
    area: ethics-law
    types: [hostile]
comparisons:
  - id: hostile
    title: {_yaml("Hostile " + HOSTILE["script"] + HOSTILE["title"])}
    source: hostile-source
    types: [hostile, medical]
    description: {_yaml("Zyzzyva " + HOSTILE["emphasis"] + " " + HOSTILE["link"])}
    rows:
{"".join(rows)}
""",
        encoding="utf-8",
    )
    return data


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile")
    _hostile_data(root)
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    build_site(root / "mkdocs.yml", root / "site")
    with serve(root / "site") as url:
        yield url


@pytest.mark.parametrize(
    "path",
    [
        "comparisons/hostile/",
        "",
        "cross-source/",
        "terminology/",
        "glossary/",
        "sources/",
        "practice/",
    ],
)
def test_no_script_runs_and_nothing_is_fetched(
    hostile_site: str, watched: Watched, path: str
) -> None:
    page = watched.page
    page.goto(hostile_site + path)
    page.wait_for_load_state("networkidle")
    for abbr in page.locator("article abbr", has_text="Zyzzyva").all()[:1]:
        abbr.hover()  # a tooltip must not turn its text into markup either
        page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert watched.dialogs == []
    assert watched.foreign_requests == []
    assert watched.page_errors == []
    assert page.locator("article script, article img, article iframe").count() == 0
    assert page.locator("article a[href*='evil.example']").count() == 0


def test_hostile_values_appear_verbatim_in_an_unbroken_table(
    hostile_site: str, watched: Watched
) -> None:
    page = watched.page
    page.goto(hostile_site + "comparisons/hostile/")
    header = page.locator("article table thead th").all_inner_texts()
    assert header == ["Dimension", "Type " + HOSTILE["script"] + " | x", "Medical massage"]
    rows = page.evaluate(
        """() => Array.from(document.querySelectorAll('article table tbody tr'),
                r => Array.from(r.cells, c => c.innerText))"""
    )
    assert len(rows) == len(HOSTILE)
    for (key, value), cells in zip(HOSTILE.items(), rows, strict=True):
        assert len(cells) == 3, key
        assert cells[0] == "Label " + value, key
        assert cells[1].startswith("• " + value), key  # then the quote marker
        assert cells[2].startswith("• item " + value), key
    # The quote markers' names carry the same text, whole, as attribute values.
    names = page.locator("article table tbody tr td:nth-child(2) summary").evaluate_all(
        "s => s.map(x => x.getAttribute('aria-label'))"
    )
    assert names == [f"quote: Type {HOSTILE['script']} | x, Label {v}" for v in HOSTILE.values()]
    for word in ("not bold", "not italic", "not strong"):
        assert page.locator("article em, article strong").filter(has_text=word).count() == 0
    title = page.locator("article h1").evaluate(
        "h => Array.from(h.childNodes).filter(n => !n.classList?.contains('headerlink'))"
        ".map(n => n.textContent).join('').trim()"
    )
    assert title == "Hostile " + HOSTILE["script"] + HOSTILE["title"]
    assert page.title().startswith(title)
    nav = page.locator(".md-nav__link--active").first.inner_text()
    assert nav.strip() == title
    description = page.locator("article h1 + p").inner_text()
    assert description == "Zyzzyva " + HOSTILE["emphasis"] + " " + HOSTILE["link"]


def test_search_results_show_hostile_text_as_text(hostile_site: str, watched: Watched) -> None:
    page = watched.page
    page.goto(hostile_site)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Zyzzyva")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    assert HOSTILE["script"] in page.locator(".md-search-result").inner_text()
    assert page.evaluate("window.__pwned") is None
    assert watched.dialogs == []


def test_hostile_glossary_definition_is_a_plain_tooltip(
    hostile_site: str, watched: Watched
) -> None:
    page = watched.page
    page.goto(hostile_site + "comparisons/hostile/")
    abbr = page.locator("article abbr", has_text="Zyzzyva").first
    expected = "A term whose definition is " + HOSTILE["script"] + HOSTILE["img"]
    abbr.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == expected
    assert page.evaluate("window.__pwned") is None


def test_practice_questions_show_hostile_text_as_text(hostile_site: str, watched: Watched) -> None:
    page = watched.page
    page.goto(hostile_site + "practice/")
    page.locator("fieldset.quizgen-question").first.wait_for()
    page.select_option("select[data-filter=type]", "hostile")
    page.locator("[data-new-quiz]").click()
    page.wait_for_function(
        "Array.from(document.querySelectorAll('fieldset.quizgen-question'))"
        ".every(f => f.dataset.types.split(' ').includes('hostile'))"
    )
    text = page.locator(".quizgen-quiz").inner_text()
    assert "<script>" in text or "<img" in text  # shown, not run
    page.locator("fieldset.quizgen-question").first.locator("button").first.click()
    assert page.evaluate("window.__pwned") is None
    assert watched.dialogs == [] and watched.page_errors == []
    assert page.locator(".quizgen-quiz script, .quizgen-quiz img").count() == 0
