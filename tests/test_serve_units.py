"""The pure parts of kg serve, table-driven: span marking, cue lookup, content negotiation, loopback
and URL checks, result formats (own sentences and terms; no store, no server)."""

from __future__ import annotations

import json

import pytest

from kg.errors import QueryError
from kg.serve.app import _safe_url, is_loopback
from kg.serve.data import kind_of_iri
from kg.serve.evidence import Mark, find_cue, mark
from kg.serve.protocol import NotAcceptable, negotiate, serialize_result
from kg.store.base import QueryResult, Term


@pytest.mark.parametrize("text, marks, want", [
    ("Iran accused the US", [Mark(0, 4, "speaker"), Mark(5, 12, "cue"), Mark(17, 19, "target")],
     [("Iran", ("speaker",)), (" ", ()), ("accused", ("cue",)), (" the ", ()), ("US", ("target",))]),
    ("abc", [], [("abc", ())]),
    ("abcdef", [Mark(0, 6, "sentence"), Mark(2, 4, "cue")],
     [("ab", ("sentence",)), ("cd", ("cue", "sentence")), ("ef", ("sentence",))]),
    ("abc", [Mark(-5, 2, "speaker"), Mark(2, 99, "target"), Mark(7, 9, "cue")],
     [("ab", ("speaker",)), ("c", ("target",))]),
    ("", [Mark(0, 3, "cue")], [("", ())]),
])
def test_serve_mark_cuts_text_into_segments(text, marks, want):
    segs = mark(text, marks)
    assert [(s.text, s.roles) for s in segs] == want
    assert "".join(s.text for s in segs) == text


def test_serve_mark_keeps_anchors_and_titles():
    segs = mark("Rahmani said no", [Mark(0, 15, "sentence", anchor="st-3"), Mark(0, 7, "speaker", title="speaker: R")])
    assert segs[0].anchors == ("st-3",) and segs[0].titles == ("speaker: R",) and segs[0].css == "kg-sentence kg-speaker"


@pytest.mark.parametrize("sentence, cue, avoid, want", [
    ("Iran accused the US of accusing it", "accused", [], (5, 12)),
    ("Said Rahmani said no", "said", [(0, 12)], (13, 17)),        # the speaker's name holds the cue word
    ("Rahmani urged all parties", "URGED", [], (8, 13)),          # case-insensitive
    ("He called on Qatar", "called on", [], (3, 12)),
    ("Iran: US wants it", ":", [], (4, 5)),                        # a punctuation cue (headlines)
    ("Unaccused, he left", "accused", [], None),                   # whole words only
    ("no cue here", "", [], None),
])
def test_serve_find_cue(sentence, cue, avoid, want):
    assert find_cue(sentence, cue, avoid) == want


@pytest.mark.parametrize("kind, accept, fmt, want", [
    ("bindings", None, None, "application/sparql-results+json"),
    ("bindings", "application/sparql-results+xml", None, "application/sparql-results+xml"),
    ("bindings", "text/csv;q=0.4, text/tab-separated-values;q=0.9", None, "text/tab-separated-values"),
    ("bindings", "application/json", None, "application/sparql-results+json"),
    ("bindings", "text/*", None, "text/csv"),
    ("boolean", "*/*", None, "application/sparql-results+json"),
    ("bindings", "image/png, text/html;q=0.1", None, "application/sparql-results+json"),
    ("bindings", "text/csv", "xml", "application/sparql-results+xml"),   # format= wins
    ("graph", None, None, "text/turtle"),
    ("graph", "application/n-triples", None, "application/n-triples"),
    ("graph", "application/ld+json;q=1, text/turtle;q=0.5", None, "application/ld+json"),
    ("graph", "text/plain", None, "application/n-triples"),
    ("graph", "*/*", "jsonld", "application/ld+json"),
])
def test_serve_negotiate(kind, accept, fmt, want):
    assert negotiate(kind, accept, fmt) == want


@pytest.mark.parametrize("kind, accept, fmt", [
    ("bindings", "image/png", None), ("graph", "text/csv", None), ("bindings", None, "turtle"),
    ("bindings", "text/csv;q=0", None),
])
def test_serve_negotiate_refuses(kind, accept, fmt):
    with pytest.raises(NotAcceptable) as exc:
        negotiate(kind, accept, fmt)
    assert exc.value.code == "E107" and isinstance(exc.value, QueryError)


def test_serve_result_formats_keep_hostile_literals():
    lit = Term.literal('<script>"x"</script>\t\n', lang="en")
    res = QueryResult(["a", "b"], [(lit, None), (Term.iri("http://e/s"), Term.literal("3", datatype="http://www.w3.org/2001/XMLSchema#integer"))])
    js = json.loads(serialize_result(res, "application/sparql-results+json"))
    assert js["head"]["vars"] == ["a", "b"] and js["results"]["bindings"][0] == {
        "a": {"type": "literal", "value": '<script>"x"</script>\t\n', "xml:lang": "en"}}
    xml = serialize_result(res, "application/sparql-results+xml").decode()
    assert "&lt;script&gt;" in xml and "<script>" not in xml
    tsv = serialize_result(res, "text/tab-separated-values").decode()
    assert tsv.splitlines()[0] == "?a\t?b" and "<http://e/s>\t3" in tsv
    assert serialize_result(res, "text/csv").decode().splitlines()[0] == "a,b"
    assert json.loads(serialize_result(QueryResult.from_boolean(True), "application/sparql-results+json")) == {"head": {}, "boolean": True}
    g = QueryResult.from_triples([(Term.iri("http://e/s"), Term.iri("http://e/p"), lit)])
    assert '"@language":"en"' in serialize_result(g, "application/ld+json").decode()
    assert serialize_result(g, "application/n-triples").decode().startswith("<http://e/s> <http://e/p> ")


@pytest.mark.parametrize("host, loop", [("127.0.0.1", True), ("127.8.9.10", True), ("localhost", True), ("::1", True),
                                        ("[::1]", True), ("0.0.0.0", False), ("192.0.2.7", False), ("example.org", False),
                                        ("::", False)])
def test_serve_is_loopback(host, loop):
    assert is_loopback(host) is loop


@pytest.mark.parametrize("url, safe", [("https://e.org/a?b=1", True), ("http://e.org", True), ("javascript:alert(1)", False),
                                       ("JavaScript:alert(1)", False), ("data:text/html,<b>", False), ("//e.org/x", False),
                                       ("", False), (None, False), ("http://[bad", False)])
def test_serve_safe_url(url, safe):
    assert (_safe_url(url) is not None) is safe


@pytest.mark.parametrize("iri, kind", [
    ("https://w3id.org/kg-news/id/actor/wd-Q30", "actor"), ("https://w3id.org/kg-news/id/actor/name-x", "actor"),
    ("https://w3id.org/kg-news/id/article/a-1/actor/officials", "actor"), ("https://w3id.org/kg-news/id/article/a-1", "article"),
    ("https://w3id.org/kg-news/id/article/a-1/statement/3", "statement"),
    ("https://w3id.org/kg-news/id/article/a-1/sentence/0-5", None), ("http://www.wikidata.org/entity/Q30", None),
])
def test_serve_kind_of_iri(iri, kind):
    assert kind_of_iri(iri) == kind
