"""Messages the office reads are Vietnamese: findings on the shipped plan, hints, files init writes."""

from __future__ import annotations

import json
import re

from conftest import SHIPPED

DATA_REF = re.compile(r"\([a-z_]+\.[a-z_]+: \w+\)")  # "(settings.tone_style: old)" names a key and value to write
ENGLISH = re.compile(r"\b(old|new|byte order mark|is undefined|Error|not found|invalid|missing|should|must)\b")


def test_shipped_plan_findings_have_no_english(cli) -> None:
    result = cli("validate", str(SHIPPED), "--format", "json")
    findings = json.loads(result.stdout)
    assert len(findings) >= 10
    for f in findings:
        for text in (f["message"], f["hint"]):
            assert not ENGLISH.search(DATA_REF.sub("", text)), (f["code"], text)


def test_tone_style_hint_names_the_style_in_words(cli) -> None:
    findings = json.loads(cli("validate", str(SHIPPED), "--format", "json").stdout)
    hints = {f["hint"] for f in findings if f["code"] == "W401"}
    assert hints == {"kế hoạch chọn kiểu bỏ dấu cũ (hòa, thủy, ủy) (settings.tone_style: old)"}


def test_bom_message_and_hint_point_to_fmt() -> None:
    from ctt_cli.yamlio import parse_yaml

    _, findings = parse_yaml(b"\xef\xbb\xbfyear: 2026\n", "x.yaml")
    (bom,) = findings
    assert bom.code == "E104" and not ENGLISH.search(bom.message)
    assert bom.hint.startswith("chạy 'ctt fmt' để bỏ BOM")


def test_init_keeps_yaml_line_endings_lf(cli, tmp_path) -> None:
    result = cli("init", str(tmp_path / "plans" / "hoa-binh"), "--ward", "Phường Hòa Bình", "--root", str(tmp_path))
    assert result.exit_code == 0, result.output
    attributes = (tmp_path / ".gitattributes").read_text(encoding="utf-8")
    assert "*.yaml text eol=lf" in attributes and "*.yml text eol=lf" in attributes
    assert "*.docx diff=docx" in attributes
