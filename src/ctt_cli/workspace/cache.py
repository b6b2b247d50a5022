"""A cache of validation results keyed by file content, so that an unchanged plan is checked
without loading the models at all (see bench/README.md for what it saves).

An entry is reused only when every file it was computed from (the ward's own files and those it
read outside its folder, such as the criteria set) has exactly the same bytes, ctt's own code is
unchanged, and the checks ran for the same day (``as_of``: a completion date "in the future"
depends on it). The bytes are the ones the command reads anyway (through a MemoReader), so the
cache costs no extra read. Where it lives: ``settings.cache_dir()``.

An entry also keeps the per-ward views a city command computed from the ward (``views``: a
summary row…, keyed by the view's ``cache_tag``), so that an unchanged city costs about what a
warm validate costs: no model, no status, no score. Only values that survive a JSON round trip
unchanged are kept, and at most ``MAX_VIEWS`` of them per ward.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from ctt_cli import __version__
from ctt_cli import digest as digests
from ctt_cli.findings import CODES, Finding
from ctt_cli.fsutil import ReadError, write_atomic
from ctt_cli.settings import cache_dir
from ctt_cli.workspace.readers import Reader

FORMAT = 3
MAX_VIEWS = 8


def enabled() -> bool:
    """Whether there is a cache to use (not under CTT_NO_CACHE): without one, no key is computed."""
    return cache_dir() is not None


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """ctt's version and the size and time of each of its modules (once per process)."""
    digest = digests.new(f"{__version__}|{FORMAT}".encode())
    package = Path(__file__).resolve().parents[1]
    for relative, info in sorted(_modules(str(package), "")):
        digest.update(f"{relative}|{info.st_size}|{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def _modules(folder: str, prefix: str) -> list[tuple[str, os.stat_result]]:
    """Every ``*.py`` under ``folder`` (its path from there, as ``Path.relative_to`` gives it, and its
    stat): ``os.scandir`` is ~4× faster than ``Path.rglob`` over ctt's 180 modules (bench/README.md)."""
    found: list[tuple[str, os.stat_result]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found += _modules(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".py") and entry.is_file():
                found.append((prefix + entry.name, entry.stat()))
    return found


def _entry_path(directory: Path, root: Path) -> Path:
    return directory / (digests.hexdigest(str(root.resolve()))[:40] + ".json")


def content_key(files: list[Path], reader: Reader, context: str) -> str:
    """A digest of the files' bytes (read through ``reader``) and the context (as_of, cwd, code)."""
    digest = digests.new(f"{code_fingerprint()}|{context}|{os.getcwd()}".encode())
    for path in sorted(set(files)):
        try:
            data = reader.read_bytes(path)
        except ReadError:
            data = b"\0missing"
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + digests.digest(data))
    return digest.hexdigest()


def _finding(raw: Any) -> Finding:
    finding = Finding(**{k: raw[k] for k in ("file", "line", "column", "code", "message", "path", "hint")})
    if raw.get("ignored"):
        finding = finding._replace(ignored=raw["ignored"])
    if finding.code not in CODES or not isinstance(finding.line, int) or not isinstance(finding.column, int):
        raise ValueError("bad cached finding")
    return finding


def load_entry(root: Path) -> dict[str, Any] | None:
    """The stored entry of a ward folder, or None (no cache, no entry, or an entry that does not parse:
    a corrupt entry is a miss, never a failure)."""
    directory = cache_dir()
    if directory is None:
        return None
    import json  # here, not at the top: a run without the cache (CTT_NO_CACHE) skips its ≈ 2 ms import

    try:
        entry = json.loads(_entry_path(directory, root).read_text(encoding="utf-8"))
        entry["findings"] = [_finding(f) for f in entry["findings"]]
        if not (
            isinstance(entry["key"], str)
            and isinstance(entry["extra"], list)
            and isinstance(entry["display"], str)
            and isinstance(entry["name"], str)
            and isinstance(entry.setdefault("views", {}), dict)
        ):
            return None
        return entry
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def keeps(value: Any) -> bool:
    """Whether a view can be cached: JSON gives back exactly the same value."""
    import json  # see load_entry

    try:
        return json.loads(json.dumps(value, ensure_ascii=False)) == value
    except (TypeError, ValueError):
        return False


def store(
    root: Path,
    key: str,
    extra: list[str],
    display: str,
    name: str,
    findings: list[Finding],
    views: dict[str, Any] | None = None,
) -> None:
    """Remember a ward's findings (and views); a cache that cannot be written is silently skipped."""
    directory = cache_dir()
    if directory is None:
        return
    import json  # see load_entry

    try:
        directory.mkdir(parents=True, exist_ok=True)
        kept = dict(list((views or {}).items())[-MAX_VIEWS:])
        entry = {
            "key": key,
            "extra": extra,
            "display": display,
            "name": name,
            "findings": [f.as_dict() for f in findings],
            "views": kept,
        }
        write_atomic(_entry_path(directory, root), json.dumps(entry, ensure_ascii=False).encode("utf-8"))
    except Exception:  # a cache is an optimisation, never a failure
        return
