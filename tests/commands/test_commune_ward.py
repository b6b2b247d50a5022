"""A xã plan unlike the shipped one (tests/data/wards/minh-tan, our own illustrative text): no level
objective, two appendices, a 7-column table with group rows, co-leads, a position and a person as
lead, a shared deadline, decimal numbering, a task stated in prose, a task retired in 2028."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import edit
from ctt_cli.render.context import context_lines, plan_context
from ctt_cli.workspace.load import load_ward

WARD = Path(__file__).resolve().parents[1] / "data" / "wards" / "minh-tan"


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    shutil.copytree(WARD, tmp_path / "minh-tan")
    return tmp_path / "minh-tan"


def findings(cli, path: Path, as_of: str = "2028-03-01") -> list[dict]:
    return json.loads(cli("validate", str(path), "-f", "json", "--as-of", as_of).stdout)


def rows_of(cli, path: Path, year: int, as_of: str) -> dict[str, list[dict]]:
    result = cli("status", str(path), "-y", str(year), "--as-of", as_of, "-f", "json")
    assert result.exit_code == 0, result.output
    out: dict[str, list[dict]] = {}
    for row in json.loads(result.stdout)["wards"][0]["rows"]:
        out.setdefault(row["task"], []).append(row)
    return out


def test_validates_clean(cli) -> None:
    assert findings(cli, WARD) == []


def test_status_follows_the_amendment(cli) -> None:
    y2026 = rows_of(cli, WARD, 2026, "2026-12-01")
    y2028 = rows_of(cli, WARD, 2028, "2028-03-01")
    assert "T04" in y2026 and "T06" not in y2026  # T06 was added from 2028
    assert "T04" not in y2028 and "T06" in y2028  # T04 was retired from 2028
    assert [r["state"] for r in y2026["T04"]] == ["done"]
    assert y2026["T01"][0]["lead"] == ["vh-xh", "mttq-xa"]  # co-leads
    assert y2026["T02"][0]["lead"] == "vh-xh" and y2026["T02"][0]["deadline"] == "Hằng năm"  # the group's
    assert y2026["T03"][0]["lead_name"] == "Đồng chí Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội"
    assert y2026["T05"][0]["lead"] is None and y2026["T05"][0]["lead_name"].startswith("Đồng chí Chánh Văn phòng")
    assert len(y2026["T07"]) == 4  # the prose task: every quarter
    by_unit = cli("status", str(WARD), "-y", "2026", "--as-of", "2026-12-01", "--unit", "mttq-xa", "-f", "json")
    assert [r["task"] for r in json.loads(by_unit.stdout)["wards"][0]["rows"]] == ["T01"]


def test_progress_of_a_retired_task_is_an_error_only_after_it_was_retired(cli, ward: Path) -> None:
    (ward / "progress" / "2028.yaml").write_text(
        "year: 2028\nrecords:\n  - task: T04\n    state: hoàn thành\n    completed: 2028-02-10\n", encoding="utf-8"
    )
    (ward / "progress" / "2027.yaml").write_text(
        "year: 2027\nrecords:\n  - task: T06\n    state: đang thực hiện\n  - task: T04\n    state: đang thực hiện\n",
        encoding="utf-8",
    )
    e600 = [(f["file"].rsplit("/", 1)[-1], f["message"]) for f in findings(cli, ward) if f["code"] == "E600"]
    assert e600 == [
        ("2027.yaml", "nhiệm vụ T06 không áp dụng trong năm 2027 (áp dụng từ năm 2028)"),
        ("2028.yaml", "nhiệm vụ T04 không áp dụng trong năm 2028 (bãi bỏ từ năm 2028 theo văn bản 'kh-sua-doi')"),
    ]


def test_references_of_groups_appendices_sections(cli, ward: Path) -> None:
    edit(ward / "tasks.yaml", "    group: phuc-vu\n    text: Tự đánh giá", "    group: phuc-vuu\n    text: Tự đánh giá")
    edit(ward / "tasks.yaml", "  - id: T05\n    appendix: phu-luc-2\n", "  - id: T05\n")
    edit(ward / "tasks.yaml", "    section: hop-thon", "    section: hop-thonn")
    edit(ward / "tasks.yaml", "      by: kh-sua-doi", "      by: kh-sua-doii")
    edit(ward / "tasks.yaml", "    lead: [vh-xh, mttq-xa]", "    lead: [vh-xh, mttq-xaa]")
    got = sorted((f["code"], f["path"]) for f in findings(cli, ward) if f["code"].startswith("E3"))
    assert got == [
        ("E301", "tasks[T01].lead[1]"),
        ("E301", "tasks[T03].group"),
        ("E301", "tasks[T04].retired.by"),
        ("E301", "tasks[T07].section"),
        ("E302", "tasks[T05]"),
    ]


def test_a_task_without_deadline_anywhere(cli, ward: Path) -> None:
    edit(ward / "tasks.yaml", "    deadline: Trước ngày 15/11 hằng năm\n", "")
    bad = [f for f in findings(cli, ward) if f["code"] == "E201"]
    assert [(f["path"], f["message"]) for f in bad] == [("tasks[T03]", "thiếu trường bắt buộc 'deadline'")]


def test_render_plan(cli, tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    result = cli("render", "plan", str(WARD), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 10_000
    ward = load_ward(WARD).checked()
    ctx = plan_context(ward)
    first, second = ctx["appendices"]
    assert first["columns"] == [
        "STT",
        "Nhiệm vụ cụ thể",
        "Kết quả/Sản phẩm đầu ra",
        "Thời gian thực hiện",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Nguồn kinh phí",
    ]
    assert [(r["kind"], r["stt"]) for r in first["rows"]] == [
        ("group", "1"),
        ("task", "1.1"),
        ("task", "1.2"),
        ("group", "2"),
        ("task", "2.1"),
        ("task", "2.2"),
    ]
    group, t1, t2 = first["rows"][:3]
    assert (group["deadline"], group["lead"]) == ("Hằng năm", "Phòng Văn hóa - Xã hội")  # the merged cells
    assert (t2["deadline"], t2["lead"]) == ("", "")  # shared: shown once, on the group row
    assert t1["lead"] == "Phòng Văn hóa - Xã hội, Ủy ban MTTQ Việt Nam xã" and t1["funding"] == "Ngân sách xã"
    assert [r["text"][:20] for r in second["rows"]] == ["Bố trí ghế chờ, nước", "Lắp màn hình điện tử"]
    assert second["rows"][0]["lead"] == "Đồng chí Chánh Văn phòng HĐND và UBND xã"
    assert ctx["appendix"]["rows"] == first["rows"]  # the template's one table is Phụ lục I
    lines = context_lines(ctx)
    assert (
        "3.2. Họp thôn định kỳ" in lines
        and "1.1. Cán bộ, công chức xã tiếp dân niềm nở, giải quyết việc đúng hẹn, không để người dân đi lại nhiều lần."
        in lines
    )
    assert lines.index("PHỤ LỤC I") < lines.index("PHỤ LỤC II")
    assert not any("Họp thôn nghe ý kiến" in line for line in lines)  # the prose task is in no table


def test_tasks_in_prose_only(cli, ward: Path, tmp_path: Path) -> None:
    """No appendix at all: the tasks are stated in the body, tasks.yaml only tracks them."""
    (ward / "tasks.yaml").write_text(
        "tasks:\n  - id: T01\n    section: hop-thon\n    text: Họp thôn nghe ý kiến người dân\n"
        "    deadline: Hằng quý\n    lead: cac-thon\n",
        encoding="utf-8",
    )
    shutil.rmtree(ward / "progress")
    found = findings(cli, ward, "2026-05-01")
    assert [f["code"] for f in found] == ["W407"]  # the amendment is no longer cited by a retirement
    rows = rows_of(cli, ward, 2026, "2026-05-01")
    assert [r["label"] for r in rows["T01"]] == ["quý I/2026", "quý II/2026", "quý III/2026", "quý IV/2026"]
    assert cli("render", "plan", str(ward), "-o", str(tmp_path / "k.docx")).exit_code == 0
    ctx = plan_context(load_ward(ward).checked())
    assert ctx["appendices"] == [] and ctx["appendix"]["rows"] == []
