"""Attack: an interrupted `ctt init` left a half-made ward that re-running refused to touch; `init` onto
an existing file was an internal error; `--ward ""` or with control characters wrote a plan that fails
validation and said "Xong"."""

from __future__ import annotations

from pathlib import Path

import pytest

from ctt_cli import fsutil


def _init(cli, folder: Path, ward: str = "Xã An Lão", *extra: str):
    return cli("init", str(folder), "--ward", ward, "--root", str(folder.parent), *extra)


@pytest.mark.parametrize("when", [1, 3, 5])
@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError])
def test_interrupted_init_leaves_nothing_and_reruns(cli, tmp_path: Path, monkeypatch, when: int, failure) -> None:
    folder = tmp_path / "plans" / "an-lao"
    real = fsutil.write_atomic
    calls = {"n": 0}

    def flaky(path, data, **kw):
        if folder.name in str(path) or ".an-lao." in str(path):
            calls["n"] += 1
            if calls["n"] == when:
                raise failure("ngắt giữa chừng")
        return real(path, data, **kw)

    monkeypatch.setattr(fsutil, "write_atomic", flaky)
    try:  # click turns Ctrl-C into an abort (exit 1); an OSError propagates
        result = _init(cli, folder)
        assert result.exit_code != 0 and "Xong" not in result.stdout + result.stderr
    except failure:
        pass
    assert calls["n"] == when
    assert not folder.exists()
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".an-lao")]  # no temp folder left
    monkeypatch.setattr(fsutil, "write_atomic", real)
    again = _init(cli, folder)
    assert again.exit_code == 0, again.stderr
    assert "Xong" in again.stderr + again.stdout
    assert cli("validate", str(folder)).exit_code == 0


def test_init_onto_empty_folder_works(cli, tmp_path: Path) -> None:
    folder = tmp_path / "plans" / "an-lao"
    folder.mkdir(parents=True)
    assert _init(cli, folder).exit_code == 0
    assert (folder / "plan.yaml").is_file()


def test_init_onto_a_file(cli, tmp_path: Path) -> None:
    target = tmp_path / "plans" / "an-lao"
    target.parent.mkdir()
    target.write_text("ghi chú của tôi\n", encoding="utf-8")
    result = _init(cli, target)
    assert result.exit_code == 1 and "không phải thư mục" in result.stderr
    assert "Xong" not in result.stdout + result.stderr
    assert target.read_text(encoding="utf-8") == "ghi chú của tôi\n"


@pytest.mark.parametrize(
    "ward, words",
    [
        ("", "trống"),
        ("   ", "trống"),
        ("Xã An\x07Lão", "U+0007"),
        ("Xã An\u200bLão", "U+200B"),
        ("Phường\uffffX", "U+FFFF"),
    ],
)
def test_bad_ward_name(cli, tmp_path: Path, ward: str, words: str) -> None:
    folder = tmp_path / "plans" / "an-lao"
    result = _init(cli, folder, ward)
    assert result.exit_code == 2 and words in result.stderr
    assert "Xong" not in result.stdout + result.stderr
    assert not folder.exists()


def test_init_elsewhere_writes_nothing_in_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    """`ctt init /some/where/w` run from inside another checkout writes only beside the new ward."""
    from typer.testing import CliRunner

    from ctt_cli.app import app

    here = tmp_path / "other-repo"
    here.mkdir()
    monkeypatch.chdir(here)
    target = tmp_path / "elsewhere" / "plans" / "an-lao"
    result = CliRunner().invoke(app, ["init", str(target), "--ward", "Xã An Lão"])
    assert result.exit_code == 0, result.output
    assert list(here.iterdir()) == []
    root = tmp_path / "elsewhere"
    assert (root / ".pre-commit-config.yaml").is_file() and (root / "schemas" / "plan.schema.json").is_file()
    assert (target / "plan.yaml").is_file()
