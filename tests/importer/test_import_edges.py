"""ctt import on files that are not plans, are not Word files, need LibreOffice, or are odd;
and the reader's parts (automatic numbering, appendix rows) on their own."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.importer.samples import DONG_HAI, TAN_PHONG
from tests.importer.wordgen import Maker, Row, Style, make

from ctt_cli.importer.appendix import appendix_columns, task_rows
from ctt_cli.importer.docx_read import Reader, split_label, tidy
from ctt_cli.workspace.pipeline import load_paths


def test_a_decision_is_refused_with_its_type(tmp_path: Path, cli):
    maker = Maker(TAN_PHONG, Style())
    maker.header()
    maker.para(maker.doc, "QUYẾT ĐỊNH", bold=True, center=True)
    maker.para(maker.doc, "Về việc thành lập Tổ công tác", bold=True, center=True)
    maker.doc.save(str(tmp_path / "qd.docx"))
    result = cli("import", tmp_path / "qd.docx", "-o", tmp_path / "plans" / "x")
    assert result.exit_code == 1
    assert "không phải kế hoạch" in result.output and "'QUYẾT ĐỊNH'" in result.output
    assert not (tmp_path / "plans" / "x").exists()


def test_a_guide_is_refused_too(tmp_path: Path, cli):
    doc = Document()
    for line in (
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ AN BÌNH\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 03/HD-UBND\tAn Bình, ngày 02 tháng 3 năm 2026",
        "HƯỚNG DẪN",
        "Chấm điểm các tiêu chí",
    ):
        doc.add_paragraph(line)
    doc.save(str(tmp_path / "hd.docx"))
    result = cli("import", tmp_path / "hd.docx", "-o", tmp_path / "x")
    assert result.exit_code == 1 and "'HƯỚNG DẪN'" in result.output


def test_a_file_with_no_document_type_says_it_holds_no_plan(tmp_path: Path, cli):
    """A letter, a note, or any file LibreOffice opens as text: no 'KẾ HOẠCH' line anywhere."""
    doc = Document()
    for line in (
        "Kính gửi: các đồng chí trong Ban Chỉ đạo,",
        "Xin mời dự họp lúc 8 giờ ngày 02/3/2026.",
        "Trân trọng.",
    ):
        doc.add_paragraph(line)
    doc.save(str(tmp_path / "thu-moi.docx"))
    result = cli("import", tmp_path / "thu-moi.docx", "-o", tmp_path / "x")
    assert result.exit_code == 1
    assert "tệp không chứa kế hoạch nào" in result.output and "'không rõ'" not in result.output
    assert not (tmp_path / "x").exists()


def test_not_a_word_file(tmp_path: Path, cli):
    bad = tmp_path / "ke-hoach.docx"
    bad.write_text("không phải tệp Word", encoding="utf-8")
    result = cli("import", bad, "-o", tmp_path / "x")
    assert result.exit_code == 1 and "không đọc được tệp Word" in result.output
    result = cli("import", tmp_path / "khong-co.docx", "-o", tmp_path / "x")
    assert result.exit_code == 1 and "không tìm thấy" in result.output
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    result = cli("import", tmp_path / "a.pdf", "-o", tmp_path / "x")
    assert result.exit_code == 1 and ".docx, .doc hoặc .odt" in result.output


def test_odt_without_libreoffice_says_what_to_do(tmp_path: Path, cli, monkeypatch):
    odt = tmp_path / "ke-hoach.odt"
    odt.write_bytes(b"PK")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = cli("import", odt, "-o", tmp_path / "x")
    assert result.exit_code == 1
    assert "cần LibreOffice" in result.output and "'Lưu thành' .docx" in result.output


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_odt_through_libreoffice(tmp_path: Path, cli):
    source = tmp_path / "ke-hoach.docx"
    make(DONG_HAI, Style(), source)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path / "odt"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = cli("import", tmp_path / "odt" / "ke-hoach.odt", "-o", tmp_path / "plans" / "x")
    assert result.exit_code == 0, result.output
    assert "3 nhiệm vụ (3 từ lời văn)" in result.output


def _reader(doc) -> Reader:
    return Reader(doc)


def test_automatic_numbers_restart_below_and_follow_the_format(tmp_path: Path):
    maker = Maker(TAN_PHONG, Style(numbering="auto"))
    for level, text in [(0, "A"), (1, "B"), (1, "C"), (2, "D"), (0, "E"), (1, "F"), (2, "G"), (2, "H"), (3, "I")]:
        maker.numbered("", level, text)
    maker.doc.save(str(tmp_path / "n.docx"))
    paras = Reader(Document(str(tmp_path / "n.docx"))).blocks()
    got = [(p.label, p.style, p.text) for p in paras if p.text]
    assert got == [
        ("I.", "roman", "A"),
        ("1.", "decimal", "B"),
        ("2.", "decimal", "C"),
        ("a)", "letter", "D"),
        ("II.", "roman", "E"),
        ("1.", "decimal", "F"),
        ("a)", "letter", "G"),
        ("b)", "letter", "H"),
        ("-", "dash", "I"),
    ]
    assert all(p.label_source == "auto" for p in paras if p.text)


@pytest.mark.parametrize(
    ("text", "label", "style", "rest"),
    [
        ("I. MỤC ĐÍCH", "I.", "roman", "MỤC ĐÍCH"),
        ("IV. KINH PHÍ", "IV.", "roman", "KINH PHÍ"),
        ("1.2. Tuyên truyền", "1.2.", "decimal2", "Tuyên truyền"),
        ("3) Báo cáo", "3)", "decimal", "Báo cáo"),
        ("đ) Phối hợp", "đ)", "letter", "Phối hợp"),
        ("- Hằng năm", "-", "dash", "Hằng năm"),
        ("+ Tổ dân phố", "+", "plus", "Tổ dân phố"),
        ("– Gạch ngang dài", "–", "dash", "Gạch ngang dài"),
        ("Ví dụ: 2026 là năm đầu", "", "", "Ví dụ: 2026 là năm đầu"),
        ("Độc lập - Tự do", "", "", "Độc lập - Tự do"),
    ],
)
def test_typed_labels(text, label, style, rest):
    assert split_label(text) == (label, style, rest) if label else split_label(text)[0] == ""


def test_tidy_makes_nfc_and_keeps_quotes():
    nfd = "Ủy ban  nhân dân , “Chính quyền  thân thiện” ( hằng năm )"
    import unicodedata

    assert tidy(unicodedata.normalize("NFD", nfd)) == "Ủy ban nhân dân, “Chính quyền thân thiện” (hằng năm)"


def test_retyped_header_rows_and_column_numbers_are_not_tasks(tmp_path: Path):
    plan = dataclasses.replace(
        TAN_PHONG, rows=[*TAN_PHONG.rows, Row("Kiểm tra việc thực hiện", "Hằng quý", "Phòng Văn hóa - Xã hội")]
    )
    make(plan, Style(retyped_header=True, column_numbers=True, group_rows=True, merged_lead=True), tmp_path / "p.docx")
    from ctt_cli.importer.docx_read import read_blocks
    from ctt_cli.importer.structure import Table

    table = [b for b in read_blocks(tmp_path / "p.docx") if isinstance(b, Table)][-1]
    cols = appendix_columns(table)
    assert cols["columns"] == ["stt", "text", "deadline", "lead", "partners"] and cols["header_rows"] == 2
    rows, skipped = task_rows(table, cols["columns"], cols["header_rows"])
    assert len(skipped) == 1  # the header typed again
    tasks = [r for r in rows if not r.group]
    assert [r.values["text"][:20] for r in rows if r.group] == ["CÔNG TÁC TUYÊN TRUYỀ", "CẢI CÁCH HÀNH CHÍNH"]
    assert len(tasks) == 7 and tasks[1].values["lead"] == "Văn phòng HĐND và UBND xã"  # merged from above


def test_unknown_paragraphs_and_tables_are_listed_not_lost(tmp_path: Path, cli):
    maker = Maker(TAN_PHONG, Style())
    maker.header()
    maker.title()
    maker.body()
    table = maker.doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].paragraphs[0].add_run("Bảng số liệu dân cư")
    table.rows[0].cells[1].paragraphs[0].add_run("1.250 hộ")
    maker.signature()
    maker.appendix(TAN_PHONG.appendix_title, TAN_PHONG.rows, TAN_PHONG.attached)
    maker.doc.save(str(tmp_path / "p.docx"))
    result = cli("import", tmp_path / "p.docx", "-o", tmp_path / "plans" / "x", "--report", tmp_path / "r.md")
    assert result.exit_code == 0, result.output
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "| Bảng số liệu dân cư | bảng trong thân văn bản |" in report.replace("dòng 1, cột 1 ", "")
    assert "1.250 hộ" in report


words = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ IVX.-+():;", min_size=0, max_size=40)


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(words, max_size=12), st.sampled_from(["KẾ HOẠCH", "QUYẾT ĐỊNH", ""]))
def test_odd_documents_never_crash(tmp_path: Path, cli, lines: list[str], type_line: str):
    doc = Document()
    doc.add_paragraph("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    if type_line:
        doc.add_paragraph(type_line)
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / "odd.docx"
    doc.save(str(path))
    out = tmp_path / "plans" / "odd"
    shutil.rmtree(out, ignore_errors=True)
    result = cli("import", path, "-o", out, "--force")
    assert result.exit_code in (0, 1), result.output


def test_decimal_outline_dash_bases_and_plus_items(tmp_path: Path, cli):
    """'1.' / '1.1.' headings, '+' sub-items and '- Căn cứ' bases, as some offices write them."""
    maker = Maker(TAN_PHONG, Style())
    maker.header()
    maker.title()
    doc = maker.doc
    for line in [
        "- Căn cứ Quyết định số 215/QĐ-UBND ngày 20/01/2026 của Ủy ban nhân dân tỉnh Minh Hải;",
        "Ủy ban nhân dân xã Tân Phong ban hành Kế hoạch như sau:",
        "1. MỤC TIÊU",
        "1.1. Năm 2026, phấn đấu đạt chuẩn Mức độ 3.",
        "2. NHIỆM VỤ",
        "2.1. Tuyên truyền",
        "- Trên loa truyền thanh:",
        "+ Phát 2 buổi mỗi tuần;",
        "+ Phát lại vào cuối tuần.",
        "2.2. Kiểm tra việc thực hiện",
        "- Thời gian hoàn thành: Hằng quý",
        "- Đơn vị chủ trì: Văn phòng HĐND và UBND xã",
    ]:
        doc.add_paragraph(line)
    maker.signature()
    doc.save(str(tmp_path / "p.docx"))
    out = tmp_path / "plans" / "x"
    result = cli("import", tmp_path / "p.docx", "-o", out, "--report", tmp_path / "r.md")
    assert result.exit_code == 0, result.output
    wards, _ = load_paths([out])
    plan, tasks = wards[0].plan, wards[0].tasks
    assert [b.text[:20] for b in plan.legal_bases] == ["Căn cứ Quyết định số"]
    assert [s.title for s in plan.body] == ["MỤC TIÊU", "NHIỆM VỤ"]
    assert [c.title or c.text for c in plan.body[1].children] == ["Tuyên truyền", "Kiểm tra việc thực hiện"]
    assert plan.body[1].children[0].items == [
        "Trên loa truyền thanh:",
        "Phát 2 buổi mỗi tuần;",
        "Phát lại vào cuối tuần.",
    ]
    assert plan.objectives[0].level == 3 and plan.body[0].children[0].objective == 2026
    assert [(t.text, t.deadline) for t in tasks] == [("Kiểm tra việc thực hiện", "Hằng quý")]
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "cấp 1: decimal, cấp 2: decimal2" in report and "các dòng '+'" in report


def test_manual_line_breaks_inside_body_paragraphs_are_joined(tmp_path: Path, cli):
    plan = dataclasses.replace(DONG_HAI, preamble="Uỷ ban nhân dân phường Đông Hải\nban hành Kế hoạch như sau:")
    maker = Maker(plan, Style())
    maker.header()
    maker.title()
    for basis in plan.bases:
        maker.para(maker.doc, basis, italic=True)
    maker.para(maker.doc, plan.preamble, br=True)
    maker.sections(plan.body, 0)
    maker.para(maker.doc, "I. ghi chú cuối\nở dòng thứ hai", br=True)
    maker.signature()
    maker.doc.save(str(tmp_path / "p.docx"))
    out = tmp_path / "plans" / "x"
    assert cli("import", tmp_path / "p.docx", "-o", out).exit_code == 0
    wards, _ = load_paths([out])
    assert wards[0].plan.preamble == "Uỷ ban nhân dân phường Đông Hải ban hành Kế hoạch như sau:"
    assert wards[0].plan.body[-1].text == "ghi chú cuối ở dòng thứ hai"


def test_a_party_committee_plan_keeps_what_it_can_and_says_what_it_cannot(tmp_path: Path, cli):
    """Issued by a Đảng ủy with a Party-form number: the symbol and the Party parent are kept; the
    signature's 'T/M' is printed 'TM.' (the model holds NĐ 30's form) and the report says so."""
    plan = dataclasses.replace(
        DONG_HAI,
        issuer=["ĐẢNG BỘ THÀNH PHỐ HẢI ĐÔNG", "ĐẢNG ỦY PHƯỜNG ĐÔNG HẢI"],
        authority="T/M ĐẢNG ỦY",
        title="BÍ THƯ",
    )
    maker = Maker(plan, Style())
    maker.number_line = lambda: "Số 14-KH/ĐU"  # the Party form: number-type/issuer
    maker.build().save(str(tmp_path / "p.docx"))
    out = tmp_path / "plans" / "x"
    result = cli("import", tmp_path / "p.docx", "-o", out, "--report", tmp_path / "r.md")
    assert result.exit_code == 0, result.output
    wards, _ = load_paths([out])
    plan_data = wards[0].plan
    assert plan_data.issuer.parent_header == ["ĐẢNG BỘ THÀNH PHỐ HẢI ĐÔNG"]  # the committee above: upright
    assert plan_data.issuer.header == ["ĐẢNG ỦY PHƯỜNG ĐÔNG HẢI"]
    assert plan_data.document.number == 14 and plan_data.document.symbol == "KH/ĐU"
    assert wards[0].unit(plan_data.issuer.unit).name == "Đảng uỷ phường Đông Hải"  # DONG_HAI's tone style
    assert wards[0].unit(plan_data.issuer.parent).name == "Đảng bộ thành phố Hải Đông"
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "Số 14-KH/ĐU" not in report.split("## Đã chuyển")[0]
    assert "(dang-uy)" in report and "Chữ ký ghi 'T/M'" in report
    assert "| ĐẢNG BỘ THÀNH PHỐ HẢI ĐÔNG | `plan.yaml: issuer.parent_header` |" in report
    assert "| ĐẢNG ỦY PHƯỜNG ĐÔNG HẢI | `plan.yaml: issuer.header` |" in report
    sig = plan_data.signature
    assert (sig.authority, sig.body, sig.title, sig.name) == ("TM.", "ĐẢNG ỦY", "BÍ THƯ", "Phạm Thị Thoa")


def test_schema_lines_point_at_written_schemas(tmp_path: Path, cli):
    make(DONG_HAI, Style(), tmp_path / "p.docx")
    out, schemas = tmp_path / "plans" / "dong-hai", tmp_path / "schemas"
    assert cli("import", tmp_path / "p.docx", "-o", out, "--schemas", schemas).exit_code == 0
    first = (out / "plan.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == "# yaml-language-server: $schema=../../schemas/plan.schema.json"
    assert (schemas / "plan.schema.json").is_file() and (schemas / "tasks.schema.json").is_file()
    assert cli("fmt", "--check", out).exit_code == 0
