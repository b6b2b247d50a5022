"""ctt site: the city's static site, checked as files (the browser tests are in test_site_browser.py)."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import html5lib
import pytest

from conftest import INJECTION, make_city

AS_OF = "2026-11-25"


def build(cli, plans: Path, out: Path, *extra: str):
    return cli("site", "--year", "2026", "--as-of", AS_OF, str(plans), "-o", str(out), *extra)


def parse(path: Path):
    """The page through html5lib's strict parser: any parse error raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_bytes(), transport_encoding="utf-8")


def text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def city_rows(out: Path) -> dict[str, dict[str, str]]:
    tree = parse(out / "index.html")
    heads = [text(th) for th in tree.findall(".//table[@id='city']/thead/tr/th")]
    rows = {}
    for tr in tree.findall(".//table[@id='city']/tbody/tr"):
        cells = [text(c) for c in tr]
        row = dict(zip(heads, cells))
        row.update(kind_attr=tr.get("data-kind"), state_attr=tr.get("data-state"), href=tr.find(".//a").get("href"))
        rows[cells[0]] = row
    return rows


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> Path:
    return make_city(tmp_path_factory.mktemp("city") / "plans")


@pytest.fixture(scope="module")
def site(city: Path) -> Path:
    """The site of the synthetic city, built once for the module's read-only tests."""
    from typer.testing import CliRunner

    from ctt_cli.app import app

    out = city.parent / "site"
    result = CliRunner().invoke(app, ["site", "--year", "2026", "--as-of", AS_OF, str(city), "-o", str(out)])
    assert result.exit_code == 1, result.output  # hong-an has a data error: reported, the site still built
    assert "4 đơn vị, 1 đơn vị có lỗi dữ liệu" in result.output
    return out


def test_city_page_has_one_row_per_commune_with_kind_and_state(site: Path):
    rows = city_rows(site)
    assert set(rows) == {"Phường Lê Thanh Nghị", "Xã An Hưng", "Đặc khu Bạch Long Vĩ", "Phường Hồng An"}
    assert {n: (r["Loại"], r["state_attr"]) for n, r in rows.items()} == {
        "Phường Lê Thanh Nghị": ("phường", "overdue"),
        "Xã An Hưng": ("xã", "met"),
        "Đặc khu Bạch Long Vĩ": ("đặc khu", "no_score"),
        "Phường Hồng An": ("phường", "error"),
    }
    # the state is a text label, not only a colour
    assert rows["Phường Hồng An"]["Tình trạng"] == "lỗi dữ liệu"
    assert rows["Xã An Hưng"]["Tình trạng"] == "đạt mục tiêu"
    assert rows["Phường Lê Thanh Nghị"]["Mục tiêu"] == "4" and rows["Phường Lê Thanh Nghị"]["Đạt"] == "3"
    assert rows["Phường Lê Thanh Nghị"]["Đăng ký"] == "4"
    assert rows["Đặc khu Bạch Long Vĩ"]["Điểm"] == "–"
    assert all((site / r["href"]).is_file() for r in rows.values())
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "1/4</strong> chưa gửi báo cáo tự đánh giá" in page  # only le-thanh-nghi's T05 (due 13/11) is not done
    assert "1/4</strong> có nhiệm vụ quá hạn" in page
    assert "1/4</strong> có lỗi dữ liệu" in page


def test_city_rows_are_the_summary_rows(cli, city: Path, site: Path):
    """No second computation: the site shows what `ctt summary` computes."""
    summary = json.loads(cli("summary", "--year", "2026", "--as-of", AS_OF, str(city), "--format", "json").stdout)
    rows = city_rows(site)
    assert len(summary["wards"]) == len(rows)
    for w in summary["wards"]:
        row = rows[w["ward"]]
        assert row["Lỗi dữ liệu"] == str(w["errors"])
        if w["errors"]:
            continue
        assert row["Hoàn thành"] == f"{w['done']}/{w['occurrences']}"
        assert row["Quá hạn"] == str(w["overdue"])
        assert row["Sắp đến hạn"] == str(w["due_soon"])
        assert row["Mục tiêu"] == str(w["target"])
        assert row["Đạt"] == ("–" if w["level"] is None else str(w["level"]))
        assert row["Điểm"].split(" ")[0] == ("–" if w["score"] is None else f"{w['score']:g}")


