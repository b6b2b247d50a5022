"""`ctt init` for any commune-level unit (xã, phường, đặc khu) and any issuer (UBND, MTTQ, Đảng ủy)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, edit
from ctt_cli.vn.commune import CommuneKind, foreign_words, kind_of_name, reword

CASES = [
    # (args, folder, header lines, symbol, signature lines, own words, words that must not appear)
    (
        ["--ward", "Xã An Lão"],
        "an-lao",
        ["ỦY BAN NHÂN DÂN", "XÃ AN LÃO"],
        "KH-UBND",
        ("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ["UBND xã", "Các thôn", "địa bàn xã An Lão"],
        ["phường", "tổ dân phố"],
    ),
    (
        ["--ward", "Phường Hòa Bình", "--issuer", "mttq"],
        "hoa-binh",
        ["ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG HÒA BÌNH", "BAN THƯỜNG TRỰC"],
        "KH-MTTQ",
        ("TM.", "BAN THƯỜNG TRỰC", "CHỦ TỊCH"),
        ["UBND phường", "Các Tổ dân phố"],
        ["thôn", "UBND xã"],
    ),
    (
        ["--ward", "Đặc khu Cát Hải", "--issuer", "dang-uy"],
        "cat-hai",
        ["ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", "ĐẢNG ỦY ĐẶC KHU CÁT HẢI", "*"],
        "KH/ĐU",
        ("TM.", "ĐẢNG ỦY", "BÍ THƯ"),
        ["UBND đặc khu", "Các thôn, tổ dân phố"],
        ["UBND phường", "UBND xã"],
    ),
    (
        ["--ward", "Tiên Lãng", "--kind", "xa", "--issuer", "ubnd", "--deputy"],
        "tien-lang",
        ["ỦY BAN NHÂN DÂN", "XÃ TIÊN LÃNG"],
        "KH-UBND",
        ("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        ["ward: Xã Tiên Lãng", "UBND xã"],
        ["phường"],
    ),
    (
        ["--ward", "Xã Vĩnh Bảo", "--issuer", "Ban Thường trực Ủy ban MTTQ Việt Nam xã Vĩnh Bảo", "--deputy"],
        "vinh-bao",
        ["ỦY BAN MTTQ VIỆT NAM", "XÃ VĨNH BẢO", "BAN THƯỜNG TRỰC"],
        "KH-MTTQ",
        ("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        ["name: Ban Thường trực Ủy ban MTTQ Việt Nam xã Vĩnh Bảo"],
        ["phường"],
    ),
    (
        [
            "--ward",
            "Xã Kiến Thụy",
            "--issuer",
            "dang-uy",
            "--deputy",
            "--header",
            "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",
            "--header",
            "ĐẢNG ỦY XÃ KIẾN THỤY",
        ],
        "kien-thuy",
        ["ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", "ĐẢNG ỦY XÃ KIẾN THỤY"],
        "KH/ĐU",
        ("KT.", "BÍ THƯ", "PHÓ BÍ THƯ"),
        ["Các thôn"],
        ["tổ dân phố"],
    ),
    (
        ["--ward", "Phường Đồ Sơn", "--issuer", "Ban Chỉ đạo thực hiện mô hình “Chính quyền thân thiện” phường Đồ Sơn"],
        "do-son",
        ["UBND PHƯỜNG ĐỒ SƠN", "BAN CHỈ ĐẠO"],
        "KH-BCĐ",
        ("TM.", "BAN CHỈ ĐẠO", "TRƯỞNG BAN"),
        ["Các Tổ dân phố", "UBND phường"],
        ["thôn"],
    ),
]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _without_city_documents(text: str) -> str:
    """The starter's own words: the city documents' subjects (copied as cited) are left out."""
    return "\n".join(
        line
        for line in text.split("\n")
        if "xã, phường, đặc khu" not in line and "cấp xã" not in line and "xã hội" not in line
    )


@pytest.mark.parametrize(
    ("args", "folder", "header", "symbol", "signature", "own", "foreign"), CASES, ids=[c[1] for c in CASES]
)
def test_init_writes_the_unit_and_issuer_words(
    cli, repo: Path, args, folder, header, symbol, signature, own, foreign
) -> None:
    result = cli("init", f"plans/{folder}", *args, "--year", "2026")
    assert result.exit_code == 0, result.output
    found = json.loads(cli("validate", f"plans/{folder}", "-f", "json").stdout)
    assert {f["code"] for f in found} <= {"W409", "W701"}, found
    assert sum(f["code"] == "W409" for f in found) == 2
    plan_text = (repo / "plans" / folder / "plan.yaml").read_text(encoding="utf-8")
    everything = "\n".join(
        (repo / "plans" / folder / f"{k}.yaml").read_text(encoding="utf-8") for k in ("plan", "units", "tasks")
    )
    issuer = yaml.safe_load(plan_text)["issuer"]
    assert [*issuer.get("parent_header", []), *issuer["header"]] == header  # the lines at the top left
    assert f"symbol: {symbol}\n" in plan_text
    authority, body, title = signature
    assert f"authority: {authority}\n  body: {body}\n  title: {title}\n" in plan_text
    for word in own:
        assert word in everything, word
    mine = _without_city_documents(everything)
    for word in foreign:
        assert not re.search(rf"(?<!\w){word}(?!\w)", mine, re.IGNORECASE), word
    assert cli("fmt", "--check", f"plans/{folder}").exit_code == 0
    rendered = cli("render", "plan", f"plans/{folder}", "-o", str(repo / f"{folder}.docx"))
    assert rendered.exit_code == 0, rendered.output


def test_party_number_line(cli, repo: Path) -> None:
    from ctt_cli.vn.nd30 import number_line

    assert number_line(5, "KH/ĐU") == "Số 05-KH/ĐU"
    assert number_line(None, "KH/ĐU").startswith("Số ") and number_line(None, "KH/ĐU").endswith("-KH/ĐU")
    assert number_line(12, "KH-MTTQ") == "Số: 12/KH-MTTQ"


def test_party_documents_keep_the_party_form(cli, repo: Path) -> None:
    assert (
        cli("init", "plans/kien-an", "--ward", "Phường Kiến An", "--issuer", "dang-uy", "--year", "2026").exit_code == 0
    )
    assert cli("new-year", "2026", "plans/kien-an").exit_code == 0
    assert cli("render", "all", "plans/kien-an", "-y", "2026", "--as-of", "2026-12-20").exit_code == 0
    lines = {
        p.name: cli("docx-text", str(p)).stdout.split("\n")[1] for p in (repo / "build" / "kien-an").glob("*.docx")
    }
    assert lines["ke-hoach.docx"].startswith("Số ") and "-KH/ĐU |" in lines["ke-hoach.docx"]
    assert "-BC/ĐU |" in lines["bao-cao-2026.docx"] and "-BC/ĐU |" in lines["tu-danh-gia-2026.docx"]
    assert "dang-ky-2026.docx" not in lines  # due 15/02/2026, before the plan: left out
    for kind, symbol in (("registration", "-CV/ĐU"), ("year-plan", "-KH/ĐU |")):
        out = repo / f"{kind}.docx"
        assert cli("render", kind, "plans/kien-an", "-y", "2027", "-o", str(out)).exit_code == 0
        text = cli("docx-text", str(out)).stdout.split("\n")
        assert symbol in text[1] and "ĐẢNG CỘNG SẢN VIỆT NAM" in text[0]


def test_init_refuses_an_unknown_kind(cli, repo: Path) -> None:
    assert cli("init", "plans/x", "--ward", "An Lão").exit_code == 2  # no kind in the name, no --kind
    assert cli("init", "plans/x", "--ward", "Xã An Lão", "--kind", "huyen").exit_code == 2
    clash = cli("init", "plans/x", "--ward", "Xã An Lão", "--kind", "phuong")
    assert clash.exit_code == 2 and "'Xã An Lão' là xã, khác --kind phuong" in clash.stderr
    assert not (repo / "plans" / "x").exists()


def test_w410_both_ways(cli, repo: Path) -> None:
    assert cli("init", "plans/an-lao", "--ward", "Xã An Lão", "--year", "2026").exit_code == 0
    assert cli("init", "plans/hoa-binh", "--ward", "Phường Hòa Bình", "--year", "2026").exit_code == 0
    edit(repo / "plans/an-lao/tasks.yaml", "trên địa bàn xã", "trên địa bàn phường và các tổ dân phố")
    edit(repo / "plans/hoa-binh/plan.yaml", "MỤC ĐÍCH, YÊU CẦU", "MỤC ĐÍCH, YÊU CẦU CỦA XÃ VÀ CÁC THÔN")
    xa = [f for f in json.loads(cli("validate", "plans/an-lao", "-f", "json").stdout) if f["code"] == "W410"]
    assert sorted(f["message"] for f in xa) == [
        "xã không có 'phường'; có phải 'xã'?",
        "xã không có 'tổ dân phố'; có phải 'thôn'?",
    ]
    phuong = [f for f in json.loads(cli("validate", "plans/hoa-binh", "-f", "json").stdout) if f["code"] == "W410"]
    assert sorted(f["message"] for f in phuong) == [
        "phường không có 'THÔN'; có phải 'tổ dân phố'?",
        "phường không có 'XÃ'; có phải 'phường'?",
    ]
    assert all(f["file"].endswith(("tasks.yaml", "plan.yaml")) for f in xa + phuong)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("tại xã, phường, đặc khu trên địa bàn thành phố", CommuneKind.PHUONG, []),
        ("công nhận “Chính quyền thân thiện” cấp xã", CommuneKind.PHUONG, []),
        ("con người xã hội chủ nghĩa; các tổ chức chính trị - xã hội", CommuneKind.PHUONG, []),
        ("các thôn, tổ dân phố trên địa bàn", CommuneKind.DAC_KHU, []),
        ("Hợp tác xã nông nghiệp", CommuneKind.PHUONG, []),
        ("UBND xã và các thôn", CommuneKind.PHUONG, ["xã", "thôn"]),
        ("Các Tổ dân phố của phường", CommuneKind.XA, ["Tổ dân phố", "phường"]),
        ("xã hoặc phường", CommuneKind.XA, []),
        ("Phường Đông Hải", CommuneKind.XA, ["Phường"]),
    ],
)
def test_foreign_words(text: str, kind: CommuneKind, expected: list[str]) -> None:
    assert [w for _, w in foreign_words(text, kind)] == expected


def test_reword_keeps_case_and_the_city_enumeration() -> None:
    assert (
        reword("Các Tổ dân phố; UBND phường; PHƯỜNG LÊ CHÂN", CommuneKind.PHUONG, CommuneKind.XA)
        == "Các thôn; UBND xã; XÃ LÊ CHÂN"
    )
    assert (
        reword("tại xã, phường, đặc khu; địa bàn phường", CommuneKind.PHUONG, CommuneKind.DAC_KHU)
        == "tại xã, phường, đặc khu; địa bàn đặc khu"
    )
    assert reword("các tổ dân phố", CommuneKind.PHUONG, CommuneKind.XA) == "các thôn"
    assert kind_of_name("Đặc khu Bạch Long Vĩ") is CommuneKind.DAC_KHU and kind_of_name("Huyện X") is None


@pytest.mark.parametrize(
    ("ward", "areas"), [("Phường Ngọc Hải", "các tổ dân phố"), ("Đặc khu Cát Hải", "các thôn, tổ dân phố")]
)
def test_init_from_a_xa_plan_with_groups_and_appendices(cli, repo: Path, ward: str, areas: str) -> None:
    """Starting from the xã test plan (two appendices, groups, co-leads, a retired task): the other kind's
    words, the group's shared cells kept on the group, the retired task left behind."""
    minh_tan = Path(__file__).resolve().parents[1] / "data" / "wards" / "minh-tan"
    assert cli("init", "plans/moi", "--ward", ward, "--from", str(minh_tan), "--year", "2026").exit_code == 0
    found = json.loads(cli("validate", "plans/moi", "-f", "json").stdout)
    assert [f["code"] for f in found] == ["W409", "W409"], found
    tasks = yaml.safe_load((repo / "plans/moi/tasks.yaml").read_text(encoding="utf-8"))
    assert [a["id"] for a in tasks["appendices"]] == ["phu-luc-1", "phu-luc-2"]
    assert tasks["groups"][0]["deadline"] == "Hằng năm"
    t1, t2 = tasks["tasks"][:2]
    assert "deadline" not in t2 and "lead" not in t2  # shared by the group, as in the source
    assert areas in t1["text"] and areas in t1["result"]
    assert "T04" not in [t["id"] for t in tasks["tasks"]]  # retired in the source's amended plan
