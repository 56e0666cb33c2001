"""The documentation's examples work as written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from quizgen import load_data

from .conftest import DATA_DIR, REPO

FORMAT_DOC = REPO / "docs" / "data-format.md"


def yaml_blocks(markdown: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", markdown, flags=re.DOTALL)


def test_worked_example_loads_beside_the_shipped_data(tmp_path: Path) -> None:
    worked = next(
        b for b in yaml_blocks(FORMAT_DOC.read_text()) if b.startswith("# data/my-class/")
    )
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "my-class").mkdir()
    (data / "my-class" / "sports-vs-relaxation.yml").write_text(worked, encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "class-handout.txt").write_text(
        "Sports massage is massage aimed at athletic performance and recovery, given before "
        "and after training or competition; relaxation massage is given whenever the client asks.",
        encoding="utf-8",
    )
    loaded = load_data(data)
    comparison = loaded.comparison("sports-vs-relaxation")
    assert comparison.types == ("sports", "relaxation")
    assert loaded.type("sports").definitions[0].source == "class-handout"


def test_every_section_of_the_model_is_documented() -> None:
    from quizgen.data.model import DataFile

    text = FORMAT_DOC.read_text()
    for section in DataFile.model_fields:
        assert f"`{section}`" in text, section
