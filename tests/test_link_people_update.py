"""kg kb update --layer people: the person layer rebuilt from a real local SPARQL server (oxigraph serve)
loaded with a Wikidata-form fixture written for this test (made-up persons and positions, Q9100000xx)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.link.kb import DEFAULT_KB_PATH, KnowledgeBase, layer_infos
from kg.link.resolve import Linker
from kg.link.update import PEOPLE_QUERY, update_people_layer
from tests.servers import oxigraph_loaded

FIXTURE = """\
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix p: <http://www.wikidata.org/prop/> .
@prefix ps: <http://www.wikidata.org/prop/statement/> .
@prefix pq: <http://www.wikidata.org/prop/qualifier/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

wd:Q910000101 rdfs:label "Minister of Defence and Armed Forces Logistics"@en ; wdt:P17 wd:Q794 .
wd:Q910000102 rdfs:label "Prime Minister of the United Kingdom"@en ; wdt:P17 wd:Q145 .

wd:Q910000001 wdt:P31 wd:Q5 ; rdfs:label "Arden Vorlakis"@en ; wdt:P27 wd:Q794 ; p:P39 wd:Q910000001-s1 .
wd:Q910000001-s1 ps:P39 wd:Q910000101 ; pq:P580 "2014-01-01T00:00:00Z"^^xsd:dateTime ;
  pq:P582 "2018-06-30T00:00:00Z"^^xsd:dateTime .
wd:Q910000002 wdt:P31 wd:Q5 ; rdfs:label "Brina Kessari Vorlakis"@en ; skos:altLabel "Brina Vorlakis"@en ;
  wdt:P27 wd:Q794 ; p:P39 wd:Q910000002-s1 .
wd:Q910000002-s1 ps:P39 wd:Q910000101 ; pq:P580 "2018-07-01T00:00:00Z"^^xsd:dateTime .
wd:Q910000003 wdt:P31 wd:Q5 ; rdfs:label "Corin Tasselby"@en ; wdt:P27 wd:Q145 ; p:P39 wd:Q910000003-s1 .
wd:Q910000003-s1 ps:P39 wd:Q910000102 ; pq:P580 "1990-01-01T00:00:00Z"^^xsd:dateTime ;
  pq:P582 "1995-06-30T00:00:00Z"^^xsd:dateTime .
"""


@pytest.fixture(scope="module")
def wikidata_endpoint(tmp_path_factory: pytest.TempPathFactory):
    with oxigraph_loaded(FIXTURE, tmp_path_factory.mktemp("oxi-people")) as url:
        yield url


@pytest.mark.server
def test_link_people_update_rebuilds_the_person_layer(wikidata_endpoint: str, tmp_path: Path) -> None:
    out = tmp_path / "kb-people.json.gz"
    stats = update_people_layer(wikidata_endpoint, PEOPLE_QUERY, out)
    assert stats["persons"] == 2  # Corin Tasselby's term ended before 2000: not in the layer
    meta = json.loads((tmp_path / "kb-people.meta.json").read_text(encoding="utf-8"))
    assert meta["licence"].startswith("CC0") and meta["layer"] == "people" and meta["counts"] == {"person": 2}
    kb = KnowledgeBase.load(DEFAULT_KB_PATH, [out])
    assert kb.layers[-1]["layer"] == "people"
    brina = kb.get("Q910000002")
    assert brina is not None and brina.country_qid == "Q794" and brina.positions[0].keys == ("defence_minister",)
    lk = Linker(kb)
    # the role phrase and the date pick the holder, as with the bundled layer
    assert lk.role_holder("the Iranian defence minister", "2016-03-01").qid == "Q910000001"
    assert lk.role_holder("Iran's defense minister", "2019-03-01").qid == "Q910000002"
    assert lk.role_holder("the Iranian defence minister", "2010-03-01") is None  # nobody in this KB then
    short = lk.link_mention("Brina Vorlakis", ner_label="PERSON", date="2019-03-01")
    assert short is not None and short.entity.qid == "Q910000002"
    assert [i["layer"] for i in layer_infos(f"open,{out}")] == ["base", "open", "people"]


@pytest.mark.server
def test_link_people_update_cli_and_unknown_layer(wikidata_endpoint: str, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "people.json.gz"
    res = runner.invoke(app, ["kb", "update", "--layer", "people", "--endpoint", wikidata_endpoint, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["persons"] == 2 and out.exists()
    res = runner.invoke(app, ["kb", "update", "--layer", "voters", "--endpoint", wikidata_endpoint])
    assert res.exit_code == 2 and "E071" in res.output
    res = runner.invoke(app, ["kb", "layers"], env={"KG_KB_LAYERS": f"{out}", "COLUMNS": "200"})
    assert res.exit_code == 0 and "CC0 1.0 (Wikidata)" in res.output and "people-nc" not in res.output
    res = runner.invoke(app, ["kb", "layers"], env={"KG_KB_LAYERS": "open,voters"})
    assert res.exit_code == 1 and "E121" in res.output
