"""`ctt fmt`: golden files, idempotence, losslessness."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import ROOT
from ctt_cli.model.kinds import kind_of
from ctt_cli.model.tasks import TasksFile
from ctt_cli.yamlio import parse_yaml, plain, read_yaml
from ctt_cli.yamlio.canonical import format_text

DATA = Path(__file__).resolve().parents[1] / "data"


def fmt_bytes(raw: bytes, model=TasksFile) -> str:
    source, findings = parse_yaml(raw, "x.yaml", rt=True)
    assert source is not None, findings
    return format_text(source.tree, model)


def test_each_shipped_file_formats_to_itself() -> None:
    files = sorted((ROOT / "plans").rglob("*.yaml"))
    assert len(files) >= 8
    for path in files:
        source, _ = read_yaml(path, rt=True)
        assert format_text(source.tree, kind_of(path).model) == source.text, path


def test_messy_file_formats_to_expected() -> None:
    out = fmt_bytes((DATA / "messy_tasks.yaml").read_bytes())
    assert out == (DATA / "messy_tasks.expected.yaml").read_text(encoding="utf-8")
    assert fmt_bytes(out.encode()) == out  # idempotent


def test_values_survive() -> None:
    raw = (DATA / "messy_tasks.yaml").read_bytes()
    before, _ = parse_yaml(raw, "x", rt=True)
    after, _ = parse_yaml(fmt_bytes(raw).encode(), "x", rt=True)
    assert plain(before.tree) == plain(after.tree)
    assert plain(after.tree)["tasks"][1]["code_like"] == "05"


def test_cli_check_diff_and_write(cli, tmp_path: Path) -> None:
    ward = tmp_path / "plans" / "w"
    shutil.copytree(ROOT / "plans" / "le-thanh-nghi", ward)
    target = ward / "tasks.yaml"
    shutil.copy(DATA / "messy_tasks.yaml", target)
    untouched = ward / "units.yaml"
    mtime = untouched.stat().st_mtime_ns
    result = cli("fmt", str(tmp_path / "plans"), "--check")
    assert result.exit_code == 1 and "tasks.yaml" in result.stderr and "units.yaml" not in result.stderr
    result = cli("fmt", str(target), "--diff")
    assert result.exit_code == 1 and "+  - id: T01" in result.stdout
    assert target.read_bytes() == (DATA / "messy_tasks.yaml").read_bytes()  # --check/--diff write nothing
    assert cli("fmt", str(tmp_path / "plans")).exit_code == 0
    assert target.read_text(encoding="utf-8") == (DATA / "messy_tasks.expected.yaml").read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == mtime  # unchanged files are not rewritten
    assert cli("fmt", str(tmp_path / "plans"), "--check").exit_code == 0


def test_cli_broken_file(cli, tmp_path: Path) -> None:
    bad = tmp_path / "tasks.yaml"
    bad.write_text("tasks: [\n", encoding="utf-8")
    result = cli("fmt", str(bad))
    assert result.exit_code == 1 and "tasks.yaml:2:1" in result.stderr
    assert bad.read_text(encoding="utf-8") == "tasks: [\n"


keys = st.sampled_from(["id", "text", "deadline", "lead", "partners", "tasks", "appendix", "title", "x", "ghi_chu"])
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1000, 1000),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.sampled_from(["05", "2026-01-30", "yes", "no", "~", "'", "a: b", "# c", "- d"]),
)
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=15,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(keys, trees, min_size=1, max_size=5), st.sampled_from([2, 4]))
def test_format_is_lossless_and_idempotent(doc, indent: int) -> None:
    import io

    yaml = YAML()
    yaml.indent(mapping=indent, sequence=indent + 2, offset=indent)
    buf = io.StringIO()
    yaml.dump(doc, buf)
    source, findings = parse_yaml(buf.getvalue().encode(), "x.yaml", rt=True)
    if source is None:
        return  # e.g. an empty mapping of comments: nothing to format
    once = format_text(source.tree, TasksFile)
    again, _ = parse_yaml(once.encode(), "x.yaml", rt=True)
    assert again is not None
    assert plain(again.tree) == plain(source.tree)
    assert format_text(again.tree, TasksFile) == once
