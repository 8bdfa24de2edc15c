"""kg.rdf.build.article_lines: the N-Triples / N-Quads written without rdflib equal rdflib's, byte for byte.

The rdflib path (``serialize_graph(build_article_graph(...))``) is the reference; the line writer is what the
workers use.  Hand-made articles (tests/_rdf_fixtures.py), odd strings (quotes, backslashes, line breaks,
control characters, lone surrogates, emoji) and, when ../shared is present, real extracted articles.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.rdf.build import article_lines, build_article_graph
from kg.rdf.serialize import serialize_graph
from tests._rdf_fixtures import RUN, results
from tests.test_rdf_build import _odd_result

FORMATS = ("ntriples", "nquads")


@pytest.mark.parametrize("fmt", FORMATS)
def test_rdf_lines_equal_rdflib_on_the_fixture_articles(fmt):
    for r in results():
        fast = article_lines(r, RUN, fmt)
        assert fast == serialize_graph(build_article_graph(r, RUN), fmt)
        assert fast.count(b"\n") == len(build_article_graph(r, RUN))  # one line per distinct triple


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("text", ['Jo "x" \\ <y>\n', "tab\there\r\nand \\n literally", "Ünïcode 😀\ud800",
                                  "\x00\x07\x1f ctrl", "a'b''c'''", "ends with backslash \\"])
def test_rdf_lines_equal_rdflib_on_odd_strings(fmt, text):
    r = _odd_result("Dana O'Neil", text)
    fast = article_lines(r, RUN, fmt)
    assert fast == serialize_graph(build_article_graph(r, RUN), fmt)
    ox.parse(fast, format=ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.N_TRIPLES)  # strict parser


@settings(max_examples=60, deadline=None)
@given(name=st.text(min_size=1, max_size=30), text=st.text(min_size=1, max_size=30))
def test_rdf_lines_equal_rdflib_on_any_strings(name, text):
    r = _odd_result(name, text)
    for fmt in FORMATS:
        assert article_lines(r, RUN, fmt) == serialize_graph(build_article_graph(r, RUN), fmt)


def test_rdf_lines_nquads_name_the_article_graph():
    r = results()[0]
    graphs = {q.graph_name.value for q in ox.parse(article_lines(r, RUN, "nquads"), format=ox.RdfFormat.N_QUADS)}
    assert graphs == {str(build_article_graph(r, RUN).identifier)}


def test_rdf_lines_reject_other_formats():
    with pytest.raises(ValueError):
        article_lines(results()[0], RUN, "turtle")


def test_rdf_lines_equal_rdflib_on_real_extracted_articles(nlp, linker, shared_dir):
    import itertools

    from kg.extract import extract_articles
    from kg.ingest import Skipped, read_articles

    path = shared_dir / "data" / "news" / "allsides_politics.jsonl"
    if not path.exists():
        pytest.skip(f"needs {path} (../shared beside the repository)")
    articles = [a for a in itertools.islice(read_articles([path]), 8) if not isinstance(a, Skipped)]
    results = [linker.link(r) for r in extract_articles(nlp, articles)]
    assert sum(len(r.statements) for r in results) > 0
    for r in results:
        for fmt in FORMATS:
            assert article_lines(r, RUN, fmt) == serialize_graph(build_article_graph(r, RUN), fmt)


def test_rdf_lines_build_no_rdflib_terms_on_the_way(caplog):
    """The writer joins plain strings: no URIRef "<..." is ever made (rdflib would log a warning for each)."""
    import logging

    with caplog.at_level(logging.WARNING):
        for r in results():
            article_lines(r, RUN, "nquads")
    assert not [rec for rec in caplog.records if "does not look like a valid URI" in rec.getMessage()]
