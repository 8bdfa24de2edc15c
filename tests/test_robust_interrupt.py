"""SIGINT and SIGTERM during `kg extract` and `kg load` (real subprocesses):
no partial output file (temporary file + rename), no half-loaded named
graph, and a re-run completes.  `kg run` is covered the same way by
tests/test_scale_resume.py (SIGTERM and SIGINT, every graph compared with a
reference extraction)."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store.oxigraph import OxigraphStore
from tests._robust_fixtures import kg_proc
from tests._scale_fixtures import write_corpus

SIGNALS = [signal.SIGINT, signal.SIGTERM]


def _wait_for(cond, proc, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert proc.poll() is None, f"kg ended before it could be interrupted: {proc.communicate()[1][-2000:]}"
        assert time.monotonic() < deadline, "kg did not start working in time"
        time.sleep(0.02)


@pytest.mark.parametrize(("suffix", "sig"), [(".nq", signal.SIGINT), (".ttl", signal.SIGTERM), (".jsonl", signal.SIGTERM)],
                         ids=["nq-SIGINT", "ttl-SIGTERM", "jsonl-SIGTERM"])
def test_robust_interrupt_extract_leaves_no_partial_file(tmp_path, sig, suffix):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, copies=1)  # 21 articles
    out = tmp_path / "out" / f"result{suffix}"
    out.parent.mkdir()
    out.write_bytes(b"old result\n")  # an earlier result must survive an interrupted run
    args = ["extract", str(corpus), "-o", str(out), "--batch-size", "1", "--jobs", "1"]
    proc = kg_proc(*args)
    temp = lambda: [p for p in out.parent.iterdir() if p.name != out.name]  # noqa: E731
    # started working: the temporary file exists (and for streamed formats holds the first articles)
    _wait_for(lambda: temp() and (suffix == ".ttl" or temp()[0].stat().st_size > 0), proc)
    if suffix == ".ttl":
        time.sleep(1.0)  # Turtle is written at the end: interrupt while articles are being extracted
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + sig, err  # 130 for SIGINT, 143 for SIGTERM
    assert "interrupted" in err and "Traceback" not in err
    assert out.read_bytes() == b"old result\n"
    assert temp() == [], "a temporary file was left behind"

    proc = kg_proc(*args)  # the re-run completes
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert temp() == []
    if suffix == ".jsonl":
        assert len(out.read_text(encoding="utf-8").splitlines()) > len(ids)
    else:
        fmt = ox.RdfFormat.N_QUADS if suffix == ".nq" else ox.RdfFormat.TURTLE
        quads = list(ox.parse(path=str(out), format=fmt))
        assert len(quads) > 1000
        if suffix == ".nq":
            assert len({q.graph_name for q in quads}) == len(ids)


def _shards(folder: Path, files: int, graphs: int, per_graph: int) -> dict[str, int]:
    expected = {}
    for f in range(files):
        lines = []
        for g in range(graphs):
            iri = f"https://example.org/graph/f{f}-g{g}"
            expected[iri] = per_graph
            lines.extend(f'<https://example.org/s{i}> <https://example.org/p> "f{f} g{g} value {i} {"x" * 40}" <{iri}> .\n'
                         for i in range(per_graph))
        (folder / f"shard-{f:03d}.nq").write_text("".join(lines), encoding="utf-8")
    return expected


def _graph_counts(store_path: Path) -> dict[str, int]:
    from kg.store.edges import is_derived

    with OxigraphStore(store_path, read_only=True) as st:
        res = st.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        # kg's direct-edge bookkeeping (kg/store/edges.py: the edge graphs and the mark) is no loaded graph
        return {r[0].value: int(r[1].value) for r in res.rows if not is_derived(r[0].value)}


def _loaded_some(store_path: Path) -> bool:
    if not (store_path / "CURRENT").exists():
        return False
    try:
        with OxigraphStore(store_path, read_only=True) as st:
            return bool(st.graphs())
    except Exception:  # noqa: BLE001 - the writer may be creating the store
        return False


@pytest.mark.parametrize("sig", SIGNALS, ids=["SIGINT", "SIGTERM"])
def test_robust_interrupt_load_leaves_only_whole_graphs(tmp_path, sig):
    shards = tmp_path / "shards"
    shards.mkdir()
    expected = _shards(shards, files=40, graphs=3, per_graph=1500)  # 180k quads, ~1 s of loading per 10 files
    files = sorted(str(p) for p in shards.iterdir())
    store = tmp_path / "store"
    proc = kg_proc("load", *files, "--store", str(store))
    _wait_for(lambda: _loaded_some(store), proc)
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + sig, err  # 130 for SIGINT, 143 for SIGTERM
    assert "interrupted" in err and "Traceback" not in err
    counts = _graph_counts(store)
    assert 0 < len(counts) < len(expected), "the load was not interrupted half-way"
    for g, n in counts.items():
        assert n == expected[g], f"{g} is half-loaded: {n} of {expected[g]} quads"

    proc = kg_proc("load", *files, "--store", str(store))  # the re-run completes, replacing what is there
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert _graph_counts(store) == expected
