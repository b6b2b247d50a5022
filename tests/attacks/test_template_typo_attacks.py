"""Attack: a one-character template typo (`X {{ doc.subject ` typed before the real tags) emptied the
document and was reported as fine: docxtpl repairs broken XML and tags silently. Now render and
`templates check` fail naming the template and the position; broken XML parts are refused; and a
rendering that loses a static paragraph of its template is an error."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from ctt_cli.render import template_check

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "templates" / "ke-hoach.docx"


def _typo(tmp_path: Path, text: str, before: int = 0) -> Path:
    doc = Document(str(SHIPPED))
    doc.paragraphs[before].insert_paragraph_before(text)
    path = tmp_path / "ke-hoach.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize("typo", ["X {{ doc.subject ", "{% if doc.subject", "Ghi chú {# nháp", "{{ doc.number_line }"])
def test_open_tag_fails_render_and_check(cli, ward_dir: Path, tmp_path: Path, typo: str) -> None:
    template = _typo(tmp_path, typo)
    out = tmp_path / "out.docx"
    result = cli("render", "plan", str(ward_dir), "--template", str(template), "-o", str(out))
    assert result.exit_code == 1, result.stdout
    assert (
        "ke-hoach.docx" in result.stderr
        and re.search(r"đoạn \d+, ký tự \d+", result.stderr)
        and "không được đóng" in result.stderr
    )
    assert not out.exists()
    check = cli("templates", "check", str(ward_dir), "--template", str(template), "--kind", "plan")
    assert check.exit_code == 1 and "không được đóng" in check.stdout + check.stderr
    assert "tốt" not in check.stdout.replace("không tốt", "")


def test_broken_xml_is_refused_with_its_position(tmp_path: Path) -> None:
    src = zipfile.ZipFile(SHIPPED)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                data = data.replace(b"</w:body>", "<w:p><w:r><w:t>Nơi nhận</w:r></w:p></w:body>".encode(), 1)
            dst.writestr(name, data)
    with pytest.raises(
        template_check.TemplateProblem, match=r"word/document.xml không phải XML hợp lệ ở dòng \d+, cột \d+"
    ):
        template_check.check(buf.getvalue())


def test_lost_static_paragraph_is_an_error(tmp_path: Path) -> None:
    static = template_check.check(SHIPPED.read_bytes())
    assert "Nơi nhận:" in static  # the Quốc hiệu is conditional now (a Party plan has its own header)
    assert not any("{" in p for p in static)
    made = Document()
    for text in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "{{ doc.subject }}", "Nơi nhận:"]:
        made.add_paragraph(text)
    buf = io.BytesIO()
    made.save(buf)
    own = template_check.check(buf.getvalue())
    assert own == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:"]
    doc = Document()
    doc.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    out = io.BytesIO()
    doc.save(out)
    assert template_check.missing_static(own, out.getvalue()) == "Độc lập - Tự do - Hạnh phúc"
    assert template_check.missing_static(static, out.getvalue()) == "Nơi nhận:"


def test_static_text_inside_a_false_if_may_be_absent(tmp_path: Path) -> None:
    doc = Document()
    for text in ["Tiêu đề cố định", "{%p if false %}", "Chỉ khi có", "{%p endif %}"]:
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    assert template_check.check(buf.getvalue()) == ["Tiêu đề cố định"]


def test_shipped_templates_render_with_every_static_paragraph(cli, ward_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "kh.docx"
    assert cli("render", "plan", str(ward_dir), "-o", str(out)).exit_code == 0
    assert template_check.missing_static(template_check.check(SHIPPED.read_bytes()), out.read_bytes()) is None
