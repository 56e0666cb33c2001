"""Synthetic data sets N times the shipped content, valid under the schema, for scale runs.

Each copy renames every id it defines (types, dimensions, comparisons, glossary terms,
authored items) with a suffix, so copies are as independent as the shipped content.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

SHIPPED = Path(__file__).resolve().parent.parent / "data"
KEEP_AS_IS = {"sources.yml", "exam.yml", "categories.yml", "schema.json"}


# Values under these keys name things every copy shares (sources, categories, exam areas), or
# are kinds and groups, not ids (a glossary term's kind "assessment" is also a dimension's id).
SHARED_REFERENCES = {"category", "area", "source", "kind", "group"}


def _rename(document: object, ids: dict[str, str]) -> object:
    if isinstance(document, dict):
        return {
            (ids.get(k, k) if isinstance(k, str) else k): (
                v if k in SHARED_REFERENCES else _rename(v, ids)
            )
            for k, v in document.items()
        }
    if isinstance(document, list):
        return [_rename(v, ids) for v in document]
    if isinstance(document, str) and document in ids:
        return ids[document]
    return document


def _defined_ids(files: list[Path]) -> set[str]:
    ids: set[str] = set()
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        for section in (
            "types",
            "dimensions",
            "comparisons",
            "glossary",
            "items",
            "discrepancies",
            "resources",
            "families",
        ):
            ids |= {entry["id"] for entry in data.get(section, [])}
    return ids


def make(factor: int, target: Path) -> Path:
    """Write `factor` copies of the shipped data under `target`; returns the data folder."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    files = [p for p in SHIPPED.rglob("*.yml") if p.name not in KEEP_AS_IS]
    for name in KEEP_AS_IS - {"schema.json"}:
        shutil.copy(SHIPPED / name, target / name)
    defined = _defined_ids(files)
    for copy in range(factor):
        ids = {i: f"{i}-x{copy}" for i in defined} if copy else {}
        for file in files:
            data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
            renamed: Any = _rename(data, ids)
            if copy:
                # Glossary names and type names must stay unique across copies.
                for term in renamed.get("glossary", []):
                    term["term"] = f"{term['term']} {copy}"
                    term["aka"] = [f"{a} {copy}" for a in term.get("aka", [])]
                for massage_type in renamed.get("types", []):
                    massage_type["name"] = f"{massage_type['name']} {copy}"
            out = target / f"copy{copy}" / file.relative_to(SHIPPED)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(yaml.safe_dump(renamed, allow_unicode=True, sort_keys=False))
    return target


if __name__ == "__main__":
    import sys

    make(int(sys.argv[1]), Path(sys.argv[2]))
    print(re.sub(r"\s+", " ", f"wrote {sys.argv[1]}x data to {sys.argv[2]}"))
