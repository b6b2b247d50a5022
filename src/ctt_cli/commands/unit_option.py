"""`--unit` in every command that names a unit: one way to find it in each ward of the run."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import typer

from ctt_cli.model.unit_match import close_units, describe, match_units
from ctt_cli.views.console import error, note


def pick_unit(wards: Iterable[Any], query: str) -> dict[int, str]:
    """The id of the unit ``query`` names in each ward that has it (keyed by ``id(ward)``). A ward
    without it is skipped with a note; none having it, or a name that fits several units, is a usage
    error (exit 2) with a did-you-mean list that shows ids."""
    picked: dict[int, str] = {}
    missing = []
    for ward in wards:
        found = match_units(ward.units, query)
        if len(found) > 1:
            listed = "; ".join(describe(u) for u in found)
            error(f"{ward.name}: '{query}' khớp nhiều đơn vị: {listed}. Ghi rõ hơn, hoặc ghi mã (id).")
            raise typer.Exit(2)
        if found:
            picked[id(ward)] = found[0].id
        else:
            missing.append(ward)
    if not picked:
        close = {describe(u): None for w in missing for u in close_units(w.units, query)}
        hint = f" Có phải: {'; '.join(close)}?" if close else " Xem các mã đơn vị trong units.yaml."
        where = f"{missing[0].name}: " if len(missing) == 1 else ""
        error(f"{where}không có đơn vị '{query}'.{hint}")
        raise typer.Exit(2)
    for ward in missing:
        note(f"{ward.name}: không có đơn vị '{query}'; bỏ qua phường này")
    return picked
