"""`quizgen list`: what the data holds, to reuse its ids when adding a table."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quizgen import load_data
from quizgen.cli import main
from tests.conftest import DATA_DIR

LISTS = ["types", "dimensions", "sources", "categories", "terms"]


def listed(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["list", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def as_json(*args: str) -> list[dict[str, Any]]:
    code, out = listed(*args, "--format", "json")
    assert code == 0, out
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def _ids(what: str, data: Any) -> set[str]:
    entries = {
        "types": data.types,
        "dimensions": data.dimensions,
        "sources": data.sources,
        "categories": data.categories,
        "terms": data.glossary,
    }[what]
    return {entry.id for entry in entries}


@pytest.mark.parametrize("what", LISTS)
def test_each_list_names_everything_the_data_holds_once(what: str) -> None:
    data = load_data(DATA_DIR)
    rows = as_json(what)
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) and set(ids) == _ids(what, data)
    assert len({tuple(row) for row in rows}) == 1  # every row has the same columns
    code, text = listed(what)
    lines = text.splitlines()
    assert code == 0 and len(lines) == len(rows) + 1
    assert lines[0].split()[0] == "id"
    assert [line.split()[0] for line in lines[1:]] == [row["id"] for row in rows]


def test_a_dimension_says_which_tables_use_it() -> None:
    data = load_data(DATA_DIR)
    for row in as_json("dimensions"):
        using = [c.id for c in data.comparisons if c.row(row["id"]) is not None]
        assert row["in tables"] == ", ".join(using)
        assert row["category"] == data.dimension(row["id"]).category


def test_a_type_says_which_tables_compare_it() -> None:
    data = load_data(DATA_DIR)
    for row in as_json("types"):
        expected = ", ".join(c.id for c in data.comparisons if row["id"] in c.types)
        assert row["in tables"] == expected


def test_lists_another_data_folder(dataset: Callable[..., Path]) -> None:
    folder = dataset()
    data = load_data(folder)
    for what in LISTS:
        assert {row["id"] for row in as_json(what, "--data", str(folder))} == _ids(what, data)


def test_bad_data_is_named_not_listed(dataset: Callable[..., Path]) -> None:
    folder = dataset(comparison__yml="comparisons: [")
    code, out = listed("types", "--data", str(folder))
    assert code != 0
    assert "comparison.yml:1" in out and "run `quizgen validate`" in out


def test_an_unknown_list_names_the_lists() -> None:
    code, out = listed("rows")
    assert code == 2
    assert all(what in out for what in LISTS)
