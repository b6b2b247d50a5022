"""One document-number grammar (NĐ 30 and Party practice) for the registry and the prose reader."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from ctt_cli.model.documents import DocumentsFile
from ctt_cli.vn.citation_grammar import find_citations, is_doc_number, parse_reference

# (as written, valid in documents.yaml, what the prose reader finds in "… số <it> ngày …")
TABLE = [
    # State form, no year
    ("5049/QĐ-UBND", True, "5049/QĐ-UBND"),
    ("43/KH-UBND", True, "43/KH-UBND"),
    ("119/KH-UBND", True, "119/KH-UBND"),
    ("05/KH-MTTQ-BTT", True, "05/KH-MTTQ-BTT"),
    ("1523/QĐ-TTg", True, "1523/QĐ-TTg"),
    ("27/BC-UBND", True, "27/BC-UBND"),
    ("3/TB-VP", True, "3/TB-VP"),
    ("112/NQ-HĐND", True, "112/NQ-HĐND"),
    # regulatory documents carry their year
    ("30/2020/NĐ-CP", True, "30/2020/NĐ-CP"),
    ("85/2015/QH13", True, "85/2015/QH13"),
    ("80/2015/QH13", True, "80/2015/QH13"),
    ("64/2025/QH15", True, "64/2025/QH15"),
    ("212/2025/QĐ-UBND", True, "212/2025/QĐ-UBND"),
    ("09/2021/TT-BTP", True, "09/2021/TT-BTP"),
    ("01/2011/TT-BNV", True, "01/2011/TT-BNV"),
    ("34/2016/NĐ-CP", True, "34/2016/NĐ-CP"),
    ("15/2024/NQ-HĐND", True, "15/2024/NQ-HĐND"),
    ("1/1999/NĐ-CP", True, "1/1999/NĐ-CP"),
    # joint documents
    ("02/2021/TTLT-BTP-BNV", True, "02/2021/TTLT-BTP-BNV"),
    ("09/2014/TTLT-BTC-BKHĐT", True, "09/2014/TTLT-BTC-BKHĐT"),
    ("01/NQLT-CP-UBTƯMTTQVN", True, "01/NQLT-CP-UBTƯMTTQVN"),
    # công văn: issuer and drafting unit
    ("383/BNV-CCHC", True, "383/BNV-CCHC"),
    ("12/UBND-VX", True, "12/UBND-VX"),
    ("4512/VPCP-KGVX", True, "4512/VPCP-KGVX"),
    ("97/SNV-CCHC", True, "97/SNV-CCHC"),
    ("1234/UBND-VP", True, "1234/UBND-VP"),
    # Party form
    ("05-NQ/TU", True, "05-NQ/TU"),
    ("12-CTr/ĐU", True, "12-CTr/ĐU"),
    ("04-ĐA/TU", True, "04-ĐA/TU"),
    ("05-NQ/ĐU", True, "05-NQ/ĐU"),
    ("01-QĐi/TW", True, "01-QĐi/TW"),
    ("36-HD/VPTW", True, "36-HD/VPTW"),
    ("57-NQ/TW", True, "57-NQ/TW"),
    ("21-KL/TU", True, "21-KL/TU"),
    # slips: read in prose (then W405/W406 against the registry), refused in the registry
    ("12-CTr/Đu", True, "12-CTr/Đu"),  # capital first letter: the registry takes it as before
    ("5049/qđ-ubnd", False, "5049/qđ-ubnd"),
    ("30/2020/nđ-cp", False, "30/2020/nđ-cp"),
    # not numbers at all
    ("5049-QĐ-UBND", False, None),
    ("QĐ-UBND/5049", False, None),
    ("5049/", False, None),
    ("/QĐ-UBND", False, None),
    ("05-NQ-TU", False, None),
    ("30/20/NĐ-CP", False, None),
    ("30/2020/", False, None),
    ("5049/QĐ-UBND/", False, None),
    ("05-NQ/TU/2020", False, None),
    ("30/2020/NĐ-CP-", False, "30/2020/NĐ-CP"),  # a trailing dash is punctuation in prose
    ("5049 /QĐ-UBND", False, None),
    ("2015/QH", True, "2015/QH"),  # well-formed by itself; what matters is it is never cut out of 85/2015/QH13
]


def test_the_table_is_large_and_mixed() -> None:
    assert len(TABLE) >= 40
    assert sum(ok for _, ok, _ in TABLE) >= 20 and sum(not ok for _, ok, _ in TABLE) >= 10


@pytest.mark.parametrize(("number", "valid", "_found"), TABLE, ids=[t[0] for t in TABLE])
def test_registry(number: str, valid: bool, _found: str | None) -> None:
    data = {"documents": [{"id": "vb", "kind": "Văn bản", "number": number}]}
    assert is_doc_number(number) is valid
    if valid:
        assert DocumentsFile.model_validate(data).documents[0].number == number
    else:
        with pytest.raises(ValidationError):
            DocumentsFile.model_validate(data)


@pytest.mark.parametrize(("number", "_valid", "found"), TABLE, ids=[t[0] for t in TABLE])
def test_prose(number: str, _valid: bool, found: str | None) -> None:
    for text in (
        f"Căn cứ văn bản số {number} ngày 14/01/2026 của cơ quan cấp trên.",
        f"(theo {number}), và",
        f"{number}",
    ):
        got = [c.number for c in find_citations(text)]
        assert got == ([found] if found else []), text


def test_a_number_is_never_cut() -> None:
    text = "Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 và Luật số 85/2015/QH13 ngày 25/6/2015"
    cites = list(find_citations(text))
    assert [c.number for c in cites] == ["80/2015/QH13", "85/2015/QH13"]
    assert cites[1].date is not None and cites[1].date.isoformat() == "2015-06-25"
    assert parse_reference("số 30/2020/NĐ-CP ngày 05/3/2020").number == "30/2020/NĐ-CP"


def test_through_validate(cli, ward_dir) -> None:
    """Year-bearing, joint, công văn numbers in documents.yaml, cited in the plan: no E200, no W406."""
    docs = ward_dir / "documents.yaml"
    docs.write_text(
        docs.read_text(encoding="utf-8")
        + """
  - id: nd-30
    kind: Nghị định
    number: 30/2020/NĐ-CP
    date: 2020-03-05
  - id: luat-85
    kind: Luật
    number: 85/2015/QH13
    date: 2015-06-25
  - id: ttlt-02
    kind: Thông tư liên tịch
    number: 02/2021/TTLT-BTP-BNV
  - id: cv-383
    kind: Công văn
    number: 383/BNV-CCHC
""",
        encoding="utf-8",
    )
    plan = ward_dir / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "preamble: '",
            "preamble: 'Theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020, Luật số 85/2015/QH13 ngày "
            "25/6/2015, Thông tư liên tịch số 02/2021/TTLT-BTP-BNV và Công văn số 383/BNV-CCHC, Luật số "
            "99/2015/QH13; ",
            1,
        ),
        encoding="utf-8",
    )
    found = json.loads(cli("validate", str(ward_dir), "-f", "json").stdout)
    assert not [f for f in found if f["code"] == "E200"]
    w406 = [f["message"] for f in found if f["code"] == "W406" and f["file"].endswith("plan.yaml")]
    assert w406 == ["văn bản '99/2015/QH13' không có trong sổ văn bản (documents.yaml)"]
