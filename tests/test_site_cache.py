"""The site from the cache is the site the data makes; an edit, bad data or a damaged cache
never gives a stale or wrong site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_site_build import _project_copy

# Every test here runs whole mkdocs builds.
pytestmark = pytest.mark.slow


def build(project: Path, cache: Path, site: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "QUIZGEN_CACHE_DIR": str(cache)}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    config = project / "mkdocs.yml"
    return subprocess.run(
        [str(mkdocs), "build", "--strict", "-f", str(config), "-d", str(project / site)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def pages(site: Path) -> dict[str, bytes]:
    # The sitemap is compressed with the build's time in it.
    built = (p for p in site.rglob("*") if p.is_file() and p.suffix != ".gz")
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in built}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "project").mkdir()
    return _project_copy(tmp_path / "project")


def test_a_site_from_the_cache_is_the_site_the_data_makes(tmp_path: Path, project: Path) -> None:
    cache = tmp_path / "cache"
    assert build(project, cache, "first").returncode == 0
    (stored,) = cache.glob("site-*.json")
    written = stored.stat().st_mtime_ns
    assert build(project, cache, "second").returncode == 0
    assert stored.stat().st_mtime_ns == written  # read, not rebuilt
    first, second = pages(project / "first"), pages(project / "second")
    assert "assets/quiz-bank.json" in first and "glossary/index.html" in first
    assert second == first


def test_an_edit_and_bad_data_are_seen_with_a_cache(tmp_path: Path, project: Path) -> None:
    cache = tmp_path / "cache"
    assert build(project, cache, "site").returncode == 0
    table = project / "data" / "comparisons" / "medical-vs-relaxation.yml"
    good = table.read_text(encoding="utf-8")
    table.write_text(good.replace("Health care system", "Health care system (edited)", 1))
    assert build(project, cache, "site").returncode == 0
    page = project / "site" / "comparisons" / "medical-vs-relaxation" / "index.html"
    assert "Health care system (edited)" in page.read_text(encoding="utf-8")
    table.write_text(good.replace("dimension: rates", "dimension: ratez", 1))
    result = build(project, cache, "broken")
    assert result.returncode != 0
    assert "medical-vs-relaxation.yml:" in result.stderr and "ratez" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"key": "x", "value": {}}', b"\xff"])
def test_a_damaged_cache_is_rebuilt(tmp_path: Path, project: Path, damage: bytes) -> None:
    cache = tmp_path / "cache"
    assert build(project, cache, "first").returncode == 0
    (stored,) = cache.glob("site-*.json")
    stored.write_bytes(damage)
    assert build(project, cache, "second").returncode == 0
    assert pages(project / "second") == pages(project / "first")
    assert stored.read_bytes().startswith(b'{"key": ')  # replaced by a good one


def test_a_damaged_cache_with_the_right_key_is_rebuilt(tmp_path: Path, project: Path) -> None:
    cache = tmp_path / "cache"
    assert build(project, cache, "first").returncode == 0
    (stored,) = cache.glob("site-*.json")
    content = stored.read_text(encoding="utf-8")
    stored.write_text(content.replace('"files"', '"filez"', 1), encoding="utf-8")
    assert build(project, cache, "second").returncode == 0
    assert pages(project / "second") == pages(project / "first")
