"""A cache of validation results keyed by file content, so that an unchanged plan is
checked without loading the models at all (see bench/README.md for what it saves).

An entry is reused only when every file it was computed from has exactly the same
bytes, ctt's own code is unchanged, and it is the same day (a completion date "in
the future" depends on today). Set CTT_NO_CACHE=1 (or pass --no-cache) to bypass it;
CTT_CACHE_DIR moves it (default: $XDG_CACHE_HOME/ctt or ~/.cache/ctt).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ctt_cli import __version__
from ctt_cli.findings import Finding

FORMAT = 1


@dataclass
class WardReport:
    """One ward's validation, small enough to send back from a worker process or to cache."""

    display: str
    name: str
    findings: list[Finding]
    texts: dict[str, str]
    extra_files: list[str] = field(default_factory=list)  # files read outside the ward folder


def cache_dir() -> Path | None:
    if os.environ.get("CTT_NO_CACHE"):
        return None
    if os.environ.get("CTT_CACHE_DIR"):
        return Path(os.environ["CTT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ctt"


def _code_fingerprint() -> str:
    digest = hashlib.sha256(f"{__version__}|{FORMAT}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(package)}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _entry_path(directory: Path, root: Path) -> Path:
    return directory / (hashlib.sha1(str(root.resolve()).encode()).hexdigest() + ".json")


def _content_key(root: Path, extra: list[str], fingerprint: str) -> tuple[str, dict[str, bytes]]:
    files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    digest = hashlib.sha256(f"{fingerprint}|{dt.date.today()}|{os.getcwd()}".encode())
    contents: dict[str, bytes] = {}
    for path in [*files, *(Path(p) for p in extra)]:
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0missing"
        contents[str(path)] = data
        digest.update(str(path).encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest(), contents


def lookup(roots: list[Path]) -> dict[Path, WardReport]:
    """Cached reports still valid for these ward folders."""
    directory = cache_dir()
    if directory is None or not directory.is_dir():
        return {}
    fingerprint = _code_fingerprint()
    hits: dict[Path, WardReport] = {}
    for root in roots:
        try:
            entry = json.loads(_entry_path(directory, root).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        key, contents = _content_key(root, entry.get("extra", []), fingerprint)
        if entry.get("key") != key:
            continue
        from ctt_cli.paths import display_path

        texts = {display_path(Path(p)): b.decode("utf-8", "replace") for p, b in contents.items()}
        findings = [Finding(**{k: f[k] for k in ("file", "line", "column", "code", "message", "path", "hint")})
                    for f in entry["findings"]]
        hits[root] = WardReport(entry["display"], entry["name"], findings, texts, entry.get("extra", []))
    return hits


def store(root: Path, report: WardReport) -> None:
    """Remember a report; a cache that cannot be written is silently skipped."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        key, _ = _content_key(root, report.extra_files, _code_fingerprint())
        entry = {"key": key, "extra": report.extra_files, "display": report.display, "name": report.name,
                 "findings": [f.as_dict() for f in report.findings]}
        from ctt_cli.fsutil import write_atomic

        write_atomic(_entry_path(directory, root), json.dumps(entry, ensure_ascii=False).encode("utf-8"))
    except Exception:  # noqa: BLE001 - a cache is an optimisation, never a failure
        return
