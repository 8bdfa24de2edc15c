"""The bundled knowledge base: load, lookups, and a rebuild from ../shared that matches it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kg.errors import KnowledgeBaseError
from kg.link.build import build_kb
from kg.link.kb import DEFAULT_KB_PATH, KnowledgeBase, default_kb

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SOURCES = SHARED / "data" / "wikidata"


def test_kb_bundled_file_is_small_and_loads() -> None:
    assert DEFAULT_KB_PATH.exists()
    assert DEFAULT_KB_PATH.stat().st_size < 3_000_000
    kb = default_kb()
    assert kb is default_kb()  # loaded once
    counts = kb.counts()
    assert counts["country"] == 250
    assert counts["city"] > 4000 and counts["organization"] > 500 and counts["person"] > 10000
    assert (DEFAULT_KB_PATH.parent / "ATTRIBUTION.md").exists()


def test_kb_get_and_entity_fields() -> None:
    kb = default_kb()
    us = kb.get("Q30")
    assert us is not None and us.label == "United States" and us.kind == "country"
    assert us.cameo_code == "USA" and us.country_qid == "Q30"
    assert "American" in us.aliases
    assert kb.get("Q7184").cameo_code.startswith("IGO")
    assert kb.get("Q649").kind == "city"  # Moscow, the city-state from dr5hn_states.csv
    assert kb.get("Q0") is None


@pytest.mark.parametrize("word,qid", [("Iranian", "Q794"), ("Turkish", "Q43"), ("American", "Q30"),
                                       ("Saudis", "Q851"), ("Syrian", "Q858"), ("Russians", "Q159")])
def test_kb_country_of_demonym(word: str, qid: str) -> None:
    ent = default_kb().country_of_demonym(word)
    assert ent is not None and ent.qid == qid


def test_kb_demonym_is_not_a_country_name() -> None:
    assert default_kb().country_of_demonym("Iran") is None


@pytest.mark.parametrize("name,known", [("US", True), ("U.S.", True), ("us", False), ("Hezbollah", True),
                                         ("NATO", True), ("IS", False), ("Xqzzv Plorb", False),
                                         ("Dehghan", True), ("the Kremlin", True)])
def test_kb_is_known_name(name: str, known: bool) -> None:
    assert default_kb().is_known_name(name) is known


def test_kb_lookup_transliteration_and_fuzzy() -> None:
    kb = default_kb()
    ph = kb.lookup("Hossein Dehqan")  # the person layer writes "Hossein Dehghan"; PETRARCH's entry merged into it
    assert ph and ph[0].entity.qid == "Q14514593" and ph[0].match == "phonetic"
    assert ph[0].entity.cameo_code == "IRNGOV"
    fz = kb.lookup("Afgahnistan")
    assert fz and fz[0].entity.qid == "Q889" and fz[0].match == "fuzzy"
    assert all(0.0 <= c.score <= 1.0 for c in kb.lookup("Washington", limit=5))
    assert kb.lookup("us") == []


def test_kb_agents_give_role_codes() -> None:
    kb = default_kb()
    assert kb.agent_code("officials") == "GOV"
    assert kb.agent_code("military") == "MIL"
    assert kb.agent_code("defense minister") == "GOVMIL"
    assert kb.country_by_cameo("IRNGOV").qid == "Q794"


def test_kb_load_missing_file_raises_e040(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError) as exc:
        KnowledgeBase.load(tmp_path / "nope.json.gz")
    assert exc.value.code == "E040"
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(KnowledgeBaseError):
        KnowledgeBase.load(bad)


@pytest.mark.shared
def test_kb_rebuild_matches_shipped_counts(tmp_path: Path) -> None:
    if not SOURCES.exists():
        pytest.skip("../shared/data/wikidata not available")
    stats = build_kb(SOURCES, tmp_path / "kb.json.gz")
    assert stats["counts"] == KnowledgeBase.load(DEFAULT_KB_PATH).counts()
    for name in ("kb-open.json.gz", "kb-people-nc.json.gz"):  # the layers: byte-identical rebuilds
        assert (tmp_path / name).read_bytes() == (DEFAULT_KB_PATH.parent / name).read_bytes(), name
    with gzip.open(tmp_path / "kb.json.gz", "rt", encoding="utf-8") as a, \
            gzip.open(DEFAULT_KB_PATH, "rt", encoding="utf-8") as b:
        da, db = json.load(a), json.load(b)
    assert da["entities"] == db["entities"]  # deterministic build
    assert da["agents"] == db["agents"]


def test_kb_build_missing_sources_raises_e040(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError) as exc:
        build_kb(tmp_path, tmp_path / "kb.json.gz")
    assert exc.value.code == "E040"


def test_kb_load_cached_writes_reads_and_rebuilds_a_bad_cache(tmp_path: Path, monkeypatch) -> None:
    from kg.link.kb import load_cached

    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    first = load_cached(DEFAULT_KB_PATH, [])
    files = list((tmp_path / "cache" / "kb").glob("kb-*.pickle"))
    assert len(files) == 1 and len(first) == len(KnowledgeBase.load(DEFAULT_KB_PATH))
    again = load_cached(DEFAULT_KB_PATH, [])  # from the cache
    assert again.counts() == first.counts() and again.get("Q30").label == "United States"
    files[0].write_bytes(b"not a pickle")  # a damaged cache is rebuilt, never an error
    third = load_cached(DEFAULT_KB_PATH, [])
    assert third.counts() == first.counts() and files[0].stat().st_size > 1000
    monkeypatch.setenv("KG_CACHE", "off")
    assert len(load_cached(DEFAULT_KB_PATH, [])) == len(first)
