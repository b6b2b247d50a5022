"""JSON Schemas: current, and every shipped file validates against its own with a standard validator."""

from __future__ import annotations

import os
from pathlib import Path

from jsonschema import Draft202012Validator

from conftest import ROOT
from ctt_cli.model.jsonschema import SCHEMA_LINE, schema_texts
from ctt_cli.model.kinds import kind_of
from ctt_cli.yamlio import plain, read_yaml


def test_schemas_are_current() -> None:
    for name, text in schema_texts().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, f"run: ctt schema ({name})"


def test_shipped_files_validate_against_their_schema() -> None:
    import json

    for path in sorted((ROOT / "plans").rglob("*.yaml")):
        kind = kind_of(path)
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith(SCHEMA_LINE), path
        target = (path.parent / first.removeprefix(SCHEMA_LINE)).resolve()
        assert target == (ROOT / "schemas" / kind.schema_file).resolve(), path
        schema = json.loads(target.read_text(encoding="utf-8"))
        source, _ = read_yaml(path)
        errors = list(Draft202012Validator(schema).iter_errors(plain(source.tree)))
        assert errors == [], (path, [e.message for e in errors[:3]])


def test_schema_rejects_what_validate_rejects() -> None:
    import json

    schema = json.loads((ROOT / "schemas" / "tasks.schema.json").read_text(encoding="utf-8"))
    source, _ = read_yaml(ROOT / "plans" / "le-thanh-nghi" / "tasks.yaml")
    data = plain(source.tree)
    data["tasks"][0]["laed"] = "x"
    data["tasks"][1]["id"] = "5"
    messages = [e.message for e in Draft202012Validator(schema).iter_errors(data)]
    assert any("laed" in m for m in messages) and any("'5'" in m for m in messages)


def test_schema_has_vietnamese_descriptions() -> None:
    text = (ROOT / "schemas" / "tasks.schema.json").read_text(encoding="utf-8")
    assert "Thời gian thực hiện, đúng nguyên văn phụ lục" in text


def test_cli_schema_writes_and_checks(cli, tmp_path: Path) -> None:
    out = tmp_path / "s"
    assert cli("schema", "--out", str(out), "--check").exit_code == 1
    assert cli("schema", "--out", str(out)).exit_code == 0
    assert sorted(os.listdir(out)) == sorted(schema_texts())
    assert cli("schema", "--out", str(out), "--check").exit_code == 0
