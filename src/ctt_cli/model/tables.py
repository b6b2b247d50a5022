"""Fixed tables of the file models, without pydantic (the cold path reads them too): the appendix
columns, the report's narrative parts, and the default factories the core schemas refer to."""

from __future__ import annotations

from typing import Literal

Column = Literal["stt", "text", "result", "deadline", "lead", "partners", "funding", "note"]
DEFAULT_COLUMNS: tuple[Column, ...] = ("stt", "text", "deadline", "lead", "partners")
COLUMN_TITLES: dict[str, str] = {
    "stt": "STT",
    "text": "Nhiệm vụ cụ thể",
    "result": "Kết quả/Sản phẩm đầu ra",
    "deadline": "Thời gian thực hiện",
    "lead": "Cơ quan chủ trì",
    "partners": "Cơ quan phối hợp",
    "funding": "Nguồn kinh phí",
    "note": "Ghi chú",
}

ScoreColumn = Literal["self", "manager", "appraisal"]
DEFAULT_SCORE_COLUMNS: tuple[ScoreColumn, ...] = ("self", "appraisal")

NARRATIVE = {
    "direction": "công tác lãnh đạo, chỉ đạo, triển khai",
    "achievements": "ưu điểm",
    "shortcomings": "tồn tại, hạn chế",
    "causes": "nguyên nhân",
    "next_year": "phương hướng, nhiệm vụ năm tới",
    "proposals": "đề xuất, kiến nghị",
}


def appendix_columns() -> list[Column]:
    """The default columns of an appendix table (a fresh list each time)."""
    return list(DEFAULT_COLUMNS)


def score_columns() -> list[ScoreColumn]:
    """The default score columns of a criteria set (a fresh list each time)."""
    return list(DEFAULT_SCORE_COLUMNS)
