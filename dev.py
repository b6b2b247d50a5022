#!/usr/bin/env python3
"""Set up and run ctt with nothing but python3.

    python3 dev.py run    # create .venv if needed (ctt only), validate the shipped plan, show its 2026 status
    python3 dev.py test   # create .venv if needed (with test extras), run the whole test suite
    python3 dev.py lint   # ruff (lint and format check) and mypy, as CI runs them

On Debian, `python3 -m venv` needs the python3-venv package; when it is missing
and we are root, it is installed with apt-get, otherwise the command to run is printed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("CTT_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
MIN_PYTHON = (3, 11)  # as pyproject.toml's requires-python


def python_problem(version: tuple[int, ...] = tuple(sys.version_info[:3])) -> str:
    """The Vietnamese message when this Python is too old for ctt, else an empty string.

    Checked first: an older Python would otherwise sit in pip for minutes and then fail."""
    if tuple(version[:2]) >= MIN_PYTHON:
        return ""
    need = ".".join(map(str, MIN_PYTHON))
    have = ".".join(map(str, version))
    return (
        f"ctt cần Python {need} trở lên; lệnh này đang chạy bằng Python {have}.\n"
        f"Cài Python {need} hoặc mới hơn rồi chạy lại bằng nó, ví dụ:\n"
        f"  Debian 12, Ubuntu 24.04:  sudo apt-get install python3 python3-venv   (có sẵn Python 3.11/3.12)\n"
        f"  Ubuntu 22.04:             sudo apt-get install python{need} python{need}-venv\n"
        f"                            rồi: python{need} dev.py test\n"
        f"  Windows, macOS:           tải từ https://www.python.org/downloads/"
    )


def _run(*cmd: str | Path, check: bool = True) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check).returncode


def _make_venv() -> None:
    if PY.exists():
        return
    probe = subprocess.run([sys.executable, "-c", "import ensurepip, venv"], capture_output=True)
    if probe.returncode != 0:
        version = f"python3.{sys.version_info.minor}-venv"
        if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
            _run("apt-get", "update", "-qq")
            _run("apt-get", "install", "-y", "-qq", version)
        else:
            sys.exit(f"Cần gói {version}: sudo apt-get install {version}")
    _run(sys.executable, "-m", "venv", VENV)


def setup(tests: bool = True) -> None:
    """Install ctt in .venv: with the test tools (pytest, ruff, mypy, selenium…) unless only running it.
    A stamp keeps a second call from reinstalling while pyproject.toml is unchanged."""
    _make_venv()
    stamp = VENV / ".ctt-installed"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    have = stamp.read_text() if stamp.exists() else ""
    if have == f"{digest}+test" or (have == digest and not tests):
        return
    _run(PY, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", ".[test]" if tests else ".")
    stamp.write_text(f"{digest}+test" if tests else digest)


def compile_bytecode() -> None:
    """Byte-compile ctt's own modules (an editable install has none, and PYTHONDONTWRITEBYTECODE
    may keep Python from writing them): start-up is then what a pip install gives."""
    subprocess.run([str(PY), "-m", "compileall", "-q", str(ROOT / "src")], cwd=ROOT, capture_output=True)


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "run"
    if what not in ("run", "test", "setup", "lint"):
        print(__doc__)
        return 2
    problem = python_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    setup(tests=what != "run")
    compile_bytecode()
    ctt = BIN / "ctt"
    if what == "run":
        code = _run(ctt, "validate", check=False)
        if code:
            return code
        print(
            "(Các cảnh báo trên là những chỗ viết chưa thống nhất có sẵn trong văn bản gốc của phường; "
            "ctt giữ nguyên văn bản đã ký và chỉ nhắc. 'ctt explain MÃ' giải thích từng mã.)",
            flush=True,
        )
        return _run(ctt, "status", "--year", "2026", check=False)
    if what == "test":
        return _run(PY, "-m", "pytest", "-q", *argv[1:], check=False)
    if what == "lint":
        codes = [
            _run(PY, "-m", "ruff", "check", "src", "tests", check=False),
            _run(PY, "-m", "ruff", "format", "--check", "src", "tests", check=False),
            _run(PY, "-m", "mypy", check=False),
        ]
        return max(codes)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
