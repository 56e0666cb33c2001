"""How the kinds of massage differ: one data model feeding a site, quizzes and a drill.

>>> from quizgen import load_data
>>> data = load_data("data")
>>> data.type("medical").name
'Medical massage'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizgen.data.loader import load_data
    from quizgen.data.problems import DataError

__all__ = ["DataError", "load_data"]


def __getattr__(name: str) -> Any:
    # Imported on first use so that `quizgen --help` does not pay for pydantic.
    if name == "load_data":
        from quizgen.data.loader import load_data

        return load_data
    if name == "DataError":
        from quizgen.data.problems import DataError

        return DataError
    raise AttributeError(name)
