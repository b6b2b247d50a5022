"""dev.py checks the Python version before it installs anything."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from conftest import ROOT


def load_dev():
    spec = importlib.util.spec_from_file_location("ctt_dev", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_old_python_gets_a_vietnamese_message_with_what_to_install() -> None:
    dev = load_dev()
    message = dev.python_problem((3, 10, 12))
    assert message.startswith("ctt cần Python 3.11 trở lên; lệnh này đang chạy bằng Python 3.10.12.")
    assert "sudo apt-get install python3.11 python3.11-venv" in message
    assert "python3.11 dev.py test" in message and "python.org" in message
    assert dev.python_problem((3, 9, 0)) and dev.python_problem((2, 7, 18))


def test_supported_pythons_pass() -> None:
    dev = load_dev()
    assert dev.python_problem((3, 11, 0)) == "" and dev.python_problem((3, 13, 1)) == ""
    assert dev.python_problem() == ""  # the Python running these tests


def test_min_python_matches_pyproject() -> None:
    dev = load_dev()
    wanted = ".".join(map(str, dev.MIN_PYTHON))
    assert f'requires-python = ">={wanted}"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_check_runs_before_pip(tmp_path) -> None:
    """With the version check failing, dev.py stops at once and never creates a virtual environment."""
    dev_py = str(ROOT / "dev.py")
    code = (
        f"import runpy, sys; g = runpy.run_path({dev_py!r}, run_name='dev'); "
        "g['python_problem'].__defaults__ = ((3, 10, 4),); sys.exit(g['main'](['test']))"
    )
    env = {"CTT_VENV": str(tmp_path / "venv"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert "ctt cần Python 3.11 trở lên; lệnh này đang chạy bằng Python 3.10.4." in done.stderr
    assert not (tmp_path / "venv").exists()
