"""`ctt record`: progress written by command, checked through the pipeline before writing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import edit


def _records(ward_dir: Path, year: int = 2026) -> list[dict]:
    return yaml.safe_load((ward_dir / "progress" / f"{year}.yaml").read_text(encoding="utf-8"))["records"]


@pytest.mark.parametrize("state", ["hoàn thành", "HOÀN THÀNH", "Hoan thanh", "  hoàn   Thành "])
def test_record_done_any_spelling(cli, ward_dir: Path, state: str) -> None:
    path = ward_dir / "progress" / "2026.yaml"
    head = path.read_text(encoding="utf-8").split("year:")[0]
    result = cli(
        "record",
        "t05",
        str(ward_dir),
        "--year",
        "2026",
        "--state",
        state,
        "--date",
        "13/11/2026",
        "--evidence",
        "120/BC-UBND ngày 13/11/2026",
        "--evidence",
        "Ảnh chụp hội nghị",
        "--by",
        "Phòng VH-XH",
    )
    assert result.exit_code == 0, result.output
    assert "T05: state — → hoàn thành" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith(head) and "# state: chưa thực hiện | đang thực hiện" in text  # comments kept
    t05 = [r for r in _records(ward_dir) if r["task"] == "T05"]
    assert len(t05) == 1 and str(t05[0]["completed"]) == "2026-11-13"
    assert t05[0]["evidence"] == [{"ref": "120/BC-UBND ngày 13/11/2026"}, {"text": "Ảnh chụp hội nghị"}]
    assert t05[0]["reported_by"] == "Phòng VH-XH"
    assert _records(ward_dir)[0]["task"] == "T03"  # the other records untouched
    assert cli("validate", str(ward_dir)).exit_code == 0


def test_update_then_skip_needs_reason(cli, ward_dir: Path) -> None:
    assert (
        cli(
            "record", "T05", str(ward_dir), "-y", "2026", "--state", "dang thuc hien", "--note", "Đang tổng hợp số liệu"
        ).exit_code
        == 0
    )
    path = ward_dir / "progress" / "2026.yaml"
    before = path.read_bytes()
    refused = cli("record", "T05", str(ward_dir), "-y", "2026", "--state", "Không thực hiện")
    assert refused.exit_code == 1 and "cần ghi lý do" in refused.stderr
    assert path.read_bytes() == before
    ok = cli(
        "record",
        "T05",
        str(ward_dir),
        "-y",
        "2026",
        "--state",
        "khong thuc hien",
        "--reason",
        "Thành phố lùi thời hạn chấm điểm",
    )
    assert ok.exit_code == 0, ok.output
    t05 = [r for r in _records(ward_dir) if r["task"] == "T05"]
    assert len(t05) == 1
    assert t05[0]["state"] == "không thực hiện" and t05[0]["reason"] == "Thành phố lùi thời hạn chấm điểm"
    assert t05[0]["note"] == "Đang tổng hợp số liệu"


def test_done_without_date_is_refused_by_the_checks(cli, ward_dir: Path) -> None:
    path = ward_dir / "progress" / "2026.yaml"
    before = path.read_bytes()
    result = cli("record", "T05", str(ward_dir), "-y", "2026", "--state", "hoàn thành")
    assert result.exit_code == 1
    assert "E601" in result.stderr and "không ghi gì" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "args, message",
    [
        (["--state", "xong rồi"], "trạng thái 'xong rồi' không hợp lệ"),
        (["--state", "đang thực hiện", "--date", "13/11/2026"], "chỉ dùng với --state"),
        (["--state", "hoàn thành", "--date", "13/11/2024"], "không thuộc năm 2026"),
        (["--state", "hoàn thành", "--date", "31/02/2026"], "không phải ngày"),
    ],
)
def test_refusals(cli, ward_dir: Path, args, message) -> None:
    path = ward_dir / "progress" / "2026.yaml"
    before = path.read_bytes()
    result = cli("record", "T05", str(ward_dir), "-y", "2026", *args)
    assert result.exit_code in (1, 2) and message in result.output
    assert path.read_bytes() == before


def test_unknown_task(cli, ward_dir: Path) -> None:
    result = cli("record", "T99", str(ward_dir), "-y", "2026", "--state", "hoàn thành")
    assert result.exit_code == 1 and "T99" in result.stderr


def test_occurrence_required_when_several(cli, ward_dir: Path) -> None:
    # a quarterly task: the office has such tasks ("Hằng quý"); make T05 one for this test
    edit(ward_dir / "tasks.yaml", "deadline: Trước ngày 15/11 hằng năm", "deadline: Hằng quý")
    result = cli("record", "T05", str(ward_dir), "-y", "2026", "--state", "đang thực hiện")
    assert result.exit_code == 1 and "--occurrence" in result.stderr and "2026-Q3" in result.stderr
    bad = cli("record", "T05", str(ward_dir), "-y", "2026", "--state", "đang thực hiện", "--occurrence", "2026-Q5")
    assert bad.exit_code == 1 and "không có kỳ '2026-Q5'" in bad.stderr
    ok = cli(
        "record",
        "T05",
        str(ward_dir),
        "-y",
        "2026",
        "--state",
        "hoàn thành",
        "--date",
        "30/09/2026",
        "--occurrence",
        "2026-Q3",
    )
    assert ok.exit_code == 0, ok.output
    t05 = [r for r in _records(ward_dir) if r["task"] == "T05"]
    assert t05 == [{"task": "T05", "occurrence": "2026-Q3", "state": "hoàn thành", "completed": t05[0]["completed"]}]


def test_new_progress_file(cli, ward_dir: Path) -> None:
    (ward_dir / "progress" / "2026.yaml").unlink()
    result = cli("record", "T05", str(ward_dir), "-y", "2026", "--state", "đang thực hiện")
    assert result.exit_code == 0, result.output
    assert _records(ward_dir) == [{"task": "T05", "state": "đang thực hiện"}]


def test_citation_evidence_goes_to_the_registry(cli, ward_dir: Path) -> None:
    docs = ward_dir / "documents.yaml"
    before = docs.read_text(encoding="utf-8")
    result = cli(
        "record",
        "T05",
        str(ward_dir),
        "-y",
        "2026",
        "--state",
        "hoàn thành",
        "--date",
        "13/11/2026",
        "--evidence",
        "Báo cáo số 120/BC-UBND ngày 13/11/2026",
        "--evidence",
        "số 43/KH-UBND ngày 30/01/2026",
        "--yes",
    )
    assert result.exit_code == 0, result.output
    t05 = next(r for r in _records(ward_dir) if r["task"] == "T05")
    assert t05["evidence"] == [{"document": "bc-120-2026"}, {"document": "kh-43"}]  # kh-43 was already there
    registry = yaml.safe_load(docs.read_text(encoding="utf-8"))["documents"]
    assert registry[-1] == {
        "id": "bc-120-2026",
        "kind": "Báo cáo",
        "number": "120/BC-UBND",
        "date": __import__("datetime").date(2026, 11, 13),
    }
    assert docs.read_text(encoding="utf-8").startswith(before.split("documents:")[0])  # comments kept
    assert cli("validate", str(ward_dir)).exit_code == 0


def test_registry_untouched_when_the_record_is_refused(cli, ward_dir: Path) -> None:
    docs = ward_dir / "documents.yaml"
    before = docs.read_bytes()
    result = cli(
        "record",
        "T05",
        str(ward_dir),
        "-y",
        "2026",
        "--state",
        "hoàn thành",  # no date: E601
        "--evidence",
        "120/BC-UBND ngày 13/11/2026",
        "--yes",
    )
    assert result.exit_code == 1 and docs.read_bytes() == before
