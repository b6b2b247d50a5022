"""File validity: every template and every rendered document against the ISO/IEC 29500
transitional schemas, and the tidying (ooxml.py) that makes them so."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import ooxml_xsd
from conftest import ROOT
from ctt_cli.render import ooxml
from ctt_cli.render.docx_text import docx_lines
from ctt_cli.render.engine import reproducible
from yearly_docs import render_docs, yearly_docs  # noqa: F401 (a fixture)

W = ooxml.W
NS = {"w": W}
DOCS = {
    "ke-hoach": ["render", "plan"],
    "bao-cao": ["render", "report", "-y", "2026", "--as-of", "2026-12-15"],
    "tu-danh-gia": ["render", "assessment", "-y", "2026"],
    "dang-ky": ["render", "registration", "-y", "2027"],
    "so-ket": ["render", "review", "--from", "2026", "--to", "2027", "--as-of", "2027-12-20"],
    "tong-hop": ["render", "city", "-y", "2026", "--as-of", "2026-11-20"],  # the Sở Nội vụ's report
    "ke-hoach-nam": ["render", "year-plan", "-y", "2027"],
}
TEMPLATES = sorted((ROOT / "templates").glob("*.docx"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    return render_docs(DOCS, tmp_path_factory.mktemp("ooxml"))


def part(docx: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(docx) as z:
        return etree.fromstring(z.read(name))


# ---- against the schemas -------------------------------------------------------------------------


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_template_is_valid(template: Path) -> None:
    ooxml_xsd.require()
    assert ooxml_xsd.problems(template) == []


@pytest.mark.parametrize("name", list(DOCS))
def test_rendered_document_is_valid(rendered, name: str) -> None:
    ooxml_xsd.require()
    assert ooxml_xsd.problems(rendered[name]) == []


def _rewrite(src: Path, out: Path, part_name: str, change) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, change(data) if item.filename == part_name else data)
    return out


@pytest.mark.parametrize(
    "old, new",
    [
        # the three faults of issue 15: a second tblLayout, pBdr after jc, pgNumType after docGrid
        (b'<w:tblLayout w:type="fixed"/>', b'<w:tblLayout w:type="fixed"/><w:tblLayout w:type="fixed"/>'),
        (b"<w:pBdr>", b'<w:jc w:val="center"/><w:pBdr>'),
        (b'<w:pgNumType w:start="1"/>', b""),
    ],
)
def test_the_validator_catches_what_word_online_rejects(rendered, tmp_path: Path, old: bytes, new: bytes) -> None:
    ooxml_xsd.require()
    src = rendered["bao-cao"]

    def change(data: bytes) -> bytes:
        assert old in data
        data = data.replace(old, new, 1)
        if not new:  # pgNumType moved after docGrid in the appendix's section
            grids = list(re.finditer(rb"<w:docGrid[^>]*/>", data))
            end = grids[-1].end()
            data = data[:end] + old + data[end:]
        return data

    broken = _rewrite(src, tmp_path / "broken.docx", "word/document.xml", change)
    found = ooxml_xsd.problems(broken)
    assert found and all("word/document.xml" in p for p in found)
    # the engine's tidying repairs it
    fixed = tmp_path / "fixed.docx"
    fixed.write_bytes(reproducible(broken.read_bytes()))
    assert ooxml_xsd.problems(fixed) == []


def test_ignorable_extensions_are_dropped_not_reported(rendered, tmp_path: Path) -> None:
    ooxml_xsd.require()

    def change(data: bytes) -> bytes:
        assert b'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"' in data
        assert re.search(rb'mc:Ignorable="[^"]*w14', data)
        return data.replace(b"<w:p>", b'<w:p w14:paraId="1A2B3C4D"><w14:unknownFuture/>', 1)

    extended = _rewrite(rendered["ke-hoach"], tmp_path / "w14.docx", "word/document.xml", change)
    assert b"w14:paraId" in zipfile.ZipFile(extended).read("word/document.xml")
    assert ooxml_xsd.problems(extended) == []
    # the same element in a namespace the part does not declare ignorable is reported
    plain = _rewrite(
        extended,
        tmp_path / "plain.docx",
        "word/document.xml",
        lambda data: re.sub(rb'mc:Ignorable="[^"]*"', b"", data, count=1),
    )
    assert ooxml_xsd.problems(plain)


# ---- tidying -------------------------------------------------------------------------------------


def test_order_properties() -> None:
    root = etree.fromstring(
        f'<w:body xmlns:w="{W}"><w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/>'
        '<w:pBdr><w:bottom w:val="single"/></w:pBdr><w:keepNext/></w:pPr></w:p>'
        '<w:tbl><w:tblPr><w:tblLayout w:type="fixed"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblLayout w:type="autofit"/></w:tblPr></w:tbl>'
        '<w:sectPr><w:docGrid w:linePitch="360"/><w:pgNumType w:start="1"/><w:headerReference w:type="default"/>'
        '<w:pgSz w:w="1"/><w:headerReference w:type="first"/></w:sectPr></w:body>'
    )
    ooxml.order_properties(root)
    names = [
        [etree.QName(c).localname for c in el] for el in root.iter(f"{{{W}}}pPr", f"{{{W}}}tblPr", f"{{{W}}}sectPr")
    ]
    assert names == [
        ["keepNext", "pBdr", "spacing", "jc"],
        ["tblW", "tblLayout"],
        ["headerReference", "headerReference", "pgSz", "pgNumType", "docGrid"],
    ]
    assert root.find(".//w:tblLayout", NS).get(f"{{{W}}}type") == "fixed"  # the first one is kept


def test_no_break_hyphens_split_the_text() -> None:
    root = etree.fromstring(
        f'<w:r xmlns:w="{W}"><w:rPr><w:b/></w:rPr><w:t>số 05\u2011NQ/TU, 2026\u00a0\u2011\u00a02030 </w:t></w:r>'
    )
    ooxml.no_break_hyphens(root)
    kinds = [etree.QName(c).localname for c in root]
    assert kinds == ["rPr", "t", "noBreakHyphen", "t", "noBreakHyphen", "t"]
    assert [t.text for t in root.findall("w:t", NS)] == ["số 05", "NQ/TU, 2026\u00a0", "\u00a02030 "]
    assert root.findall("w:t", NS)[2].get(ooxml.XML_SPACE) == "preserve"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nghị quyết số 05-NQ/TU ngày 14/01/2026", "Nghị quyết số 05\u2011NQ/TU ngày 14/01/2026"),
        ("Đề án số 04-ĐA/TU", "Đề án số 04\u2011ĐA/TU"),
        ("Chương trình 12-CTr/Đu", "Chương trình 12\u2011CTr/Đu"),
        ("Số:     /KH-UBND", "Số:     /KH\u2011UBND"),
        ("Quyết định số 5049/QĐ-UBND ngày 11/12/2025", "Quyết định số 5049/QĐ\u2011UBND ngày 11/12/2025"),
        ("Số: 12/UBND-VHXH", "Số: 12/UBND\u2011VHXH"),
        ("giai đoạn 2026 - 2030 và", "giai đoạn 2026\u00a0\u2011\u00a02030 và"),
        ("giai đoạn 2026-2030", "giai đoạn 2026\u20112030"),
        ("KẾT QUẢ QUA CÁC NĂM 2026-2027", "KẾT QUẢ QUA CÁC NĂM 2026\u20112027"),
        # not symbols or ranges: left alone
        ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"),
        ("Phòng Kinh tế - Hạ tầng và Đô thị", "Phòng Kinh tế - Hạ tầng và Đô thị"),
        ("- Lưu: VT.", "- Lưu: VT."),
        ("mã T05-2026", "mã T05-2026"),
        ("trang 12-15", "trang 12-15"),
        ("điểm 1-3", "điểm 1-3"),
    ],
)
def test_keep_together(text: str, expected: str) -> None:
    assert ooxml.keep_together(text) == expected


@settings(derandomize=True, max_examples=300)
@given(st.text(alphabet="0123456789-/ ĐKHQUBNDTaơ", max_size=40))
def test_keep_together_only_changes_hyphens_and_spaces(text: str) -> None:
    kept = ooxml.keep_together(text)
    assert kept.replace("\u2011", "-").replace("\u00a0", " ") == text
    assert ooxml.keep_together(kept) == kept  # idempotent


def test_symbols_in_the_document_do_not_break(rendered) -> None:
    body = part(rendered["ke-hoach"], "word/document.xml")
    text = "".join(t.text or "" for t in body.iter(f"{{{W}}}t"))
    assert "\u2011" not in text  # written as w:noBreakHyphen, which every consumer knows
    assert len(body.findall(".//w:noBreakHyphen", NS)) > 20
    lines = "\n".join(docx_lines(rendered["ke-hoach"]))
    assert "Nghị quyết số 05-NQ/TU ngày 14/01/2026" in lines and "giai đoạn 2026 - 2030" in lines
    runs = [r for r in body.iter(f"{{{W}}}r") if r.find("w:noBreakHyphen", NS) is not None]
    joined = ["".join("-" if etree.QName(c).localname == "noBreakHyphen" else (c.text or "") for c in r) for r in runs]
    assert any("05-NQ/TU" in j for j in joined) and any("2026\u00a0-\u00a02030" in j for j in joined)


def test_blanks_of_a_draft_are_preserved(rendered) -> None:
    body = part(rendered["bao-cao"], "word/document.xml")
    spaced = [t for t in body.iter(f"{{{W}}}t") if "  " in (t.text or "") or (t.text or "").endswith(" ")]
    assert any((t.text or "").startswith("Số:") for t in spaced)
    assert all(t.get(ooxml.XML_SPACE) == "preserve" for t in spaced)


# ---- language, compatibility, package metadata ------------------------------------------------------


@pytest.mark.parametrize("source", ["template", "rendered"])
def test_language_compatibility_and_metadata(rendered, source: str) -> None:
    docx = ROOT / "templates" / "bao-cao.docx" if source == "template" else rendered["bao-cao"]
    styles = part(docx, "word/styles.xml")
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{{{W}}}val") == "vi-VN"
    assert {el.get(f"{{{W}}}val") for el in styles.iter(f"{{{W}}}lang")} <= {"vi-VN", None}
    sett = part(docx, "word/settings.xml")
    assert sett.find("w:themeFontLang", NS).get(f"{{{W}}}val") == "vi-VN"
    modes = [
        s.get(f"{{{W}}}val")
        for s in sett.findall("w:compat/w:compatSetting", NS)
        if s.get(f"{{{W}}}name") == "compatibilityMode"
    ]
    assert modes == ["15"]
    assert sett.find("w:savePreviewPicture", NS) is None
    with zipfile.ZipFile(docx) as z:
        names = z.namelist()
        assert not [n for n in names if "thumbnail" in n]
        assert b"thumbnail" not in z.read("_rels/.rels")
        app = z.read("docProps/app.xml")
    assert b"<Application>ctt</Application>" in app
    for stale in (b"<Pages>", b"<Words>", b"<Characters>", b"<Lines>", b"<Template>", b"Microsoft"):
        assert stale not in app


def test_tidy_is_idempotent_and_reproducible(rendered) -> None:
    data = rendered["tu-danh-gia"].read_bytes()
    assert reproducible(data) == data


def test_tidy_keeps_a_picture_content_type() -> None:
    """Only python-docx's thumbnail goes; a jpeg the office put in the body keeps its type."""
    types = (
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="jpeg" ContentType="image/jpeg"/></Types>'
    )
    rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
        b'metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>'
    )
    parts = {
        "[Content_Types].xml": types,
        "_rels/.rels": rels,
        "docProps/thumbnail.jpeg": b"x",
        "word/media/image1.jpeg": b"y",
    }
    out = ooxml.tidy(parts)
    assert "docProps/thumbnail.jpeg" not in out and b"image/jpeg" in out["[Content_Types].xml"]
    assert b"thumbnail" not in out["_rels/.rels"]
    del parts["word/media/image1.jpeg"]
    assert b"image/jpeg" not in ooxml.tidy(parts)["[Content_Types].xml"]


