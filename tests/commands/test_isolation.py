"""Each command needs only some files: errors elsewhere are reported on stderr and do not stop it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import edit

AS_OF = "2026-11-25"


def status(cli, ward: Path, year: str = "2026"):
    return cli("status", str(ward), "-y", year, "--as-of", AS_OF, "-f", "json")


def score(cli, ward: Path):
    return cli("score", str(ward), "-y", "2026", "-f", "json")


def render_plan(cli, ward: Path):
    return cli("render", "plan", str(ward), "-o", str(ward.parent / "ke-hoach.docx"))


def calendar(cli, ward: Path):
    return cli("calendar", str(ward), "-y", "2026", "-o", str(ward.parent / "lich.ics"))


def break_scores(ward: Path) -> None:
    edit(ward / "scores" / "2026.yaml", "criteria_set:", "criteria_sett:")


def break_documents(ward: Path) -> None:
    edit(ward / "documents.yaml", "number: 5049/QĐ-UBND", "number: 5049-QĐ-UBND")


def break_criteria(ward: Path) -> None:
    edit(ward.parent / "criteria" / "qd-5049-minh-hoa.yaml", "max_total:", "max_totall:")


def break_tasks(ward: Path) -> None:
    edit(ward / "tasks.yaml", "lead: phong-kthtdt", "lead: khong-co")


def break_progress_2027(ward: Path) -> None:
    (ward / "progress" / "2027.yaml").write_text(
        "year: 2027\nrecords:\n  - task: T99\n    state: hoàn thành\n", encoding="utf-8"
    )


# (how the data is broken, which commands still run (exit 0), which stop (exit 1))
CASES = [
    (break_scores, {"status", "render plan", "calendar"}, {"score"}),
    (break_documents, {"status", "score"}, {"render plan"}),
    (break_criteria, {"status", "render plan"}, {"score"}),
    (break_tasks, {"score"}, {"status", "render plan", "calendar"}),
    (break_progress_2027, {"status", "render plan", "score"}, set()),
]
COMMANDS = {"status": status, "score": score, "render plan": render_plan, "calendar": calendar}


@pytest.mark.parametrize(("breaks", "runs", "stops"), CASES, ids=[c[0].__name__ for c in CASES])
def test_errors_elsewhere_do_not_stop_a_command(cli, ward_dir: Path, breaks, runs, stops) -> None:
    breaks(ward_dir)
    assert json.loads(cli("validate", str(ward_dir), "-f", "json").stdout)  # the data does have an error
    for name in runs:
        result = COMMANDS[name](cli, ward_dir)
        assert result.exit_code == 0, (name, result.output)
        assert "lỗi" in result.stderr and "vẫn tiếp tục" in result.stderr, name
    for name in stops:
        result = COMMANDS[name](cli, ward_dir)
        assert result.exit_code == 1, (name, result.output)
        assert "bỏ qua phường này" in result.stderr, name


def test_status_of_the_broken_year_stops(cli, ward_dir: Path) -> None:
    break_progress_2027(ward_dir)
    assert status(cli, ward_dir, "2027").exit_code == 1
    rows = json.loads(status(cli, ward_dir, "2026").stdout)["wards"][0]["rows"]
    assert {r["task"] for r in rows} >= {"T01", "T03", "T05"}


def test_needs_names_only_known_kinds() -> None:
    from ctt_cli.model.layout import Needs

    with pytest.raises(ValueError, match="scorez"):
        Needs("plan", "scorez")
    needs = Needs("plan", "progress", year=2026)
    assert [needs.covers(k) for k in ("plan", "progress/2026", "progress/2027", "scores/2026", "criteria")] == [
        True,
        True,
        False,
        False,
        False,
    ]
