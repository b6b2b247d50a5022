"""What the yearly documents say (issue 15, content): addressees, the year-end report's lines,
the self-assessment's request, anachronistic documents, recipients, placeholders."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

from conftest import edit
from ctt_cli.render.docx_text import docx_lines


def render(cli, ward: Path, out: Path, *args: str):
    return cli("render", *args, str(ward), "-o", str(out))


def text_of(path: Path) -> str:
    return "\n".join(docx_lines(path))


def test_year_end_report_lines(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    result = render(cli, ward_dir, out, "report", "-y", "2026", "--as-of", "2026-12-15")
    assert result.exit_code == 0, result.output
    text = text_of(out)
    # no "….: Chưa đến hạn": the task's own full stop is not kept before the colon
    assert not re.search(r"[.;:…]: ", text)
    assert "Chưa đến hạn" not in text  # a December report closes the year
    line = next(x for x in text.splitlines() if x.startswith("- Báo cáo kết quả triển khai"))
    assert "Thực hiện tại Báo cáo này" in line and "Chưa hoàn thành" not in line
    # the plan's deadline as written; ctt's due date beside it only where it differs
    rows = {r.cells[0].text: r for r in Document(str(out)).tables[2].rows}
    assert rows["3"].cells[2].text == "Trước ngày 15/02 (hạn tính: 13/02/2026)"
    assert rows["5"].cells[2].text == "Trước ngày 15/11 hằng năm (hạn tính: 13/11/2026)"
    # a working note of the progress file stays out of the appendix
    assert "Chưa có dữ liệu về văn bản đăng ký" not in text
    assert "Kế hoạch số 43/KH-UBND ngày 30/01/2026" in rows["3"].cells[6].text


def test_report_before_december_still_says_not_due(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    assert render(cli, ward_dir, out, "report", "-y", "2026", "--as-of", "2026-10-01").exit_code == 0
    assert "Chưa đến hạn" in text_of(out)


def test_deadline_matching_the_due_day_is_shown_alone(cli, ward_dir: Path, tmp_path: Path) -> None:
    edit(ward_dir / "tasks.yaml", "deadline: Trước ngày 15/11 hằng năm", "deadline: Ngày 13/11 hằng năm")
    out = tmp_path / "r.docx"
    assert render(cli, ward_dir, out, "report", "-y", "2026", "--as-of", "2026-12-15").exit_code == 0
    rows = {r.cells[0].text: r for r in Document(str(out)).tables[2].rows}
    assert rows["5"].cells[2].text == "Ngày 13/11 hằng năm"


def test_addressees_follow_the_plan(cli, ward_dir: Path, tmp_path: Path) -> None:
    a, r, d = tmp_path / "a.docx", tmp_path / "r.docx", tmp_path / "d.docx"
    assert render(cli, ward_dir, a, "assessment", "-y", "2026").exit_code == 0
    assert render(cli, ward_dir, r, "report", "-y", "2026", "--as-of", "2026-12-15").exit_code == 0
    assert render(cli, ward_dir, d, "registration", "-y", "2027").exit_code == 0
    assessment = text_of(a)
    # task 5: "gửi báo cáo về Ủy ban nhân dân thành phố (qua Sở Nội vụ)"; the body agrees
    assert "Kính gửi: Ủy ban nhân dân thành phố (qua Sở Nội vụ)" in assessment
    assert "kính đề nghị Ủy ban nhân dân thành phố (qua Sở Nội vụ) thẩm định" in assessment
    # it names the level it asks for: the level reached (the registered one beside it)
    assert "công nhận phường đạt chuẩn “Chính quyền thân thiện” Mức độ 3" in assessment
    # task 3: "gửi về Sở Nội vụ": the registry's full name
    assert "Kính gửi: Sở Nội vụ thành phố Hải Phòng" in text_of(d)
    # the report has no such words: the issuer's parent unit
    assert "Kính gửi: Ủy ban nhân dân thành phố Hải Phòng" in text_of(r)
    for path in (a, r, d):
        recipients = [x for x in text_of(path).splitlines() if x.startswith("Nơi nhận:")][0]
        assert "- Như trên;" in recipients and recipients.split(" | ")[0].endswith("- Lưu: VT, VHXH.")


def test_kinh_gui_of_the_year_file_wins(cli, ward_dir: Path, tmp_path: Path) -> None:
    edit(ward_dir / "reports" / "2026.yaml", "year: 2026\n", "year: 2026\nkinh_gui: [Sở Nội vụ thành phố Hải Phòng]\n")
    out = tmp_path / "a.docx"
    assert render(cli, ward_dir, out, "assessment", "-y", "2026").exit_code == 0
    text = text_of(out)
    assert "Kính gửi: Sở Nội vụ thành phố Hải Phòng" in text
    assert "kính đề nghị Sở Nội vụ thành phố Hải Phòng thẩm định" in text


def test_no_nhu_tren_without_kinh_gui(ward_dir: Path) -> None:
    from ctt_cli.render.addressing import recipients

    assert recipients(None, "plan", ["Như trên", "Lưu: VT"], []) == ["Lưu: VT"]  # type: ignore[arg-type]
    assert recipients(None, "plan", ["Như trên;", "Lưu: VT"], ["Kính gửi: Sở Nội vụ"]) == ["Như trên;", "Lưu: VT"]  # type: ignore[arg-type]


def test_assessment_without_scores_is_refused(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.docx"
    result = render(cli, ward_dir, out, "assessment", "-y", "2027")
    assert result.exit_code == 1
    assert "chưa có kết quả tự chấm điểm năm 2027" in result.output
    assert not out.exists()


def test_unscored_criterion_is_not_a_deduction(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.docx"
    assert render(cli, ward_dir, out, "assessment", "-y", "2026").exit_code == 0
    text = text_of(out)
    deductions = text.split("GIẢI TRÌNH CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM")[1].split("III.")[0]
    assert "Tiêu chí 5.2" not in deductions and "chưa chấm" not in deductions.split("[")[0]
    assert "[Chưa chấm các tiêu chí: 5.2 (scores/2026.yaml)]" in text


def test_anachronistic_documents(cli, ward_dir: Path, tmp_path: Path, monkeypatch) -> None:
    result = render(cli, ward_dir, tmp_path / "d.docx", "registration", "-y", "2026")
    assert result.exit_code == 1 and "trước khi kế hoạch giai đoạn được ban hành" in result.output
    result = cli("render", "review", str(ward_dir), "--from", "2026", "--to", "2026")
    assert result.exit_code == 2 and "ít nhất hai năm" in result.output
    monkeypatch.chdir(tmp_path)
    result = cli("render", "all", str(ward_dir), "--year", "2026", "--as-of", "2026-12-20")
    assert result.exit_code == 0, result.output
    assert "không xuất Công văn đăng ký mức đạt chuẩn: văn bản đăng ký năm 2026 hạn 13/02/2026" in result.output
    made = sorted(p.name for p in (tmp_path / "build" / "le-thanh-nghi").iterdir())
    assert "ke-hoach-nam-2026.docx" not in made
    assert "dang-ky-2026.docx" not in made and "bao-cao-2026.docx" in made and "tu-danh-gia-2026.docx" in made


def test_placeholders_name_the_file_and_warn(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    result = render(cli, ward_dir, out, "report", "-y", "2026", "--as-of", "2026-12-15")
    assert "cảnh báo:" in result.output and "chỗ cần bổ sung" in result.output and "MINH HỌA" in result.output
    doc = Document(str(out))
    held = [p for p in doc.paragraphs if p.text.startswith("[")]
    assert held and all("(reports/2026.yaml)" in p.text or "scores/" in p.text for p in held)
    assert "NĂM.yaml" not in text_of(out)
    assert all(r.italic for p in held for r in p.runs if r.text.strip())


def test_filled_report_has_no_placeholder_warning(cli, ward_dir: Path, tmp_path: Path) -> None:
    report = ward_dir / "reports" / "2026.yaml"
    text = report.read_text(encoding="utf-8")
    for key in ("direction", "achievements", "shortcomings", "causes", "next_year", "proposals"):
        text = text.replace(f"{key}: []", f"{key}:\n  - Đoạn {key} do văn phòng viết.")
    report.write_text(text, encoding="utf-8")
    out = tmp_path / "r.docx"
    result = render(cli, ward_dir, out, "report", "-y", "2026", "--as-of", "2026-12-15")
    assert result.exit_code == 0
    assert "chỗ cần bổ sung" not in result.output and "MINH HỌA" in result.output  # scores still illustrative
    assert "Đoạn achievements do văn phòng viết." in text_of(out)


def test_note_marked_for_the_report_is_shown(cli, ward_dir: Path, tmp_path: Path) -> None:
    progress = ward_dir / "progress" / "2026.yaml"
    edit(progress, "    reported_by: Trích", "    note_in_report: true\n    reported_by: Trích")
    out = tmp_path / "r.docx"
    assert render(cli, ward_dir, out, "report", "-y", "2026", "--as-of", "2026-12-15").exit_code == 0
    rows = {r.cells[0].text: r for r in Document(str(out)).tables[2].rows}
    assert "Chưa có dữ liệu về văn bản đăng ký" in rows["3"].cells[6].text
