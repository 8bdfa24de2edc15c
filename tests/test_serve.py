"""``kg serve`` over HTTP, on the embedded store and on a real Fuseki: the SPARQL 1.1 Protocol
endpoint (SPARQLWrapper and plain HTTP), the pages on hostile article text and actor names
(escaped, no script runs), the limits, the error pages, credentials.

Data: tests/_serve_fixtures.py (articles written for these tests through ``kg run``, plus one
hand-built article with hostile actor names).  Every server listens on 127.0.0.1 and is stopped
by PID; Fuseki comes from tests/servers.py (FAILS instead of skipping when CI=true).
"""

from __future__ import annotations

import re
import subprocess
from urllib.parse import quote

import pytest
import requests
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from kg.serve.data import kind_of_iri
from tests._serve_fixtures import BREAKER_NAME, EVIL_NAME, KG, RLO, start_serve, stop

pytestmark = pytest.mark.server

ACTOR = "https://w3id.org/kg-news/id/actor/"
ARTICLE = "https://w3id.org/kg-news/id/article/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a <https://w3id.org/kg-news/ontology#Statement> } }"
OURS = "FILTER (STRSTARTS(STR(?g), 'https://w3id.org/kg-news/id/graph/hostile-'))"


# the fixtures `hostile` (the store) and `served` (kg serve on it, embedded and on Fuseki) are in tests/conftest.py


def _html(resp: requests.Response) -> str:
    assert resp.status_code == 200, resp.text[:500]
    assert resp.headers["content-type"].startswith("text/html")
    return resp.text


def _no_raw(html: str) -> None:
    """No hostile markup got through unescaped."""
    assert "<script>" not in html and "<script" not in html.lower().replace("&lt;script", "")
    assert "<img" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "javascript:" not in html.lower().replace("javascript:alert(document.cookie)</bdi>", "")


# ------------------------------------------------------------------------------------ SPARQL protocol


