"""The catalog cache: a quiz from the cache is the quiz the data makes, and any change to the
data, or a damaged or unwritable cache, never gives a wrong quiz or an error."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA_DIR

ARGS = ("generate", "--format", "json", "--count", "30", "--seed", "4", "--variants", "2")


def run(cache: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "QUIZGEN_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args], capture_output=True, check=False, env=env
    )


def quiz(cache: Path, *args: str) -> bytes:
    result = run(cache, *ARGS, *args)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data"))


def test_a_cached_quiz_is_the_quiz_the_data_makes(tmp_path: Path, data: Path) -> None:
    cache = tmp_path / "cache"
    first = quiz(cache, "--data", str(data))
    (stored,) = cache.glob("catalog-*.json")
    written = stored.stat().st_mtime_ns
    assert quiz(cache, "--data", str(data)) == first
    assert stored.stat().st_mtime_ns == written  # read, not rebuilt
    assert quiz(tmp_path / "other-cache", "--data", str(data)) == first


def test_an_edit_to_the_data_is_seen_at_once(tmp_path: Path, data: Path) -> None:
    cache = tmp_path / "cache"
    quiz(cache, "--data", str(data))
    args = ("--data", str(data), "--kind", "paired", "--type", "medical", "--count", "3")
    assert "in medical massage?" in json.dumps(json.loads(quiz(cache, *args)))
    types = data / "types.yml"
    renamed = types.read_text(encoding="utf-8").replace(
        "name: Medical massage", "name: Medical-model massage"
    )
    types.write_text(renamed, encoding="utf-8")
    again = json.dumps(json.loads(quiz(cache, *args)))
    assert "in medical-model massage?" in again
    assert "in medical massage?" not in again


def test_bad_data_is_reported_even_when_a_good_version_is_cached(
    tmp_path: Path, data: Path
) -> None:
    cache = tmp_path / "cache"
    quiz(cache, "--data", str(data))
    (data / "types.yml").write_text("types:\n  - id: [broken\n", encoding="utf-8")
    result = run(cache, *ARGS, "--data", str(data))
    assert result.returncode != 0
    assert b"types.yml:3:1: YAML syntax error" in result.stderr
    assert b"Traceback" not in result.stderr
    assert result.stdout == b""


@pytest.mark.parametrize(
    "damage",
    [b"", b"{not json", b'{"key": "x", "catalog": {}}', b"[1, 2]", b"\xff\xfe\x00"],
)
def test_a_damaged_cache_is_rebuilt(tmp_path: Path, data: Path, damage: bytes) -> None:
    cache = tmp_path / "cache"
    first = quiz(cache, "--data", str(data))
    (stored,) = cache.glob("catalog-*.json")
    stored.write_bytes(damage)
    assert quiz(cache, "--data", str(data)) == first
    assert json.loads(stored.read_bytes())["key"]  # replaced by a good one


def test_a_damaged_cache_with_the_right_key_is_rebuilt(tmp_path: Path, data: Path) -> None:
    cache = tmp_path / "cache"
    first = quiz(cache, "--data", str(data))
    (stored,) = cache.glob("catalog-*.json")
    content = json.loads(stored.read_bytes())
    content["value"]["items"][0].pop("stem")
    stored.write_text(json.dumps(content), encoding="utf-8")
    assert quiz(cache, "--data", str(data)) == first


def test_a_cache_path_that_is_a_file_only_costs_time(tmp_path: Path, data: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    assert quiz(blocked, "--data", str(data)) == quiz(tmp_path / "writable", "--data", str(data))
