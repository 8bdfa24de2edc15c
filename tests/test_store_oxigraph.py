"""Embedded pyoxigraph store: real on-disk stores in temp folders."""

from __future__ import annotations

import gzip
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kg.errors import InputError, QueryError, RdfSyntaxError, StoreLockedError
from kg.store import Term, open_store
from kg.store import oxigraph as oxmod
from kg.store.oxigraph import OxigraphStore, default_store_path

REPO = Path(__file__).resolve().parents[1]
G1 = "https://example.org/kg/article/a1"
G2 = "https://example.org/kg/article/a2"
NT = (
    '<https://example.org/s> <https://example.org/p> "quote \\" and \\\\ and\\nnewline" .\n'
    '<https://example.org/s> <https://example.org/n> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    '<https://example.org/s> <https://example.org/l> "Téhéran"@fr .\n'
).encode()


def _nquads(n_graphs: int, per_graph: int) -> str:
    return "".join(
        f'<https://example.org/s{i}> <https://example.org/p> "v{i}-{j}" <https://example.org/g{j}> .\n'
        for j in range(n_graphs)
        for i in range(per_graph)
    )


def test_store_oxigraph_replace_graph_is_idempotent(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "st") as s:
        s.replace_graph(G1, NT)
        s.replace_graph(G2, NT)
        before = s.count()
        s.replace_graph(G1, NT)
        assert s.count() == before == 6
        assert s.count(G1) == 3
        # replacing with different data replaces, not merges
        s.replace_graph(G1, b'<https://example.org/x> <https://example.org/p> "only" .\n')
        assert s.count(G1) == 1
        assert s.graphs() == [G1, G2]


def test_store_oxigraph_data_survives_close_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "st"
    with OxigraphStore(path) as s:
        s.replace_graph(G1, NT)
    with OxigraphStore(path) as s:  # the lock was released by close()
        assert s.count(G1) == 3


def test_store_oxigraph_drop_graph_and_missing_graph(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "st") as s:
        s.replace_graph(G1, NT)
        s.replace_graph(G2, NT)
        s.drop_graph(G1)
        s.drop_graph("https://example.org/never-loaded")  # no error
        assert s.graphs() == [G2]
        assert s.count() == 3


def test_store_oxigraph_query_terms_and_kinds(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "st") as s:
        s.replace_graph(G1, NT)
        res = s.query("SELECT ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?p")
        assert res.kind == "bindings" and res.columns == ["p", "o"]
        by_p = {r[0].value.rsplit("/", 1)[1]: r[1] for r in res.rows}
        assert by_p["p"].value == 'quote " and \\ and\nnewline'
        assert by_p["n"].to_python() == 3
        assert (by_p["l"].lang, by_p["l"].value) == ("fr", "Téhéran")
        ask = s.query("ASK { GRAPH ?g { ?s <https://example.org/n> 3 } }")
        assert ask.kind == "boolean" and ask.boolean is True
        graph = s.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
        assert graph.kind == "graph" and len(graph) == 3
        # the default graph is not the union of named graphs
        assert s.query("ASK { ?s ?p ?o }").boolean is False


def test_store_oxigraph_unbound_values_are_none(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "st") as s:
        s.replace_graph(G1, NT)
        res = s.query("SELECT ?s ?missing WHERE { GRAPH ?g { ?s <https://example.org/n> ?o } OPTIONAL { ?s <urn:none> ?missing } }")
        assert res.rows == [(Term.iri("https://example.org/s"), None)]


def test_store_oxigraph_bindings_are_terms_not_text(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "st") as s:
        s.replace_graph(G1, NT)
        evil = Term.literal('x" } } ; DROP ALL ; SELECT * { "')
        assert s.query("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", bindings={"o": evil}).rows == []
        assert s.count() == 3
        hit = s.query("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", bindings={"o": Term.literal("Téhéran", lang="fr")})
        assert [r[0].value for r in hit.rows] == ["https://example.org/s"]


def test_store_oxigraph_update_and_query_error(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "st") as s:
        s.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <urn:a> <urn:b> "c" }} }}')
        assert s.count(G1) == 1
        with pytest.raises(QueryError) as err:
            s.query("SELEC ?x")
        assert err.value.code == "E024"
        with pytest.raises(QueryError):
            s.update("INSERT DATA { nonsense")


def test_store_oxigraph_load_nquads_keeps_graphs(tmp_path: Path) -> None:
    f = tmp_path / "shard.nq"
    f.write_text(_nquads(3, 4))
    with OxigraphStore(tmp_path / "st") as s:
        assert s.load_file(f) == 12
        assert s.graphs() == [f"https://example.org/g{j}" for j in range(3)]
        assert s.count("https://example.org/g1") == 4
        assert s.load_file(f) == 12  # same quads again: a set, nothing added
        assert s.count() == 12


def test_store_oxigraph_load_turtle_into_graph_and_replace(tmp_path: Path) -> None:
    ttl = tmp_path / "doc.ttl"
    ttl.write_text("@prefix e: <https://example.org/> .\ne:a e:b e:c , e:d .\n")
    with OxigraphStore(tmp_path / "st") as s:
        s.replace_graph(G1, NT)
        assert s.load_file(ttl, graph_iri=G1, replace=True) == 2
        assert s.count(G1) == 2  # the old 3 triples were dropped
        assert s.load_file(ttl) == 2  # no graph: the default graph
        assert s.count() == 4


