"""Attack: one very long token in a task text made validate quadratic (10-23 s for 20,000 characters:
the citation grammar and the tone-mark candidate regex tried a match from every character)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ctt_cli.vn import citation_grammar, text

TOKENS = {
    "letters": "a" * 20_000,
    "digits": "1" * 20_000,
    "digits-dash-letters": "1" * 10_000 + "-" + "a" * 10_000,
    "tone-like": "ba" * 10_000,
    "number-slash": "5049/" + "Q" * 20_000,
    "dashes": "12/QĐ" + "-UBND" * 4_000,
    "spaces": "5049" + " " * 20_000 + "/",
}


@pytest.mark.parametrize("name", TOKENS)
def test_regexes_are_linear_on_one_long_token(name: str) -> None:
    prose = f"Tham mưu {TOKENS[name]} báo cáo theo Kế hoạch số 12/KH-UBND ngày 14/01/2026, hòa giải"
    start = time.perf_counter()
    found = [m.group("number") for m in citation_grammar.CITATION.finditer(prose)]
    citation_grammar.LOOKS_LIKE.search(prose)
    candidates = [m.group() for m in text.TONE_CANDIDATE.finditer(prose)]
    assert time.perf_counter() - start < 0.5
    assert "12/KH-UBND" in found and "hòa" in candidates  # still finds what it should


def long_tasks(tokens: list[str]) -> str:
    """Extra tasks for tasks.yaml, each text one long token (under the 20,000-character limit)."""
    return "".join(
        f"\n  - id: T{100 + i}\n    text: Rà soát {token[:19_900]} theo Kế hoạch số 12/KH-UBND\n"
        "    deadline: Hằng năm\n    lead: phong-vhxh\n"
        for i, token in enumerate(tokens)
    )


def test_validate_with_long_tokens_is_fast(cli, ward_dir: Path) -> None:
    tasks = ward_dir / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8") + long_tasks(list(TOKENS.values())), encoding="utf-8")
    cli("validate", str(ward_dir))  # imports and first-time caches out of the measure
    start = time.perf_counter()
    result = cli("validate", str(ward_dir))
    elapsed = time.perf_counter() - start
    assert "T106" in result.stdout  # the long texts were checked (a citation not in the registry)
    assert " 0 lỗi" in result.stdout + result.stderr, result.stdout[-2000:]
    assert elapsed < 2.0, elapsed
