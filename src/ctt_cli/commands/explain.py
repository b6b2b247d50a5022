"""ctt explain: what a finding code means, why it matters, a fault and its fix."""

from __future__ import annotations

from typing import Annotated

import typer

from ctt_cli.commands.to_file import FileOpt, emit_text, pick

CodesArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[MÃ...]",
        show_default=False,
        help="Mã lỗi hoặc cảnh báo, ví dụ W402 (viết thường cũng được). Không ghi: liệt kê mọi mã.",
    ),
]


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def explain(codes: CodesArg = None, output: FileOpt = None) -> None:
    """Giải thích một mã lỗi/cảnh báo: quy tắc, vì sao quan trọng, ví dụ sai và cách sửa.

    Cho biết ctt có tự sửa được không (ctt fmt). Không ghi mã thì liệt kê mọi mã.

    Ví dụ: ctt explain W402

    Ví dụ: ctt explain -o ma-loi.txt
    """
    import difflib

    from ctt_cli.explain.codes import EXPLANATIONS, severity_word
    from ctt_cli.findings import CODES

    pick(None, output, {".txt": "text"}, "text")

    if not codes:
        lines = []
        for code, (_, _, title) in CODES.items():
            fix = " [ctt fmt sửa được]" if EXPLANATIONS[code].fix else ""
            lines.append(f"{code}  {severity_word(code):<8} {title}{fix}")
        lines.append("")
        lines.append("Xem chi tiết một mã: ctt explain MÃ (ví dụ: ctt explain W402).")
        emit_text("\n".join(lines), output)
        return
    wanted = [c.strip().upper() for c in codes]
    for code in wanted:
        if code not in CODES:
            close = difflib.get_close_matches(code, list(CODES), n=3, cutoff=0.5)
            hint = f"; có phải: {', '.join(close)}?" if close else "; chạy 'ctt explain' để xem mọi mã"
            raise typer.BadParameter(f"không có mã '{code}'{hint}", param_hint="'MÃ'")
    blocks = []
    for code in wanted:
        _, name, title = CODES[code]
        item = EXPLANATIONS[code]
        blocks.append(
            "\n".join(
                [
                    f"{code} ({severity_word(code)}, {name}): {title}",
                    "",
                    f"Quy tắc: {item.rule}",
                    f"Vì sao: {item.why}",
                    "Ví dụ sai:",
                    _indent(item.bad),
                    "Sửa thành:",
                    _indent(item.good),
                    f"Sửa tự động: {item.fix or 'Không: sửa tay theo ví dụ trên.'}",
                ]
            )
        )
    emit_text("\n\n".join(blocks), output)
