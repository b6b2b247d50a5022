"""`ctt fmt` repairs what editors break (BOM, CRLF or mixed line endings, NFD text) without changing meaning."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT
from ctt_cli.yamlio import parse_yaml, plain
from ctt_cli.yamlio.repair import repair

NOTEPAD_UNITS = (  # Notepad on Windows: "UTF-8 with BOM", CRLF
    "\ufeffunits:\r\n"
    "  - id: ubnd-phuong\r\n"
    "    name: Ủy ban nhân dân phường Hòa Bình\r\n"
    "    short_name: UBND phường\r\n"
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: â ê ô ă ơ ư đ precomposed, the five tones as combining marks."""
    letters = re.sub(
        "([a-zA-Z])([\u0300\u0301\u0303\u0309\u0323]*)([\u0302\u0306\u031b])",
        lambda m: unicodedata.normalize("NFC", m[1] + m[3]) + m[2],
        nfd(text),
    )
    return letters.encode("cp1258")


def test_bom_and_crlf_from_notepad() -> None:
    fixed = repair(NOTEPAD_UNITS.encode("utf-8"))
    assert fixed.data == NOTEPAD_UNITS.lstrip("\ufeff").replace("\r\n", "\n").encode("utf-8")
    assert fixed.notes == ["bỏ BOM ở đầu tệp", "đổi 4 dòng CRLF sang kiểu xuống dòng LF"]


def test_mixed_endings_after_a_paste() -> None:
    raw = b"tasks:\r\n  - id: T01\n    text: a\r\n    deadline: Q\xc3\xbd I\n"
    fixed = repair(raw)
    assert b"\r" not in fixed.data and fixed.data.count(b"\n") == 4
    assert fixed.notes == ["đổi 2 dòng CRLF (lẫn với LF) sang kiểu xuống dòng LF"]


def test_old_mac_cr_only() -> None:
    fixed = repair(b"year: 2026\rrecords: []\r")
    assert fixed.data == b"year: 2026\nrecords: []\n"
    assert fixed.notes == ["đổi 2 dòng CR sang kiểu xuống dòng LF"]


def test_nfd_pasted_from_a_pdf_becomes_nfc() -> None:
    text = "tasks:\n  - id: T01\n    text: " + nfd("Tuyên truyền “Chính quyền thân thiện” hằng năm") + "\n"
    fixed = repair(text.encode("utf-8"))
    assert fixed.data.decode("utf-8") == unicodedata.normalize("NFC", text)
    assert fixed.notes == ["chuyển chữ tổ hợp (NFD) sang chữ dựng sẵn (NFC) ở 1 dòng"]


def test_clean_file_and_non_utf8_are_left_alone() -> None:
    clean = b"year: 2026\nrecords: []\n"
    assert repair(clean).data == clean and not repair(clean).changed
    cp1258_bytes = cp1258("ward: Phường Hòa Bình\r\n")
    assert repair(cp1258_bytes).data == cp1258_bytes  # E103: a person chooses the encoding
    fixed = repair(b"\xef\xbb\xbf" + cp1258_bytes)
    assert fixed.data == cp1258_bytes and fixed.notes == ["bỏ BOM ở đầu tệp"]


def test_meaning_is_kept() -> None:
    raw = "\ufeff" + nfd("tasks:\r\n  - id: T01\r\n    text: 'Hội nghị: sơ kết'\r\n    deadline: Quý IV hằng năm\n")
    fixed = repair(raw.encode("utf-8"))
    before, _ = parse_yaml(unicodedata.normalize("NFC", raw.lstrip("\ufeff")).replace("\r\n", "\n").encode(), "a")
    after, findings = parse_yaml(fixed.data, "b")
    assert not findings and plain(after.tree) == plain(before.tree)
    assert plain(after.tree)["tasks"][0]["text"] == "Hội nghị: sơ kết"
    assert repair(fixed.data).data == fixed.data and not repair(fixed.data).changed  # idempotent


@pytest.fixture
def broken_ward(tmp_path: Path) -> Path:
    """The shipped ward as three editors left it: units.yaml by Notepad (BOM, CRLF), tasks.yaml with
    mixed endings, documents.yaml partly pasted from a PDF (NFD)."""
    plans = tmp_path / "plans"
    shutil.copytree(ROOT / "plans" / "le-thanh-nghi", plans / "w")
    shutil.copytree(ROOT / "plans" / "criteria", plans / "criteria")
    ward = plans / "w"
    units = ward / "units.yaml"
    units.write_bytes(b"\xef\xbb\xbf" + units.read_bytes().replace(b"\n", b"\r\n"))
    tasks = ward / "tasks.yaml"
    lines = tasks.read_bytes().split(b"\n")
    tasks.write_bytes(b"\n".join(line + (b"\r" if i % 3 == 0 and line else b"") for i, line in enumerate(lines)))
    docs = ward / "documents.yaml"
    docs.write_text(nfd(docs.read_text(encoding="utf-8")), encoding="utf-8")
    return ward


def test_fmt_repairs_a_broken_ward(cli, broken_ward: Path) -> None:
    shipped = ROOT / "plans" / "le-thanh-nghi"
    before = cli("validate", str(broken_ward.parent / "w"), "--format", "json")
    assert before.exit_code == 1
    codes = {f["code"] for f in json.loads(before.stdout)}
    assert {"E104", "E400"} <= codes

    check = cli("fmt", str(broken_ward), "--check")
    assert check.exit_code == 1
    assert "cần định dạng lại: " in check.stderr and "(cần bỏ BOM ở đầu tệp; đổi" in check.stderr
    assert "tasks.yaml (cần đổi" in check.stderr and "(lẫn với LF)" in check.stderr
    assert "documents.yaml (cần chuyển chữ tổ hợp (NFD) sang chữ dựng sẵn (NFC)" in check.stderr
    assert (broken_ward / "units.yaml").read_bytes().startswith(b"\xef\xbb\xbf")  # --check wrote nothing

    done = cli("fmt", str(broken_ward))
    assert done.exit_code == 0, done.stderr
    assert "đã định dạng: " in done.stderr and "(đã bỏ BOM ở đầu tệp; đổi" in done.stderr
    for name in ("units.yaml", "tasks.yaml", "documents.yaml"):
        assert (broken_ward / name).read_bytes() == (shipped / name).read_bytes(), name

    again = cli("fmt", str(broken_ward), "--check")
    assert again.exit_code == 0 and "cần định dạng lại" not in again.stderr
    after = cli("validate", str(broken_ward), "--format", "json")
    assert not {"E104", "E400"} & {f["code"] for f in json.loads(after.stdout)}


def test_fmt_diff_names_the_repair_and_writes_nothing(cli, broken_ward: Path) -> None:
    units = broken_ward / "units.yaml"
    raw = units.read_bytes()
    result = cli("fmt", str(units), "--diff")
    assert result.exit_code == 1
    assert "units.yaml: bỏ BOM ở đầu tệp; đổi" in result.stderr
    assert units.read_bytes() == raw


def test_fmt_leaves_non_utf8_to_a_person(cli, tmp_path: Path) -> None:
    ward = tmp_path / "plans" / "w"
    shutil.copytree(ROOT / "plans" / "le-thanh-nghi", ward)
    units = ward / "units.yaml"
    raw = cp1258(units.read_text(encoding="utf-8"))
    units.write_bytes(raw)
    result = cli("fmt", str(units))
    assert result.exit_code == 1 and "E103" in result.stderr
    assert units.read_bytes() == raw
