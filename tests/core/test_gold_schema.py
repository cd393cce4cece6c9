from __future__ import annotations

from pathlib import Path

from annotator.core.formats.gold import json_schema_text

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "gold.schema.json"


def test_checked_in_schema_matches_the_model() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == json_schema_text(), (
        "schemas/gold.schema.json is stale: run "
        "`python -m annotator.core.formats.gold > schemas/gold.schema.json`"
    )
