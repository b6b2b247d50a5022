"""`ctt diff` on a temporary git repository with a series of commits."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import edit, plans_repo


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    plans_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def commit(repo: Path, message: str) -> None:
    git(repo, "commit", "-qam", message)


def messages(cli, *args: str) -> list[str]:
    result = cli("diff", *args, "--format", "json", "--year", "2026")
    data = json.loads(result.stdout)
    return [c["message"] for w in data["wards"] for c in w["changes"]]


TASKS = Path("plans/le-thanh-nghi/tasks.yaml")
UNITS = Path("plans/le-thanh-nghi/units.yaml")
SCORES = Path("plans/le-thanh-nghi/scores/2026.yaml")


def test_series_of_commits(cli, repo: Path) -> None:
    # 1. a deadline change, with its effect on the 2026 due date
    edit(TASKS, "Trước ngày 15/11 hằng năm", "Trước ngày 30/11 hằng năm")
    assert messages(cli) == [
        "Nhiệm vụ 5: thời gian thực hiện 'Trước ngày 15/11 hằng năm' → "
        "'Trước ngày 30/11 hằng năm' (hạn 2026: 13/11 → 27/11)"
    ]
    commit(repo, "deadline")
    assert messages(cli) == []  # working tree = HEAD
    assert cli("diff", "--exit-code").exit_code == 0
    # 2. a unit renamed in its registry: one change, where the name lives
    edit(UNITS, "name: Phòng Kinh tế, Hạ tầng và Đô thị", "name: Phòng Kinh tế - Hạ tầng và Đô thị")
    commit(repo, "rename")
    assert messages(cli, "HEAD~1", "HEAD") == [
        "Đơn vị phong-kthtdt: tên 'Phòng Kinh tế, Hạ tầng và Đô thị' → 'Phòng Kinh tế - Hạ tầng và Đô thị'"
    ]
    # 3. a task added, and a partner added to another
    text = TASKS.read_text(encoding="utf-8")
    TASKS.write_text(
        text + "\n  - id: T10\n    text: Khảo sát sự hài lòng của người dân\n"
        "    deadline: Quý IV hằng năm\n    lead: phong-vhxh\n",
        encoding="utf-8",
    )
    edit(TASKS, "    lead: phong-kthtdt\n", "    lead: phong-kthtdt\n    partners: [tt-pvhcc]\n")
    commit(repo, "add task")
    got = messages(cli, "HEAD~1..HEAD")
    assert "Nhiệm vụ 8: thêm cơ quan phối hợp: Trung tâm Phục vụ hành chính công" in got
    assert any(m.startswith("Thêm nhiệm vụ 10: 'Khảo sát sự hài lòng") and "Quý IV hằng năm" in m for m in got)
    # 4. a reorder only: nothing, unless asked
    lines = TASKS.read_text(encoding="utf-8")
    t01 = lines.index("  - id: T01")
    t02 = lines.index("  - id: T02")
    t03 = lines.index("  - id: T03")
    TASKS.write_text(lines[:t01] + lines[t02:t03] + lines[t01:t02] + lines[t03:], encoding="utf-8")
    commit(repo, "reorder")
    assert messages(cli, "HEAD~1", "HEAD") == []
    ordered = messages(cli, "HEAD~1", "HEAD", "--order")
    assert len(ordered) == 1 and "thứ tự thay đổi" in ordered[0]
    # 5. a score change, with the level before and after
    edit(SCORES, "  - criterion: '5.2'\n    not_scored: true", "  - criterion: '5.2'\n    self: 5")
    edit(SCORES, "self: 12.5", "self: 14.5")
    commit(repo, "scores")
    got = messages(cli, "HEAD~1..HEAD")
    assert "Điểm 2026, tiêu chí 4.1: điểm tự chấm '12,5' → '14,5'" in got
    assert "Tổng điểm 2026: 88 → 95; mức độ đạt được: 3 → 4" in got


def test_md_and_exit_code(cli, repo: Path) -> None:
    edit(Path("plans/le-thanh-nghi/documents.yaml"), "date: 2025-12-11", "date: 2025-12-12")
    result = cli("diff", "--format", "md")
    assert result.stdout.startswith("### Thay đổi dữ liệu kế hoạch (HEAD → thư mục làm việc)")
    assert "- Văn bản qd-5049: ngày '11/12/2025' → '12/12/2025'" in result.stdout
    assert cli("diff", "--exit-code").exit_code == 1


def test_bad_revision(cli, repo: Path) -> None:
    result = cli("diff", "khong-co-nhanh-nay")
    assert result.exit_code == 1 and "khong-co-nhanh-nay" in result.stderr


def test_broken_file_is_reported_not_crashed(cli, repo: Path) -> None:
    TASKS.write_text("tasks: [\n", encoding="utf-8")
    result = cli("diff")
    assert "lỗi dữ liệu" in result.stdout and "Bỏ" not in result.stdout


def test_outside_a_repository(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = cli("diff")
    assert result.exit_code == 1 and "không nằm trong một kho git" in result.stderr
