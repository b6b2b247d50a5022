"""Attack: templates had no CPU or memory bound (nested range(99999) loops hung render and
`templates check`; ('a' * 300000000)|length allocated 300 MB). Each now stops with a Vietnamese error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from docx import Document

from ctt_cli.render import sandbox


def _template(tmp_path: Path, body: str) -> Path:
    doc = Document()
    doc.add_paragraph("KẾ HOẠCH {{ doc.subject }}")
    doc.add_paragraph(body)
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize(
    "body, words",
    [
        ("{% for a in range(99999) %}{% for b in range(99999) %}x{% endfor %}{% endfor %}", "range()"),
        ("{{ ('a' * 300000000)|length }}", "chuỗi"),
        ("{{ [1, 2] * 100000000 }}", "danh sách"),
        ("{{ 10 ** 100000000 }}", "lũy thừa"),
    ],
)
def test_unbounded_template_is_stopped(cli, ward_dir: Path, tmp_path: Path, body: str, words: str) -> None:
    template = _template(tmp_path, body)
    out = tmp_path / "out.docx"
    start = time.perf_counter()
    result = cli("render", "plan", str(ward_dir), "--template", str(template), "-o", str(out))
    assert time.perf_counter() - start < 20
    assert result.exit_code == 1 and words in result.stderr and "mau.docx" in result.stderr
    assert not out.exists()


def test_small_loops_and_repetition_still_work(cli, ward_dir: Path, tmp_path: Path) -> None:
    template = _template(tmp_path, "{% for i in range(3) %}[{{ i }}]{% endfor %} {{ '-' * 20 }}")
    out = tmp_path / "out.docx"
    result = cli("render", "plan", str(ward_dir), "--template", str(template), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "[0][1][2] " + "-" * 20 in cli("docx-text", str(out)).stdout


def test_time_limit_stops_a_slow_template(monkeypatch) -> None:
    env = sandbox.BoundedEnvironment()
    monkeypatch.setattr(sandbox, "MAX_ITERATIONS", 10**9)
    env.iterations_left = 10**9
    template = env.from_string("{% for a in range(30000) %}{% for b in range(30000) %}{% endfor %}{% endfor %}")
    start = time.perf_counter()
    with pytest.raises(sandbox.TemplateTimeout), sandbox.time_limit(0.5):
        template.render()
    assert time.perf_counter() - start < 5


def test_templates_check_reports_the_loop_instead_of_hanging(cli, ward_dir: Path, tmp_path: Path) -> None:
    template = _template(tmp_path, "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}")
    result = cli("templates", "check", str(ward_dir), "--template", str(template), "--kind", "plan")
    assert result.exit_code == 1 and "range()" in result.stderr
