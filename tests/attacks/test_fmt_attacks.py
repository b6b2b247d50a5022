"""Attacks on fmt from the attack report (issue 19): each repro is refused untouched or kept exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from ctt_cli.model.tasks import TasksFile
from ctt_cli.yamlio import parse_yaml
from ctt_cli.yamlio.canonical import format_checked

BARE_DASH = "units:   # c1\n  - {id: a, kind: nhom}   # c2\n  -\n    kind: nhom\n    id: x\n"


def _ward_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "plans" / "w" / name
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_bare_dash_after_flow_item_is_never_corrupted(cli, tmp_path: Path) -> None:
    path = _ward_file(tmp_path, "units.yaml", BARE_DASH)
    result = cli("fmt", str(path.parent))
    now = path.read_text(encoding="utf-8")
    if result.exit_code == 1:
        assert now == BARE_DASH  # refused untouched, and it says which file
        assert "units.yaml" in result.stderr and "giữ nguyên" in result.stderr
    else:  # or rewritten into something that still reads the same
        source, problems = parse_yaml(now.encode(), "u.yaml")
        assert source is not None, problems
        assert source.tree == {"units": [{"id": "a", "kind": "nhom"}, {"kind": "nhom", "id": "x"}]}
        assert "# c1" in now and "# c2" in now
    assert parse_yaml(path.read_bytes(), "u.yaml")[0] is not None  # never invalid YAML on disk


@pytest.mark.parametrize(
    "text, construct",
    [
        ("%YAML 1.1\n---\nunits:\n  - id: a\n    kind: nhom\n    short_name: No\n", "%YAML"),
        ("units:\n  - id: !!int 5\n    kind: nhom\n", "!!int"),
        ("units:\n  - id: a\n    kind: !nhom nhom\n", "!nhom"),
        ("units:\n  - id: a\n    kind: nhom\n    logo: !!binary aGVsbG8=\n", "!!binary"),
    ],
)
def test_directives_and_tags_are_refused_untouched(cli, tmp_path: Path, text: str, construct: str) -> None:
    path = _ward_file(tmp_path, "units.yaml", text.replace("units:", "units:  # giữ"))
    before = path.read_bytes()
    result = cli("fmt", str(path))
    assert result.exit_code == 1
    assert path.read_bytes() == before
    assert construct.lstrip("%") in result.stderr and "units.yaml:" in result.stderr


def test_reordered_keys_keep_every_comment() -> None:
    text = (
        "# đầu tệp\ntasks:\n  - text: Rà soát  # về nội dung\n    # trước id\n    id: T01\n"
        "    deadline: Quý II\n    lead: ubnd\nappendix:\n  title: Phụ lục  # tên\n  issuer_text: UBND\n# cuối\n"
    )
    source, _ = parse_yaml(text.encode(), "t.yaml", rt=True)
    out = format_checked(text, source.tree, TasksFile)
    assert out.index("appendix:") < out.index("tasks:")
    for comment in ("# đầu tệp", "# về nội dung", "# trước id", "# tên", "# cuối"):
        assert out.count(comment) == 1, comment
    again, _ = parse_yaml(out.encode(), "t.yaml", rt=True)
    assert format_checked(out, again.tree, TasksFile) == out


def test_comment_inside_flow_sequence_becomes_block_style(cli, tmp_path: Path) -> None:
    text = (
        "appendix:\n  title: P\n  issuer_text: U\ntasks:\n  - id: T01\n    partners: [\n      ubnd,  # chủ trì\n"
        "      cong-an,\n    ]\n    text: x\n    deadline: y\n    lead: ubnd\n"
    )
    path = _ward_file(tmp_path, "tasks.yaml", text)
    result = cli("fmt", str(path))
    assert result.exit_code == 0, result.stderr
    now = path.read_text(encoding="utf-8")
    assert "    partners:\n      - ubnd  # chủ trì\n      - cong-an\n" in now
    assert cli("fmt", "--check", str(path)).exit_code == 0  # stable


def test_comment_on_its_own_line_inside_flow_is_still_refused(cli, tmp_path: Path) -> None:
    text = (
        "appendix:\n  title: P\n  issuer_text: U\ntasks:\n  - id: T01\n    partners: [\n      ubnd,\n"
        "      # chủ trì ở trên\n      cong-an,\n    ]\n    text: x\n    deadline: y\n    lead: ubnd\n"
    )
    path = _ward_file(tmp_path, "tasks.yaml", text)
    result = cli("fmt", str(path))
    assert path.read_text(encoding="utf-8") == text
    assert result.exit_code == 1 and "# chủ trì ở trên" in result.stderr


@pytest.mark.parametrize(
    "item",
    [
        "  -\n    # nhiệm vụ mới\n    id: T02\n    text: y\n",
        "  -\n# ghi ở lề trái\n    id: T02\n    text: y\n",
        "  -   # bổ sung sau\n    id: T02\n    text: y\n",
    ],
)
def test_bare_dash_then_comment_then_mapping_is_rewritten_in_one_run(item: str) -> None:
    text = "tasks:\n  - id: T01\n    text: x\n" + item
    source, _ = parse_yaml(text.encode(), "t.yaml", rt=True)
    out = format_checked(text, source.tree, TasksFile)
    comment = item[item.index("#") :].split("\n")[0]
    assert out.count(comment) == 1 and "  - id: T02\n" in out
    again, _ = parse_yaml(out.encode(), "t.yaml", rt=True)
    assert format_checked(out, again.tree, TasksFile) == out
