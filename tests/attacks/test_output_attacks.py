"""Attacks on ctt's outputs (issue 19): -o onto devices and FIFOs, onto the plan's own inputs and
templates, symlinks turned into private copies, temp files left by SIGTERM or Ctrl-C, `-o -`."""

from __future__ import annotations

import os
import shutil
import signal
import stat
from pathlib import Path

import pytest

from conftest import ROOT
from ctt_cli import fsutil
from ctt_cli.fsutil import WriteError, read_input, write_atomic


def _tmp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_dev_null_like_fifo_is_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "null"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="FIFO"):
        write_atomic(fifo, b"x")  # refused before opening it: no hang either
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _tmp_files(tmp_path) == []


def test_device_target_is_refused(tmp_path: Path, monkeypatch) -> None:
    """A character device (as /dev/null) seen through os.stat: refused, never replaced."""
    target = tmp_path / "null"
    target.write_bytes(b"")
    real_stat = os.stat

    def fake_stat(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        if str(path) == str(target):
            return os.stat_result((stat.S_IFCHR | 0o666,) + tuple(result)[1:])
        return result

    monkeypatch.setattr(os, "stat", fake_stat)
    with pytest.raises(WriteError, match="thiết bị"):
        write_atomic(target, b"x")
    assert target.read_bytes() == b""


def test_directory_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="thư mục"):
        write_atomic(tmp_path, b"x")


def test_calendar_onto_fifo_exits_1(cli, ward_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "lich.ics"
    os.mkfifo(fifo)
    result = cli("calendar", str(ward_dir), "--year", "2026", "-o", str(fifo))
    assert result.exit_code == 1 and "FIFO" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_render_plan_onto_plan_yaml_is_refused(cli, ward_dir: Path) -> None:
    plan = ward_dir / "plan.yaml"
    before = plan.read_bytes()
    result = cli("render", "plan", str(ward_dir), "-o", str(plan))
    assert result.exit_code == 1 and "đầu vào" in result.stderr
    assert plan.read_bytes() == before


def test_calendar_onto_tasks_yaml_is_refused(cli, ward_dir: Path) -> None:
    tasks = ward_dir / "tasks.yaml"
    before = tasks.read_bytes()
    result = cli("calendar", str(ward_dir), "--year", "2026", "-o", str(tasks))
    assert result.exit_code == 1 and "đầu vào" in result.stderr
    assert tasks.read_bytes() == before


def test_render_onto_its_own_template_is_refused(cli, ward_dir: Path, tmp_path: Path) -> None:
    template = tmp_path / "ke-hoach.docx"
    shutil.copy(ROOT / "templates" / "ke-hoach.docx", template)
    before = template.read_bytes()
    result = cli("render", "plan", str(ward_dir), "--template", str(template), "-o", str(template))
    assert result.exit_code == 1 and "đầu vào" in result.stderr
    assert template.read_bytes() == before
    other = tmp_path / "out.docx"  # the same command with another output works
    assert cli("render", "plan", str(ward_dir), "--template", str(template), "-o", str(other)).exit_code == 0
    assert other.read_bytes()[:2] == b"PK"


def test_input_registry_refuses_unless_replacing_on_purpose(tmp_path: Path) -> None:
    fsutil.forget_inputs()
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"a: 1\n")
    read_input(path, 100)
    link = tmp_path / "alias.yaml"
    link.symlink_to(path)
    with pytest.raises(WriteError, match="đầu vào"):
        write_atomic(link, b"b: 2\n")  # through a link too
    write_atomic(path, b"b: 2\n", replace_input=True)  # fmt rewriting what it read
    assert path.read_bytes() == b"b: 2\n"
    fsutil.forget_inputs()


def test_symlinked_criteria_file_stays_a_symlink_after_fmt(cli, ward_dir: Path, tmp_path: Path) -> None:
    link = ward_dir.parent / "criteria" / "qd-5049-minh-hoa.yaml"
    shared = tmp_path / "shared" / "qd-5049-minh-hoa.yaml"
    shared.parent.mkdir()
    text = link.read_text(encoding="utf-8")
    messy = text.replace("id: qd-5049-minh-hoa\nstatus: illustrative\n", "status: illustrative\nid: qd-5049-minh-hoa\n")
    assert messy != text
    shared.write_text(messy, encoding="utf-8")
    shared.chmod(0o640)
    link.unlink()
    link.symlink_to(shared)
    result = cli("fmt", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(shared)
    assert shared.read_text(encoding="utf-8") == text  # the shared file itself was formatted
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640  # and kept its mode
    assert _tmp_files(shared.parent) == [] and _tmp_files(link.parent) == []


def test_owner_and_mode_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"old\n")
    path.chmod(0o604)
    before = path.stat()
    write_atomic(path, b"new\n")
    after = path.stat()
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(after.st_mode) == 0o604
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)


def test_sigterm_during_write_leaves_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"old\n")
    real_fsync = os.fsync

    def fsync_then_term(fd):
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(os, "fsync", fsync_then_term)
    with pytest.raises(SystemExit) as info:
        write_atomic(path, b"new\n")
    assert info.value.code == 143
    assert path.read_bytes() == b"old\n" and _tmp_files(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler is put back


def test_ctrl_c_during_write_leaves_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"old\n")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, b"new\n")
    assert path.read_bytes() == b"old\n" and _tmp_files(tmp_path) == []


def test_dash_output_means_stdout_not_a_file(cli, ward_dir: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("calendar", str(ward_dir), "--year", "2026", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("BEGIN:VCALENDAR")
    assert not (tmp_path / "-").exists()
    with pytest.raises(WriteError, match="stdout"):
        write_atomic(Path("-"), b"x")
    assert not (tmp_path / "-").exists()
