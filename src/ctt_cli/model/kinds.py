"""The kinds of YAML file ctt reads: one home for their model, place and schema.

Used by loading (workspace), formatting (fmt), editor schemas (schema) and diff.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ctt_cli.model.compiled import MODELS
from ctt_cli.model.layout import REQUIRED, YEARLY
from ctt_cli.model.light import pydantic_class


@dataclass(frozen=True)
class FileKind:
    name: str
    yearly: bool  # lives in a folder of YYYY.yaml files named after the kind
    title: str  # Vietnamese, for the schema and messages

    @property
    def model(self) -> Any:
        """The pydantic model class (imported on first use: `kind_of` alone imports no pydantic)."""
        return pydantic_class(MODELS[self.name])

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"


KINDS: dict[str, FileKind] = {
    k.name: k
    for k in (
        FileKind("plan", False, "Kế hoạch"),
        FileKind("units", False, "Danh mục đơn vị"),
        FileKind("documents", False, "Sổ văn bản được trích dẫn"),
        FileKind("tasks", False, "Phụ lục nhiệm vụ"),
        FileKind("progress", True, "Tiến độ thực hiện năm"),
        FileKind("scores", True, "Điểm tự chấm năm"),
        FileKind("reports", True, "Phần tường thuật báo cáo năm"),
        FileKind("criteria", False, "Bộ tiêu chí"),
    )
}


def kind_of(path: str | PurePosixPath) -> FileKind | None:
    """The kind of a file from its name and folder (plan.yaml, progress/2026.yaml, criteria/x.yaml)."""
    p = PurePosixPath(str(path).replace("\\", "/"))
    if p.suffix not in (".yaml", ".yml"):
        return None
    if p.stem in REQUIRED and p.parent.name not in YEARLY + ("criteria",):
        return KINDS[p.stem]
    if p.parent.name in YEARLY and p.stem.isdigit() and len(p.stem) == 4:
        return KINDS[p.parent.name]
    if p.parent.name == "criteria":
        return KINDS["criteria"]
    return None
