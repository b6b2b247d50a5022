"""Atomic writes: a failure leaves the old file as it was and no temporary file behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ctt_cli import fsutil


def test_write_and_replace(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.txt"
    fsutil.write_atomic(target, b"one")
    fsutil.write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(target.parent) == ["a.txt"]


def test_failure_keeps_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fsutil.os, "replace", refuse)
    with pytest.raises(fsutil.WriteError, match="đang mở"):
        fsutil.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_permissions(tmp_path: Path) -> None:
    new = tmp_path / "new.txt"
    fsutil.write_atomic(new, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.txt"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    fsutil.write_atomic(kept, b"new")
    assert kept.stat().st_mode & 0o777 == 0o640


def test_replacing_a_file_where_os_has_no_owners(tmp_path: Path, monkeypatch) -> None:
    """Windows has no os.getuid/os.getgid: replacing an existing file must not depend on them."""
    target = tmp_path / "ke-hoach.docx"
    target.write_bytes(b"old")
    monkeypatch.delattr(fsutil.os, "getuid")
    monkeypatch.delattr(fsutil.os, "getgid")
    fsutil.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["ke-hoach.docx"]
