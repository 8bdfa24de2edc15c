"""Online linking against a real local fake Wikidata: an http.server on 127.0.0.1 that answers
``wbsearchentities`` from a small table and SPARQL by running the query on an in-memory
pyoxigraph store loaded with a Wikidata-form fixture (fictional QIDs Q99000xx)."""

from __future__ import annotations

import functools

import gzip
import json
import shutil
import socket
import threading
import time
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox
import pytest

from kg.link.build import default_kb_path
from kg.link.kb import KnowledgeBase, default_kb
from kg.link.online import (OnlineFallbackWarning, OnlineLinker, WikidataClient, online_linker,
                            promote_cache, user_agent)
from kg.link.resolve import Linker
from kg.model import ActorKind

FIXTURE_TTL = """
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix p: <http://www.wikidata.org/prop/> .
@prefix ps: <http://www.wikidata.org/prop/statement/> .
@prefix pq: <http://www.wikidata.org/prop/qualifier/> .
@prefix wikibase: <http://wikiba.se/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

wd:Q9900010 wdt:P279 wd:Q5 .                       # a subclass of human (tests P279*)
wd:Q9900020 wdt:P279 wd:Q43229 .                   # "company" -> organization
wd:Q9900021 wdt:P279 wd:Q9900020 .                 # "public company" -> company

wd:Q9900001 rdfs:label "Hossein Dehqan"@en ; skos:altLabel "Hossein Dehghan"@en, "Dehghan"@en ;
    wdt:P31 wd:Q5 ; wdt:P27 wd:Q794 ; wikibase:sitelinks 30 ;
    p:P39 wd:S1 .
wd:S1 ps:P39 wd:Q9900100 ; pq:P580 "2013-08-15T00:00:00Z"^^xsd:dateTime ; pq:P582 "2017-08-20T00:00:00Z"^^xsd:dateTime .

wd:Q9900002 rdfs:label "Martin Quill"@en ; wdt:P31 wd:Q9900010 ; wdt:P27 wd:Q30 ; wikibase:sitelinks 25 .

wd:Q9900003 rdfs:label "John Barrow"@en ; wdt:P31 wd:Q5 ; wikibase:sitelinks 12 .
wd:Q9900004 rdfs:label "John Barrow"@en ; wdt:P31 wd:Q5 ; wikibase:sitelinks 11 .

wd:Q9900005 rdfs:label "Zorvex Industries"@en ; skos:altLabel "Zorvex"@en ;
    wdt:P31 wd:Q9900021 ; wdt:P17 wd:Q183 ; wikibase:sitelinks 40 .

wd:Q9900006 rdfs:label "Pellam Grove"@en ; wdt:P31 wd:Q5 ; wikibase:sitelinks 0 .

wd:Q9900007 rdfs:label "Reuters"@en ; wdt:P31 wd:Q192283 ; wikibase:sitelinks 80 .
"""

SEARCH = {
    "Hossein Dehqan": ["Q9900001"], "Dehqan": ["Q9900001"], "Martin Quill": ["Q9900002"],
    "John Barrow": ["Q9900003", "Q9900004"], "Zorvex Industries": ["Q9900005"], "Zorvex": ["Q9900005"],
    "Pellam Grove": ["Q9900006"], "Reuters": ["Q9900007"],
}


@functools.lru_cache(maxsize=1)
def _base_kb() -> KnowledgeBase:
    """The base KB without the person layers: these tests ask Wikidata online for a person
    ("Hossein Dehqan", a fake QID) that the person layers would already link offline."""
    return KnowledgeBase.load(default_kb_path())


