"""Stored queries on a real pyoxigraph store give exactly the expected rows.

The data are the hand-made articles of tests/_rdf_fixtures.py, loaded as
named graphs (pyoxigraph's default graph is not their union, as on Fuseki).
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.queries import Catalog, match_actor_names
from kg.rdf.build import build_dataset
from kg.rdf.serialize import serialize_graph
from tests._rdf_fixtures import DEHQAN_QID, RUN, results

D = "Hossein Dehqan"
ID = "https://w3id.org/kg-news/id/"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    s.load(serialize_graph(build_dataset(results(), RUN), "nquads"), format=ox.RdfFormat.N_QUADS)
    return s


def resolver(store: ox.Store):
    """What the CLI does: actor names from the store, matched forgivingly."""
    rows = store.query(
        "PREFIX kg: <https://w3id.org/kg-news/ontology#> "
        "SELECT DISTINCT ?a ?n ?q WHERE { GRAPH ?g { ?a a kg:Actor ; kg:name ?n . OPTIONAL { ?a kg:qid ?q } } }"
    )
    cands = [(r["a"].value, r["n"].value, r["q"].value if r["q"] else None) for r in rows]
    return lambda text: match_actor_names(text, cands)


def run(store, name, cols, **params):
    text = Catalog().get(name).bind(params, resolve_actor=resolver(store))
    return [tuple(None if r[c] is None else r[c].value for c in cols) for r in store.query(text)]


PAIR = ("actor", "actor_qid", "target", "target_qid", "type", "statements", "articles")


def test_queries_who_accused_whom(store):
    assert run(store, "who-accused-whom", PAIR) == [
        (D, DEHQAN_QID, "US", "Q30", "ACCUSE", "2", "2"),
        (D, DEHQAN_QID, "Qatar", "Q846", "ACCUSE", "1", "1"),
        (D, DEHQAN_QID, "Saudi Arabia", "Q851", "ACCUSE", "1", "1"),
        (D, DEHQAN_QID, "Turkey", "Q43", "ACCUSE", "1", "1"),
        ("United States", "Q30", D, DEHQAN_QID, "ACCUSE", "1", "1"),
    ]


def test_queries_who_accused_whom_forgiving_actor(store):
    expected = run(store, "who-accused-whom", PAIR, actor="Hossein Dehqan")
    assert len(expected) == 4
    for spelling in ("dehqan", "Dehghan", "HOSSEIN DEHQÁN"):
        assert run(store, "who-accused-whom", PAIR, actor=spelling) == expected
    assert run(store, "who-accused-whom", PAIR, target="q30") == [
        (D, DEHQAN_QID, "US", "Q30", "ACCUSE", "2", "2")
    ]
    assert run(store, "who-accused-whom", PAIR, limit="2") == expected[:2]


def test_queries_who_criticized_whom(store):
    assert run(store, "who-criticized-whom", PAIR, actor="Dehqan", target="United States") == [
        (D, DEHQAN_QID, "US", "Q30", "ACCUSE", "2", "2"),
        (D, DEHQAN_QID, "US", "Q30", "CRITICIZE", "1", "1"),
    ]


def test_queries_who_praised_whom(store):
    assert run(store, "who-praised-whom", PAIR) == [
        (D, DEHQAN_QID, "Russia", "Q159", "PRAISE", "1", "1"),
        (D, DEHQAN_QID, "Turkey", "Q43", "PRAISE", "1", "1"),
        ("Turkey", "Q43", "Iran", "Q794", "PRAISE", "1", "1"),
    ]


def test_queries_who_appealed_to_whom(store):
    assert run(store, "who-appealed-to-whom", PAIR) == [(D, DEHQAN_QID, "all parties", None, "APPEAL", "1", "1")]


LIST = ("date", "actor", "type", "target", "target_qid", "cue", "negated", "hypothetical", "confidence")


def test_queries_statements_by_actor(store):
    assert run(store, "statements-by-actor", LIST, actor="Turkey") == [
        ("2016-10-12", "Turkey", "PRAISE", "Iran", "Q794", "praised", "false", "false", "0.9"),
        ("2016-10-12", "Turkey", "THREATEN", "Iran", "Q794", "threaten", "false", "true", "0.4"),
    ]
    rows = run(store, "statements-by-actor", LIST, actor="Q30")
    assert rows == [("2016-10-12", "United States", "ACCUSE", D, DEHQAN_QID, "accused", "false", "false", "0.8")]
    rows = run(store, "statements-by-actor", LIST, actor="Dehqan", until="2016-10-11", type="PRAISE,APPEAL")
    assert rows == [
        ("2016-10-11", D, "PRAISE", "Russia", "Q159", "praised", "false", "false", "0.85"),
        ("2016-10-11", D, "PRAISE", "Turkey", "Q43", "praised", "false", "false", "0.85"),
        ("2016-10-11", D, "APPEAL", "all parties", None, "urged", "false", "false", "0.8"),
    ]
    assert len(run(store, "statements-by-actor", LIST)) == 13  # every statement-target pair: 9 + 4


def test_queries_statements_about(store):
    assert run(store, "statements-about", ("date", "actor", "type", "target", "negated"), target="Iran") == [
        ("2016-10-11", "Russia", "ACCUSE", "Iran", "true"),
        ("2016-10-12", "Turkey", "PRAISE", "Iran", "false"),
        ("2016-10-12", "Turkey", "THREATEN", "Iran", "false"),
    ]
    rows = run(store, "statements-about", ("actor", "type", "target"), target="United States", since="2016-10-12")
    assert rows == [(D, "ACCUSE", "United States")]


def test_queries_statements_with_evidence(store):
    cols = ("actor", "type", "target", "sentence", "start", "end", "article", "publisher", "date", "url", "content")
    rows = run(store, "statements-with-evidence", cols, actor="Dehqan", target="Turkey", type="ACCUSE")
    assert rows == [(
        D, "ACCUSE", "Turkey", "He said Turkey also supports terrorists.", "195", "235",
        "Iran: US wants to keep ISIS in the region", "Press TV", "2016-10-11",
        "https://example.org/news/dehqan%201?x=%3C1%3E", "Turkey also supports terrorists",
    )]
    rows = run(store, "statements-with-evidence", ("actor", "type", "article", "publisher"), article=f"{ID}article/dehqan-2")
    assert rows[0] == (D, "ACCUSE", "Dehqan: \"The United States \\ its allies are 'responsible'\"", 'Example "News"')
    assert len(rows) == 4


def test_queries_actor_network(store):
    cols = ("source", "target", "type", "weight", "articles")
    assert run(store, "actor-network", cols, type="ACCUSE,CRITICIZE") == [
        (D, "US", "ACCUSE", "2", "2"),
        (D, "Qatar", "ACCUSE", "1", "1"),
        (D, "Saudi Arabia", "ACCUSE", "1", "1"),
        (D, "Turkey", "ACCUSE", "1", "1"),
        (D, "US", "CRITICIZE", "1", "1"),
        ("United States", D, "ACCUSE", "1", "1"),
    ]
    assert len(run(store, "actor-network", cols)) == 10


def test_queries_mutual_accusations(store):
    cols = ("actor_a", "actor_a_qid", "actor_b", "actor_b_qid", "a_to_b", "b_to_a")
    assert run(store, "mutual-accusations", cols) == [(D, DEHQAN_QID, "US", "Q30", "3", "1")]
    assert run(store, "mutual-accusations", cols, actor="Qatar") == []


def test_queries_top_actors(store):
    assert run(store, "top-actors", ("actor", "actor_qid", "made", "received"), type="ACCUSE", limit="2") == [
        (D, DEHQAN_QID, "3", "1"),
        ("US", "Q30", "1", "2"),
    ]


def test_queries_derive_direct_edges(store):
    text = Catalog().get("derive-direct-edges").bind({})
    kg = "https://w3id.org/kg-news/ontology#"
    edges = sorted((t.subject.value[len(ID):], t.predicate.value[len(kg):], t.object.value[len(ID):]) for t in store.query(text))
    assert edges == [
        (f"actor/wd-{DEHQAN_QID}", "accused", "actor/wd-Q30"),
        (f"actor/wd-{DEHQAN_QID}", "accused", "actor/wd-Q43"),
        (f"actor/wd-{DEHQAN_QID}", "accused", "actor/wd-Q846"),
        (f"actor/wd-{DEHQAN_QID}", "accused", "actor/wd-Q851"),
        (f"actor/wd-{DEHQAN_QID}", "appealedTo", "article/dehqan-1/actor/all-parties"),  # a description: article-scoped
        (f"actor/wd-{DEHQAN_QID}", "criticized", "actor/wd-Q30"),
        (f"actor/wd-{DEHQAN_QID}", "praised", "actor/wd-Q159"),
        (f"actor/wd-{DEHQAN_QID}", "praised", "actor/wd-Q43"),
        ("actor/wd-Q30", "accused", f"actor/wd-{DEHQAN_QID}"),
        ("actor/wd-Q43", "praised", "actor/wd-Q794"),
    ]
    only = Catalog().get("derive-direct-edges").bind({"type": "PRAISE"})
    assert {t.predicate.value for t in store.query(only)} == {kg + "praised"}


def test_queries_same_rows_with_union_default_graph(store):
    """Rows do not depend on whether the default graph is the union of the named graphs."""
    for q in Catalog().list():
        if q.form != "SELECT":
            continue
        text = q.bind({})
        plain = [tuple(str(v) for v in r) for r in store.query(text)]
        union = [tuple(str(v) for v in r) for r in store.query(text, use_default_graph_as_union=True)]
        assert plain == union, q.name  # non-empty on real data: test_queries_extracted.py


# ------------------------------------------------ unlinked persons: one actor per article (issue 15)


@pytest.fixture(scope="module")
def scoped_store() -> ox.Store:
    """Two articles, each with an unlinked person 'John Smith' and an unlinked organisation 'Hamas'
    (tests.test_rdf_build._two_kinds_result): two person nodes, one organisation node."""
    from tests.test_rdf_build import _two_kinds_result

    s = ox.Store()
    ds = build_dataset([_two_kinds_result("p1"), _two_kinds_result("p2")], RUN)
    s.load(serialize_graph(ds, "nquads"), format=ox.RdfFormat.N_QUADS)
    return s


def test_queries_every_stored_query_runs_with_article_scoped_persons(scoped_store):
    for name in Catalog().names():
        if name == "derive-direct-edges":
            assert len(list(scoped_store.query(Catalog().get(name).bind({})))) == 4  # 2 accused + 2 criticized
            continue
        list(scoped_store.query(Catalog().get(name).bind({}, resolve_actor=resolver(scoped_store))))


def test_queries_unlinked_person_counts_per_article_organisation_across(scoped_store):
    rows = run(scoped_store, "top-actors", ("actor", "actor_qid", "made", "received"))
    # Hamas: one actor in both articles; John Smith: one actor in each article (no QID says they are one)
    assert rows == [("Hamas", None, "2", "2"), ("John Smith", None, "1", "1"), ("John Smith", None, "1", "1")]
    cols = ("actor", "target", "type", "statements", "articles")
    assert run(scoped_store, "who-accused-whom", cols) == [("John Smith", "Hamas", "ACCUSE", "1", "1")] * 2


def test_queries_actor_name_finds_every_same_named_unlinked_person(scoped_store):
    # the name resolves to both article-scoped persons, so a query by name sees both articles
    assert resolver(scoped_store)("John Smith") == [f"{ID}article/p1/actor/john-smith", f"{ID}article/p2/actor/john-smith"]
    rows = run(scoped_store, "statements-by-actor", ("statement", "actor", "type", "target"), actor="john smith")
    assert sorted(r[0][len(ID):] for r in rows) == ["article/p1/statement/0", "article/p2/statement/0"]
    assert {r[1:] for r in rows} == {("John Smith", "ACCUSE", "Hamas")}
