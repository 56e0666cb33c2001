"""The one loader: data/*.yml in, one checked `Dataset` out, or a `DataError` with every problem."""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from quizgen.data import checks, quotes
from quizgen.data.files import data_files, default_data_dir
from quizgen.data.model import SECTIONS, DataFile, Dataset, Frozen
from quizgen.data.problems import DataError, Location, Problem
from quizgen.data.yaml_reader import YamlFile, YamlPath, read_yaml_file


def load_data(
    path: str | os.PathLike[str] | None = None, *, sources_dir: str | os.PathLike[str] | None = None
) -> Dataset:
    """Load and check every data file under `path` (default: the shipped data).

    With `sources_dir`, also check that every quote occurs in its source's text there.
    Raises DataError with every problem found, each naming file:line:column.
    """
    root = Path(path) if path is not None else default_data_dir()
    if not root.is_dir():
        raise DataError([Problem(Location(str(root)), "no such data directory")])
    files = data_files(root)
    if not files:
        raise DataError([Problem(Location(str(root)), "no .yml data files in this directory")])

    problems: list[Problem] = []
    parsed: list[tuple[YamlFile, DataFile]] = []
    for file in files:
        name = str(Path(path) / file.relative_to(root)) if path is not None else str(file)
        try:
            raw = read_yaml_file(file, name)
        except DataError as err:
            problems.extend(err.problems)
            continue
        if not isinstance(raw.data, dict):
            problems.append(
                Problem(raw.locate(()), "the file must be a mapping of sections such as `types:`")
            )
            continue
        try:
            parsed.append((raw, DataFile.model_validate(raw.data)))
        except ValidationError as err:
            problems.extend(_problem(detail, raw) for detail in err.errors())
    if problems:
        # Cross-references are only meaningful once every file has been read.
        raise DataError(problems)

    problems = checks.check(parsed)
    if sources_dir is not None and not problems:
        problems = quotes.check(parsed, Path(sources_dir))
    if problems:
        raise DataError(problems)
    return _merge([model for _, model in parsed])


def _merge(models: Sequence[DataFile]) -> Dataset:
    exam = next(m.exam for m in models if m.exam is not None)
    sections = {name: tuple(x for m in models for x in getattr(m, name)) for name in SECTIONS}
    return Dataset(exam=exam, **sections)


# --- turning pydantic's errors into messages for people editing YAML -------------------------


def _models(cls: type[BaseModel]) -> list[type[BaseModel]]:
    return [cls, *(m for sub in cls.__subclasses__() for m in _models(sub))]


_ALL_KEYS = sorted({name for model in _models(Frozen) for name in model.model_fields})

_TYPE_NAMES = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list"}


def _kind_of(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _yaml_path(data: Any, loc: tuple[int | str, ...]) -> YamlPath:
    """Follow pydantic's `loc` through the raw data, skipping union tags and absent keys."""
    path: list[str | int] = []
    node = data
    for part in loc:
        in_mapping = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_mapping or in_list:
            node = node[part]
            path.append(part)
    return tuple(path)


def _problem(detail: ErrorDetails, raw: YamlFile) -> Problem:
    path = _yaml_path(raw.data, detail["loc"])
    kind = detail["type"]
    key = str(detail["loc"][-1]) if detail["loc"] else ""
    if kind == "missing":
        return Problem(raw.locate(path), f"missing required key '{key}'")
    if kind == "extra_forbidden":
        guess = difflib.get_close_matches(key, _ALL_KEYS, n=1, cutoff=0.7)
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        return Problem(raw.locate(path, key=True), f"unknown key '{key}'{hint}")
    field = next((str(p) for p in reversed(path) if isinstance(p, str)), "value")
    value = detail.get("input")
    messages = {
        "string_type": f"must be text, not {_kind_of(value)}",
        "int_type": f"must be a whole number, not {_kind_of(value)}",
        "bool_type": f"must be true or false, not {_kind_of(value)}",
        "tuple_type": f"must be a list, not {_kind_of(value)}",
        "list_type": f"must be a list, not {_kind_of(value)}",
        "dict_type": f"must be a mapping, not {_kind_of(value)}",
        "model_type": f"must be a mapping, not {_kind_of(value)}",
        "model_attributes_type": f"must be a mapping, not {_kind_of(value)}",
        "string_too_short": "must not be empty",
        "string_pattern_mismatch": (
            f"'{value}' is not a valid id: use lower-case letters and digits joined by hyphens"
        ),
    }
    message = messages.get(kind) or detail["msg"].removeprefix("Value error, ")
    return Problem(raw.locate(path), f"{field}: {message}")
