"""kg.rdf.serialize: every format round-trips through pyoxigraph (strict) and rdflib."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from kg.errors import InputError
from kg.rdf.build import build_article_graph, build_dataset
from kg.rdf.serialize import FORMATS, RdfWriter, format_for_path, serialize_graph
from tests._rdf_fixtures import RUN, article1, results
from tests.test_rdf_build import _odd_result

OX = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD,
}


def _rdflib_term(t):
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        if t.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(t.value)  # RDF 1.1: a simple literal is an xsd:string
        return Literal(t.value, datatype=URIRef(t.datatype.value))
    raise AssertionError(f"unexpected term {t!r}")  # kg writes no blank nodes


def _expected(ds: Dataset, quads: bool) -> dict[str | None, Graph]:
    out: dict[str | None, Graph] = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        key = str(g) if quads else None
        out.setdefault(key, Graph()).add((s, p, o))
    return out


def _from_oxigraph(data: bytes, fmt: str) -> dict[str | None, Graph]:
    out: dict[str | None, Graph] = {}
    for q in ox.parse(data, format=OX[fmt]):
        key = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        out.setdefault(key, Graph()).add(tuple(_rdflib_term(x) for x in (q.subject, q.predicate, q.object)))
    return out


def _from_rdflib(data: bytes, fmt: str) -> dict[str | None, Graph]:
    info = FORMATS[fmt]
    if not info.quads:
        return {None: Graph().parse(data=data, format=info.rdflib)}
    ds = Dataset()
    ds.parse(data=data, format=info.rdflib)
    return _expected(ds, True)


def _assert_same(expected: dict, got: dict, how: str) -> None:
    assert set(expected) == set(got), how
    for key, g in expected.items():
        if not isomorphic(g, got[key]):
            _, only_expected, only_got = graph_diff(g, got[key])
            pytest.fail(f"{how} {key}: only in expected {sorted(only_expected)[:5]}, only parsed {sorted(only_got)[:5]}")


def _round_trip(ds: Dataset, fmt: str) -> None:
    data = serialize_graph(ds, fmt)
    expected = _expected(ds, FORMATS[fmt].quads)
    _assert_same(expected, _from_oxigraph(data, fmt), f"{fmt} via pyoxigraph")
    _assert_same(expected, _from_rdflib(data, fmt), f"{fmt} via rdflib")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_rdf_serialize_round_trip_fixture(fmt):
    _round_trip(build_dataset(results(), RUN), fmt)


odd = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(['"', "\\", "\n", "\r", "\t", "'", "😀", "\x00", "\x7f", ">", "<", "\ud800"]),
    min_size=1,
    max_size=25,
)


@settings(max_examples=25, deadline=None)
@given(name=odd, text=odd)
def test_rdf_serialize_round_trip_odd_texts(name, text):
    ds = build_dataset([_odd_result(name, text)], RUN)
    for fmt in FORMATS:
        _round_trip(ds, fmt)


def test_rdf_serialize_jsonld_uses_context():
    data = json.loads(serialize_graph(build_dataset(results(), RUN), "json-ld"))
    assert data["@context"]["actor"] == {"@id": "kg:actor", "@type": "@id"}
    text = json.dumps(data)
    assert '"statementType": "kgt:ACCUSE"' in text and '"confidence": "0.75"' in text


def test_rdf_serialize_turtle_binds_prefixes():
    text = serialize_graph(build_article_graph(article1(), RUN), "turtle").decode()
    for prefix in ("kg:", "kgt:", "schema:", "prov:", "xsd:", "wd:", "dcterms:"):
        assert f"@prefix {prefix}" in text


@pytest.mark.parametrize(
    ("path", "explicit", "expected"),
    [("a.ttl", None, "turtle"), ("a.NT", None, "ntriples"), ("a.nq", None, "nquads"), ("x.trig", None, "trig"),
     ("x.jsonld", None, "json-ld"), ("x.txt", "ttl", "turtle"), ("-", "N-Quads", "nquads"), (None, "jsonld", "json-ld")],
)
def test_rdf_serialize_format_for_path(path, explicit, expected):
    assert format_for_path(path, explicit) == expected


@pytest.mark.parametrize(("path", "explicit"), [("a.xml", None), ("a.ttl", "rdfxml"), ("noext", None)])
def test_rdf_serialize_unknown_format_is_e013(path, explicit):
    with pytest.raises(InputError) as err:
        format_for_path(path, explicit)
    # an unknown --format lists the format names; an unknown extension names the file and lists the extensions
    wanted = f"E013: --format: unknown RDF format {explicit!r}. Use one of: turtle," if explicit else \
        f"E013: {path}: unknown RDF format"
    assert err.value.code == "E013" and str(err.value).startswith(wanted), str(err.value)
    assert explicit or ".ttl, .nt" in str(err.value)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_rdf_serialize_writer_writes_parseable_file(tmp_path, fmt):
    path = tmp_path / f"out{FORMATS[fmt].suffix}"
    with RdfWriter(path, fmt) as w:
        for r in results():
            w.add(build_article_graph(r, RUN))
    assert w.graphs == 2 and w.triples > 0
    _assert_same(_expected(build_dataset(results(), RUN), FORMATS[fmt].quads),
                 _from_oxigraph(path.read_bytes(), fmt), fmt)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


@pytest.mark.parametrize("fmt", ["nquads", "turtle"])
def test_rdf_serialize_writer_error_leaves_old_file(tmp_path, fmt):
    path = tmp_path / f"out{FORMATS[fmt].suffix}"
    path.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt):
        with RdfWriter(path, fmt) as w:
            w.add(build_article_graph(article1(), RUN))
            raise KeyboardInterrupt
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
