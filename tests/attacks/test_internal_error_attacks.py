"""Attack: inputs that used to end in an internal error (exit 70, "lỗi nội bộ", a traceback) where a
positioned Vietnamese message is due. Every case here must exit 0, 1 or 2, quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import edit

COMMANDS = [
    ("validate",),
    ("status",),
    ("score",),
    ("fmt", "--check"),
    ("summary",),
]


def _quiet(result) -> None:
    text = (result.stdout or "") + (result.stderr or "")
    assert result.exit_code in (0, 1, 2), text
    assert "lỗi nội bộ" not in text and "Traceback" not in text, text


def _huge_int(ward: Path) -> None:
    edit(ward / "plan.yaml", "id: le-thanh-nghi", "id: le-thanh-nghi\nyear_x: " + "9" * 5000)


def _long_criteria_path(ward: Path) -> None:
    edit(ward / "plan.yaml", "criteria_set: ../criteria/qd-5049-minh-hoa.yaml", "criteria_set: " + "a" * 300 + ".yaml")


def _ward_uffff(ward: Path) -> None:
    edit(ward / "plan.yaml", "ward: Phường Lê Thanh Nghị", 'ward: "Phường Lê Thanh Nghị\\uFFFF"')


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("damage", [_huge_int, _long_criteria_path, _ward_uffff], ids=lambda f: f.__name__[1:])
def test_bad_data_never_an_internal_error(cli, ward_dir: Path, command: tuple, damage) -> None:
    damage(ward_dir)
    _quiet(cli(*command, str(ward_dir)))


def test_huge_int_is_positioned(cli, ward_dir: Path) -> None:
    _huge_int(ward_dir)
    result = cli("validate", str(ward_dir))
    assert result.exit_code == 1
    assert "plan.yaml:7:9" in result.stdout + result.stderr and "số quá dài" in result.stdout + result.stderr


def test_render_with_uffff_in_ward_is_quiet(cli, ward_dir: Path, tmp_path: Path) -> None:
    _ward_uffff(ward_dir)
    _quiet(cli("render", "plan", str(ward_dir), "-o", str(tmp_path / "out.docx")))


def test_diff_year_out_of_range(cli, ward_dir: Path) -> None:
    result = cli("diff", "--year", "99999")
    assert result.exit_code == 2
    _quiet(result)


def _unreadable(monkeypatch, folder: Path) -> None:
    """``folder`` is there but cannot be listed (chmod 000 does not stop root, so deny it in os itself)."""
    real_listdir, real_scandir = os.listdir, os.scandir

    def deny(real):
        def wrapped(path="."):
            if os.path.realpath(path) == os.path.realpath(folder):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        return wrapped

    monkeypatch.setattr(os, "listdir", deny(real_listdir))
    monkeypatch.setattr(os, "scandir", deny(real_scandir))


def test_unreadable_folder(cli, ward_dir: Path, monkeypatch) -> None:
    _unreadable(monkeypatch, ward_dir / "progress")
    _quiet(cli("score", str(ward_dir)))
    for command in [("validate",), ("status",)]:
        result = cli(*command, str(ward_dir))
        _quiet(result)
        assert result.exit_code == 1 and "không đọc được thư mục" in result.stdout + result.stderr
    fmt = cli("fmt", str(ward_dir))
    assert fmt.exit_code == 1 and "Mọi tệp đã đúng định dạng" not in fmt.stdout + fmt.stderr
    assert "không đọc được thư mục" in fmt.stderr


def test_non_utf8_file_name_in_git(cli, ward_dir: Path, monkeypatch) -> None:
    repo = ward_dir.parent.parent
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    bad = os.fsencode(str(ward_dir / "progress")) + b"/ghi-ch\xfa.yaml"
    with open(bad, "wb") as f:
        f.write(b"a: 1\n")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "x"], check=True)
    monkeypatch.chdir(repo)
    _quiet(cli("diff", "HEAD"))
    _quiet(cli("validate", "plans"))


def test_ctrl_c_at_start_is_quiet(tmp_path: Path, ward_dir: Path) -> None:
    """SIGINT in the first 0.1 s: exit 130 and no traceback (or, if it finished first, exit 0/1).
    A signal before Python itself has started (site import) is the interpreter's, not ctt's: skipped."""
    import signal
    import time

    ctt = Path(sys.executable).parent / "ctt"
    env = {**os.environ, "CTT_NO_CACHE": "1"}
    reached = 0
    for delay in (0.05, 0.08, 0.1, 0.15, 0.3):
        proc = subprocess.Popen(
            [str(ctt), "validate", str(ward_dir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        if b"init_import_site" in err or (b"Traceback" in err and _before_handler(err.decode())):
            continue  # Python was still starting (site, the launcher's `import re`, ctt_cli/__init__'s first lines)
        reached += 1
        assert proc.returncode in (130, 0, 1), err.decode()
        assert b"Traceback" not in err and "lỗi nội bộ".encode() not in err, err.decode()
        if proc.returncode == 130:
            assert err.decode().strip() in ("", "Đã dừng."), err.decode()
    assert reached


def _before_handler(err: str) -> bool:
    """The traceback ends before ctt_cli/__init__.py installed its SIGINT handler (nothing ctt can do)."""
    import re

    import ctt_cli

    source = Path(ctt_cli.__file__).read_text(encoding="utf-8").splitlines()
    installed = next(i for i, line in enumerate(source, 1) if "_signal.signal(_signal.SIGINT" in line)
    frames = re.findall(r'File "([^"]+)", line (\d+)', err)
    ours = [(f, int(n)) for f, n in frames if "ctt_cli" in f and "<frozen" not in f]
    return not ours or (ours[-1][0].endswith("ctt_cli/__init__.py") and ours[-1][1] <= installed)
