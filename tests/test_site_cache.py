"""ctt site on an unchanged city: each ward's page and documents come back from the cache (no ward
loaded, nothing rendered) and the site is the same, file for file; an edit, another template, or a
document the store lost make exactly that work again."""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, edit, make_city
from ctt_cli.render import engine
from ctt_cli.site import docstore
from ctt_cli.workspace import load

AS_OF = "2026-11-25"


@pytest.fixture
def cached(monkeypatch, tmp_path: Path) -> Path:
    monkeypatch.delenv("CTT_NO_CACHE", raising=False)
    monkeypatch.setenv("CTT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def city(tmp_path: Path) -> Path:
    return make_city(tmp_path / "plans")


@pytest.fixture
def work(monkeypatch) -> list[str]:
    """What a build really does: wards loaded, documents rendered."""
    calls: list[str] = []
    real_load, real_render = load.load_ward, engine.render

    def load_ward(root, *args, **kwargs):
        calls.append(f"load {root.name}")
        return real_load(root, *args, **kwargs)

    def render(template, *args, **kwargs):
        calls.append(f"render {template.name}")
        return real_render(template, *args, **kwargs)

    monkeypatch.setattr(load, "load_ward", load_ward)
    monkeypatch.setattr(engine, "render", render)
    return calls


def build(cli, plans: Path, out: Path):
    result = cli("site", "--year", "2026", "--as-of", AS_OF, str(plans), "-o", str(out))
    assert result.exit_code == 1 and "4 đơn vị, 1 đơn vị có lỗi dữ liệu" in result.output  # hong-an's error
    return result


def files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_unchanged_city_is_rebuilt_from_the_cache(cli, cached: Path, city: Path, tmp_path: Path, work) -> None:
    build(cli, city, tmp_path / "a")
    first = files(tmp_path / "a")
    assert sum(1 for c in work if c.startswith("render")) == sum(1 for n in first if n.endswith(".docx")) >= 6
    work.clear()
    build(cli, city, tmp_path / "b")
    assert files(tmp_path / "b") == first  # pages, documents and assets, byte for byte
    assert work == []  # no ward loaded (not even the one with errors: its page is cached too), nothing rendered


def test_the_same_site_with_and_without_the_cache(cli, cached: Path, city: Path, tmp_path: Path, monkeypatch) -> None:
    build(cli, city, tmp_path / "cached")
    build(cli, city, tmp_path / "cached-again")
    monkeypatch.setenv("CTT_NO_CACHE", "1")
    build(cli, city, tmp_path / "fresh")
    assert files(tmp_path / "cached-again") == files(tmp_path / "fresh") == files(tmp_path / "cached")


def test_an_edit_renders_that_ward_again(cli, cached: Path, city: Path, tmp_path: Path, work) -> None:
    build(cli, city, tmp_path / "a")
    first = files(tmp_path / "a")
    edit(city / "an-hung" / "plan.yaml", "ward: Xã An Hưng", "ward: Xã An Hưng Mới")
    work.clear()
    build(cli, city, tmp_path / "b")
    again = files(tmp_path / "b")
    assert {c.split()[1] for c in work if c.startswith("load")} == {"an-hung"}
    rendered = [c for c in work if c.startswith("render")]
    assert rendered and len(rendered) == sum(1 for n in again if n.startswith("an-hung/") and n.endswith(".docx"))
    changed = {n for n in first if first[n] != again.get(n)}
    assert changed and all(n.startswith(("an-hung", "index.html")) for n in changed)


def test_another_template_renders_every_document_again(
    cli, cached: Path, city: Path, tmp_path: Path, work, monkeypatch
) -> None:
    build(cli, city, tmp_path / "a")
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    plan = templates / "ke-hoach.docx"
    with zipfile.ZipFile(ROOT / "templates" / "ke-hoach.docx") as src, zipfile.ZipFile(plan, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace("CHỦ NGHĨA VIỆT NAM<".encode(), "CHỦ NGHĨA VIỆT NAM (MẪU SỬA)<".encode(), 1)
            out.writestr(item, data)
    monkeypatch.setenv("CTT_TEMPLATES", str(templates))
    work.clear()
    build(cli, city, tmp_path / "b")
    assert sum(1 for c in work if c.startswith("render")) == sum(
        1 for n in files(tmp_path / "b") if n.endswith(".docx")
    )
    plan_doc = zipfile.ZipFile(tmp_path / "b" / "an-hung" / "ke-hoach.docx").read("word/document.xml").decode()
    assert "VIỆT NAM (MẪU SỬA)" in plan_doc


def test_a_lost_or_damaged_document_is_rendered_again(cli, cached: Path, city: Path, tmp_path: Path, work) -> None:
    build(cli, city, tmp_path / "a")
    first = files(tmp_path / "a")
    stored = sorted((cached / "documents").iterdir())
    assert len(stored) == sum(1 for n in first if n.endswith(".docx"))
    stored[0].unlink()
    stored[1].write_bytes(b"PK\x03\x04 not what it was")
    work.clear()
    build(cli, city, tmp_path / "b")
    assert files(tmp_path / "b") == first
    assert any(c.startswith("render") for c in work)
    assert len(list((cached / "documents").iterdir())) == len(stored)


def test_prune_keeps_what_is_used_and_what_is_recent(cached: Path) -> None:
    used, recent, old = (docstore.put(bytes([i]) * 100) for i in range(3))
    assert used and recent and old
    later = time.time() + (docstore.KEEP_DAYS + 1) * 86400
    docstore.prune({used}, now=time.time())
    assert {p.stem for p in (cached / "documents").iterdir()} == {used, recent, old}
    docstore.prune({used}, now=later)
    assert {p.stem for p in (cached / "documents").iterdir()} == {used}
    assert docstore.get(used) == bytes([0]) * 100 and docstore.get(old) is None and docstore.get("../x") is None


def test_no_store_without_the_data_cache(monkeypatch) -> None:
    monkeypatch.setenv("CTT_NO_CACHE", "1")
    assert not docstore.enabled() and docstore.put(b"x") is None