def test_store_oxigraph_load_gzip_and_bulk_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gz = tmp_path / "shard.nq.gz"
    with gzip.open(gz, "wt") as fh:
        fh.write(_nquads(2, 5))
    monkeypatch.setattr(oxmod, "BULK_THRESHOLD", 0)  # force Store.bulk_load
    plain = tmp_path / "b.nq"
    plain.write_text(_nquads(4, 3))
    with OxigraphStore(tmp_path / "st") as s:
        assert s.load_file(gz) == 10
        assert s.load_file(plain) == 12
        assert s.count("https://example.org/g3") == 3
        assert s.count("https://example.org/g0") == 5  # the 3 quads of b.nq in g0 were already there


@pytest.mark.parametrize("bulk", [False, True], ids=["transactional", "bulk"])
def test_store_oxigraph_syntax_error_loads_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk: bool) -> None:
    if bulk:
        monkeypatch.setattr(oxmod, "BULK_THRESHOLD", 0)
    good = _nquads(2, 500)
    bad = tmp_path / "bad.nq"
    bad.write_text(good + '<https://example.org/x> <https://example.org/p> "unterminated .\n' + good)
    with OxigraphStore(tmp_path / "st") as s:
        with pytest.raises(RdfSyntaxError) as err:
            s.load_file(bad)
        assert err.value.code == "E012"
        assert err.value.fields["line"] == 1001
        assert isinstance(err.value.fields["column"], int)
        assert str(bad) in str(err.value) and "line 1001" in str(err.value)
        assert s.count() == 0


def test_store_oxigraph_replace_graph_with_bad_data_keeps_old_graph(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "st") as s:
        s.replace_graph(G1, NT)
        with pytest.raises(RdfSyntaxError):
            s.replace_graph(G1, b"<https://example.org/a> <https://example.org/b> .\n")
        assert s.count(G1) == 3


def test_store_oxigraph_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "st") as s:
        with pytest.raises(InputError) as err:
            s.load_file(tmp_path / "nope.nt")
        assert err.value.code == "E007"
        odd = tmp_path / "data.xyz"
        odd.write_text("x")
        with pytest.raises(InputError) as err:
            s.load_file(odd)
        assert err.value.code == "E013"


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from kg.store.oxigraph import OxigraphStore
    s = OxigraphStore(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    s.close()
    """
)


def test_store_oxigraph_locked_by_other_process(tmp_path: Path) -> None:
    path = tmp_path / "st"
    with OxigraphStore(path) as s:
        s.replace_graph(G1, NT)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)], cwd=REPO,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLockedError) as err:
            OxigraphStore(path)
        assert err.value.code == "E010"
        assert str(path) in str(err.value)
        # a read-only instance can still read it
        with OxigraphStore(path, read_only=True) as ro:
            assert ro.count(G1) == 3
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    # released: opens again
    with OxigraphStore(path) as s:
        assert s.count() == 3


def test_store_oxigraph_read_only_missing_store(tmp_path: Path) -> None:
    from kg.errors import StoreError

    with pytest.raises(StoreError) as err:
        OxigraphStore(tmp_path / "never-created", read_only=True)
    assert err.value.code == "E011" and "no store there yet" in str(err.value)
    assert not (tmp_path / "never-created").exists()


def test_store_oxigraph_default_path_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STORE", str(tmp_path / "envstore"))
    assert default_store_path() == tmp_path / "envstore"
    with open_store() as s:
        s.replace_graph(G1, NT)
    assert (tmp_path / "envstore").is_dir()
    monkeypatch.delenv("KG_STORE")
    assert default_store_path().parts[-2:] == ("kg", "store")


def test_store_oxigraph_import_pulls_no_http_nor_spacy() -> None:
    code = (
        "import sys, kg.store, kg.store.oxigraph, kg.store.registry\n"
        "from kg.store import open_store\n"
        "s = open_store(memory=True); s.close()\n"
        "bad = [m for m in ('spacy', 'requests', 'SPARQLWrapper', 'urllib3', 'http.client') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_store_oxigraph_bulk_load_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """200k quads through the validated bulk path in bounded time."""
    monkeypatch.setattr(oxmod, "BULK_THRESHOLD", 0)
    f = tmp_path / "big.nq"
    f.write_text(_nquads(100, 2000))
    with OxigraphStore(tmp_path / "st") as s:
        t0 = time.perf_counter()
        assert s.load_file(f) == 200_000
        elapsed = time.perf_counter() - t0
        assert s.count() == 200_000
    assert elapsed < 30, elapsed


@pytest.mark.parametrize("empty", [True, False], ids=["into-empty-store", "into-a-store-with-data"])
def test_store_oxigraph_bulk_syntax_error_keeps_the_store_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   empty: bool) -> None:
    """A file loads in one pass into an empty store (the loader checks the syntax while loading) and
    after a validating pass into a store with data; a bad file leaves either store exactly as it was."""
    monkeypatch.setattr(oxmod, "BULK_THRESHOLD", 0)
    good = _nquads(3, 400)
    bad = tmp_path / "bad.nq"
    bad.write_text(good + "<https://example.org/x> <https://example.org/p> <unterminated .\n")
    ok = tmp_path / "ok.nq"
    ok.write_text(_nquads(2, 7).replace("example.org/g", "example.org/old"))
    with OxigraphStore(tmp_path / "st") as s:
        if not empty:
            assert s.load_file(ok) == 14
        with pytest.raises(RdfSyntaxError) as err:
            s.load_file(bad)
        assert err.value.fields["line"] == 1201
        assert s.count() == (0 if empty else 14)
        assert s.graphs() == ([] if empty else ["https://example.org/old0", "https://example.org/old1"])
        good_file = tmp_path / "good.nq"
        good_file.write_text(good)
        assert s.load_file(good_file, replace=True) == 1200
        assert s.count() == 1200 + (0 if empty else 14)
