"""Validate WordprocessingML parts against the ISO/IEC 29500 transitional schemas (lxml).

Markup compatibility is honoured the way a consumer that understands none of the
extensions would: elements and attributes in a namespace that the part declares
``mc:Ignorable`` are dropped, ``mc:AlternateContent`` keeps its ``mc:Fallback``.
"""

from __future__ import annotations

import os
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from conftest import ROOT

XSD_DIR = (ROOT.parent / "shared" / "ooxml-xsd").resolve()
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PARTS = ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/numbering.xml")


def available() -> bool:
    return (XSD_DIR / "ISO-IEC29500-4_2016" / "wml.xsd").is_file()


def require() -> None:
    """Skip when the schemas are absent here; in CI their absence is a failure."""
    import pytest

    if not available():
        if os.environ.get("CI"):
            raise RuntimeError(f"CI needs the OOXML schemas at {XSD_DIR}")
        pytest.skip(f"OOXML schemas not found at {XSD_DIR} (../shared/ooxml-xsd from the project root)")


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD_DIR / "ISO-IEC29500-4_2016" / "wml.xsd")))


def _ns(element: etree._Element) -> str:
    return etree.QName(element).namespace or ""


def honour_ignorable(root: etree._Element) -> etree._Element:
    """The part as a consumer that knows only the ISO namespaces reads it."""
    prefixes = (root.get(f"{{{MC}}}Ignorable") or "").split()
    ignorable = {root.nsmap[p] for p in prefixes if p in root.nsmap}
    for alt in list(root.iter(f"{{{MC}}}AlternateContent")):
        fallback = alt.find(f"{{{MC}}}Fallback")
        parent = alt.getparent()
        index = parent.index(alt)
        for child in reversed(list(fallback) if fallback is not None else []):
            parent.insert(index, child)
        parent.remove(alt)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if _ns(el) in ignorable:
            el.getparent().remove(el)
            continue
        for name in list(el.attrib):
            ns = etree.QName(name).namespace
            if ns in ignorable or ns == MC:
                del el.attrib[name]
    return root


def problems(docx: Path) -> list[str]:
    """'part:line: message' for every schema violation of the WordprocessingML parts."""
    found = []
    with zipfile.ZipFile(docx) as z:
        names = set(z.namelist())
        for part in PARTS:
            if part not in names:
                if part != "word/numbering.xml":
                    found.append(f"{part}: missing")
                continue
            root = honour_ignorable(etree.fromstring(z.read(part)))
            # re-parse so that line numbers refer to the cleaned part
            cleaned = etree.fromstring(etree.tostring(root, pretty_print=True))
            xsd = schema()
            if not xsd.validate(cleaned):
                found += [f"{docx.name}:{part}:{e.line}: {e.message}" for e in xsd.error_log]
    return found
