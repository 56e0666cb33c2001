"""Rules that must hold for every input, not just the examples we thought of."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.data.loader import load_data
from quizgen.data.problems import DataError
from quizgen.data.quotes import normalise

from .conftest import BASE

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _write_base(folder: Path, **replace: str | bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in {**BASE, **replace}.items():
        if isinstance(text, bytes):
            (folder / name).write_bytes(text)
        else:
            (folder / name).write_text(text, encoding="utf-8")


def _load_or_problems(folder: Path, file_text: str | bytes) -> list[str]:
    """Load the base dataset with comparison.yml replaced; any failure must be a DataError."""
    lines = file_text.decode("utf-8", "replace") if isinstance(file_text, bytes) else file_text
    line_count = max(1, len(lines.splitlines()) + 1)
    try:
        load_data(folder)
    except DataError as err:
        assert err.problems, "a DataError must carry at least one problem"
        for problem in err.problems:
            assert problem.location.line >= 1 and problem.location.column >= 1
            if problem.location.file.endswith("comparison.yml"):
                assert problem.location.line <= line_count
        return [str(p) for p in err.problems]
    return []


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_give_problems_never_a_crash(tmp_path_factory: object, data: bytes) -> None:
    folder = Path(tmp_path_factory.mktemp("fuzz"))  # type: ignore[attr-defined]
    _write_base(folder, **{"comparison.yml": data})
    _load_or_problems(folder, data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "rows", "cells", "quote", "value", "items", "types", "x"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=25,
)


@FUZZ
@given(json_values)
def test_any_yaml_structure_gives_problems_never_a_crash(
    tmp_path_factory: object, value: object
) -> None:
    folder = Path(tmp_path_factory.mktemp("fuzz"))  # type: ignore[attr-defined]
    text = yaml.safe_dump({"comparisons": value}, allow_unicode=True)
    _write_base(folder, **{"comparison.yml": text})
    _load_or_problems(folder, text)


@given(st.text(max_size=50))
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


@given(st.text(max_size=30), st.text(min_size=1, max_size=30), st.text(max_size=30))
def test_a_quote_is_found_wherever_it_sits_between_words(
    before: str, quote: str, after: str
) -> None:
    assert normalise(quote) in normalise(f"{before} {quote} {after}")


# Valid datasets of random shape: n types, m dimensions, one comparison over all of them.
ids = st.from_regex(r"[a-z]{1,8}(-[a-z0-9]{1,4})?", fullmatch=True)


@st.composite
def comparisons(draw: st.DrawFn) -> tuple[list[str], list[str], int, int]:
    types = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    dims = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    drop_row = draw(st.integers(0, len(dims) - 1))
    drop_type = draw(st.integers(0, len(types) - 1))
    return types, dims, drop_row, drop_type


def _dataset_text(
    types: list[str], dims: list[str], skip: tuple[str, str] | None
) -> dict[str, str]:
    exam = yaml.safe_load(BASE["base.yml"])
    exam["dimensions"] = [
        {
            "id": d,
            "label": d,
            "category": "payment",
            "area": "ethics-law",
            "kind": "text",
            "question": "What about {type}?",
        }
        for d in dims
    ]
    type_file = {"types": [{"id": t, "name": f"{t} massage"} for t in types]}
    rows = [
        {
            "dimension": d,
            "cells": {
                t: {"value": f"{d} of {t}", "quote": "clients"} for t in types if (d, t) != skip
            },
        }
        for d in dims
    ]
    comparison = {
        "comparisons": [{"id": "c", "title": "C", "source": "src", "types": types, "rows": rows}]
    }
    # JSON is valid YAML, and dumping it keeps one row per line for easy location checks.
    return {
        "base.yml": yaml.safe_dump(exam, sort_keys=False),
        "types.yml": json.dumps(type_file),
        "comparison.yml": yaml.safe_dump(comparison, sort_keys=False),
    }


@FUZZ
@given(comparisons())
def test_random_valid_dataset_loads_and_a_dropped_cell_is_always_reported(
    tmp_path_factory: object, shape: tuple[list[str], list[str], int, int]
) -> None:
    types, dims, drop_row, drop_type = shape
    folder = Path(tmp_path_factory.mktemp("valid"))  # type: ignore[attr-defined]
    _write_base(folder, **_dataset_text(types, dims, None))
    data = load_data(folder)
    assert [t.id for t in data.types] == types
    assert [r.dimension for r in data.comparisons[0].rows] == dims

    dropped = (dims[drop_row], types[drop_type])
    files = _dataset_text(types, dims, dropped)
    _write_base(folder, **files)
    problems = _load_or_problems(folder, files["comparison.yml"])
    expected = f"no cell for type '{dropped[1]}' in the '{dropped[0]}' row"
    assert [p for p in problems if expected in p], problems
    # The problem points at that row's `cells:` key.
    line = int(next(p for p in problems if expected in p).split(":")[1])
    assert files["comparison.yml"].splitlines()[line - 1].strip().startswith("cells:")
