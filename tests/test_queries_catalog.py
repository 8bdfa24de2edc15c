"""kg.queries: header parsing, parameter binding as RDF terms, injection safety, actor matching."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import QueryError
from kg.queries import KINDS, QUERIES_DIR, Catalog, match_actor_names, parse_query_file
from kg.rdf.build import build_dataset
from kg.rdf.serialize import serialize_graph
from tests._rdf_fixtures import RUN, results

EXPECTED = {
    "who-accused-whom", "who-criticized-whom", "who-praised-whom", "who-appealed-to-whom",
    "statements-by-actor", "statements-about", "actor-network", "statements-with-evidence",
    "derive-direct-edges", "mutual-accusations", "top-actors",
    "who-threatened-whom", "who-rejected-whom", "who-supported-whom", "actor-timeline", "top-speakers",
    "top-targets", "statements-in-period", "statements-from-publisher", "publishers", "actors-by-country",
    "plover-categories", "statements-by-type", "actors-by-kind", "corpus-summary",
}


def _store() -> ox.Store:
    store = ox.Store()
    store.load(serialize_graph(build_dataset(results(), RUN), "nquads"), format=ox.RdfFormat.N_QUADS)
    return store


def test_queries_catalog_lists_every_query_with_help():
    queries = Catalog().list()
    assert {q.name for q in queries} >= EXPECTED
    for q in queries:
        assert q.title and q.description and q.example.startswith(f"kg query {q.name}"), q.name
        assert q.path.parent == QUERIES_DIR
        for p in q.params:
            assert p.kind in KINDS and p.help


def test_queries_catalog_raw_files_parse_as_sparql():
    """Placeholders are comments, so the raw file runs; raw and bound (defaults) give the
    query's form with the same columns, and on an empty store no rows (or zero counts)."""
    store = ox.Store()
    forms = set()
    for q in Catalog().list():
        raw, bound = store.query(q.text), store.query(q.bind({}))
        forms.add(q.form)
        if q.form == "SELECT":
            assert isinstance(raw, ox.QuerySolutions) and isinstance(bound, ox.QuerySolutions), q.name
            columns = [v.value for v in raw.variables]
            assert columns and columns == [v.value for v in bound.variables], q.name
            for rows in (list(raw), list(bound)):  # nothing, or one row of zero counts (aggregates)
                assert len(rows) <= 1 and all(t is None or t.value == "0" for r in rows for t in r), q.name
        elif q.form == "CONSTRUCT":
            assert isinstance(raw, ox.QueryTriples) and isinstance(bound, ox.QueryTriples), q.name
            assert list(raw) == [] and list(bound) == [], q.name
        else:
            raise AssertionError(f"{q.name}: unexpected form {q.form}")
    assert forms == {"SELECT", "CONSTRUCT"}


def test_queries_catalog_unknown_query_is_e020():
    with pytest.raises(QueryError) as err:
        Catalog().get("who-blamed-whom")
    assert err.value.code == "E020"


@pytest.mark.parametrize(("typed", "hint"), [
    ("who-acused-whom", "who-accused-whom"),        # a letter left out
    ("Who-Praised-Whom", "who-praised-whom"),       # capitals
    ("statement-by-actor.rq", "statements-by-actor"),
    ("zzz", None),                                  # nothing close: no guess
])
def test_queries_catalog_unknown_query_suggests_the_closest_name(typed, hint):
    with pytest.raises(QueryError) as err:
        Catalog().get(typed)
    assert err.value.code == "E020" and "kg query --list" in str(err.value)
    if hint:
        assert f"Did you mean {hint!r}?" in str(err.value), str(err.value)
    else:
        assert "Did you mean" not in str(err.value)


