"""A new ward's files from another ward's (`ctt init`): reworded for its kind (xã, phường, đặc
khu) and its issuer, with the still-to-fill fields left empty."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctt_cli.checks.text import canonical_spelling, mentions, unit_index
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.scaffold.files import file_text
from ctt_cli.vn.commune import (
    ISSUERS,
    WORDS,
    CommuneKind,
    IssuerKind,
    kind_of_name,
    proper_name,
    reword,
    reword_id,
)
from ctt_cli.vn.words import lower_first


def _fix_spellings(text: str, ward: Ward) -> str:
    pattern, accepted = unit_index(ward.units)
    return pattern.sub(lambda m: canonical_spelling(m.group(), accepted), text) if pattern else text


@dataclass(frozen=True)
class Starter:
    """Who the new plan is for and who issues it (``ctt init``)."""

    ward: str  # 'Xã An Lão'
    kind: CommuneKind
    issuer: IssuerKind = IssuerKind.UBND
    issuer_name: str | None = None  # a full name instead of the issuer kind's own
    header: tuple[str, ...] = ()  # header lines instead of the issuer kind's own
    deputy: bool = False  # signed 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'


def _issuer_unit(starter: Starter) -> dict[str, Any]:
    words, kw = ISSUERS[starter.issuer], WORDS[starter.kind]
    fill = {"word": kw.word, "name": proper_name(starter.ward)}
    unit: dict[str, Any] = {
        "id": words.unit_id.format(kind=starter.kind.value),
        "name": starter.issuer_name or words.name.format(**fill),
        "short_name": words.short_name.format(**fill),
        "aliases": [words.alias.format(**fill)],
        "kind": words.unit_kind,
    }
    return unit


def _signature(starter: Starter) -> dict[str, Any]:
    words = ISSUERS[starter.issuer]
    if starter.deputy:
        return {"authority": "KT.", "body": words.head, "title": words.deputy, "name": None}
    return {"authority": "TM.", "body": words.body, "title": words.head, "name": None}


def _ids(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _tasks_data(source: Ward, rename, re_id, issuer_text: str) -> dict[str, Any]:
    """tasks.yaml of the starter: the source's appendices, groups and tasks, reworded; cells a group
    shares stay on the group; an amended plan's retired tasks and years are left behind."""
    tf = source.tasks_file
    out: dict[str, Any] = {}
    appendices = []
    for app in tf.all_appendices():
        data = app.model_dump(exclude_defaults=True)
        for key in ("title", "subtitle"):
            if key in data:
                data[key] = rename(data[key])
        data["issuer_text"] = issuer_text
        appendices.append(data)
    if tf.appendix is not None:
        out["appendix"] = appendices[0]
    elif appendices:
        out["appendices"] = appendices
    groups = []
    for g in tf.groups:
        data = g.model_dump(exclude_defaults=True)
        data["title"] = rename(data["title"])
        for key in ("lead_text", "partners_text"):
            if key in data:
                data[key] = _fix_spellings(rename(data[key]), source)
        if "lead" in data:
            data["lead"] = re_id(data["lead"]) if isinstance(data["lead"], str) else [re_id(x) for x in data["lead"]]
        if "partners" in data:
            data["partners"] = [re_id(x) for x in data["partners"]]
        groups.append(data)
    if groups:
        out["groups"] = groups
    tasks = []
    for t in source.tasks:
        if t.retired is not None:
            continue
        data = t.model_dump(exclude_defaults=True, exclude={"from_year", "until_year"})
        group = tf.group(t.group)
        for key in ("deadline", "lead", "lead_text", "partners", "partners_text", "appendix"):
            if group is not None and key in data and data[key] == getattr(group, key):
                del data[key]  # shared by the group (a merged cell)
        data["text"] = _fix_spellings(rename(data["text"]), source)
        for key in ("result", "funding", "note"):
            if key in data:
                data[key] = rename(data[key])
        if t.leads and "lead" in data:
            data.pop("lead_text", None)  # the names are the registry's
        elif "lead_text" in data:
            data["lead_text"] = _fix_spellings(rename(data["lead_text"]), source)
        if "lead" in data:
            data["lead"] = re_id(data["lead"]) if isinstance(data["lead"], str) else [re_id(x) for x in data["lead"]]
        if "partners" in data:
            data["partners"] = [re_id(x) for x in data["partners"]]
        if "partners_text" in data:
            data["partners_text"] = _fix_spellings(rename(data["partners_text"]), source)
        if "section" in data:
            data["section"] = "noi-dung"  # the starter's body: its tasks are stated under NỘI DUNG
        tasks.append(data)
    out["tasks"] = tasks
    return out


