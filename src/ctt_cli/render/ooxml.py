"""Post-processing of a .docx package so that it is what Word 2013+ writes and the
ISO/IEC 29500 transitional schema accepts, whatever python-docx, docxtpl or an
office's edit of a template left behind.

- property elements (``w:pPr``, ``w:rPr``, ``w:tblPr``, ``w:sectPr``, ``w:tcPr``)
  in schema order, a repeated singleton (a second ``w:tblLayout``) dropped;
- U+2011 in text (put there by :func:`keep_together`) written as ``w:noBreakHyphen``, runs of
  spaces marked xml:space="preserve";
- the paragraph before the signature table kept with it;
- each rule (an empty paragraph with a bottom border) as long as NĐ 30 wants it for the
  text above it: 1/3 to 1/2 of the issuer's name or the trích yếu, the Tiêu ngữ's full length;
- Vietnamese as the document language, Word 2013 compatibility mode, a valid zoom;
- no python-docx thumbnail, no stale statistics in ``docProps/app.xml``.
"""

from __future__ import annotations

import re

from lxml import etree

from ctt_cli.render.measure import rule_length_mm, width_mm
from ctt_cli.render.ooxml_order import FOREIGN, ORDER, REPEATABLE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
LANG = "vi-VN"
NBH, NBSP = "\u2011", "\u00a0"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _key(order: list[str]):
    rank = {}
    for i, name in enumerate(order):
        prefix = name[: name.index("}") + 1] if name.startswith("{") else ""
        rank[f"{{{FOREIGN[prefix]}}}{name[len(prefix) :]}" if prefix else w(name)] = i
    return lambda el: rank.get(el.tag, len(order))


KEYS = {w(name): _key(order) for name, order in ORDER.items()}

# Symbols of NĐ 30 ("05-NQ/TU", "5049/QĐ-UBND") and year ranges ("2026-2027", "2026 - 2030").
SYMBOL = re.compile(r"(?<![\w/-])\w*(?:[/-]\w+)+")
RANGE = re.compile(r"\b((?:19|20)\d\d)( ?)-( ?)((?:19|20)\d\d)\b")


def keep_together(text: str) -> str:
    """Hyphens of symbols and year ranges made non-breaking (U+2011), the spaces of a
    range non-breaking: '05-NQ/TU' and '2026 - 2030' never break across lines."""
    if "-" not in text:
        return text
    text = SYMBOL.sub(lambda m: m[0].replace("-", NBH) if "/" in m[0] else m[0], text)
    return RANGE.sub(lambda m: f"{m[1]}{NBSP if m[2] else ''}{NBH}{NBSP if m[3] else ''}{m[4]}", text)


def order_properties(root: etree._Element) -> None:
    """Children of every property element in schema order; a repeated singleton dropped."""
    for el in root.iter(*KEYS):
        _order(el)


_IN_ORDER: set[tuple] = set()  # (element, *children) tags already in schema order, nothing repeated
IN_ORDER_MAX = 4096


def _order(el: etree._Element) -> None:
    """One property element's children in schema order; a repeated singleton dropped."""
    tags = (el.tag, *[c.tag for c in el])
    if tags in _IN_ORDER:  # whether anything moves depends on the tags alone
        return
    children = [c for c in el if isinstance(c.tag, str)]
    key = KEYS[el.tag]
    ranks = [key(c) for c in children]
    if len({c.tag for c in children}) == len(children) and all(a <= b for a, b in zip(ranks, ranks[1:])):
        if len(_IN_ORDER) < IN_ORDER_MAX:
            _IN_ORDER.add(tags)
        return  # already in order, nothing repeated: what the sort below would leave as it is
    seen, kept = set(), []
    for child in children:
        if child.tag in seen and etree.QName(child).localname not in REPEATABLE:
            el.remove(child)
            continue
        seen.add(child.tag)
        kept.append(child)
    ordered = sorted(kept, key=key)
    if ordered != kept:
        for child in kept:
            el.remove(child)
        el.extend(ordered)


def no_break_hyphens(root: etree._Element) -> None:
    """``<w:t>05‑NQ</w:t>`` becomes ``<w:t>05</w:t><w:noBreakHyphen/><w:t>NQ</w:t>``."""
    for t in list(root.iter(w("t"))):
        if not t.text or NBH not in t.text:
            continue
        run = t.getparent()
        index = run.index(t)
        pieces = t.text.split(NBH)
        new = []
        for i, piece in enumerate(pieces):
            if i:
                new.append(etree.Element(w("noBreakHyphen")))
            if piece:
                el = etree.Element(w("t"))
                el.text = piece
                if piece != piece.strip():
                    el.set(XML_SPACE, "preserve")
                new.append(el)
        run.remove(t)
        for offset, el in enumerate(new):
            run.insert(index + offset, el)


