"""Ward and CheckedWard are plain classes (cheaper to define than dataclasses on a cold start):
the checked form carries every attribute of the loaded ward over, the very same objects."""

from __future__ import annotations

from conftest import memory_ward
from ctt_cli.model.layout import Needs
from ctt_cli.model.ward import CheckedWard


def test_checked_carries_every_attribute_over() -> None:
    ward = memory_ward()
    assert ward.progress_files and ward.sources and ward.criteria is not None  # a full ward
    checked = ward.checked()
    assert isinstance(checked, CheckedWard)
    assert vars(checked).keys() == vars(ward).keys()
    assert all(getattr(checked, k) is v for k, v in vars(ward).items())


def test_checked_without_fills_only_what_is_not_needed() -> None:
    ward = memory_ward(replace={"units.yaml": "units: [\n"})  # a broken units file
    assert ward.units_file is None and ward.checked() is None
    assert ward.checked_without(Needs("plan", "units")) is None
    checked = ward.checked_without(Needs("plan", "tasks"))
    assert checked is not None and list(checked.units_file.units) == []
    assert vars(checked).keys() == vars(ward).keys()
    assert all(getattr(checked, k) is v for k, v in vars(ward).items() if k != "units_file")


def test_fresh_wards_do_not_share_their_lists() -> None:
    a, b = memory_ward(root="/mem/plans/a"), memory_ward(root="/mem/plans/b")
    assert a.findings is not b.findings and a.sources is not b.sources and a.progress_files is not b.progress_files
