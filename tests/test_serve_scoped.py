"""kg serve on article-scoped actors (issue 15): an unlinked person is one actor per article, so
the actor page of one lists its article's statements, and a search by name finds every
same-named one, grouped by name, each with its article.

Data: two hand-built articles (tests.test_rdf_build._two_kinds_result: 'John Smith', an unlinked
person, accuses the unlinked organisation 'Hamas', which criticizes him) in a real pyoxigraph
store; the pages come from the real application (Starlette's in-process test client, no socket).
"""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from kg.rdf.build import build_dataset
from kg.rdf.serialize import serialize_graph
from kg.serve import data
from kg.serve.app import create_app
from kg.store.oxigraph import OxigraphStore
from tests._rdf_fixtures import RUN
from tests.test_rdf_build import _two_kinds_result

ID = "https://w3id.org/kg-news/id/"
SMITH1, SMITH2 = f"{ID}article/p1/actor/john-smith", f"{ID}article/p2/actor/john-smith"
HAMAS = f"{ID}actor/name-hamas"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scoped")
    nq = folder / "scoped.nq"
    results = [_two_kinds_result("p1", "Smith accuses Hamas", "2026-01-02"),
               _two_kinds_result("p2", "Another Smith in the news", "2026-02-03")]
    nq.write_bytes(serialize_graph(build_dataset(results, RUN), "nquads"))
    with OxigraphStore(folder / "store") as st:
        st.load_file(nq)
        yield st


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store), base_url="http://127.0.0.1") as c:
        yield c


def test_serve_article_of_actor():
    assert data.article_of_actor(SMITH1) == f"{ID}article/p1"
    assert data.article_of_actor(HAMAS) is None
    assert data.article_of_actor(f"{ID}actor/wd-Q30") is None
    assert data.kind_of_iri(SMITH1) == "actor"


def test_serve_search_finds_every_same_named_unlinked_person_with_its_article(store):
    found = data.ActorIndex(store.query).search("smith")
    assert [(d["iri"], d["name"], d["article"], d["headline"], d["date"], d["made"], d["received"]) for d in found] == [
        (SMITH1, "John Smith", f"{ID}article/p1", "Smith accuses Hamas", "2026-01-02", 1, 1),
        (SMITH2, "John Smith", f"{ID}article/p2", "Another Smith in the news", "2026-02-03", 1, 1),
    ]
    hamas = data.ActorIndex(store.query).search("Hamas")
    assert [(d["iri"], d["article"], d["made"], d["received"]) for d in hamas] == [(HAMAS, None, 2, 2)]


def test_serve_actor_view_and_statements_of_an_unlinked_person_are_its_articles(store):
    a = data.actor_view(store.query, SMITH2)
    assert a.names == ["John Smith"] and a.kinds == ["Person"] and a.qid is None
    assert a.article == f"{ID}article/p2" and a.headline == "Another Smith in the news"
    assert [(e.article, e.type) for e in data.statements(store.query, actor=SMITH2)] == [(f"{ID}article/p2", "ACCUSE")]
    assert [(e.article, e.type) for e in data.statements(store.query, target=SMITH2)] == [(f"{ID}article/p2", "CRITICIZE")]
    # the organisation is one actor over both articles
    assert sorted(e.article for e in data.statements(store.query, actor=HAMAS)) == [f"{ID}article/p1", f"{ID}article/p2"]


def test_serve_actors_page_groups_same_named_persons_by_article(client):
    r = client.get("/actors", params={"q": "John Smith"})
    assert r.status_code == 200, r.text[:500]
    html = r.text
    assert "2 actors match" in html and "kept apart per article" in html
    first, second = html.index("Smith accuses Hamas"), html.index("Another Smith in the news")
    assert first < second  # one group, in date order
    assert 'class="same-name"' in html and "/article?iri=https%3A%2F%2Fw3id.org%2Fkg-news%2Fid%2Farticle%2Fp2" in html


def test_serve_actor_page_of_an_unlinked_person_lists_its_article_only(client):
    r = client.get("/actor", params={"iri": SMITH1})
    assert r.status_code == 200, r.text[:500]
    html = r.text
    assert "Not linked to Wikidata" in html and "Smith accuses Hamas" in html
    assert "Another Smith in the news" not in html  # the namesake of the other article is another actor
    assert "Statements by <bdi>John Smith</bdi> (1)" in html and "Statements about or to <bdi>John Smith</bdi> (1)" in html
    # the stored-query links name this actor by its IRI, not by a name every namesake shares
    assert "actor=https%3A%2F%2Fw3id.org%2Fkg-news%2Fid%2Farticle%2Fp1%2Factor%2Fjohn-smith" in html
    page = client.get("/queries/actor-timeline", params={"actor": SMITH1, "_run": "1"})
    assert page.status_code == 200 and "2026-01-02" in page.text and "2026-02-03" not in page.text
