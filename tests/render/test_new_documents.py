"""The yearly plan (render year-plan), the per-year review, every appendix of a plan and the
Party's header (issue 15)."""

from __future__ import annotations

import shutil
from pathlib import Path

from docx import Document

from conftest import ROOT, edit
from ctt_cli.render.docx_text import docx_lines

MINH_TAN = ROOT / "tests" / "data" / "wards" / "minh-tan"


def lines(path: Path) -> list[str]:
    return docx_lines(path)


def test_year_plan(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "y.docx"
    result = cli("render", "year-plan", "-y", "2028", str(ward_dir), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = "\n".join(lines(out))
    assert "KẾ HOẠCH" in text and "đăng ký mức đạt chuẩn năm 2028" in text
    assert "Đăng ký mức đạt chuẩn “Chính quyền thân thiện” năm 2028: Mức độ 4." in text
    assert "Kính gửi" not in text and "Như trên" not in text  # a plan is issued, not addressed
    table = Document(str(out)).tables[2]
    rows = {r.cells[1].text[:40]: [c.text for c in r.cells] for r in table.rows[1:]}
    # the tasks of 2028: not the review (2027 and 2030 only)
    assert not any(k.startswith("Sơ kết") for k in rows)
    assessment = next(v for k, v in rows.items() if k.startswith("Tham mưu báo cáo tự đánh giá"))
    assert assessment[2] == "Trước ngày 15/11 hằng năm"  # as the plan wrote it
    assert assessment[3] == "14/11/2028"  # ctt's due date: before 15/11, a Tuesday
    assert assessment[4] == "Phòng Văn hóa - Xã hội"
    assert "- Lưu: VT, VHXH." in text


def test_year_plan_follows_the_tasks(cli, ward_dir: Path, tmp_path: Path) -> None:
    edit(ward_dir / "tasks.yaml", "deadline: Năm 2027 và năm 2030", "deadline: Năm 2027, năm 2028 và năm 2030")
    out = tmp_path / "y.docx"
    assert cli("render", "year-plan", "-y", "2028", str(ward_dir), "-o", str(out)).exit_code == 0
    assert any(r.cells[1].text.startswith("Sơ kết") for r in Document(str(out)).tables[2].rows)


def test_year_plan_before_the_plan_is_refused(cli, ward_dir: Path, tmp_path: Path) -> None:
    result = cli("render", "year-plan", "-y", "2026", str(ward_dir), "-o", str(tmp_path / "y.docx"))
    assert result.exit_code == 1 and "kế hoạch năm 2026 hạn 13/02/2026" in result.output


def test_review_per_year(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.docx"
    args = ["render", "review", "--from", "2026", "--to", "2027", "--as-of", "2027-12-20", str(ward_dir)]
    assert cli(*args, "-o", str(out)).exit_code == 0
    text = "\n".join(lines(out))
    assert "1. Năm 2026" in text and "2. Năm 2027" in text
    assert "- 8 nhiệm vụ trong năm: 1 hoàn thành đúng hạn, 0 hoàn thành muộn, 7 chưa hoàn thành." in text
    assert "Mức độ 3 (mục tiêu Mức độ 4; chưa đạt mục tiêu)" in text
    doc = Document(str(out))
    summary, y2026, y2027 = doc.tables[2], doc.tables[3], doc.tables[4]
    assert [c.text for c in summary.rows[1].cells] == [
        "2026",
        "1",
        "0",
        "7",
        "88",
        "Mức độ 3 (mục tiêu: 4)",
        "minh họa",
    ]
    assert len(y2026.rows) == 1 + 8 and len(y2027.rows) == 1 + 9
    assert y2027.rows[-1].cells[4].text == "Thực hiện tại Báo cáo này"  # the review is its own task
    # a task recorded done late counts as late
    progress = ward_dir / "progress" / "2026.yaml"
    progress.write_text(
        progress.read_text(encoding="utf-8") + "  - task: T05\n    state: hoàn thành\n    completed: 2026-11-20\n",
        encoding="utf-8",
    )
    assert cli(*args, "-o", str(out)).exit_code == 0
    assert [c.text for c in Document(str(out)).tables[2].rows[1].cells][1:4] == ["1", "1", "6"]


def test_review_uses_the_years_narrative(cli, ward_dir: Path, tmp_path: Path) -> None:
    edit(ward_dir / "reports" / "2026.yaml", "achievements: []", "achievements:\n  - Đã treo pano tại trụ sở.")
    out = tmp_path / "s.docx"
    args = ["render", "review", "--from", "2026", "--to", "2027", "--as-of", "2027-12-20", str(ward_dir)]
    assert cli(*args, "-o", str(out)).exit_code == 0
    text = "\n".join(lines(out))
    assert text.index("Đã treo pano tại trụ sở.") < text.index("2. Năm 2027")


def test_every_appendix_of_the_plan(cli, tmp_path: Path) -> None:
    ward = tmp_path / "minh-tan"
    shutil.copytree(MINH_TAN, ward)
    out = tmp_path / "p.docx"
    assert cli("render", "plan", str(ward), "-o", str(out)).exit_code == 0
    text = lines(out)
    assert "Phụ lục I" in text and "Phụ lục II" in text and "Phụ lục" not in text
    assert "NHIỆM VỤ TRỌNG TÂM XÂY DỰNG “CHÍNH QUYỀN THÂN THIỆN”" in text
    assert "NHIỆM VỤ CẢI THIỆN NƠI TIẾP DÂN" in text
    tables = Document(str(out)).tables[2:]
    assert len(tables) == 2
    first = tables[0]
    assert [c.text for c in first.rows[0].cells][2] == "Kết quả/Sản phẩm đầu ra"
    group = first.rows[1]
    assert group.cells[1].text == "Nhóm nhiệm vụ tuyên truyền" and group.cells[1].paragraphs[0].runs[0].bold
    assert any(r.cells[6].text == "Ngân sách xã" for r in first.rows)


def test_one_appendix_keeps_five_columns(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.docx"
    assert cli("render", "plan", str(ward_dir), "-o", str(out)).exit_code == 0
    table = Document(str(out)).tables[2]
    assert len(table.columns) == 5 and "Phụ lục" in lines(out)


def test_party_plan_header(cli, tmp_path: Path) -> None:
    ward = tmp_path / "plans" / "cat-hai"
    made = cli("init", str(ward), "--ward", "Đặc khu Cát Hải", "--issuer", "dang-uy", "--year", "2026")
    assert made.exit_code == 0, made.output
    out = tmp_path / "p.docx"
    assert cli("render", "plan", str(ward), "-o", str(out)).exit_code == 0
    head = lines(out)[0]
    assert head.endswith("| ĐẢNG CỘNG SẢN VIỆT NAM")
    text = "\n".join(lines(out))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text and "Độc lập - Tự do - Hạnh phúc" not in text
    plan_yaml = (ward / "plan.yaml").read_text(encoding="utf-8")
    authority = plan_yaml.split("authority:", 1)[1].split("\n", 1)[0].strip()
    assert authority and authority in text  # the signature's authority as the data gives it
    state = tmp_path / "s.docx"
    assert cli("render", "plan", str(MINH_TAN), "-o", str(state)).exit_code == 0
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines(state)[0]
