"""`ctt diff` reads as a reviewer's sentences: no Python reprs, no non-changes, over several
kinds of edits an office makes (git repositories in tmp_path)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_diff import (
    git,
    messages,
    repo,  # noqa: F401  (the fixture: the shipped ward in a git repository)
)

from conftest import edit

WARD = Path("plans/le-thanh-nghi")
REPR = re.compile(r"[{}]|\bNone\b|\[['\"\d{]|\bTrue\b|\bFalse\b|'\(trống\)' →|: \(trống\)$")
SAME = re.compile(r"'([^']*)' → '\1'(?!\S)|(?<![\w'])([^\s;]+) → \2(?=$|[;)]|\s|\.$)")


def clean(lines: list[str]) -> list[str]:
    """The lines that read like a program, not a person (the test's own oracle)."""
    return [m for m in lines if REPR.search(m) or SAME.search(m)]


def test_oracle_catches_reprs() -> None:
    bad = [
        "Tiến độ 2026: chứng cứ '(trống)' → '{'Biên bản': {'document': None}}'",
        "Thêm progress/2027: {'year': 2027, 'records': []}",
        "Tổng điểm 2026: 88 → 90; mức độ đạt được: 4 → 4",
        "Đơn vị x: tên ['a', 'b']",
    ]
    assert clean(bad) == bad
    assert clean(["Nhiệm vụ 5: thời gian 'A' → 'B' (hạn 2026: 13/11 → 27/11)", "Tổng điểm 2026: 88 → 88,5"]) == []


def progress_2027(n: int) -> str:
    records = "".join(f"  - task: T{i:02d}\n    state: chưa thực hiện\n" for i in range(1, n + 1))
    return f"year: 2027\nrecords:\n{records}"


@pytest.mark.usefixtures("repo")
def test_scenarios_read_as_sentences(cli) -> None:
    progress = WARD / "progress" / "2026.yaml"
    # 1. evidence given to a record that had none, as free text and as a registry document
    text = progress.read_text(encoding="utf-8")
    progress.write_text(
        text
        + "  - task: T05\n    state: hoàn thành\n    completed: 2026-11-10\n    evidence:\n"
        + "      - text: Biên bản kiểm tra ngày 24/11/2026\n      - document: kh-43\n",
        encoding="utf-8",
    )
    got = messages(cli)
    assert any("tiêu chí" not in m and "Biên bản kiểm tra ngày 24/11/2026" in m for m in got), got
    assert "Kế hoạch số 43/KH-UBND ngày 30/01/2026" in " ".join(got)
    assert clean(got) == [], got
    commit_all("evidence")
    # 2. more evidence on an existing record, then a state change
    edit(progress, "      - document: kh-43\n", "      - document: kh-43\n      - ref: 12/BC-UBND ngày 20/11/2026\n")
    got = messages(cli)
    assert any("thêm chứng cứ: 12/BC-UBND ngày 20/11/2026" in m for m in got), got
    assert clean(got) == [], got
    commit_all("more evidence")
    # 3. a new year's progress file with ten periods, none done
    (WARD / "progress" / "2027.yaml").write_text(progress_2027(10), encoding="utf-8")
    got = messages(cli)
    assert "Tạo tiến độ năm 2027 (10 kỳ, chưa thực hiện)" in got, got
    assert clean(got) == [], got
    commit_all("progress 2027")
    # 4. a unit added to the registry and to a task's partners
    units = WARD / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8")
        + "\n  - id: cong-an-phuong\n    name: Công an phường Lê Thanh Nghị\n    short_name: Công an phường\n"
        + "    kind: chinh-quyen\n",
        encoding="utf-8",
    )
    edit(WARD / "tasks.yaml", "    lead: phong-kthtdt\n", "    lead: phong-kthtdt\n    partners: [cong-an-phuong]\n")
    got = messages(cli)
    assert any(m.startswith("Thêm đơn vị cong-an-phuong: Công an phường Lê Thanh Nghị") for m in got), got
    assert "Nhiệm vụ 8: thêm cơ quan phối hợp: Công an phường" in got, got
    assert clean(got) == [], got
    commit_all("unit")
    # 5. a score changed within the same level: the level is not reported as "4 → 4" (nor 3 → 3)
    scores = WARD / "scores" / "2026.yaml"
    edit(scores, "self: 12.5", "self: 13")
    got = messages(cli)
    assert "Điểm 2026, tiêu chí 4.1: điểm tự chấm '12,5' → '13'" in got
    summary = [m for m in got if m.startswith("Tổng điểm")]
    assert summary == ["Tổng điểm 2026: 88 → 88,5"], got
    assert clean(got) == [], got
    commit_all("score")
    # 6. an explanation removed, a criterion marked not applicable, a recipient removed
    edit(scores, "    explanation: (Minh họa) 2 phản ánh xử lý quá hạn.\n", "")
    edit(WARD / "plan.yaml", "  - text: Các Tổ dân phố\n    units: [to-dan-pho]\n", "")
    got = messages(cli)
    assert any("bỏ giải trình: (Minh họa) 2 phản ánh xử lý quá hạn." in m for m in got), got
    assert any(m.startswith("Nơi nhận: bỏ") or "Các Tổ dân phố" in m for m in got), got
    assert clean(got) == [], got
    commit_all("removals")
    # 7. a whole year's progress file removed
    git(Path.cwd(), "rm", "-q", str(WARD / "progress" / "2027.yaml"))
    got = messages(cli, "HEAD")
    assert "Xóa tiến độ năm 2027 (10 kỳ, chưa thực hiện)" in got, got
    assert clean(got) == [], got


def commit_all(message: str) -> None:
    git(Path.cwd(), "add", "-A")
    git(Path.cwd(), "commit", "-qm", message)


def test_value_words() -> None:
    from ctt_cli.diff.phrases import file_words, plain

    assert plain(None) == plain([]) == plain({}) == "(trống)"
    assert plain("2026-11-24") == "24/11/2026"
    assert plain({"Biên bản": {"text": "Biên bản", "document": None, "ref": None}}) == "Biên bản"
    assert plain({"task": "T03", "occurrence": None, "state": "hoàn thành", "completed": "2026-01-30"}) == (
        "nhiệm vụ 3: hoàn thành ngày 30/01/2026"
    )
    assert plain({"criterion": "5.2", "self": None, "not_scored": True}) == "tiêu chí 5.2: chưa chấm"
    assert plain([1.5, 2]) == "1,5, 2"
    records = {
        "records": {
            f"T0{i}@": {"task": f"T0{i}", "state": s} for i, s in enumerate(["hoàn thành"] * 2 + ["chưa thực hiện"], 1)
        }
    }
    assert file_words("progress/2028", records, True) == "Tạo tiến độ năm 2028 (3 kỳ: 2 hoàn thành, 1 chưa thực hiện)"
