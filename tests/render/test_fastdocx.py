"""Documents from templates compiled across runs (render/fastdocx.py): byte for byte what the docxtpl
path writes, for the shipped templates and for templates made the way other offices make them; the
cases it does not reproduce go to docxtpl; the compiled form is kept in the code cache."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt

from conftest import SHIPPED
from ctt_cli.render import documents, engine, fastdocx, zipout
from ctt_cli.render.documents import Request
from ctt_cli.render.docx_text import docx_lines
from ctt_cli.workspace.pipeline import Options, check_paths

DAY = dt.date(2026, 11, 20)
META = {"title": "Báo cáo thử", "author": "UBND phường Thử", "date": dt.date(2026, 3, 4), "status": "MINH HỌA"}


@pytest.fixture
def code_cache(monkeypatch, tmp_path: Path) -> Path:
    """A private, empty code cache (and nothing compiled in this process yet)."""
    monkeypatch.setenv("CTT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(fastdocx, "_MEMO", {})
    return tmp_path / "cache" / "code" / "templates"


@pytest.fixture
def fallbacks(monkeypatch) -> list[str]:
    """The renders ``engine.render`` sent to the docxtpl path."""
    seen: list[str] = []
    reference = engine.render_reference

    def spy(template, ctx, meta, static):
        seen.append(template.name)
        return reference(template, ctx, meta, static)

    monkeypatch.setattr(engine, "render_reference", spy)
    return seen


def both(template: Path, context: dict, meta: dict) -> tuple[bytes, bytes]:
    """(this module's render through engine.render, docxtpl's render of the same)."""
    fast = engine.render(template, context, meta)
    return fast, _reference(template, context, meta)


def _reference(template: Path, context: dict, meta: dict) -> bytes:
    """docxtpl's render, step by step as engine.render did before the compiled path."""
    from ctt_cli.render.compiled import docx_template
    from ctt_cli.render.sandbox import time_limit

    tpl = docx_template(str(template))
    with time_limit():
        tpl.render(engine.typeset(context), jinja_env=engine.environment(), autoescape=True)
    for prop, value in engine.core_values(meta):
        setattr(tpl.docx.core_properties, prop, value)
    buf = io.BytesIO()
    tpl.save(buf)
    return engine.reproducible(buf.getvalue())


def test_zip_records_are_what_zipfile_writes() -> None:
    members = {
        "[Content_Types].xml": b"<Types/>" * 40,
        "word/document.xml": "Ủy ban nhân dân phường Lê Thanh Nghị".encode() * 300,
        "word/media/ảnh.bin": bytes(range(256)) * 64,
        "docProps/empty.xml": b"",
    }
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(zipout.info(name), data, compresslevel=6)
    assert zipout.assemble([zipout.record(n, d, 6) for n, d in members.items()]) == expected.getvalue()
    assert zipfile.ZipFile(io.BytesIO(zipout.assemble([]))).namelist() == []


def test_shipped_documents_are_byte_identical(code_cache: Path, fallbacks: list[str]) -> None:
    ward = check_paths([SHIPPED], Options(DAY, need_models=True)).usable[0]
    seen, templates = 0, set()
    for year in (2026, 2027, 2030):
        for req in documents.due_documents(ward, year):
            req = Request(req.kind, req.year, req.first, req.last, DAY)
            ctx = documents.context(ward, req)
            template = documents.templates_dir() / documents.KINDS[req.kind].template
            fast, reference = both(template, ctx, ctx["meta"])
            assert fast == reference, req.label()
            seen += 1
            templates.add(template.name)
    assert seen >= 10 and fallbacks == []  # every one of them through the compiled path
    assert len(list(code_cache.iterdir())) == len(templates)  # one compiled form per template


