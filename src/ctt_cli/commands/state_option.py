"""The `--state` option of `ctt status`: in its own module, since it needs the status states (and with
them the deadline rules), which the other commands do not import."""

from __future__ import annotations

from typing import Annotated

import typer

from ctt_cli.commands.options import EnumChoice
from ctt_cli.explain.labels import STATE_LABELS
from ctt_cli.status import State

STATE_CHOICE = EnumChoice(State, STATE_LABELS)
States = Annotated[
    list[State] | None,
    typer.Option(
        "--state",
        click_type=STATE_CHOICE,
        metavar="TRẠNG_THÁI",
        help="Chỉ các trạng thái này (lặp lại được): "
        + STATE_CHOICE.choices()
        + ". Viết có dấu hay không dấu, với '-', '_' hay dấu cách đều được.",
    ),
]