def test_every_page_is_valid_html(site: Path):
    pages = sorted(site.glob("*.html"))
    assert [p.name for p in pages] == [
        "an-hung.html",
        "bach-long-vi.html",
        "hong-an.html",
        "index.html",
        "le-thanh-nghi.html",
    ]
    for page in pages:
        tree = parse(page)
        assert tree.get("lang") == "vi"
        for th in tree.iter("th"):
            assert th.get("scope") in ("col", "row"), (page.name, text(th))
        for control in tree.iter("input"):
            assert tree.find(f".//label[@for='{control.get('id')}']") is not None


def test_injected_markup_is_escaped(site: Path):
    page = (site / "an-hung.html").read_text(encoding="utf-8")
    assert INJECTION not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Tổ chức thực hiện các tiêu chí" in page  # the task text
    assert "Phòng VHXH &lt;script&gt;alert(1)&lt;/script&gt;" in page  # the unit name
    tree = parse(site / "an-hung.html")
    assert [s.get("src") for s in tree.iter("script")] == []  # a commune page needs no script at all
    assert INJECTION not in (site / "index.html").read_text(encoding="utf-8")


def test_commune_page_timeline_chart_findings_documents(site: Path):
    page = (site / "le-thanh-nghi.html").read_text(encoding="utf-8")
    tree = parse(site / "le-thanh-nghi.html")
    svg = tree.find(".//{http://www.w3.org/2000/svg}svg[@class='timeline']")
    assert svg is not None
    assert "Hôm nay 25/11" in text(svg)
    overdue = [g for g in svg.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "occ state-overdue"]
    assert len(overdue) == 1 and "T05" in text(overdue[0]) and "13/11/2026" in text(overdue[0])
    assert tree.find(".//{http://www.w3.org/2000/svg}svg[@class='score-chart']") is not None
    assert "MINH HỌA" in page  # the shipped scores and criteria set are illustrative
    # the year's documents, rendered into the site and linked
    links = {a.get("href") for a in tree.iter("a") if (a.get("href") or "").endswith(".docx")}
    assert "le-thanh-nghi/ke-hoach.docx" in links and "le-thanh-nghi/tu-danh-gia-2026.docx" in links
    for href in links:
        assert zipfile.is_zipfile(site / href)
    # the task table says the same as the timeline, for readers without SVG
    assert "quá hạn</span> (12 ngày)" in page


def test_error_commune_lists_its_findings_and_nothing_illustrative(site: Path):
    page = (site / "hong-an.html").read_text(encoding="utf-8")
    assert "hong-an/progress/2026.yaml:9:" in page
    assert "phải là ngày dạng YYYY-MM-DD" in page
    assert 'class="illustrative"' not in page  # no scores shown, so no illustrative banner
    assert not (site / "hong-an").exists()  # no documents from a ward with errors


def test_no_network_at_view_time(site: Path):
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js"):
            body = path.read_text(encoding="utf-8")
            assert "http://" not in body.replace("http://www.w3.org/2000/svg", ""), path
            assert "https://" not in body, path
    css = (site / "assets" / "site.css").read_text(encoding="utf-8")
    assert "size: A4 landscape" in css


def test_no_documents_and_clean_exit(cli, ward_dir: Path, tmp_path: Path):
    out = tmp_path / "s"
    result = build(cli, ward_dir, out, "--no-documents")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["assets", "index.html", "le-thanh-nghi.html"]


def test_bad_paths_and_unwritable_output(cli, ward_dir: Path, tmp_path: Path):
    result = build(cli, tmp_path / "khong-co", tmp_path / "s")
    assert result.exit_code == 1
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = build(cli, ward_dir, blocker / "site", "--no-documents")
    assert result.exit_code == 1
    assert "không tạo được thư mục" in result.output or "không ghi được" in result.output