def office_template(path: Path, *, rows: bool = True, columns: bool = False) -> Path:
    """A template the way another office makes one: a header and a footer with tags, a table whose
    rows come from a loop, its own styles; and core properties left sparse (no title, no subject)."""
    doc = Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "{{ unit }} — {{ meta.title }}"
    section.footer.paragraphs[0].text = "Trang cuối: {{ meta.author }}"
    heading = doc.add_paragraph("BÁO CÁO KẾT QUẢ")
    heading.runs[0].bold = True
    heading.runs[0].font.size = Pt(14)
    doc.add_paragraph("Đơn vị: {{ unit }}; ngày {{ day }}.")
    doc.add_paragraph("Phần cố định của mẫu, không có thẻ nào.")
    if rows:
        table = doc.add_table(rows=4, cols=2)
        table.style = "Table Grid"
        table.cell(0, 0).text, table.cell(0, 1).text = "Việc", "Kết quả"
        table.cell(1, 0).text = "{%tr for r in rows %}"
        table.cell(2, 0).text, table.cell(2, 1).text = "{{ r.text }}", "{{ r.result }}"
        table.cell(3, 0).text = "{%tr endfor %}"
    if columns:
        grid = doc.add_table(rows=1, cols=3)
        grid.cell(0, 0).text = "{%tc for c in cols %}"
        grid.cell(0, 1).text = "{{ c }}"
        grid.cell(0, 2).text = "{%tc endfor %}"
    doc.add_paragraph("{% if note %}Ghi chú: {{ note }}{% endif %}")
    doc.core_properties.title = ""
    buf = io.BytesIO()
    doc.save(buf)
    # drop dc:title and dc:subject from core.xml: python-docx then adds them at the end
    src = zipfile.ZipFile(buf)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                for tag in (b"dc:title", b"dc:subject"):
                    data = data.replace(b"<" + tag + b"/>", b"")
                    start = data.find(b"<" + tag + b">")
                    if start >= 0:
                        data = data[:start] + data[data.index(b"</" + tag + b">") + len(tag) + 3 :]
            out.writestr(item, data)
    return path


CONTEXT = {
    "unit": 'Phường Hòa Bình <script>alert(1)</script> & Cty "A"',
    "day": "04/3/2026",
    "meta": {"title": "Báo cáo 05/BC-UBND năm 2026 - 2027", "author": "UBND phường Hòa Bình"},
    "rows": [{"text": "Niêm yết TTHC", "result": "Đạt 100 %"}, {"text": "Tiếp công dân", "result": "Chưa đạt"}],
    "note": "số liệu MINH HỌA",
    "cols": ["Quý I", "Quý II"],
}


def test_another_offices_template_is_byte_identical(code_cache: Path, fallbacks: list[str], tmp_path: Path) -> None:
    template = office_template(tmp_path / "mau.docx")
    fast, reference = both(template, CONTEXT, META)
    assert fast == reference and fallbacks == []
    out = tmp_path / "out.docx"
    out.write_bytes(fast)
    text = "\n".join(docx_lines(out))
    assert 'Phường Hòa Bình <script>alert(1)</script> & Cty "A"' in text  # data escaped into XML, shown as typed
    assert "Tiếp công dân | Chưa đạt" in text and "Ghi chú: số liệu MINH HỌA" in text
    core = zipfile.ZipFile(io.BytesIO(fast)).read("docProps/core.xml").decode()
    assert "<dc:title>Báo cáo thử</dc:title>" in core and "dcterms:W3CDTF" in core
    assert not zipfile.ZipFile(io.BytesIO(fast)).read("word/document.xml").count(b"<script>")


def test_what_it_does_not_reproduce_goes_to_docxtpl(code_cache: Path, fallbacks: list[str], tmp_path: Path) -> None:
    template = office_template(tmp_path / "mau.docx", columns=True)
    fast, reference = both(template, CONTEXT, META)  # {%tc for %}: docxtpl re-grids the table
    assert fast == reference and fallbacks == ["mau.docx"]
    plain = office_template(tmp_path / "plain.docx")
    lines = {**CONTEXT, "note": "dòng một\ndòng hai\tcột"}  # docxtpl's listing rewrite of \n and \t
    fast, reference = both(plain, lines, META)
    assert fast == reference and fallbacks == ["mau.docx", "plain.docx"]
    long_title = office_template(tmp_path / "long.docx")
    with pytest.raises(ValueError, match="255"):  # python-docx's own limit, the same on both paths
        engine.render(long_title, CONTEXT, {**META, "title": "x" * 300})


