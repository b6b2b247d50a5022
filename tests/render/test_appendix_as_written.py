"""The plan's appendix tables as the ward's own plan draws them (tasks.yaml appendix: titles,
column_numbers, task_numbers, group_numbers; plan.yaml signature.authority_text), on the xã plan of
tests/data/wards/minh-tan (our own illustrative text), and the defaults giving ctt's table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import ooxml_xsd
from conftest import edit
from ctt_cli.render.docx_text import docx_lines
from ctt_cli.render.table_grid import widths

WARD = Path(__file__).resolve().parents[1] / "data" / "wards" / "minh-tan"


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    shutil.copytree(WARD, tmp_path / "minh-tan")
    return tmp_path / "minh-tan"


def render(cli, ward: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "ke-hoach.docx"
    result = cli("render", "plan", str(ward), "-o", str(out))
    assert result.exit_code == 0, result.output
    return docx_lines(out)


def table(lines: list[str], head: str, rows: int) -> list[list[str]]:
    at = next(i for i, line in enumerate(lines) if line.startswith(head))
    return [line.split(" | ") for line in lines[at : at + rows]]


def test_defaults_draw_ctts_table(cli, ward: Path, tmp_path: Path) -> None:
    lines = render(cli, ward, tmp_path)
    first = table(lines, "STT | Nhiệm vụ cụ thể | Kết quả", 7)
    assert first[0] == [
        "STT",
        "Nhiệm vụ cụ thể",
        "Kết quả/Sản phẩm đầu ra",
        "Thời gian thực hiện",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Nguồn kinh phí",
    ]  # the appendix's 7 columns in its order, not 8 with an empty one
    assert [r[0] for r in first[1:]] == ["1", "1.1", "1.2", "2", "2.1", "2.2"]  # decimal plan: groups 1, 2
    assert first[2][2] == "Lịch phát thanh, biên bản của các thôn" and first[2][6] == "Ngân sách xã"
    assert "| KT. CHỦ TỊCH /" in "\n".join(lines) and not any(line.startswith("(1) |") for line in lines)


def test_own_titles_number_row_and_straight_numbers(cli, ward: Path, tmp_path: Path) -> None:
    tasks = ward / "tasks.yaml"
    edit(
        tasks,
        "    columns: [stt, text, result, deadline, lead, partners, funding]\n",
        "    columns: [stt, text, result, deadline, lead, partners, funding]\n"
        "    titles: {stt: TT, text: Nội dung công việc, funding: Kinh phí}\n"
        "    column_numbers: true\n"
        "    task_numbers: straight\n"
        "    group_numbers: roman\n",
    )
    edit(
        tasks,
        "    columns: [stt, text, deadline, lead, partners, note]\n",
        "    columns: [stt, text, deadline, lead, partners, note]\n    task_numbers: restart\n",
    )
    edit(ward / "plan.yaml", "  authority: KT.\n", "  authority: KT.\n  authority_text: K/T\n")
    assert cli("validate", str(ward), "--as-of", "2028-03-01").exit_code == 0
    lines = render(cli, ward, tmp_path)
    first = table(lines, "TT | Nội dung công việc", 8)
    assert first[0][:3] == ["TT", "Nội dung công việc", "Kết quả/Sản phẩm đầu ra"] and first[0][6] == "Kinh phí"
    assert first[1] == ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]
    assert [r[0] for r in first[2:]] == ["I", "1", "2", "II", "3", "4"]
    second = table(lines, "STT | Nhiệm vụ cụ thể | Thời gian thực hiện", 3)
    assert second[0][-1] == "Ghi chú" and [r[0] for r in second[1:]] == ["1", "2"]  # no group: 1, 2
    assert "| K/T CHỦ TỊCH /" in "\n".join(lines) and "KT." not in "\n".join(lines)


def test_restart_numbers_each_group_from_one(cli, ward: Path, tmp_path: Path) -> None:
    edit(
        ward / "tasks.yaml",
        "    columns: [stt, text, result, deadline, lead, partners, funding]\n",
        "    columns: [stt, text, result, deadline, lead, partners, funding]\n    task_numbers: restart\n",
    )
    first = table(render(cli, ward, tmp_path), "STT | Nhiệm vụ cụ thể | Kết quả", 7)
    assert [r[0] for r in first[1:]] == ["1", "1", "2", "2", "1", "2"]


def test_five_columns_with_own_titles_keep_the_basic_table(cli, ward: Path, tmp_path: Path) -> None:
    edit(
        ward / "tasks.yaml",
        "    columns: [stt, text, deadline, lead, partners, note]\n",
        "    titles: {lead: Đơn vị chủ trì, partners: Đơn vị phối hợp}\n    column_numbers: true\n",
    )
    second = table(render(cli, ward, tmp_path), "STT | Nhiệm vụ cụ thể | Thời gian thực hiện | Đơn vị", 4)
    assert second[0] == ["STT", "Nhiệm vụ cụ thể", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp"]
    assert second[1] == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    assert second[2][0] == "1" and second[2][3] == "Đồng chí Chánh Văn phòng HĐND và UBND xã"


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("    task_numbers: restart\n", "    task_numbers: lien-tuc\n", "task_numbers"),
        ("    task_numbers: restart\n", "    titles: {stt: TT, ma: Mã}\n", "titles"),
        ("    task_numbers: restart\n", "    column_numbers: có\n", "column_numbers"),
    ],
)
def test_a_wrong_layout_is_an_error_with_its_place(cli, ward: Path, old: str, new: str, where: str) -> None:
    edit(
        ward / "tasks.yaml",
        "    columns: [stt, text, deadline, lead, partners, note]\n",
        "    columns: [stt, text, deadline, lead, partners, note]\n    task_numbers: restart\n",
    )
    edit(ward / "tasks.yaml", old, new)
    result = cli("validate", str(ward), "--as-of", "2028-03-01")
    assert result.exit_code == 1 and "tasks.yaml:" in result.output and where in result.output, result.output
    assert "Traceback" not in result.output


def test_the_wide_table_is_valid_and_fills_the_page(cli, ward: Path, tmp_path: Path) -> None:
    """Phụ lục I (7 columns) and II (6): the column loop's cells get their widths, the grid matches
    them, the caption that marked the table is gone, and the file is valid OOXML."""
    import zipfile

    from lxml import etree

    out = tmp_path / "ke-hoach.docx"
    assert cli("render", "plan", str(ward), "-o", str(out)).exit_code == 0
    ooxml_xsd.require()
    assert ooxml_xsd.problems(out) == []
    xml = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert not list(xml.iter(f"{w}tblCaption"))
    grids = [[int(c.get(f"{w}w")) for c in t.iter(f"{w}gridCol")] for t in xml.iter(f"{w}tbl")]
    wide = [g for g in grids if len(g) in (6, 7)]
    assert len(wide) == 2
    for grid in wide:
        assert grid == widths(sum(grid), len(grid)) and abs(sum(grid) - 14287) < 10  # 252 mm
        assert grid[0] == 680 and grid[2:] == [1701] * (len(grid) - 2)  # STT 12 mm, the others 30 mm
    for tbl in xml.iter(f"{w}tbl"):
        grid = [int(c.get(f"{w}w")) for c in tbl.iter(f"{w}gridCol")]
        if len(grid) in (6, 7):
            for tr in tbl.iter(f"{w}tr"):
                assert [int(tc.get(f"{w}w")) for tc in tr.iter(f"{w}tcW")] == grid


def test_widths_for_any_number_of_columns() -> None:
    for count in range(1, 13):
        sizes = widths(14287, count)
        assert len(sizes) == count and sum(sizes) == 14287 and min(sizes) > 0
        if 3 <= count <= 8:
            assert sizes[1] >= 3402  # the task's text keeps 60 mm while the columns fit
