"""Documents from templates compiled once, across runs (issue 18; bench/README.md).

Everything that depends only on a template's bytes is worked out once and kept in ctt's code cache
(``settings.code_cache_dir()``, keyed by the template's bytes, the code of ``render/`` and the
versions of ctt, Python, Jinja, lxml, python-docx and docxtpl): the strict template check and the static paragraphs
it returns, docxtpl's tag clean-up of the body, headers and footers, their Jinja code, the parts
python-docx writes back unchanged (tidied and compressed, ready for the zip), the document's
skeleton and its core properties. A render then runs the Jinja code on the data, parses what it
gives as docxtpl and python-docx would, tidies the parts that changed and assembles the zip,
without importing python-docx or docxtpl at all.

The output is byte for byte what the docxtpl path (``engine.render_reference``) writes; whatever
this path does not reproduce exactly sends the render there instead: a template with footnotes,
pictures (``wp:docPr``), a table whose cells docxtpl would re-grid, text with tabs or line breaks
(docxtpl's listing rewrite), a property longer than python-docx accepts. The safety properties are
the same: the same sandboxed, strict, autoescaping, bounded environment runs the code, and the
render runs under the same time limit."""

from __future__ import annotations

import importlib.util
import io
import marshal
import os
import re
import sys
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from ctt_cli import __version__
from ctt_cli.digest import digest, hexdigest
from ctt_cli.fsutil import write_atomic
from ctt_cli.render import zipout
from ctt_cli.render.compiled import CompiledEnvironment, docx_template
from ctt_cli.render.ooxml import tidy, tidy_story
from ctt_cli.render.table_grid import fit_columns
from ctt_cli.settings import code_cache_dir

FORMAT = 2
MEMO_ENTRIES = 32
KEPT = 64  # compiled templates kept in the code cache (about 100 KB each)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
RENDERED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")  # docxtpl's list
ELEMENTS = {
    "author": "dc:creator",
    "category": "cp:category",
    "comments": "dc:description",
    "content_status": "cp:contentStatus",
    "created": "dcterms:created",
    "identifier": "dc:identifier",
    "keywords": "cp:keywords",
    "language": "dc:language",
    "last_modified_by": "cp:lastModifiedBy",
    "modified": "dcterms:modified",
    "revision": "cp:revision",
    "subject": "dc:subject",
    "title": "dc:title",
}
LISTING = re.compile("[\t\a\n\f]")  # what docxtpl's resolve_listing rewrites
TAG = re.compile(r"\{[{%#]")  # Jinja's markers: a part without any renders as it is
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)  # python-docx's parser options
_MEMO: dict[str, dict[str, Any]] = {}


class Unsupported(Exception):
    """A template (or a rendering) this path does not reproduce exactly: the docxtpl path renders it."""


@lru_cache(maxsize=1)
def _stamp() -> str:
    """What compiled code and the parts kept depend on, besides the template: Python, the libraries, ctt."""
    import jinja2

    parts = [sys.implementation.cache_tag or "", jinja2.__version__, repr(etree.LXML_VERSION), __version__]
    # ctt's code a compiled template depends on is all here, in render/ (the check, the sandbox, the
    # tidying, the zip): its files' sizes and times, cheaper than the whole package's fingerprint
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        info = path.stat()
        parts.append(f"{path.name}|{info.st_size}|{info.st_mtime_ns}")
    for module in ("docx", "docxtpl"):
        spec = importlib.util.find_spec(module)
        if spec is not None and spec.origin:
            info = os.stat(spec.origin)
            parts.append(f"{spec.origin}|{info.st_size}|{info.st_mtime_ns}")
    return "|".join(parts)


def key(data: bytes) -> str:
    return hexdigest(f"{FORMAT}|{_stamp()}|".encode() + digest(data))


def _path(name: str) -> Path | None:
    folder = code_cache_dir()  # None under CTT_NO_CODE_CACHE: compiled once per process
    return folder / "templates" / f"{name}.marshal" if folder is not None else None


def lookup(data: bytes) -> dict[str, Any] | None:
    """The compiled template of these bytes, from this process or the code cache, or None."""
    name = key(data)
    art = _MEMO.get(name)
    if art is not None:
        return art
    path = _path(name)
    if path is None:
        return None
    try:
        art = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(art, dict) or art.get("format") != FORMAT or art.get("key") != name:
        return None
    return _remember(name, art)


def _remember(name: str, art: dict[str, Any]) -> dict[str, Any]:
    if len(_MEMO) >= MEMO_ENTRIES:
        _MEMO.pop(next(iter(_MEMO)))
    _MEMO[name] = art
    return art


