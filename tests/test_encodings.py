"""Every command on a console that is not UTF-8 (Windows pipes: cp1258, cp1252; hooks: ascii).

ctt writes UTF-8 whatever the console says; the exit code stays 0, 1 or 2 and the output decodes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHIPPED

# One invocation of every command and sub-command, run in a copy of the project.
COMMANDS: list[list[str]] = [
    ["--help"],
    ["--version"],
    ["validate"],
    ["validate", "--format", "json"],
    ["status", "--as-of", "2026-11-25"],
    ["status", "--as-of", "2026-11-25", "--format", "csv"],
    ["status", "--as-of", "2026-11-25", "--state", "quá-hạn", "--fail-on", "quá-hạn"],
    ["score", "--year", "2026"],
    ["summary", "--year", "2026", "--as-of", "2026-11-25", "--format", "md"],
    ["calendar", "--year", "2026", "-o", "build/lich.ics"],
    ["fmt", "--check"],
    ["schema", "--check"],
    ["diff"],
    ["docx-text", "khong-co.docx"],
    ["new-year", "2027"],
    ["init", "plans/hoa-binh", "--ward", "Phường Hòa Bình"],
    ["render", "plan"],
    ["templates", "check"],
    ["templates", "vars"],
    ["explain"],
    ["explain", "W402"],
    # usage errors: exit 2 with a Vietnamese message
    ["status", "--format", "khong-co"],
    ["status", "--khong-co"],
    ["score"],
    ["khong-co"],
]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("proj")
    shutil.copytree(SHIPPED, root / "plans" / SHIPPED.name)
    shutil.copytree(SHIPPED.parent / "criteria", root / "plans" / "criteria")
    shutil.copytree(ROOT / "templates", root / "templates")
    return root


def run(args: list[str], cwd: Path, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONIOENCODING=encoding, CTT_NO_CACHE="1", COLUMNS="100")
    env.pop("PYTHONUTF8", None)
    env.pop("CTT_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "ctt_cli", *args], cwd=cwd, env=env, capture_output=True, timeout=120)


@pytest.mark.parametrize("encoding", ["cp1258", "ascii"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_every_command_on_a_non_utf8_console(project: Path, args: list[str], encoding: str) -> None:
    done = run(args, project, encoding)
    assert done.returncode in (0, 1, 2), done.stderr.decode("utf-8", "replace")
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")  # raises if not UTF-8
    assert "Traceback" not in err and "lỗi nội bộ" not in err
    assert out or err


def test_csv_redirected_on_cp1258_is_utf8_vietnamese(project: Path) -> None:
    done = run(["status", "--as-of", "2026-11-25", "--format", "csv"], project, "cp1258")
    assert done.returncode == 0
    text = done.stdout.decode("utf-8")
    assert text.startswith("Phường,Mã,Nhiệm vụ,Thời gian thực hiện,Chủ trì") and "quá hạn" in text


def test_usage_error_is_exit_2_and_utf8_on_ascii(project: Path) -> None:
    done = run(["status", "--format", "khong-co"], project, "ascii")
    assert done.returncode == 2
    assert "khong-co" in done.stderr.decode("utf-8")
