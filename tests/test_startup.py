"""What a run of ctt does not pay for: the other commands' options, pydantic's plugin lookup, the
holidays package (bench/README.md). Behaviour only: no timings."""

from __future__ import annotations

import os
import subprocess
import sys

from ctt_cli.app import app, app_for


def test_app_for_keeps_only_the_named_command() -> None:
    slim = app_for(["ctt", "validate", "plans/"])
    assert [c.name for c in slim.registered_commands] == ["validate"] and not slim.registered_groups
    render = app_for(["ctt", "render", "plan"])
    assert [g.name for g in render.registered_groups] == ["render"] and not render.registered_commands
    assert len(app.registered_commands) > 10  # the app itself is untouched
    for argv in (["ctt"], ["ctt", "--help"], ["ctt", "--version"], ["ctt", "vaidate"], ["ctt", "plans/"]):
        assert app_for(argv) is app


def test_misspelt_command_still_gets_the_whole_app() -> None:
    run = subprocess.run([sys.executable, "-m", "ctt_cli", "statu"], capture_output=True, text=True)
    assert run.returncode == 2 and "status" in run.stderr


def test_cold_status_imports_neither_holidays_nor_plugin_lookup(tmp_path) -> None:
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('LOADED', sorted(m for m in ('holidays', 'importlib.metadata') "
        "if m in sys.modules), file=sys.stderr))\n"
        "from ctt_cli.app import main\n"
        "sys.argv = ['ctt', 'status', '--year', '2026', '--as-of', '2026-11-20']\n"
        "main()\n"
    )
    env = {**os.environ, "CTT_NO_CACHE": "1"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert run.returncode == 0 and "T01" in run.stdout
    assert "LOADED []" in run.stderr


def test_ctrl_c_after_the_command_finished_keeps_its_exit_code() -> None:
    """A faster ctt can be done when a Ctrl-C meant for it arrives: Python's shutdown must not turn
    the finished command's exit into a traceback or a death by SIGINT."""
    code = (
        "import atexit, os, signal, sys\n"
        "import ctt_cli.app as a\n"
        "def finished():\n"
        "    sys.stderr.write('0 lỗi, 1 cảnh báo\\n')\n"
        "    sys.exit(1)\n"
        "a.main = finished\n"
        "atexit.register(lambda: (os.kill(os.getpid(), signal.SIGINT), [None for _ in range(10000)]))\n"
        "from ctt_cli.commands.entry import main\n"
        "main()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 1 and run.stderr == "0 lỗi, 1 cảnh báo\n"
