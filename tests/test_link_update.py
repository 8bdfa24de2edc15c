"""kg kb update against a real local SPARQL server (oxigraph serve) loaded with a Wikidata-form fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.errors import EndpointError
from kg.link.kb import DEFAULT_KB_PATH, KnowledgeBase
from kg.link.resolve import Linker
from kg.link.update import update_kb
from tests.servers import free_port, oxigraph_loaded

REPO = Path(__file__).resolve().parents[1]
QUERY = REPO / "queries" / "wikidata" / "entities.rq"

# Synthetic Wikidata-form fixture: Q9000000xx ids are made up (not real items); Q30 and Q7747 are real.
FIXTURE = """\
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix p: <http://www.wikidata.org/prop/> .
@prefix ps: <http://www.wikidata.org/prop/statement/> .
@prefix pq: <http://www.wikidata.org/prop/qualifier/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

wd:Q900000001 rdfs:label "Hossein Dehghan"@en ; skos:altLabel "Hossein Dehqan"@en , "حسین دهقان"@fa ;
  wdt:P31 wd:Q5 ; wdt:P27 wd:Q794 ; p:P39 wd:Q900000001-s1 .
wd:Q900000001-s1 ps:P39 wd:Q900000003 ; pq:P580 "2013-08-15T00:00:00Z"^^xsd:dateTime ;
  pq:P582 "2017-08-20T00:00:00Z"^^xsd:dateTime .
wd:Q7747 rdfs:label "Vladimir Putin"@en ; skos:altLabel "Putin"@en ; wdt:P31 wd:Q5 ; wdt:P27 wd:Q159 .
wd:Q900000002 rdfs:label "Kataib Hezbollah"@en ; skos:altLabel "Kata'ib Hizballah"@en ; wdt:P31 wd:Q17149090 ;
  wdt:P17 wd:Q796 .
wd:Q30 rdfs:label "United States"@en ; skos:altLabel "the States"@en ; wdt:P31 wd:Q3624078 .
"""


@pytest.fixture(scope="module")
def oxigraph_endpoint(tmp_path_factory: pytest.TempPathFactory):
    with oxigraph_loaded(FIXTURE, tmp_path_factory.mktemp("oxi")) as url:
        yield url


@pytest.mark.server
def test_link_update_adds_and_refreshes_entities(oxigraph_endpoint: str, tmp_path: Path) -> None:
    kb_file = tmp_path / "kb.json.gz"
    shutil.copy(DEFAULT_KB_PATH, kb_file)
    stats = update_kb(oxigraph_endpoint, QUERY, kb_file)
    assert stats["items"] == 4
    assert stats["added"] >= 1 and stats["updated"] >= 2
    kb = KnowledgeBase.load(kb_file)
    dehghan = kb.get("Q900000001")
    assert dehghan is not None and dehghan.kind == "person" and dehghan.country_qid == "Q794"
    assert any(r.code == "P39:Q900000003" and r.start == "2013-08-15" for r in dehghan.roles)
    putin = kb.get("Q7747")
    assert putin is not None and putin.code_on("2016-01-01") == "RUSGOV"  # PETRARCH entry took the QID
    assert kb.get("petr:vladimir-putin") is None
    assert kb.get("Q900000002").kind == "armed_group"
    assert "the States" in kb.get("Q30").aliases
    cand = Linker(kb).link_mention("Hossein Dehqan", ner_label="PERSON", date="2016-11-27")
    assert cand is not None and cand.entity.qid == "Q900000001"


def test_link_update_unreachable_endpoint(tmp_path: Path) -> None:
    kb_file = tmp_path / "kb.json.gz"
    shutil.copy(DEFAULT_KB_PATH, kb_file)
    with pytest.raises(EndpointError):
        update_kb(f"http://127.0.0.1:{free_port()}/query", QUERY, kb_file, timeout=2)
