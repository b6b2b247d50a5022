#!/usr/bin/env python3
"""Run the "Một năm làm việc" walkthrough of docs/huong-dan.md for real, on a copy of the shipped
plan, and write (or check) its section with the real output of every command.

    .venv/bin/python tools/walkthrough.py           # rewrite the section of docs/huong-dan.md
    .venv/bin/python tools/walkthrough.py --check   # exit 1 when the guide's output is stale

The units' work in Excel (filling the sheets) is done here with openpyxl, the way a clerk types it.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "huong-dan.md"
START = "<!-- walkthrough: start (tools/walkthrough.py writes what follows) -->"
END = "<!-- walkthrough: end -->"
CTT = [sys.executable, "-m", "ctt_cli"]
TTPV = "Trung tâm Phục vụ hành chính công"


def fill_progress(work: Path) -> None:
    from openpyxl import load_workbook

    path = work / "build" / "tien-do-ttpvhcc-2026.xlsx"
    wb = load_workbook(path)
    ws = wb.active
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "T07")
    ws.cell(row=row, column=7).value = "Hoàn thành"
    ws.cell(row=row, column=8).value = dt.datetime(2026, 11, 18)
    ws.cell(row=row, column=9).value = "Báo cáo số 131/BC-TTPVHCC ngày 18/11/2026"
    ws.cell(row=row, column=12).value = "Trung tâm PVHCC"
    wb.save(path)


def fill_scores(work: Path) -> None:
    from openpyxl import load_workbook

    path = work / "build" / "bieu-cham-diem-2026.xlsx"
    wb = load_workbook(path)
    ws = wb.active
    typed = {
        "1.1": 8,
        "1.2": "7,5",
        "1.3": 4,
        "2.1": 10,
        "2.2": 7,
        "2.3": 7,
        "3.1": 10,
        "3.2": "Đạt",
        "3.3": 7,
        "4.1": 14,
        "4.2": 5,
        "5.1": 5,
        "5.2": 5,
    }
    explain = {"1.2": "Một phản ánh xử lý quá hạn 2 ngày."}
    for r in range(1, ws.max_row + 1):
        key = str(ws.cell(row=r, column=1).value)
        if key in typed:
            ws.cell(row=r, column=4).value = typed[key]
            if key in explain:
                ws.cell(row=r, column=6).value = explain[key]
    wb.save(path)


# (what the guide says before the command, the command, a step run before it, exit codes allowed)
STEPS: list[tuple[str, str, object, tuple[int, ...]]] = [
    (
        "**Tháng 1: mở năm mới.** Tạo tệp tiến độ, chấm điểm và báo cáo của năm (mỗi kỳ của mỗi nhiệm vụ "
        "được liệt kê kèm hạn; việc năm trước chưa xong được nhắc lại):",
        "ctt new-year 2026",
        None,
        (0,),
    ),
    (
        "Công văn đăng ký mức đạt chuẩn gửi Sở Nội vụ (trước ngày 15/02 hằng năm; năm 2026 hạn này đã qua khi "
        "kế hoạch ban hành, nên ctt không xuất công văn năm 2026 mà xuất của năm sau), ra PDF để trình ký "
        "(cần LibreOffice):",
        "ctt render registration --year 2027 -o build/dang-ky-2027.pdf",
        None,
        (0,),
    ),
    (
        "**Ghi một việc đã xong**, không cần mở YAML. Số hiệu văn bản được nhận ra (văn bản mới thì được "
        "thêm vào sổ văn bản `documents.yaml`, khi có `--yes`):",
        'ctt record T03 --year 2026 --state "hoàn thành" --date 30/01/2026 '
        '--evidence "Kế hoạch số 43/KH-UBND ngày 30/01/2026" --yes',
        None,
        (0,),
    ),
    (
        "Việc đang làm dở cũng ghi được:",
        'ctt record T05 --year 2026 --state "đang thực hiện" --note "Đang tổng hợp số liệu các tổ dân phố"',
        None,
        (0,),
    ),
    (
        "Việc không làm thì ghi lý do (bắt buộc):",
        'ctt record T08 --year 2026 --state "không thực hiện" --reason "Chưa được giao dự toán kinh phí năm 2026"',
        None,
        (0,),
    ),
    (
        "**Gửi bảng tiến độ cho từng đơn vị.** Mỗi đơn vị nhận một tệp Excel chỉ có các nhiệm vụ mình "
        "chủ trì hoặc phối hợp:",
        f'ctt progress sheet --year 2026 --unit "{TTPV}" -o build/tien-do-ttpvhcc-2026.xlsx',
        None,
        (0,),
    ),
    (
        "Trung tâm điền vào dòng T07: trạng thái *Hoàn thành*, ngày 18/11/2026, chứng cứ *Báo cáo số "
        "131/BC-TTPVHCC ngày 18/11/2026*, người báo cáo *Trung tâm PVHCC*, rồi gửi lại. **Nhận bảng về**: "
        "xem trước thay đổi, rồi ghi:",
        "ctt progress import build/tien-do-ttpvhcc-2026.xlsx --year 2026 --dry-run",
        fill_progress,
        (0,),
    ),
    ("", "ctt progress import build/tien-do-ttpvhcc-2026.xlsx --year 2026", None, (0,)),
    (
        "**Xem tình hình** (ví dụ ngày 20/11/2026): việc quá hạn, đang làm, lý do việc không làm. Dạng "
        "bảng Markdown (`--format md`) để dán vào báo cáo giao ban; `-o tien-do.xlsx` để mở bằng Excel:",
        "ctt status --year 2026 --as-of 2026-11-20 --format md",
        None,
        (0,),
    ),
    ("", "ctt status --year 2026 --as-of 2026-11-20 -o build/tien-do-2026.xlsx", None, (0,)),
    (
        "**Tự chấm điểm.** Gửi Biểu chấm điểm cho các đơn vị:",
        "ctt score sheet --year 2026 -o build/bieu-cham-diem-2026.xlsx",
        None,
        (0,),
    ),
    (
        "Các đơn vị điền cột *Điểm tự chấm* (tiêu chí 1.2 ghi `7,5` và giải trình; 3.2 ghi `Đạt`). Nhận "
        "về, xem trước, rồi ghi:",
        "ctt score import build/bieu-cham-diem-2026.xlsx --year 2026 --dry-run",
        fill_scores,
        (0,),
    ),
    ("", "ctt score import build/bieu-cham-diem-2026.xlsx --year 2026", None, (0,)),
    ("Kết quả so với mục tiêu đã đăng ký:", "ctt score --year 2026", None, (0,)),
    (
        "**Xuất văn bản.** Báo cáo tự đánh giá ra PDF, báo cáo kết quả năm ra .docx (phần tường thuật "
        "lấy từ `reports/2026.yaml`; phần còn trống có dòng \\[Cần bổ sung: …\\]):",
        "ctt render assessment --year 2026 -o build/tu-danh-gia-2026.pdf",
        None,
        (0,),
    ),
    ("", "ctt render report --year 2026 --as-of 2026-12-15 -o build/bao-cao-2026.docx", None, (0,)),
    (
        "**Phía Sở Nội vụ**: bảng tổng hợp mọi xã, phường và báo cáo tổng hợp gửi UBND thành phố (ở đây "
        "chỉ có một phường):",
        "ctt summary --year 2026 --as-of 2026-11-20 -o build/tong-hop-2026.xlsx",
        None,
        (0,),
    ),
    ("", "ctt render city --year 2026 --as-of 2026-11-20 -o build/tong-hop-2026.docx", None, (0,)),
    ("", "ctt render city --year 2026 --as-of 2026-11-20 -o build/tong-hop-2026.xlsx", None, (0,)),
]


def run(work: Path) -> str:
    """Run every step in ``work`` (a folder holding plans/) and return the guide's section."""
    env = {**os.environ, "CTT_NO_CACHE": "1", "COLUMNS": "100", "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src")}
    out = [
        START,
        "",
        "Làm trên một bản sao của kế hoạch mẫu, bỏ các tệp năm 2026 có sẵn để bắt đầu năm từ đầu (thư mục "
        "có `plans/`; ctt tự tìm `plans/` khi không ghi đường dẫn). Mọi lệnh dưới đây đã chạy thật; phần "
        "kết quả là những gì ctt in ra.",
        "",
    ]
    for say, command, before, codes in STEPS:
        if callable(before):
            before(work)
        argv = shlex.split(command)
        done = subprocess.run([*CTT, *argv[1:]], cwd=work, env=env, capture_output=True, text=True, check=False)
        if done.returncode not in codes:
            raise SystemExit(f"{command}: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
        if say:
            out += [say, ""]
        text = (done.stdout + done.stderr).rstrip()
        out += ["```", f"$ {command}", *([text] if text else []), "```", ""]
    out.append(END)
    return "\n".join(out)


def section() -> str:
    with tempfile.TemporaryDirectory(prefix="ctt-walkthrough-") as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "plans", work / "plans")
        for folder in ("progress", "scores", "reports"):  # the year starts from nothing recorded
            (work / "plans" / "le-thanh-nghi" / folder / "2026.yaml").unlink()
        return run(work)


def main() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{GUIDE}: markers {START!r} and {END!r} not found")
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    new = head + section() + tail
    if "--check" in sys.argv:
        if new != text:
            raise SystemExit("docs/huong-dan.md: the walkthrough's output is stale; run tools/walkthrough.py")
        return
    GUIDE.write_text(new, encoding="utf-8")
    print(GUIDE)


if __name__ == "__main__":
    main()
