"""The same behaviour on every backend: embedded pyoxigraph, Fuseki (in-memory
and TDB2) and Oxigraph server -- all real, the servers on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import RdfSyntaxError
from kg.store import Store, Term, open_store
from kg.store.sparql import Endpoints, SparqlStore
from tests.servers import (  # noqa: F401  (fixtures)
    ServerProcess,
    fuseki_jar,
    fuseki_server,
    fuseki_tdb2_server,
    oxigraph_server,
)

G1 = "https://example.org/kg/article/a1"
G2 = "https://example.org/kg/article/a2"
EX = "https://example.org/"
ARTICLE = (
    f'<{EX}st1> <{EX}actor> <http://www.wikidata.org/entity/Q30> .\n'
    f'<{EX}st1> <{EX}target> <http://www.wikidata.org/entity/Q794> .\n'
    f'<{EX}st1> <{EX}quote> "He said: \\"no\\" \\\\ done\\nnext line" .\n'
    f'<{EX}st1> <{EX}confidence> "0.75"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
    f'<{EX}st1> <{EX}label> "Teherán"@es .\n'
).encode()
ARTICLE2 = ARTICLE.replace(b"st1", b"st2").replace(b"Q30", b"Q43")

BACKENDS = ["embedded", "fuseki", "fuseki_tdb2", "oxigraph_server"]


def _clear(store: Store) -> None:
    store.update("DROP ALL")
    assert store.count() == 0


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    kind = request.param
    if kind == "embedded":
        s: Store = open_store(store_path=tmp_path / "store")
    elif kind == "fuseki":
        server: ServerProcess = request.getfixturevalue("fuseki_server")
        s = open_store(endpoint=server.dataset_url, timeout=30)
    elif kind == "fuseki_tdb2":
        server = request.getfixturevalue("fuseki_tdb2_server")
        s = open_store(endpoint=server.dataset_url, timeout=30)
    else:
        server = request.getfixturevalue("oxigraph_server")
        s = open_store(endpoint=server.url, server="oxigraph", timeout=30)
    _clear(s)
    yield s
    if kind != "embedded":
        _clear(s)
    s.close()


def _rows(store: Store, q: str) -> list[tuple[object, ...]]:
    return [tuple(t.to_python() if t else None for t in r) for r in store.query(q).rows]


@pytest.mark.server
def test_store_backends_replace_graph_is_idempotent(store: Store) -> None:
    store.replace_graph(G1, ARTICLE)
    store.replace_graph(G2, ARTICLE2)
    assert store.count() == 10
    store.replace_graph(G1, ARTICLE)
    store.replace_graph(G1, ARTICLE)
    assert store.count() == 10
    assert store.count(G1) == 5
    store.replace_graph(G1, f'<{EX}x> <{EX}p> "only" .\n')
    assert store.count(G1) == 1
    assert store.graphs() == [G1, G2]


@pytest.mark.server
def test_store_backends_turtle_replace(store: Store) -> None:
    store.replace_graph(G1, f"@prefix e: <{EX}> .\ne:a e:b e:c , e:d .\n", fmt="text/turtle")
    assert store.count(G1) == 2


@pytest.mark.server
def test_store_backends_drop_graph(store: Store) -> None:
    store.replace_graph(G1, ARTICLE)
    store.replace_graph(G2, ARTICLE2)
    store.drop_graph(G1)
    store.drop_graph(EX + "never-there")
    assert store.graphs() == [G2]
    assert store.count() == 5
    assert store.count(G1) == 0


@pytest.mark.server
def test_store_backends_query_values_round_trip(store: Store) -> None:
    store.replace_graph(G1, ARTICLE)
    res = store.query(f"SELECT ?p ?o WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }} ORDER BY ?p")
    assert res.columns == ["p", "o"]
    values = {p.value[len(EX):]: o for p, o in res.rows}
    assert values["quote"].value == 'He said: "no" \\ done\nnext line'
    assert values["actor"] == Term.iri("http://www.wikidata.org/entity/Q30")
    assert values["confidence"].to_python() == 0.75
    assert (values["label"].value, values["label"].lang) == ("Teherán", "es")
    assert store.query(f"ASK {{ GRAPH <{G1}> {{ ?s <{EX}target> ?t }} }}").boolean is True
    assert store.query("ASK { ?s ?p ?o }").boolean is False  # default graph is not the union
    built = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
    assert built.kind == "graph" and len(built) == 5


@pytest.mark.server
def test_store_backends_same_answer_with_bindings(store: Store) -> None:
    store.replace_graph(G1, ARTICLE)
    store.replace_graph(G2, ARTICLE2)
    q = f"SELECT ?st (COUNT(?t) AS ?n) WHERE {{ GRAPH ?g {{ ?st <{EX}actor> ?a ; <{EX}target> ?t }} }} GROUP BY ?st ORDER BY ?st"
    assert _rows(store, q) == [(EX + "st1", 1), (EX + "st2", 1)]
    bound = store.query(q, bindings={"a": Term.iri("http://www.wikidata.org/entity/Q43")})
    assert [r[0].value for r in bound.rows] == [EX + "st2"]
    evil = Term.literal('"} } ; DROP ALL ; #')
    assert store.query(q, bindings={"a": evil}).rows == []
    assert store.count() == 10


@pytest.mark.server
def test_store_backends_update(store: Store) -> None:
    store.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <{EX}a> <{EX}b> "c" , "d" }} }}')
    assert store.count(G1) == 2
    store.update(f'DELETE DATA {{ GRAPH <{G1}> {{ <{EX}a> <{EX}b> "c" }} }}')
    assert store.count(G1) == 1


@pytest.mark.server
def test_store_backends_load_file_nquads(store: Store, tmp_path: Path) -> None:
    f = tmp_path / "shard.nq"
    f.write_text(
        "".join(f'<{EX}s{i}> <{EX}p> "{i}" <{EX}g{i % 3}> .\n' for i in range(30))
        + f'<{EX}d> <{EX}p> "in default" .\n'
    )
    assert store.load_file(f) == 31
    assert store.graphs() == [f"{EX}g0", f"{EX}g1", f"{EX}g2"]
    assert store.count(f"{EX}g1") == 10
    assert store.count() == 31
    bad = tmp_path / "bad.nq"
    bad.write_text(f'<{EX}x> <{EX}p> "1" <{EX}g9> .\n<{EX}x> <{EX}p> "2" <{EX}g9 .\n')
    with pytest.raises(RdfSyntaxError) as err:
        store.load_file(bad)
    assert err.value.fields["line"] == 2
    assert store.count(f"{EX}g9") == 0


@pytest.mark.server
def test_store_backends_chunked_remote_load(fuseki_server: ServerProcess, tmp_path: Path) -> None:
    """Many small requests (chunk_size=7) give the same dataset as one load."""
    f = tmp_path / "many.nq"
    f.write_text("".join(f'<{EX}s{i}> <{EX}p> "{i}" <{EX}g{i % 4}> .\n' for i in range(101)))
    with SparqlStore(Endpoints.fuseki(fuseki_server.dataset_url), chunk_size=7) as s:
        _clear(s)
        assert s.load_file(f) == 101
        assert s.count() == 101
        assert [s.count(f"{EX}g{j}") for j in range(4)] == [26, 25, 25, 25]
        # replace=True: each graph is replaced by the file's content
        s.update(f'INSERT DATA {{ GRAPH <{EX}g0> {{ <{EX}old> <{EX}p> "stale" }} }}')
        assert s.load_file(f, replace=True) == 101
        assert s.count(f"{EX}g0") == 26
        _clear(s)


@pytest.mark.server
def test_store_backends_generic_server_without_gsp(oxigraph_server: ServerProcess) -> None:
    """Without a GSP endpoint, graphs are written with SPARQL Update."""
    eps = Endpoints(f"{oxigraph_server.url}/query", f"{oxigraph_server.url}/update", None)
    with SparqlStore(eps) as s:
        _clear(s)
        s.replace_graph(G1, ARTICLE)
        s.replace_graph(G1, ARTICLE)
        s.replace_graph(G2, f"@prefix e: <{EX}> . e:a e:b e:c .", fmt="ttl")
        assert (s.count(G1), s.count(G2)) == (5, 1)
        _clear(s)


@pytest.mark.server
def test_store_backends_fuseki_tdb2_persists_across_restart(fuseki_jar: Path, tmp_path: Path) -> None:
    from tests.servers import start_fuseki

    work = tmp_path / "fz"
    (work / "db").mkdir(parents=True)
    args = ["--update", "--tdb2", f"--loc={work / 'db'}", "/tdb"]
    server = start_fuseki(fuseki_jar, work, args, dataset="tdb")
    try:
        with open_store(endpoint=server.dataset_url) as s:
            s.replace_graph(G1, ARTICLE)
    finally:
        server.stop()
    server = start_fuseki(fuseki_jar, work, args, dataset="tdb")
    try:
        with open_store(endpoint=server.dataset_url) as s:
            assert s.count(G1) == 5
    finally:
        server.stop()
