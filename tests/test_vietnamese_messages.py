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


LATIN_VI = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


def test_schemas_have_no_english_titles_or_descriptions() -> None:
    from ctt_cli.model.jsonschema import json_schema
    from ctt_cli.model.kinds import KINDS

    def texts(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "properties" and isinstance(v, dict):
                    for prop in v.values():
                        yield from texts(prop)
                elif k in ("title", "description") and isinstance(v, str):
                    yield k, v
                else:
                    yield from texts(v)
        elif isinstance(node, list):
            for item in node:
                yield from texts(item)

    found = [(kind.name, k, v) for kind in KINDS.values() for k, v in texts(json_schema(kind))]
    assert len(found) > 100
    assert [f for f in found if not LATIN_VI.search(f[2])] == []


def test_shipped_data_comments_are_vietnamese() -> None:
    comments = []
    for path in sorted(SHIPPED.parent.rglob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#") and "yaml-language-server" not in line:
                comments.append((path.name, line))
    assert len(comments) >= 20
    english = re.compile(r"\b(the|is|are|from|when|these|used|never|which|refer)\b")
    assert [c for c in comments if english.search(c[1])] == []


def test_bad_word_file_is_explained_in_vietnamese(cli, tmp_path) -> None:
    for name, data in (("rong.docx", b""), ("van-ban.docx", b"khong phai docx"), ("hong.docx", b"PK\x03\x04hong")):
        path = tmp_path / name
        path.write_bytes(data)
        for command in (["docx-text", path], ["import", path, "-o", tmp_path / "out"]):
            result = cli(*command)
            assert result.exit_code == 1
            assert "Error" not in result.stderr and "not found" not in result.stderr
            assert "Package" not in result.stderr and "zip file" not in result.stderr
            assert ".docx" in result.stderr


def test_template_errors_are_vietnamese(cli, tmp_path) -> None:
    from docx import Document

    for text, expected in (
        ("{{ khong_co_bien }}", "biến không có trong dữ liệu: không có 'khong_co_bien'"),
        ("{{ doc.khong_co }}", "không có thuộc tính 'khong_co'"),
        ("{% for x in %}", "thẻ Jinja sai cú pháp"),
    ):
        template = tmp_path / "mau.docx"
        document = Document()
        document.add_paragraph(text)
        document.save(str(template))
        result = cli("render", "plan", SHIPPED, "--template", template, "-o", tmp_path / "out.docx")
        assert result.exit_code == 1, result.output
        assert expected in result.stderr, result.stderr
        assert not re.search(r"is undefined|has no attribute|unexpected|expected token", result.stderr)
