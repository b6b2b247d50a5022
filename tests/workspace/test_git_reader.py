"""GitReader: a revision's tree read through one `git cat-file --batch` process (issue 18: one git
process per diff), in sha-1 and sha-256 repositories, with the same answers as the working tree."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ctt_cli.fsutil import MAX_BYTES, ReadError
from ctt_cli.workspace import readers
from ctt_cli.workspace.readers import DiskReader, GitError, GitReader


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _repo(root: Path, object_format: str = "sha1") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    _git(root, "init", "-q", f"--object-format={object_format}")
    _git(root, "config", "user.email", "t@example.invalid")
    _git(root, "config", "user.name", "T")
    files = {
        "plans/xa-an-hoa/plan.yaml": "id: xa-an-hoa\nten: Xã An Hòa\n",
        "plans/xa-an-hoa/progress/2026.yaml": "year: 2026\n",
        "plans/criteria/bo-tieu-chi.yaml": "id: bo\n",
        "README.md": "tài liệu\n",
        "plans/to-lon.yaml": "x" * (MAX_BYTES + 10),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "plans" / "lien-ket.yaml").symlink_to("xa-an-hoa/plan.yaml")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first")
    return root


@pytest.fixture(params=["sha1", "sha256"])
def repo(request, tmp_path: Path) -> Path:
    try:
        return _repo(tmp_path / "kho", request.param)
    except subprocess.CalledProcessError:
        pytest.skip(f"this git cannot make {request.param} repositories")


def test_the_tree_reads_as_the_working_tree_does(repo: Path) -> None:
    git, disk = GitReader("HEAD", cwd=repo), DiskReader()
    for folder in (".", "plans", "plans/xa-an-hoa", "plans/xa-an-hoa/progress", "plans/criteria"):
        assert git.listdir(Path(folder)) == [n for n in disk.listdir(repo / folder) if n != ".git"], folder
        assert git.is_dir(Path(folder)) and not git.is_file(Path(folder))
    for name in ("plans/xa-an-hoa/plan.yaml", "plans/xa-an-hoa/progress/2026.yaml", "README.md"):
        assert git.is_file(Path(name)) and not git.is_dir(Path(name))
        assert git.read_bytes(Path(name)) == (repo / name).read_bytes()
    assert not git.is_file(Path("plans/khong-co.yaml")) and not git.is_dir(Path("plans/khong-co"))
    assert git.listdir(Path("plans/khong-co")) == []
    assert git.label("plans/x.yaml") == "HEAD:plans/x.yaml"


def test_an_older_revision_is_read_as_it_was(repo: Path) -> None:
    (repo / "plans" / "xa-an-hoa" / "plan.yaml").write_text("id: xa-an-hoa\nten: Xã An Hòa mới\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "second")
    assert b"m\xe1\xbb\x9bi" in GitReader("HEAD", cwd=repo).read_bytes(Path("plans/xa-an-hoa/plan.yaml"))
    assert b"m\xe1\xbb\x9bi" not in GitReader("HEAD~1", cwd=repo).read_bytes(Path("plans/xa-an-hoa/plan.yaml"))


def test_reading_what_is_not_a_file_is_a_read_error(repo: Path) -> None:
    git = GitReader("HEAD", cwd=repo)
    for name in ("plans/khong-co.yaml", "plans/xa-an-hoa"):
        with pytest.raises(ReadError) as caught:
            git.read_bytes(Path(name))
        assert caught.value.code == "E108" and "HEAD:" in str(caught.value)


def test_a_file_over_the_limit_is_cut_as_read_input_cuts_it(repo: Path) -> None:
    git = GitReader("HEAD", cwd=repo)
    assert len(git.read_bytes(Path("plans/to-lon.yaml"))) == MAX_BYTES + 1  # the parser reports E107
    assert git.read_bytes(Path("README.md")) == "tài liệu\n".encode()  # the stream is still in step


def test_unknown_revisions_and_folders_outside_git_are_vietnamese_errors(repo: Path, tmp_path: Path) -> None:
    for rev in ("khong-co-nhanh", "HEAD~5", "HEAD:README.md"):
        with pytest.raises(GitError, match="không có phiên bản git"):
            GitReader(rev, cwd=repo)
    outside = tmp_path / "ngoai"
    outside.mkdir()
    with pytest.raises(GitError, match="không nằm trong một kho git"):
        GitReader("HEAD", cwd=outside)


@pytest.fixture
def started(monkeypatch) -> list[list[str]]:
    """The command lines of the processes started from here on (no git process kept from before)."""
    seen: list[list[str]] = []
    popen = subprocess.Popen

    def counting(args, *rest, **options):
        seen.append(list(args))
        return popen(args, *rest, **options)

    monkeypatch.setattr(readers._Batch, "_open", {})
    monkeypatch.setattr(subprocess, "Popen", counting)
    return seen


def test_one_git_process_serves_every_reader_of_a_repository(repo: Path, started: list[list[str]]) -> None:
    old, new = GitReader("HEAD", cwd=repo), GitReader("HEAD", cwd=repo / ".")
    for reader in (old, new):
        for name in reader.listdir(Path("plans/xa-an-hoa")):
            if reader.is_file(Path("plans/xa-an-hoa") / name):
                reader.read_bytes(Path("plans/xa-an-hoa") / name)
    assert started == [["git", "cat-file", "--batch"]]


def test_ctt_diff_starts_two_git_processes(cli, tmp_path: Path, monkeypatch, started: list[list[str]]) -> None:
    from conftest import edit, plans_repo

    plans_repo(tmp_path)
    edit(tmp_path / "plans" / "le-thanh-nghi" / "tasks.yaml", "Trước ngày 15/11 hằng năm", "Trước ngày 30/11 hằng năm")
    monkeypatch.chdir(tmp_path)
    started.clear()  # the repository's own making
    result = cli("diff", "--exit-code")
    assert result.exit_code == 1 and "30/11" in result.stdout
    assert [a[:2] for a in started] == [["git", "rev-parse"], ["git", "cat-file"]]
