"""The SPARQL 1.1 Protocol pieces of ``kg serve``'s ``/sparql``: content negotiation and result
serialization, on kg's backend-neutral :class:`kg.store.base.QueryResult`.

Source: SPARQL 1.1 Protocol (W3C Recommendation, 2013-03-21), section 2.1 (query operation: GET
with ``query=``, POST of a form with ``query=``, POST of an ``application/sparql-query`` body) and
2.2 (update operation: POST of a form with ``update=`` or of an ``application/sparql-update`` body);
results in the SPARQL 1.1 Query Results JSON, XML, CSV and TSV formats, graphs (CONSTRUCT,
DESCRIBE) in Turtle, N-Triples or JSON-LD.

SPARQL JSON is written here (:func:`results_json`, a plain ``json.dumps`` of the format's
structure); XML, CSV and TSV are pyoxigraph's own writers (``QuerySolutions.serialize``) over that
JSON, and graphs are pyoxigraph's RDF writers, so every format follows its specification as
pyoxigraph implements it.

Media types: :data:`RESULT_TYPES` and :data:`GRAPH_TYPES` (name -> media type); :func:`negotiate`
picks one from an ``Accept`` header (q-values honoured, RFC 9110 section 12.5.1) or from an explicit
``format`` name.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from kg.errors import Msg, QueryError
from kg.rdf.vocab import PREFIXES
from kg.store.base import QueryResult, Term
from kg.store._rdfio import term_to_ox  # the one Term -> pyoxigraph term conversion

__all__ = ["RESULT_TYPES", "GRAPH_TYPES", "negotiate", "serialize_result", "results_json", "NotAcceptable"]

#: SELECT / ASK results: format name -> media type (the first is the default).
RESULT_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
#: CONSTRUCT / DESCRIBE results: format name -> media type (the first is the default).
GRAPH_TYPES: dict[str, str] = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
}
#: Other media types clients send for the same formats.
_ALIASES: dict[str, str] = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "text/plain": "application/n-triples",
    "application/x-turtle": "text/turtle",
    "text/n-triples": "application/n-triples",
}
_OX_RESULTS = {
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_OX_GRAPH = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


class NotAcceptable(QueryError):
    """No format of the answer fits the request's ``Accept`` header or ``format`` (HTTP 406)."""


def _accepted(header: str) -> list[tuple[float, int, str]]:
    """``(q, order, media range)`` of an Accept header, best first."""
    out = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            k, _, v = f.partition("=")
            if k.strip().lower() == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        if q > 0:
            out.append((-q, i, media))
    return [(-q, i, m) for q, i, m in sorted(out)]


def negotiate(kind: str, accept: str | None, fmt: str | None = None) -> str:
    """The media type to answer a result of ``kind`` with.

    :param kind: :attr:`QueryResult.kind` (``bindings``, ``boolean`` or ``graph``).
    :param accept: the request's ``Accept`` header (``None``/empty: the default, SPARQL JSON or
        Turtle; ``*/*``, ``text/*`` and ``text/html`` also take the default, so a browser gets it).
    :param fmt: an explicit format name or media type (the ``format`` request parameter), which wins.
    :raises NotAcceptable: E107 when nothing fits.
    """
    table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    types = list(table.values())
    if fmt:
        key = fmt.strip().lower()
        media = table.get(key) or _ALIASES.get(key, key)
        if media in types:
            return media
        raise NotAcceptable(Msg.E107, accept=f"format={fmt}", choices=", ".join([*table, *types]))
    if not accept or not accept.strip():
        return types[0]
    for _q, _i, media in _accepted(accept):
        media = _ALIASES.get(media, media)
        if media in types:
            return media
        if media in ("*/*", "text/html", "application/xhtml+xml"):
            return types[0]
        if media.endswith("/*"):
            for t in types:
                if t.startswith(media[:-1]):
                    return t
    raise NotAcceptable(Msg.E107, accept=accept[:200], choices=", ".join(types))


def _json_term(t: Term) -> dict[str, str]:
    if t.kind == "iri":
        return {"type": "uri", "value": t.value}
    if t.kind == "bnode":
        return {"type": "bnode", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.lang:
        out["xml:lang"] = t.lang
    elif t.datatype and t.datatype != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = t.datatype
    return out


def results_json(result: QueryResult) -> bytes:
    """SPARQL 1.1 Query Results JSON of a SELECT or ASK result (UTF-8)."""
    if result.kind == "boolean":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}).encode("utf-8")
    bindings = [{c: _json_term(t) for c, t in zip(result.columns, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.columns}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def serialize_result(result: QueryResult, media: str) -> bytes:
    """``result`` in the format of ``media`` (one of :data:`RESULT_TYPES` or :data:`GRAPH_TYPES`
    values, as :func:`negotiate` returns).

    :raises ValueError: for a media type that does not fit the result's kind.
    """
    if result.kind == "graph":
        if media not in _OX_GRAPH:
            raise ValueError(f"{media} is not a graph format")
        triples = [ox.Triple(term_to_ox(s), term_to_ox(p), term_to_ox(o)) for s, p, o in result.rows]  # type: ignore[arg-type]
        prefixes = PREFIXES if media == "text/turtle" else None
        out = ox.serialize(triples, format=_OX_GRAPH[media], prefixes=prefixes) if prefixes else \
            ox.serialize(triples, format=_OX_GRAPH[media])
        return out or b""
    body = results_json(result)
    if media == RESULT_TYPES["json"]:
        return body
    if media not in _OX_RESULTS:
        raise ValueError(f"{media} is not a results format")
    parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=_OX_RESULTS[media]) or b""
