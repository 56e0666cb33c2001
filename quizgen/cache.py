"""What is worked out from a data folder, kept in the user's cache between runs.

Loading and checking the data and proving the bank take most of a command's or a site build's
time (pydantic alone takes longer to import than a command may run). What they produce
depends only on the data files and this package's code, so it is stored as JSON, keyed by a
hash of both, one file per data folder and kind; any change to either makes it stale.
Everything about the cache is best effort: a cache that cannot be read or written is
ignored, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from quizgen.data.files import data_files

T = TypeVar("T")

FORMAT = 2  # bump when a stored shape changes
PACKAGE = Path(__file__).resolve().parent


def cached(
    kind: str,
    root: Path,
    build: Callable[[], T],
    dump: Callable[[T], Any],
    load: Callable[[Any], T],
) -> T:
    """The `kind` worked out from the data in `root`: `load`ed from the cache when the data
    and code are unchanged, else `build`t and stored as `dump` gives it."""
    key = _content_key(data_files(root)) if root.is_dir() else None
    path = _cache_file(kind, root)
    if key is not None and path is not None:
        stored = _read(path, key)
        if stored is not None:
            try:
                return load(stored)
            except (KeyError, TypeError, AttributeError, ValueError):
                pass  # damaged: built again and replaced
    value = build()
    if key is not None and path is not None:
        _write(path, key, dump(value))
    return value


def _read(path: Path, key: str) -> Any | None:
    try:
        stored = json.loads(path.read_bytes())
        return stored["value"] if stored.get("key") == key else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing or damaged


def _write(path: Path, key: str, value: Any) -> None:
    from quizgen.atomic import write_bytes

    content = json.dumps({"key": key, "value": value}, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, content.encode("utf-8"))
    except OSError:
        pass  # a read-only or full disk only costs the next run its head start


def cache_dir() -> Path:
    configured = os.environ.get("QUIZGEN_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("quizgen"))


def _cache_file(kind: str, root: Path) -> Path | None:
    try:
        folder = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    except OSError:
        return None
    return cache_dir() / f"{kind}-{folder}.json"


def _content_key(files: list[Path]) -> str | None:
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    try:
        for path in [*sorted(PACKAGE.rglob("*.py")), *files]:
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()
