"""ctt schema: write the JSON Schemas that editors use to check plan files as they are typed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def schema(
    out: Annotated[Path, typer.Option("--out", "-o", metavar="THƯ_MỤC", help="Thư mục ghi các lược đồ.")] = Path(
        "schemas"
    ),
    check: Annotated[bool, typer.Option("--check", help="Không ghi; mã thoát 1 nếu lược đồ đã cũ.")] = False,
) -> None:
    """Ghi lược đồ JSON Schema cho từng loại tệp (plan, units, documents, tasks, progress,
    scores, reports, criteria), có mô tả tiếng Việt.

    VS Code (tiện ích YAML) dùng dòng '# yaml-language-server: $schema=...' ở đầu mỗi tệp để
    gợi ý khóa và báo lỗi ngay khi gõ. Tệp chỉ được ghi khi nội dung đổi.

    Ví dụ: ctt schema --out schemas
    """
    from ctt_cli.commands.common import write_or_exit
    from ctt_cli.model.jsonschema import schema_texts
    from ctt_cli.views.console import note

    stale = []
    for name, text in schema_texts().items():
        path = out / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if check:
            note(f"lược đồ đã cũ: {path}")
            continue
        write_or_exit(path, text.encode("utf-8"))
        note(f"đã ghi {path}")
    if not stale:
        note("Các lược đồ đã mới nhất.")
    if check and stale:
        raise typer.Exit(1)
