"""Tasks of an imported plan: appendix rows and prose tasks (a numbered item followed by
"- Thời gian hoàn thành: …", "- Đơn vị chủ trì: …" lines) → tasks.yaml records."""

from __future__ import annotations

import re

from ctt_cli import schedule
from ctt_cli.importer.appendix import COLUMN_NUMBERS, role_of, task_rows
from ctt_cli.importer.outline import field_key
from ctt_cli.importer.report import Ledger
from ctt_cli.importer.structure import AppendixTable, Para, PlanStructure, Section
from ctt_cli.importer.units import Registry

PRODUCES = [
    ("registration", r"đăng ký mức"),
    ("assessment", r"tự đánh giá|tự chấm"),
    ("report", r"^báo cáo kết quả|^báo cáo tình hình"),
    ("review", r"sơ kết|tổng kết"),
]
# the header words templates/ke-hoach.docx prints (tools/make_templates.py)
PRINTED_HEADER = {
    "stt": "STT",
    "text": "Nhiệm vụ cụ thể",
    "deadline": "Thời gian thực hiện",
    "lead": "Cơ quan chủ trì",
    "partners": "Cơ quan phối hợp",
}
NOT_CARRIED = {
    "result": "cột kết quả / sản phẩm: mô hình chưa có trường này",
    "budget": "cột kinh phí: mô hình chưa có trường này",
    "note": "cột ghi chú: mô hình chưa có trường này",
}


def _repeat(deadline: str) -> str | None:
    try:
        rule = schedule.parse(deadline)
    except Exception:  # an unreadable phrase: validate reports it
        return None
    return "yearly" if rule.implied_yearly else None


class TaskBuilder:
    def __init__(self, reg: Registry, ledger: Ledger, issuer_unit: str) -> None:
        self.reg, self.ledger, self.issuer_unit = reg, ledger, issuer_unit
        self.tasks: list[dict] = []
        self.produced: set[str] = set()

    def add(self, text: str, deadline: str, lead_cell: str, partners_cell: str, where: str) -> dict:
        tid = f"T{len(self.tasks) + 1:02d}"
        rec: dict = {"id": tid, "text": text, "deadline": deadline or "Không ghi thời gian"}
        if not deadline:
            self.ledger.note(
                f"Nhiệm vụ {tid} ({where}) không ghi thời gian thực hiện: ctt ghi tạm "
                "'Không ghi thời gian'; điền đúng nguyên văn."
            )
        if (repeat := _repeat(rec["deadline"])) is not None:
            rec["repeat"] = repeat
        leads = self.reg.split(lead_cell) if lead_cell else []
        if not leads:
            self.ledger.note(f"Nhiệm vụ {tid} ({where}) không ghi cơ quan chủ trì: ctt ghi tạm cơ quan ban hành.")
            rec["lead"] = self.issuer_unit
        else:
            rec["lead"] = self.reg.add(leads[0], cell=True)
            for extra in leads[1:]:
                self.reg.add(extra, cell=True)
                self.ledger.drop(
                    where, extra, "đồng chủ trì: mô hình chỉ có một cơ quan chủ trì (tên vẫn giữ trong lead_text)"
                )
        rec["_lead_cell"] = lead_cell
        partners = [self.reg.add(n, cell=True) for n in self.reg.split(partners_cell)] if partners_cell else []
        rec["partners"] = list(dict.fromkeys(p for p in partners if p != rec["lead"]))
        rec["_partners_cell"] = partners_cell
        for kind, pattern in PRODUCES:
            if kind not in self.produced and re.search(pattern, text, re.IGNORECASE):
                rec["produces"] = [kind]
                self.produced.add(kind)
                self.ledger.note(
                    f"Nhiệm vụ {tid} được coi là làm ra văn bản '{kind}' (suy ra từ lời văn): kiểm tra trường produces."
                )
                break
        self.tasks.append(rec)
        return rec

    def from_appendix(self, app: AppendixTable) -> None:
        assert app.table is not None
        rows, skipped = task_rows(app.table, app.columns, app.header_rows)
        for row in app.table.rows[: app.header_rows] + skipped:
            for cell in row.cells:
                role = app.columns[cell.col] if cell.col < len(app.columns) else None
                printed = PRINTED_HEADER.get(role or "")
                if printed and cell.text.casefold() in (printed.casefold(), "tt"):
                    self.ledger.carry(_cell_para(cell), f"tiêu đề cột '{printed}' (ctt tự in)")
                elif printed and role_of(cell.text) == role:
                    self.ledger.drop(cell.pos, cell.text, f"tiêu đề cột: ctt in '{printed}' theo mẫu ke-hoach.docx")
                elif cell.text and all(COLUMN_NUMBERS.match(t) or not t for t in row.texts()):
                    self.ledger.drop(cell.pos, cell.text, "dòng đánh số cột: mẫu ke-hoach.docx không có dòng này")
                elif row in skipped:
                    self.ledger.carry(_cell_para(cell), "dòng tiêu đề cột lặp lại (ctt tự in)")
                else:
                    self.ledger.drop(cell.pos, cell.text, "tiêu đề cột của cột mà mô hình chưa có")
        for task_row in rows:
            if task_row.group:
                for cells in task_row.cells.values():
                    for c in cells:
                        self.ledger.drop(c.pos, c.text, "dòng nhóm nhiệm vụ: mô hình hiện tại chưa có nhóm")
                continue
            v = task_row.values
            if not v.get("text"):
                for cells in task_row.cells.values():
                    for c in cells:
                        self.ledger.drop(c.pos, c.text, "dòng bảng không có nội dung nhiệm vụ")
                continue
            rec = self.add(v["text"], v.get("deadline", ""), v.get("lead", ""), v.get("partners", ""), task_row.pos)
            for role, cells in task_row.cells.items():
                for c in cells:
                    if role in NOT_CARRIED:
                        self.ledger.drop(c.pos, c.text, NOT_CARRIED[role])
                    elif role == "stt":
                        self.ledger.carry(_cell_para(c), f"tasks[{rec['id']}] (số thứ tự, ctt tự đánh)")
                    else:
                        self.ledger.carry(_cell_para(c), f"tasks[{rec['id']}].{role}")
            for col, text in task_row.extra.items():
                self.ledger.drop(f"{task_row.pos}, cột {col + 1}", text, "cột không nhận ra tên")

    def from_prose(self, sections: list[Section], loc: str = "body") -> None:
        for i, s in enumerate(sections):
            fields = dict(s.fields)
            if s.head is not None and ("lead" in fields or "deadline" in fields):
                value = {k: (field_key(p.text) or ("", ""))[1] for k, p in fields.items()}
                rec = self.add(
                    s.head.text, value.get("deadline", ""), value.get("lead", ""), value.get("partners", ""), s.head.pos
                )
                rec["_prose"] = True
                if "result" in value:
                    self.ledger.note(
                        f"Nhiệm vụ {rec['id']}: kết quả / sản phẩm '{value['result']}' giữ trong "
                        "lời văn; tasks.yaml chưa có trường này."
                    )
            self.from_prose(s.children, f"{loc}[{i}].children")


