"""The built site as files: links resolve, nothing is loaded from other hosts, bad data stops the build."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.conftest import DATA_DIR, REPO

RESOURCE_ATTRS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")}
# <link> elements the browser fetches (a canonical link is only an address).
FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        for t, attr in RESOURCE_ATTRS:
            if tag == t and values.get(attr):
                self.resources.append(str(values[attr]))
        rel = set(str(values.get("rel") or "").split())
        if tag == "link" and rel & FETCHED_LINKS and values.get("href"):
            self.resources.append(str(values["href"]))


def _parse(site: Path) -> dict[str, _PageParser]:
    pages = {}
    for html in site.rglob("*.html"):
        parser = _PageParser()
        parser.feed(html.read_text(encoding="utf-8"))
        pages["/" + html.relative_to(site).as_posix()] = parser
    return pages


def _target_file(path: str) -> str:
    return path + "index.html" if path.endswith("/") else path


def test_no_broken_internal_link_or_anchor(built_site: Path) -> None:
    pages = _parse(built_site)
    base = "http://site.invalid"
    broken = []
    checked = 0
    for name, parser in pages.items():
        for href in parser.links:
            url = urljoin(base + name, href)
            parts = urlsplit(url)
            if not url.startswith(base):
                continue
            target = _target_file(unquote(parts.path))
            if target not in pages and not (built_site / target.lstrip("/")).is_file():
                broken.append(f"{name}: {href} (no such file)")
            elif (
                parts.fragment
                and target in pages
                and unquote(parts.fragment) not in pages[target].ids
            ):
                broken.append(f"{name}: {href} (no such anchor)")
            checked += 1
    assert broken == []
    assert checked > 500  # every page links to the sources, glossary and each other


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    foreign = [
        f"{name}: {src}"
        for name, parser in _parse(built_site).items()
        for src in parser.resources
        if urlsplit(src).scheme in ("http", "https") or src.startswith("//")
    ]
    assert foreign == []
    css = "".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_anchors_have_a_name_but_no_tooltip(built_site: Path) -> None:
    page = (built_site / "comparisons" / "medical-vs-relaxation" / "index.html").read_text()
    links = re.findall(r'<a [^>]*class="headerlink"[^>]*>', page)
    assert len(links) > 5
    assert all("aria-label=" in a and "title=" not in a for a in links)


def test_no_generated_markdown_is_committed() -> None:
    generated = ["comparisons", "cross-source.md", "terminology.md", "glossary.md", "sources.md"]
    assert [g for g in generated if (REPO / "docs" / g).exists()] == []


def _project_copy(tmp_path: Path) -> Path:
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    shutil.copytree(DATA_DIR, tmp_path / "data")
    return tmp_path


@pytest.mark.slow
def test_the_site_url_is_set_in_one_place(tmp_path: Path) -> None:
    """A deployer sets QUIZGEN_SITE_URL; canonical links and the sitemap follow it."""
    project = _project_copy(tmp_path)
    url = "https://example.org/massage/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "QUIZGEN_SITE_URL": url}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run(
        [str(mkdocs), "build", "-q", "-f", str(project / "mkdocs.yml")], env=env, check=True
    )
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{url}">' in home
    assert "127.0.0.1" not in home and "127.0.0.1" not in sitemap
    assert f"<loc>{url}comparisons/" in sitemap


def test_bad_data_stops_the_build_with_the_location(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    broken = project / "data" / "comparisons" / "medical-vs-relaxation.yml"
    broken.write_text(broken.read_text().replace("dimension: rates", "dimension: ratez", 1))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-f", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode != 0
    assert "medical-vs-relaxation.yml:" in result.stderr
    assert "ratez" in result.stderr and "rates" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site" / "index.html").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


@pytest.mark.slow
def test_serve_rebuilds_when_a_data_file_changes(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    server = subprocess.Popen(
        [str(mkdocs), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    url = f"http://127.0.0.1:{port}/comparisons/medical-vs-relaxation/"
    try:
        deadline = time.monotonic() + 60
        while "Medical massage vs. relaxation massage" not in _fetch(url):
            assert time.monotonic() < deadline, "mkdocs serve did not come up"
            time.sleep(0.3)
        table = project / "data" / "comparisons" / "medical-vs-relaxation.yml"
        table.write_text(
            table.read_text().replace("Health care system", "Health care system (edited)", 1)
        )
        deadline = time.monotonic() + 60
        while "Health care system (edited)" not in _fetch(url):
            assert time.monotonic() < deadline, "the edit did not show up after a rebuild"
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=10)
