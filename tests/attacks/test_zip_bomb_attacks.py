"""Attack: `docx-text`, `render --template` and `ctt import` on a zip bomb or a huge .docx were
bounded only by ulimit. Each now refuses before unpacking, with a Vietnamese error naming the bound."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from ctt_cli import fsutil


def _real_docx() -> bytes:
    doc = Document()
    doc.add_paragraph("KẾ HOẠCH {{ doc.subject }}")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _bomb(kind: str) -> bytes:
    """A real .docx with one extra part that crosses one bound."""
    src = zipfile.ZipFile(io.BytesIO(_real_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
        if kind == "ratio":  # 64 MiB of zeros packs to ~64 KiB: ratio ~1000
            dst.writestr("word/media/bom.bin", b"\0" * (64 << 20), compresslevel=9)
        elif kind == "entries":
            for i in range(fsutil.ZIP_MAX_ENTRIES + 1):
                dst.writestr(f"customXml/item{i}.xml", b"<a/>")
        elif kind == "total":  # random-ish bytes: ratio ~1, but 300 MiB declared in total
            block = bytes(range(256)) * 4096  # 1 MiB that packs poorly
            for i in range(3):
                info = zipfile.ZipInfo(f"word/media/anh{i}.bin")
                info.compress_type = zipfile.ZIP_STORED
                dst.writestr(info, block)
    data = out.getvalue()
    if kind == "total":  # declare 100 MiB per stored part (what a crafted bomb does): patch the headers
        data = _declare_sizes(data, 100 << 20)
    return data


def _declare_sizes(data: bytes, size: int) -> bytes:
    """Rewrite the central directory so each anh*.bin part claims ``size`` bytes unpacked."""
    buf = bytearray(data)
    sig = b"PK\x01\x02"
    at = buf.find(sig)
    while at >= 0:
        name_len = int.from_bytes(buf[at + 28 : at + 30], "little")
        name = bytes(buf[at + 46 : at + 46 + name_len])
        if name.startswith(b"word/media/anh"):
            buf[at + 24 : at + 28] = size.to_bytes(4, "little")
        at = buf.find(sig, at + 4)
    return bytes(buf)


@pytest.mark.parametrize("kind, words", [("ratio", "nén"), ("entries", "phần"), ("total", "giải nén ra")])
def test_docx_text_refuses_a_zip_bomb(cli, tmp_path: Path, kind: str, words: str) -> None:
    bomb = tmp_path / "bom.docx"
    bomb.write_bytes(_bomb(kind))
    result = cli("docx-text", str(bomb))
    assert result.exit_code == 1, result.stderr
    assert "bom zip" in result.stderr and words in result.stderr
    assert "Traceback" not in result.stderr


def test_render_template_refuses_a_zip_bomb(cli, ward_dir: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "mau.docx"
    bomb.write_bytes(_bomb("ratio"))
    out = tmp_path / "out.docx"
    result = cli("render", "plan", str(ward_dir), "--template", str(bomb), "-o", str(out))
    assert result.exit_code == 1 and "mau.docx" in result.stderr and "bom zip" in result.stderr
    assert not out.exists()
    assert cli("templates", "check", str(ward_dir), "--template", str(bomb)).exit_code in (1, 2)


def test_import_refuses_a_zip_bomb(cli, tmp_path: Path) -> None:
    bomb = tmp_path / "ke-hoach.docx"
    bomb.write_bytes(_bomb("ratio"))
    result = cli("import", str(bomb), "-o", str(tmp_path / "plans" / "x"))
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "bom zip" in result.stderr
    assert not (tmp_path / "plans" / "x").exists()


def test_huge_file_is_refused_unread(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(fsutil, "DOCX_LIMIT", 1000)
    path = tmp_path / "lon.docx"
    path.write_bytes(_real_docx())
    with pytest.raises(fsutil.ReadError, match="lớn quá"):
        fsutil.check_docx(path)


def test_real_documents_pass(tmp_path: Path) -> None:
    path = tmp_path / "that.docx"
    path.write_bytes(_real_docx())
    fsutil.check_docx(path)  # no exception