def test_queries_catalog_user_dir_overrides(tmp_path):
    (tmp_path / "who-praised-whom.rq").write_text("# title: Mine\n# description: d\nSELECT * WHERE { ?s ?p ?o }\n")
    cat = Catalog([QUERIES_DIR, tmp_path])
    assert cat.get("who-praised-whom").title == "Mine"
    assert cat.get("who-accused-whom.rq").path.parent == QUERIES_DIR


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("# description: d\n", "title"),
        ("# title: t\n", "description"),
        ("# title: t\n# description: d\n# colour: red\n", "unknown header field"),
        ("# title: t\n# description: d\n# param: x | colour | | h\n#@values x\n", "unknown kind"),
        ("# title: t\n# description: d\n# param: x | string | h\n#@values x\n", "name | kind"),
        ("# title: t\n# description: d\n# param: x | integer | ten | h\n#@limit x\n", "does not fit"),
        ("# title: t\n# description: d\n# param: x | string | | h\n", "without a"),
        ("# title: t\n# description: d\n#@values y\n", "undeclared"),
        ("# title: t\n# description: d\n# param: x | string | | h\n# param: x | string | | h\n#@values x\n", "twice"),
    ],
)
def test_queries_catalog_bad_header_is_e023(tmp_path, header, reason):
    path = tmp_path / "bad.rq"
    path.write_text(header + "SELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(QueryError) as err:
        parse_query_file(path)
    assert err.value.code == "E023" and str(path) in str(err.value) and reason in str(err.value)


def test_queries_bind_unknown_param_is_e021():
    with pytest.raises(QueryError) as err:
        Catalog().get("who-accused-whom").bind({"colour": "red"})
    assert err.value.code == "E021" and "actor" in str(err.value)


@pytest.mark.parametrize(
    ("query", "param", "value"),
    [
        ("who-accused-whom", "limit", "ten"),
        ("who-accused-whom", "limit", "1; DROP ALL"),
        ("statements-by-actor", "since", "2016-13-01"),
        ("statements-by-actor", "type", "BLAME"),
        ("statements-with-evidence", "article", "not an iri"),
        ("statements-with-evidence", "article", "http://x.org/a> } DROP ALL {"),
    ],
)
def test_queries_bind_bad_value_is_e022(query, param, value):
    with pytest.raises(QueryError) as err:
        Catalog().get(query).bind({param: value})
    assert err.value.code == "E022" and param in str(err.value)


def test_queries_bind_values_as_terms():
    q = Catalog().get("statements-by-actor")
    text = q.bind({"actor": "Q30", "type": "accuse, criticize", "since": "2016-10-12", "limit": "5"})
    assert "VALUES ?a { <https://w3id.org/kg-news/id/actor/wd-Q30> }" in text
    assert ("VALUES ?st { <https://w3id.org/kg-news/statement-type/ACCUSE> "
            "<https://w3id.org/kg-news/statement-type/CRITICIZE> }") in text
    assert 'VALUES ?since { "2016-10-12"^^<http://www.w3.org/2001/XMLSchema#date> }' in text
    assert "\nLIMIT 5\n" in text
    assert "#@values target ?want_target" in text  # unset optional param stays a comment


def test_queries_bind_uses_resolver():
    q = Catalog().get("who-accused-whom")
    seen = []
    text = q.bind({"actor": "dehqan"}, resolve_actor=lambda v: seen.append(v) or ["https://w3id.org/kg-news/id/actor/x", "https://w3id.org/kg-news/id/actor/y"])
    assert seen == ["dehqan"]
    assert "VALUES ?a { <https://w3id.org/kg-news/id/actor/x> <https://w3id.org/kg-news/id/actor/y> }" in text
    # a resolver that finds nothing gives an empty VALUES: no rows, not all rows
    assert "VALUES ?a {  }" in q.bind({"actor": "nobody"}, resolve_actor=lambda v: [])
    with pytest.raises(QueryError):
        q.bind({"actor": "x"}, resolve_actor=lambda v: ["http://evil/> } ; DROP ALL ; #"])


INJECTIONS = ['" } ; DROP ALL ; #', "x' } DELETE WHERE { ?s ?p ?o } #", '"""\n} DROP ALL', "\\\" } #", "> <x"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_queries_bind_injection_is_inert(value):
    store = _store()
    before = len(store)
    for name, param in [("who-accused-whom", "actor"), ("statements-about", "target")]:
        text = Catalog().get(name).bind({param: value})
        rows = list(store.query(text))  # parses: the value is one term
        assert rows == []
    assert len(store) == before


@settings(max_examples=60, deadline=None)
@given(value=st.text(max_size=40))
def test_queries_bind_string_literal_round_trips(value, tmp_path_factory):
    d = tmp_path_factory.mktemp("q")
    path = d / "echo.rq"
    path.write_text("# title: t\n# description: d\n# param: v | string | | h\nSELECT ?v WHERE {\n  #@values v\n}\n")
    text = parse_query_file(path).bind({"v": value})
    (row,) = list(ox.Store().query(text))
    assert row["v"].value == value.translate({c: "\ufffd" for c in range(0xD800, 0xE000)})


CANDS = [
    ("iri:dehqan", "Hossein Dehqan", None),
    ("iri:us", "United States", "Q30"),
    ("iri:us", "US", "Q30"),
    ("iri:sa", "Saudi Arabia", "Q851"),
    ("iri:erdogan", "Recep Tayyip Erdoğan", "Q39259"),
    ("iri:dehghani", "Ali Dehghani", None),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hossein Dehqan", ["iri:dehqan"]),
        ("hossein dehqan", ["iri:dehqan"]),
        ("Hosseín Dehqán", ["iri:dehqan"]),
        ("Dehqan", ["iri:dehqan"]),
        ("Dehghan", ["iri:dehqan"]),
        ("Hossein Dehghan", ["iri:dehqan"]),
        ("q30", ["iri:us"]),
        ("US", ["iri:us"]),
        ("united states", ["iri:us"]),
        ("Erdogan", ["iri:erdogan"]),
        ("recep erdogan", ["iri:erdogan"]),
        ("saudi", ["iri:sa"]),
        ("iri:sa", ["iri:sa"]),
        ("Putin", []),
        ("", []),
    ],
)
def test_queries_match_actor_names(query, expected):
    assert match_actor_names(query, CANDS) == expected


def test_queries_store_resolver_ids_equal_the_full_name_match():
    """A QID or IRI is resolved with one indexed query; it gives what matching against every actor name gives."""
    from kg.queries import match_actor_names, store_actor_resolver
    from kg.rdf.build import article_graph_iri, article_lines
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(None)
    for r in results():
        store.replace_graph(str(article_graph_iri(r.article)), article_lines(r, RUN))
    rows = store.query("PREFIX kg: <https://w3id.org/kg-news/ontology#> SELECT DISTINCT ?a ?name ?qid WHERE { GRAPH ?g { "
                       "{ ?a kg:name ?name } UNION { ?a kg:mention ?m . ?m kg:text ?name } OPTIONAL { ?a kg:qid ?qid } } }").rows
    cands = [(str(r[0]), str(r[1]), str(r[2]) if r[2] is not None else None) for r in rows]
    iris = sorted({c[0] for c in cands})
    qids = sorted({c[2] for c in cands if c[2]})
    assert len(qids) >= 3 and iris
    for text in [*qids, *[q.lower() for q in qids], *iris[:20], "Q99999999", "https://example.org/nobody", "bad iri:"]:
        expected = match_actor_names(text, cands) or (
            [f"https://w3id.org/kg-news/id/actor/wd-Q{text[1:]}"] if text[:1] in "Qq" and text[1:].isdigit() else [])
        assert store_actor_resolver(store)(text) == expected, text


def test_queries_catalog_a_bad_file_spoils_no_other(tmp_path):
    (tmp_path / "mine.rq").write_text("# title: Mine\n# description: d\nSELECT * WHERE { ?s ?p ?o }\n")
    (tmp_path / "broken.rq").write_bytes(b"# title: \xff\xfe\n")  # not UTF-8
    (tmp_path / "headless.rq").write_text("SELECT * WHERE { ?s ?p ?o }\n")
    cat = Catalog([QUERIES_DIR, tmp_path])
    names = [q.name for q in cat.list()]
    assert "mine" in names and "who-accused-whom" in names and "broken" not in names and "headless" not in names
    assert [(e.code, Path(str(e.fields["path"])).name) for e in cat.broken()] == [("E023", "broken.rq"),
                                                                              ("E023", "headless.rq")]
    assert "cannot read it" in str(cat.broken()[0]) and "no '# title:' line" in str(cat.broken()[1])
    assert "broken" in cat.names()
    with pytest.raises(QueryError) as err:
        cat.get("headless")
    assert err.value.code == "E023"
    assert Catalog().broken() == []


def test_queries_catalog_query_dirs_are_checked(tmp_path):
    from kg.errors import UsageError
    from kg.queries import query_dirs

    assert query_dirs([tmp_path]) == [QUERIES_DIR, tmp_path]
    assert query_dirs([], f"{tmp_path}") == [QUERIES_DIR, tmp_path]
    with pytest.raises(UsageError) as err:
        query_dirs([tmp_path / "missing"])
    assert err.value.code == "E031" and err.value.exit_code == 2 and "no such folder" in str(err.value)
    (tmp_path / "file.rq").write_text("x")
    with pytest.raises(UsageError, match="KG_QUERIES .*file.rq: is a file, not a folder"):
        query_dirs([], str(tmp_path / "file.rq"))