def new_ward_files(
    source: Ward, starter: Starter, ident: str, year: int, criteria_rel: str | None, folder: Path, schemas: Path | None
) -> dict[str, str]:
    """plan, units, documents and tasks texts for a new ward, starting from ``source``'s
    appendix tasks, units and city-level documents, worded for the new unit's kind and issuer."""
    src = source.plan
    assert src is not None
    ward_name = starter.ward
    old_ward = src.ward
    lower = lower_first(ward_name)
    old_lower = lower_first(old_ward)
    old_kind = kind_of_name(old_ward) or CommuneKind.PHUONG
    kind = starter.kind

    def rename(text: str) -> str:
        return reword(text.replace(old_ward, ward_name).replace(old_lower, lower), old_kind, kind)

    def re_id(ident: str) -> str:
        return reword_id(ident, old_kind, kind)

    issuer_unit = _issuer_unit(starter)
    issuer = issuer_unit["name"]
    units = []
    for u in source.units:
        data = u.model_dump(exclude_defaults=True)
        data["id"] = re_id(data["id"])
        for key in ("name", "short_name"):
            if key in data:
                data[key] = rename(data[key])
        if "aliases" in data:
            data["aliases"] = [rename(a) for a in data["aliases"]]
        units.append(data)
    ubnd = re_id(src.issuer.unit)
    if starter.issuer is IssuerKind.UBND:
        issuer_unit["id"] = ubnd
    units = [u for u in units if u["id"] != issuer_unit["id"]]
    units.insert(0, issuer_unit)
    documents = [
        d.model_dump(mode="json", exclude_defaults=True)
        for d in source.documents
        if not (d.issuer and old_lower.casefold() in d.issuer.casefold())
    ]
    tasks_data = _tasks_data(source, rename, re_id, issuer_unit["aliases"][0])
    tasks = tasks_data["tasks"]
    groups = {g["id"]: g for g in tasks_data.get("groups", [])}
    leads = list(
        dict.fromkeys(lead for t in tasks for lead in _ids(t.get("lead") or groups.get(t.get("group"), {}).get("lead")))
    )
    level = next((o for o in src.objectives if o.level is not None), None)
    objectives = [
        {**o.model_dump(exclude_defaults=True), **({"text": rename(o.text)} if o.text else {})} for o in src.objectives
    ]
    words = ISSUERS[starter.issuer]
    header = list(starter.header) or [line.format(WARD=ward_name.upper()) for line in words.header]
    parent = [] if starter.header else [line.format(WARD=ward_name.upper()) for line in words.parent]
    plan: dict[str, Any] = {
        "id": ident,
        "ward": ward_name,
        "issuer": {
            "unit": issuer_unit["id"],
            **({"parent": re_id(src.issuer.parent)} if src.issuer.parent and starter.issuer is IssuerKind.UBND else {}),
            **({"parent_header": parent} if parent else {}),
            "header": header,
        },
        "document": {
            "type": "Kế hoạch",
            "code": "KH",
            "symbol": words.symbol,
            "number": None,
            "date": None,
            "year": year,
            "place": ward_name,
            "subject": f"Triển khai thực hiện mô hình “Chính quyền thân thiện” trên địa bàn {lower} "
            f"giai đoạn {src.period.start}-{src.period.end or year} và những năm tiếp theo",
        },
        "period": src.period.model_dump(exclude_defaults=True),
        "settings": src.settings.model_dump(exclude_defaults=True),
        **({"criteria_set": criteria_rel} if criteria_rel else {}),
        **({"objectives": objectives} if objectives else {}),
        "legal_bases": [{**b.model_dump(exclude_defaults=True), "text": rename(b.text)} for b in src.legal_bases],
        "preamble": f"{issuer} ban hành Kế hoạch triển khai thực hiện mô hình “Chính quyền thân thiện” trên "
        f"địa bàn {lower}, cụ thể như sau:",
        "body": [
            {
                "id": "muc-dich-yeu-cau",
                "title": "MỤC ĐÍCH, YÊU CẦU",
                "children": [
                    {
                        "title": "Mục đích",
                        "text": "Xây dựng nền hành chính thân thiện, phục vụ, hiện đại và hiệu quả, "
                        "hướng đến sự hài lòng của người dân.",
                    },
                    {
                        "title": "Yêu cầu",
                        "text": "Việc triển khai mô hình “Chính quyền thân thiện” phải được thực hiện "
                        "nghiêm túc, chất lượng, hiệu quả, tiết kiệm, tránh hình thức.",
                    },
                ],
            },
            {
                "id": "muc-tieu",
                "title": "MỤC TIÊU",
                "children": [
                    {
                        "text": f"Năm {level.from_year}, phấn đấu đạt chuẩn “Chính quyền thân thiện” Mức độ "
                        f"{level.level}.",
                        "objective": level.from_year,
                    }
                    if level
                    else {"text": f"Triển khai đồng bộ mô hình “Chính quyền thân thiện” trên địa bàn {lower}."}
                ],
            },
            {
                "id": "noi-dung",
                "title": "NỘI DUNG THỰC HIỆN",
                "children": [
                    {
                        "title": "Nhiệm vụ cụ thể triển khai thực hiện mô hình “Chính quyền thân thiện” "
                        "(Có phụ lục chi tiết kèm theo)",
                        "appendix": True,
                    }
                ],
            },
            {
                "id": "to-chuc-thuc-hien",
                "title": "TỔ CHỨC THỰC HIỆN",
                "children": [
                    {
                        "title": next(u["name"] for u in units if u["id"] == lead),
                        "units": [lead],
                        "text": "Chủ trì thực hiện các nhiệm vụ được giao tại Phụ lục kèm theo Kế hoạch này.",
                    }
                    for lead in leads
                    if any(u["id"] == lead for u in units)
                ],
            },
        ],
        "closing": f"Trong quá trình thực hiện, nếu phát sinh vướng mắc, các cơ quan, đơn vị báo cáo về {issuer} "
        f"để tổng hợp, giải quyết./.",
        "recipients": [
            {**r.model_dump(exclude_defaults=True), "units": [re_id(x) for x in r.units]}
            if r.units
            else r.model_dump(exclude_defaults=True)
            for r in src.recipients
            if not r.units or all(any(u["id"] == re_id(x) for u in units) for x in r.units)
        ],
        "signature": _signature(starter),
    }

    for r in plan["recipients"]:
        r["text"] = _fix_spellings(rename(r["text"]), source)
        named = [next(u for u in units if u["id"] == x) for x in r.get("units", [])]
        if named and not all(
            mentions(r["text"], [u["name"], u.get("short_name") or u["name"], *u.get("aliases", [])]) for u in named
        ):
            r["text"] = ", ".join(u.get("short_name") or u["name"] for u in named)
    return {
        "plan": file_text("plan", plan, schemas, folder),
        "units": file_text("units", {"units": units}, schemas, folder),
        "documents": file_text("documents", {"documents": documents}, schemas, folder),
        "tasks": file_text("tasks", tasks_data, schemas, folder),
    }
