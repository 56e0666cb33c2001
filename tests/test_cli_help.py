"""Every command's help shows its examples as written: one per line, nothing run together."""

from __future__ import annotations

import inspect

import pytest
from click.testing import CliRunner

from quizgen.cli import main

COMMANDS = sorted(main.commands)


def examples(command: str) -> list[str]:
    """The example lines of a command's docstring."""
    doc = inspect.getdoc(main.commands[command].callback) or ""
    return [line.strip() for line in doc.splitlines() if line.strip().startswith("quizgen ")]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_each_example_on_its_own_line(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    assert "\\b" not in result.output and "\b" not in result.output
    lines = [line.strip() for line in result.output.splitlines()]
    wanted = examples(command)
    assert wanted, f"{command} has no example"
    for example in wanted:
        assert example in lines, (example, result.output)
