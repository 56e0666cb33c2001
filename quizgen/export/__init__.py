"""Exporters: each turns a `Quiz` into the bytes of one file format, and nothing else.

A new format is a module here with `export(quiz) -> bytes`, a line in MODULES (and in BINARY
if it is not text; in PRINTED if it is for paper, when its `export` also takes a
`Printing`), a row in README's table of formats, and a reader in the tests that reads it back
(tests/exports_readback.py). The command's `--format` takes its choices from FORMATS.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizgen.export.paper import Printing
    from quizgen.quiz import Quiz

    Exporter = Callable[[Quiz], bytes]
    Printer = Callable[[Quiz, Printing], bytes]

# Format -> module with its `export` (or module:function). Imported on use: the Anki
# exporter alone (genanki) takes longer to import than a whole JSON quiz takes to make.
MODULES = {
    "json": "json_quiz",
    "markdown": "markdown_quiz",
    "html": "html_quiz",
    "docx": "word_quiz",
    "gift": "gift",
    "moodle-xml": "moodle_xml",
    "qti": "canvas_qti",
    "anki": "anki_deck",
    "tsv": "tsv_cards",
    "blackboard": "blackboard",
    "brightspace": "brightspace",
    "common-cartridge": "common_cartridge",
    "common-cartridge-1.2": "common_cartridge:export_1_2",
}
FORMATS = tuple(MODULES)
# Formats that are binary files, never written to a terminal.
BINARY = {"docx", "qti", "common-cartridge", "common-cartridge-1.2", "anki"}
# Formats for paper: a paper size, and the answer keys in the same file or a separate one.
PRINTED = {"html", "docx"}


def _export(fmt: str) -> Any:
    """A format's function: its module's `export`, or the one named after a colon."""
    module, _, name = MODULES[fmt].partition(":")
    return getattr(importlib.import_module(f"quizgen.export.{module}"), name or "export")


def exporter(fmt: str) -> Exporter:
    export: Exporter = _export(fmt)
    return export


def printer(fmt: str) -> Printer:
    """A printed format's `export`, which also takes how to print."""
    export: Printer = _export(fmt)
    return export
