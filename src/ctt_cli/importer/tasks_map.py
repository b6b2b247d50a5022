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
from ctt_cli.model.tasks import COLUMN_TITLES, DEFAULT_COLUMNS

PRODUCES = [
    ("registration", r"đăng ký mức"),
    ("assessment", r"tự đánh giá|tự chấm"),
    ("report", r"^báo cáo kết quả|^báo cáo tình hình"),
    ("review", r"sơ kết|tổng kết"),
]
# the appendix columns the model holds (tasks.yaml appendix.columns), by the reader's role names
MODEL_COLUMN = {
    "stt": "stt",
    "text": "text",
    "result": "result",
    "deadline": "deadline",
    "lead": "lead",
    "partners": "partners",
    "budget": "funding",
    "note": "note",
}
# an amended plan's note cell: "Bãi bỏ từ năm 2028", "Thực hiện từ năm 2027", "Đến hết năm 2028"
RETIRED = re.compile(r"(?:bãi bỏ|thôi thực hiện|không thực hiện|dừng thực hiện)\s+từ\s+năm\s+(20\d\d)", re.IGNORECASE)
FROM_YEAR = re.compile(r"(?:bổ sung|thực hiện|áp dụng)\s+từ\s+năm\s+(20\d\d)", re.IGNORECASE)
UNTIL_YEAR = re.compile(r"(?:thực hiện|áp dụng)?\s*đến\s+hết\s+năm\s+(20\d\d)", re.IGNORECASE)


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
        self.groups: list[dict] = []
        self.produced: set[str] = set()

    def add(
        self, text: str, deadline: str, lead_cell: str, partners_cell: str, where: str, more: dict | None = None
    ) -> dict:
        """A task record; ``more`` holds what the row adds (result, funding, note, group, appendix)."""
        tid = f"T{len(self.tasks) + 1:02d}"
        more = dict(more or {})
        shared = more.pop("_group", None) or {}  # what the task's group row gives (a merged cell)
        rec: dict = {"id": tid, "text": text}
        if deadline or not shared.get("deadline"):
            rec["deadline"] = deadline or "Không ghi thời gian"
        if not deadline and not shared.get("deadline"):
            self.ledger.note(
                f"Nhiệm vụ {tid} ({where}) không ghi thời gian thực hiện: ctt ghi tạm "
                "'Không ghi thời gian'; điền đúng nguyên văn."
            )
        if (repeat := _repeat(deadline or shared.get("deadline") or rec["deadline"])) is not None:
            rec["repeat"] = repeat
        leads = self.reg.split(lead_cell) if lead_cell else []
        lead_ids = self.leads(leads) if leads else []
        if not leads and not shared.get("lead"):
            self.ledger.note(f"Nhiệm vụ {tid} ({where}) không ghi cơ quan chủ trì: ctt ghi tạm cơ quan ban hành.")
            lead_ids = [self.issuer_unit]
        if lead_ids:
            rec["lead"] = lead_ids[0] if len(lead_ids) == 1 else lead_ids  # co-leads: a list
        rec["_lead_cell"] = lead_cell
        partners = [self.reg.add(n, cell=True) for n in self.reg.split(partners_cell)] if partners_cell else []
        rec["partners"] = list(dict.fromkeys(p for p in partners if p not in lead_ids))
        rec["_partners_cell"] = partners_cell
        for key, value in (more or {}).items():
            if value:
                rec[key] = value
        self._years(rec, where)
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

    def leads(self, names: list[str]) -> list[str]:
        return list(dict.fromkeys(self.reg.add(n, cell=True) for n in names))

    def group(self, v: dict[str, str], appendix_id: str | None) -> dict:
        """A group row: its title, and the deadline, lead and partners it gives its tasks."""
        group: dict = {"id": f"nhom-{len(self.groups) + 1}", "title": v["text"]}
        if appendix_id:
            group["appendix"] = appendix_id
        if v.get("deadline"):
            group["deadline"] = v["deadline"]
        if v.get("lead"):
            ids = self.leads(self.reg.split(v["lead"]))
            group["lead"] = ids[0] if len(ids) == 1 else ids
            group["_lead_cell"] = v["lead"]
        if v.get("partners"):
            group["partners"] = self.leads(self.reg.split(v["partners"]))
            group["_partners_cell"] = v["partners"]
        self.groups.append(group)
        return group

    def _years(self, rec: dict, where: str) -> None:
        """An amended plan says in the note (or the deadline) the years a task applies to."""
        said = " ".join(str(rec.get(k, "")) for k in ("note", "deadline"))
        if m := RETIRED.search(said):
            rec["retired"] = {"year": int(m.group(1))}
        elif m := UNTIL_YEAR.search(rec.get("note", "")):
            rec["until_year"] = int(m.group(1))
        if m := FROM_YEAR.search(rec.get("note", "")):
            rec["from_year"] = int(m.group(1))
        if any(k in rec for k in ("retired", "from_year", "until_year")):
            self.ledger.note(
                f"Nhiệm vụ {rec['id']} ({where}): năm áp dụng đọc từ '{said.strip()}' "
                "(from_year, until_year, retired): kiểm tra, và ghi retired.by là văn bản sửa đổi nếu có."
            )

    def from_appendix(self, app: AppendixTable, appendix_id: str | None = None) -> dict:
        """The appendix's tasks and groups; returns how the table is laid out (tasks.yaml appendix: titles,
        column_numbers, task_numbers, group_numbers) where it differs from ctt's table."""
        assert app.table is not None
        rows, skipped = task_rows(app.table, app.columns, app.header_rows)
        where_app = f"phụ lục {appendix_id}" if appendix_id else "phụ lục"
        shape: dict = {}
        header = app.table.rows[: app.header_rows]
        for row in header + skipped:
            for cell in row.cells:
                role = app.columns[cell.col] if cell.col < len(app.columns) else None
                key = MODEL_COLUMN.get(role or "", "")
                printed = COLUMN_TITLES.get(key, "")
                if cell.text and all(COLUMN_NUMBERS.match(t) or not t for t in row.texts()):
                    shape["column_numbers"] = True
                    self.ledger.carry(_cell_para(cell), f"tasks.yaml: {where_app}, column_numbers (ctt tự in)")
                elif printed and row in header and (cell.text == printed or role_of(cell.text) == role):
                    where = f"tasks.yaml: {where_app}, columns (tiêu đề cột, ctt tự in)"
                    if cell.text != printed and cell.span == 1:  # the source's own title ("Nội dung công việc")
                        shape.setdefault("titles", {}).setdefault(key, cell.text)
                        where = f"tasks.yaml: {where_app}, titles.{key} (tiêu đề cột)"
                    self.ledger.carry(_cell_para(cell), where)
                elif row in skipped:
                    self.ledger.carry(_cell_para(cell), "dòng tiêu đề cột lặp lại (ctt tự in)")
                else:
                    self.ledger.drop(cell.pos, cell.text, "tiêu đề cột không nhận ra tên")
        group: dict | None = None
        numbers: list[tuple[str, str]] = []  # (group id, the task's "STT" cell), to tell how tasks are numbered
        group_labels: list[str] = []
        for task_row in rows:
            v = task_row.values
            if task_row.group:
                group = self.group(v, appendix_id)
                group_labels.append(v.get("stt", ""))
                for role, cells in task_row.cells.items():
                    for c in cells:
                        what = "số thứ tự nhóm, ctt tự đánh" if role == "stt" else MODEL_COLUMN.get(role, role)
                        self.ledger.carry(_cell_para(c), f"tasks.yaml: groups[{group['id']}] ({what})")
                continue
            if not v.get("text"):
                for cells in task_row.cells.values():
                    for c in cells:
                        self.ledger.drop(c.pos, c.text, "dòng bảng không có nội dung nhiệm vụ")
                continue
            more: dict = {"result": v.get("result"), "funding": v.get("budget"), "note": v.get("note")}
            more.update(group=group["id"] if group else None, appendix=appendix_id, _group=group)
            rec = self.add(
                v["text"], v.get("deadline", ""), v.get("lead", ""), v.get("partners", ""), task_row.pos, more
            )
            numbers.append((group["id"] if group else "", v.get("stt", "")))
            for role, cells in task_row.cells.items():
                for c in cells:
                    if role == "stt":
                        self.ledger.carry(_cell_para(c), f"tasks[{rec['id']}] (số thứ tự, ctt tự đánh)")
                    else:
                        self.ledger.carry(_cell_para(c), f"tasks[{rec['id']}].{MODEL_COLUMN.get(role, role)}")
            for col, text in task_row.extra.items():
                self.ledger.drop(f"{task_row.pos}, cột {col + 1}", text, "cột không nhận ra tên")
        if group_labels:
            shape.update(_numbering(numbers, group_labels))
        return shape

    def from_prose(self, sections: list[Section], loc: str = "body") -> None:
        for i, s in enumerate(sections):
            fields = dict(s.fields)
            if s.head is not None and ("lead" in fields or "deadline" in fields):
                value = {k: (field_key(p.text) or ("", ""))[1] for k, p in fields.items()}
                rec = self.add(
                    s.head.text,
                    value.get("deadline", ""),
                    value.get("lead", ""),
                    value.get("partners", ""),
                    s.head.pos,
                    {"result": value.get("result")},
                )
                rec["_prose"] = f"{loc}[{i}]"  # the body section that states it (plan.yaml), see prose_sections
            self.from_prose(s.children, f"{loc}[{i}].children")