def build(data: bytes, static: list[str], level: int) -> dict[str, Any]:
    """Compile a template that passed the strict check (``static``: its static paragraphs) and keep it."""
    name = key(data)
    art: dict[str, Any] = {"format": FORMAT, "key": name, "static": static, "fast": False}
    try:
        art.update(_compile(data, level))
        art["fast"] = True
    except Exception:  # noqa: BLE001 - Unsupported, or an error the docxtpl path reports in its own words
        pass
    path = _path(name)
    try:
        if path is None:
            return _remember(name, art)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, marshal.dumps(art))
        _prune(path.parent)
    except Exception:  # noqa: BLE001 - a cache is an optimisation, never a failure
        pass
    return _remember(name, art)


def _prune(folder: Path) -> None:
    """Keep the KEPT most recently written compiled templates (older ctt versions and edited
    templates leave theirs behind); run only when a template was compiled."""
    kept = sorted(folder.glob("*.marshal"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in kept[KEPT:]:
        old.unlink(missing_ok=True)


def _prepare(src: str) -> str:
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", src)  # as docxtpl's render_xml_part does before Jinja


def _compile(data: bytes, level: int) -> dict[str, Any]:
    from docx import Document

    tpl = docx_template(io.BytesIO(data))
    tpl.render_init()
    document = tpl.docx
    package = document.part.package
    if document.part.partname != "/word/document.xml":
        raise Unsupported("main part elsewhere")
    if any(part.content_type == FOOTNOTES for part in package.iter_parts()):
        raise Unsupported("footnotes")
    core = [r for r in package.rels.values() if r.reltype == CORE_REL and not r.is_external]
    if len(core) != 1:
        raise Unsupported("no core properties part")
    stories, seen = [], set()
    for uri in (REL + "header", REL + "footer"):
        for _rel, part in tpl.get_headers_footers(uri):
            if part.partname in seen:
                raise Unsupported("a header or footer used twice")
            seen.add(part.partname)
            xml = tpl.get_part_xml(part)
            stories.append(
                [part.partname.lstrip("/"), tpl.get_headers_footers_encoding(xml), _prepare(tpl.patch_xml(xml))]
            )
    shell = etree.fromstring(document.part.blob, _PARSER)
    body = shell.find(f"{W}body")
    if body is None:
        raise Unsupported("no body")
    body[:] = []
    env = CompiledEnvironment()
    body_src = _prepare(tpl.patch_xml(tpl.get_xml()))
    properties = [[p, getattr(document.core_properties, p)] for p in RENDERED_PROPERTIES]
    saved = io.BytesIO()
    Document(io.BytesIO(data)).save(saved)
    with zipfile.ZipFile(saved) as unrendered:
        parts = tidy({n: unrendered.read(n) for n in unrendered.namelist()})
    core_name = core[0].target_part.partname.lstrip("/")
    dynamic = {"word/document.xml", core_name, *(s[0] for s in stories)}
    if not dynamic <= parts.keys():
        raise Unsupported("a rendered part python-docx does not write")
    members = {n: zipout.record(n, parts[n], level) for n in parts if n not in dynamic}
    compiled = []
    for name, encoding, src in stories:
        code = env.compile(src)
        if TAG.search(src) is None:  # a header or footer without a tag: the same in every document
            try:
                members[name] = zipout.record(name, _story_bytes(env, code, {}, encoding), level)
                continue
            except Unsupported:
                pass
        compiled.append([name, encoding, src, code])
    return {
        "body": [body_src, env.compile(body_src)],
        "shell": etree.tostring(shell, encoding="UTF-8", standalone=True),
        "stories": compiled,
        "properties": [[p, src, env.compile(src)] for p, src in properties],
        "core": [core_name, core[0].target_part.blob],
        "order": sorted(parts, key=lambda n: (n != "[Content_Types].xml", n != "_rels/.rels", n)),
        "members": members,
    }


def _story_bytes(env: CompiledEnvironment, code: Any, context: dict[str, Any], encoding: str) -> bytes:
    """A header or footer rendered, parsed and written back as docxtpl and python-docx do, then tidied."""
    xml = _rendered(env, code, context).encode(encoding)
    part = etree.tostring(etree.fromstring(xml, _PARSER), encoding="UTF-8", standalone=True)
    return tidy_story(etree.fromstring(part))


def _run(env: CompiledEnvironment, code: Any, context: dict[str, Any]) -> str:
    return env.template_class.from_code(env, code, env.make_globals(None), None).render(context)


def _rendered(env: CompiledEnvironment, code: Any, context: dict[str, Any]) -> str:
    """A part's XML as docxtpl's render_xml_part leaves it (its listing rewrite excepted: Unsupported)."""
    # docxtpl: re.sub(r"\n<w:p([ >])", r"<w:p\1", …), then its placeholders; the same, in plain replaces
    xml = _run(env, code, context).replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
    if "_" in xml:
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if LISTING.search(xml):
        raise Unsupported("tabs or line breaks in the text")
    return xml


def _grid_kept(tree: etree._Element) -> bool:
    """Whether docxtpl's fix_tables leaves every table as it is (no column added or removed)."""
    ns = "{" + tree.nsmap["w"] + "}"
    for table in tree.iter(ns + "tbl"):
        columns = len(table.find(ns + "tblGrid").findall(ns + "gridCol"))
        widest = 0
        for row in table.iter(ns + "tr"):
            cells = row.findall(ns + "tc")
            if len(cells) > columns:
                return False
            spans = [c.find(f"{ns}tcPr/{ns}gridSpan") for c in cells]
            widest = max(widest, sum(1 if s is None else int(s.get(ns + "val")) for s in spans))
        if widest < columns:
            return False
    return True


def fill(art: dict[str, Any], context: dict[str, Any]) -> dict[str, Any]:
    """Run the template's code on ``context`` (inside the caller's time limit and error handling, as
    docxtpl's render is): the rendered parts and properties. Unsupported: use the docxtpl path."""
    env = CompiledEnvironment()
    body = _rendered(env, art["body"][1], context)
    tree = etree.fromstring(body, etree.XMLParser(recover=True))
    try:
        kept = _grid_kept(tree)
    except Exception:  # noqa: BLE001 - a table docxtpl would fail on: it says how
        kept = False
    if not kept or next(tree.iter(DOC_PR), None) is not None:
        raise Unsupported("tables to re-grid or pictures to renumber")
    fit_columns(tree)  # as render_reference does after docxtpl (render/table_grid.py)
    root = etree.fromstring(art["shell"], _PARSER)
    root.replace(root.find(f"{W}body"), tree)  # python-docx would write it out and tidy read it back:
    # the same tree (tests/render/test_fastdocx.py compares the bytes), so it goes to tidy as it is
    parts = {name: _story_bytes(env, code, context, encoding) for name, encoding, _src, code in art["stories"]}
    properties = {prop: _run(env, code, context) for prop, _src, code in art["properties"]}
    if any(len(v) > 255 for v in properties.values()):
        raise Unsupported("a property python-docx refuses")
    return {"document": root, "parts": parts, "properties": properties}


def _element(root: etree._Element, prop: str) -> etree._Element:
    prefix, local = ELEMENTS[prop].split(":")
    tag = f"{{{NS[prefix]}}}{local}"
    el = root.find(tag)
    if el is None:
        el = etree.Element(tag, nsmap={prefix: NS[prefix]})
        root.append(el)
    return el


def _set(root: etree._Element, prop: str, value: Any) -> None:
    """python-docx's core-property setters, step for step."""
    if prop in ("created", "modified"):
        el = _element(root, prop)
        el.text = value.strftime("%Y-%m-%dT%H:%M:%SZ")
        root.set(f"{{{NS['xsi']}}}foo", "bar")
        el.set(f"{{{NS['xsi']}}}type", "dcterms:W3CDTF")
        del root.attrib[f"{{{NS['xsi']}}}foo"]
    elif prop == "revision":
        if not isinstance(value, int) or value < 1:
            raise ValueError(f"revision property requires positive int, got '{value}'")
        _element(root, prop).text = str(value)
    else:
        value = value if isinstance(value, str) else str(value)
        if len(value) > 255:
            raise ValueError(f"exceeded 255 char limit for property, got:\n\n'{value}'")
        _element(root, prop).text = value


def finish(art: dict[str, Any], filled: dict[str, Any], core_values: list[tuple[str, Any]], level: int):
    """The .docx bytes and its tidied document (the root, for the static-paragraph check): the
    properties set as docxtpl and then the engine set them, the zip assembled with the members kept."""
    core_name, core_xml = art["core"]
    core = etree.fromstring(core_xml, _PARSER)
    for prop, value in [*filled["properties"].items(), *core_values]:
        _set(core, prop, value)
    changed = dict(filled["parts"])
    changed["word/document.xml"] = tidy_story(filled["document"])
    changed[core_name] = etree.tostring(core, encoding="UTF-8", standalone=True)
    members = art["members"]
    records = [members[n] if n in members else zipout.record(n, changed[n], level) for n in art["order"]]
    return zipout.assemble(records), filled["document"]
