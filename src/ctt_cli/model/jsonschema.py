"""JSON Schemas of the plan files, generated from the Pydantic models, for editors
(VS Code's YAML extension reads `# yaml-language-server: $schema=...`)."""

from __future__ import annotations

import json

from ctt_cli.model.kinds import KINDS, FileKind

SCHEMA_LINE = "# yaml-language-server: $schema="


# The models' docstrings are English (code); what an editor shows on hover is Vietnamese.
DESCRIPTIONS = {
    "A node of the body. Its number (I., 1., a)) is computed from its place in the tree.": (
        "Một mục của phần nội dung. Số mục (I., 1., a)) do ctt tính theo vị trí, không gõ tay."
    ),
    "Number and date of one rendered document, once it is signed.": (
        "Số và ngày của một văn bản do ctt xuất ra, ghi khi văn bản đã được ký."
    ),
    "One piece of evidence: a registry document, a citation, or free text (exactly one).": (
        "Một chứng cứ: một văn bản trong sổ (document), một trích dẫn (ref) hoặc lời mô tả (text); chỉ ghi một."
    ),
    "The decision that issues the criteria set.": "Văn bản (quyết định) ban hành bộ tiêu chí.",
}


def _vietnamese(node: object) -> None:
    """Drop pydantic's English titles (made from the key names: 'Short Name'; the key itself is shown
    anyway) and put the models' English docstrings in Vietnamese."""
    if isinstance(node, dict):
        node.pop("title", None)
        text = node.get("description")
        if isinstance(text, str):
            node["description"] = DESCRIPTIONS.get(text, text)
        for key, value in node.items():
            if key != "properties":
                _vietnamese(value)
            elif isinstance(value, dict):
                for prop in value.values():  # a property named 'title' is a key, not a title
                    _vietnamese(prop)
    elif isinstance(node, list):
        for item in node:
            _vietnamese(item)


def json_schema(kind: FileKind) -> dict:
    schema = kind.model.model_json_schema(by_alias=True, mode="validation")
    _vietnamese(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": kind.title,
        "description": f"Tệp '{kind.name}' của ctt. Sinh tự động bởi 'ctt schema'; đừng sửa tay.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def schema_texts() -> dict[str, str]:
    """File name → text, for every kind."""
    return {k.schema_file: json.dumps(json_schema(k), ensure_ascii=False, indent=2) + "\n" for k in KINDS.values()}
