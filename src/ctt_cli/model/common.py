"""Shared model base and precise field types."""

from __future__ import annotations

import sys
import types
from typing import Annotated, Any, Literal, get_args


def _skip_plugin_lookup() -> None:
    """pydantic looks up plugins (package entry points) the first time it builds a validator, and
    the module that does it imports ``importlib.metadata`` (~15 ms of a cold start, bench/README.md).
    ctt uses no pydantic plugin: unless that module is already loaded, answer "no plugins"."""
    name = "pydantic.plugin._loader"
    if name not in sys.modules:
        loader = types.ModuleType(name, "ctt: no pydantic plugins (ctt_cli.model.common)")
        loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules[name] = loader


_skip_plugin_lookup()

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator  # noqa: E402


class Model(BaseModel):
    """Base of every file model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def rule(mode: Literal["before", "after", "wrap"], function: Any) -> Any:
    """A method of a model's plain mixin (model/methods.py) registered as its model validator, under
    the same name (the light form of the model has it through the mixin)."""
    return model_validator(mode=mode)(function)


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
