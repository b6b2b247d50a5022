"""`-o FILE` on every command that prints data: the format from the extension when --format is
absent, the same content as on the screen, written atomically, and never under another format's name."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SHIPPED

PHRASE = "Trước ngày 15/11 hằng năm"


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED, plans / SHIPPED.name)
    shutil.copytree(SHIPPED.parent / "criteria", plans / "criteria")
    return plans


def test_validate_writes_json_and_md_findings(cli, ward: Path, tmp_path: Path):
    on_screen = json.loads(cli("validate", str(ward), "--format", "json").stdout)
    out = tmp_path / "kiem-tra.json"
    result = cli("validate", str(ward), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8")) == on_screen
    md = tmp_path / "kiem-tra.md"
    cli("validate", str(ward), "-o", str(md))
    table = md.read_text(encoding="utf-8").splitlines()
    assert table[0] == "| Mức | Mã | Vị trí | Thông điệp | Gợi ý |"
    rows = [line for line in table[2:] if line.startswith("| ")]
    assert len(rows) == len(on_screen) and all(r.startswith("| cảnh báo | W") for r in rows)
    assert table[-1] == f"0 lỗi, {len(on_screen)} cảnh báo."


def test_validate_writes_the_file_when_there_are_errors(cli, ward: Path, tmp_path: Path):
    progress = ward / SHIPPED.name / "progress" / "2026.yaml"
    progress.write_text(progress.read_text(encoding="utf-8").replace("2026-01-30", "30/13/2026"), encoding="utf-8")
    out = tmp_path / "loi.md"
    result = cli("validate", str(ward), "-o", str(out))
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert "| lỗi | " in text and "progress/2026.yaml:" in text and "| cảnh báo |" in text
    assert "\n1 lỗi," in text or "\n2 lỗi," in text


def test_validate_md_escapes_pipes(cli, ward: Path, tmp_path: Path):
    tasks = ward / SHIPPED.name / "tasks.yaml"
    tasks.write_text(
        tasks.read_text(encoding="utf-8").replace(
            "Trung tâm phục vụ hành chính công", "Trung tâm phục vụ | hành chính công", 1
        ),
        encoding="utf-8",
    )
    out = tmp_path / "v.md"
    cli("validate", str(ward), "-o", str(out))
    for line in out.read_text(encoding="utf-8").splitlines():
        if line.startswith("| "):
            assert line.replace("\\|", "").count("|") == 6, line


@pytest.mark.parametrize(
    "args, good, bad",
    [
        (["deadline", PHRASE, "--years", "2026"], "han.json", "han.docx"),
        (["explain", "W402"], "ma.txt", "ma.pdf"),
        (["templates", "vars"], "bien.md", "bien.pdf"),
    ],
)
def test_text_commands_write_files_and_refuse_other_formats(cli, tmp_path: Path, args, good, bad):
    on_screen = cli(*args, *(["--format", "json"] if good.endswith(".json") else [])).stdout
    result = cli(*args, "-o", str(tmp_path / good))
    assert result.exit_code == 0, result.output
    written = (tmp_path / good).read_text(encoding="utf-8")
    if good.endswith(".json"):
        assert json.loads(written) == json.loads(on_screen)
    elif good.endswith(".txt"):
        assert written == on_screen
    else:
        assert written.startswith("| Biến | Ý nghĩa |") and "| issuer_lines |" in written
    refused = cli(*args, "-o", str(tmp_path / bad))
    assert refused.exit_code == 2 and bad in refused.output
    assert not (tmp_path / bad).exists()


def test_deadline_text_file_and_mismatched_format(cli, tmp_path: Path):
    out = tmp_path / "han.txt"
    cli("deadline", PHRASE, "--years", "2026", "-o", str(out))
    assert out.read_text(encoding="utf-8").startswith(f"Cụm thời gian: {PHRASE}\n")
    result = cli("deadline", PHRASE, "--format", "json", "-o", str(tmp_path / "x.txt"))
    assert result.exit_code == 2 and not (tmp_path / "x.txt").exists()


def test_templates_vars_xlsx_and_json(cli, tmp_path: Path):
    from openpyxl import load_workbook

    from ctt_cli.render.context import VARIABLES

    cli("templates", "vars", "-o", str(tmp_path / "b.xlsx"))
    ws = load_workbook(tmp_path / "b.xlsx").active
    assert [c.value for c in ws[2]] == ["Biến", "Ý nghĩa"]
    assert ws.max_row - 2 == len(VARIABLES)
    cli("templates", "vars", "-o", str(tmp_path / "b.json"))
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert {d["variable"] for d in data} == set(VARIABLES)


def test_docx_text_to_a_file(cli, ward: Path, tmp_path: Path):
    docx = tmp_path / "ke-hoach.docx"
    assert cli("render", "plan", str(ward), "-o", str(docx)).exit_code == 0
    on_screen = cli("docx-text", str(docx)).stdout
    assert cli("docx-text", str(docx), "-o", str(tmp_path / "k.txt")).exit_code == 0
    assert (tmp_path / "k.txt").read_text(encoding="utf-8") == on_screen and "KẾ HOẠCH" in on_screen
    refused = cli("docx-text", str(docx), "-o", str(tmp_path / "k.pdf"))
    assert refused.exit_code == 2 and not (tmp_path / "k.pdf").exists()


def test_calendar_refuses_a_pdf_name(cli, ward: Path, tmp_path: Path):
    result = cli("calendar", "--year", "2026", str(ward), "-o", str(tmp_path / "lich.pdf"))
    assert result.exit_code == 2 and not (tmp_path / "lich.pdf").exists()
    assert cli("calendar", "--year", "2026", str(ward), "-o", str(tmp_path / "lich.ics")).exit_code == 0
    assert (tmp_path / "lich.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    "args",
    [
        ["render", "plan", "-o", "x.xlsx"],  # no .docx bytes under a spreadsheet's name
        ["render", "report", "-y", "2026", "--pdf", "-o", "x.docx"],  # no PDF under a .docx name
        ["status", "-y", "2026", "--format", "csv", "-o", "x.xlsx"],
        ["summary", "-y", "2026", "--format", "json", "-o", "x.pdf"],
        ["score", "-y", "2026", "--format", "md", "-o", "x.docx"],
    ],
)
def test_no_file_under_another_formats_name(cli, ward: Path, tmp_path: Path, args):
    *head, flag, name = args
    result = cli(*head, str(ward), flag, str(tmp_path / name))
    assert result.exit_code == 2, result.output
    assert not (tmp_path / name).exists()


def test_render_pdf_name_gets_a_pdf(cli, ward: Path, tmp_path: Path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    out = tmp_path / "ke-hoach.pdf"
    assert cli("render", "plan", str(ward), "-o", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert not list(tmp_path.glob("*.docx"))


def test_diff_writes_md_and_json(cli, tmp_path: Path, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(SHIPPED, repo / "plans" / SHIPPED.name)
    shutil.copytree(SHIPPED.parent / "criteria", repo / "plans" / "criteria")

    def git(*a: str) -> None:
        subprocess.run(["git", *a], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "add", "-A")
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "x")
    tasks = repo / "plans" / SHIPPED.name / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace(PHRASE, "Trước ngày 30/11 hằng năm"), encoding="utf-8")
    monkeypatch.chdir(repo)
    on_screen = cli("diff", "--format", "md").stdout
    assert "30/11" in on_screen
    result = cli("diff", "-o", str(tmp_path / "thay-doi.md"))
    assert result.exit_code == 0 and result.stdout == ""
    assert (tmp_path / "thay-doi.md").read_text(encoding="utf-8") == on_screen
    cli("diff", "-o", str(tmp_path / "thay-doi.json"))
    data = json.loads((tmp_path / "thay-doi.json").read_text(encoding="utf-8"))
    assert data["from"] == "HEAD" and data["wards"][0]["changes"]
    assert cli("diff", "-o", str(tmp_path / "thay-doi.xlsx")).exit_code == 2
