"""`ctt status` on the shipped plan, and progress files that are wrong."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from conftest import SHIPPED, edit, line_of
from ctt_cli.status import compute_status
from ctt_cli.workspace.load import load_ward


def states(view) -> dict[str, str]:
    return {r.task.id: r.state for r in view.rows}


def test_shipped_status_on_2026_11_25() -> None:
    view = compute_status(load_ward(SHIPPED), 2026, dt.date(2026, 11, 25))
    assert states(view) == {
        "T01": "upcoming",
        "T02": "upcoming",
        "T03": "done",
        "T04": "upcoming",
        "T05": "overdue",
        "T06": "upcoming",
        "T07": "upcoming",
        "T08": "upcoming",
        "T09": "not_applicable",
    }
    t05 = next(r for r in view.rows if r.task.id == "T05")
    assert view.rows[0] is t05 and t05.days == 12 and t05.occurrence.due == dt.date(2026, 11, 13)
    assert view.issued_on == dt.date(2026, 4, 9) and view.issued_estimated


def test_due_soon_window() -> None:
    view = compute_status(load_ward(SHIPPED), 2026, dt.date(2026, 12, 20))
    assert states(view)["T06"] == "due_soon"
    assert compute_status(load_ward(SHIPPED), 2026, dt.date(2026, 11, 25), due_within=40).rows[1].state == "due_soon"


def test_before_issue_is_reported(ward_dir: Path) -> None:
    (ward_dir / "progress" / "2026.yaml").unlink()
    view = compute_status(load_ward(ward_dir), 2026, dt.date(2026, 11, 25))
    t03 = next(r for r in view.rows if r.task.id == "T03")
    assert t03.state == "overdue" and t03.before_issue


def test_done_late(ward_dir: Path) -> None:
    edit(ward_dir / "progress" / "2026.yaml", "completed: 2026-01-30", "completed: 2026-03-02")
    view = compute_status(load_ward(ward_dir), 2026, dt.date(2026, 11, 25))
    t03 = next(r for r in view.rows if r.task.id == "T03")
    assert (t03.state, t03.days) == ("done_late", 17)  # due Fri 13/02 (14/02 is a Saturday, Tết follows)


def test_task_9_in_2027(cli) -> None:
    result = cli("status", str(SHIPPED), "--year", "2027", "--as-of", "2027-12-01", "--format", "json")
    rows = json.loads(result.stdout)["wards"][0]["rows"]
    t09 = next(r for r in rows if r["task"] == "T09")
    assert t09["state"] == "upcoming" and t09["due"] == "2027-12-31"


def test_cli_table_unit_filter_and_fail_on(cli) -> None:
    result = cli(
        "status", str(SHIPPED), "--year", "2026", "--as-of", "2026-11-25", "--unit", "Trung tâm Phục vụ hành chính công"
    )
    assert result.exit_code == 0
    tasks = {line.split("│")[1].strip() for line in result.stdout.splitlines() if line.startswith("│ T")}
    # its own task (T07), and those given to "Các cơ quan, đơn vị có liên quan", a group it belongs to
    assert tasks == {"T01", "T02", "T04", "T05", "T06", "T07"}
    assert "chủ trì (chung)" in result.stdout and "phối hợp (chung)" in result.stdout
    assert cli("status", str(SHIPPED), "-y", "2026", "--as-of", "2026-11-25", "--fail-on", "overdue").exit_code == 1
    assert cli("status", str(SHIPPED), "-y", "2026", "--as-of", "2026-03-01", "--fail-on", "overdue").exit_code == 0


def test_cli_partner_role(cli) -> None:
    result = cli(
        "status",
        str(SHIPPED),
        "-y",
        "2026",
        "--as-of",
        "2026-11-25",
        "--unit",
        "vp-hdnd-ubnd",
        "--role",
        "partner",
        "--format",
        "csv",
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["Mã"] for r in rows} == {
        "T01",
        "T02",
        "T05",
        "T06",
        "T07",
        "T09",
    }  # T09 directly, others as a group member
    assert {r["Vai trò"] for r in rows} == {"phối hợp", "phối hợp (chung)"}


def test_cli_formats(cli) -> None:
    md = cli("status", str(SHIPPED), "-y", "2026", "--as-of", "2026-11-25", "--format", "md").stdout
    assert md.count("\n| T0") == 9 and "quá hạn" in md
    data = json.loads(cli("status", str(SHIPPED), "-y", "2026", "--as-of", "2026-11-25", "-f", "json").stdout)
    assert data["as_of"] == "2026-11-25" and data["wards"][0]["counts"]["overdue"] == 1
    state = cli("status", str(SHIPPED), "-y", "2026", "--as-of", "2026-11-25", "--state", "overdue", "-f", "csv")
    assert state.stdout.count("\n") == 2


def test_cli_bad_options(cli) -> None:
    assert cli("status", str(SHIPPED), "--as-of", "25-11-2026").exit_code == 2
    result = cli("status", str(SHIPPED), "--unit", "Phòng Không Tồn Tại")
    assert result.exit_code == 2 and "không có đơn vị" in result.stderr


def progress_errors(cli, ward_dir: Path) -> list[dict]:
    result = cli("validate", str(ward_dir), "--format", "json")
    return [f for f in json.loads(result.stdout) if f["severity"] == "error"]


def test_progress_unknown_task(cli, ward_dir: Path) -> None:
    path = ward_dir / "progress" / "2026.yaml"
    edit(path, "task: T03", "task: T33")
    bad = progress_errors(cli, ward_dir)
    assert [f["code"] for f in bad] == ["E600"]
    assert bad[0]["line"] == line_of(path, "task: T33") and bad[0]["file"].endswith("progress/2026.yaml")


def test_progress_occurrence_not_in_year(cli, ward_dir: Path) -> None:
    path = ward_dir / "progress" / "2026.yaml"
    edit(path, "task: T03", "task: T09")
    bad = progress_errors(cli, ward_dir)
    assert [f["code"] for f in bad] == ["E600"] and "không có kỳ nào" in bad[0]["message"]


def test_progress_missing_and_impossible_dates(cli, ward_dir: Path) -> None:
    path = ward_dir / "progress" / "2026.yaml"
    edit(path, "    completed: 2026-01-30\n", "")
    assert [f["code"] for f in progress_errors(cli, ward_dir)] == ["E601"]
    path.write_text(
        path.read_text(encoding="utf-8").replace("state: hoàn thành", "state: hoàn thành\n    completed: 2026-02-30")
    )
    bad = progress_errors(cli, ward_dir)
    assert bad[0]["code"] == "E200" and bad[0]["line"] == line_of(path, "2026-02-30")


def test_progress_future_date_and_bad_ref(cli, ward_dir: Path) -> None:
    path = ward_dir / "progress" / "2026.yaml"
    edit(path, "completed: 2026-01-30", "completed: 2099-01-30")
    edit(path, "      - document: kh-43", "      - ref: số bốn mươi ba")
    codes = sorted(f["code"] for f in progress_errors(cli, ward_dir))
    assert codes == ["E602", "E604"]


def test_progress_duplicate(cli, ward_dir: Path) -> None:
    path = ward_dir / "progress" / "2026.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  - task: T03\n    state: hoàn thành\n    completed: 2026-02-01\n",
        encoding="utf-8",
    )
    bad = progress_errors(cli, ward_dir)
    assert [f["code"] for f in bad] == ["E603"] and bad[0]["line"] == len(path.read_text().split("\n")) - 3


def test_progress_skipped_needs_reason(cli, ward_dir: Path) -> None:
    path = ward_dir / "progress" / "2026.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - task: T05\n    state: không thực hiện\n", encoding="utf-8")
    bad = progress_errors(cli, ward_dir)
    assert [f["code"] for f in bad] == ["E200"] and "reason" in bad[0]["message"]


def test_glob_of_plan_folders(cli) -> None:
    from conftest import ROOT

    folders = sorted(str(p) for p in (ROOT / "plans").iterdir())  # what the shell makes of plans/*
    result = cli("status", *folders, "-y", "2026", "--as-of", "2026-11-25", "-f", "json")
    assert result.exit_code == 0 and len(result.stdout) > 0
