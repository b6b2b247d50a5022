"""Settings that come from outside the data: environment variables (read here and nowhere else)
and the files that ship with ctt."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def debug() -> bool:
    """CTT_DEBUG=1: let an internal error show its traceback."""
    return bool(os.environ.get("CTT_DEBUG"))


def cache_dir() -> Path | None:
    """Where the validation cache lives: None when CTT_NO_CACHE is set; CTT_CACHE_DIR moves it
    (default $XDG_CACHE_HOME/ctt or ~/.cache/ctt)."""
    if os.environ.get("CTT_NO_CACHE"):
        return None
    if os.environ.get("CTT_CACHE_DIR"):
        return Path(os.environ["CTT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ctt"


def code_cache_dir() -> Path | None:
    """Where code-level caches live: the model schemas compiled for ctt's code (keyed by its
    fingerprint, like Python's .pyc files; model/compiled.py) and the compiled templates (keyed by a
    template's bytes and the render code; ``templates/``, render/fastdocx.py). They depend on ctt's code only, never
    on the data, so CTT_NO_CACHE (the data cache) leaves them on; CTT_NO_CODE_CACHE=1 turns them off
    (compiled in memory on every run). In ``code/`` under CTT_CACHE_DIR or the default cache folder."""
    if os.environ.get("CTT_NO_CODE_CACHE"):
        return None
    if os.environ.get("CTT_CACHE_DIR"):
        return Path(os.environ["CTT_CACHE_DIR"]) / "code"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ctt" / "code"


def columns() -> int | None:
    """COLUMNS, when set: the width tables are laid out for."""
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() else None


def color(stream: object) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH (reproducible builds): the time stamped into generated files."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else None


def templates_override() -> Path | None:
    """CTT_TEMPLATES: a folder of Word templates to use instead of the shipped ones."""
    value = os.environ.get("CTT_TEMPLATES")
    return Path(value) if value else None


def jobs() -> int:
    """Worker processes for the city-wide commands: CTT_JOBS, else one per core (at most 8)."""
    try:
        wanted = int(os.environ.get("CTT_JOBS", 0))
    except ValueError:
        wanted = 0
    return wanted or min(os.cpu_count() or 1, 8)


def shipped(relative: str) -> Path:
    """A file or folder that ships with ctt (templates/, plans/le-thanh-nghi, schemas/): in the
    current folder, else in this checkout, else where pip installed it (<prefix>/share/ctt)."""
    for base in (Path("."), Path(__file__).resolve().parents[2], Path(sys.prefix) / "share" / "ctt"):
        if (base / relative).exists():
            return base / relative
    return Path(relative)
