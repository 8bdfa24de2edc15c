"""kg.store.base / registry / config: terms, formats, query binding, settings."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.config import load_settings
from kg.errors import InputError
from kg.store import QueryResult, Term, bind_query, open_store, resolve_format
from kg.store.base import XSD
from kg.store.sparql import Endpoints, SparqlStore


@pytest.mark.parametrize(
    "term",
    [
        Term.literal('quote " backslash \\ newline \n tab \t cr \r end'),
        Term.literal("Téhéran — ünïcode 🙂", lang="FR"),
        Term.literal("12", datatype=XSD + "integer"),
        Term.iri("http://www.wikidata.org/entity/Q30"),
    ],
)
def test_store_base_term_n3_parses_back(term: Term) -> None:
    """Term.n3() is strict N-Triples: pyoxigraph reads back the same term."""
    doc = f"<urn:s> <urn:p> {term.n3()} .\n"
    (triple,) = list(ox.parse(doc.encode(), ox.RdfFormat.N_TRIPLES))
    back = triple.object
    assert back.value == term.value
    if term.kind == "literal":
        assert (back.language or None) == (term.lang or None)


def test_store_base_bad_iri_is_escaped_then_rejected() -> None:
    """An IRI with '> }' cannot close the term early: it is escaped and a parser rejects it."""
    n3 = Term.iri("https://example.org/a> } ; DROP ALL ; <x").n3()
    assert n3.count(">") == 1 and " " not in n3 and "}" not in n3
    with pytest.raises(SyntaxError):
        ox.Store().update(f"INSERT DATA {{ <urn:s> <urn:p> {n3} }}")


def test_store_base_term_to_python() -> None:
    assert Term.literal("3", datatype=XSD + "integer").to_python() == 3
    assert Term.literal("0.25", datatype=XSD + "decimal").to_python() == 0.25
    assert Term.literal("true", datatype=XSD + "boolean").to_python() is True
    assert Term.literal("x3", datatype=XSD + "integer").to_python() == "x3"  # ill-typed stays text
    assert Term.literal("a", lang="en").lang == "en"
    assert Term.literal("a").datatype == XSD + "string"


@pytest.mark.parametrize(
    ("fmt", "path", "media"),
    [
        ("ttl", None, "text/turtle"),
        ("application/n-quads", None, "application/n-quads"),
        ("text/turtle; charset=utf-8", None, "text/turtle"),
        (None, Path("x.nt"), "application/n-triples"),
        (None, Path("shard-0001.nq.gz"), "application/n-quads"),
        (None, Path("data.TRIG"), "application/trig"),
        (None, Path("a.jsonld"), "application/ld+json"),
    ],
)
def test_store_base_resolve_format(fmt: str | None, path: Path | None, media: str) -> None:
    assert resolve_format(fmt, path) == media


def test_store_base_resolve_format_unknown() -> None:
    with pytest.raises(InputError) as err:
        resolve_format("xlsx")
    assert err.value.code == "E013" and "ttl" in str(err.value)


@pytest.mark.parametrize(
    ("query", "inside"),
    [
        ("SELECT ?s WHERE { ?s ?p ?o }", True),
        ("PREFIX e: <http://e/#>\n# WHERE { in a comment\nSELECT ?s (\"{\" AS ?b) WHERE { ?s ?p ?o }", True),
        ("CONSTRUCT { ?s ?p [ ?p ?o ] } WHERE { ?s ?p ?o }", True),
        ("ask { ?s ?p '''{ x'''}", True),
        ("CONSTRUCT WHERE { ?s ?p ?o }", False),
        ("DESCRIBE ?o", False),
    ],
)
def test_store_base_bind_query_places_values(query: str, inside: bool) -> None:
    bound = bind_query(query, {"o": Term.literal("v")})
    assert ("VALUES (?o)" in bound) and bound.rstrip().endswith("}")
    assert bound.rstrip().endswith('VALUES (?o) { ("v") }') is (not inside)
    # the result is a valid query for a real engine
    ox.Store().query(bound)


def test_store_base_bind_query_binds_unprojected_variables() -> None:
    s = open_store(memory=True)
    s.replace_graph("urn:g", "<urn:a> <urn:p> <urn:x> .\n<urn:b> <urn:p> <urn:y> .\n")
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <urn:p> ?o } }"
    assert s.query(q).rows[0][0].to_python() == 2
    assert s.query(q, bindings={"o": Term.iri("urn:y")}).rows[0][0].to_python() == 1
    with pytest.raises(ValueError):
        bind_query(q, {"o x": Term.iri("urn:y")})
    s.close()


def test_store_base_query_result_helpers() -> None:
    r = QueryResult(["a", "b"], [(Term.iri("urn:x"), None)])
    assert r.records() == [{"a": "urn:x", "b": None}]
    assert r.column("a") == [Term.iri("urn:x")]
    assert QueryResult.from_boolean(False).boolean is False


def test_store_base_registry_endpoints_and_no_password_leak() -> None:
    assert Endpoints.fuseki("http://h:3030/news/") == Endpoints("http://h:3030/news/query", "http://h:3030/news/update", "http://h:3030/news/data",
                                                                quads=True)
    assert Endpoints.fuseki("http://h:3030/news/sparql").query == "http://h:3030/news/query"
    assert Endpoints.oxigraph("http://h:7878").gsp == "http://h:7878/store"
    assert Endpoints.oxigraph("http://h:7878").quads and not Endpoints("http://h/sparql").quads  # dataset POSTs of N-Quads
    s = open_store(endpoint="http://h:7878", server="oxigraph", gsp_endpoint="http://h:7878/gsp", user="u", password="hunter2")
    assert isinstance(s, SparqlStore)
    # another GSP endpoint than the server's own: not known to take N-Quads for the whole dataset
    assert s.endpoints == Endpoints("http://h:7878/query", "http://h:7878/update", "http://h:7878/gsp", quads=False)
    assert "hunter2" not in repr(s) and "hunter2" not in s.location
    s.close()
    with pytest.raises(ValueError):
        open_store(endpoint="http://h", server="virtuoso-ish")


def test_store_base_settings_precedence(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('[store]\npath = "/from/file"\ntimeout = 12\nuser = "fileuser"\n')
    s = load_settings(path=cfg, environ={})
    assert (s.store_path, s.timeout, s.user) == (Path("/from/file"), 12.0, "fileuser")
    s = load_settings(path=cfg, environ={"KG_STORE": "/from/env", "KG_TIMEOUT": "5"})
    assert (s.store_path, s.timeout) == (Path("/from/env"), 5.0)
    s = load_settings({"store_path": "/from/cli", "timeout": None}, path=cfg, environ={"KG_STORE": "/from/env"})
    assert (s.store_path, s.timeout) == (Path("/from/cli"), 12.0)
    assert set(s.open_kwargs()) <= set(open_store.__kwdefaults__)


def test_store_base_settings_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[store\n")
    with pytest.raises(InputError) as err:
        load_settings(path=bad, environ={})
    assert err.value.code == "E001" and str(bad) in str(err.value)
    with pytest.raises(InputError) as err:
        load_settings(path=tmp_path / "none.toml", environ={"KG_TIMEOUT": "-3"})
    assert err.value.code == "E008"


@pytest.mark.parametrize("module", ["kg.store", "kg.store.base", "kg.store.oxigraph", "kg.store.registry", "kg.store._rdfio"])
def test_store_base_docstring_examples_run(module: str) -> None:
    import doctest
    import importlib

    mod = importlib.import_module(module)
    failed, attempted = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert failed == 0
    if module in ("kg.store", "kg.store.base", "kg.store.oxigraph"):
        assert attempted > 0
