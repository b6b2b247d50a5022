"""The Biểu chấm điểm out to Excel and back: `ctt score sheet`, `ctt score import`, `ctt score set`."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from conftest import edit

SHEET = "Biểu chấm điểm"


def _sheet(cli, ward_dir: Path, tmp_path: Path, year: str = "2026") -> Path:
    out = tmp_path / "bieu.xlsx"
    result = cli("score", "sheet", str(ward_dir), "--year", year, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def _row(ws, criterion: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if str(ws.cell(row=r, column=1).value) == criterion)


def _fill(path: Path, values: dict[str, dict[int, object]]) -> None:
    wb = load_workbook(path)
    ws = wb[SHEET]
    for criterion, cells in values.items():
        r = _row(ws, criterion)
        for col, value in cells.items():
            ws.cell(row=r, column=col).value = value  # None empties the cell
    wb.save(path)


def _scores(ward_dir: Path) -> dict[str, dict]:
    data = yaml.safe_load((ward_dir / "scores" / "2026.yaml").read_text(encoding="utf-8"))
    return {s["criterion"]: s for s in data["scores"]}


def test_score_without_subcommand_still_works(cli, ward_dir: Path) -> None:
    data = json.loads(cli("score", str(ward_dir), "--year", "2026", "-f", "json").stdout)
    assert data["wards"][0]["total"] == 88
    assert cli("score", "--year", "2026", str(ward_dir), "-f", "json").exit_code == 0
    assert cli("score").exit_code == 2  # --year still required


def test_sheet_structure(cli, ward_dir: Path, tmp_path: Path) -> None:
    wb = load_workbook(_sheet(cli, ward_dir, tmp_path))
    ws = wb[SHEET]
    assert "MINH HỌA" in ws["A3"].value
    headers = [ws.cell(row=5, column=c).value for c in range(1, 7)]
    assert headers == [
        "STT",
        "Tiêu chí / tiêu chí thành phần",
        "Điểm tối đa",
        "Điểm tự chấm",
        "Tài liệu kiểm chứng",
        "Giải trình",
    ]
    g1, l11, l13 = _row(ws, "1"), _row(ws, "1.1"), _row(ws, "1.3")
    assert ws.cell(row=g1, column=4).value == f"=SUM(D{l11}:D{l13})"
    g3 = _row(ws, "3")
    assert "IF(D" in ws.cell(row=g3, column=4).value  # 3.2 is pass/fail: counted through IF
    assert ws.cell(row=_row(ws, "3.2"), column=4).value == "Đạt"
    assert ws.cell(row=_row(ws, "1.2"), column=4).value == 7
    assert ws.cell(row=_row(ws, "5.2"), column=4).value is None  # not scored stays empty
    assert ws.protection.sheet and not ws.protection.password
    assert ws.cell(row=l11, column=4).protection.locked is False
    assert ws.cell(row=g1, column=4).protection.locked is True
    assert ws.cell(row=l11, column=2).font.name == "Times New Roman"
    assert ws.print_title_rows == "$5:$5" and int(ws.page_setup.paperSize) == 9
    ranges = {str(r) for dv in ws.data_validations.dataValidation for r in dv.sqref.ranges}
    assert f"D{l11}" in ranges and f"D{g1}" not in ranges
    assert wb["ctt"].sheet_state == "hidden"


def test_round_trip_keeps_comments(cli, ward_dir: Path, tmp_path: Path) -> None:
    path = ward_dir / "scores" / "2026.yaml"
    before = path.read_text(encoding="utf-8")
    out = _sheet(cli, ward_dir, tmp_path)
    # an office fills the sheet in its own ways: text with a decimal comma, a pass/fail in lower case
    _fill(
        out,
        {
            "1.2": {4: "7,5", 6: "Một phản ánh xử lý quá hạn."},
            "2.2": {4: 6.25},
            "5.2": {4: 5, 5: "120/BC-UBND ngày 13/11/2026\nBáo cáo số 120/BC-UBND ngày 13/11/2026"},
            "3.2": {4: "không đạt", 6: "Một công chức bị khiển trách."},
        },
    )
    result = cli("score", "import", str(out), str(ward_dir), "--year", "2026")
    assert result.exit_code == 0, result.output
    assert "1.2: tự chấm 7 → 7,5" in result.stdout
    after = path.read_text(encoding="utf-8")
    assert "# ĐIỂM MINH HỌA năm 2026" in after and after.startswith(before.split("\n")[0])
    got = _scores(ward_dir)
    assert got["1.2"] == {"criterion": "1.2", "self": 7.5, "explanation": "Một phản ánh xử lý quá hạn."}
    assert got["2.2"]["self"] == 6.25
    assert got["5.2"] == {
        "criterion": "5.2",
        "self": 5,
        "evidence": [{"ref": "120/BC-UBND ngày 13/11/2026"}, {"text": "Báo cáo số 120/BC-UBND ngày 13/11/2026"}],
    }
    assert got["3.2"]["passed"] is False
    assert got["5.1"]["evidence"] == [{"document": "kh-43"}]  # untouched rows stay as they were
    unchanged = [ln for ln in before.split("\n") if "4.1" in ln or "12.5" in ln]
    assert all(ln in after for ln in unchanged)
    # and a second import of the same sheet changes nothing
    again = cli("score", "import", str(out), str(ward_dir), "--year", "2026")
    assert again.exit_code == 0 and "không có gì thay đổi" in again.stderr
    assert path.read_text(encoding="utf-8") == after


@pytest.mark.parametrize(
    "criterion, value, message",
    [
        ("1.2", 12, "điểm 12 vượt tối đa 8"),
        ("2.1", "9,3", "không theo bước chấm 0,25"),
        ("2.3", 3, "chỉ được 0 hoặc 7"),
        ("1.1", "tám", "'tám' không phải là số điểm"),
        ("3.2", "có lẽ", "ghi 'Đạt' hoặc 'Không đạt'"),
    ],
)
def test_bad_cell_names_it_and_writes_nothing(cli, ward_dir: Path, tmp_path: Path, criterion, value, message) -> None:
    path = ward_dir / "scores" / "2026.yaml"
    before = path.read_bytes()
    out = _sheet(cli, ward_dir, tmp_path)
    _fill(out, {"1.3": {4: 0}, criterion: {4: value}})  # one good change beside the bad one
    row = _row(load_workbook(out)[SHEET], criterion)
    result = cli("score", "import", str(out), str(ward_dir), "--year", "2026")
    assert result.exit_code == 1
    assert f"{SHEET}!D{row}: " in result.stderr and message in result.stderr
    assert path.read_bytes() == before


def test_wrong_year_and_not_a_sheet(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = _sheet(cli, ward_dir, tmp_path)
    result = cli("score", "import", str(out), str(ward_dir), "--year", "2025")
    assert result.exit_code == 1 and "năm 2026, không phải năm 2025" in result.stderr
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK not really")
    assert cli("score", "import", str(junk), str(ward_dir), "--year", "2026").exit_code == 1


def test_dry_run_writes_nothing(cli, ward_dir: Path, tmp_path: Path) -> None:
    path = ward_dir / "scores" / "2026.yaml"
    before = path.read_bytes()
    out = _sheet(cli, ward_dir, tmp_path)
    _fill(out, {"4.1": {4: 14}})
    result = cli("score", "import", str(out), str(ward_dir), "--year", "2026", "--dry-run")
    assert result.exit_code == 0 and "4.1: tự chấm 12,5 → 14" in result.stdout
    assert path.read_bytes() == before


def test_sheet_refused_for_a_ward_with_errors(cli, ward_dir: Path, tmp_path: Path) -> None:
    edit(ward_dir / "scores" / "2026.yaml", "self: 4\n", "self: 40\n")
    out = tmp_path / "b.xlsx"
    result = cli("score", "sheet", str(ward_dir), "--year", "2026", "-o", str(out))
    assert result.exit_code == 1 and not out.exists()


def test_set_with_decimal_comma(cli, ward_dir: Path) -> None:
    result = cli("score", "set", "1.2", "7,5", str(ward_dir), "--year", "2026", "--explain", "Hai phản ánh quá hạn")
    assert result.exit_code == 0, result.output
    assert _scores(ward_dir)["1.2"] == {"criterion": "1.2", "self": 7.5, "explanation": "Hai phản ánh quá hạn"}
    assert cli("score", "set", "3.2", "KHÔNG ĐẠT", str(ward_dir), "-y", "2026").exit_code == 0
    assert _scores(ward_dir)["3.2"]["passed"] is False
    assert cli("score", "set", "5.2", "5", str(ward_dir), "-y", "2026", "--evidence", "Sổ theo dõi").exit_code == 0
    assert _scores(ward_dir)["5.2"] == {"criterion": "5.2", "self": 5, "evidence": [{"text": "Sổ theo dõi"}]}
    data = json.loads(cli("score", str(ward_dir), "-y", "2026", "-f", "json").stdout)
    assert data["wards"][0]["total"] == 88 + 0.5 - 5 + 5


@pytest.mark.parametrize(
    "criterion, value, message",
    [
        ("1.2", "9", "vượt tối đa 8"),
        ("1.9", "1", "không có trong bộ tiêu chí"),
        ("1", "5", "là nhóm"),
        ("2.1", "7.3", "bước chấm"),
        ("1.1", "bảy", "không phải là số điểm"),
    ],
)
def test_set_refusals(cli, ward_dir: Path, criterion, value, message) -> None:
    path = ward_dir / "scores" / "2026.yaml"
    before = path.read_bytes()
    result = cli("score", "set", criterion, value, str(ward_dir), "-y", "2026")
    assert result.exit_code == 1 and message in result.stderr
    assert path.read_bytes() == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_recalculates_the_same_total(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = _sheet(cli, ward_dir, tmp_path)
    _fill(out, {"1.2": {4: 6.5}, "3.2": {4: "Không đạt"}, "5.2": {4: 5}})
    assert cli("score", "import", str(out), str(ward_dir), "--year", "2026").exit_code == 0
    expected = json.loads(cli("score", str(ward_dir), "-y", "2026", "-f", "json").stdout)["wards"][0]
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path / "csv"),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    rows = list(csv.reader((tmp_path / "csv" / "bieu.csv").read_text(encoding="utf-8-sig").splitlines()))
    total = next(r for r in rows if len(r) > 3 and r[1] == "TỔNG ĐIỂM")
    assert float(total[3]) == expected["total"] == 88 - 0.5 - 5 + 5
    groups = {r[0]: float(r[3]) for r in rows[: rows.index(total)] if r and r[0] in {"1", "3"}}
    assert groups["3"] == 19 and groups["1"] == 18.5


def test_appraisal_column_round_trip(cli, ward_dir: Path, tmp_path: Path) -> None:
    path = ward_dir / "scores" / "2026.yaml"
    edit(path, "criterion: '1.1'\n    self: 8\n", "criterion: '1.1'\n    self: 8\n    appraisal: 7.5\n")
    out = _sheet(cli, ward_dir, tmp_path)
    ws = load_workbook(out)[SHEET]
    assert ws.cell(row=5, column=7).value == "Điểm thẩm định"
    r11, r12 = _row(ws, "1.1"), _row(ws, "1.2")
    assert ws.cell(row=r11, column=7).value == 7.5
    formulas = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert f"G{r12}" in formulas[f"G{r12}"] and f"D{r12}" not in formulas[f"G{r12}"]  # G checks G
    _fill(out, {"1.2": {7: "6,5"}, "3.2": {7: "Không đạt"}, "2.1": {7: 11}})
    bad = cli("score", "import", str(out), str(ward_dir), "--year", "2026")
    assert bad.exit_code == 1 and f"{SHEET}!G{_row(ws, '2.1')}: điểm 11 vượt tối đa 10" in bad.stderr
    _fill(out, {"2.1": {7: None}})
    ok = cli("score", "import", str(out), str(ward_dir), "--year", "2026")
    assert ok.exit_code == 0, ok.output
    got = _scores(ward_dir)
    assert got["1.1"]["appraisal"] == 7.5 and got["1.2"]["appraisal"] == 6.5
    assert got["3.2"]["appraisal_passed"] is False and "appraisal" not in got["2.1"]


def test_sheet_for_a_year_without_scores_creates_the_file(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "bieu-2027.xlsx"
    assert cli("score", "sheet", str(ward_dir), "--year", "2027", "-o", str(out)).exit_code == 0
    ws = load_workbook(out)[SHEET]
    assert ws.cell(row=_row(ws, "1.1"), column=4).value is None
    # the set is illustrative even when no scores are: the sheet still says so
    assert "MINH HỌA" in ws["A3"].value
    leaves = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "5.1", "5.2"]
    _fill(out, {c: {4: 0} for c in leaves} | {"3.2": {4: "Đạt"}, "1.1": {4: 7.5}})
    result = cli("score", "import", str(out), str(ward_dir), "--year", "2027")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((ward_dir / "scores" / "2027.yaml").read_text(encoding="utf-8"))
    assert data["year"] == 2027 and data["status"] == "official"
    assert [s["criterion"] for s in data["scores"]] == leaves
    total = json.loads(cli("score", str(ward_dir), "-y", "2027", "-f", "json").stdout)["wards"][0]["total"]
    assert total == 7.5 + 5
