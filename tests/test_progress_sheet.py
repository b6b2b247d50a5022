"""`ctt progress sheet` / `ctt progress import`: each unit fills its own sheet, the Phòng reads them back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

SHEET = "Tiến độ"
TTPV = "Trung tâm Phục vụ hành chính công"


def _sheet(cli, ward_dir: Path, tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "tien-do.xlsx"
    result = cli("progress", "sheet", str(ward_dir), "--year", "2026", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


def _row(ws, task: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == task)


def _fill(path: Path, values: dict[str, dict[int, object]]) -> None:
    wb = load_workbook(path)
    ws = wb[SHEET]
    for task, cells in values.items():
        for col, value in cells.items():
            ws.cell(row=_row(ws, task), column=col).value = value
    wb.save(path)


def _records(ward_dir: Path) -> dict[str, dict]:
    data = yaml.safe_load((ward_dir / "progress" / "2026.yaml").read_text(encoding="utf-8"))
    return {r["task"]: r for r in data["records"]}


def test_unit_sheet_lists_its_tasks_with_roles(cli, ward_dir: Path, tmp_path: Path) -> None:
    ws = load_workbook(_sheet(cli, ward_dir, tmp_path, "--unit", TTPV))[SHEET]
    tasks = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=5).value for r in range(5, ws.max_row + 1)}
    assert tasks["T07"] == "chủ trì" and tasks["T05"] == "phối hợp (chung)"
    assert "T03" not in tasks and "T09" not in tasks
    assert ws.cell(row=_row(ws, "T05"), column=6).value.date() == dt.date(
        2026, 11, 13
    )  # a date, moved to the working day before
    assert ws.cell(row=_row(ws, "T05"), column=7).protection.locked is False
    assert ws.cell(row=_row(ws, "T05"), column=3).protection.locked is True
    whole = load_workbook(_sheet(cli, ward_dir, tmp_path))[SHEET]
    assert whole.cell(row=_row(whole, "T03"), column=7).value == "hoàn thành"  # what is recorded is shown


def test_fill_and_import(cli, ward_dir: Path, tmp_path: Path) -> None:
    path = ward_dir / "progress" / "2026.yaml"
    before = path.read_text(encoding="utf-8")
    out = _sheet(cli, ward_dir, tmp_path, "--unit", TTPV)
    _fill(
        out,
        {
            "T07": {
                7: "Hoàn thành",
                8: dt.datetime(2026, 11, 20),
                9: "125/BC-UBND ngày 20/11/2026",
                12: "Trung tâm PVHCC",
            },
            "T05": {7: "dang thuc hien", 11: "Đã gửi số liệu quý III"},
            "T04": {7: "không thực hiện", 10: "Chưa có hướng dẫn"},
        },
    )
    result = cli("progress", "import", str(out), str(ward_dir), "--year", "2026")
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert after.split("year:")[0] == before.split("year:")[0]  # the header comments kept
    got = _records(ward_dir)
    assert got["T07"] == {
        "task": "T07",
        "state": "hoàn thành",
        "completed": dt.date(2026, 11, 20),
        "evidence": [{"ref": "125/BC-UBND ngày 20/11/2026"}],
        "reported_by": "Trung tâm PVHCC",
    }
    assert got["T05"] == {"task": "T05", "state": "đang thực hiện", "note": "Đã gửi số liệu quý III"}
    assert got["T04"]["reason"] == "Chưa có hướng dẫn"
    assert got["T03"]["evidence"] == [{"document": "kh-43"}]  # untouched
    again = cli("progress", "import", str(out), str(ward_dir), "--year", "2026")
    assert again.exit_code == 0 and path.read_text(encoding="utf-8") == after


@pytest.mark.parametrize(
    "cells, where, message",
    [
        ({7: "xong"}, "G", "trạng thái 'xong' không hợp lệ"),
        ({7: "hoàn thành", 8: "31/02/2026"}, "H", "'31/02/2026' không phải ngày"),
        ({7: "hoàn thành"}, "H", "cần ngày hoàn thành"),
        ({7: "không thực hiện"}, "G", "cần ghi lý do"),
    ],
)
def test_bad_cells_named_nothing_written(cli, ward_dir: Path, tmp_path: Path, cells, where, message) -> None:
    path = ward_dir / "progress" / "2026.yaml"
    before = path.read_bytes()
    out = _sheet(cli, ward_dir, tmp_path, "--unit", TTPV)
    _fill(out, {"T05": {7: "đang thực hiện"}, "T07": cells})
    row = _row(load_workbook(out)[SHEET], "T07")
    result = cli("progress", "import", str(out), str(ward_dir), "--year", "2026")
    assert result.exit_code == 1
    assert f"{SHEET}!{where}{row}: " in result.stderr and message in result.stderr
    assert path.read_bytes() == before


def test_wrong_year(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = _sheet(cli, ward_dir, tmp_path)
    result = cli("progress", "import", str(out), str(ward_dir), "--year", "2027")
    assert result.exit_code == 1 and "không phải năm 2027" in result.stderr
