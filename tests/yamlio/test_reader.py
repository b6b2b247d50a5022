"""Bad YAML bytes become positioned findings, never exceptions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ctt_cli.yamlio import offset_position, parse_yaml, read_yaml
from ctt_cli.yamlio.positions import data_path


def one(raw: bytes, rt: bool = False):
    source, findings = parse_yaml(raw, "f.yaml", rt=rt)
    assert source is None
    assert len(findings) == 1
    f = findings[0]
    return f.code, f.line, f.column


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: 1\nb: 2\na: 3\n", ("E101", 3, 1)),
        (b"a:\n\t- 1\n", ("E102", 2, 1)),
        (b"a: [1, 2\nb: 3\n", ("E100", 2, 2)),
        (b"a: b: c\n", ("E100", 1, 5)),
        (b"a: 1\nb: caf\xe9\n", ("E103", 2, 7)),
        (b"\xef\xbb\xbfa: 1\n", ("E104", 1, 1)),
        (b"", ("E105", 0, 0)),
        (b"# only a comment\n\n", ("E105", 0, 0)),
        (b"a: 1\nb: x\x0by\n", ("E401", 2, 5)),
        (b"a: &x [1]\nb: *x\n", ("E106", 2, 1)),
        (b"a: 1\n---\nb: 2\n", ("E100", 2, 1)),
        (b'a: "unterminated\n', ("E100", 2, 1)),
    ],
)
@pytest.mark.parametrize("rt", [False, True], ids=["fast", "roundtrip"])
def test_bad_inputs_are_positioned(raw: bytes, expected: tuple[str, int, int], rt: bool) -> None:
    assert one(raw, rt) == expected


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    code, line, _ = one("\n".join(lines).encode())
    assert code == "E106" and line == 2


def test_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * (1024 * 1024 + 10) + b"\n")
    source, findings = read_yaml(big, "big.yaml")
    assert source is None and findings[0].code == "E107"


def test_missing_file(tmp_path: Path) -> None:
    _, findings = read_yaml(tmp_path / "nope.yaml", "nope.yaml")
    assert findings[0].code == "E108" and findings[0].file == "nope.yaml"


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    assert one(b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n") == ("E100", 1, 68)
    deep_block = "".join(f"{' ' * (2 * i)}k{i}:\n" for i in range(80)) + " " * 160 + "v: 1\n"
    code, line, _ = one(deep_block.encode())
    assert code == "E100" and line == 65
    # quoted brackets do not count
    source, findings = parse_yaml(b"a: ['[[[[', '{{{{']\n" * 40, "f.yaml")
    assert findings and findings[0].code == "E101"  # duplicate keys, not depth


def test_positions_and_id_paths() -> None:
    raw = "tasks:\n  - id: T01\n    lead: x\n  - id: T05\n    lead: 'Phòng: A'\n".encode()
    source, findings = parse_yaml(raw, "t.yaml")
    assert source and not findings
    assert source.pos(("tasks", 1, "lead")) == (5, 11)
    assert source.pos(("tasks", 1, "lead"), key=True) == (5, 5)
    assert data_path(source.tree, ("tasks", 1, "lead")) == "tasks[T05].lead"
    # offset inside a single-quoted scalar: the opening quote counts
    assert offset_position(source.tree, ("tasks", 1, "lead"), 6) == (5, 18)
    # a missing key points at its mapping
    assert source.pos(("tasks", 0, "partners")) == (2, 5)


def test_both_readers_agree_on_the_shipped_files() -> None:
    from conftest import ROOT
    from ctt_cli.yamlio import plain, read_yaml

    for path in sorted((ROOT / "plans").rglob("*.yaml")):
        fast, _ = read_yaml(path)
        slow, _ = read_yaml(path, rt=True)
        assert plain(fast.tree) == plain(slow.tree), path
        for loc in [("tasks", 4, "deadline"), ("body", 2, "children", 0, "items", 1), ("units", 3, "name")]:
            assert fast.pos(loc) == slow.pos(loc), (path, loc)


def test_yaml_12_values() -> None:
    from ctt_cli.yamlio import plain

    source, _ = parse_yaml(b"a: no\nb: 012\nc: ~\nd: 2026-01-30\ne: '05'\nf: 1.5\ng: 0x1F\nh: True\n", "x")
    assert plain(source.tree) == {
        "a": "no",
        "b": 12,
        "c": None,
        "d": "2026-01-30",
        "e": "05",
        "f": 1.5,
        "g": 31,
        "h": True,
    }