class FakeWikidata:
    """The running server: ``base`` URL, request ``log`` (path, params, headers), 429 injection."""

    def __init__(self) -> None:
        store = ox.Store()
        store.load(FIXTURE_TTL.encode("utf-8"), ox.RdfFormat.TURTLE)
        self.store = store
        self.log: list[tuple[str, dict[str, list[str]], dict[str, str]]] = []
        self.fail_next = 0  # answer this many next requests with 429 + Retry-After: 1
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def _send(self, code: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                url = urlparse(self.path)
                params = parse_qs(url.query)
                with fake.lock:
                    fake.log.append((url.path, params, dict(self.headers)))
                    if fake.fail_next > 0:
                        fake.fail_next -= 1
                        self._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
                        return
                if url.path == "/w/api.php":
                    name = params.get("search", [""])[0]
                    hits = [{"id": q, "label": name, "description": "fixture"} for q in SEARCH.get(name, [])]
                    body = json.dumps({"searchinfo": {"search": name}, "search": hits, "success": 1}).encode()
                    self._send(200, body, "application/json")
                elif url.path == "/sparql":
                    res = fake.store.query(params["query"][0])
                    self._send(200, res.serialize(format=ox.QueryResultsFormat.JSON),
                               "application/sparql-results+json")
                else:
                    self._send(404, b"not found", "text/plain")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def count(self, path: str | None = None) -> int:
        return sum(1 for p, _, _ in self.log if path is None or p == path)


@pytest.fixture(scope="module")
def fake_wikidata():
    srv = FakeWikidata()
    srv.thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


def _client(srv: FakeWikidata, cache: Path, **kw) -> WikidataClient:
    kw.setdefault("min_interval", 0.0)
    return WikidataClient(f"{srv.base}/w/api.php", f"{srv.base}/sparql", cache_dir=cache, contact="kg-tests@example.org",
                          **kw)


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_link_online_links_nil_person_and_caches(fake_wikidata: FakeWikidata, tmp_path: Path) -> None:
    lk = online_linker(_base_kb(), client=_client(fake_wikidata, tmp_path))
    before = fake_wikidata.count()
    text = "Iranian Defense Minister Hossein Dehqan said on Monday that the drills would go on."
    cand = lk.link_mention("Hossein Dehqan", context=text, ner_label="PERSON", date="2015-05-01")
    assert cand is not None and cand.entity.qid == "Q9900001"
    assert cand.score >= lk.threshold
    # the PETRARCH entry's CAMEO code is kept on the online entity
    assert cand.entity.code_on("2015-05-01") == "IRNGOV"
    assert cand.entity.country_qid == "Q794"
    used = fake_wikidata.count() - before
    assert used == 2  # one search, one SPARQL
    # a new run (new client, same cache folder): no HTTP request at all
    lk2 = online_linker(_base_kb(), client=_client(fake_wikidata, tmp_path))
    again = lk2.link_mention("Hossein Dehqan", context=text, ner_label="PERSON", date="2015-05-01")
    assert again is not None and again.entity.qid == "Q9900001"
    assert fake_wikidata.count() - before == used
    assert lk2.client.stats.requests == 0 and lk2.client.stats.cache_hits >= 2
    rec = json.loads(next((tmp_path / "entity").glob("Q9900001.json")).read_text(encoding="utf-8"))
    assert rec["fetched_at"] > 0 and rec["expires"] > rec["fetched"] and rec["data"]["sitelinks"] == 30


def test_link_online_kind_from_subclass_and_org(fake_wikidata: FakeWikidata, tmp_path: Path) -> None:
    lk = online_linker(_base_kb(), client=_client(fake_wikidata, tmp_path))
    c = lk.link_mention("Army Gen. Martin Quill", context="Army Gen. Martin Quill told reporters.", ner_label="PERSON")
    assert c is not None and c.entity.qid == "Q9900002" and c.entity.kind == "person"
    org = lk.link_mention("Zorvex Industries", ner_label="ORG")
    assert org is not None and org.entity.qid == "Q9900005" and org.entity.kind == "organization"
    assert org.entity.country_qid == "Q183"
    # the same organization under a PERSON label: type mismatch -> NIL
    assert lk.link_mention("Zorvex Industries", ner_label="PERSON") is None


def test_link_online_stays_nil_when_ambiguous_obscure_or_not_a_name(fake_wikidata: FakeWikidata,
                                                                   tmp_path: Path) -> None:
    lk = online_linker(_base_kb(), client=_client(fake_wikidata, tmp_path))
    assert lk.link_mention("John Barrow", ner_label="PERSON") is None  # two equally known John Barrows
    assert lk.link_mention("Pellam Grove", ner_label="PERSON") is None  # no sitelinks
    n = fake_wikidata.count()
    assert lk.link_mention("the officials", ner_label=None) is None  # not a proper name: no request
    assert lk.link_mention("he") is None
    assert fake_wikidata.count() == n
    # offline answers are not asked online
    us = lk.link_mention("Washington", ner_label="GPE")
    assert us is not None and us.entity.qid == "Q30" and fake_wikidata.count() == n


def test_link_online_retries_429_with_retry_after(fake_wikidata: FakeWikidata, tmp_path: Path) -> None:
    client = _client(fake_wikidata, tmp_path)
    fake_wikidata.fail_next = 1
    n = fake_wikidata.count("/w/api.php")
    t0 = time.perf_counter()
    hits = client.search("Zorvex")
    elapsed = time.perf_counter() - t0
    assert [h["id"] for h in hits] == ["Q9900005"]
    assert fake_wikidata.count("/w/api.php") - n == 2  # the 429 and the retry
    assert elapsed >= 0.9  # Retry-After: 1 was honoured
    assert client.available


def test_link_online_gives_up_when_throttled(fake_wikidata: FakeWikidata, tmp_path: Path) -> None:
    client = _client(fake_wikidata, tmp_path, retries=1)
    fake_wikidata.fail_next = 5
    try:
        with pytest.warns(OnlineFallbackWarning, match="429"):
            assert client.search("Reuters") == []
        assert not client.available
    finally:
        fake_wikidata.fail_next = 0


def test_link_online_unreachable_falls_back_to_offline(tmp_path: Path, extract_text) -> None:
    port = _closed_port()
    client = WikidataClient(f"http://127.0.0.1:{port}/w/api.php", f"http://127.0.0.1:{port}/sparql",
                            cache_dir=tmp_path, min_interval=0.0)
    lk = online_linker(_base_kb(), client=client)
    offline = Linker(_base_kb())
    t0 = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = lk.link_mention("Hossein Dehqan", ner_label="PERSON")
        c2 = lk.link_mention("Zorvex Industries", ner_label="ORG")
        res = lk.link(extract_text("Turkish President Recep Tayyip Erdogan met Vladimir Putin in Ankara. "
                                   "Erdogan said Turkey would buy Zorvex Industries missiles."))
    elapsed = time.perf_counter() - t0
    assert c is None and c2 is None
    assert elapsed < 5.0
    assert sum(1 for w in caught if issubclass(w.category, OnlineFallbackWarning)) == 1
    assert client.stats.requests == 1 and not client.available
    ref = offline.link(extract_text("Turkish President Recep Tayyip Erdogan met Vladimir Putin in Ankara. "
                                     "Erdogan said Turkey would buy Zorvex Industries missiles."))
    assert [(a.name, a.qid, a.cameo_code) for a in res.actors] == [(a.name, a.qid, a.cameo_code) for a in ref.actors]


def test_link_online_user_agent_is_descriptive(fake_wikidata: FakeWikidata, tmp_path: Path) -> None:
    client = _client(fake_wikidata, tmp_path)
    client.search("Martin Quill")
    ua = fake_wikidata.log[-1][2]["User-Agent"]
    assert ua == user_agent("kg-tests@example.org")
    assert ua.startswith("kg/") and "requests/" in ua and "kg-tests@example.org" in ua and "https://" in ua


def test_link_online_rate_limit(fake_wikidata: FakeWikidata, tmp_path: Path) -> None:
    client = _client(fake_wikidata, tmp_path, min_interval=0.25)
    t0 = time.perf_counter()
    for name in ("Dehqan", "Zorvex", "Reuters"):
        client.search(name)
    assert time.perf_counter() - t0 >= 0.5  # 3 requests, >= 2 intervals
    assert client.stats.requests == 3


def test_link_online_expired_cache_refetches_and_stale_is_used_offline(fake_wikidata: FakeWikidata,
                                                                       tmp_path: Path) -> None:
    client = _client(fake_wikidata, tmp_path, expiry_days=0)
    client.search("Reuters")
    n = fake_wikidata.count()
    client.search("Reuters")
    assert fake_wikidata.count() == n + 1  # expired -> asked again
    down = WikidataClient(f"http://127.0.0.1:{_closed_port()}/w/api.php", cache_dir=tmp_path, expiry_days=0,
                          min_interval=0.0)
    with pytest.warns(OnlineFallbackWarning):
        assert [h["id"] for h in down.search("Reuters")] == ["Q9900007"]


def test_link_online_link_result_keeps_demonym_groups(fake_wikidata: FakeWikidata, tmp_path: Path,
                                                      extract_text) -> None:
    lk = online_linker(_base_kb(), client=_client(fake_wikidata, tmp_path))
    res = lk.link(extract_text("The Syrian military said on Sunday that Zorvex Industries had supplied the "
                               "rebels. Martin Quill denied it.", "on1"))
    by_name = {a.name: a for a in res.actors}
    assert by_name.get("Zorvex Industries") and by_name["Zorvex Industries"].qid == "Q9900005"
    assert by_name.get("Martin Quill") and by_name["Martin Quill"].qid == "Q9900002"
    groups = [a for a in res.actors if a.cameo_code == "SYRMIL"]
    assert groups and groups[0].qid is None and groups[0].country_qid == "Q858"


def test_link_online_promote_cache_into_kb(fake_wikidata: FakeWikidata, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    lk = online_linker(_base_kb(), client=_client(fake_wikidata, cache))
    assert lk.link_mention("Hossein Dehqan", ner_label="PERSON", date="2015-05-01") is not None
    assert lk.link_mention("Zorvex Industries", ner_label="ORG") is not None
    kb_file = tmp_path / "kb.json.gz"
    shutil.copy(default_kb_path(), kb_file)
    stats = promote_cache(kb_file, cache_dir=cache)
    assert stats["items"] == 2 and stats["added"] == 1 and stats["updated"] == 1  # Dehqan takes over PETRARCH
    with gzip.open(kb_file, "rt", encoding="utf-8") as fh:
        doc = json.load(fh)
    rec = next(e for e in doc["entities"] if e["id"] == "Q9900005")
    assert rec["source"].startswith("wikidata-online 20") and rec["kind"] == "organization"
    kb = KnowledgeBase.load(kb_file)
    offline = Linker(kb)
    c = offline.link_mention("Zorvex Industries", ner_label="ORG")
    assert c is not None and c.entity.qid == "Q9900005"
    d = offline.link_mention("Hossein Dehqan", ner_label="PERSON", date="2015-05-01")
    assert d is not None and d.entity.qid == "Q9900001" and d.entity.code_on("2015-05-01") == "IRNGOV"
    assert len(kb) == len(_base_kb()) + 1


def test_link_online_is_a_linker(tmp_path: Path) -> None:
    lk = online_linker(_base_kb(), client=WikidataClient("http://127.0.0.1:9/w/api.php", cache_dir=tmp_path))
    assert isinstance(lk, OnlineLinker) and isinstance(lk, Linker)
    assert lk.client.api_url.endswith("/w/api.php") and lk.threshold == Linker(_base_kb()).threshold


def test_link_online_env_configures_endpoints(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KG_WIKIDATA_API", "http://127.0.0.1:1/api")
    monkeypatch.setenv("KG_WIKIDATA_SPARQL", "http://127.0.0.1:1/sparql")
    monkeypatch.setenv("KG_WIKIDATA_CACHE", str(tmp_path / "c"))
    c = WikidataClient()
    assert (c.api_url, c.sparql_url, c.cache_dir) == ("http://127.0.0.1:1/api", "http://127.0.0.1:1/sparql",
                                                      tmp_path / "c")
    assert ActorKind.COUNTRY.value == "GPE"


def test_link_online_cached_mode_speed(fake_wikidata: FakeWikidata, tmp_path: Path) -> None:
    names = [f"Unknown Person{i}" for i in range(40)] + list(SEARCH)
    warm = online_linker(_base_kb(), client=_client(fake_wikidata, tmp_path))
    for n in names:
        warm.link_mention(n, context=f"{n} said on Monday.", ner_label="PERSON")
    lk = online_linker(_base_kb(), client=_client(fake_wikidata, tmp_path))
    t0 = time.perf_counter()
    for n in names:
        lk.link_mention(n, context=f"{n} said on Monday.", ner_label="PERSON")
    rate = len(names) / (time.perf_counter() - t0)
    assert lk.client.stats.requests == 0
    assert rate > 200, rate
