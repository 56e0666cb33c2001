"""How the kinds of massage differ: one data model feeding a site, quizzes and a drill.

>>> from quizgen import load_data
>>> data = load_data("data")
>>> data.type("medical").name
'Medical massage'
"""

from __future__ import annotations

# Not `from typing import ...`: importing typing takes milliseconds in which a Ctrl-C would
# come before the program's quiet handler (see entry.py) is set.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from quizgen.data.loader import load_data
    from quizgen.data.problems import DataError

__all__ = ["DataError", "load_data"]


def __getattr__(name: str) -> object:
    # Imported on first use so that `quizgen --help` does not pay for pydantic.
    if name == "load_data":
        from quizgen.data.loader import load_data

        return load_data
    if name == "DataError":
        from quizgen.data.problems import DataError

        return DataError
    raise AttributeError(name)
