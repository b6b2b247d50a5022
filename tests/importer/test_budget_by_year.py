"""A style written after the seven of test_word_styles were met (samples_extra.BACH_VAN_DAC_KHU): a đặc
khu's plan, an appendix with a "Kinh phí (triệu đồng)" column, tasks grouped by year and numbered 1, 2
again under each year. It imports, validates clean, and renders its table as the source drew it."""

from __future__ import annotations

from pathlib import Path

from tests.importer.test_word_styles import _import, _ward

from ctt_cli.render.docx_text import docx_lines


def test_a_dac_khu_plan_with_a_budget_column_grouped_by_year(tmp_path: Path, cli) -> None:
    _, out, result = _import("dac-khu-kinh-phi", tmp_path, cli)
    assert ": 0 lỗi, 0 cảnh báo" in result.output, result.output
    ward = _ward(out)
    plan, tasks_file = ward.plan, ward.tasks_file
    assert plan.ward == "Đặc khu Bạch Vân"  # not "Đặc Khu": the kind keeps its lower case
    assert ward.unit(plan.issuer.unit).name == "Ủy ban nhân dân đặc khu Bạch Vân"
    assert plan.settings.numbering == "roman-decimal"
    assert [(o.from_year, o.level) for o in plan.objectives] == [(2026, 2), (2027, 3)]
    app = tasks_file.appendix
    assert app is not None and app.columns == ["stt", "text", "deadline", "lead", "partners", "funding"]
    assert app.titles["funding"] == "Kinh phí (triệu đồng)" and app.titles["deadline"] == "Thời hạn"
    assert (app.task_numbers, app.group_numbers, app.column_numbers) == ("restart", None, False)
    assert [g.title for g in tasks_file.groups] == ["NĂM 2026", "NĂM 2027"]
    assert [(t.group, t.funding) for t in ward.tasks] == [
        ("nhom-1", "120"),
        ("nhom-1", "35"),
        ("nhom-2", "80"),
        ("nhom-2", "Không"),
    ]
    rendered = tmp_path / "lai.docx"
    assert cli("render", "plan", out, "-o", rendered).exit_code == 0
    lines = docx_lines(rendered)
    at = lines.index("STT | Nhiệm vụ cụ thể | Thời hạn | Đơn vị chủ trì | Đơn vị phối hợp | Kinh phí (triệu đồng)")
    rows = [line.split(" | ") for line in lines[at + 1 : at + 7]]
    assert [r[0] for r in rows] == ["I", "1", "2", "II", "1", "2"]
    assert [r[-1] for r in rows] == ["", "120", "35", "", "80", "Không"]
