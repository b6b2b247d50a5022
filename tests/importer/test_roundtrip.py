"""The shipped plan, rendered by ctt and imported back, is the same data in everything the
document carries, and renders to the same text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ctt_cli.render.appendix import task_cells
from ctt_cli.render.docx_text import docx_lines
from ctt_cli.workspace.pipeline import load_paths


def _ward(path: Path):
    wards, _ = load_paths([path])
    assert wards and not wards[0].errors, wards and wards[0].errors
    return wards[0]


def _sections(sections) -> list:
    return [
        {
            "title": s.title,
            "text": s.text,
            "items": list(s.items),
            "appendix": s.appendix,
            "objective": s.objective,
            "units": len(s.units),
            "children": _sections(s.children),
        }
        for s in sections
    ]


def carried(ward) -> dict:
    """What a rendered plan carries, with ids replaced by what the document shows."""
    plan = ward.plan
    numbers = {d.id: (d.number or "").upper() for d in ward.documents}
    return {
        "ward": plan.ward,
        "header": plan.issuer.header,
        "document": plan.document.model_dump(),
        "period": plan.period.model_dump(),
        "tone": plan.settings.tone_style,
        "criteria_set": plan.criteria_set,
        "objectives": [o.model_dump() for o in plan.objectives],
        "bases": [(b.text, sorted(numbers[c] for c in b.cites)) for b in plan.legal_bases],
        "preamble": plan.preamble,
        "body": _sections(plan.body),
        "closing": plan.closing,
        "recipients": [(r.text, len(r.units), r.archive) for r in plan.recipients],
        "signature": plan.signature.model_dump(),
        "appendix": ward.tasks_file.appendix.model_dump(),
        "tasks": [(t.text, t.deadline, t.repeat, tuple(t.produces), task_cells(ward, t)) for t in ward.tasks],
        "documents": sorted((d.kind, (d.number or "").upper(), d.date) for d in ward.documents if d.number),
    }


def test_render_import_render_is_a_fixed_point(ward_dir: Path, cli, tmp_path: Path):
    first = tmp_path / "ke-hoach.docx"
    assert cli("render", "plan", ward_dir, "-o", first).exit_code == 0
    out = ward_dir.parent / "nhap-lai"
    report = tmp_path / "nhap.md"
    result = cli("import", first, "-o", out, "--id", "le-thanh-nghi", "--report", report)
    assert result.exit_code == 0, result.output
    assert "0 lỗi" in result.output
    assert "0 không chuyển được" in result.output

    shipped, imported = carried(_ward(ward_dir)), carried(_ward(out))
    for key in shipped:
        assert imported[key] == shipped[key], key

    again = tmp_path / "lan-hai.docx"
    assert cli("render", "plan", out, "-o", again).exit_code == 0
    assert docx_lines(again) == docx_lines(first)


def test_cited_documents_keep_what_the_prose_says(ward_dir: Path, cli, tmp_path: Path):
    first = tmp_path / "ke-hoach.docx"
    cli("render", "plan", ward_dir, "-o", first)
    out = ward_dir.parent / "nhap-lai"
    assert cli("import", first, "-o", out).exit_code == 0
    shipped = {(d.number or "").upper(): d for d in _ward(ward_dir).documents}
    for doc in _ward(out).documents:
        ref = shipped[doc.number.upper()]
        assert (doc.kind, doc.date) == (ref.kind, ref.date)
        assert doc.issuer and ref.issuer.casefold().startswith(doc.issuer.casefold())  # maybe shorter in the prose
        if doc.subject and ref.subject:  # the shipped registry cut some subjects short, fixed some letter case
            a, b = doc.subject.casefold(), ref.subject.casefold()
            assert a.startswith(b) or b.startswith(a)


def test_reimport_refuses_then_forces_and_shows_changes(ward_dir: Path, cli, tmp_path: Path):
    first = tmp_path / "ke-hoach.docx"
    cli("render", "plan", ward_dir, "-o", first)
    out = ward_dir.parent / "nhap-lai"
    assert cli("import", first, "-o", out).exit_code == 0
    before = (out / "tasks.yaml").read_text(encoding="utf-8")
    refused = cli("import", first, "-o", out)
    assert refused.exit_code == 1 and "--force" in refused.output
    assert (out / "tasks.yaml").read_text(encoding="utf-8") == before
    (out / "tasks.yaml").write_text(before.replace("Trước ngày 15/02", "Trước ngày 20/02"), encoding="utf-8")
    forced = cli("import", first, "-o", out, "--force")
    assert forced.exit_code == 0, forced.output
    assert "'Trước ngày 20/02' → 'Trước ngày 15/02'" in forced.output
    assert (out / "tasks.yaml").read_text(encoding="utf-8") == before


def test_import_output_is_what_fmt_writes(ward_dir: Path, cli, tmp_path: Path):
    first = tmp_path / "ke-hoach.docx"
    cli("render", "plan", ward_dir, "-o", first)
    out = ward_dir.parent / "nhap-lai"
    cli("import", first, "-o", out)
    assert cli("fmt", "--check", out).exit_code == 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_round_trip_through_word_97(ward_dir: Path, cli, tmp_path: Path):
    """The rendered plan saved as .doc by LibreOffice (as an office would pass it on) imports to the same data."""
    first = tmp_path / "ke-hoach.docx"
    cli("render", "plan", ward_dir, "-o", first)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "doc"),
            str(first),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = ward_dir.parent / "tu-doc"
    result = cli("import", tmp_path / "doc" / "ke-hoach.doc", "-o", out, "--id", "le-thanh-nghi")
    assert result.exit_code == 0, result.output
    assert carried(_ward(out)) == carried(_ward(ward_dir))


def test_the_seed_typed_in_word_imports_to_the_shipped_data(ward_dir: Path, cli, tmp_path: Path):
    """The ward's draft as the office typed it (numbers in the text, its second "III.", its slips),
    laid out in Word, imports to the shipped data in everything the document carries."""
    from tests.importer.seed_docx import seed_docx

    source = tmp_path / "du-thao.docx"
    seed_docx(source)
    out = ward_dir.parent / "tu-du-thao"
    result = cli("import", source, "-o", out, "--id", "le-thanh-nghi")
    assert result.exit_code == 0, result.output
    assert "0 không chuyển được" in result.output
    assert carried(_ward(out)) == carried(_ward(ward_dir))


def _stated(section_years: set[int], data: dict, text: str) -> dict:
    """``carried`` narrowed to what a rendered document can say: objectives a body paragraph states,
    registry documents the text cites (a starter's registry holds city documents its plan may not cite)."""
    data = dict(data)
    data["objectives"] = [o for o in data["objectives"] if o["from_year"] in section_years]
    data["documents"] = [d for d in data["documents"] if d[1].casefold() in text.casefold()]
    return data


def test_a_xa_started_for_the_mttq_committee_round_trips(ward_dir: Path, cli, tmp_path: Path):
    """`ctt init --ward "Xã An Lão" --issuer mttq` → render → import: the same data in everything the
    document carries (the MTTQ header, symbol and signature block, the xã's words), and the same text."""
    from ctt_cli.model.plan import iter_sections

    start = ward_dir.parent / "an-lao"
    made = cli("init", start, "--ward", "Xã An Lão", "--issuer", "mttq", "--year", "2026", "--from", ward_dir)
    assert made.exit_code == 0, made.output
    first = tmp_path / "an-lao.docx"
    assert cli("render", "plan", start, "-o", first).exit_code == 0
    out = ward_dir.parent / "an-lao-nhap"
    result = cli("import", first, "-o", out, "--report", tmp_path / "nhap.md")
    assert result.exit_code == 0, result.output
    assert "0 lỗi" in result.output and "0 không chuyển được" in result.output

    started, imported = _ward(start), _ward(out)
    text = "\n".join(docx_lines(first))
    years = {s.objective for _, s in iter_sections(started.plan.body) if s.objective}
    want, got = _stated(years, carried(started), text), _stated(years, carried(imported), text)
    for key in want:
        assert got[key] == want[key], key
    assert imported.plan.ward == "Xã An Lão" and imported.plan.document.symbol == "KH-MTTQ"
    assert imported.plan.issuer.header == ["ỦY BAN MTTQ VIỆT NAM", "XÃ AN LÃO", "BAN THƯỜNG TRỰC"]
    issuer = imported.unit(imported.plan.issuer.unit)
    assert issuer.name == started.unit(started.plan.issuer.unit).name  # the full name, as the starter wrote it
    assert cli("validate", out).exit_code == 0

    again = tmp_path / "lan-hai.docx"
    assert cli("render", "plan", out, "-o", again).exit_code == 0
    assert docx_lines(again) == docx_lines(first)
