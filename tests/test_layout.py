"""The package layout (issue 18): kg's import graph has no cycle, no module imports
another module's ``_private`` names, and the benchmarks and server starters stay
out of the installed package.

The graph is read from the source with :mod:`ast` (imports inside functions
count too), so a cycle hidden in a lazy import is found as well.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KG = ROOT / "kg"

#: Known exceptions (none left): cycles as sets of modules, private imports as (module, imported module).
PENDING_CYCLES: set[frozenset[str]] = set()
PENDING_PRIVATE: set[tuple[str, str]] = set()
#: Longest module without a stated reason (a module docstring line starting with "Length:" gives one).
MAX_LINES = 600
#: Layers, lowest first: a module may import its own layer and the ones below, never one above.
LAYERS: list[tuple[str, set[str]]] = [
    ("model", {"kg", "kg.model", "kg.errors"}),
    ("shared", {"kg.config", "kg.names", "kg.sparql_terms", "kg.http", "kg.formats"}),
    ("stages", {"kg.ingest", "kg.extract", "kg.link", "kg.rdf", "kg.store", "kg.queries", "kg.views",
                "kg.output", "kg.evaluate", "kg.serve"}),
    ("run", {"kg.run"}),
    ("cli", {"kg.cli"}),
]


def _modules() -> dict[str, Path]:
    mods = {}
    for path in KG.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = path
    return mods


def _imports(mods: dict[str, Path]) -> tuple[dict[str, set[str]], list[tuple[str, str, str]]]:
    """module -> kg modules it imports; and (module, from-module, name) of every ``_private`` name imported."""
    graph: dict[str, set[str]] = {m: set() for m in mods}
    private: list[tuple[str, str, str]] = []
    for mod, path in mods.items():
        package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                graph[mod] |= {a.name for a in node.names if a.name in mods}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([node.module] if node.module else []))
                for alias in node.names:
                    if f"{base}.{alias.name}" in mods:
                        graph[mod].add(f"{base}.{alias.name}")
                    elif base in mods:
                        graph[mod].add(base)
                        if alias.name.startswith("_") and not alias.name.startswith("__"):
                            private.append((mod, base, alias.name))
    return graph, private


def _cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v] - {v}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(frozenset(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_layout_import_graph_has_no_cycle():
    graph, _ = _imports(_modules())
    assert graph["kg.run.jobs"] >= {"kg.run.local", "kg.run.dask", "kg.run.spec"}  # the graph is really read
    cycles = [sorted(c) for c in _cycles(graph) if c not in PENDING_CYCLES]
    assert cycles == []


def test_layout_no_module_imports_private_names_of_another():
    _, private = _imports(_modules())
    assert [p for p in private if p[:2] not in PENDING_PRIVATE] == []


@pytest.mark.parametrize("package", ["kg.run", "kg.evaluate", "kg.ingest"])
def test_layout_packages_of_the_redesign_are_clean(package):
    mods = _modules()
    graph, private = _imports(mods)
    inside = {m for m in mods if m == package or m.startswith(package + ".")}
    assert not [c for c in _cycles(graph) if c & inside]
    assert not [p for p in private if p[0] in inside]
    long = {m: n for m in inside if (n := len(mods[m].read_text(encoding="utf-8").splitlines())) > 600}
    assert long == {}


def test_layout_benchmarks_and_servers_are_not_in_the_package():
    mods = _modules()
    assert not {"kg.bench", "kg.bench_remote", "kg._servers", "kg.pipeline", "kg.scale", "kg.dask_engine",
                "kg.resume"} & set(mods)
    assert (ROOT / "benchmarks" / "bench.py").is_file() and (ROOT / "benchmarks" / "servers.py").is_file()
    for mod, path in mods.items():
        text = path.read_text(encoding="utf-8")
        assert "import benchmarks" not in text and "from benchmarks" not in text, mod
        assert "from tests" not in text, mod


def _layer(mod: str) -> int:
    for i, (_name, roots) in enumerate(LAYERS):
        if mod in roots or any(mod.startswith(r + ".") for r in roots if r != "kg"):
            return i
    raise AssertionError(f"{mod} is in no layer of tests/test_layout.py: add it to LAYERS")


def test_layout_imports_run_down_the_layers():
    """CLI -> run -> stages -> shared -> model: no module imports one of a higher layer."""
    graph, _ = _imports(_modules())
    upward = sorted((m, i, LAYERS[_layer(i)][0]) for m, deps in graph.items() for i in deps if _layer(i) > _layer(m))
    assert upward == []
    assert _layer("kg.cli.jobs") == 4 and _layer("kg.extract.verbal") == 2 and _layer("kg.model") == 0


def test_layout_no_module_is_long_without_a_reason():
    long = {}
    for mod, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        n = len(text.splitlines())
        doc = ast.get_docstring(ast.parse(text)) or ""
        if n > MAX_LINES and not any(line.startswith("Length:") for line in doc.splitlines()):
            long[mod] = n
    assert long == {}
