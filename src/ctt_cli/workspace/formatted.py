"""What `ctt fmt` already knows is formatted: the content keys (ctt's code fingerprint, the kind
of file, its exact bytes and the installed ruamel.yaml) of the files it found in canonical layout. `ctt fmt --check` on an
unchanged tree then reads and hashes each file and parses none (the round-trip parse and dump are
most of its time, bench/README.md). The same bytes under the same code always format the same, so
a hit is never stale; an edit, a new ctt, or a file of another kind is a miss and is checked in full.

Kept in the data cache folder (``settings.cache_dir()``: nothing under CTT_NO_CACHE), as one small
JSON list of the most recent keys; a file that cannot be read or written is a miss, never a failure.
"""

from __future__ import annotations

import importlib.util
import json
import os

from ctt_cli import digest as digests
from ctt_cli.fsutil import write_atomic
from ctt_cli.settings import cache_dir
from ctt_cli.workspace.cache import code_fingerprint

FILE = "formatted.json"
LIMIT = 20000  # keys kept (the most recent): about 1.3 MB, for a city of 1,000 wards


def _ruamel() -> str:
    """The installed ruamel.yaml (its dumper decides the layout), without importing it."""
    try:
        spec = importlib.util.find_spec("ruamel.yaml")
        info = os.stat(spec.origin) if spec is not None and spec.origin else None
    except (ImportError, OSError, ValueError):
        return "?"
    return f"{info.st_size}|{info.st_mtime_ns}" if info is not None else "?"


class Formatted:
    """The keys of the files known to be in canonical layout, read once per run."""

    def __init__(self) -> None:
        self._dir = cache_dir()
        self._keys: dict[str, None] = {}
        self._added = False
        if self._dir is not None:
            try:
                loaded = json.loads((self._dir / FILE).read_text(encoding="utf-8"))
                self._keys = dict.fromkeys(k for k in loaded if isinstance(k, str))
            except (OSError, ValueError, TypeError):
                self._keys = {}

    @staticmethod
    def key(kind: str, raw: bytes) -> str:
        digest = digests.new(f"{code_fingerprint()}|{_ruamel()}|{kind}|".encode())
        digest.update(raw)
        return digest.hexdigest()

    def known(self, kind: str, raw: bytes) -> bool:
        return self._dir is not None and self.key(kind, raw) in self._keys

    def add(self, kind: str, raw: bytes) -> None:
        if self._dir is not None:
            key = self.key(kind, raw)
            self._keys.pop(key, None)
            self._keys[key] = None
            self._added = True

    def save(self) -> None:
        if self._dir is None or not self._added:
            return
        try:
            self._dir.mkdir(parents=True, exist_ok=True)
            write_atomic(self._dir / FILE, json.dumps(list(self._keys)[-LIMIT:]).encode("ascii"))
        except Exception:  # a cache is an optimisation, never a failure
            return
