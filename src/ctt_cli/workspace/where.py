"""Where you stand: the plans folder a command uses when it is given no path.

From the current folder up to the file system's root, the first of:
- a ``ctt.toml`` with ``plans = "du-lieu"`` (the folder, relative to the file);
- a ward folder (one with ``plan.yaml``): that ward, so ``ctt status`` inside ``plans/ward/`` works;
- a folder holding ``plans/``: that ``plans``.
The project root (where ``build/`` goes) is the folder of the ``ctt.toml`` or of ``plans/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

CONFIG = "ctt.toml"
PLANS = "plans"


class ConfigError(Exception):
    """A ``ctt.toml`` that cannot be read (the message is Vietnamese)."""


class Place(NamedTuple):
    plans: Path  # the plans folder or the ward folder to use
    project: Path | None  # where build/ goes; None when no project root was found


def _config_plans(path: Path) -> Path:
    import tomllib  # stdlib, ~2 ms with its regexes: only when a ctt.toml is there to read

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: không đọc được ({exc})") from exc
    value = data.get("plans", PLANS)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{path}: 'plans' phải là đường dẫn tới thư mục kế hoạch, ví dụ plans = \"plans\"")
    return path.parent / value


def project_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` with a ``ctt.toml`` or a ``plans/`` folder."""
    for folder in (start, *start.parents):
        if (folder / CONFIG).is_file() or (folder / PLANS).is_dir():
            return folder
    return None


def find_plans(start: Path) -> Place | None:
    """The plans (or ward) folder for ``start`` (see the module's docstring); None when there is none."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG).is_file():
            return Place(_config_plans(folder / CONFIG), folder)
        if (folder / "plan.yaml").is_file():
            return Place(folder, project_root(folder.parent))
        if (folder / PLANS).is_dir():
            return Place(folder / PLANS, folder)
    return None


def build_dir(start: Path, ward_root: Path) -> Path:
    """Where documents go by default: ``build/`` of the project, never inside the data."""
    root = project_root(start.resolve())
    base = root if root is not None else start.resolve()
    ward = ward_root.resolve()
    data = ward.parent
    if base == ward or ward in base.parents or base == data:
        base = data.parent
    return base / "build"