def _numbering(numbers: list[tuple[str, str]], group_labels: list[str]) -> dict:
    """How a grouped table numbers its rows: tasks 1, 2, 3 straight across the groups, or 1, 2 again in
    each (else ctt's 1.1, 1.2); group rows in Roman or Arabic numbers."""
    out: dict = {}
    values = [s.strip().rstrip(".") for _, s in numbers]
    if values and all(v.isdigit() for v in values):
        ints = [int(v) for v in values]
        restart, count, last = [], 0, object()
        for gid, _ in numbers:
            count = count + 1 if gid == last else 1
            last = gid
            restart.append(count)
        if ints == list(range(1, len(ints) + 1)):
            out["task_numbers"] = "straight"
        elif ints == restart:
            out["task_numbers"] = "restart"
    labels = [s.strip().rstrip(".") for s in group_labels if s.strip()]
    if labels and all(re.fullmatch(r"[IVXLC]+", s) for s in labels):
        out["group_numbers"] = "roman"
    elif labels and all(s.isdigit() for s in labels):
        out["group_numbers"] = "decimal"
    return out


def _cell_para(cell):
    return Para(text=cell.text, pos=cell.pos)


TASK_KEYS = ("id", "group", "appendix", "section", "text", "result", "deadline", "repeat", "lead")
TASK_TAIL = ("funding", "note", "from_year", "until_year", "retired", "produces")


