"""The imported ward as files: the criteria sets it may name (beside the ward folder) and each file's
text exactly as `ctt fmt` lays it out."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ctt_cli.fsutil import read_input
from ctt_cli.importer.to_yaml import Imported
from ctt_cli.model.kinds import KINDS
from ctt_cli.scaffold.files import file_text
from ctt_cli.yamlio import MAX_BYTES
from ctt_cli.yamlio.canonical import format_text
from ctt_cli.yamlio.roundtrip import load


def criteria_sets(folder: Path) -> dict[str, str]:
    """Decision number → relative path, for the criteria sets beside the ward folder (plans/criteria)."""
    out = {}
    shared = folder.parent / "criteria"
    if shared.is_dir():
        for path in sorted(shared.glob("*.y*ml")):
            m = re.search(
                r"^\s+number:\s*['\"]?([^'\"\n]+?)['\"]?\s*$",
                read_input(path, MAX_BYTES).decode("utf-8", "replace"),
                re.M,
            )
            if m:
                out[m.group(1)] = Path(os.path.relpath(path, folder)).as_posix()
    return out


def file_texts(imported: Imported, folder: Path, schemas: Path | None) -> dict[str, str]:
    """kind → file text, exactly as `ctt fmt` lays it out."""
    out = {}
    for kind, data in imported.data.items():
        text = file_text(kind, data, schemas, folder)
        out[kind] = format_text(load(text), KINDS[kind].model)
    return out
