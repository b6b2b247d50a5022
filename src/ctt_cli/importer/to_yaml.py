"""PlanStructure → the ward's files (plan, units, documents, tasks) in ctt's canonical layout.

What the model cannot hold (notes under an appendix table, an appendix without a task table, a
column it does not know) is listed in the ledger as not carried; how the source draws its tables
(column titles, the "(1) (2) …" row, task and group numbering) and its "T/M" signature are carried.
Nothing is invented silently: every guess is a note in the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ctt_cli.importer import documents as docs
from ctt_cli.importer.identity import OBJECTIVE, ORGANISATION, PERIOD, Identity, _tone, ward_name
from ctt_cli.importer.report import Ledger
from ctt_cli.importer.structure import PlanStructure, Section
from ctt_cli.importer.tasks_map import TaskBuilder, appendix_meta, finish_groups, finish_tasks, prose_sections
from ctt_cli.importer.units import Registry, looks_like_unit


@dataclass
class Imported:
    data: dict[str, dict]  # kind → data
    ledger: Ledger
    ward: str


class PlanMapper(Identity):
    def __init__(self, s: PlanStructure, ward_id: str, criteria: dict[str, str] | None = None) -> None:
        self.s, self.ward_id, self.criteria = s, ward_id, criteria or {}
        self.ledger = Ledger()
        self.reg = Registry()
        self.texts: list[str] = []
        self.objectives: list[dict] = []
        self.section_count = 0
        self.tone = "old"

    # --- header and identity --------------------------------------------------------------
    def period(self, year: int) -> dict:
        for text in [self.s.subject_text, *self.texts]:
            m = PERIOD.search(text)
            if m:
                out = {"start": int(m.group(1)), "end": int(m.group(2))}
                if m.group(3):
                    out["open_ended"] = True
                return out
        self.ledger.note(f"Không thấy 'giai đoạn NĂM-NĂM': ctt ghi giai đoạn bắt đầu năm {year}.")
        return {"start": year}

    # --- body ---------------------------------------------------------------------------
    def section(self, s: Section, loc: str, in_org: bool, under_objectives: bool) -> dict:
        led = self.ledger
        self.section_count += 1
        head = s.head.text if s.head else ""
        out: dict = {}
        leaf = not (s.children or s.paras or s.items)
        as_title = not leaf or "phụ lục" in head.lower()
        if as_title:
            out["title"] = head
            led.carry(s.head, f"plan.yaml: {loc}.title")
        if in_org and as_title and looks_like_unit(head):
            ids = [self.reg.add(n) for n in self.reg.split(head)]
            if ids:
                out["units"] = list(dict.fromkeys(ids))
        if not as_title:
            out["text"] = head
            led.carry(s.head, f"plan.yaml: {loc}.text")
        elif s.paras:
            out["text"] = " ".join(p.text for p in s.paras)
            for p in s.paras:
                led.carry(p, f"plan.yaml: {loc}.text")
            if len(s.paras) > 1:
                led.note(f"{s.paras[0].pos}: {len(s.paras)} đoạn dưới mục '{head[:40]}' gộp thành một đoạn (text).")
        if s.items:
            out["items"] = [p.text for p in s.items]
            for p in s.items:
                led.carry(p, f"plan.yaml: {loc}.items")
            if any(p.style == "plus" for p in s.items):
                led.note(
                    f"{s.items[0].pos}: các dòng '+' dưới mục '{head[:40]}' thành gạch đầu dòng '-' "
                    "(mô hình có một cấp gạch đầu dòng)."
                )
        if s.children:
            title_org = bool(ORGANISATION.search(head)) and s.style == self.s.numbering.get(1)
            title_obj = "MỤC TIÊU" in head.upper()
            out["children"] = [
                self.section(c, f"{loc}.children[{i}]", in_org or title_org, under_objectives or title_obj)
                for i, c in enumerate(s.children)
            ]
        if "phụ lục" in head.lower() and leaf:
            out["appendix"] = True
        text = out.get("text") or out.get("title") or ""
        aims = under_objectives or "phấn đấu" in text.lower()  # "Năm 2026, phấn đấu đạt chuẩn … Mức độ 3"
        if aims and not s.children and (m := OBJECTIVE.search(text)):
            years = re.findall(r"\b(20\d\d)\b", text)
            if years and all(o["from_year"] != int(years[0]) for o in self.objectives):
                year = int(years[0])
                kind = "maintain" if "duy trì" in text.lower() else "achieve"
                open_end = bool(re.search(r"\btừ năm\b|trở đi|các năm tiếp theo", text, re.IGNORECASE))
                self.objectives.append({"from_year": year, "level": int(m.group(1)), "kind": kind, "_open": open_end})
                out["objective"] = year
        return out

    def objectives_list(self, period: dict) -> list[dict]:
        objs = sorted(self.objectives, key=lambda o: o["from_year"])
        out = []
        for i, o in enumerate(objs):
            rec = {"from_year": o["from_year"]}
            if not o["_open"]:
                rec["to_year"] = o["from_year"]
            elif i + 1 < len(objs):
                rec["to_year"] = objs[i + 1]["from_year"] - 1
            rec.update(level=o["level"], kind=o["kind"])
            out.append(rec)
        if not out and (aim := self.aim()):  # an objective without a level: kept as the plan words it
            rec = {"from_year": period["start"], **({"to_year": period["end"]} if period.get("end") else {})}
            out.append({**rec, "kind": "achieve", "text": aim})
            self.ledger.note(
                f"Mục tiêu không nêu 'Mức độ N': objectives ghi mục tiêu theo lời văn ('{aim[:60]}…') "
                "cho cả giai đoạn; ctt không chấm điểm so với mục tiêu này."
            )
        elif not out:
            self.ledger.note("Không thấy mục tiêu 'Mức độ N' trong mục MỤC TIÊU: điền objectives bằng tay.")
        return out

    def aim(self) -> str:
        """The first sentence under the MỤC TIÊU heading (or its first sub-heading), if any."""
        stack = list(self.s.sections)
        while stack:
            sec = stack.pop(0)
            if sec.head is not None and "MỤC TIÊU" in sec.head.text.upper():
                for node in [sec, *sec.children]:
                    for p in [*node.paras, *node.items]:
                        return p.text
                    if node is not sec and node.head is not None and not node.children:
                        return node.head.text
            stack += sec.children
        return ""

    # --- everything -----------------------------------------------------------------------
    def run(self) -> Imported:
        s, led = self.s, self.ledger
        self.texts = (
            [p.text for p in s.bases]
            + [p.text for p in s.preamble]
            + _section_texts(s.sections)
            + [p.text for p in s.closing]
        )
        ward = ward_name(s)
        self.reg.ward_place = re.sub(r"^(Phường|Xã|Thị trấn|Đặc khu)\s+", "", ward)
        for p in s.recipients:  # recipient names first: the split of cells keeps them whole
            if not p.text.lower().startswith(("lưu", "như trên")):
                for name in self.reg.split(p.text):
                    self.reg.add(name)
        self.tone = _tone(self.texts)
        issuer, issuer_name = self.issuer(ward)
        document = self.document()
        plan: dict = {
            "id": self.ward_id,
            "ward": ward,
            "issuer": issuer,
            "document": document,
            "period": self.period(document["year"]),
            "settings": {"before_date": "strict", "tone_style": self.tone},
        }
        criteria = next((path for number, path in self.criteria.items() if any(number in t for t in self.texts)), None)
        if criteria:
            plan["criteria_set"] = criteria
        body = [self.section(c, f"body[{i}]", False, False) for i, c in enumerate(s.sections)]
        if not body:
            led.note("Không thấy mục đánh số nào (I., 1., a) ...): thân văn bản trống.")
        plan["objectives"] = self.objectives_list(plan["period"])
        doc_records, notes = docs.registry([*self.texts, *[p.text for p in s.subject]])
        for n in notes:
            led.note(n)
        by_number = {d.get("number", ""): d["id"] for d in doc_records}
        plan["legal_bases"] = []
        for i, p in enumerate(s.bases):
            cites = [by_number[m["number"]] for m in docs.mentions(p.text) if m["number"] in by_number]
            plan["legal_bases"].append(
                {"text": p.text, "cites": list(dict.fromkeys(cites))} if cites else {"text": p.text}
            )
            led.carry(p, f"plan.yaml: legal_bases[{i}]")
        if s.preamble:
            plan["preamble"] = " ".join(p.text for p in s.preamble)
            for p in s.preamble:
                led.carry(p, "plan.yaml: preamble")
        plan["body"] = body
        if s.closing:
            plan["closing"] = " ".join(p.text for p in s.closing)
            for p in s.closing:
                led.carry(p, "plan.yaml: closing")
        plan["recipients"] = self.recipients()
        plan["signature"] = self.signature()
        tasks = self.tasks(issuer["unit"], issuer_name)
        prose_sections(tasks["tasks"], plan["body"])
        units = self.reg.units()
        tasks["tasks"] = finish_tasks(tasks["tasks"], units)
        if "groups" in tasks:
            tasks["groups"] = finish_groups(tasks["groups"], units)
        for pos, text, why in s.unread:
            led.drop(pos, text, why)
        seen = {e.pos for e in led.carried + led.not_carried}
        for pos, text in s.everything:  # nothing silently dropped: what no step took is listed
            if pos not in seen and pos.rsplit(", đoạn", 1)[0] not in seen:
                led.drop(pos, text, "không nhận ra vai trò của đoạn này")
        led.numbers.update(
            sections=self.section_count,
            tasks=len(tasks["tasks"]),
            units=len(units),
            documents=len(doc_records),
            recipients=len(plan["recipients"]),
        )
        self.numbering(plan["settings"])
        groups_as = "decimal" if plan["settings"].get("numbering") == "decimal" else "roman"
        for meta in tasks.get("appendices") or [tasks.get("appendix") or {}]:
            if meta.get("group_numbers") == groups_as:  # what ctt prints anyway
                del meta["group_numbers"]
        return Imported(
            {"plan": plan, "units": {"units": units}, "documents": {"documents": doc_records}, "tasks": tasks},
            led,
            ward,
        )

    def tasks(self, issuer_unit: str, issuer_name: str) -> dict:
        builder = TaskBuilder(self.reg, self.ledger, issuer_unit)
        tables = [a for a in self.s.appendices if a.table is not None]
        several = len(tables) > 1
        metas = []
        for k, app in enumerate(tables):  # Phụ lục I, II, ...: each its own appendix, its tasks say which
            app_id = f"phu-luc-{k + 1}" if several else None
            shape = builder.from_appendix(app, app_id)
            meta = {**appendix_meta(app, self.s, issuer_name, self.ledger), **shape}
            metas.append({"id": app_id, **meta} if app_id else meta)
        titled = None if tables else next(iter(self.s.appendices), None)  # a prose plan's appendix title
        for extra in self.s.appendices:
            if extra.table is None and extra is not titled:
                for p in extra.title + ([extra.attached] if extra.attached else []) + extra.notes:
                    self.ledger.drop(p.pos, p.text, "phụ lục không có bảng nhiệm vụ: mô hình chưa giữ được")
        before = len(builder.tasks)
        builder.from_prose(self.s.sections)
        self.ledger.numbers["prose_tasks"] = len(builder.tasks) - before
        out: dict = {}
        if several:
            out["appendices"] = metas
        else:
            # a plan with its tasks only in prose and no "PHỤ LỤC" has no appendix (tasks name their section)
            if metas or titled is not None:
                out["appendix"] = metas[0] if metas else appendix_meta(titled, self.s, issuer_name, self.ledger)
        if builder.groups:
            out["groups"] = builder.groups
        out["tasks"] = builder.tasks
        return out


def _section_texts(sections: list[Section]) -> list[str]:
    out = []
    for s in sections:
        out += [s.head.text] if s.head else []
        out += [p.text for p in s.paras + s.items]
        out += _section_texts(s.children)
    return out
