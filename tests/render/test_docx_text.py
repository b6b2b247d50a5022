"""`ctt docx-text`, alone and as a git textconv driver."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SHIPPED


def test_docx_text(cli, tmp_path: Path) -> None:
    out = tmp_path / "k.docx"
    cli("render", "plan", str(SHIPPED), "-o", str(out))
    result = cli("docx-text", str(out))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "KẾ HOẠCH" in lines and "V. TỔ CHỨC THỰC HIỆN" in lines
    assert any(line.startswith("9 | Sơ kết 2 năm") for line in lines)


def test_not_a_docx(cli, tmp_path: Path) -> None:
    bad = tmp_path / "x.docx"
    bad.write_text("not a zip")
    result = cli("docx-text", str(bad))
    assert result.exit_code == 1 and "không phải tệp .docx" in result.stderr
    assert cli("docx-text", str(tmp_path / "none.docx")).exit_code == 1


def test_git_textconv(cli, tmp_path: Path) -> None:
    ctt = shutil.which("ctt") or f"{sys.executable} -m ctt_cli"
    repo = tmp_path / "r"
    repo.mkdir()
    run = lambda *a: subprocess.run(a, cwd=repo, check=True, capture_output=True, text=True).stdout  # noqa: E731
    run("git", "init", "-q")
    run("git", "config", "user.email", "t@example.org")
    run("git", "config", "user.name", "t")
    run("git", "config", "diff.docx.textconv", f"{ctt} docx-text")
    (repo / ".gitattributes").write_text("*.docx diff=docx\n")
    cli("render", "plan", str(SHIPPED), "-o", str(repo / "k.docx"))
    run("git", "add", "-A")
    run("git", "commit", "-qm", "one")
    changed = tmp_path / "w"
    shutil.copytree(SHIPPED.parent, changed)
    plan = changed / SHIPPED.name / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("name: Nguyễn Hữu Phúc", "name: Trần Văn B"), encoding="utf-8"
    )
    cli("render", "plan", str(changed / SHIPPED.name), "-o", str(repo / "k.docx"))
    diff = run("git", "diff")
    removed = [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(removed) == len(added) == 1  # only the signature line changed, shown as text
    assert "Nguyễn Hữu Phúc" in removed[0] and "Trần Văn B" in added[0]
