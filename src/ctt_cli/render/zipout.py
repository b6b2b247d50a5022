"""Reproducible zip packages assembled from per-member records.

A member's record (its local header and deflated data) does not depend on where it sits in the
archive; only its central-directory entry holds its offset. So the members of a template that do
not change from one document to the next are compressed once (render/fastdocx.py caches them) and
each document compresses only the parts its data changed. The bytes are exactly what ``zipfile``
writes for the same members in the same order (tests/render/test_fastdocx.py compares them)."""

from __future__ import annotations

import io
import struct
import zipfile

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_END = struct.Struct("<4s4H2LH")  # zipfile's end-of-central-directory record
_OFFSET_AT = 42  # where a central-directory entry keeps its member's offset
Record = tuple[bytes, bytes]  # (local header + data, central-directory entry at offset 0)


def info(name: str) -> zipfile.ZipInfo:
    """The fixed entry of a package member: 1980-01-01, deflated, -rw-r--r--, made on Unix."""
    entry = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    entry.create_system = 3
    return entry


def record(name: str, data: bytes, level: int) -> Record:
    """One member, compressed at ``level``, as zipfile writes it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as one:
        one.writestr(info(name), data, compresslevel=level)
    raw = buf.getvalue()
    _, _, _, _, _, size, offset, _ = _END.unpack(raw[-_END.size :])
    if offset != len(raw) - _END.size - size or raw[offset + _OFFSET_AT : offset + _OFFSET_AT + 4] != bytes(4):
        raise ValueError(f"unexpected zip layout for {name}")  # a zipfile that writes extras: never seen
    return raw[:offset], raw[offset : offset + size]


def assemble(records: list[Record]) -> bytes:
    """The archive of ``records`` in this order (what zipfile writes for the same members)."""
    out = bytearray()
    central = bytearray()
    for local, entry in records:
        patched = bytearray(entry)
        patched[_OFFSET_AT : _OFFSET_AT + 4] = struct.pack("<L", len(out))
        central += patched
        out += local
    start = len(out)
    out += central
    out += _END.pack(b"PK\x05\x06", 0, 0, len(records), len(records), len(central), start, 0)
    return bytes(out)
