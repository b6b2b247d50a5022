"""Reading a filled Biểu chấm điểm back: every input cell checked in the sheet's own terms
(`Biểu chấm điểm!D14: điểm 12 vượt tối đa 10`), then the changes applied to the round-trip tree
of scores/YYYY.yaml so that comments and untouched values stay as they were."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from ctt_cli.model.criteria import CriteriaSet, Criterion
from ctt_cli.model.progress import Evidence
from ctt_cli.sheets.score_sheet import FAIL, META, PASS, SHEET, evidence_text
from ctt_cli.vn.citation_grammar import parse_reference
from ctt_cli.vn.text import name_key
from ctt_cli.vn.words import vn_number

_UNSET = object()


@dataclass
class Filled:
    """What one criterion's row says (None: the cell is empty)."""

    criterion: Criterion
    self_value: float | bool | None
    evidence: str | None
    explanation: str | None
    appraisal: float | bool | None = None


class SheetError(Exception):
    """The file is not a Biểu chấm điểm ctt can read (not per cell)."""


def parse_number(value) -> float | None | object:
    """A cell's number: numbers as they are, text with a decimal comma or point; _UNSET when not a number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return _UNSET
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace(" ", "")
    if re.fullmatch(r"[0-9]+([.,][0-9]+)?", text):
        return float(text.replace(",", "."))
    return _UNSET


def check_points(crit: Criterion, x: float) -> str | None:
    """Why x is not a valid score of crit, or None."""
    if x < 0:
        return f"điểm {vn_number(x)} âm"
    if x > crit.max + 1e-9:
        return f"điểm {vn_number(x)} vượt tối đa {vn_number(crit.max)}"
    if crit.scoring.kind == "full" and x not in (0, crit.max):
        return f"điểm {vn_number(x)}: tiêu chí chấm đủ điểm hoặc không, chỉ được 0 hoặc {vn_number(crit.max)}"
    if crit.scoring.kind == "partial":
        steps = x / crit.scoring.step
        if abs(steps - round(steps)) > 1e-6:
            return f"điểm {vn_number(x)} không theo bước chấm {vn_number(crit.scoring.step)}"
    return None


def _cell_value(crit: Criterion, raw, where: str, problems: list[str]):
    if crit.scoring.kind == "pass_fail":
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        key = name_key(str(raw))
        if key in (name_key(PASS), "co", "x", "true", "1"):
            return True
        if key in (name_key(FAIL), "khong", "false", "0"):
            return False
        problems.append(f"{where}: '{raw}' không hợp lệ, tiêu chí {crit.id} ghi '{PASS}' hoặc '{FAIL}'")
        return None
    x = parse_number(raw)
    if x is _UNSET:
        problems.append(f"{where}: '{raw}' không phải là số điểm")
        return None
    if isinstance(x, int | float) and (why := check_points(crit, x)):
        problems.append(f"{where}: {why}")
        return None
    return x


def _text(raw) -> str | None:
    if raw is None:
        return None
    text = str(raw).strip()
    return text or None


def read_sheet(data: bytes, criteria: CriteriaSet, year: int) -> tuple[list[Filled], list[str]]:
    """The filled rows and the problems (each 'Biểu chấm điểm!D14: …'). Raise SheetError for a wrong file."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not .xlsx
        raise SheetError(f"không đọc được tệp Excel: {exc}") from None
    if SHEET not in wb.sheetnames:
        raise SheetError(f"không có trang tính '{SHEET}' (tệp không do 'ctt score sheet' tạo ra?)")
    meta = {}
    if META in wb.sheetnames:
        m = wb[META]
        meta = {m.cell(row=r, column=1).value: m.cell(row=r, column=2).value for r in range(1, m.max_row + 1)}
    if meta.get("year") not in (None, year):
        raise SheetError(f"biểu chấm điểm của năm {meta['year']}, không phải năm {year}")
    if meta.get("criteria_set") not in (None, criteria.id):
        raise SheetError(f"biểu theo bộ tiêu chí '{meta['criteria_set']}', phường dùng '{criteria.id}'")
    ws = wb[SHEET]
    headers = {str(ws.cell(row=r, column=7).value or "") for r in range(1, 8)}
    appraisal = "Điểm thẩm định" in headers
    leaves = {c.id: c for c in criteria.leaves()}
    found: dict[str, Filled] = {}
    problems: list[str] = []
    for r in range(1, ws.max_row + 1):
        cid = ws.cell(row=r, column=1).value
        cid = str(cid).strip() if cid is not None else ""
        crit = leaves.get(cid)
        if crit is None or cid in found:
            continue
        filled = Filled(
            crit,
            _cell_value(crit, ws.cell(row=r, column=4).value, f"{SHEET}!D{r}", problems),
            _text(ws.cell(row=r, column=5).value),
            _text(ws.cell(row=r, column=6).value),
        )
        if appraisal:
            filled.appraisal = _cell_value(crit, ws.cell(row=r, column=7).value, f"{SHEET}!G{r}", problems)
        found[cid] = filled
    missing = [c for c in leaves if c not in found]
    if missing:
        problems.append(f"{SHEET}: thiếu dòng của tiêu chí {', '.join(missing)} (cột A: STT)")
    return [found[c] for c in leaves if c in found], problems


