"""The same-plan-id check looks at each ward's plan.yaml only: the other files' texts stay undecoded
(at 1,000 wards, decoding them all cost 35 MB in the parent)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping

from ctt_cli.workspace.identity import report_same_plan_id


class Recorded(Mapping[str, str]):
    def __init__(self, texts: dict[str, str]) -> None:
        self.texts, self.asked = texts, []

    def __getitem__(self, name: str) -> str:
        self.asked.append(name)
        return self.texts[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


class Result:
    def __init__(self, display: str, plan_id: str) -> None:
        self.display, self.findings = display, []
        self.texts = Recorded(
            {
                os.path.join(display, "units.yaml"): "units: []\n",
                os.path.join(display, "plan.yaml"): f"# kế hoạch thử\nid: '{plan_id}'\nward: Xã Thử\n",
                os.path.join(display, "tasks.yaml"): "tasks: []\n",
            }
        )


def test_only_plan_yaml_is_read_and_the_clash_is_found() -> None:
    a, b, c = Result("plans/an-phu", "an-phu"), Result("plans/an-phu-2", "an-phu"), Result("plans/tan-lap", "tan-lap")
    report_same_plan_id([a, b, c])
    for result in (a, b, c):
        assert result.texts.asked == [os.path.join(result.display, "plan.yaml")]
    assert [(f.code, f.line, f.column) for f in a.findings] == [("E300", 2, 5)]
    assert "plans/an-phu-2/plan.yaml" in a.findings[0].message and not c.findings
