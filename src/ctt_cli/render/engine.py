"""The docx engine: safe Jinja rendering into a docxtpl template, reproducible bytes."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from ctt_cli.fsutil import DOCX_LIMIT, ReadError, check_docx, read_input, register_input
from ctt_cli.render import fastdocx, template_check, zipout
from ctt_cli.render.compiled import CompiledEnvironment, docx_template
from ctt_cli.render.ooxml import keep_together, tidy
from ctt_cli.render.sandbox import TIME_LIMIT, TemplateTimeout, time_limit
from ctt_cli.render.table_grid import fit_columns
from ctt_cli.vn.errors import template_problem

FIXED_ZIP_TIME = zipout.FIXED_ZIP_TIME
COMPRESS_LEVEL = 6  # zlib default: 5 ms for a plan vs 14 ms at level 9, for a 6 % larger file (bench/README.md)


class RenderError(Exception):
    """A template could not be rendered; the message names the template and the tag."""


def nfc(value: Any) -> Any:
    """Every string in the context, normalised to NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [nfc(v) for v in value]
    return value


def typeset(value: Any) -> Any:
    """Every string in the context in NFC, with NĐ 30 symbols and year ranges kept on
    one line (non-breaking hyphens and spaces: ooxml.keep_together)."""

    if isinstance(value, str):
        return keep_together(unicodedata.normalize("NFC", value))
    if isinstance(value, dict):
        return {k: typeset(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [typeset(v) for v in value]
    return value


def environment():
    """Sandboxed, autoescaping, strict (an unknown variable is an error, never an empty string) and
    bounded in loops, sizes and time (render/sandbox.py). A fresh one per render: the budget is
    per render; the compiled code is shared (render/compiled.py)."""

    return CompiledEnvironment()


def _describe(exc: Exception) -> str:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, UndefinedError):
        return f"biến không có trong dữ liệu: {template_problem(exc.message or '')}"
    if isinstance(exc, TemplateSyntaxError):
        return f"thẻ Jinja sai cú pháp: {template_problem(exc.message or '')}"
    if isinstance(exc, SecurityError):
        return f"thẻ bị chặn vì lý do an toàn: {template_problem(str(exc))}"
    if isinstance(exc, TemplateTimeout):
        return f"mẫu chạy quá {TIME_LIMIT} giây (vòng lặp quá lớn?), đã dừng"
    if isinstance(exc, MemoryError):
        return "mẫu cần quá nhiều bộ nhớ, đã dừng"
    return f"lỗi khi điền mẫu: {template_problem(str(exc))}"


def _check_template(template: Path) -> list[str]:
    """A template that is a zip bomb, huge, not a zip, broken XML or with a tag left open is refused
    before docxtpl opens it (docxtpl would repair it silently); returns its static paragraphs."""
    try:
        check_docx(template)
        return template_check.check(read_input(template, DOCX_LIMIT))
    except ReadError as exc:
        raise RenderError(f"mẫu {template.name}: {exc.message}") from None
    except template_check.TemplateProblem as exc:
        raise RenderError(f"mẫu {template.name}: {exc}") from None


def render(template: Path, context: dict[str, Any], meta: dict[str, Any]) -> bytes:
    """Render ``template`` with ``context``; return the .docx bytes (same input, same bytes).

    The template compiled once and kept across runs (render/fastdocx.py) when it can be; else, and
    for what that path does not reproduce exactly, docxtpl (``render_reference``): same bytes."""
    register_input(template)  # never written over by this run's output
    try:
        data: bytes | None = read_input(template, DOCX_LIMIT)
    except ReadError:
        data = None  # _check_template says why
    art = fastdocx.lookup(data) if data is not None and len(data) <= DOCX_LIMIT else None
    if art is None:
        static = _check_template(template)
        art = fastdocx.build(data, static, COMPRESS_LEVEL) if data is not None else {"static": static, "fast": False}
    ctx = typeset(context)
    if art["fast"]:
        try:
            with time_limit():
                filled = fastdocx.fill(art, ctx)
        except fastdocx.Unsupported:
            filled = None
        except Exception as exc:  # the same errors as docxtpl's render (jinja, lxml, TemplateTimeout)
            raise RenderError(f"mẫu {template.name}: {_describe(exc)}") from None
        if filled is not None:
            out, document = fastdocx.finish(art, filled, core_values(meta), COMPRESS_LEVEL)
            _keeps_static(template, template_check.missing_static_in(art["static"], document))
            return out
    return render_reference(template, ctx, meta, art["static"])


def core_values(meta: dict[str, Any]) -> list[tuple[str, Any]]:
    """The document's core properties, in the order they are set (python-docx's names)."""
    created = meta.get("date") or dt.date(meta.get("year", 2000), 1, 1)
    moment = dt.datetime(created.year, created.month, created.day, tzinfo=dt.UTC)
    return [
        ("title", nfc(meta.get("title", ""))),
        ("subject", nfc(meta.get("subject", ""))),
        ("author", nfc(meta.get("author", ""))),
        ("last_modified_by", nfc(meta.get("author", ""))),
        ("keywords", nfc(meta.get("keywords", ""))),
        ("comments", nfc(meta.get("comments", ""))),
        ("category", nfc(meta.get("category", ""))),
        ("language", "vi-VN"),
        ("created", moment),
        ("modified", moment),
        ("revision", 1),
        ("identifier", ""),
        ("content_status", nfc(meta.get("status", ""))),
    ]


def _keeps_static(template: Path, lost: str | None) -> None:
    if lost is not None:
        raise RenderError(
            f"mẫu {template.name}: văn bản xuất ra mất đoạn cố định của mẫu '{lost[:80]}'; kiểm tra các thẻ trước đoạn đó"
        )


def render_reference(template: Path, ctx: dict[str, Any], meta: dict[str, Any], static: list[str]) -> bytes:
    """The docxtpl path: ``ctx`` already typeset, ``static`` the template's static paragraphs."""
    try:
        tpl = docx_template(str(template))
        with time_limit():
            tpl.render(ctx, jinja_env=environment(), autoescape=True)
    except Exception as exc:  # docxtpl raises jinja, lxml and its own errors alike (and TemplateTimeout)
        raise RenderError(f"mẫu {template.name}: {_describe(exc)}") from None
    fit_columns(tpl.docx.element.body)  # a table whose columns the data decides (the plan's appendix)
    props = tpl.docx.core_properties
    for prop, value in core_values(meta):
        setattr(props, prop, value)
    buf = io.BytesIO()
    tpl.save(buf)
    out = reproducible(buf.getvalue())
    _keeps_static(template, template_check.missing_static(static, out))
    return out


def reproducible(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times, attributes and order ([Content_Types].xml first),
    its parts tidied to the schema (ooxml.tidy)."""

    src = zipfile.ZipFile(io.BytesIO(data))
    parts = tidy({name: src.read(name) for name in src.namelist()})
    names = sorted(parts, key=lambda n: (n != "[Content_Types].xml", n != "_rels/.rels", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            dst.writestr(zipout.info(name), parts[name], compresslevel=COMPRESS_LEVEL)
    return out.getvalue()


def undeclared(template: Path) -> set[str]:
    """Top-level variables the template uses (body, headers, footers, properties)."""
    from docxtpl import DocxTemplate

    register_input(template)
    _check_template(template)
    try:
        return set(DocxTemplate(str(template)).get_undeclared_template_variables(environment()))
    except Exception as exc:
        raise RenderError(f"mẫu {template.name}: {_describe(exc)}") from None
