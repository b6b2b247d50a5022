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
