"""Rendered documents inspected with python-docx: layout per NĐ 30, text fidelity, safety, reproducibility."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from conftest import ROOT, SEED, SHIPPED, edit, norm, strip_number
from ctt_cli.render.docx_text import docx_lines


@pytest.fixture(scope="module")
def plan_docx(tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    from ctt_cli.app import app

    out = tmp_path_factory.mktemp("render") / "ke-hoach.docx"
    result = CliRunner().invoke(app, ["render", "plan", str(SHIPPED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def mm(length) -> float:
    return round(length / Mm(1), 1)


def test_page_setup(plan_docx: Path) -> None:
    doc = Document(str(plan_docx))
    first, appendix = doc.sections
    assert (mm(first.page_width), mm(first.page_height)) == (210, 297)
    assert 20 <= mm(first.top_margin) <= 25 and 20 <= mm(first.bottom_margin) <= 25
    assert 30 <= mm(first.left_margin) <= 35 and 15 <= mm(first.right_margin) <= 20
    assert (mm(appendix.page_width), mm(appendix.page_height)) == (297, 210)
    assert appendix.orientation == 1  # landscape
    assert first.different_first_page_header_footer  # no page number on page 1
    assert any(el.get(qn("w:instr")) == "PAGE" for el in first.header._element.iter(qn("w:fldSimple")))
    assert not list(first.first_page_header._element.iter(qn("w:fldSimple")))


def test_fonts(plan_docx: Path) -> None:
    doc = Document(str(plan_docx))
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(s)) for s in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"Times New Roman"}
    runs = {p.text: p.runs[0] for p in doc.paragraphs if p.runs and p.text.strip()}
    title = runs["KẾ HOẠCH"]
    assert title.bold and title.font.size == Pt(14)
    basis = next(r for t, r in runs.items() if t.startswith("Căn cứ Quyết định"))
    assert basis.italic
    body = next(p for p in doc.paragraphs if p.text.startswith("a) Tổ chức"))
    assert body.alignment == 3 and round(body.paragraph_format.first_line_indent.cm, 2) == 1.27
    assert body.paragraph_format.space_after >= Pt(6)
    heading = next(p for p in doc.paragraphs if p.text == "I. MỤC ĐÍCH, YÊU CẦU")
    assert heading.runs[0].bold


def test_header_and_closing_blocks(plan_docx: Path) -> None:
    doc = Document(str(plan_docx))
    header = doc.tables[0]
    widths = [int(c.get(qn("w:w"))) for c in header._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths[0] < widths[1] and sum(widths) == pytest.approx(165 / 25.4 * 1440, rel=0.01)
    left = [p.text for p in header.rows[0].cells[0].paragraphs if p.text]
    assert left == ["ỦY BAN NHÂN DÂN", "PHƯỜNG LÊ THANH NGHỊ"]
    assert all(p.runs[0].bold for p in header.rows[0].cells[0].paragraphs if p.text)
    number = header.rows[1].cells[0].paragraphs[0]
    assert number.text == "Số:     /KH-UBND"
    date = header.rows[1].cells[1].paragraphs[0]
    assert date.text == "P. Lê Thanh Nghị, ngày     tháng     năm 2026" and date.runs[0].italic
    closing = doc.tables[1]
    noi_nhan = closing.rows[0].cells[0].paragraphs
    assert noi_nhan[0].text == "Nơi nhận:" and noi_nhan[0].runs[0].font.size == Pt(12)
    assert noi_nhan[0].runs[0].bold and noi_nhan[0].runs[0].italic
    assert [p.runs[0].font.size for p in noi_nhan[1:]] == [Pt(11)] * 7
    assert noi_nhan[-1].text == "- Lưu: VT."
    sign = [p.text for p in closing.rows[0].cells[1].paragraphs if p.text]
    assert sign == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Hữu Phúc"]


def test_appendix_table(plan_docx: Path) -> None:
    doc = Document(str(plan_docx))
    table = doc.tables[2]
    assert len(table.rows) == 10  # header + 9 tasks
    assert [c.text for c in table.rows[0].cells] == [
        "STT",
        "Nhiệm vụ cụ thể",
        "Thời gian thực hiện",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [table.rows[i].cells[2].text for i in (5, 9)] == ["Trước ngày 15/11 hằng năm", "Năm 2027 và năm 2030"]


def test_every_seed_paragraph_is_in_the_document(plan_docx: Path) -> None:
    lines = {strip_number(norm(line)) for line in docx_lines(plan_docx)}
    # NĐ 30 sets the seed's "PHỤ LỤC NHIỆM VỤ CỤ THỂ" as a "Phụ lục" line and the title under it
    doc_lines = docx_lines(plan_docx)
    lines |= {f"{a.upper()} {b}" for a, b in zip(doc_lines, doc_lines[1:]) if a == "Phụ lục"}
    cells = {norm(c) for line in docx_lines(plan_docx) for c in line.split(" | ")}
    lines |= {strip_number(norm(part)) for c in cells for part in c.split(" / ")}
    missing = []
    for raw in SEED.read_text(encoding="utf-8").split("\n"):
        if "\t" in raw:
            if not all(norm(c) in cells for c in raw.split("\t") if c.strip()):
                missing.append(raw)
        elif raw.strip() and strip_number(norm(raw)) not in lines:
            missing.append(raw)
    assert missing == []
    numbers = [line.split(".")[0] for line in docx_lines(plan_docx) if re.match(r"^[IVX]+\. [A-ZĐ]", line)]
    assert numbers == ["I", "II", "III", "IV", "V"]


def render_to(cli, ward: Path, out: Path, *args: str):
    return cli("render", "plan", str(ward), "-o", str(out), *args)


def test_reproducible(cli, tmp_path: Path) -> None:
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    render_to(cli, SHIPPED, a)
    render_to(cli, SHIPPED, b)
    assert a.read_bytes() == b.read_bytes()
    props = Document(str(a)).core_properties
    assert props.author == "Phường Lê Thanh Nghị" and "python-docx" not in (props.comments + props.author)
    assert props.created.year == 2026 and props.created.month == 1
    import zipfile

    with zipfile.ZipFile(a) as z:
        assert b"<Application>ctt</Application>" in z.read("docProps/app.xml")
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"


def test_special_characters_exact(cli, ward_dir: Path, tmp_path: Path) -> None:
    special = 'Phòng "A" & <B> > C'
    edit(
        ward_dir / "tasks.yaml",
        "text: Tổ chức thực hiện các tiêu chí của mô hình Chính quyền thân thiện tại phường, bảo đảm đúng quy định",
        f"text: '{special} tiêu chí'",
    )
    edit(ward_dir / "plan.yaml", "name: Nguyễn Hữu Phúc", "name: 'A & B <C>'")
    out = tmp_path / "k.docx"
    assert render_to(cli, ward_dir, out).exit_code == 0
    text = "\n".join(docx_lines(out))
    assert f"{special} tiêu chí" in text and "A & B <C>" in text


def test_issued_number_and_date(cli, ward_dir: Path, tmp_path: Path) -> None:
    edit(ward_dir / "plan.yaml", "  number:\n  date:\n", "  number: 5\n  date: 2026-02-03\n")
    out = tmp_path / "k.docx"
    assert render_to(cli, ward_dir, out).exit_code == 0
    lines = docx_lines(out)
    assert any(line.startswith("Số: 05/KH-UBND") for line in lines)
    assert any("ngày 03 tháng 02 năm 2026" in line for line in lines)
    assert any("(Kèm theo Kế hoạch số: 05/KH-UBND ngày 03 tháng 02 năm 2026" in line for line in lines)


def bad_template(tmp_path: Path, old: str, new: str) -> Path:
    import zipfile

    src = ROOT / "templates" / "ke-hoach.docx"
    out = tmp_path / "bad.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(old.encode(), new.encode(), 1)
            zout.writestr(item, data)
    return out


def test_template_with_unknown_variable(cli, tmp_path: Path) -> None:
    bad = bad_template(tmp_path, "{{ closing }}", "{{ closing_text }}")
    result = cli("templates", "check", str(SHIPPED), "--template", str(bad), "--kind", "plan")
    assert result.exit_code == 1 and "bad.docx" in result.stderr and "closing_text" in result.stderr
    out = tmp_path / "k.docx"
    result = render_to(cli, SHIPPED, out, "--template", str(bad))
    assert result.exit_code == 1 and "closing_text" in result.stderr and not out.exists()


def test_template_with_bad_attribute_and_syntax(cli, tmp_path: Path) -> None:
    bad = bad_template(tmp_path, "{{ signature.name }}", "{{ signature.nme }}")
    result = cli("templates", "check", str(SHIPPED), "--template", str(bad), "--kind", "plan")
    assert result.exit_code == 1 and "nme" in result.stderr
    broken = bad_template(tmp_path, "{{ closing }}", "{{ closing ")
    result = cli("templates", "check", str(SHIPPED), "--template", str(broken), "--kind", "plan")
    assert result.exit_code == 1 and "bad.docx" in result.stderr


def test_templates_check_all(cli) -> None:
    result = cli("templates", "check", str(SHIPPED))
    assert result.exit_code == 0 and result.stderr.count("tốt") == len(list((ROOT / "templates").glob("*.docx")))


def test_failed_render_keeps_existing_file(cli, tmp_path: Path) -> None:
    out = tmp_path / "k.docx"
    out.write_bytes(b"old")
    bad = bad_template(tmp_path, "{{ closing }}", "{{ nope }}")
    assert render_to(cli, SHIPPED, out, "--template", str(bad)).exit_code == 1
    assert out.read_bytes() == b"old"


def test_yearly_documents(cli, tmp_path: Path) -> None:
    report = tmp_path / "r.docx"
    assert (
        cli("render", "report", str(SHIPPED), "-y", "2026", "--as-of", "2026-12-15", "-o", str(report)).exit_code == 0
    )
    text = "\n".join(docx_lines(report))
    assert "BÁO CÁO" in text and "DỮ LIỆU MINH HỌA" in text
    assert "Hoàn thành ngày 30/01/2026" in text and "quá hạn 32 ngày" in text  # due Fri 13/11/2026
    assert "[Cần bổ sung: ưu điểm" in text  # visible placeholder, not an empty heading
    # header + the 8 tasks due in 2026 (T09, the review, is not a task of 2026)
    assert len(Document(str(report)).tables[2].rows) == 9
    assessment = tmp_path / "a.docx"
    assert cli("render", "assessment", str(SHIPPED), "-y", "2026", "-o", str(assessment)).exit_code == 0
    doc = Document(str(assessment))
    table = doc.tables[2]
    assert [c.text for c in table.rows[0].cells][:4] == [
        "STT",
        "Tiêu chí, tiêu chí thành phần",
        "Điểm tối đa",
        "Điểm tự chấm",
    ]
    assert table.rows[-1].cells[1].text == "TỔNG CỘNG" and table.rows[-1].cells[3].text == "88"
    group_row = next(r for r in table.rows if r.cells[0].text == "II")
    assert group_row.cells[3].text == "22,5" and group_row.cells[1].paragraphs[0].runs[0].bold
    assert "MINH HỌA" in "\n".join(docx_lines(assessment))
    registration = tmp_path / "d.docx"
    assert cli("render", "registration", str(SHIPPED), "-y", "2027", "-o", str(registration)).exit_code == 0
    text = "\n".join(docx_lines(registration))
    assert "V/v đăng ký mức đạt chuẩn" in text and "Mức độ 4 (duy trì đạt chuẩn)" in text
    review = tmp_path / "s.docx"
    assert (
        cli(
            "render",
            "review",
            str(SHIPPED),
            "--from",
            "2026",
            "--to",
            "2030",
            "--as-of",
            "2030-12-20",
            "-o",
            str(review),
        ).exit_code
        == 0
    )
    assert "Tổng kết thực hiện mô hình" in "\n".join(docx_lines(review))


def test_render_all(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    result = cli("render", "all", str(SHIPPED), "--year", "2027", "--as-of", "2027-12-20")
    assert result.exit_code == 0
    made = sorted(p.name for p in (tmp_path / "build" / "le-thanh-nghi").iterdir())
    assert made == [
        "bao-cao-2027.docx",
        "dang-ky-2027.docx",
        "ke-hoach-nam-2027.docx",
        "ke-hoach.docx",
        "so-ket-2026-2027.docx",
    ]  # no 2027 scores: no self-assessment (an empty one would be refused)


def test_output_option_needs_one_document(cli, ward_dir: Path, tmp_path: Path) -> None:
    shutil.copytree(ward_dir, ward_dir.parent / "khac")
    plan = ward_dir.parent / "khac" / "plan.yaml"  # one plan id per ward (E300)
    plan.write_text(plan.read_text(encoding="utf-8").replace("id: le-thanh-nghi", "id: khac", 1), encoding="utf-8")
    result = cli("render", "plan", str(ward_dir.parent), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2


def test_template_check_reads_headers(cli, tmp_path: Path) -> None:
    import zipfile

    src = ROOT / "templates" / "ke-hoach.docx"
    out = tmp_path / "header.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("word/header") and b"PAGE" in data:
                data = data.replace(b"<w:t>1</w:t>", b"<w:t>{{ so_trang }}</w:t>", 1)
            zout.writestr(item, data)
    result = cli("templates", "check", str(SHIPPED), "--template", str(out), "--kind", "plan")
    assert result.exit_code == 1 and "so_trang" in result.stderr
