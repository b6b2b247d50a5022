"""Arbitrary text and arbitrary YAML documents: always a workspace or positioned findings, never an exception."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import SHIPPED
from ctt_cli.checks.registry import run_checks
from ctt_cli.workspace.load import load_ward
from ctt_cli.yamlio import parse_yaml

AS_OF = dt.date(2026, 11, 25)

FILES = ("plan.yaml", "units.yaml", "documents.yaml", "tasks.yaml", "progress/2026.yaml")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.text(max_size=30),
    st.dates().map(str),
    st.sampled_from(["T01", "phong-vhxh", "hoàn thành", "Hằng năm"]),
)
keys = st.one_of(
    st.text(min_size=1, max_size=10),
    st.sampled_from(["id", "units", "tasks", "lead", "text", "deadline", "records", "year", "task"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=25,
)


def assert_positioned(findings) -> None:
    for f in findings:
        assert f.code and f.message and f.file
        assert f.line >= 0 and f.column >= 0


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(raw: bytes) -> None:
    source, findings = parse_yaml(raw, "x.yaml")
    assert (source is None) == bool(findings)
    assert_positioned(findings)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    _, findings = parse_yaml(text.encode("utf-8", "surrogatepass"), "x.yaml")
    assert_positioned(findings)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(FILES), doc=documents)
def test_arbitrary_documents_in_a_ward(tmp_path_factory, name: str, doc) -> None:
    ward_dir = tmp_path_factory.mktemp("w") / "ward"
    shutil.copytree(SHIPPED, ward_dir)
    with (ward_dir / name).open("w", encoding="utf-8") as fh:
        YAML().dump(doc, fh)
    ward = load_ward(ward_dir)
    findings = run_checks(ward, AS_OF)
    assert_positioned(findings)
    if not any(f.severity.value == "error" for f in findings):
        assert ward.plan is not None and ward.tasks


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["deadline", "lead", "text", "id"]), value=st.text(max_size=40))
def test_arbitrary_values_in_the_real_plan(tmp_path_factory, field: str, value: str) -> None:
    ward_dir = tmp_path_factory.mktemp("w") / "ward"
    shutil.copytree(SHIPPED, ward_dir)
    yaml = YAML()
    path = ward_dir / "tasks.yaml"
    data = yaml.load(path)
    data["tasks"][4][field] = value
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    findings = run_checks(load_ward(ward_dir), AS_OF)
    assert_positioned(findings)


def test_fuzz_cases_found_before() -> None:
    for raw in (
        b"\x00",
        b"a: !!binary x",
        b"? [a]\n: b",
        b"!!set {a}",
        b"a: !!timestamp 2026-13-45",
        b"a: 2026-02-30\n",
        b"- - - -\n",
        b"{a: 1, a: 2}",
        b"'\\x'",
        b"\xff\xfe",
    ):
        _, findings = parse_yaml(raw, "x.yaml")
        assert_positioned(findings)


def test_ward_folder_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").mkdir()
    findings = run_checks(load_ward(tmp_path), AS_OF)
    assert any(f.code == "E108" for f in findings)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
@example("a: 0_")
@example("a: 1_000")
@example("a: 0b1")
@example("a: 1__2")
@example("- =")
@example("a: 0o17\nb: 0x1F\nc: +0x1\nd: 0o9")
def test_both_readers_agree(text: str) -> None:
    from ctt_cli.yamlio import plain

    fast, f1 = parse_yaml(text.encode(), "x.yaml")
    slow, f2 = parse_yaml(text.encode(), "x.yaml", rt=True)
    if fast is not None and slow is not None:
        assert plain(fast.tree) == plain(slow.tree)


@settings(max_examples=100, deadline=None)
@given(documents)
def test_both_readers_agree_on_documents(doc) -> None:
    import io

    from ctt_cli.yamlio import plain

    buf = io.StringIO()
    YAML().dump(doc, buf)
    fast, _ = parse_yaml(buf.getvalue().encode(), "x.yaml")
    slow, _ = parse_yaml(buf.getvalue().encode(), "x.yaml", rt=True)
    assert (fast is None) == (slow is None)
    if fast is not None:
        assert plain(fast.tree) == plain(slow.tree)


@settings(max_examples=40, deadline=None)
@given(
    command=st.sampled_from(
        [["status"], ["score"], ["calendar"], ["summary"], ["validate", "--check"], ["templates", "check"]]
    ),
    option=st.sampled_from(["--year", "--as-of", "--unit", "--format", "--due-within", None]),
    value=st.text(max_size=12),
)
def test_cli_never_crashes_on_odd_options(command, option, value) -> None:
    from typer.testing import CliRunner

    from ctt_cli.app import app

    args = [*command, str(SHIPPED)]
    if option:
        args += [option, value]
    if command[0] in ("score", "calendar") and option != "--year":
        args += ["--year", "2026"]
    result = CliRunner().invoke(app, args, env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