MOTTO = "Độc lập - Tự do - Hạnh phúc"
TWIPS_PER_MM = 1440 / 25.4
DEFAULT_CELL_MARGIN = 108  # twips, left and right, when the table sets none


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(w("val"), "true") not in ("0", "false", "off")


def _runs_text(p: etree._Element) -> list[tuple[str, float, bool]]:
    """(text, size in pt, bold) of each run of a paragraph."""
    out = []
    for r in p.iter(w("r")):
        text = "".join("-" if c.tag == w("noBreakHyphen") else (c.text or "") if c.tag == w("t") else "" for c in r)
        if text:
            rpr = r.find(w("rPr"))
            sz = rpr.find(w("sz")) if rpr is not None else None
            size = int(sz.get(w("val"))) / 2 if sz is not None else 14.0
            out.append((text, size, _on(rpr.find(w("b")) if rpr is not None else None)))
    return out


def _line_mm(p: etree._Element) -> float:

    return sum(width_mm(text, size, bold=bold) for text, size, bold in _runs_text(p))


def _upright_capitals(p: etree._Element) -> bool:
    """A line in capitals and not bold: how NĐ 30 sets the parent body's name above the issuer's."""
    runs = _runs_text(p)
    text = "".join(t for t, _, _ in runs)
    return bool(runs) and not any(bold for _, _, bold in runs) and text.isupper()


def _is_rule(p: etree._Element) -> bool:
    """A centred empty paragraph with a bottom border: how NĐ 30 rules are drawn."""
    ppr = p.find(w("pPr"))
    jc = ppr.find(w("jc")) if ppr is not None else None
    return (
        jc is not None
        and jc.get(w("val")) == "center"
        and ppr.find(f"{w('pBdr')}/{w('bottom')}") is not None
        and not any(text.strip() for text, _, _ in _runs_text(p))
    )


def _available_twips(p: etree._Element) -> int | None:
    """The width a paragraph has: its cell less the cell margins, or its section's text width."""
    parent = p.getparent()
    if parent.tag == w("tc"):
        tcw = parent.find(f"{w('tcPr')}/{w('tcW')}")
        if tcw is None or tcw.get(w("type")) != "dxa":
            return None
        margins = 2 * DEFAULT_CELL_MARGIN
        tbl = next((a for a in parent.iterancestors(w("tbl"))), None)
        mar = tbl.find(f"{w('tblPr')}/{w('tblCellMar')}") if tbl is not None else None
        if mar is not None:
            sides = [mar.find(w(s)) for s in ("left", "right")]
            margins = sum(int(s.get(w("w"))) if s is not None else DEFAULT_CELL_MARGIN for s in sides)
        return int(tcw.get(w("w"))) - margins
    if parent.tag != w("body"):
        return None
    sect = None
    for sib in p.itersiblings():
        sect = sib.find(f"{w('pPr')}/{w('sectPr')}") if sib.tag == w("p") else sib if sib.tag == w("sectPr") else None
        if sect is not None:
            break
    size, mar = (sect.find(w("pgSz")), sect.find(w("pgMar"))) if sect is not None else (None, None)
    if size is None or mar is None:
        return None
    return int(size.get(w("w"))) - int(mar.get(w("left"), "0")) - int(mar.get(w("right"), "0"))


def size_rules(root: etree._Element) -> None:
    """Each rule as long as NĐ 30 wants for the lines right above it (a block of paragraphs
    with text): the Tiêu ngữ's full length, else 0.4 of the longest line (1/3 to 1/2), the parent
    body's upright line left out; none under a "*" line (a Party document's mark under its issuer)."""

    # only a paragraph with a bottom border can be a rule (a quick filter; _is_rule decides)
    candidates = root.xpath(".//w:p[w:pPr/w:pBdr/w:bottom]", namespaces={"w": W})
    if root.tag == w("p") and root.find(f"{w('pPr')}/{w('pBdr')}/{w('bottom')}") is not None:
        candidates.insert(0, root)
    for p in candidates:
        if not _is_rule(p):
            continue
        available = _available_twips(p)
        if not available:
            continue
        above = []
        for sib in p.itersiblings(preceding=True):
            if sib.tag != w("p") or _is_rule(sib) or not _runs_text(sib):
                break
            above.append(sib)
        texts = ["".join(t for t, _, _ in _runs_text(q)) for q in above]
        if not above or any("{{" in t or "{%" in t for t in texts):  # a template: sized when rendered
            continue
        if texts[0].strip() == "*":  # a Party header's "*" under the issuer's name stands for the rule
            p.getparent().remove(p)
            continue
        full = texts[0].strip() == MOTTO
        # under the issuer's name, not the parent body's upright capitals above it (NĐ 30)
        named = [q for q in above if not _upright_capitals(q)] or above
        line = _line_mm(above[0]) if full else max(_line_mm(q) for q in named)
        length = min(rule_length_mm(min(line, available / TWIPS_PER_MM), full=full) * TWIPS_PER_MM, available)
        side = str(max(int(round((available - length) / 2)), 0))
        ind = _child(p.find(w("pPr")), "ind")
        ind.set(w("left"), side)
        ind.set(w("right"), side)
        _order(ind.getparent())  # the only element changed: the rest is as order_properties left it