def test_serve_sparqlwrapper_select_json_xml_csv(served):
    sw = SPARQLWrapper(served.url + "/sparql")
    sw.setQuery(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s a <https://w3id.org/kg-news/ontology#Statement> }} {OURS} }}")
    sw.setReturnFormat(JSON)
    n = int(sw.query().convert()["results"]["bindings"][0]["n"]["value"])
    assert n >= 10
    sw.setReturnFormat(XML)
    assert sw.query().convert().getElementsByTagName("literal")[0].firstChild.data == str(n)
    sw.setReturnFormat(CSV)
    assert sw.query().convert().decode().split() == ["n", str(n)]
    sw.setMethod("POST")
    sw.setReturnFormat(JSON)
    assert int(sw.query().convert()["results"]["bindings"][0]["n"]["value"]) == n


def test_serve_sparqlwrapper_ask_and_construct(served):
    sw = SPARQLWrapper(served.url + "/sparql")
    sw.setQuery("ASK { GRAPH ?g { ?a <https://w3id.org/kg-news/ontology#name> \"Lena O'Hara\" } }")
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["boolean"] is True
    sw.setQuery("CONSTRUCT { ?a <https://w3id.org/kg-news/ontology#name> ?n } WHERE { GRAPH ?g { "
                "?a <https://w3id.org/kg-news/ontology#name> ?n } FILTER (CONTAINS(?n, 'Brandt')) }")
    sw.setReturnFormat(TURTLE)
    graph_text = sw.query().convert().decode("utf-8")
    assert "Brandt" in graph_text and "kg-xss" in graph_text


@pytest.mark.parametrize("accept, media, check", [
    ("application/sparql-results+json", "application/sparql-results+json", lambda t: '"bindings"' in t),
    ("application/sparql-results+xml", "application/sparql-results+xml", lambda t: "<sparql" in t),
    ("text/csv", "text/csv", lambda t: t.splitlines()[0] == "n"),
    ("text/tab-separated-values", "text/tab-separated-values", lambda t: t.splitlines()[0] == "?n"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json", lambda t: '"head"' in t),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml", lambda t: "<sparql" in t),
])
def test_serve_sparql_select_by_content_negotiation(served, accept, media, check):
    r = served.get("/sparql", params={"query": COUNT}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media
    assert check(r.text), r.text[:300]


@pytest.mark.parametrize("accept, media, marker", [
    ("text/turtle", "text/turtle", "@prefix"),
    ("application/n-triples", "application/n-triples", "> <"),
    ("application/ld+json", "application/ld+json", '"@id"'),
])
def test_serve_sparql_construct_formats(served, accept, media, marker):
    q = ("CONSTRUCT { ?s <https://w3id.org/kg-news/ontology#cue> ?c } WHERE { GRAPH ?g { "
         "?s <https://w3id.org/kg-news/ontology#cue> ?c } " + OURS + " }")
    r = served.post("/sparql", data=q.encode(), headers={"Content-Type": "application/sparql-query", "Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media
    assert marker in r.text and "accused" in r.text


def test_serve_sparql_form_post_and_format_parameter(served):
    r = served.post("/sparql", data={"query": COUNT, "format": "tsv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/tab-separated-values")


def test_serve_sparql_refuses_updates_bad_queries_and_unknown_formats(served):
    r = served.post("/sparql", data={"update": "INSERT DATA { <http://e/s> <http://e/p> <http://e/o> }"})
    assert r.status_code == 403 and r.text.startswith("E105")
    r = served.post("/sparql", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403 and "E105" in r.text
    assert served.get("/sparql", params={"query": COUNT}).json()["results"]["bindings"]  # nothing was dropped
    r = served.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y"})
    assert r.status_code in (400, 502) and "Traceback" not in r.text and re.match(r"E0\d\d: ", r.text)
    r = served.get("/sparql", params={"query": COUNT}, headers={"Accept": "image/png"})
    assert r.status_code == 406 and r.text.startswith("E107")
    r = served.get("/sparql", headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 400 and r.text.startswith("E102")
    r = served.get("/sparql", params={"query": COUNT, "default-graph-uri": "http://e/g"})
    assert r.status_code == 400 and r.text.startswith("E111")
    r = served.post("/sparql", data=b"x" * 2_000_001, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413 and r.text.startswith("E109")


def test_serve_sparql_browser_form_shows_a_table(served):
    html = _html(served.get("/sparql", headers={"Accept": "text/html"}))
    assert "<textarea" in html and 'name="query"' in html
    q = "SELECT ?n WHERE { GRAPH ?g { ?a <https://w3id.org/kg-news/ontology#name> ?n } FILTER (CONTAINS(?n, 'Brandt')) }"
    html = _html(served.get("/sparql", params={"query": q, "format": "html"}, headers={"Accept": "text/html"}))
    assert "&lt;script&gt;alert(&#39;kg-xss&#39;)&lt;/script&gt; Brandt" in html
    _no_raw(html.replace(q.replace("'", "&#39;"), ""))


def test_serve_kg_itself_queries_the_endpoint(served):
    """kg's own SPARQL client (kg/http.py, kg.store.sparql) uses a kg serve as a remote store."""
    import json

    p = subprocess.run([KG, "query", "who-accused-whom", "--query-endpoint", served.url + "/sparql", "--server", "generic",
                        "-p", "actor=ohara", "--format", "json"], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert [(r["actor"], r["target"]) for r in json.loads(p.stdout)] == [("Lena O'Hara", "Ruritania")]


# ------------------------------------------------------------------------------------ pages


def test_serve_overview_counts_types_publishers(served):
    html = _html(served.get("/", headers={"Accept": "text/html"}))
    for text in ("Corpus overview", "Statement types", "ACCUSE", "Publishers", "Evil &lt;b&gt;Wire&lt;/b&gt; &amp; Co",
                 "2026-03-0"):
        assert text in html, text
    _no_raw(html)


def test_serve_actor_search_is_forgiving(served):
    html = _html(served.get("/actors", params={"q": "ohara"}))
    assert "Lena O&#39;Hara" in html and "/actor?iri=" in html
    html = _html(served.get("/actors", params={"q": "brandt"}))
    assert "&lt;script&gt;alert(&#39;kg-xss&#39;)&lt;/script&gt; Brandt" in html
    _no_raw(html)
    html = _html(served.get("/actors", params={"q": "nobody-like-this"}))
    assert "No actor in the store matches" in html


def test_serve_actor_page_escapes_names_and_marks_evidence(served):
    # an unlinked person: one actor per article (kg.rdf.build.actor_iri), so the IRI is the article's
    iri = ARTICLE + "hostile-4/actor/script-alert-kg-xss-script-brandt"
    assert kind_of_iri(iri) == "actor"
    html = _html(served.get("/actor", params={"iri": iri}))
    assert "<bdi>&lt;script&gt;alert(&#39;kg-xss&#39;)&lt;/script&gt; Brandt</bdi>" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html  # the target's name, escaped
    assert "Statements by" in html and "Statements about or to" in html and "ACCUSE" in html and "PRAISE" in html
    assert 'class="kg-cue"' in html and 'class="kg-target"' in html and 'class="kg-speaker"' in html
    assert f"<bdi>Omar {RLO}inamhaR" in html  # bidi override kept, but isolated in <bdi>
    assert "/article?iri=" in html and "<svg" in html
    _no_raw(html)


def test_serve_actor_page_of_extracted_actor_has_source_links(served):
    html = _html(served.get("/actor", params={"iri": ARTICLE + "hostile-3/actor/lena-o-hara"}))  # unlinked person
    assert "praised" in html and "Freedonia" in html and "Ruritania" in html
    assert "Ambassador&#39; onmouseover=&#39;alert(3) praises Freedonia" in html
    assert "&lt;/textarea&gt;&lt;script&gt;" in html
    _no_raw(html)


def test_serve_article_page_marks_spans_and_refuses_javascript_urls(served):
    html = _html(served.get("/article", params={"iri": "https://w3id.org/kg-news/id/article/hostile-1"}))
    assert "Minister &lt;script&gt;" in html and 'class="kg-cue' in html and 'id="st-0"' in html
    assert 'href="javascript' not in html.lower()
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    _no_raw(html)
    html = _html(served.get("/article", params={"iri": "https://w3id.org/kg-news/id/article/hostile-2"}))
    assert f"<bdi>Bidi {RLO}txet" in html and "\u05e9\u05dc\u05d5\u05dd" in html
    assert 'href="https://news.example.org/a?x=1&amp;y=%222%22"' in html  # & escaped in the attribute


def test_serve_stored_query_form_table_and_downloads(served):
    html = _html(served.get("/queries"))
    assert "who-accused-whom" in html and "statements-with-evidence" in html
    html = _html(served.get("/queries/who-accused-whom"))
    assert 'name="actor"' in html and 'name="since"' in html and 'type="date"' in html
    html = _html(served.get("/queries/who-accused-whom", params={"actor": "O'Hara", "_run": "1"}))
    assert "Lena O&#39;Hara" in html and "Ruritania" in html and "1 row" in html
    r = served.get("/queries/who-accused-whom", params={"actor": "ohara", "_format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"] and "Lena O'Hara" in r.text
    r = served.get("/queries/who-accused-whom", params={"_format": "json"})
    assert any(row["actor"] == EVIL_NAME and row["target"] == BREAKER_NAME for row in r.json())
    html = _html(served.get("/queries/who-accused-whom", params={"actor": "Zzyzx Qwerty", "_run": "1"}))
    assert "No actor in the store matches" in html


def test_serve_errors_are_pages_without_tracebacks(served):
    for path, status in [("/actor?iri=" + quote(ACTOR + "name-nobody"), 404), ("/actor", 400),
                         ("/actor?iri=not%20an%20iri", 400), ("/article?iri=" + quote("https://e.org/x>"), 400),
                         ("/queries/no-such-query", 404), ("/queries/..%2F..%2Fetc%2Fpasswd", 404),
                         ("/static/../pyproject.toml", 404), ("/nothing-here", 404),
                         ("/queries/who-accused-whom?since=yesterday&_run=1", 400)]:
        r = served.get(path, headers={"Accept": "text/html"})
        assert r.status_code == status, (path, r.status_code, r.text[:300])
        assert "Traceback" not in r.text and "Something went wrong" in r.text, path
        assert re.search(r"E\d{3}: ", r.text), path


def test_serve_security_headers_and_host_check(served):
    r = served.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and r.headers["x-content-type-options"] == "nosniff"
    r = served.get("/", headers={"Host": "attacker.example"})
    assert r.status_code == 400  # DNS rebinding: a loopback server answers loopback names only
    assert served.get("/static/kg.css").headers["content-type"].startswith("text/css")


# ------------------------------------------------------------------------------------ options, credentials


def test_serve_refuses_other_hosts_without_token_and_updates_without_token(hostile):
    store, _ = hostile
    p = subprocess.run([KG, "serve", "--store", str(store), "--host", "0.0.0.0"], capture_output=True, text=True,
                       timeout=120, env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"})
    assert p.returncode == 2 and "E100" in p.stderr
    p = subprocess.run([KG, "serve", "--store", str(store), "--allow-update"], capture_output=True, text=True,
                       timeout=120, env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"})
    assert p.returncode == 2 and "E101" in p.stderr
    import socket

    with socket.socket() as held:  # a port in use: one clear error, exit 1
        held.bind(("127.0.0.1", 0))
        held.listen()
        p = subprocess.run([KG, "serve", "--store", str(store), "--port", str(held.getsockname()[1])],
                           capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"})
    assert p.returncode == 1 and "E110" in p.stderr and "Traceback" not in p.stderr


def test_serve_token_is_required_and_updates_need_it(hostile, tmp_path):
    import shutil

    store = tmp_path / "store-copy"
    shutil.copytree(hostile[0], store)
    token = "s3cret-t0ken"
    s = start_serve(["--store", str(store), "--token", token, "--allow-update"], tmp_path / "log", token=token)
    try:
        r = s.get("/")
        assert r.status_code == 401 and "E106" in r.text and r.headers["www-authenticate"].startswith("Basic")
        assert s.get("/sparql", params={"query": COUNT}, auth=("anyone", "wrong")).status_code == 401
        assert s.get("/", auth=("anyone", token)).status_code == 200
        assert s.get("/sparql", params={"query": COUNT}, headers={"Authorization": f"Bearer {token}"}).status_code == 200
        sw = SPARQLWrapper(s.url + "/sparql", updateEndpoint=s.url + "/sparql")
        sw.setCredentials("kg", token)
        sw.setMethod("POST")
        sw.setQuery("INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> \"added\" } }")
        sw.query()
        r = s.get("/sparql", params={"query": "ASK { GRAPH <http://e/g> { ?s ?p \"added\" } }"}, auth=("kg", token))
        assert r.json()["boolean"] is True
        r = s.post("/sparql", data={"update": "DROP ALL"}, auth=("kg", token), headers={"Origin": "https://evil.example"})
        assert r.status_code == 403 and "E114" in r.text
    finally:
        stop(s)


def test_serve_query_time_and_size_limits(hostile, tmp_path):
    """A query over the time limit is given up (E103, 503) and an answer over --max-rows refused (E104, 413);
    the server goes on answering.  (The runaway query's thread ends when the server is stopped.)"""
    s = start_serve(["--store", str(hostile[0]), "--query-timeout", "1", "--max-rows", "5"], tmp_path / "log")
    try:
        endless = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?x ?y ?z } "
                   "GRAPH ?c { ?q ?r ?t } GRAPH ?d { ?e ?f ?h } }")
        r = s.get("/sparql", params={"query": endless})
        assert r.status_code == 503 and r.text.startswith("E103") and "1 s" in r.text
        r = s.get("/sparql", params={"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 50"})
        assert r.status_code == 413 and r.text.startswith("E104")
        r = s.get("/sparql", params={"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 5"})
        assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 5
        html = s.get("/queries/statements-with-evidence", params={"_run": "1"}, headers={"Accept": "text/html"}).text
        assert "E104" in html and "Traceback" not in html
    finally:
        stop(s)
