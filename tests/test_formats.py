"""kg.formats: the one registry of formats, and the modules that read it agree with it."""

from __future__ import annotations

import pytest

from kg.errors import UsageError
from kg.formats import EXTRACT, NETWORK, QUERY_RESULTS, RDF, STATS, TIMELINE, Format


def test_formats_modules_read_the_registry():
    from kg import output
    from kg.rdf import serialize
    from kg.views import network, timeline

    assert output.FORMATS == QUERY_RESULTS.names() == ("table", "csv", "tsv", "json", "jsonl", "markdown")
    assert tuple(serialize.FORMATS) == RDF.names() == ("turtle", "ntriples", "nquads", "trig", "json-ld")
    assert {f.suffix: name for name, f in serialize.FORMATS.items()} == {s: f.value for s, f in (RDF.suffixes or {}).items()}
    assert network.FORMATS == NETWORK.names() and timeline.FORMATS == TIMELINE.names()
    for f in serialize.FORMATS.values():  # media types are aliases of the format
        assert RDF.parse(f.media_type) is Format(f.name)


@pytest.mark.parametrize(("choice", "value", "expected"), [
    (QUERY_RESULTS, "CSV", Format.CSV), (STATS, " json ", Format.JSON), (RDF, "ttl", Format.TURTLE),
    (RDF, "N-Quads", Format.NQUADS), (EXTRACT, "jsonlines", Format.JSONL), (EXTRACT, "nq", Format.NQUADS),
    (NETWORK, "gexf", Format.GEXF),
])
def test_formats_parse_names_and_aliases(choice, value, expected):
    assert choice.parse(value) is expected and value in choice


@pytest.mark.parametrize(("choice", "value"), [(QUERY_RESULTS, "turtle"), (STATS, "csv"), (RDF, "jsonl"),
                                               (TIMELINE, "gexf"), (EXTRACT, "xml")])
def test_formats_unknown_is_one_usage_error(choice, value):
    with pytest.raises(UsageError) as err:
        choice.parse(value, "-f")
    assert err.value.code == "E026" and err.value.exit_code == 2 and isinstance(err.value, ValueError)
    assert f"-f {value!r} is not a known {choice.what} format" in str(err.value)
    assert ", ".join(choice.names()) in str(err.value)


def test_formats_for_path():
    assert EXTRACT.for_path("out/News.JSONL") is Format.JSONL and EXTRACT.for_path("a.jsonld") is Format.JSON_LD
    assert NETWORK.for_path("net.graphml") is Format.GRAPHML
    with pytest.raises(UsageError) as err:
        TIMELINE.for_path("dir/t.gexf")
    assert "--output 't.gexf' is not a known timeline file format. Use one of: .png, .svg, .html." in str(err.value)
