"""What an editor breaks without changing meaning, repaired before `ctt fmt` lays a file out.

Notepad saves a BOM; Windows editors and git's autocrlf write CRLF (often mixed with LF after a
paste); text pasted from a PDF or a Mac is decomposed (NFD). None of it changes what the data
says: the BOM is dropped, line endings become LF, text becomes NFC (canonically equivalent).
Bytes that are not UTF-8 are left alone: that is E103 and needs a person to choose the encoding.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

BOM = b"\xef\xbb\xbf"


@dataclass
class Repair:
    """The repaired bytes and one Vietnamese note per kind of repair made."""

    data: bytes
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.notes)


def _decomposed_count(text: str) -> int:
    """How many lines are not NFC (a count the clerk can check, not a count of code points)."""
    return sum(1 for line in text.split("\n") if not unicodedata.is_normalized("NFC", line))


def repair(raw: bytes) -> Repair:
    """Strip a BOM, make every line ending LF and every text NFC; ``notes`` says what was done."""
    notes: list[str] = []
    data = raw
    if data.startswith(BOM):
        data = data[len(BOM) :]
        notes.append("bỏ BOM ở đầu tệp")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # E103: the reader reports it with its position
        return Repair(raw if not notes else data, notes)
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    if crlf or lone_cr:
        lf = text.count("\n") - crlf
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        kinds = [f"{crlf} dòng CRLF" if crlf else "", f"{lone_cr} dòng CR" if lone_cr else ""]
        what = " và ".join(k for k in kinds if k)
        mixed = " (lẫn với LF)" if lf else ""
        notes.append(f"đổi {what}{mixed} sang kiểu xuống dòng LF")
    if not unicodedata.is_normalized("NFC", text):
        lines = _decomposed_count(text)
        text = unicodedata.normalize("NFC", text)
        notes.append(f"chuyển chữ tổ hợp (NFD) sang chữ dựng sẵn (NFC) ở {lines} dòng")
    return Repair(text.encode("utf-8"), notes)
