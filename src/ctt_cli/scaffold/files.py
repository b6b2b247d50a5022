"""What every new file shares: its header comment, its schema line, the canonical layout, ids."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Any

from ctt_cli.model.jsonschema import SCHEMA_LINE
from ctt_cli.model.kinds import KINDS
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.yamlio.roundtrip import dump

HEADERS = {
    "plan": 'Kế hoạch "Chính quyền thân thiện". Số mục (I., 1., a)) do ctt tự đánh; điền số, ngày và '
    "người ký khi văn bản được ban hành.",
    "units": "Danh mục đơn vị: tên đầy đủ, tên ngắn, tên gọi khác. Nhiệm vụ và nơi nhận tham chiếu theo mã.",
    "documents": "Sổ văn bản được trích dẫn (số, ký hiệu, ngày, cơ quan ban hành, trích yếu).",
    "tasks": "Phụ lục nhiệm vụ cụ thể: thời gian thực hiện ghi đúng nguyên văn; ctt tính hạn từ đó.",
    "progress": "Tiến độ thực hiện năm. state: chưa thực hiện | đang thực hiện | hoàn thành | không thực hiện.",
    "scores": "Điểm tự chấm năm: mỗi tiêu chí lá ghi self (điểm), passed (đạt/không đạt) hoặc not_scored: true.",
    "reports": "Phần tường thuật các báo cáo năm: mỗi phần là một danh sách đoạn văn; phần còn trống thì "
    "văn bản xuất ra có dòng nhắc bổ sung.",
}


def slug(text: str) -> str:
    """'Phường Hòa Bình' → 'phuong-hoa-binh'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "phuong"


def file_text(kind: str, data: dict[str, Any], schemas: Path | None, folder: Path) -> str:
    """A new file: its schema line, a header comment, then the data in ctt's canonical layout."""
    lines = []
    if schemas is not None:
        rel = os.path.relpath(schemas / KINDS[kind].schema_file, folder)
        lines.append(f"{SCHEMA_LINE}{Path(rel).as_posix()}")
    lines.append(f"# {HEADERS[kind]}")
    return "\n".join(lines) + "\n" + dump(data)


def schemas_of(ward: Ward) -> Path | None:
    """The schema folder the ward's plan.yaml points at, if it has a schema line."""
    source = ward.source("plan")
    first = source.text.split("\n", 1)[0] if source else ""
    if not first.startswith(SCHEMA_LINE):
        return None
    return Path(os.path.normpath(ward.root / first.removeprefix(SCHEMA_LINE))).parent