def _cell_para(cell):
    return Para(text=cell.text, pos=cell.pos)


def finish_tasks(tasks: list[dict], units: list[dict]) -> list[dict]:
    """lead_text / partners_text where the cell differs from the names ctt would print."""
    shown = {u["id"]: u.get("short_name") or u["name"] for u in units}
    out = []
    for rec in tasks:
        lead_cell, partners_cell = rec.pop("_lead_cell"), rec.pop("_partners_cell")
        rec.pop("_prose", None)
        clean: dict = {k: rec[k] for k in ("id", "text", "deadline", "repeat", "lead") if k in rec}
        if lead_cell and lead_cell != shown.get(rec["lead"]):
            clean["lead_text"] = lead_cell
        if rec["partners"]:
            clean["partners"] = rec["partners"]
        if partners_cell and partners_cell != ", ".join(shown.get(p, p) for p in rec["partners"]):
            clean["partners_text"] = partners_cell
        if "produces" in rec:
            clean["produces"] = rec["produces"]
        out.append(clean)
    return out


def appendix_meta(app: AppendixTable | None, structure: PlanStructure, issuer_name: str, ledger: Ledger) -> dict:
    if app is None or not app.title:
        ledger.note(
            "Kế hoạch không có tiêu đề phụ lục nhiệm vụ: ctt ghi 'PHỤ LỤC NHIỆM VỤ CỤ THỂ' "
            "(tasks.yaml, appendix.title); sửa nếu cần."
        )
        title, subtitle = "PHỤ LỤC NHIỆM VỤ CỤ THỂ", ""
    else:
        lines = [p.text for p in app.title]
        if re.fullmatch(r"(?i)phụ lục(?:\s+[IVXLC0-9]+)?\.?", lines[0].strip()) and len(lines) > 1:
            # NĐ 30: "Phụ lục" (with its number when there are several) on its own line, then the title
            # in capitals; the data keeps them as one title, as ctt prints them back
            lines = [f"PHỤ LỤC {lines[1]}", *lines[2:]]
        title, subtitle = lines[0], " ".join(lines[1:])
        for k, p in enumerate(app.title):
            ledger.carry(p, "tasks.yaml: appendix.title" if k == 0 else "tasks.yaml: appendix.subtitle")
    issuer_text = issuer_name
    if app is not None and app.attached is not None:
        m = re.search(r"\bcủa\s+(.+?)\)?\s*$", app.attached.text)
        if m:
            issuer_text = m.group(1).strip()
        ledger.carry(app.attached, "tasks.yaml: appendix.issuer_text (dòng 'Kèm theo' do ctt in)")
    out: dict = {"title": title}
    if subtitle:
        out["subtitle"] = subtitle
    out["issuer_text"] = issuer_text
    if app is not None:
        for p in app.notes:
            ledger.drop(p.pos, p.text, "ghi chú dưới bảng phụ lục: mô hình chưa có trường này")
    return out
