"""Files, not pipes: `-o FILE` on status, score and summary; CSV for Excel; xlsx."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import SHIPPED, edit

AS_OF = ["--as-of", "2026-11-25"]


@pytest.fixture
def two_wards(ward_dir: Path) -> Path:
    """A city folder with two wards (the second one renamed)."""
    other = ward_dir.parent / "phuong-b"
    shutil.copytree(ward_dir, other)
    edit(other / "plan.yaml", "Phường Lê Thanh Nghị", "Phường Thử Nghiệm", count=10)
    edit(other / "plan.yaml", "id: le-thanh-nghi", "id: phuong-b")  # one plan id per ward (E300)
    return ward_dir.parent


def _csv(path: Path, sep: str = ",") -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel on Windows reads UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=sep))


def test_status_csv_file_full_text_and_ward_column(cli, two_wards: Path, tmp_path: Path) -> None:
    out = tmp_path / "tien-do.csv"
    result = cli("status", str(two_wards), "-y", "2026", *AS_OF, "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = _csv(out)
    assert {r["Phường"] for r in rows} == {"Phường Lê Thanh Nghị", "Phường Thử Nghiệm"}
    t01 = next(r for r in rows if r["Mã"] == "T01")
    assert "…" not in t01["Nhiệm vụ"] and t01["Nhiệm vụ"].endswith("thành phố Hải Phòng.")
    overdue = [r for r in rows if r["Trạng thái"] == "quá hạn"]
    assert overdue and all(int(r["Số ngày quá hạn"]) > 0 for r in overdue)
    assert result.stdout == ""  # the file, not the screen


def test_score_csv_semicolon_decimal_comma(cli, tmp_path: Path) -> None:
    out = tmp_path / "diem.csv"
    assert cli("score", str(SHIPPED), "-y", "2026", "-o", str(out), "--csv-sep", ";").exit_code == 0
    rows = _csv(out, ";")
    group2 = next(r for r in rows if r["Mã"] == "2")
    assert group2["Tự chấm"] == "22,5" and group2["Tỷ lệ (%)"] == "90" and group2["Cấp"] == "nhóm"
    assert next(r for r in rows if r["Mã"] == "1.2")["Tự chấm"] == "7"  # criterion rows too
    assert next(r for r in rows if r["Mã"] == "5.2")["Tự chấm"] == ""  # not scored is empty, not 0
    assert next(r for r in rows if r["Cấp"] == "tổng")["Tự chấm"] == "88"
    assert all(r["Minh họa"] == "MINH HỌA" for r in rows)


def test_xlsx_typed_cells(cli, two_wards: Path, tmp_path: Path) -> None:
    status = tmp_path / "s.xlsx"
    assert cli("status", str(two_wards), "-y", "2026", *AS_OF, "-o", str(status)).exit_code == 0
    ws = load_workbook(status).active
    header = [c.value for c in ws[2]]
    due = header.index("Hạn") + 1
    assert isinstance(ws.cell(row=3, column=due).value, dt.datetime)
    score = tmp_path / "d.xlsx"
    assert cli("score", str(two_wards), "-y", "2026", "--format", "xlsx", "-o", str(score)).exit_code == 0
    ws = load_workbook(score).active
    assert "MINH HỌA" in ws["A1"].value
    header = [c.value for c in ws[2]]
    totals = [row for row in ws.iter_rows(min_row=3, values_only=True) if row[2] == "tổng"]
    assert [t[header.index("Tự chấm")] for t in totals] == [88, 88]
    summary = tmp_path / "t.xlsx"
    result = cli("summary", str(two_wards), "-y", "2026", *AS_OF, "-o", str(summary))
    assert result.exit_code == 0, result.output
    rows = list(load_workbook(summary).active.iter_rows(min_row=3, max_row=4, values_only=True))
    assert {r[0] for r in rows} == {"Phường Lê Thanh Nghị", "Phường Thử Nghiệm"} and rows[0][8] == 88


def test_json_and_md_files_match_stdout(cli, tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    assert cli("status", str(SHIPPED), "-y", "2026", *AS_OF, "-o", str(out)).exit_code == 0
    shown = cli("status", str(SHIPPED), "-y", "2026", *AS_OF, "-f", "json").stdout
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(shown)
    md = tmp_path / "s.md"
    assert cli("summary", str(SHIPPED), "-y", "2026", *AS_OF, "-o", str(md)).exit_code == 0
    assert "| Phường Lê Thanh Nghị |" in md.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "x.txt"],
        ["--format", "xlsx"],
        ["--format", "table", "-o", "x.csv"],
        ["-o", "x.csv", "--csv-sep", ";;"],
    ],
)
def test_usage_errors(cli, tmp_path: Path, args) -> None:
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = cli("score", str(SHIPPED), "-y", "2026", *args)
    assert result.exit_code == 2
    assert not list(tmp_path.iterdir())