def test_code_cache_across_runs(code_cache: Path, monkeypatch, tmp_path: Path) -> None:
    template = office_template(tmp_path / "mau.docx")
    first = engine.render(template, CONTEXT, META)
    kept = list(code_cache.iterdir())
    assert len(kept) == 1  # written although CTT_NO_CACHE is set (tests run with it): a code cache
    assert os.environ.get("CTT_NO_CACHE")
    monkeypatch.setattr(fastdocx, "_MEMO", {})

    def no_compile(*args):
        raise AssertionError("compiled again although the code cache has it")

    monkeypatch.setattr(fastdocx, "_compile", no_compile)
    assert engine.render(template, CONTEXT, META) == first  # a new process: read back from the cache
    monkeypatch.undo()
    monkeypatch.setenv("CTT_CACHE_DIR", str(code_cache.parent.parent))
    monkeypatch.setattr(fastdocx, "_MEMO", {})
    kept[0].write_bytes(b"\x00garbage")  # a damaged entry is a miss, never a failure
    assert engine.render(template, CONTEXT, META) == first
    office_template(template, rows=False)  # the office edits its template: a new key, never stale output
    changed = engine.render(template, CONTEXT, META)
    assert changed != first and "Tiếp công dân" not in "\n".join(docx_lines(_write(tmp_path, changed)))
    assert len(list(code_cache.iterdir())) == 2


def test_old_compiled_templates_are_pruned(code_cache: Path, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(fastdocx, "KEPT", 2)
    for rows, columns in ((True, False), (False, False), (True, True)):
        template = office_template(tmp_path / f"mau-{rows}-{columns}.docx", rows=rows, columns=columns)
        engine.render(template, CONTEXT, META)
    kept = list(code_cache.iterdir())
    assert len(kept) == 2 and fastdocx._path(fastdocx.key(template.read_bytes())) in kept  # the newest stays


def _write(tmp_path: Path, data: bytes) -> Path:
    out = tmp_path / "written.docx"
    out.write_bytes(data)
    return out


def test_unwritable_code_cache_still_renders(monkeypatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CTT_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(fastdocx, "_MEMO", {})
    template = office_template(tmp_path / "mau.docx")
    fast, reference = both(template, CONTEXT, META)
    assert fast == reference


def test_budgets_and_errors_on_the_compiled_path(code_cache: Path, fallbacks: list[str], tmp_path: Path) -> None:
    template = office_template(tmp_path / "mau.docx")
    doc = Document(template)
    doc.add_paragraph("{% for i in range(150000) %}{% for j in range(2) %}{% endfor %}{% endfor %}")
    doc.add_paragraph("{% for i in range(100000) %}{% endfor %}")
    doc.save(tmp_path / "loop.docx")
    with pytest.raises(engine.RenderError, match="range"):
        engine.render(tmp_path / "loop.docx", CONTEXT, META)
    doc = Document(template)
    doc.add_paragraph("{{ unit.__class__.__mro__ }}")
    doc.save(tmp_path / "escape.docx")
    with pytest.raises(engine.RenderError, match="an toàn"):
        engine.render(tmp_path / "escape.docx", CONTEXT, META)
    with pytest.raises(engine.RenderError, match="biến không có trong dữ liệu"):
        engine.render(template, {k: v for k, v in CONTEXT.items() if k != "unit"}, META)
    assert fallbacks == []  # all three failed on the compiled path, in docxtpl's words


def test_a_cached_render_imports_neither_docx_nor_docxtpl(tmp_path: Path) -> None:
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('DOCX', 'docx' in sys.modules or 'docxtpl' in sys.modules, file=sys.stderr))\n"
        "from ctt_cli.app import main\n"
        f"sys.argv = ['ctt', 'render', 'plan', {str(SHIPPED)!r}, '-o', sys.argv[1]]\n"
        "main()\n"
    )
    env = {**os.environ, "CTT_CACHE_DIR": str(tmp_path / "cache"), "CTT_NO_CACHE": "1"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / f"{i}.docx")], capture_output=True, text=True, env=env
        )
        for i in range(2)
    ]
    assert "DOCX True" in runs[0].stderr and "DOCX False" in runs[1].stderr, runs[1].stderr
    assert (tmp_path / "0.docx").read_bytes() == (tmp_path / "1.docx").read_bytes()