def finish_tasks(tasks: list[dict], units: list[dict]) -> list[dict]:
    """lead_text / partners_text where the cell differs from the names ctt would print."""
    shown = {u["id"]: u.get("short_name") or u["name"] for u in units}
    out = []
    for rec in tasks:
        lead_cell, partners_cell = rec.pop("_lead_cell"), rec.pop("_partners_cell")
        rec.pop("_prose", None)
        clean: dict = {k: rec[k] for k in TASK_KEYS if k in rec}
        _texts(clean, rec, lead_cell, partners_cell, shown)
        clean.update({k: rec[k] for k in TASK_TAIL if k in rec})
        out.append(clean)
    return out


def prose_sections(tasks: list[dict], body: list[dict]) -> None:
    """A task stated in prose names its body section (task.section; the section gets an id, "muc-3-1"
    for body[2].children[0]): it stays in the body and in no appendix table."""
    for rec in tasks:
        loc = rec.get("_prose")
        if not isinstance(loc, str):
            continue
        path = [int(n) for n in re.findall(r"\[(\d+)\]", loc)]
        node: dict = {"children": body}
        for k in path:
            node = node["children"][k]
        if "id" not in node:
            fields = dict(node)
            node.clear()
            node.update({"id": "muc-" + "-".join(str(k + 1) for k in path), **fields})
        rec["section"] = node["id"]


def finish_groups(groups: list[dict], units: list[dict]) -> list[dict]:
    """The group rows, with lead_text / partners_text where the cell differs from the printed names."""
    shown = {u["id"]: u.get("short_name") or u["name"] for u in units}
    out = []
    for rec in groups:
        lead_cell, partners_cell = rec.pop("_lead_cell", ""), rec.pop("_partners_cell", "")
        clean = {k: rec[k] for k in ("id", "title", "appendix", "deadline", "lead") if k in rec}
        _texts(clean, {"partners": [], **rec}, lead_cell, partners_cell, shown)
        out.append(clean)
    return out


def _texts(clean: dict, rec: dict, lead_cell: str, partners_cell: str, shown: dict[str, str]) -> None:
    lead = rec.get("lead")
    leads = [] if lead is None else [lead] if isinstance(lead, str) else lead
    if lead_cell and lead_cell != ", ".join(shown.get(i, i) for i in leads):
        clean["lead_text"] = lead_cell
    if rec["partners"]:
        clean["partners"] = rec["partners"]
    if partners_cell and partners_cell != ", ".join(shown.get(p, p) for p in rec["partners"]):
        clean["partners_text"] = partners_cell


def appendix_meta(app: AppendixTable | None, structure: PlanStructure, issuer_name: str, ledger: Ledger) -> dict:
    if app is None or not app.title:
        ledger.note(
            "Kế hoạch không có tiêu đề phụ lục nhiệm vụ: ctt ghi 'PHỤ LỤC NHIỆM VỤ CỤ THỂ' "
            "(tasks.yaml, appendix.title); sửa nếu cần."
        )
        title, subtitle = "PHỤ LỤC NHIỆM VỤ CỤ THỂ", ""
    else:
        lines = [p.text for p in app.title]
        m = re.fullmatch(r"(?i)phụ lục(\s+[IVXLC0-9]+)?\.?", lines[0].strip())
        if m and len(lines) > 1:
            # NĐ 30: "Phụ lục" (with its number when there are several) on its own line, then the title
            # in capitals; the data keeps them as one title (its number too), as ctt prints them back
            number = f" {m.group(1).strip().upper()}" if m.group(1) else ""
            lines = [f"PHỤ LỤC{number} {lines[1]}", *lines[2:]]
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
    columns = list(dict.fromkeys(MODEL_COLUMN[r] for r in (app.columns if app else []) if r in MODEL_COLUMN))
    if columns and "text" in columns and tuple(columns) != DEFAULT_COLUMNS:
        out["columns"] = columns
    if app is not None:
        for p in app.notes:
            ledger.drop(p.pos, p.text, "ghi chú dưới bảng phụ lục: mô hình chưa có trường này")
    return out
