"""Query parameters that try to inject SPARQL are bound as terms, never run as
query text: for every stored query and every parameter kind, on a real
embedded store on disk, the store is unchanged (same quads) afterwards.
Plus a bounded fuzz of StoredQuery.bind: kg's own errors only, and the
bound SPARQL always parses."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import QueryError
from kg.queries import Catalog, run_stored, store_actor_resolver
from kg.rdf.build import build_dataset
from kg.rdf.serialize import serialize_graph
from kg.store.oxigraph import OxigraphStore
from tests._rdf_fixtures import RUN, results

#: values that would change a query pasted as text
INJECTIONS = [
    '" } ; DROP ALL ; #',
    "' } ; CLEAR ALL ; #",
    '"""\n} ; DROP ALL ; INSERT DATA { <urn:x> <urn:y> <urn:z> } #',
    "x\" . } } DELETE WHERE { GRAPH ?g { ?s ?p ?o } } #",
    "\\\" } ; DROP ALL ; #",
    "https://w3id.org/kg-news/id/actor/x> } ; DROP ALL ; #",
    "http://e.org/a>\n} ; DROP ALL ; <x",
    "urn:x\u0000> } ; DROP ALL",
    "Q30 } ; DROP ALL",
    "Q30\n; DROP ALL",
    "2016-10-11\"^^<x> } ; DROP ALL ; #",
    "1 } ; DROP ALL ; #",
    "5\nDROP ALL",
    "ACCUSE> } ; DROP ALL ; #",
    "ACCUSE,PRAISE } DROP ALL",
    "\u0000",
    "}}}}}}}}",
    "#",
    "",
]

#: a value of each parameter kind that must be accepted (so every kind is exercised on a real query)
VALID = {"string": "Press TV", "actor": "Dehqan", "type": "ACCUSE", "date": "2016-10-11", "integer": "5",
         "iri": "https://w3id.org/kg-news/id/article/dehqan-1"}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("inject") / "store"
    with OxigraphStore(path) as st_:
        st_.load_file(_nq(path.parent))
    return path


def _nq(folder):
    f = folder / "fixture.nq"
    f.write_bytes(serialize_graph(build_dataset(results(), RUN), "nquads"))
    return f


def _snapshot(store) -> tuple[int, frozenset]:
    res = store.query("SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }")
    return store.count(), frozenset(tuple(t.n3() if t else "" for t in row) for row in res.rows)


def test_robust_queries_injection_every_query_every_kind(store_path):
    catalog = Catalog()
    queries = catalog.list()
    kinds_seen: set[str] = set()
    outcomes = {"bound and run": 0, "rejected E022": 0}
    with OxigraphStore(store_path) as store:
        before = _snapshot(store)
        assert before[0] > 100
        resolver = store_actor_resolver(store)
        for q in queries:
            for p in q.params:
                kinds_seen.add(p.kind)
                run_stored(store, q.name, {p.name: VALID[p.kind]}, catalog=catalog, resolve_actor=resolver)
                for value in INJECTIONS:
                    for resolve in (resolver, None):  # the store's forgiving resolver, and none (slug IRIs)
                        try:
                            text = q.bind({p.name: value}, resolve_actor=resolve)
                        except QueryError as err:
                            assert err.code == "E022" and p.name in str(err), err
                            outcomes["rejected E022"] += 1
                            continue
                        store.query(text)  # parses and runs: the value is one term
                        outcomes["bound and run"] += 1
        assert _snapshot(store) == before
    assert kinds_seen == set(VALID)
    assert outcomes["bound and run"] > 500 and outcomes["rejected E022"] > 100, outcomes


def test_robust_queries_injection_through_cli(store_path):
    """`kg query -p` on the real store: injected values change nothing."""
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    with OxigraphStore(store_path, read_only=True) as store:
        before = _snapshot(store)
    for name, param in [("statements-about", "target"), ("statements-from-publisher", "publisher"),
                        ("statements-with-evidence", "article"), ("statements-by-actor", "type"),
                        ("statements-in-period", "since"), ("who-accused-whom", "limit")]:
        for value in INJECTIONS[:8]:
            res = runner.invoke(app, ["query", name, "-p", f"{param}={value}", "--store", str(store_path), "-f", "json"])
            assert res.exit_code in (0, 2), res.output  # a value that does not fit is a usage error
            if res.exit_code == 2:
                assert "E022" in res.output and "Traceback" not in res.output, res.output
    with OxigraphStore(store_path, read_only=True) as store:
        assert _snapshot(store) == before


# --------------------------------------------------------------------------- fuzzing the binder

_char = st.characters(exclude_categories=()) | st.sampled_from(
    ['"', "'", "\\", "\n", "\r", "\x00", ">", "<", "{", "}", "#", "%", "^", ":", "/", "?", "Q", "-", ".", ",", "\ud800"])
_values = st.one_of(
    st.text(alphabet=_char, max_size=40),
    st.lists(_char, max_size=20).map("".join),
    st.builds(lambda a, b: f"{a}:{b}", st.sampled_from(["http", "https", "urn", "a", "Q1"]), st.text(alphabet=_char, max_size=20)),
    st.integers(-10**6, 10**6).map(str),
    st.dates().map(str),
    st.sampled_from(INJECTIONS),
)
_CATALOG = Catalog().list()
_PARAMS = [(q, p) for q in _CATALOG for p in q.params]
_EMPTY = ox.Store()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, len(_PARAMS) - 1), value=_values, resolved=st.none() | st.lists(_values, max_size=3))
def test_robust_queries_fuzz_bind_gives_parsable_sparql_or_e022(which, value, resolved):
    q, p = _PARAMS[which]
    resolve = None if resolved is None else (lambda _v: resolved)
    try:
        text = q.bind({p.name: value}, resolve_actor=resolve)
    except QueryError as err:
        assert err.code == "E022" and "\n" not in str(err)
        return
    _EMPTY.query(text)  # raises SyntaxError if the bound query does not parse
    assert len(_EMPTY) == 0


def test_robust_queries_fuzz_covers_every_parameter():
    assert {p.kind for _, p in _PARAMS} == set(VALID)
    assert len(_PARAMS) >= 90
