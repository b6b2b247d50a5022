"""The package's shape stays as the README's Development section says: layers that import only
downwards, no import cycle, lazy imports only where allowed, and no module over ~400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "ctt_cli"

# Lowest first. A module may import its own layer (without cycles) and the layers below it.
LAYERS: list[tuple[str, set[str]]] = [
    ("base", {"digest", "findings", "fsutil", "settings", "vn", "schedule"}),
    ("model", {"model"}),
    ("yamlio", {"yamlio"}),
    ("checks", {"checks"}),
    ("workspace", {"workspace"}),
    ("core", {"status", "scoring", "city", "explain", "scaffold", "record"}),
    ("presentation", {"render", "views", "diff", "site", "sheets", "importer"}),
    ("edge", {"commands", "app", "__main__", "api"}),  # the command line and the library API
]
# Lazy imports of ctt modules outside commands/: only the pipeline's, which keeps the model classes
# (pydantic builds them at import) and the checks off the path of a cache hit.
# yamlio.reader imports the ruamel round trip (~40 ms) only for fmt.
LAZY_ALLOWED = {
    ("workspace.pipeline", "workspace.load"),
    ("workspace.pipeline", "checks.registry"),
    ("yamlio.reader", "yamlio.roundtrip"),
    # model.compiled builds the cached core schemas from the pydantic classes only when the cache
    # has none for this code: pydantic's model machinery stays off a cold start (bench/README.md).
    ("model.compiled", "model.common"),
}


def _layer_of(module: str) -> int:
    top = module.split(".")[0]
    for i, (_, names) in enumerate(LAYERS):
        if top in names:
            return i
    if module == "":  # ctt_cli/__init__.py: the library facade, above everything it re-exports
        return len(LAYERS)
    raise AssertionError(f"module {module!r} belongs to no layer: add it to LAYERS and to the README")


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported ctt module, is it lazy) for every run-time import of ctt_cli in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, depth: int) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue  # annotations only
            if isinstance(child, ast.ImportFrom) and child.module and child.module.startswith("ctt_cli"):
                base = child.module[len("ctt_cli") :].lstrip(".")
                modules = _modules()
                for alias in child.names:
                    sub = f"{base}.{alias.name}".lstrip(".")
                    found.append((sub if sub in modules else base, depth > 0))
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("ctt_cli"):
                        found.append((alias.name[len("ctt_cli") :].lstrip("."), depth > 0))
            inner = depth + (1 if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else 0)
            visit(child, inner)

    visit(tree, 0)
    return found


MODULES = _modules()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers(module: str) -> None:
    mine = _layer_of(module)
    for target, lazy in _imports(MODULES[module]):
        if target == "" or target == "__version__":
            continue  # `from ctt_cli import __version__`: the package's own light attribute
        theirs = _layer_of(target)
        assert theirs <= mine, (
            f"{module} ({LAYERS[mine][0] if mine < len(LAYERS) else 'api'}) imports {target} "
            f"({LAYERS[theirs][0]}), a higher layer"
        )
        if lazy and module.split(".")[0] not in LAYERS[-1][1] and module != "":
            assert (module, target) in LAZY_ALLOWED, f"{module} imports {target} lazily; only commands/ may"


def test_no_import_cycle() -> None:
    graph = {m: {t for t, lazy in _imports(p) if not lazy and t in MODULES and t != m} for m, p in MODULES.items()}
    # a package's __init__ imported by its own submodules is how Python works, not a cycle of ours
    state: dict[str, int] = {}

    def walk(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " → ".join([*trail, node, nxt]))
            if not state.get(nxt):
                walk(nxt, [*trail, node])
        state[node] = 2

    for module in graph:
        if not state.get(module):
            walk(module, [])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= 400, f"{module}: {lines} lines; split it by concept"


def test_the_layer_table_covers_every_module() -> None:
    for module in MODULES:
        _layer_of(module)
