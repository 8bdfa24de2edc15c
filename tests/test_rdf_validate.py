"""kg.rdf.validate: built graphs conform to ontology/shapes.ttl; broken ones give the expected violation."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.rdf.build import build_article_graph, build_dataset, statement_iri
from kg.rdf.validate import validate
from kg.rdf.vocab import KG, KGT
from tests._rdf_fixtures import RUN, article1, results
from tests.test_rdf_build import _odd_result, _two_kinds_result


def test_rdf_validate_built_dataset_conforms():
    report = validate(build_dataset(results(), RUN))
    assert report.conforms, report.violations
    assert report.violations == []


def test_rdf_validate_odd_names_conform():
    report = validate(build_article_graph(_odd_result('Jo "x" \\ <y>\n', "Ünïcode 😀\ud800"), RUN))
    assert report.conforms, report.violations


def test_rdf_validate_article_scoped_persons_conform():
    # unlinked persons get article-scoped IRIs (article/{key}/actor/{slug}); the shapes take any actor IRI
    ds = build_dataset([_two_kinds_result("p1"), _two_kinds_result("p2")], RUN)
    assert any(str(s).endswith("article/p1/actor/john-smith") for s, _p, _o, _g in ds.quads((None, RDF.type, KG.Person, None)))
    report = validate(ds)
    assert report.conforms, report.violations


def test_rdf_validate_run_settings_and_kb_files_conform_and_a_bad_digest_does_not():
    from kg.model import ExtractionRun
    from kg.rdf.build import kb_file_iri

    run = ExtractionRun("0.1.0", "m", "1", "2024-05-01T12:00:00+00:00", "offline", (("kb.json.gz", "a" * 64),))
    g = build_article_graph(article1(), run)
    assert validate(g).conforms, validate(g).violations
    g.set((kb_file_iri("kb.json.gz", "a" * 64), KG.fileDigest, Literal("not-a-digest")))
    assert not validate(g).conforms


def _broken(edit):
    r = article1()
    g = build_article_graph(r, RUN)
    s = statement_iri(r.statements[0])
    edit(g, s)
    return validate(g)


def _missing_actor(g, s):
    g.remove((s, KG.actor, None))


def _confidence(g, s):
    g.set((s, KG.confidence, Literal("1.7", datatype=XSD.decimal)))


def _end_before_start(g, s):
    sent = g.value(s, KG.sentence)
    g.set((sent, KG.endOffset, Literal("3", datatype=XSD.nonNegativeInteger)))


def _unknown_type(g, s):
    g.set((s, KG.statementType, KGT.scheme))


def _untyped_target(g, s):
    t = URIRef("https://w3id.org/kg-news/id/actor/name-nobody")
    g.add((s, KG.target, t))


def _bad_mode(g, s):
    g.set((s, KG.mode, Literal("shouted")))


def _bad_qid(g, s):
    g.set((g.value(s, KG.actor), KG.qid, Literal("30")))


@pytest.mark.parametrize(
    ("edit", "path", "component"),
    [
        (_missing_actor, KG.actor, "MinCountConstraintComponent"),
        (_confidence, KG.confidence, "MaxInclusiveConstraintComponent"),
        (_end_before_start, KG.startOffset, "LessThanConstraintComponent"),
        (_unknown_type, KG.statementType, "InConstraintComponent"),
        (_untyped_target, KG.target, "ClassConstraintComponent"),
        (_bad_mode, KG.mode, "InConstraintComponent"),
        (_bad_qid, KG.qid, "PatternConstraintComponent"),
    ],
)
def test_rdf_validate_broken_graph_gives_violation(edit, path, component):
    report = _broken(edit)
    assert not report.conforms
    found = {(v.path, v.component) for v in report.violations}
    assert (str(path), component) in found, report.violations
    assert all(v.severity == "Violation" and v.message for v in report.violations)


def test_rdf_validate_dataset_reports_graph_name():
    ds = build_dataset(results(), RUN)
    g = next(g for g in ds.graphs() if str(g.identifier).endswith("dehqan-2"))
    s = next(g.subjects(RDF.type, KG.Statement))
    g.remove((s, KG.negated, None))
    report = validate(ds)
    assert [(v.graph, v.path) for v in report.violations] == [(str(g.identifier), str(KG.negated))]