def _yaml_number(x: float):
    return int(x) if float(x).is_integer() else x


def _evidence_items(text: str):
    from ruamel.yaml.comments import CommentedMap

    items = []
    for line in (x.strip() for x in text.splitlines()):
        if line:
            items.append(CommentedMap([("ref" if parse_reference(line) else "text", line)]))
    return items


def apply(tree, filled: list[Filled], criteria: CriteriaSet) -> list[str]:
    """Change the round-trip tree of scores/YYYY.yaml to what the sheet says; the changes as lines."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if tree.get("scores") is None:
        tree["scores"] = CommentedSeq()
    entries = tree["scores"]
    by_id = {str(e.get("criterion")): e for e in entries}
    order = [c.id for c in criteria.leaves()]
    changes: list[str] = []
    for f in filled:
        cid, crit = f.criterion.id, f.criterion
        entry = by_id.get(cid)
        if entry is None:
            if f.self_value is None and not f.evidence and not f.explanation and f.appraisal is None:
                continue
            entry = CommentedMap([("criterion", cid)])
            later = [
                i
                for i, e in enumerate(entries)
                if str(e.get("criterion")) in order and order.index(str(e.get("criterion"))) > order.index(cid)
            ]
            entries.insert(later[0] if later else len(entries), entry)
            by_id[cid] = entry
            changes.append(f"{cid}: thêm tiêu chí")
        pf = crit.scoring.kind == "pass_fail"
        key = "passed" if pf else "self"
        old = entry.get(key)
        new = f.self_value if pf else (None if f.self_value is None else _yaml_number(f.self_value))
        if new is None:
            if old is not None or not entry.get("not_scored"):
                entry.pop(key, None)
                entry.pop("self" if pf else "passed", None)
                _set_after(entry, "not_scored", True, "criterion")
                changes.append(f"{cid}: {_show(old)} → chưa chấm")
        elif old != new or entry.get("not_scored"):
            entry.pop("not_scored", None)
            entry.pop("self" if pf else "passed", None)
            _set_after(entry, key, new, "criterion")
            changes.append(f"{cid}: tự chấm {_show(old) if old is not None else 'chưa chấm'} → {_show(new)}")
        akey = "appraisal_passed" if pf else "appraisal"
        anew = f.appraisal if pf or f.appraisal is None else _yaml_number(f.appraisal)
        aold = entry.get(akey)
        if anew != aold:
            if anew is None:
                entry.pop(akey, None)
            else:
                entry[akey] = anew
            changes.append(f"{cid}: thẩm định {_show(aold)} → {_show(anew)}")
        old_ev = _evidence_of(entry)
        if (f.evidence or "") != old_ev:
            if f.evidence:
                entry["evidence"] = CommentedSeq(_evidence_items(f.evidence))
            else:
                entry.pop("evidence", None)
            changes.append(f"{cid}: tài liệu kiểm chứng '{old_ev}' → '{f.evidence or ''}'")
        if (f.explanation or None) != entry.get("explanation"):
            old_x = entry.get("explanation")
            if f.explanation:
                entry["explanation"] = f.explanation
            else:
                entry.pop("explanation", None)
            changes.append(f"{cid}: giải trình '{old_x or ''}' → '{f.explanation or ''}'")
    return changes


def _evidence_of(entry) -> str:

    items = entry.get("evidence") or []
    try:
        return evidence_text([Evidence.model_validate(dict(e)) for e in items])
    except Exception:  # noqa: BLE001 - a malformed entry is compared as different and replaced
        return "\0"


def _set_after(entry, key: str, value, after: str) -> None:
    if key in entry:
        entry[key] = value
        return
    keys = list(entry.keys())
    pos = keys.index(after) + 1 if after in keys else len(keys)
    entry.insert(pos, key, value)


def _show(x) -> str:
    if isinstance(x, bool):
        return PASS if x else FAIL
    if x is None:
        return "chưa chấm"
    return vn_number(float(x))
