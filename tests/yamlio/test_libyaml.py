"""The fast reader's two ways to libyaml's results: ruamel.yaml.clib's C parser (every run) and
ruamel's pure-Python scanner and composer (a platform without the C extension). Both must give the
same data with the same positions, the same tokens for fmt's checks, and refuse the same files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ctt_cli.yamlio import fast, libyaml

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "plans").rglob("*.yaml"))
if "yaml_gen" not in sys.modules:  # the attack tests' generator of hand-written-style files
    _spec = importlib.util.spec_from_file_location("yaml_gen", ROOT / "tests" / "attacks" / "yaml_gen.py")
    assert _spec and _spec.loader
    sys.modules["yaml_gen"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules["yaml_gen"])
yaml_gen = sys.modules["yaml_gen"]

needs_c = pytest.mark.skipif(libyaml.CParser is None, reason="ruamel.yaml.clib is not installed")


def tree(text: str, pure: bool):
    """fast.load's result through one backend, with every position and every value's type."""
    node = libyaml.compose(text, pure=pure)
    return None if node is None else dump(fast._build(node, set()))


def dump(value):
    """Data, types and positions; an empty value (None) has no text, so its position is not compared:
    libyaml puts it right after the ':', ruamel's pure scanner at the next token."""
    if isinstance(value, dict):
        return ("map", value.lc.line, value.lc.col, [(k, at(value.lc.data[k], v), dump(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", value.lc.line, value.lc.col, [(at(value.lc.data[i], v), dump(v)) for i, v in enumerate(value)])
    return (type(value).__name__, repr(value))


def at(position: tuple[int, int, int, int], value) -> tuple[int, ...]:
    return position[:2] if value is None else position


def outcome(text: str, pure: bool):
    try:
        return tree(text, pure)
    except fast.YamlProblem as exc:  # duplicate key, alias, over-long number: found by ctt, not the parser
        return ("problem", exc.code, exc.line, exc.column)
    except YAMLError as exc:
        return ("refused", isinstance(exc, MarkedYAMLError))


@needs_c
def test_the_c_parser_is_what_runs() -> None:
    assert libyaml.compose("a: 1\n").__class__.__module__.startswith("ruamel.yaml")
    assert libyaml.CParser is not None and libyaml.CParser.__module__.endswith("_ruamel_yaml")


@needs_c
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_both_backends_read_the_shipped_files_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    c = tree(text, pure=False)
    assert c is not None and c == tree(text, pure=True)


@needs_c
def test_both_backends_agree_on_generated_hand_written_files() -> None:
    """600 files in the styles offices write (comments everywhere, flow and block, quotes, block
    scalars, directives, odd indents), from a fixed seed."""
    for seed in range(20260, 20260 + 600):
        text, _markers, _reasons = yaml_gen.generate(seed)
        c, pure = outcome(text, False), outcome(text, True)
        assert c == pure, f"seed {seed}"
        assert c is not None and c[0] == "map"  # compared as data with positions, not as two errors


@needs_c
@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: [x, y\n",  # unclosed flow sequence
        "a: 'open\n",
        "a:\n  - x\n - y\n",  # bad indent
        "a: *nowhere\n",  # undefined alias
        "a: 1\n---\nb: 2\n",  # two documents
        'a: "\\q"\n',  # bad escape
        "a: b: c\n",
        "\tkey: value\n",
    ],
)
def test_both_backends_refuse_the_same_broken_files(text: str) -> None:
    c, pure = outcome(text, False), outcome(text, True)
    assert c[0] == "refused" and c == pure


@needs_c
def test_both_backends_give_the_same_tokens() -> None:
    text = "%YAML 1.2\n---\n# head\na: !!int 1  # one\nb: |  # block\n  x\nc: [d, 'e']\n"

    def tokens(pure: bool):
        return [
            (type(t).__name__, getattr(t, "value", None), t.start_mark.index, t.end_mark.index)
            for t in libyaml.scan(text, pure=pure)
        ]

    c = tokens(False)
    tag_at = text.index("!!int")
    assert ("TagToken", ("!!", "int"), tag_at, tag_at + 5) in c
    assert c == tokens(True)


def test_the_pure_path_keeps_yaml_12_values_and_text_dates() -> None:
    got = fast._build(libyaml.compose("a: no\nb: 012\nc: 2026-01-30\nd: ~\ne: 'x'\n", pure=True), set())
    assert got == {"a": "no", "b": 12, "c": "2026-01-30", "d": None, "e": "x"}
    assert type(got["c"]).__name__ == "DateText" and type(got["e"]).__name__ == "SingleQuoted"


def test_ctt_works_the_same_without_the_c_extension(cli, monkeypatch) -> None:
    """A Python where ruamel.yaml.clib is not installed: validate and fmt --check give what they give
    with it, through ruamel's pure-Python parser."""
    shipped = ROOT / "plans" / "le-thanh-nghi"
    with_c = (cli("validate", shipped, "-f", "json").stdout, cli("fmt", "--check", shipped).exit_code)
    monkeypatch.setenv("CTT_NO_CACHE", "1")
    monkeypatch.setattr(libyaml, "CParser", None)
    assert (cli("validate", shipped, "-f", "json").stdout, cli("fmt", "--check", shipped).exit_code) == with_c
    with pytest.raises(fast.YamlProblem) as problem:
        fast.load("tasks:\n  - id: T01\n   text: thụt lề sai\n")
    assert (problem.value.code, problem.value.line) == ("E100", 3)
