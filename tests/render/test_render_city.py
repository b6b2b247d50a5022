"""ctt render city: the Sở Nội vụ's report (.docx) and its table (.xlsx), from the same rows as
`ctt summary` and `ctt site`, for a small synthetic city (conftest.make_city)."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

from ctt_cli.render.docx_text import docx_lines

AS_OF = "2026-11-25"
NAMES = {"Phường Lê Thanh Nghị", "Xã An Hưng", "Đặc khu Bạch Long Vĩ", "Phường Hồng An"}


def render_city(cli, city: Path, out: Path, *extra: str):
    return cli("render", "city", "--year", "2026", "--as-of", AS_OF, str(city), "-o", str(out), *extra)


def appendix_table(path: Path) -> list[dict[str, str]]:
    table = Document(str(path)).tables[-1]
    heads = [c.text for c in table.rows[0].cells]
    return [dict(zip(heads, (c.text for c in row.cells))) for row in table.rows[1:]]


@pytest.fixture
def summary(cli, city: Path) -> dict[str, dict]:
    result = cli("summary", "--year", "2026", "--as-of", AS_OF, str(city), "--format", "json")
    return {w["ward"]: w for w in json.loads(result.stdout)["wards"]}


def test_report_is_issued_by_the_so_noi_vu(cli, city: Path, tmp_path: Path):
    out = tmp_path / "tong-hop-2026.docx"
    result = render_city(cli, city, out)
    assert result.exit_code == 1, result.output  # hong-an's data error: said, the report still written
    assert "4 đơn vị, 1 đơn vị có lỗi dữ liệu" in result.output
    lines = docx_lines(out)
    text = "\n".join(lines)
    assert lines[0].startswith("UBND THÀNH PHỐ HẢI PHÒNG / SỞ NỘI VỤ |")
    assert "Số:" in lines[1] and "/BC-SNV" in lines[1] and "| Hải Phòng, ngày" in lines[1]
    assert "Kính gửi: Ủy ban nhân dân thành phố Hải Phòng." in lines
    assert "BÁO CÁO" in lines
    assert "UBND PHƯỜNG" not in text and "TM. ỦY BAN NHÂN DÂN" not in text  # not a ward's document
    assert "(Kèm theo Báo cáo số:" in text and "của Sở Nội vụ)" in text
    # the criteria set is illustrative: the report says so, in the body and under the table
    assert sum("MINH HỌA" in line for line in lines) == 2


def test_counts_and_lists_follow_the_data(cli, city: Path, tmp_path: Path):
    out = tmp_path / "r.docx"
    render_city(cli, city, out)
    lines = docx_lines(out)
    # le-thanh-nghi's T05 (the self-assessment, due 13/11) is not done; hong-an has a data error
    assert "- Chưa gửi báo cáo tự đánh giá, chấm điểm: 1/4 đơn vị: Phường Lê Thanh Nghị." in lines
    assert "- Đã gửi báo cáo tự đánh giá, chấm điểm: 2/4 đơn vị." in lines
    assert "- Phường Lê Thanh Nghị: 1 nhiệm vụ quá hạn." in lines
    assert not any(line.startswith("- Xã An Hưng:") for line in lines)
    assert any(line.startswith("- Phường Hồng An: 1 lỗi") for line in lines)
    # targets: le-thanh-nghi and bach-long-vi level 4, an-hung level 3 (hong-an unreadable); registered
    # (the scores' registered_level): le-thanh-nghi and an-hung 4 (bach-long-vi has no scores)
    assert "- Mức 3: 1 đơn vị đặt mục tiêu, 0 đơn vị đăng ký, 2 đơn vị đạt theo điểm tự chấm." in lines
    assert "- Mức 4: 2 đơn vị đặt mục tiêu, 2 đơn vị đăng ký, 0 đơn vị đạt theo điểm tự chấm." in lines
    assert any(
        line.startswith("- Đã có điểm tự chấm: 2 đơn vị") and "chưa chấm điểm: 1 đơn vị" in line for line in lines
    )


def test_appendix_rows_are_the_summary_rows(cli, city: Path, tmp_path: Path, summary):
    """No second computation: one appendix row per commune, with what `ctt summary` computes."""
    out = tmp_path / "r.docx"
    render_city(cli, city, out)
    rows = appendix_table(out)
    assert {r["Xã, phường, đặc khu"] for r in rows} == NAMES
    assert [r["STT"] for r in rows] == ["1", "2", "3", "4"]
    for r in rows:
        w = summary[r["Xã, phường, đặc khu"]]
        if w["errors"]:
            assert r["Tình trạng, ghi chú"].startswith("lỗi dữ liệu") and r["Mức mục tiêu"] == ""
            continue
        assert r["Mức mục tiêu"] == f"Mức {w['target']}"
        assert r["Mức đạt"] == ("" if w["level"] is None else f"Mức {w['level']}")
        assert r["Điểm tự chấm"] == ("" if w["score"] is None else f"{w['score']:g}".replace(".", ","))
        assert r["Nhiệm vụ hoàn thành"] == f"{w['done']}/{w['occurrences']}"
        assert r["Nhiệm vụ quá hạn"] == str(w["overdue"])
    by_name = {r["Xã, phường, đặc khu"]: r for r in rows}
    assert by_name["Phường Lê Thanh Nghị"]["Báo cáo tự đánh giá"] == "chưa gửi"
    assert by_name["Xã An Hưng"]["Báo cáo tự đánh giá"] == "đã gửi"
    assert by_name["Đặc khu Bạch Long Vĩ"]["Loại"] == "đặc khu"


def test_appendix_is_on_a_landscape_page(cli, city: Path, tmp_path: Path):
    out = tmp_path / "r.docx"
    render_city(cli, city, out)
    sections = Document(str(out)).sections
    assert len(sections) == 2
    assert sections[0].page_width < sections[0].page_height
    assert sections[1].page_width > sections[1].page_height


def test_xlsx_is_the_same_table_with_numbers(cli, city: Path, tmp_path: Path):
    from openpyxl import load_workbook

    docx, xlsx = tmp_path / "r.docx", tmp_path / "tong-hop-2026.xlsx"
    render_city(cli, city, docx)
    result = render_city(cli, city, xlsx)
    assert result.exit_code == 1 and xlsx.is_file()
    ws = load_workbook(xlsx).active
    assert "MINH HỌA" in ws["A1"].value
    heads = [c.value for c in ws[2]]
    rows = [dict(zip(heads, (c.value for c in row))) for row in ws.iter_rows(min_row=3, max_row=6)]
    words = appendix_table(docx)
    assert [r["Xã, phường, đặc khu"] for r in rows] == [w["Xã, phường, đặc khu"] for w in words]
    for r, w in zip(rows, words):
        assert w["Mức mục tiêu"] == ("" if r["Mức mục tiêu"] is None else f"Mức {r['Mức mục tiêu']}")
        assert w["Nhiệm vụ quá hạn"] == ("" if r["Nhiệm vụ quá hạn"] is None else str(r["Nhiệm vụ quá hạn"]))
    lt = next(r for r in rows if r["Xã, phường, đặc khu"] == "Phường Lê Thanh Nghị")
    assert isinstance(lt["Điểm tự chấm"], (int, float)) and isinstance(lt["Mức mục tiêu"], int)
    assert lt["Nhiệm vụ quá hạn"] == 1


def test_format_and_extension_must_agree(cli, city: Path, tmp_path: Path):
    for args, name in (
        (("--format", "docx"), "r.pdf"),  # never a .docx under a .pdf name
        (("--format", "xlsx"), "r.docx"),
        ((), "r.txt"),
    ):
        result = render_city(cli, city, tmp_path / name, *args)
        assert result.exit_code == 2, result.output
        assert not (tmp_path / name).exists()
    assert "không ghi vào" in render_city(cli, city, tmp_path / "r.pdf", "--format", "docx").output


def test_signed_date_fills_the_blanks(cli, city: Path, tmp_path: Path):
    out = tmp_path / "r.docx"
    render_city(cli, city, out, "--date", "30/11/2026")
    text = "\n".join(docx_lines(out))
    assert "Hải Phòng, ngày 30 tháng 11 năm 2026" in text
    assert "ngày 30 tháng 11 năm 2026 của Sở Nội vụ)" in text
    bad = render_city(cli, city, tmp_path / "x.docx", "--date", "31/02/2026")
    assert bad.exit_code == 2 and "31/02/2026" in bad.output and not (tmp_path / "x.docx").exists()


def test_a_clean_city_exits_0_and_is_reproducible(cli, tmp_path: Path):
    from conftest import SHIPPED

    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    assert cli("render", "city", "-y", "2026", "--as-of", AS_OF, str(SHIPPED), "-o", str(a)).exit_code == 0
    assert cli("render", "city", "-y", "2026", "--as-of", AS_OF, str(SHIPPED), "-o", str(b)).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        assert "Sở Nội vụ" in z.read("docProps/core.xml").decode("utf-8")


def _broken_city_template(folder: Path, old: str, new: str) -> Path:
    from conftest import ROOT

    shutil.copytree(ROOT / "templates", folder)
    path = folder / "tong-hop.docx"
    src = path.read_bytes()
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode(), 1)
            zout.writestr(item, data)
    path.write_bytes(out.getvalue())
    return path


def test_templates_check_covers_the_city_template(cli, tmp_path: Path, monkeypatch):
    from conftest import SHIPPED

    bad = _broken_city_template(tmp_path / "templates", "{{ t.sent }}", "{{ t.sent_on }}")
    monkeypatch.setenv("CTT_TEMPLATES", str(bad.parent))
    result = cli("templates", "check", str(SHIPPED))
    assert result.exit_code == 1 and "tong-hop.docx" in result.stderr and "sent_on" in result.stderr
    out = tmp_path / "r.docx"
    result = cli("render", "city", "-y", "2026", str(SHIPPED), "-o", str(out))
    assert result.exit_code == 1 and "sent_on" in result.stderr and not out.exists()


def test_no_commune_found(cli, tmp_path: Path):
    (tmp_path / "empty").mkdir()
    result = cli("render", "city", "-y", "2026", str(tmp_path / "empty"), "-o", str(tmp_path / "r.docx"))
    assert result.exit_code == 1 and not (tmp_path / "r.docx").exists()
    assert "Traceback" not in result.output
