"""The vocabulary module mirrors ontology/kg.ttl; kg.rdf does not import spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Graph, URIRef

from kg.rdf.validate import ONTOLOGY_DIR
from kg.rdf.vocab import KG, KGT


def _ttl_terms(ns: str) -> set[str]:
    g = Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    return {str(s)[len(ns):] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(ns)}


def _ns_terms(ns_class) -> set[str]:
    return {name for name in ns_class.__annotations__ if not name.startswith("_")}


@pytest.mark.parametrize("ns_class", [KG, KGT])
def test_rdf_vocab_in_sync_with_kg_ttl(ns_class):
    ttl = _ttl_terms(str(ns_class._NS))
    py = _ns_terms(ns_class)
    assert ttl - py == set(), f"in kg.ttl, missing from {ns_class.__name__}: {sorted(ttl - py)}"
    assert py - ttl == set(), f"in {ns_class.__name__}, missing from kg.ttl: {sorted(py - ttl)}"


def test_rdf_vocab_typo_raises():
    with pytest.raises(AttributeError):
        KG.acuse  # noqa: B018
    assert str(KG.accused) == "https://w3id.org/kg-news/ontology#accused"
    assert str(KGT.ACCUSE) == "https://w3id.org/kg-news/statement-type/ACCUSE"


def test_rdf_import_does_not_load_spacy():
    code = (
        "import sys, kg.rdf.build, kg.rdf.serialize, kg.rdf.validate, kg.rdf.docs, kg.queries; "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
