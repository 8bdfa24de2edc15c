"""The statement rules of kg/extract import one way, and no module imports another's private names.

Layers, bottom first (a module may import only from layers below its own):
quotes, corefwords, descriptions < syntax < countries < mentions < events < about < replies, pointback < speakers, targets
< clauses < labels, threats < verbal, nominal, adjectival, deadlines < statements < components < pipeline.  lexicon, valence and
weights are data, below all of them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXTRACT = Path(__file__).resolve().parent.parent / "kg" / "extract"
LAYERS = [
    {"lexicon", "valence", "weights"},
    {"quotes", "corefwords", "descriptions"},
    {"syntax"},
    {"countries"},
    {"mentions"},
    {"events"},
    {"about"},
    {"replies", "pointback"},
    {"speakers", "targets"},
    {"clauses"},
    {"labels", "threats"},
    {"verbal", "nominal", "adjectival", "deadlines", "coref", "headlines", "kbactors"},
    {"statements"},
    {"components"},
    {"pipeline"},
]
LAYER = {m: k for k, mods in enumerate(LAYERS) for m in mods}


def _imports(module: str) -> list[tuple[str, list[str], bool]]:
    """(imported kg.extract module, names, at module level) for each ``from kg.extract... import``."""
    tree = ast.parse((EXTRACT / f"{module}.py").read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg.extract"):
            target = node.module.removeprefix("kg.extract").lstrip(".")
            names = [a.name for a in node.names]
            if not target:  # "from kg.extract import weights"
                out += [(n, [], id(node) in top) for n in names]
            else:
                out.append((target, names, id(node) in top))
    return out


@pytest.mark.parametrize("module", sorted(LAYER))
def test_extract_layers_import_downward_only(module):
    for target, names, at_top in _imports(module):
        assert at_top, f"{module} imports {target} inside a function"
        assert LAYER[target] < LAYER[module], f"{module} (layer {LAYER[module]}) imports {target} (layer {LAYER[target]})"
        private = [n for n in names if n.startswith("_")]
        assert not private, f"{module} imports private names of {target}: {private}"


def test_extract_layers_list_every_module():
    modules = {p.stem for p in EXTRACT.glob("*.py")} - {"__init__"}
    assert modules == set(LAYER), f"modules missing from LAYERS: {modules - set(LAYER)}"
