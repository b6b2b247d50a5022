"""Shared model base and precise field types."""

from __future__ import annotations

from typing import Annotated, Any, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


class Model(BaseModel):
    """Base of every file model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64),
    Field(description="Mã: chữ thường không dấu, số và dấu '-', ví dụ 'phong-vhxh'"),
]
TaskId = Annotated[
    str,
    StringConstraints(pattern=r"^T[0-9]{2,3}$"),
    Field(description="Mã nhiệm vụ: 'T' và số thứ tự, ví dụ 'T05'"),
]
Year = Annotated[int, Field(ge=2000, le=2100, description="Năm (4 chữ số)")]
Level = Annotated[int, Field(ge=1, le=9, description="Mức độ đạt chuẩn (1..9)")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20000)]


def inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as ``list[Task] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = inner_model(arg)
        if found is not None:
            return found
    return None
