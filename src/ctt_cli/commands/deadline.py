"""ctt deadline: how ctt reads one "Thời gian thực hiện" phrase, before a clerk commits it."""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import StrEnum
from typing import Annotated

import typer

from ctt_cli.commands.to_file import FileOpt, emit_text, pick

# The shipped plan's period (plans/le-thanh-nghi/plan.yaml: 2026-2030 và những năm tiếp theo);
# a test keeps the two equal.
SHIPPED_PERIOD = (2026, 2030, True)


class DayOff(StrEnum):
    earlier = "earlier"
    later = "later"
    none = "none"


class Before(StrEnum):
    strict = "strict"
    inclusive = "inclusive"


class Format(StrEnum):
    text = "text"
    json = "json"


def _years(value: str, what: str) -> tuple[int, int | None]:
    m = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?", value)
    if not m:
        raise typer.BadParameter(f"'{value}' không phải {what}; dùng dạng 2026 hoặc 2025-2027")
    first, last = int(m[1]), int(m[2]) if m[2] else None
    if not 1900 <= first <= 2199 or (last is not None and not first <= last <= first + 100):
        raise typer.BadParameter(f"'{value}': năm phải từ 1900 đến 2199, năm sau không trước năm đầu")
    return first, last


def deadline(
    phrase: Annotated[
        str,
        typer.Argument(
            help="Cụm 'Thời gian thực hiện' đúng như phụ lục ghi.", metavar="CỤM_THỜI_GIAN", show_default=False
        ),
    ],
    years: Annotated[
        str | None,
        typer.Option("--years", metavar="NĂM[-NĂM]", help="Các năm cần tính kỳ, ví dụ 2025-2027. Mặc định: năm nay."),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="NĂM-NĂM",
            help=(
                "Giai đoạn của kế hoạch (cho các cụm lặp lại như 'Hằng năm'). Mặc định: giai đoạn của kế hoạch mẫu, "
                "2026-2030 và những năm tiếp theo."
            ),
        ),
    ] = None,
    open_ended: Annotated[
        bool,
        typer.Option("--open-ended", help=("Với --period: kế hoạch tiếp tục sau năm cuối ('và những năm tiếp theo').")),
    ] = False,
    day_off: Annotated[
        DayOff,
        typer.Option(
            "--day-off",
            help=(
                "Hạn rơi vào ngày nghỉ: earlier = lùi về ngày làm việc liền trước (mặc định); later = ngày làm việc "
                "kế tiếp (Điều 148 BLDS); none = giữ nguyên."
            ),
        ),
    ] = DayOff.earlier,
    before: Annotated[
        Before, typer.Option("--before", help=("'Trước ngày X': strict = hạn là X-1 (mặc định); inclusive = hạn là X."))
    ] = Before.strict,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format", "-f", help="Định dạng đầu ra: text hoặc json. Mặc định: theo đuôi tệp -o, không thì text."
        ),
    ] = None,
    output: FileOpt = None,
) -> None:
    """Xem ctt hiểu một cụm thời gian thực hiện thế nào: loại (dated = có hạn, continuous = thường
    xuyên, undated = theo sự kiện), cách hiểu, và các kỳ của từng năm với ngày bắt đầu, hạn và hạn
    ghi trong cụm (trước khi lùi/dời vì ngày nghỉ).

    Mã thoát 0 với mọi cụm ctt giữ lại (kể cả theo sự kiện); 1 khi không phải thời hạn (trống,
    ngày không có thật).

    Ví dụ: ctt deadline "Trước ngày 15/11 hằng năm" --years 2026-2027

    Ví dụ: ctt deadline "Trước ngày 15/11 hằng năm" --years 2026-2027 -o han.json
    """
    from ctt_cli.schedule import DeadlineError
    from ctt_cli.schedule.describe import DAY_OFF_TEXT, day_text, explain
    from ctt_cli.views.console import error

    fmt = pick(fmt, output, {".json": Format.json, ".txt": Format.text}, Format.text)
    first, last = _years(years, "năm") if years else (dt.date.today().year, None)
    wanted = list(range(first, (last or first) + 1))
    if period:
        start, end = _years(period, "giai đoạn")
        span = (start, end if end is not None else start, open_ended)
    else:
        span = (SHIPPED_PERIOD[0], SHIPPED_PERIOD[1], SHIPPED_PERIOD[2] or open_ended)
    try:
        data, found = explain(phrase, wanted, period=span, inclusive=before is Before.inclusive, day_off=day_off.value)
    except DeadlineError as exc:
        error(f"'{phrase}': {exc}")
        raise typer.Exit(1) from None
    if fmt is Format.json:
        emit_text(json.dumps(data, ensure_ascii=False, indent=2), output)
        return
    kinds = {
        "dated": "dated (có hạn)",
        "continuous": "continuous (thường xuyên)",
        "undated": "undated (theo sự kiện / chưa xác định hạn)",
    }
    period_text = f"{span[0]}-{span[1]}" + (" và những năm tiếp theo" if span[2] else "")
    lines = [
        f"Cụm thời gian: {phrase}",
        f"Loại: {kinds[data['kind']]}",
        f"Cách hiểu: {data['rule']}",
        f"Thiết lập: before_date: {before.value}; day_off: {day_off.value} ({DAY_OFF_TEXT[day_off.value]})",
        f"Giai đoạn kế hoạch: {period_text}",
    ]
    for year in wanted:
        mine = [o for y, o in found if y == year]
        if not mine:
            lines.append(f"Năm {year}: không có kỳ nào")
            continue
        lines.append(f"Năm {year}:")
        for occ in mine:
            parts = [f"  - {occ.label}:"]
            if occ.start:
                parts.append(f"bắt đầu {occ.start:%d/%m/%Y};")
            if occ.kind == "undated":
                parts.append("theo sự kiện, chưa xác định hạn")
            elif occ.due is None:
                parts.append("thường xuyên, không có hạn")
            else:
                if occ.planned:
                    parts.append(f"dự kiến {occ.planned:%d/%m/%Y};")
                parts.append(f"hạn {day_text(occ.due)}")
                if occ.shifted:
                    parts.append(f"(hạn ghi trong cụm: {day_text(occ.nominal_due)}, ngày nghỉ)")
                if occ.legal_due != occ.due:
                    parts.append(f"; hạn cuối theo Điều 148 BLDS: {day_text(occ.legal_due)}")
            lines.append(" ".join(parts).replace(" ;", ";"))
    emit_text("\n".join(lines), output)
