"""Option values in Vietnamese alongside English, one spelling rule for both (diacritics, case, - _ space)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ctt_cli.app import app
from ctt_cli.commands.options import ROLE_CHOICE, Role, fold
from ctt_cli.commands.state_option import STATE_CHOICE
from ctt_cli.commands.status import FAIL_ON_CHOICE, FailOn
from ctt_cli.status import State

runner = CliRunner()
AS_OF = ["--as-of", "2026-11-25"]


@pytest.mark.parametrize(
    ("typed", "state"),
    [
        ("overdue", State.OVERDUE),
        ("quá-hạn", State.OVERDUE),
        ("qua-han", State.OVERDUE),
        ("Quá hạn", State.OVERDUE),
        ("QUA_HAN", State.OVERDUE),
        (" quá_hạn ", State.OVERDUE),
        ("due_soon", State.DUE_SOON),
        ("due-soon", State.DUE_SOON),
        ("sắp-đến-hạn", State.DUE_SOON),
        ("sap den han", State.DUE_SOON),
        ("SẮP ĐẾN HẠN", State.DUE_SOON),
        ("sắp__đến--hạn", State.DUE_SOON),
        ("done_late", State.DONE_LATE),
        ("hoàn-thành-muộn", State.DONE_LATE),
        ("hoan thanh muon", State.DONE_LATE),
        ("không áp dụng năm này", State.NOT_APPLICABLE),
        ("thuong-xuyen", State.CONTINUOUS),
    ],
)
def test_state_spellings(typed: str, state: State) -> None:
    assert STATE_CHOICE.convert(typed, None, None) is state


def test_decomposed_input_is_the_same_word() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "sắp-đến-hạn")
    assert nfd != "sắp-đến-hạn"
    assert STATE_CHOICE.convert(nfd, None, None) is State.DUE_SOON


def test_fold_rule() -> None:
    assert fold("Đã  Xong") == "da-xong"
    assert fold("due_soon") == fold("due-soon") == fold("Due Soon") == "due-soon"


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("lead", Role.lead),
        ("chủ-trì", Role.lead),
        ("chu tri", Role.lead),
        ("CHỦ_TRÌ", Role.lead),
        ("partner", Role.partner),
        ("phối-hợp", Role.partner),
        ("phoi_hop", Role.partner),
        ("any", Role.any),
        ("tất-cả", Role.any),
        ("tat ca", Role.any),
    ],
)
def test_role_spellings(typed: str, role: Role) -> None:
    assert ROLE_CHOICE.convert(typed, None, None) is role


@pytest.mark.parametrize(
    ("typed", "level"),
    [
        ("overdue", FailOn.overdue),
        ("quá-hạn", FailOn.overdue),
        ("qua han", FailOn.overdue),
        ("due-soon", FailOn.due_soon),
        ("due_soon", FailOn.due_soon),
        ("sắp-đến-hạn", FailOn.due_soon),
        ("sap_den_han", FailOn.due_soon),
    ],
)
def test_fail_on_spellings(typed: str, level: FailOn) -> None:
    assert FAIL_ON_CHOICE.convert(typed, None, None) is level


def _rows(args: list[str], ward_dir) -> list[dict]:
    result = runner.invoke(app, ["status", str(ward_dir), *AS_OF, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    wards = payload if isinstance(payload, list) else payload.get("wards", [payload])
    return [row for ward in wards for row in ward["rows"]]


def test_vietnamese_and_english_filter_the_same_rows(ward_dir) -> None:
    english = _rows(["--state", "overdue", "--state", "upcoming"], ward_dir)
    vietnamese = _rows(["--state", "quá-hạn", "--state", "chua den han"], ward_dir)
    assert english and english == vietnamese
    assert {r["state"] for r in english} <= {"overdue", "upcoming"}
    assert len(_rows([], ward_dir)) > len(english)  # the filter did filter


def test_fail_on_in_vietnamese_sets_the_exit_code(ward_dir) -> None:
    overdue = runner.invoke(app, ["status", str(ward_dir), *AS_OF, "--fail-on", "quá-hạn"])
    assert overdue.exit_code == 1  # the shipped plan has T05 overdue on 25/11/2026
    early = runner.invoke(app, ["status", str(ward_dir), "--as-of", "2026-05-01", "--fail-on", "qua_han"])
    assert (
        early.exit_code
        == runner.invoke(app, ["status", str(ward_dir), "--as-of", "2026-05-01", "--fail-on", "overdue"]).exit_code
    )


def test_role_in_vietnamese(ward_dir) -> None:
    unit = ["--unit", "Trung tâm Phục vụ hành chính công"]
    lead = runner.invoke(app, ["status", str(ward_dir), *AS_OF, *unit, "--role", "chủ-trì", "-f", "csv"])
    lead_en = runner.invoke(app, ["status", str(ward_dir), *AS_OF, *unit, "--role", "lead", "-f", "csv"])
    assert lead.exit_code == 0 and lead.output == lead_en.output
    every = runner.invoke(app, ["status", str(ward_dir), *AS_OF, *unit, "--role", "tat ca", "-f", "csv"])
    assert len(every.output.splitlines()) >= len(lead.output.splitlines())


def test_unknown_value_is_a_vietnamese_usage_error() -> None:
    result = runner.invoke(app, ["status", "--state", "trễ"])
    assert result.exit_code == 2
    assert "'trễ' không phải giá trị được nhận; chọn một trong: quá-hạn (overdue)" in result.output


def test_help_lists_both_spellings() -> None:
    text = " ".join(runner.invoke(app, ["status", "--help"]).output.split())
    text = text.replace("- ", "-")  # help wraps inside hyphenated words
    for both in (
        "quá-hạn (overdue)",
        "sắp-đến-hạn (due_soon)",
        "chủ-trì (lead)",
        "phối-hợp (partner)",
        "tất-cả (any)",
        "sắp-đến-hạn, due-soon",
    ):
        assert both in text, both
