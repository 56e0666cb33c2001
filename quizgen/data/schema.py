"""The JSON Schema of a data file, generated from the model so the two cannot drift apart."""

from __future__ import annotations

import json

from quizgen.data.model import DataFile


def schema_json() -> str:
    schema = DataFile.model_json_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
