"""The seed plan (tests/data/seed_plan.txt, the ward's draft as typed) laid out in Word the way the
office had it: the header block as a borderless table, every paragraph as typed (numbers in the text),
the signature block as a table and the appendix as a bordered table from its tab-separated rows."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

SEED = Path(__file__).resolve().parents[1] / "data" / "seed_plan.txt"
ISSUER = ["ỦY BAN NHÂN DÂN", "PHƯỜNG LÊ THANH NGHỊ"]  # the header lines of the draft (not in the .txt)


def seed_docx(path: Path) -> None:
    lines = [line for line in SEED.read_text(encoding="utf-8").split("\n")]
    doc = Document()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).paragraphs[0].add_run(ISSUER[0]).bold = True
    header.cell(0, 0).add_paragraph().add_run(ISSUER[1]).bold = True
    header.cell(0, 1).paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    header.cell(0, 1).add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    body = iter(line for line in lines if line.strip())
    header.cell(1, 0).paragraphs[0].add_run(next(body))  # Số: /KH-UBND
    header.cell(1, 1).paragraphs[0].add_run(next(body)).italic = True  # place and date
    for line in body:
        if line.startswith("Nơi nhận"):
            break
        p = doc.add_paragraph()
        strong = line in ("KẾ HOẠCH",) or line.startswith("Triển khai thực hiện mô hình")
        p.add_run(line).bold = strong
        if strong:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sign = doc.add_table(rows=1, cols=2)
    left, right = sign.rows[0].cells
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    for line in body:
        if line.startswith("**"):
            for part in line.strip("*").split("\n"):
                right.add_paragraph().add_run(part).bold = True
            break
        left.add_paragraph(line)
    rest = list(body)
    chief = rest.pop(0).strip("*")  # "CHỦ TỊCH**"
    right.add_paragraph().add_run(chief).bold = True
    right.add_paragraph().add_run(rest.pop(0)).bold = True  # the signer
    doc.add_page_break()
    while rest and "\t" not in rest[0]:
        line = rest.pop(0)
        for part in line.split("\n"):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(part).bold = not part.startswith("(")
    rows = [r.split("\t") for r in rest]
    table = doc.add_table(rows=0, cols=5)
    table.style = "Table Grid"
    for r in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, r + [""] * (5 - len(r))):
            cell.paragraphs[0].add_run(text.strip())
    doc.save(str(path))
