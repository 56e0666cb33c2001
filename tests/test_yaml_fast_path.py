"""libyaml's fast path reads every file exactly as PyYAML's own parser does: same values,
same positions, and the same message for whatever it declines."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.data import yaml_reader
from quizgen.data.problems import DataError

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["yes", "no", "~", "0x1f", "1e3", "2024-01-01", "null", "- x", "a: b"]),
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(min_size=1, max_size=10), inner, max_size=4)
    ),
    max_leaves=25,
)


def read_both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    def outcome() -> object:
        try:
            parsed = yaml_reader.read_yaml_file(path, "f.yml")
        except DataError as err:
            return [str(p) for p in err.problems]
        return parsed.data, parsed.values, parsed.keys

    fast = outcome()
    with monkeypatch.context() as patched:
        patched.setattr(yaml_reader, "_compose_fast", lambda text: None)
        return fast, outcome()


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    document=documents,
    flow=st.sampled_from([None, True, False]),
    unicode=st.booleans(),
    width=st.sampled_from([20, 80, 1000]),
)
def test_both_paths_read_any_document_alike(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    document: object,
    flow: bool | None,
    unicode: bool,
    width: int,
) -> None:
    path = tmp_path / "f.yml"
    text = yaml.safe_dump(
        {"section": document}, default_flow_style=flow, allow_unicode=unicode, width=width
    )
    path.write_text(text, encoding="utf-8")
    fast, slow = read_both(path, monkeypatch)
    assert fast == slow


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, 2]\nb: *x\n",  # an alias
        "a: " + "[" * 60 + "]" * 60 + "\n",  # nesting past the limit
        "a: [1, 2\n",  # a syntax error
        "a: 1\na: 2\n",  # a duplicate key
        "",  # empty
        "a: !!python/object:os.system x\n",  # a tag the safe loader refuses
    ],
)
def test_what_the_fast_path_declines_reads_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    path = tmp_path / "f.yml"
    path.write_text(text, encoding="utf-8")
    fast, slow = read_both(path, monkeypatch)
    assert fast == slow
    assert isinstance(fast, list) and fast  # each is a problem, reported


def test_the_fast_path_is_taken_for_plain_files() -> None:
    assert yaml_reader._compose_fast("a: [1, {b: c}]\n") is not None
    assert yaml_reader._compose_fast("a: &x 1\nb: *x\n") is None
