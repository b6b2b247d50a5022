"""`ctt deadline`, and a ward whose tasks mix dated, continuous and undated phrases (issue 11)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SHIPPED, edit
from ctt_cli.commands.deadline import SHIPPED_PERIOD

MIXED_TASKS = """\
appendix:
  title: PHỤ LỤC NHIỆM VỤ CỤ THỂ
  issuer_text: Ủy ban nhân dân phường
tasks:
  - id: T01
    text: Tham mưu báo cáo tự đánh giá
    deadline: Trước ngày 15/11 hằng năm
    lead: phong-vhxh
  - id: T02
    text: Tuyên truyền, phổ biến mô hình trên các nền tảng số
    deadline: Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính
    lead: tt-dvsnc
  - id: T03
    text: Rà soát, sửa đổi quy chế khi có văn bản mới của cấp trên
    deadline: Khi có phát sinh
    lead: vp-hdnd-ubnd
  - id: T04
    text: Niêm yết danh sách cử tri (dữ liệu minh họa)
    deadline: Từ ngày 15/3/2026 đến ngày bầu cử
    until: 2026-05-22
    lead: vp-hdnd-ubnd
  - id: T05
    text: Hoàn thiện hồ sơ đề nghị công nhận (dữ liệu minh họa)
    deadline: Dự kiến ngày 05/12/2026 (Chậm nhất ngày 10/12/2026 - trước kỳ họp HĐND)
    lead: phong-vhxh
  - id: T06
    text: Cải tạo khu vực tiếp công dân
    deadline: Từ tháng 11/2025 đến tháng 4/2026
    lead: phong-kthtdt
  - id: T07
    text: Khảo sát mức độ hài lòng
    deadline: Quý IV năm 2025 và các năm tiếp theo
    lead: tt-pvhcc
  - id: T08
    text: Tổng kết giai đoạn
    deadline: Năm 2030
    lead: ubnd-phuong
"""

PROGRESS = """\
year: 2026
records:
  - task: T06
    state: hoàn thành
    completed: 2026-04-20
