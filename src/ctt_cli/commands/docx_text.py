"""ctt docx-text: the text of a .docx, for reading and for `git diff` (textconv)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.commands.to_file import FileOpt, emit_text, pick


def docx_text(
    file: Annotated[Path, typer.Argument(metavar="TỆP.docx", help="Tệp .docx cần đọc.")], output: FileOpt = None
) -> None:
    """In chữ của một tệp .docx: tiêu đề, đoạn văn, bảng (mỗi hàng một dòng, ô cách nhau '|').

    Dùng làm bộ chuyển đổi textconv để 'git diff' hiện nội dung của tệp .docx:
    thêm '*.docx diff=docx' vào .gitattributes và chạy
    git config diff.docx.textconv "ctt docx-text"

    Ví dụ: ctt docx-text build/le-thanh-nghi/ke-hoach.docx

    Ví dụ: ctt docx-text build/le-thanh-nghi/ke-hoach.docx -o ke-hoach.txt
    """
    from ctt_cli.render.docx_text import docx_lines
    from ctt_cli.views.console import error

    pick(None, output, {".txt": "text", ".md": "text"}, "text")
    if not file.is_file():
        error(f"không tìm thấy tệp {file}")
        raise typer.Exit(1)
    from ctt_cli.fsutil import ReadError

    try:
        lines = docx_lines(file)
    except ReadError as exc:
        error(f"{file}: {exc.message}")
        raise typer.Exit(1) from None
    except Exception as exc:  # python-docx raises many kinds on a bad file
        from ctt_cli.vn.errors import docx_problem

        error(f"{file}: {docx_problem(exc)}")
        raise typer.Exit(1) from None
    emit_text("\n".join(lines), output)
