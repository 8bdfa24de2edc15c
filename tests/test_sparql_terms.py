"""kg.sparql_terms, the one SPARQL term writer: escaping of literals (quotes,
backslashes, newlines, unicode, surrogates), language tags, datatypes, IRIs
with bad characters rejected; every term written parses back (pyoxigraph) to
the same value, and cannot change the structure of the query it is put in."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import sparql_terms as t
from kg.store.base import Term

TEXTS = [
    "plain",
    'quote " inside',
    "backslash \\ and \\n literally",
    "new\nline, cr\r, tab\t, bs\b, ff\f",
    '"""\n} ; DROP ALL ; #',
    "Téhéran — ünïcode 🙂 مرحبا 中文",
    "",
]


def _object(term: str) -> ox.Literal | ox.NamedNode:
    (triple,) = list(ox.parse(f"<urn:s> <urn:p> {term} .\n".encode(), ox.RdfFormat.N_TRIPLES))
    return triple.object


@pytest.mark.parametrize("text", TEXTS)
def test_sparql_terms_literal_round_trips(text: str) -> None:
    back = _object(t.literal(text))
    assert isinstance(back, ox.Literal) and back.value == text and back.datatype.value == t.XSD_STRING


@pytest.mark.parametrize("text", TEXTS)
def test_sparql_terms_literal_cannot_break_a_query(text: str) -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal(text)))
    q = f"SELECT ?s WHERE {{ VALUES ?o {{ {t.literal(text)} }} ?s <urn:p> ?o }}"
    assert [r[0].value for r in store.query(q)] == ["urn:s"]


def test_sparql_terms_escapes_are_the_echar_set() -> None:
    assert t.escape_literal('a"b\\c\nd\re\tf\bg\fh') == 'a\\"b\\\\c\\nd\\re\\tf\\bg\\fh'
    assert t.escape_literal("é🙂") == "é🙂"
    assert t.escape_literal("bad \ud800 surrogate") == "bad \ufffd surrogate"


def test_sparql_terms_language_and_datatype() -> None:
    assert t.literal("Téhéran", lang="FR") == '"Téhéran"@fr'
    assert t.literal("x", lang="pt-BR") == '"x"@pt-br'
    back = _object(t.literal("2016-10-12", datatype=t.XSD + "date"))
    assert back.datatype.value == t.XSD + "date" and back.value == "2016-10-12"
    assert t.literal("x", datatype=t.XSD_STRING) == '"x"'
    for bad in ("en us", "en@", "e\"n", "toolongtagx"):
        with pytest.raises(ValueError, match="language tag"):
            t.literal("x", lang=bad)
    with pytest.raises(ValueError, match="not both"):
        t.literal("x", lang="en", datatype=t.XSD + "date")
    with pytest.raises(ValueError):
        t.literal("x", datatype="date")


def test_sparql_terms_iri_accepts_valid_iris() -> None:
    for value in ("http://www.wikidata.org/entity/Q30", "https://w3id.org/kg-news/id/actor/name-hossein-dehqan",
                  "urn:x:1", "http://example.org/T%C3%A9h%C3%A9ran", "http://example.org/Téhéran"):
        assert t.iri(value) == f"<{value}>"
        assert _object(t.iri(value)).value == value


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("no-scheme/x", "absolute IRI"),
        ("http://example.org/a b", "not allowed"),
        ("http://evil/> } ; DROP ALL ; #", "not allowed"),
        ('http://example.org/"q"', "not allowed"),
        ("http://example.org/{x}", "not allowed"),
        ("http://example.org/a\\b", "not allowed"),
        ("http://example.org/\nnl", "not allowed"),
        ("http://example.org/\ud800", "not allowed"),
        ("http://example.org:port/", "not a valid IRI"),
        ("http://example.org/%zz", "not a valid IRI"),
    ],
)
def test_sparql_terms_bad_iris_are_rejected(value: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        t.iri(value)


def test_sparql_terms_escaped_iri_never_raises_and_never_closes_early() -> None:
    out = t.escaped_iri("https://example.org/a> } ; DROP ALL ; <x")
    assert out.count(">") == 1 and " " not in out and "}" not in out
    with pytest.raises(SyntaxError):
        ox.Store().update(f"INSERT DATA {{ <urn:s> <urn:p> {out} }}")
    assert Term.iri("urn:a b").n3() == t.escaped_iri("urn:a b")


def test_sparql_terms_store_term_n3_uses_the_writer() -> None:
    assert Term.literal('say "hi"\n').n3() == t.literal('say "hi"\n')
    assert Term.literal("x", lang="EN").n3() == t.literal("x", lang="en")
    assert Term.literal("3", datatype=t.XSD + "integer").n3() == t.literal("3", datatype=t.XSD + "integer")


def test_sparql_terms_prefixed_names_and_integers() -> None:
    assert t.prefixed_name("wd", "Q30") == "wd:Q30"
    assert t.prefixed_name("", "x") == ":x"
    for prefix, local in (("wd", "Q30 }"), ("wd", "a:b"), ("w d", "Q1"), ("wd", ""), ("wd", "x.")):
        with pytest.raises(ValueError):
            t.prefixed_name(prefix, local)
    assert t.integer(5) == "5" and t.integer(-3) == "-3"
    for bad in (True, 1.5, "5"):
        with pytest.raises(TypeError):
            t.integer(bad)  # type: ignore[arg-type]
