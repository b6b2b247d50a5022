"""Suppressions: a warning kept on purpose, with its reason (a signed plan's text stays as signed).

On an item of the data (a task, unit, section, cited document, record, score…)::

    ignore:
      - code: W402
        reason: văn bản đã ký, giữ nguyên cách viết

and for the whole ward in the plan's settings (``path`` narrows it to one item, e.g. ``tasks[T07]``)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ctt_cli.model.common import Model


class Ignore(Model):
    code: str = Field(pattern=r"^[A-Za-z][0-9]{3}$", description="Mã cảnh báo được bỏ qua, ví dụ W402")
    reason: str | None = Field(
        None, description="Lý do bỏ qua (bắt buộc; thiếu lý do thì chính mục này bị cảnh báo W412)"
    )


class WardIgnore(Ignore):
    path: str | None = Field(
        None,
        description="Đường dẫn dữ liệu của mục được bỏ qua như ctt validate in ra, ví dụ tasks[T07] "
        "hoặc document.place; để trống: bỏ qua mã này trong cả phường",
    )


def ignores() -> Any:
    """The ``ignore`` field of an item."""
    return Field(
        default_factory=list,
        description="Cảnh báo được bỏ qua có lý do ở mục này (ví dụ văn bản đã ký): [{code: W402, reason: ...}]",
    )


def ward_ignores() -> Any:
    """The ``ignore`` field of the plan's settings."""
    return Field(
        default_factory=list,
        description="Cảnh báo được bỏ qua có lý do trong cả phường: [{code: W403, reason: ..., path: ...}]",
    )
