"""The site's rendered documents kept by content in the data cache (``settings.cache_dir()``/
``documents``), so that a ward's page, cached with the ward's findings (workspace/cache.py), names
its documents by digest instead of carrying them: an unchanged ward is rebuilt without loading it
or rendering anything. Off with the data cache (CTT_NO_CACHE): the pages then carry the bytes.

A document is read back only when its bytes still have its digest; one that is missing or damaged
(the cache was cleaned, another build pruned it) is rendered again (``commands/site.py``). Documents
no build has used for ``KEEP_DAYS`` are pruned."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from ctt_cli.digest import hexdigest
from ctt_cli.fsutil import write_atomic
from ctt_cli.settings import cache_dir

KEEP_DAYS = 7


def _folder() -> Path | None:
    base = cache_dir()
    return None if base is None else base / "documents"


def enabled() -> bool:
    return _folder() is not None


def put(data: bytes) -> str | None:
    """Keep ``data``; its digest, or None when it cannot be kept (the page then carries the bytes)."""
    folder = _folder()
    if folder is None:
        return None
    digest = hexdigest(data)
    path = folder / f"{digest}.docx"
    try:
        if get(digest) is not None:
            os.utime(path)  # used again: not pruned
        else:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
    except Exception:  # noqa: BLE001 - a cache is an optimisation, never a failure
        return None
    return digest


def get(digest: str) -> bytes | None:
    folder = _folder()
    if folder is None or not all(c in "0123456789abcdef" for c in digest) or len(digest) != 64:
        return None
    try:
        data = (folder / f"{digest}.docx").read_bytes()
    except OSError:
        return None
    return data if hexdigest(data) == digest else None


def attach(pages: list[dict[str, Any]]) -> list[int]:
    """Give every stored document of ``pages`` its bytes (``data``); the indexes of the pages with a
    document that could not be read back (to render again)."""
    lost = []
    for i, page in enumerate(pages):
        for doc in page["documents"]:
            if doc.get("blob") and not doc.get("data"):
                data = get(doc["blob"])
                if data is None:
                    lost.append(i)
                    break
                doc["data"] = data
    return lost


def prune(used: set[str], now: float | None = None) -> None:
    """Remove the documents not in ``used`` and untouched for KEEP_DAYS (errors ignored)."""
    folder = _folder()
    if folder is None or not folder.is_dir():
        return
    limit = (now or time.time()) - KEEP_DAYS * 86400
    for path in folder.glob("*.docx"):
        try:
            if path.stem not in used and path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            continue