def keep_with_signature(root: etree._Element) -> None:
    """The paragraph before the Nơi nhận / signature table keeps with it, so the
    signature never starts a page alone (the table row itself does not split)."""
    for tbl in root.iter(w("tbl")):
        first = tbl.find(f"{w('tr')}/{w('tc')}")
        cell = "".join(t.text or "" for t in first.iter(w("t"))) if first is not None else ""
        before = tbl.getprevious()
        if cell.startswith("Nơi nhận") and before is not None and before.tag == w("p"):
            ppr = before.find(w("pPr"))
            if ppr is None:
                ppr = etree.Element(w("pPr"))
                before.insert(0, ppr)
            if ppr.find(w("keepNext")) is None:
                ppr.insert(0, etree.Element(w("keepNext")))
                _order(ppr)  # the only element changed


def preserve_spaces(root: etree._Element) -> None:
    """xml:space="preserve" on text with leading, trailing or repeated spaces (the blanks of a
    draft's "Số:      /KH-UBND"), which a consumer may otherwise collapse."""
    for t in root.iter(w("t")):
        text = t.text or ""
        if text != text.strip(" ") or "  " in text:
            t.set(XML_SPACE, "preserve")


def _child(parent: etree._Element, tag: str) -> etree._Element:
    el = parent.find(w(tag))
    if el is None:
        el = etree.SubElement(parent, w(tag))
    return el


def styles_language(root: etree._Element) -> None:
    """Vietnamese in the document defaults and in every style that names a language."""
    defaults = _child(
        _child(_child(root if root.tag == w("docDefaults") else _child(root, "docDefaults"), "rPrDefault"), "rPr"),
        "lang",
    )
    defaults.set(w("val"), LANG)
    for lang in root.iter(w("lang")):
        if lang.get(w("val")):
            lang.set(w("val"), LANG)


def settings(root: etree._Element) -> None:
    zoom = root.find(w("zoom"))
    if zoom is not None and zoom.get(w("percent")) is None:
        zoom.set(w("percent"), "100")
    for el in root.findall(w("savePreviewPicture")):
        root.remove(el)
    compat = _child(root, "compat")
    mode = next((s for s in compat.findall(w("compatSetting")) if s.get(w("name")) == "compatibilityMode"), None)
    if mode is None:
        mode = etree.SubElement(compat, w("compatSetting"))
        mode.set(w("name"), "compatibilityMode")
        mode.set(w("uri"), "http://schemas.microsoft.com/office/word")
    mode.set(w("val"), "15")
    _child(root, "themeFontLang").set(w("val"), LANG)


APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>ctt</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
THUMBNAIL_REL = re.compile(rb'<Relationship [^>]*Type="[^"]*/metadata/thumbnail"[^>]*/>')
JPEG_TYPE = re.compile(rb'<Default Extension="jpeg" ContentType="image/jpeg"/>')


def _xml(data: bytes, fix) -> bytes:
    root = etree.fromstring(data)
    fix(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _story(root: etree._Element) -> None:
    order_properties(root)
    no_break_hyphens(root)
    preserve_spaces(root)
    size_rules(root)
    keep_with_signature(root)


def tidy_story(root: etree._Element) -> bytes:
    """A story part (document, header, footer…) already parsed, tidied in place and serialized: what
    ``tidy`` gives for its bytes, without parsing them again."""
    _story(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _styles(root: etree._Element) -> None:
    order_properties(root)
    styles_language(root)


def _settings(root: etree._Element) -> None:
    settings(root)
    root[:] = sorted(root, key=KEYS[w("settings")])
    order_properties(root)


STORY = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")


def tidy(parts: dict[str, bytes]) -> dict[str, bytes]:
    """The package's parts, tidied (see the module docstring); a new dict."""
    out = {}
    thumbnail = any(name.startswith("docProps/thumbnail") for name in parts)
    for name, data in parts.items():
        if name.startswith("docProps/thumbnail"):
            continue
        if STORY.fullmatch(name):
            data = _xml(data, _story)
        elif name in ("word/styles.xml", "word/stylesWithEffects.xml"):
            data = _xml(data, _styles)
        elif name == "word/settings.xml":
            data = _xml(data, _settings)
        elif name == "docProps/app.xml":
            data = APP_XML
        elif name == "_rels/.rels":
            data = THUMBNAIL_REL.sub(b"", data)
        elif (
            name == "[Content_Types].xml"
            and thumbnail
            and not any(n.endswith(".jpeg") for n in parts if not n.startswith("docProps/thumbnail"))
        ):
            data = JPEG_TYPE.sub(b"", data)
        out[name] = data
    return out