def test_templates_are_what_the_generator_makes(tmp_path: Path) -> None:
    """templates/ is what tools/make_templates.py makes: regenerate after changing the generator."""
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_templates.py"), str(tmp_path)], check=True, capture_output=True
    )
    for template in TEMPLATES:
        with zipfile.ZipFile(tmp_path / template.name) as fresh, zipfile.ZipFile(template) as shipped:
            assert {i.date_time for i in fresh.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            for name in ("word/document.xml", "word/styles.xml", "word/settings.xml"):
                assert fresh.read(name) == shipped.read(name), f"{template.name}: {name}"


def test_every_year_and_ward_is_valid(yearly_docs) -> None:  # noqa: F811
    """All document types, 2026-2030, the shipped ward and a ward made by `ctt init`."""
    ooxml_xsd.require()
    found = [p for docx in yearly_docs.values() for p in ooxml_xsd.problems(docx)]
    assert found == []


def _cell(lines: list[str], *, jc: str = "center", width: int = 3742) -> etree._Element:
    runs = "".join(f'<w:p><w:r><w:rPr><w:b/><w:sz w:val="26"/></w:rPr><w:t>{t}</w:t></w:r></w:p>' for t in lines)
    rule = (
        f'<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
        f'<w:ind w:left="100" w:right="100"/><w:jc w:val="{jc}"/></w:pPr></w:p>'
    )
    return etree.fromstring(
        f'<w:tbl xmlns:w="{W}"><w:tblPr/><w:tr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
        f"</w:tcPr>{runs}{rule}</w:tc></w:tr></w:tbl>"
    )


def _rule_mm(tbl: etree._Element, width: int = 3742) -> float:
    ind = tbl.find(".//w:ind", NS)
    return (width - 2 * 108 - int(ind.get(f"{{{W}}}left")) - int(ind.get(f"{{{W}}}right"))) / ooxml.TWIPS_PER_MM


@pytest.mark.parametrize(
    "lines",
    [
        ["ỦY BAN NHÂN DÂN", "XÃ AN LÃO"],
        ["ỦY BAN NHÂN DÂN", "PHƯỜNG LÊ THANH NGHỊ"],
        ["UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN", "ĐẶC KHU BẠCH LONG VĨ"],
    ],
)
def test_size_rules_from_the_text_above(lines: list[str]) -> None:
    from ctt_cli.render.measure import width_mm

    tbl = _cell(lines)
    ooxml.size_rules(tbl)
    longest = max(width_mm(t, 13, bold=True) for t in lines)
    assert longest / 3 <= _rule_mm(tbl) <= longest / 2


def test_size_rules_motto_full_length_and_what_it_leaves_alone() -> None:
    from ctt_cli.render.measure import width_mm

    motto = _cell(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], width=5613)
    ooxml.size_rules(motto)
    assert abs(_rule_mm(motto, 5613) - width_mm("Độc lập - Tự do - Hạnh phúc", 13, bold=True)) < 0.2
    for untouched in (_cell(["{{ line }}"]), _cell(["PHƯỜNG LÊ THANH NGHỊ"], jc="left")):
        ooxml.size_rules(untouched)  # a template's placeholder; a border the office drew on purpose
        ind = untouched.find(".//w:ind", NS)
        assert (ind.get(f"{{{W}}}left"), ind.get(f"{{{W}}}right")) == ("100", "100")
