"""NĐ 30's issuer block when a parent body stands above the issuer: the parent's name upright, the
issuer's own name bold, and the rule sized to the issuer's name (1/3 to 1/2 of it), never to the
parent's longer line. A Party plan's "*" under its committee's name takes the rule's place."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from ctt_cli.render.measure import width_mm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TWIPS_PER_MM = 1440 / 25.4


def issuer_cell(docx: Path) -> list[dict]:
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    cell = root.find(f"{W}body/{W}tbl/{W}tr/{W}tc")
    assert cell is not None
    width = int(cell.find(f"{W}tcPr/{W}tcW").get(f"{W}w"))
    out = []
    for p in cell.iter(f"{W}p"):
        runs = [r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t"))]
        bold = [r.find(f"{W}rPr/{W}b") for r in runs]
        ind = p.find(f"{W}pPr/{W}ind")
        out.append(
            {
                "text": "".join(t.text or "" for t in p.iter(f"{W}t")),
                "bold": bool(runs) and all(b is not None and b.get(f"{W}val") not in ("0", "false") for b in bold),
                "rule_mm": (width - 2 * int(ind.get(f"{W}left", "0"))) / TWIPS_PER_MM
                if p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None and ind is not None
                else None,
            }
        )
    return out


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_steering_committee_under_the_commune(cli, repo: Path) -> None:
    assert (
        cli("init", "plans/an-lao", "--ward", "Xã An Lão", "--issuer", "ban-chi-dao", "--year", "2026").exit_code == 0
    )
    assert cli("render", "plan", "plans/an-lao", "-o", "kh.docx").exit_code == 0
    lines = issuer_cell(repo / "kh.docx")
    assert [(line["text"], line["bold"]) for line in lines[:2]] == [("UBND XÃ AN LÃO", False), ("BAN CHỈ ĐẠO", True)]
    rule = lines[2]["rule_mm"]
    name = width_mm("BAN CHỈ ĐẠO", 13, bold=True)
    # 0.4 of the issuer's name (12.3 mm), not of the parent's "UBND XÃ AN LÃO" (14.4 mm)
    assert rule == pytest.approx(0.4 * name, abs=0.5)


def test_a_party_committee_under_the_city_party(cli, repo: Path) -> None:
    args = ("init", "plans/cat-hai", "--ward", "Đặc khu Cát Hải", "--issuer", "dang-uy", "--year", "2026")
    assert cli(*args).exit_code == 0
    assert cli("render", "plan", "plans/cat-hai", "-o", "kh.docx").exit_code == 0
    lines = issuer_cell(repo / "kh.docx")
    assert [(line["text"], line["bold"], line["rule_mm"]) for line in lines] == [
        ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", False, None),
        ("ĐẢNG ỦY ĐẶC KHU CÁT HẢI", True, None),
        ("*", True, None),
    ]


def test_a_ward_without_a_parent_body_is_as_before(cli, repo: Path) -> None:
    assert cli("render", "plan", "plans/le-thanh-nghi", "-o", "kh.docx").exit_code == 0
    lines = issuer_cell(repo / "kh.docx")
    assert [(line["text"], line["bold"]) for line in lines[:2]] == [
        ("ỦY BAN NHÂN DÂN", True),
        ("PHƯỜNG LÊ THANH NGHỊ", True),
    ]
    longest = width_mm("PHƯỜNG LÊ THANH NGHỊ", 13, bold=True)
    assert lines[2]["rule_mm"] == pytest.approx(0.4 * longest, abs=0.5)
