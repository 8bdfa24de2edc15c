"""The actor page of ``kg serve`` (a real ``kg serve`` process on 127.0.0.1 over a pyoxigraph store
loaded with the hand-made articles of tests/_rdf_fixtures.py): the country of an actor is shown by
its label and linked to the country's actor page, never as the IRI's last part (``wd-Q794``)."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from kg.rdf.build import build_dataset
from kg.rdf.serialize import serialize_graph
from kg.serve.data import actor_view
from kg.store.oxigraph import OxigraphStore
from tests._rdf_fixtures import RUN, results
from tests._serve_fixtures import start_serve, stop

IRAN = "https://w3id.org/kg-news/id/actor/wd-Q794"
NAME = "https://w3id.org/kg-news/ontology#name"


@pytest.fixture(scope="module")
def nq(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve-actor") / "two.nq"
    path.write_bytes(serialize_graph(build_dataset(results(), RUN), "nquads"))
    return path


def _iri_named(store, name: str) -> str:
    rows = store.query('SELECT DISTINCT ?a WHERE { GRAPH ?g { ?a <%s> "%s" } }' % (NAME, name)).rows
    assert len(rows) == 1, rows
    return rows[0][0].value


@pytest.mark.server
def test_serve_actor_page_shows_the_country_label_linked(nq, tmp_path):
    with OxigraphStore(tmp_path / "store") as st:
        st.load_file(nq)
        dehqan = _iri_named(st, "Hossein Dehqan")  # kg:country <.../actor/wd-Q794>, the actor named "Iran"
    served = start_serve(["--store", str(tmp_path / "store")], tmp_path / "serve.log")
    try:
        r = served.get("/actor?iri=" + quote(dehqan, safe=""), headers={"Accept": "text/html"})
    finally:
        stop(served)
    assert r.status_code == 200, r.text[:300]
    facts = re.search(r'<p class="facts">(.*?)</p>', r.text, re.S).group(1)
    assert re.search(r'country: <a class="country" href="/actor\?iri=' + re.escape(quote(IRAN, safe="")) +
                     r'"><bdi>Iran</bdi></a>', facts), facts
    assert "wd-Q794" not in facts.replace(quote(IRAN, safe=""), "")


def test_serve_actor_view_country_name_falls_back(nq):
    with OxigraphStore() as st:
        st.load_file(nq)
        dehqan = _iri_named(st, "Hossein Dehqan")
        assert actor_view(st.query, dehqan).country_name == "Iran"  # from the store, without an index
        named = actor_view(st.query, dehqan, lambda iri: "Islamic Republic of Iran" if iri == IRAN else None)
        assert named.country_name == "Islamic Republic of Iran"
        st.update("DELETE WHERE { GRAPH ?g { <%s> <%s> ?n } }" % (IRAN, NAME))
        assert actor_view(st.query, dehqan).country_name == "Q794"  # no name anywhere: the QID, not "wd-Q794"
