"""Every command's help shows its examples as written: one per line, nothing run together."""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import main
from tests.conftest import DATA_DIR

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


def readme_examples() -> list[str]:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    return [
        line.split("#")[0].strip().removeprefix(".venv/bin/")
        for line in readme.splitlines()
        if line.startswith(".venv/bin/quizgen ")
    ]


EXAMPLES = sorted({e for c in COMMANDS for e in examples(c)} | set(readme_examples()), key=str)


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_works(example: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The commands the help and README show run as shown, in a shell, from a folder with a
    copy of the data (`data/`) and the sources beside it (`../sources`); a drill or exam is
    quit at once."""
    work = tmp_path / "work"
    # The folders examples name: the data (also as the reader's own, `my-data/`) and the
    # source texts (beside it, or wherever the reader keeps them).
    for folder in ("data", "my-data"):
        shutil.copytree(DATA_DIR, work / folder)
    if "--sources" in example:
        for link in (tmp_path / "sources", work / "path" / "to" / "source-texts"):
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(request.getfixturevalue("sources_dir"))
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "QUIZGEN_PROGRESS_DIR": str(tmp_path / "progress"),
    }
    result = subprocess.run(
        ["bash", "-c", example],
        cwd=work,
        env=env,
        input="q\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (example, result.stderr)
