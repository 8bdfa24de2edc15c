"""The direct-edge graphs (kg/store/edges.py) give the same rows as the article graphs, and stay in sync.

Real extraction of the four articles of tests/_queries_fixtures.py into a real embedded store (kg's
``run_into_store``: one ``replace_graph`` per article) and into a real Fuseki (``load_file`` of the same
N-Quads, then replacing reloads).  Each stored query that has a direct-edge form (``queries/edges/``) is run
in both forms on the same store, with and without its parameters (actor, target, type, since, until), and
the rows must be equal: after the first load, after a replacing reload of an article with other text, after
a dropped article graph, and after a load into a store that already holds data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.queries import Catalog, edge_form, query_text, store_actor_resolver
from kg.store import edges
from tests._queries_fixtures import ARTICLES, build_store, nquads, pipeline
from tests.servers import start_fuseki

#: (query, parameters): every form with each of its parameters; the dates cut the three dated articles.
CASES: list[tuple[str, dict[str, str]]] = [
    *((q, p) for q in ("who-accused-whom", "who-criticized-whom", "who-threatened-whom", "who-rejected-whom",
                       "who-praised-whom", "who-appealed-to-whom", "who-supported-whom")
      for p in ({}, {"actor": "Iran"}, {"target": "Q30"}, {"since": "2020-02-01"}, {"until": "2020-02-15"},
                {"since": "2020-01-01", "until": "2020-02-20", "limit": "2"})),
    ("actor-network", {}),
    ("actor-network", {"type": "ACCUSE,CRITICIZE,PRAISE"}),
    ("actor-network", {"actor": "Q30"}),
    ("actor-network", {"target": "Iran", "since": "2020-02-01"}),
    ("actor-network", {"until": "2020-02-15"}),
    ("actor-network", {"since": "2020-01-11", "until": "2020-02-20"}),
]

#: daily-2 reloaded with other statements (same id, so the same graph, replaced).
EDITED = {**ARTICLES[1], "text": "Tanker row\n\nIran accused Israel of attacking tankers in the Gulf. "
                                 "Russia praised Iran for its restraint. The United States criticized Russia."}


def _rows(store, text: str) -> list[tuple]:
    return [tuple(None if t is None else t.n3() for t in r) for r in store.query(text).rows]


def assert_same_rows(store) -> int:
    """Both forms of every case give the same rows on ``store``; returns the number of rows compared."""
    catalog = Catalog()
    resolve = store_actor_resolver(store)
    n = 0
    for name, params in CASES:
        query = catalog.get(name)
        form = edge_form(query)
        assert form is not None and [p.name for p in form.params] == [p.name for p in query.params]
        live = _rows(store, query.bind(params, resolve_actor=resolve))
        fast = _rows(store, form.bind(params, resolve_actor=resolve))
        assert fast == live, (name, params)
        n += len(live)
    return n


def _edge_count(store) -> int:
    return sum(store.count(g) for g in edges.edge_graphs())


@pytest.fixture(scope="module")
def embedded(nlp, tmp_path_factory):
    return build_store(nlp, tmp_path_factory.mktemp("edges"))


def test_store_edges_same_rows_after_run_and_replacing_reload(embedded, nlp, tmp_path):
    store = embedded
    assert edges.edges_ready(store)  # run_into_store wrote into an empty store
    assert assert_same_rows(store) > 20
    before = _edge_count(store)

    from kg.run.jobs import run_into_store

    edited = tmp_path / "edited.jsonl"
    edited.write_text(json.dumps(EDITED) + "\n", encoding="utf-8")
    summary = run_into_store([edited], store, pipeline(nlp), force=True)
    assert summary.graphs == 1
    assert edges.edges_ready(store)
    assert _edge_count(store) != before
    assert assert_same_rows(store) > 20
    # the edited article's accusation is there, the old one (the United States accusing Iran) is gone
    rows = {(r[0].value, r[2].value) for r in store.query(query_text(
        store, Catalog().get("who-accused-whom"), {}, resolve_actor=store_actor_resolver(store))).rows}
    assert ("Iran", "Israel") in rows and ("United States", "Iran") not in rows


def test_store_edges_follow_dropped_graph_and_loads(embedded, tmp_path):
    from kg.store.oxigraph import OxigraphStore

    data = nquads(embedded)
    dump = tmp_path / "all.nq"
    dump.write_bytes(data)
    with OxigraphStore(None) as store:
        store.load_file(dump)  # into an empty store: one pass, then the edges of every graph
        assert edges.edges_ready(store)
        assert _edge_count(store) == _edge_count(embedded)
        assert assert_same_rows(store) > 20
        graph = next(g for g in store.graphs() if g.endswith("daily-3"))
        store.drop_graph(graph)
        assert not [r for r in store.query(
            f"SELECT ?e WHERE {{ GRAPH ?eg {{ ?e <https://w3id.org/kg-news/ontology#edgeGraph> <{graph}> }} }}").rows]
        assert assert_same_rows(store) > 10
        store.load_file(dump, replace=True)  # a load into a store that holds data: the written graphs' edges
        assert _edge_count(store) == _edge_count(embedded)
        assert assert_same_rows(store) > 20


def test_store_edges_cli_load_of_another_kg_stores_dump_keeps_the_other_edges(embedded, nlp, tmp_path):
    """A dump of another kg store holds its edge graphs and marker: ``kg load`` of it into a store with other
    articles must not replace this store's edge graphs (their edges would be lost), nor let its marker
    vouch for edges that are stale."""
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.run.jobs import run_into_store
    from kg.store.oxigraph import OxigraphStore

    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({**EDITED, "id": "other-store-1"}) + "\n", encoding="utf-8")
    with OxigraphStore(None) as small:
        run_into_store([other], small, pipeline(nlp))
        assert edges.edges_ready(small)
        (tmp_path / "other.nq").write_bytes(nquads(small))
    whole = tmp_path / "whole.nq"
    whole.write_bytes(nquads(embedded))
    path = tmp_path / "store"
    with OxigraphStore(path) as store:
        store.load_file(whole)
        accused = {(r[0], r[2]) for r in _rows(store, query_text(store, Catalog().get("who-accused-whom"), {}))}
        assert len(accused) >= 3
        # edges made stale behind kg's back, then the marker comes back with the dump
        store.update("PREFIX kg: <https://w3id.org/kg-news/ontology#> DELETE WHERE { GRAPH ?g { ?s kg:negated ?n } }")
        store.update("PREFIX kg: <https://w3id.org/kg-news/ontology#> INSERT { GRAPH ?g { ?s kg:negated false } } "
                     "WHERE { GRAPH ?g { ?s a kg:Statement } }")
        assert not edges.edges_ready(store)
    res = CliRunner().invoke(app, ["load", str(tmp_path / "other.nq"), "--store", str(path)])
    assert res.exit_code == 0, res.output
    with OxigraphStore(path) as store:
        assert edges.edges_ready(store)
        assert assert_same_rows(store) > 20
        after = {(r[0], r[2]) for r in _rows(store, query_text(store, Catalog().get("who-accused-whom"), {}))}
        assert accused <= after  # the store's own accusations are all still there
        assert ('"Iran"', '"Israel"') in after  # and the dump's article's
        assert store.query(
            "ASK { GRAPH ?eg { ?e <https://w3id.org/kg-news/ontology#edgeGraph> ?g } "
            "FILTER (STRENDS(STR(?g), 'other-store-1')) }").boolean


class _StopAfterDrop:
    """Ctrl-C arriving right after the write of a load whose SPARQL holds ``word`` (just before it: ``<word``) (the real embedded store, interrupted there)."""

    def __init__(self, word: str) -> None:
        self.word = word

    def __call__(self, store, fn, *args, **kwargs):
        hit = bool(args) and isinstance(args[0], str) and self.word.lstrip("<") in args[0]
        if hit and self.word.startswith("<"):  # "<...": just before that write
            raise KeyboardInterrupt
        out = type(store)._write(store, fn, *args, **kwargs)
        if hit:
            raise KeyboardInterrupt
        return out


@pytest.mark.parametrize("word", ["DROP SILENT GRAPH", "<INSERT {"], ids=["after-drop", "after-load-before-sync"])
def test_store_edges_load_interrupted_between_writes_never_reads_stale_edges(embedded, tmp_path, word):
    """kg load into a store with data drops the file's graphs, loads them and derives their edges in separate
    writes: interrupted between them, the marked store answered who-accused-whom from the edges of graphs
    that were gone (after the drop) or replaced (before the sync)."""
    import types

    from kg.store.oxigraph import OxigraphStore

    dump = tmp_path / "all.nq"
    articles = b"".join(ln for ln in nquads(embedded).splitlines(keepends=True)  # as kg extract writes them
                        if b"/id/graph/edges/" not in ln and b"kg-control" not in ln)
    dump.write_bytes(articles.replace(b"statement-type/ACCUSE>", b"statement-type/PRAISE>"))
    whole = tmp_path / "whole.nq"
    whole.write_bytes(nquads(embedded))
    with OxigraphStore(None) as store:
        store.load_file(whole)
        assert edges.edges_ready(store)
        store._write = types.MethodType(_StopAfterDrop(word), store)
        with pytest.raises(KeyboardInterrupt):
            store.load_file(dump, replace=True)
        del store._write
        assert _as_kg_runs_it(store) == _as_stored(store)  # whichever form kg picks, the article graphs' rows
        store.load_file(dump, replace=True)  # the rerun: right rows again
        assert _as_kg_runs_it(store) == _as_stored(store)
        assert not _as_stored(store)  # no ACCUSE left in the edited dump


def _as_kg_runs_it(store) -> list[tuple]:
    return _rows(store, query_text(store, Catalog().get("who-accused-whom"), {}))


def _as_stored(store) -> list[tuple]:
    return _rows(store, Catalog().get("who-accused-whom").bind({}))


def test_store_edges_foreign_update_and_foreign_store_read_article_graphs(embedded):
    import pyoxigraph as ox

    from kg.store.oxigraph import OxigraphStore

    # a store filled by another tool has no marker: the stored queries run as written
    with OxigraphStore(None) as store:
        articles = b"".join(ln for ln in nquads(embedded).splitlines(keepends=True)
                            if b"/id/graph/edges/" not in ln and b"kg-control" not in ln)
        store._store.load(articles, format=ox.RdfFormat.N_QUADS)
        assert not edges.edges_ready(store) and _edge_count(store) == 0
        text = query_text(store, Catalog().get("who-accused-whom"), {})
        assert "edgeSource" not in text
        # the rebuild update (the file users run with kg sparql --update) derives every edge and writes the marker
        path = Path(__file__).resolve().parents[1] / "queries" / "maintenance" / "rebuild-direct-edges.ru"
        store.update(path.read_text(encoding="utf-8"))
        assert edges.edges_ready(store)
        assert "edgeSource" in query_text(store, Catalog().get("who-accused-whom"), {})
        assert assert_same_rows(store) > 20
        # an update through kg that kg cannot follow removes the marker
        store.update("PREFIX kg: <https://w3id.org/kg-news/ontology#> "
                     "DELETE WHERE { GRAPH ?g { ?s kg:negated ?n } }")
        assert not edges.edges_ready(store)


def test_store_edges_rebuild_file_is_the_rebuild_update():
    path = Path(__file__).resolve().parents[1] / "queries" / "maintenance" / "rebuild-direct-edges.ru"
    assert path.read_text(encoding="utf-8").split("\n\n", 1)[1].strip() == edges.rebuild_update().strip()


@pytest.fixture(scope="module")
def fuseki_url(fuseki_jar, tmp_path_factory):
    server = start_fuseki(fuseki_jar, tmp_path_factory.mktemp("fuseki-edges"), ["--mem", "--update", "/edges"],
                          dataset="edges")
    try:
        yield server.dataset_url
    finally:
        server.stop()


def test_store_edges_fuseki_load_and_replacing_reload(fuseki_url, embedded, nlp, tmp_path):
    from kg.run.jobs import run_into_store
    from kg.store.sparql import Endpoints, SparqlStore

    dump = tmp_path / "all.nq"
    dump.write_bytes(nquads(embedded))
    with SparqlStore(Endpoints.fuseki(fuseki_url)) as store:
        store.load_file(dump)
        assert edges.edges_ready(store)
        assert _edge_count(store) == _edge_count(embedded)
        assert assert_same_rows(store) > 20
        edited = tmp_path / "edited.jsonl"
        other = {**EDITED, "text": "Tanker row\n\nIsrael criticized Iran. Iran threatened Israel with retaliation."}
        edited.write_text(json.dumps(other) + "\n", encoding="utf-8")
        assert run_into_store([edited], store, pipeline(nlp), force=True).graphs == 1
        assert edges.edges_ready(store)
        assert assert_same_rows(store) > 20
        graph = next(g for g in store.graphs() if g.endswith("wire-1"))
        store.drop_graph(graph)
        assert assert_same_rows(store) > 10
        # a dump of another kg store (its edge graphs and kg-control in it) replaces no edges of this one's
        from kg.store.oxigraph import OxigraphStore

        accused = {(r[0], r[2]) for r in _rows(store, query_text(store, Catalog().get("who-accused-whom"), {}))}
        other = tmp_path / "other.jsonl"
        other.write_text(json.dumps({**EDITED, "id": "other-store-2"}) + "\n", encoding="utf-8")
        with OxigraphStore(None) as small:
            run_into_store([other], small, pipeline(nlp))
            (tmp_path / "other.nq").write_bytes(nquads(small))
        store.load_file(tmp_path / "other.nq", replace=True)
        assert edges.edges_ready(store)
        assert assert_same_rows(store) > 10
        after = {(r[0], r[2]) for r in _rows(store, query_text(store, Catalog().get("who-accused-whom"), {}))}
        assert accused <= after and ('"Iran"', '"Israel"') in after


def test_store_edges_fuseki_load_interrupted_before_the_sync_never_reads_stale_edges(fuseki_url, embedded, tmp_path):
    """The remote form of the embedded test above: a kg load into a marked Fuseki dataset, stopped after its
    graphs' PUTs and before the edges' sync, left the marker up, so who-accused-whom answered from the edges
    of the graphs the file had just replaced."""
    from kg.store.sparql import Endpoints, SparqlStore

    whole = tmp_path / "whole.nq"
    whole.write_bytes(nquads(embedded))
    articles = b"".join(ln for ln in nquads(embedded).splitlines(keepends=True)
                        if b"/id/graph/edges/" not in ln and b"kg-control" not in ln)
    dump = tmp_path / "praise.nq"
    dump.write_bytes(articles.replace(b"statement-type/ACCUSE>", b"statement-type/PRAISE>"))

    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    with SparqlStore(Endpoints.fuseki(fuseki_url)) as store:
        for graph in store.graphs():  # the module's dataset, emptied: this test's graphs only
            store.drop_graph(graph)
        store.load_file(whole, replace=True)
        assert edges.edges_ready(store) and _as_stored(store)
        store._sync_written = stop
        with pytest.raises(KeyboardInterrupt):
            store.load_file(dump, replace=True)
        del store._sync_written
        assert not edges.edges_ready(store)
        assert _as_kg_runs_it(store) == _as_stored(store) == []  # the file left no ACCUSE
        store.load_file(dump, replace=True)  # the rerun
        assert _as_kg_runs_it(store) == _as_stored(store) == []
