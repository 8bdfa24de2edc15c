"""Names, ids, titles, URLs and literals that break naive RDF: every graph kg
builds from hypothesis-made ArticleResults serializes to every format, parses
back isomorphic (rdflib and pyoxigraph), and loads into a real pyoxigraph
store from a file of each format.  Extends tests/test_rdf_serialize.py,
whose odd-text test varies one actor name and one text; here every field of
the article, actors and statements varies independently."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from kg.model import Actor, ActorKind, Article, ArticleResult, Mode, Span, Statement, StatementType
from kg.rdf.build import article_graph_iri, build_article_graph, build_dataset
from kg.rdf.serialize import FORMATS, RdfWriter, serialize_graph
from kg.store.oxigraph import OxigraphStore
from tests._rdf_fixtures import RUN
from tests.test_rdf_serialize import _round_trip

#: characters that break naive RDF writers, plus anything (lone surrogates included)
_nasty = st.sampled_from(['"', "'", "\\", "\n", "\r", "\t", ">", "<", " ", "{", "}", "|", "^", "`", "%", "%zz",
                          "\x00", "\x7f", "\u0085", "\u2028", "\ufeff", "\u200b", "\u202e", "\ud800", "\udfff",
                          "😀", "🇺🇦", "ش", "ע", "#", "?", "@en", "^^", "_:b0", "\"\"\"", "'''", "]]>", "&amp;"])
_piece = st.characters(exclude_categories=()) | _nasty
text = st.lists(_piece, min_size=1, max_size=20).map("".join)
long_text = text.map(lambda s: s * 400)  # thousands of characters
maybe = lambda s: st.none() | s  # noqa: E731
urls = maybe(st.one_of(
    text,
    st.builds(lambda sch, rest: f"{sch}:{rest}", st.sampled_from(["http", "https", "urn", "mailto", "javascript", "x-y+z"]), text),
    st.builds(lambda host, rest: f"https://{host}/{rest}", st.sampled_from(["e.org", "[::1]", "e.org:99999", "é.org", "a b"]), text),
))
dates = maybe(st.one_of(st.dates().map(str), st.datetimes().map(lambda d: d.isoformat()), text))
qids = maybe(st.one_of(st.integers(1, 10**9).map(lambda n: f"Q{n}"), text))
floats = st.floats(allow_nan=True, allow_infinity=True) | st.floats(0, 1)


@st.composite
def actors(draw) -> Actor:
    return Actor(draw(st.one_of(text, long_text)), draw(st.sampled_from(list(ActorKind))), role=draw(maybe(text)),
                 qid=draw(qids), link_confidence=draw(maybe(floats)), cameo_code=draw(maybe(text)),
                 country_qid=draw(qids))


@st.composite
def results(draw) -> ArticleResult:
    parts = draw(st.lists(text, min_size=3, max_size=6))
    body = " ".join(parts)
    art = Article(draw(st.one_of(text, long_text)), body, title=draw(maybe(st.one_of(text, long_text))), date=draw(dates),
                  publisher=draw(maybe(text)), url=draw(urls), origin=draw(maybe(text)))

    def span() -> Span:
        i = draw(st.integers(0, len(body) - 1))
        j = draw(st.integers(i + 1, len(body)))
        return Span(i, j, body[i:j])

    statements = []
    for index in range(draw(st.integers(0, 3))):
        targets = draw(st.lists(actors(), max_size=3))
        statements.append(Statement(
            art.id, index, span(), draw(actors()), span(), span(), draw(maybe(text)),
            draw(st.sampled_from(list(StatementType))), targets, [span() for _ in targets],
            content=draw(maybe(st.just(None) | st.builds(span))), mode=draw(st.sampled_from(list(Mode))),
            negated=draw(st.booleans()), hypothetical=draw(st.booleans()), confidence=draw(floats)))
    return ArticleResult(art, statements, draw(st.lists(actors(), max_size=2)))


_settings = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                            HealthCheck.data_too_large])


def _valid_iris(graph) -> None:
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                ox.NamedNode(str(term))  # raises on an invalid IRI


@_settings
@given(batch=st.lists(results(), min_size=1, max_size=3))
def test_robust_rdf_any_article_round_trips_every_format(batch):
    ds = build_dataset(batch, RUN)
    for g in (build_article_graph(r, RUN) for r in batch):
        _valid_iris(g)
    for fmt in FORMATS:
        _round_trip(ds, fmt)


@settings(_settings, max_examples=25)
@given(batch=st.lists(results(), min_size=1, max_size=3))
def test_robust_rdf_any_article_loads_into_pyoxigraph(tmp_path_factory, batch):
    """Written with RdfWriter in every format, each file loads into a real
    on-disk store with every quad; the N-Triples payload of ``kg run``
    (one graph each) replaces the graph exactly."""
    d: Path = tmp_path_factory.mktemp("rdf")
    batch = list({r.article.key: r for r in batch}.values())  # kg.ingest gives every article its own key
    ds = build_dataset(batch, RUN)
    n_quads = len(list(ds.quads((None, None, None, None))))
    merged = len({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))})
    with OxigraphStore(d / "store") as store:
        for fmt, info in FORMATS.items():
            path = d / f"out{info.suffix}"
            with RdfWriter(path, fmt) as w:
                for r in batch:
                    w.add(build_article_graph(r, RUN))
            store.update("CLEAR ALL")
            store.load_file(path, replace=True)
            assert store.count() == (n_quads if info.quads else merged), fmt
        store.update("CLEAR ALL")
        for r in batch:  # what `kg run` does for each article
            g = build_article_graph(r, RUN)
            store.replace_graph(str(article_graph_iri(r.article)), serialize_graph(g, "ntriples"))
            assert store.count(str(article_graph_iri(r.article))) == len(g)
        assert store.count() == n_quads
