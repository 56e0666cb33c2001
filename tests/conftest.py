"""Shared fixtures: the repository's data, the source texts, and a small valid dataset."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from quizgen.cli import main
from tests.browser import Watched, watched_page

REPO = Path(__file__).resolve().parent.parent
DATA_DIR = REPO / "data"


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests, and the commands they start, keep their catalog cache to themselves."""
    before = os.environ.get("QUIZGEN_CACHE_DIR")
    os.environ["QUIZGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["QUIZGEN_CACHE_DIR"]
    else:
        os.environ["QUIZGEN_CACHE_DIR"] = before


def _sources_dir() -> Path:
    configured = os.environ.get("QUIZGEN_SOURCES")
    return Path(configured) if configured else REPO.parent / "shared" / "sources"


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """The source texts live outside the repository; CI always has them."""
    path = _sources_dir()
    if not path.is_dir():
        message = f"source texts not found at {path} (set QUIZGEN_SOURCES)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


# A small dataset that is valid; tests break one file at a time and check the message.
BASE = {
    "base.yml": """\
exam:
  name: MBLEx
  full_name: Massage & Bodywork Licensing Examination
  body: FSMTB
  outline: Content outline of 2018
  items: 100
  minutes: 110
  forward_only: true
  scoring: Pass/fail
  areas:
    - {id: ethics-law, name: Ethics, weight: 60}
    - {id: professional-practice, name: Practice, weight: 40}
sources:
  - {id: src, title: A table, publisher: A blog, kind: blog post, file: src.txt}
categories:
  - {id: payment, label: Payment, description: Money matters.}
dimensions:
  - id: rates
    label: Rates
    category: payment
    area: professional-practice
    kind: text
    question: "In {type}, how are rates set?"
  - id: accountable-to
    label: Accountable to
    category: payment
    area: ethics-law
    kind: list
    question: "To whom is a {type} therapist accountable?"
""",
    "types.yml": """\
types:
  - id: medical
    name: Medical massage
    definitions:
      - {source: src, text: Medical care, quote: medical care delivered to a patient}
  - id: relaxation
    name: Relaxation massage
""",
    "comparison.yml": """\
comparisons:
  - id: med-vs-relax
    title: Medical vs relaxation
    source: src
    types: [medical, relaxation]
    rows:
      - dimension: rates
        cells:
          medical: {value: Set by UCR and RVU, quote: rates set by UCR and RVU}
          relaxation: {value: Set by the market, quote: rates set by the consumer marketplace}
      - dimension: accountable-to
        cells:
          medical:
            items:
              - {value: Patients, quote: patients}
          relaxation:
            items:
              - {value: Clients, quote: clients}
""",
}

SOURCE_TEXT = (
    "Medical massage is medical care delivered to a patient.\n"
    "rates set by UCR and RVU\nrates set by the consumer marketplace\n"
    "therapist accountable to\n  • patients\n  • clients\n"
)


@pytest.fixture
def dataset(tmp_path: Path) -> Callable[..., Path]:
    """Write the base dataset, with some files replaced, and return its folder."""

    def write(**files: str | bytes) -> Path:
        folder = tmp_path / "data"
        folder.mkdir(exist_ok=True)
        for name, text in {**BASE, **{k.replace("__", "."): v for k, v in files.items()}}.items():
            path = folder / name
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        return folder

    return write


@pytest.fixture
def source_texts(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "src.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    return folder


__all__ = ["BASE", "DATA_DIR", "REPO", "main"]


# --- The built site and a real browser -------------------------------------------------


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.browser import build_site

    site = tmp_path_factory.mktemp("site")
    build_site(REPO / "mkdocs.yml", site)
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    from tests.browser import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(chromium_path()), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    """A fresh page at 1280 px, with its console errors and foreign requests recorded."""
    page = watched_page(browser)
    yield page
    page.page.context.close()


# --- Markers by fixture (see [tool.pytest.ini_options] markers) -------------------------

# A test that asks for one of these drives Chromium; one that asks for a built site waits for
# a full `mkdocs build` (hostile_site, in test_site_hostile.py, builds and serves its own).
BROWSER_FIXTURES = {"browser", "site_url", "hostile_site"}
SITE_BUILD_FIXTURES = {"built_site", "hostile_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark browser and site-build tests, so `make test-fast` can leave them out."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if fixtures & SITE_BUILD_FIXTURES:
            item.add_marker(pytest.mark.slow)
