"""ontology/kg.ttl: well-formed, documented, in step with kg.model, with sound RDFS/OWL-RL inferences."""

from __future__ import annotations

import owlrl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.model import TYPE_INFO, StatementType
from kg.rdf.build import build_dataset
from kg.rdf.docs import REFERENCE_PATH, render_reference
from kg.rdf.validate import load_ontology
from kg.rdf.vocab import ID, KG, KGT, ONTOLOGY_IRI, SCHEMA
from tests._rdf_fixtures import DEHQAN_QID, RUN, results

ONT = load_ontology()


def test_ontology_header():
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ONT
    assert ONT.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert ONT.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef("https://w3id.org/kg-news/ontology/0.1.0")


def _props():
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return sorted({p for k in kinds for p in ONT.subjects(RDF.type, k) if str(p).startswith(str(KG._NS))})


@pytest.mark.parametrize("prop", _props(), ids=lambda p: str(p).rsplit("#", 1)[-1])
def test_ontology_property_documented(prop):
    for pred in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
        assert ONT.value(prop, pred) is not None, f"{prop} lacks {pred}"


def test_ontology_classes_documented():
    classes = [c for c in ONT.subjects(RDF.type, OWL.Class) if str(c).startswith(str(KG._NS))]
    assert len(classes) == 14  # KnowledgeBaseFile: the files a run linked with (issue 15); DirectEdge (issue 17)
    for c in classes:
        assert ONT.value(c, RDFS.label) and ONT.value(c, RDFS.comment)


@pytest.mark.parametrize("t", list(StatementType), ids=lambda t: t.value)
def test_ontology_statement_type_matches_model(t):
    info = TYPE_INFO[t]
    c = KGT[t.value]
    assert (c, RDF.type, KG.StatementType) in ONT and (c, SKOS.inScheme, KGT.scheme) in ONT
    assert ONT.value(c, SKOS.notation) == Literal(t.value)
    assert ONT.value(c, SKOS.prefLabel) == Literal(info.label, lang="en")
    assert ONT.value(c, SKOS.definition) == Literal(info.definition, lang="en")
    assert ONT.value(c, KG.cameoCode) == Literal(info.cameo)
    assert ONT.value(c, KG.ploverCategory) == (Literal(info.plover) if info.plover else None)
    assert ONT.value(c, SKOS.broader) == (KGT[info.broader] if info.broader else None)
    edge = ONT.value(c, KG.directEdge)
    assert edge is not None and ONT.value(edge, KG.derivedBy) == Literal("queries/derive-direct-edges.rq")
    if info.broader:  # the edge refines the broader type's edge
        assert (edge, RDFS.subPropertyOf, ONT.value(KGT[info.broader], KG.directEdge)) in ONT


def test_ontology_only_direct_edges_are_derived():
    derived = set(ONT.subjects(KG.derivedBy, None))
    assert derived == set(ONT.objects(None, KG.directEdge))
    assert len(derived) == 18


def _closure(semantics) -> Graph:
    g = Graph()
    g += ONT
    for s, p, o, _ in build_dataset(results(), RUN).quads((None, None, None, None)):
        g.add((s, p, o))
    owlrl.DeductiveClosure(semantics).expand(g)
    return g


def test_ontology_rdfs_closure_adds_expected_types():
    g = _closure(owlrl.RDFS_Semantics)
    dehqan = ID[f"actor/wd-{DEHQAN_QID}"]
    assert (dehqan, RDF.type, SCHEMA.Person) in g
    assert (ID["actor/wd-Q30"], RDF.type, SCHEMA.Country) in g
    art = ID["article/dehqan-1"]
    assert (art, RDF.type, SCHEMA.NewsArticle) in g
    assert (art, RDF.type, URIRef("http://www.w3.org/ns/prov#Entity")) in g
    assert (ID["article/dehqan-1/sentence/125-194"], RDF.type, KG.TextSpan) in g
    assert (KGT.ACCUSE, RDF.type, SKOS.Concept) in g
    assert (ID["actor/wd-Q30"], SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q30")) in g


def test_ontology_owlrl_closure_derived_edge_implies_broader():
    g = _closure(owlrl.OWLRL_Semantics)
    # the derived edges are not in the data, so no edge is inferred from statements
    assert not list(g.triples((None, KG.accused, None)))
    g.add((ID[f"actor/wd-{DEHQAN_QID}"], KG.accused, ID["actor/wd-Q30"]))
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    assert (ID[f"actor/wd-{DEHQAN_QID}"], KG.criticized, ID["actor/wd-Q30"]) in g
    assert (ID[f"actor/wd-{DEHQAN_QID}"], RDF.type, KG.Person) in g


def test_ontology_reference_in_sync():
    assert REFERENCE_PATH.read_text(encoding="utf-8") == render_reference(), "run: python -m kg.rdf.docs"
