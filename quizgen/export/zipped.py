"""Zip files that come out byte for byte the same for the same quiz: entries deflated, in a
fixed order, each with one fixed time."""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def zipped(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in entries:
            entry = zipfile.ZipInfo(name, FIXED_TIME)
            # A ZipInfo is stored uncompressed unless told, whatever the archive's default.
            entry.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(entry, content)
    return buffer.getvalue()


def rezipped(content: bytes) -> bytes:
    """A zip written by another library, its entries in the same order, dated FIXED_TIME."""
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return zipped([(info.filename, package.read(info)) for info in package.infolist()])