"""


@pytest.fixture
def mixed(ward_dir: Path) -> Path:
    (ward_dir / "tasks.yaml").write_text(MIXED_TASKS, encoding="utf-8")
    (ward_dir / "progress" / "2026.yaml").write_text(PROGRESS, encoding="utf-8")
    for extra in ("reports", "scores"):
        for f in (ward_dir / extra).glob("*.yaml"):
            f.unlink()
    return ward_dir


def _status(cli, ward: Path, *extra: str):
    return cli("status", str(ward), "-y", "2026", "--as-of", "2026-11-25", *extra)


def test_status_shows_every_kind_and_skips_nothing(cli, mixed: Path) -> None:
    result = _status(cli, mixed, "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["wards"][0]["rows"]
    by = {}
    for row in rows:
        by.setdefault(row["task"], []).append(row)
    assert sorted(by) == ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08"]
    (t01,) = by["T01"]
    assert (t01["kind"], t01["state"], t01["due"], t01["nominal_due"], t01["legal_due"], t01["days_overdue"]) == (
        "dated",
        "overdue",
        "2026-11-13",
        "2026-11-14",
        "2026-11-16",
        12,
    )
    quarters = sorted((r["occurrence"], r["kind"], r["state"], r["due"]) for r in by["T02"])
    assert quarters == [
        ("2026", "continuous", "continuous", None),
        ("2026-Q1", "dated", "overdue", "2026-03-31"),
        ("2026-Q2", "dated", "overdue", "2026-06-30"),
        ("2026-Q3", "dated", "overdue", "2026-09-30"),
        ("2026-Q4", "dated", "upcoming", "2026-12-31"),
    ]
    (t03,) = by["T03"]
    assert (t03["kind"], t03["state"], t03["state_label"], t03["due"], t03["days_overdue"]) == (
        "undated",
        "undated",
        "theo sự kiện / chưa xác định hạn",
        None,
        None,
    )
    (t04,) = by["T04"]  # undated phrase, but the plan gives it a due date
    assert (t04["kind"], t04["start"], t04["due"], t04["state"]) == ("dated", "2026-03-15", "2026-05-22", "overdue")
    (t05,) = by["T05"]
    assert (t05["planned"], t05["due"], t05["state"], t05["days_left"]) == ("2026-12-05", "2026-12-10", "upcoming", 15)
    (t06,) = by["T06"]
    assert (t06["start"], t06["due"], t06["state"]) == ("2025-11-01", "2026-04-29", "done")
    assert by["T07"][0]["due"] == "2026-12-31"
    assert by["T08"][0]["state"] == "not_applicable"
    counts = json.loads(result.stdout)["wards"][0]["counts"]
    assert counts["undated"] == 1 and counts["continuous"] == 1


def test_status_table_and_exit_codes(cli, mixed: Path) -> None:
    table = _status(cli, mixed, "-f", "csv")
    assert table.exit_code == 0
    assert "theo sự kiện / chưa xác định hạn" in table.stdout and "thường xuyên" in table.stdout
    rows = {r["Mã"]: r for r in csv.DictReader(io.StringIO(table.stdout))}
    assert (rows["T01"]["Hạn"], rows["T01"]["Hạn cuối theo Điều 148"]) == ("13/11/2026", "16/11/2026")
    assert (rows["T05"]["Dự kiến"], rows["T05"]["Hạn"]) == ("05/12/2026", "10/12/2026")
    assert rows["T05"]["Thời gian thực hiện"].startswith("Dự kiến ngày 05/12/2026")
    screen = _status(cli, mixed, "-f", "md")
    assert "13/11/2026 (lùi từ 14/11/2026, ngày nghỉ; Điều 148 BLDS: 16/11/2026)" in screen.stdout
    assert "dự kiến 05/12/2026; chậm nhất 10/12/2026" in screen.stdout
    assert _status(cli, mixed, "--fail-on", "overdue").exit_code == 1
    only = _status(cli, mixed, "--state", "undated", "-f", "json")
    assert [r["task"] for r in json.loads(only.stdout)["wards"][0]["rows"]] == ["T03"]
    # early in the year nothing is overdue yet, and the undated task never is
    assert cli("status", str(mixed), "-y", "2026", "--as-of", "2026-01-05", "--fail-on", "overdue").exit_code == 0


def test_calendar_leaves_out_undated_and_continuous(cli, mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "lich.ics"
    assert cli("calendar", str(mixed), "--year", "2026", "-o", str(out)).exit_code == 0
    text = out.read_bytes().decode("utf-8")
    uids = sorted(line.split(":", 1)[1] for line in text.split("\r\n") if line.startswith("UID:"))
    assert uids == [
        f"le-thanh-nghi-{key}@ctt"
        for key in (
            "T01-2026",
            "T02-2026-Q1",
            "T02-2026-Q2",
            "T02-2026-Q3",
            "T02-2026-Q4",  # reports, not the continuous work
            "T04-2026",
            "T05-2026",
            "T06-2026-04",
            "T07-2026-Q4",
        )
    ]  # no T03: undated, no date to put in a calendar


def test_validate_warns_on_undated_and_out_of_period(cli, mixed: Path) -> None:
    result = cli("validate", str(mixed), "--check", "deadlines", "-f", "json")
    assert result.exit_code == 0  # warnings only: the ward is not blocked
    found = json.loads(result.stdout)
    codes = sorted(f["code"] for f in found)
    assert codes == ["W501", "W502", "W502"]
    w501 = next(f for f in found if f["code"] == "W501")
    assert w501["path"] == "tasks[T03].deadline" and "due:" in w501["hint"]
    w502 = [f for f in found if f["code"] == "W502"]
    assert all("2025" in f["message"] for f in w502)
    assert [f["path"] for f in w502] == ["tasks[T06].deadline", "tasks[T07].deadline"]
    assert cli("validate", str(mixed), "--check", "deadlines", "--strict").exit_code == 1
    edit(
        mixed / "tasks.yaml",
        "    deadline: Khi có phát sinh\n",
        "    deadline: Khi có phát sinh\n    due: 2026-12-15\n",
    )
    edit(mixed / "tasks.yaml", "Quý IV năm 2025 và", "Quý IV năm 2026 và")
    edit(mixed / "tasks.yaml", "Từ tháng 11/2025 đến", "Từ tháng 1/2026 đến")
    assert cli("validate", str(mixed), "--check", "deadlines", "--strict").exit_code == 0


def test_due_beside_a_dated_phrase_is_ignored_with_a_warning(cli, mixed: Path) -> None:
    edit(mixed / "tasks.yaml", "    deadline: Năm 2030\n", "    deadline: Năm 2030\n    due: 2030-06-30\n")
    found = json.loads(cli("validate", str(mixed), "--check", "deadlines", "-f", "json").stdout)
    assert [(f["code"], f["path"], f["line"]) for f in found if f["code"] == "W504"] == [("W504", "tasks[T08].due", 37)]


def test_not_a_deadline_is_an_error_with_its_position(cli, mixed: Path) -> None:
    edit(mixed / "tasks.yaml", "deadline: Khi có phát sinh", "deadline: Trước ngày 31/02/2026")
    result = cli("validate", str(mixed), "--check", "deadlines", "-f", "json")
    found = json.loads(result.stdout)
    assert result.exit_code == 1 and [(f["code"], f["line"]) for f in found if f["severity"] == "error"] == [
        ("E500", 15)
    ]


def test_plan_calendar_settings(cli, mixed: Path) -> None:
    plan = mixed / "plan.yaml"
    edit(plan, "  day_off: earlier\n", "  day_off: later\n")
    rows = json.loads(_status(cli, mixed, "-f", "json").stdout)["wards"][0]["rows"]
    assert next(r for r in rows if r["task"] == "T01")["due"] == "2026-11-16"
    edit(plan, "  day_off: later\n", "  days_off: [2026-11-13]\n  working_days: [2026-11-14, 2026-11-16]\n")
    rows = json.loads(_status(cli, mixed, "-f", "json").stdout)["wards"][0]["rows"]
    assert next(r for r in rows if r["task"] == "T01")["due"] == "2026-11-14"  # a make-up Saturday
    found = json.loads(cli("validate", str(mixed), "--check", "deadlines", "-f", "json").stdout)
    noop = [f for f in found if f["code"] == "W503"]
    assert [f["path"] for f in noop] == ["settings.working_days[1]"]  # 16/11/2026 is a Monday anyway
    edit(plan, "  days_off: [2026-11-13]\n", "  days_off: [2026-13-01]\n")
    bad = json.loads(cli("validate", str(mixed), "-f", "json").stdout)
    assert any(f["code"] == "E200" and f["path"].startswith("settings.days_off") for f in bad)


# ---- ctt deadline ----

KEYS = ["phrase", "kind", "rule", "occurrences"]
OCC_KEYS = ["year", "label", "start", "due", "nominal_due", "planned"]


def _json(cli, *args: str) -> dict:
    result = cli("deadline", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_deadline_json_shape(cli) -> None:
    data = _json(cli, "Trước ngày 15/11 hằng năm", "--years", "2026-2027")
    assert list(data) == KEYS and data["kind"] == "dated" and data["phrase"] == "Trước ngày 15/11 hằng năm"
    assert all(list(o) == OCC_KEYS for o in data["occurrences"])
    assert [(o["year"], o["start"], o["due"], o["nominal_due"], o["planned"]) for o in data["occurrences"]] == [
        (2026, "2026-01-01", "2026-11-13", "2026-11-14", None),
        (2027, "2027-01-01", "2027-11-12", "2027-11-14", None),
    ]
    later = _json(cli, "Trước ngày 15/11 hằng năm", "--years", "2026", "--day-off", "later", "--before", "inclusive")
    assert [(o["due"], o["nominal_due"]) for o in later["occurrences"]] == [("2026-11-16", "2026-11-15")]
    none = _json(cli, "Tháng 4/2026", "--years", "2026", "--day-off", "none")
    assert none["occurrences"][0]["due"] == "2026-04-30"


def test_deadline_kinds_and_exit_codes(cli) -> None:
    undated = _json(cli, "Khi có phát sinh", "--years", "2026")
    assert undated["kind"] == "undated" and undated["occurrences"] == [
        {
            "year": 2026,
            "label": "năm 2026 (theo sự kiện)",
            "start": None,
            "due": None,
            "nominal_due": None,
            "planned": None,
        }
    ]
    continuous = _json(cli, "Thường xuyên", "--years", "2026")
    assert continuous["kind"] == "continuous" and continuous["occurrences"][0]["due"] is None
    for bad in ("", "   ", "Trước ngày 31/02", "Quý V/2026"):
        result = cli("deadline", bad)
        assert result.exit_code == 1 and "lỗi:" in result.output and not result.stdout.strip()
    assert cli("deadline", "Hằng năm", "--years", "20x6").exit_code == 2
    assert cli("deadline", "Hằng năm", "--day-off", "sometimes").exit_code == 2
    assert cli("deadline", "Hằng năm", "--years", "2030-2026").exit_code == 2


def test_deadline_defaults_and_period(cli) -> None:
    this_year = dt.date.today().year
    data = _json(cli, "Hằng năm")
    expected = [this_year] if 2026 <= this_year else []
    assert [o["year"] for o in data["occurrences"]] == expected
    assert _json(cli, "Hằng năm", "--years", "2031")["occurrences"][0]["due"] == "2031-12-31"  # shipped: open-ended
    assert _json(cli, "Hằng năm", "--years", "2031", "--period", "2026-2030")["occurrences"] == []
    opened = _json(cli, "Hằng năm", "--years", "2031", "--period", "2026-2030", "--open-ended")
    assert [o["due"] for o in opened["occurrences"]] == ["2031-12-31"]
    assert _json(cli, "Hằng năm", "--years", "2025", "--period", "2025-2030")["occurrences"][0]["due"] == "2025-12-31"


def test_deadline_text_output(cli) -> None:
    result = cli("deadline", "Tháng 4/2026", "--years", "2026")
    assert result.exit_code == 0
    assert "Loại: dated (có hạn)" in result.stdout
    assert "hạn thứ Tư 29/04/2026 (hạn ghi trong cụm: thứ Năm 30/04/2026, ngày nghỉ)" in result.stdout
    assert "Điều 148 BLDS: thứ Hai 04/05/2026" in result.stdout
    undated = cli("deadline", "Sau khi Nghị định ban hành", "--years", "2026")
    assert undated.exit_code == 0 and "theo sự kiện, chưa xác định hạn" in undated.stdout


@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    phrase=st.text(max_size=40),
    option=st.sampled_from(["--years", "--period", "--day-off", "--before", "--format", None]),
    value=st.text(max_size=10),
)
def test_deadline_never_crashes(phrase: str, option: str | None, value: str) -> None:
    from typer.testing import CliRunner

    from ctt_cli.app import app

    args = ["deadline", "--", phrase] if not option else ["deadline", option, value, "--", phrase]
    result = CliRunner().invoke(app, args, env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)


def test_shipped_period_matches_the_shipped_plan() -> None:
    period = yaml.safe_load((SHIPPED / "plan.yaml").read_text(encoding="utf-8"))["period"]
    assert SHIPPED_PERIOD == (period["start"], period["end"], period["open_ended"])
