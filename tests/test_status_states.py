"""What status and score show about recorded progress and unscored years (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import edit

AS_OF = ["--as-of", "2026-11-25"]


def _rows(cli, ward_dir: Path, *extra: str) -> list[dict]:
    out = cli("status", str(ward_dir), "-y", "2026", *AS_OF, "-f", "json", *extra).stdout
    return json.loads(out)["wards"][0]["rows"]


def test_in_progress_and_skip_reason_show(cli, ward_dir: Path) -> None:
    assert cli("record", "T05", str(ward_dir), "-y", "2026", "--state", "đang thực hiện").exit_code == 0
    assert (
        cli(
            "record",
            "T07",
            str(ward_dir),
            "-y",
            "2026",
            "--state",
            "không thực hiện",
            "--reason",
            "Chờ hướng dẫn của Sở Nội vụ",
        ).exit_code
        == 0
    )
    table = cli("status", str(ward_dir), "-y", "2026", *AS_OF, "-f", "md").stdout
    assert "đang thực hiện" in table and "lý do: Chờ hướng dẫn của Sở Nội vụ" in table
    rows = {r["task"]: r for r in _rows(cli, ward_dir)}
    assert rows["T05"]["progress_state"] == "đang thực hiện"
    assert rows["T07"]["reason"] == "Chờ hướng dẫn của Sở Nội vụ" and rows["T07"]["state"] == "skipped"


def test_json_rows_have_role(cli, ward_dir: Path) -> None:
    rows = _rows(cli, ward_dir, "--unit", "vp-hdnd-ubnd")
    roles = {r["task"]: (r["role"], r["role_shared"]) for r in rows}
    assert roles["T09"] == ("partner", False) and roles["T01"] == ("partner", True)
    assert all(r["role"] is None for r in _rows(cli, ward_dir))


def test_unscored_year_is_not_zero_nor_failing(cli, ward_dir: Path) -> None:
    path = ward_dir / "scores" / "2026.yaml"
    text = path.read_text(encoding="utf-8")
    leaves = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "5.1", "5.2"]
    unscored = "".join(f"  - criterion: '{c}'\n    not_scored: true\n" for c in leaves)
    path.write_text(text[: text.index("scores:")] + "scores:\n" + unscored, encoding="utf-8")
    data = json.loads(cli("score", str(ward_dir), "-y", "2026", "-f", "json").stdout)["wards"][0]
    assert data["scored"] is False and data["total"] is None and data["target_met"] is None
    table = cli("score", str(ward_dir), "-y", "2026")
    assert "chưa chấm" in table.stdout and "CHƯA ĐẠT MỤC TIÊU" not in table.stdout
    assert cli("score", str(ward_dir), "-y", "2026", "--fail-below-target").exit_code == 0
    summary = json.loads(cli("summary", str(ward_dir), "-y", "2026", *AS_OF, "-f", "json").stdout)["wards"][0]
    assert summary["target_met"] is None and summary["score"] is None and "chưa chấm" in summary["note"]
    # one criterion scored: a real (partial) total again, and judged against the target
    edit(path, "criterion: '1.1'\n    not_scored: true", "criterion: '1.1'\n    self: 8")
    data = json.loads(cli("score", str(ward_dir), "-y", "2026", "-f", "json").stdout)["wards"][0]
    assert data["total"] == 8 and data["target_met"] is False


def test_partial_appraisal_shows_what_is_missing(cli, ward_dir: Path) -> None:
    path = ward_dir / "scores" / "2026.yaml"
    edit(path, "criterion: '1.1'\n    self: 8\n", "criterion: '1.1'\n    self: 8\n    appraisal: 7.5\n")
    edit(path, "criterion: '2.3'\n    self: 7\n", "criterion: '2.3'\n    self: 7\n    appraisal: 0\n")
    data = json.loads(cli("score", str(ward_dir), "-y", "2026", "-f", "json").stdout)["wards"][0]
    assert data["appraisal_total"] is None and data["appraisal_partial"] == 7.5
    assert "1.1" not in data["appraisal_missing"] and "2.3" not in data["appraisal_missing"]
    assert len(data["appraisal_missing"]) == 11
    md = cli("score", str(ward_dir), "-y", "2026", "-f", "md").stdout
    assert "Thẩm định (chưa đủ)" in md and "mới có 2/13 tiêu chí" in md
    assert "| 1 | (Minh họa) Công khai, minh bạch, tiếp cận thông tin | 20 | 19 | 95% | 7,5 |" in md


def _record_in_progress_and_skipped(cli, ward_dir: Path) -> None:
    assert cli("record", "T05", str(ward_dir), "-y", "2026", "--state", "Đang thực hiện").exit_code == 0
    reason = ["--reason", "Chờ hướng dẫn | của Sở Nội vụ"]  # a pipe, as clerks type them
    assert cli("record", "T07", str(ward_dir), "-y", "2026", "--state", "KHÔNG THỰC HIỆN", *reason).exit_code == 0


def test_reason_and_in_progress_in_every_format(cli, ward_dir: Path, tmp_path: Path) -> None:
    """The skipped task's reason and the in-progress state in the table, CSV, JSON and xlsx alike."""
    import csv

    from openpyxl import load_workbook

    _record_in_progress_and_skipped(cli, ward_dir)
    table = cli("status", str(ward_dir), "-y", "2026", *AS_OF).stdout
    assert "đang thực hiện" in table and "Chờ hướng dẫn | của Sở" in " ".join(table.split())
    cli("status", str(ward_dir), "-y", "2026", *AS_OF, "-o", str(tmp_path / "s.csv"))
    with (tmp_path / "s.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["Mã"]: r for r in csv.DictReader(fh)}
    assert rows["T05"]["Tiến độ ghi nhận"] == "đang thực hiện"
    assert rows["T07"]["Trạng thái"] == "không thực hiện" and rows["T07"]["Lý do"] == "Chờ hướng dẫn | của Sở Nội vụ"
    cli("status", str(ward_dir), "-y", "2026", *AS_OF, "-o", str(tmp_path / "s.xlsx"))
    ws = load_workbook(tmp_path / "s.xlsx").active
    heads = [c.value for c in ws[2]]
    xrows = {r[heads.index("Mã")]: dict(zip(heads, r)) for r in ws.iter_rows(min_row=3, values_only=True) if r[1]}
    assert xrows["T05"]["Tiến độ ghi nhận"] == "đang thực hiện"
    assert xrows["T07"]["Lý do"] == "Chờ hướng dẫn | của Sở Nội vụ"
    json_rows = {r["task"]: r for r in _rows(cli, ward_dir)}
    assert json_rows["T05"]["progress_state"] == "đang thực hiện"
    assert json_rows["T07"]["reason"] == "Chờ hướng dẫn | của Sở Nội vụ"


def test_partial_appraisal_in_csv_and_xlsx(cli, ward_dir: Path, tmp_path: Path) -> None:
    import csv

    from openpyxl import load_workbook

    path = ward_dir / "scores" / "2026.yaml"
    edit(path, "criterion: '1.1'\n    self: 8\n", "criterion: '1.1'\n    self: 8\n    appraisal: 7.5\n")
    edit(path, "criterion: '2.3'\n    self: 7\n", "criterion: '2.3'\n    self: 7\n    appraisal: 0\n")
    result = cli("score", str(ward_dir), "-y", "2026", "-o", str(tmp_path / "d.csv"))
    assert result.exit_code == 0, result.output
    with (tmp_path / "d.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {(r["Cấp"], r["Mã"]): r for r in csv.DictReader(fh)}
    col = "Thẩm định (chưa đủ)"
    assert rows[("tiêu chí", "1.1")][col] == "7.5" and rows[("tiêu chí", "1.2")][col] == ""
    assert rows[("nhóm", "1")][col] == "7.5" and rows[("nhóm", "2")][col] == "0" and rows[("nhóm", "3")][col] == ""
    assert rows[("tổng", "")][col] == "7.5"
    cli("score", str(ward_dir), "-y", "2026", "-o", str(tmp_path / "d.xlsx"))
    ws = load_workbook(tmp_path / "d.xlsx").active
    notes = [c.value for c in ws["A"] if isinstance(c.value, str) and "thẩm định chưa đủ" in c.value]
    assert notes and "mới có 2/13 tiêu chí" in notes[0] and "1.2, 1.3, 2.1" in notes[0]
