"""JSON Schemas of the plan files, generated from the Pydantic models, for editors
(VS Code's YAML extension reads `# yaml-language-server: $schema=...`)."""

from __future__ import annotations

import json

from ctt_cli.model.kinds import KINDS, FileKind

SCHEMA_LINE = "# yaml-language-server: $schema="


def json_schema(kind: FileKind) -> dict:
    schema = kind.model.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": kind.title,
        "description": f"Tệp '{kind.name}' của ctt. Sinh tự động bởi 'ctt schema'; đừng sửa tay.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def schema_texts() -> dict[str, str]:
    """File name → text, for every kind."""
    return {k.schema_file: json.dumps(json_schema(k), ensure_ascii=False, indent=2) + "\n" for k in KINDS.values()}