@pytest.mark.skipif(not shutil.which("soffice"), reason="cần LibreOffice (soffice) để tạo bản PDF")
def test_pdf_documents_through_libreoffice(cli, ward_dir: Path, tmp_path: Path):
    out = tmp_path / "s"
    result = build(cli, ward_dir, out, "--pdf")
    assert result.exit_code == 0, result.output
    pdfs = sorted(p.name for p in (out / "le-thanh-nghi").glob("*.pdf"))
    assert "ke-hoach.pdf" in pdfs
    assert all((out / "le-thanh-nghi" / p).read_bytes().startswith(b"%PDF") for p in pdfs)
    page = (out / "le-thanh-nghi.html").read_text(encoding="utf-8")
    assert 'href="le-thanh-nghi/ke-hoach.pdf"' in page


def test_same_plan_id_in_two_folders_gets_two_pages(cli, tmp_path: Path):
    """Two offices started from the same template and kept its id: each still gets its own page."""
    from conftest import SHIPPED, edit

    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED.parent / "criteria", plans / "criteria")
    for folder, name in (("vinh-niem", "Phường Vĩnh Niệm"), ("tan-tien", "Xã Tân Tiến")):
        shutil.copytree(SHIPPED, plans / folder)
        edit(plans / folder / "plan.yaml", "ward: Phường Lê Thanh Nghị", f"ward: {name}")
    out = tmp_path / "s"
    result = build(cli, plans, out, "--no-documents")
    assert result.exit_code == 0, result.output
    rows = city_rows(out)
    assert {n: r["href"] for n, r in rows.items()} == {
        "Phường Vĩnh Niệm": "le-thanh-nghi-2.html",
        "Xã Tân Tiến": "le-thanh-nghi.html",
    }
    assert "Xã Tân Tiến" in (out / "le-thanh-nghi.html").read_text(encoding="utf-8")
    assert "Phường Vĩnh Niệm" in (out / "le-thanh-nghi-2.html").read_text(encoding="utf-8")


def test_city_report_linked_when_asked(city: Path, site: Path, tmp_path: Path):
    """--city-report: the Sở's report (.docx) and its table (.xlsx) in the site, linked from index.html,
    with the same communes as the city page; without it, neither file nor link."""
    from docx import Document
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from ctt_cli.app import app

    assert not (site / "tong-hop-2026.docx").exists() and "h-reports" not in (site / "index.html").read_text("utf-8")
    out = tmp_path / "site"
    result = CliRunner().invoke(
        app, ["site", "--year", "2026", "--as-of", AS_OF, str(city), "-o", str(out), "--city-report", "--no-documents"]
    )
    assert result.exit_code == 1, result.output  # hong-an's data error, as without the option
    tree = parse(out / "index.html")
    section = tree.find(".//section[@aria-labelledby='h-reports']")
    assert section is not None
    hrefs = [a.get("href") for a in section.iter("a")]
    assert hrefs == ["tong-hop-2026.docx", "tong-hop-2026.xlsx"]
    assert all((out / h).is_file() for h in hrefs)
    table = Document(str(out / "tong-hop-2026.docx")).tables[-1]
    names = {row.cells[1].text for row in table.rows[1:]}
    assert names == set(city_rows(out))
    ws = load_workbook(out / "tong-hop-2026.xlsx").active
    assert {ws.cell(row=r, column=2).value for r in range(3, 3 + len(names))} == names


def test_city_report_pdf_with_pdf_option(city: Path, tmp_path: Path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    from typer.testing import CliRunner

    from ctt_cli.app import app

    out = tmp_path / "site"
    args = ["site", "--year", "2026", "--as-of", AS_OF, str(city), "-o", str(out), "--city-report", "--no-documents"]
    CliRunner().invoke(app, [*args, "--pdf"])
    section = parse(out / "index.html").find(".//section[@aria-labelledby='h-reports']")
    assert "tong-hop-2026.pdf" in [a.get("href") for a in section.iter("a")]
    assert (out / "tong-hop-2026.pdf").read_bytes().startswith(b"%PDF-")
