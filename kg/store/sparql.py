"""Remote store: any SPARQL 1.1 Query / Update server with the Graph Store
HTTP Protocol (GSP); Apache Jena Fuseki and Oxigraph server included.

Endpoints (:class:`Endpoints`):

* Fuseki: the dataset URL ``http://host:3030/DATASET`` is enough: query
  ``/DATASET/query``, update ``/DATASET/update``, GSP ``/DATASET/data``;
* Oxigraph server: ``http://host:7878`` -> ``/query``, ``/update``, ``/store``;
* anything else: explicit query / update / GSP URLs.  Without a GSP endpoint,
  graphs are written with SPARQL Update (``DROP SILENT GRAPH`` +
  ``INSERT DATA``) instead.

All HTTP goes through one ``requests`` session (:mod:`kg.http`): basic
auth, timeouts, retries with backoff on connection errors and 502/503/504,
and :class:`kg.errors.EndpointError` E060-E064 for failures.  SPARQLWrapper is
not used: it speaks ``urllib``, which would bypass the session's retry
policy, auth and error mapping.

Writes:

* :meth:`SparqlStore.replace_graph` is one GSP ``PUT ?graph=IRI`` (the server
  replaces the graph atomically; Fuseki and Oxigraph do);
* :meth:`SparqlStore.load_file` validates the file locally in a streaming
  parse (E012 with line/column, nothing sent), then sends it in chunks of at
  most ``chunk_size`` triples, one graph per request (GSP ``POST``, or ``PUT``
  for the first chunk of a graph when replacing), so memory stays flat.  An
  N-Triples file goes into its one graph as it is, cut at line ends into
  chunks of at most ``chunk_size`` lines and about ``chunk_bytes`` bytes
  (no second parse and no re-serialization: as fast as one plain upload of
  the whole file, see ``python -m benchmarks.bench_remote``); other formats are
  parsed and re-serialized as N-Triples per chunk.  A
  failure half-way raises :class:`kg.store.base.PartialLoadError` listing the
  graphs fully loaded and those not.  Blank nodes shared between two chunks of
  one graph become two nodes (kg's own graphs use IRIs only, and an article
  graph fits in one chunk).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import quote

import pyoxigraph as ox

from kg.errors import EndpointError, Msg

from kg import http

from . import _rdfio, edges
if TYPE_CHECKING:
    import requests

from .base import DATASET_FORMATS, PartialLoadError, QueryResult, Term, bind_query, resolve_format

__all__ = ["Endpoints", "SparqlStore", "DEFAULT_CHUNK_SIZE", "DEFAULT_CHUNK_BYTES"]

#: triples per request when loading files.
DEFAULT_CHUNK_SIZE = 50_000

#: bytes per request when an N-Triples file is streamed as it is (its lines are not re-serialized).
DEFAULT_CHUNK_BYTES = 32 * 1024 * 1024

#: N-Triples files can be sent line by line without parsing them again.
_LINE_FORMATS = frozenset({"application/n-triples"})

#: queries longer than this (URL-encoded) are POSTed instead of sent with GET.
_MAX_GET_QUERY = 2000

_ACCEPT_QUERY = (
    "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
    "application/json;q=0.5"
)


@dataclass(frozen=True, slots=True)
class Endpoints:
    """The URLs of one remote dataset.

    :param query: SPARQL 1.1 query endpoint (required).
    :param update: SPARQL 1.1 update endpoint, or ``None`` (read-only).
    :param gsp: Graph Store Protocol endpoint, or ``None`` (writes use update).
    :param quads: the GSP endpoint also takes N-Quads POSTed to the whole dataset (no
        ``?graph=``), as Fuseki's ``/ds/data`` and Oxigraph server's ``/store`` do.
    """

    query: str
    update: str | None = None
    gsp: str | None = None
    quads: bool = False

    @classmethod
    def fuseki(cls, dataset_url: str) -> "Endpoints":
        """``http://host:3030/ds`` -> ``/ds/query``, ``/ds/update``, ``/ds/data``.
        A URL that already ends in ``/query``, ``/sparql``, ``/update`` or
        ``/data`` is cut back to the dataset first."""
        base = dataset_url.rstrip("/")
        for tail in ("/query", "/sparql", "/update", "/data", "/get"):
            if base.endswith(tail):
                base = base[: -len(tail)]
                break
        return cls(f"{base}/query", f"{base}/update", f"{base}/data", quads=True)

    @classmethod
    def oxigraph(cls, server_url: str) -> "Endpoints":
        """``http://host:7878`` -> ``/query``, ``/update``, ``/store``."""
        base = server_url.rstrip("/")
        return cls(f"{base}/query", f"{base}/update", f"{base}/store", quads=True)


class SparqlStore:
    """A dataset on a SPARQL 1.1 server.

    :param endpoints: the server's URLs (:class:`Endpoints`).
    :param user: HTTP basic auth user, or ``None``.
    :param password: its password (never logged nor shown in ``repr``).
    :param timeout: client timeout in seconds (connect and each read).
    :param retries: retries of transient failures (connection errors, 502/503/504).
    :param backoff: backoff factor in seconds between retries.
    :param chunk_size: at most this many triples per request in :meth:`load_file`.
    :param chunk_bytes: at most about this many bytes per request when an
        N-Triples file is streamed as it is (a request ends at a line end, so it
        may exceed this by one line).
    """

    def __init__(
        self,
        endpoints: Endpoints,
        *,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        chunk_bytes: int = DEFAULT_CHUNK_BYTES,
        verify: bool = True,
    ) -> None:
        self.endpoints = endpoints
        self.user = user
        self.options = http.HttpOptions(timeout=timeout, retries=retries, backoff=backoff, verify=verify)
        self.chunk_size = max(1, chunk_size)
        self.chunk_bytes = max(1, chunk_bytes)
        self.location = f"sparql:{http.public_url(endpoints.query)}"
        self._session = http.make_session(user, password, self.options)

    def __repr__(self) -> str:
        return f"SparqlStore({http.public_url(self.endpoints.query)!r}, user={self.user!r})"

    def __enter__(self) -> "SparqlStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    # -- low level -----------------------------------------------------------
    def _request(self, method: str, url: str, **kwargs: object) -> "requests.Response":
        """One HTTP request; a 405 is checked with a GET on the query endpoint,
        because Fuseki answers 405 (not 404) to a POST/PUT on a missing dataset."""
        try:
            return http.request(self._session, method, url, self.options, **kwargs)
        except EndpointError as exc:
            if exc.fields.get("status") != 405 or (url == self.endpoints.query and method == "GET"):
                raise
            try:
                http.request(self._session, "GET", self.endpoints.query, self.options, params={"query": "ASK {}"},
                              headers={"Accept": _ACCEPT_QUERY})
            except EndpointError as probe:
                if probe.code == "E062":
                    raise EndpointError(Msg.E062, endpoint=http.public_url(url)) from exc
            raise

    def _post_update(self, sparql: str) -> None:
        if not self.endpoints.update:
            raise EndpointError(
                Msg.E063, endpoint=http.public_url(self.endpoints.query), status="-",
                reason="no update endpoint configured; pass --update-endpoint",
            )
        self._request(
            "POST", self.endpoints.update,
            data=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def _gsp_url(self, graph: str) -> str:
        assert self.endpoints.gsp
        return self.endpoints.gsp if graph else f"{self.endpoints.gsp}?default"

    def _send_graph(self, graph: str, body: bytes, media: str, *, replace: bool) -> None:
        """Write ``body`` into one graph (``""`` = default graph), replacing or adding."""
        if self.endpoints.gsp:
            self._request(
                "PUT" if replace else "POST", self._gsp_url(graph),
                params={"graph": graph} if graph else None,
                data=body, headers={"Content-Type": media},
            )
            return
        # no GSP: SPARQL Update with the triples as N-Triples inside INSERT DATA
        if media != "application/n-triples":
            body = _rdfio.ntriples_of(_rdfio.parse_bytes(body, media)).encode("utf-8")
        text = body.decode("utf-8")
        target = Term.iri(graph).n3() if graph else None
        ops = []
        if replace:
            ops.append(f"DROP SILENT GRAPH {target}" if target else "DROP SILENT DEFAULT")
        ops.append(f"INSERT DATA {{ GRAPH {target} {{\n{text}}} }}" if target else f"INSERT DATA {{\n{text}}}")
        self._post_update(" ;\n".join(ops))

    # -- Store protocol ------------------------------------------------------------
    def replace_graph(self, graph_iri: str, data: bytes | str, fmt: str = "application/n-triples") -> None:
        """Replace a named graph with one GSP ``PUT`` (the server parses the
        data; malformed data gives E063 with the server's message).

        :raises EndpointError: E060-E064.
        """
        media = resolve_format(fmt)
        body = data.encode("utf-8") if isinstance(data, str) else data
        mark = self._empty_before_first_write()
        self._send_graph(graph_iri, body, media, replace=True)
        # the graph's direct edges, derived by the server from the graph it now holds (kg/store/edges.py):
        # concurrent writers of the same graph each derive after their own PUT, so the last derive sees the last PUT
        self._post_update(edges.prefixed(edges.sync_update([graph_iri], mark=mark)))

    def _empty_before_first_write(self) -> bool:
        """True once, before this store's first write, when the dataset holds no quad (the write then
        marks the direct edges complete); False after that, or when the dataset already held data."""
        if getattr(self, "_written", False):
            return False
        self._written = True
        return not self.query("ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }").boolean

    def _sync_written(self, graphs: list[str], *, was_empty: bool) -> None:
        """Derive the direct edges of the graphs a load wrote (all of them after a load into an empty dataset)."""
        if was_empty:
            self._post_update(edges.rebuild_update())
            return
        named = [g for g in graphs if g and not g.startswith("_:")]
        for i in range(0, len(named), 200):
            self._post_update(edges.prefixed(edges.sync_update(named[i : i + 200])))

    def load_file(
        self,
        path: Path,
        fmt: str | None = None,
        *,
        graph_iri: str | None = None,
        replace: bool = False,
    ) -> int:
        """Validate, then stream an RDF file to the server in bounded chunks.

        :returns: number of triples/quads sent.
        :raises RdfSyntaxError: E012 (nothing sent).
        :raises InputError: E007/E001/E013.
        :raises EndpointError: E060-E064 if nothing was written.
        :raises PartialLoadError: if the server failed after some graphs were written.
        """
        path = Path(path)
        media, n, per_graph = _rdfio.scan_file(path, fmt)
        was_empty = self._empty_before_first_write()
        # (an empty dataset has no marker to take down: no second ASK)
        marked = not was_empty and edges.edges_ready(self)
        written = list(per_graph) if media in DATASET_FORMATS else [graph_iri or ""]
        # a dump of another kg store holds its edge graphs and kg-control: they replaced this store's edge
        # graphs, so every edge is derived again after the load (as into an empty dataset)
        was_empty = was_empty or (media in DATASET_FORMATS and any(g and edges.is_derived(g) for g in per_graph))
        # the graphs' PUTs and the edges' sync are separate requests: the marker is taken down first and put
        # back after the sync, so a load stopped between them (Ctrl-C, SIGTERM, a dropped connection) leaves a
        # dataset whose queries read the article graphs, never edges of graphs replaced since
        if marked:
            self._post_update(edges.marker_delete())
        try:
            n = self._load(path, media, n, per_graph, graph_iri=graph_iri, replace=replace)
        except PartialLoadError:
            # best effort: the edges of the graphs as the server now holds them (whole or partly written);
            # after a partial load into an empty dataset there is no mark, so the queries read the article graphs
            try:
                self._sync_written(written, was_empty=False)
            except EndpointError:
                pass
            raise
        self._sync_written(written, was_empty=was_empty)
        if marked:
            self._post_update(edges.prefixed(edges.marker_insert()))
        return n

    def _load(self, path: Path, media: str, n: int, per_graph: dict[str, int], *, graph_iri: str | None,
              replace: bool) -> int:
        """The body of :meth:`load_file`, after the validating scan."""
        if media not in DATASET_FORMATS:
            target = graph_iri or ""
            per_graph = {target: n}
        else:
            target = None
        sent: dict[str, int] = {}
        buffers: dict[str, list[ox.Triple]] = {}
        buffered = 0

        def flush(graph: str) -> None:
            nonlocal buffered
            triples = buffers.pop(graph, [])
            if not triples:
                return
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            assert isinstance(body, bytes)
            first = graph not in sent
            self._send_graph(graph, body, "application/n-triples", replace=replace and first)
            sent[graph] = sent.get(graph, 0) + len(triples)
            buffered -= len(triples)

        try:
            if replace and n == 0 and target is not None:
                self._send_graph(target, b"", "application/n-triples", replace=True)
            elif media in _LINE_FORMATS and target is not None:
                # N-Triples: send the validated lines as they are, in bounded
                # chunks cut at line ends (no second parse, no re-serialization)
                with _rdfio.open_rdf(path) as fh:
                    for body, lines in _line_chunks(fh, self.chunk_bytes, self.chunk_size):
                        self._send_graph(target, body, media, replace=replace and target not in sent)
                        sent[target] = sent.get(target, 0) + lines
                sent[target] = n
                return n
            elif (media == "application/n-quads" and self.endpoints.quads and self.endpoints.gsp
                  and not any(g.startswith("_:") for g in per_graph)):
                self._send_quad_chunks(path, sent, replace=replace)
                return n
            for q in _rdfio.iter_quads(path, media):
                graph = target if target is not None else _graph_of(q.graph_name)
                buf = buffers.setdefault(graph, [])
                buf.append(ox.Triple(q.subject, q.predicate, q.object))
                buffered += 1
                if len(buf) >= self.chunk_size:
                    flush(graph)
                elif buffered >= self.chunk_size:
                    for g in list(buffers):
                        flush(g)
            for g in list(buffers):
                flush(g)
        except EndpointError as exc:
            if not sent:
                raise
            loaded = sorted(g for g, k in sent.items() if k >= per_graph.get(g, 0))
            not_loaded = sorted(set(per_graph) - set(loaded))
            raise PartialLoadError(exc, loaded=loaded, not_loaded=not_loaded) from exc
        return n

    def _send_quad_chunks(self, path: Path, sent: dict[str, int], *, replace: bool) -> None:
        """Send a validated N-Quads file as it is, in chunks of whole lines POSTed to the
        dataset (one request per chunk, not one per graph; no re-serialization).  With
        ``replace``, the graphs a chunk names for the first time are dropped (one update)
        just before it is sent.  ``sent`` counts the quads sent per graph (for
        :class:`PartialLoadError`).

        :raises EndpointError: E060-E064 from the server.
        """
        from collections import Counter

        assert self.endpoints.gsp
        seen: set[str] = set()
        with _rdfio.open_rdf(path) as fh:
            for body, _lines in _line_chunks(fh, self.chunk_bytes, self.chunk_size):
                counts = Counter(_graph_of(q.graph_name) for q in ox.parse(body, ox.RdfFormat.N_QUADS))
                fresh = [g for g in counts if g not in seen]
                seen.update(fresh)
                if replace and fresh:
                    for i in range(0, len(fresh), 500):
                        part = fresh[i : i + 500]
                        self._post_update(" ;\n".join(f"DROP SILENT GRAPH {Term.iri(g).n3()}" if g else "DROP SILENT DEFAULT"
                                                      for g in part))
                        for g in part:
                            sent.setdefault(g, 0)  # dropped: changed on the server even if its quads never arrive
                self._request("POST", self.endpoints.gsp, data=body, headers={"Content-Type": "application/n-quads"})
                for g, k in counts.items():
                    sent[g] = sent.get(g, 0) + k

    def drop_graph(self, graph_iri: str) -> None:
        """Drop a named graph (``DROP SILENT GRAPH``; no error if absent).

        SPARQL Update rather than GSP ``DELETE``, because GSP answers 404 both
        for a missing graph and a missing dataset.
        """
        self._post_update(edges.prefixed(f"DROP SILENT GRAPH {Term.iri(graph_iri).n3()} ;\n" + edges.delete_ops([graph_iri])))

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        """Send the query (SPARQL 1.1 Protocol: GET, or a form POST when the
        query is long); SELECT/ASK answers come as SPARQL JSON results,
        CONSTRUCT/DESCRIBE as N-Triples.

        :raises EndpointError: E060-E064 (a syntax error is E063 with the server's message).
        """
        text = bind_query(sparql, bindings)
        if len(quote(text)) <= _MAX_GET_QUERY:
            resp = self._request("GET", self.endpoints.query, params={"query": text}, headers={"Accept": _ACCEPT_QUERY})
        else:
            resp = self._request("POST", self.endpoints.query, data={"query": text}, headers={"Accept": _ACCEPT_QUERY})
        ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype in ("application/sparql-results+json", "application/json"):
            return _result_from_json(resp.json())
        fmt = ox.RdfFormat.from_media_type(ctype)
        if fmt is None:
            raise EndpointError(
                Msg.E063, endpoint=http.public_url(self.endpoints.query), status=resp.status_code,
                reason=f"unexpected answer type {ctype!r}",
            )
        return _rdfio.result_from_ox(ox.parse(resp.content, fmt))

    def update(self, sparql: str) -> None:
        """POST a SPARQL 1.1 update, then remove the direct-edge marker (the update may have changed
        article graphs without their edges; the stored queries read the article graphs until a rebuild,
        kg/store/edges.py).  :raises EndpointError: E060-E064."""
        self._post_update(sparql)
        if not edges.writes_marker(sparql):
            self._post_update(edges.marker_delete())

    def count(self, graph_iri: str | None = None) -> int:
        if graph_iri is None:
            # without kg's derived graphs (the direct edges and their marker, kg/store/edges.py)
            derived = " ".join(f"<{g}>" for g in edges.derived_graphs())
            q = ("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } "
                 f"FILTER (?g NOT IN ({', '.join(derived.split())})) }} }}")
        else:
            q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {Term.iri(graph_iri).n3()} {{ ?s ?p ?o }} }}"
        rows = self.query(q).rows
        return int(rows[0][0].value) if rows and rows[0][0] is not None else 0

    def graphs(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return sorted(r[0].value for r in rows
                      if r[0] is not None and r[0].kind == "iri" and not edges.is_derived(r[0].value))


def _line_chunks(fh: "IO[bytes]", max_bytes: int, max_lines: int, block: int = 1 << 20) -> Iterator[tuple[bytes, int]]:
    """Cut a line-based RDF stream into pieces of whole lines: at most
    ``max_lines`` lines and about ``max_bytes`` bytes (a piece is extended to
    the end of its last line).  Memory: about two pieces.

    :returns: an iterator of ``(piece, number_of_lines)``.
    """
    rest = b""
    while True:
        parts = [rest] if rest else []
        size, lines, rest = len(parts[0]) if parts else 0, parts[0].count(b"\n") if parts else 0, b""
        while size < max_bytes and lines < max_lines:
            data = fh.read(min(block, max_bytes - size))
            if not data:
                break
            parts.append(data)
            size += len(data)
            lines += data.count(b"\n")
        if not size:
            return
        buf = b"".join(parts)
        del parts
        if lines >= max_lines and (lines > max_lines or not buf.endswith(b"\n")):
            cut = -1
            for _ in range(max_lines):
                cut = buf.index(b"\n", cut + 1)
            rest = buf[cut + 1:]
            yield buf[: cut + 1], max_lines
            continue
        if not buf.endswith(b"\n"):
            buf += fh.readline()
        yield buf, buf.count(b"\n") + (0 if buf.endswith(b"\n") else 1)


def _graph_of(graph_name: object) -> str:
    key = _rdfio.graph_key(graph_name)
    return "" if key.startswith("_:") else key  # blank-node graph names go to the default graph


def _term_from_json(b: Mapping[str, str]) -> Term:
    kind = b.get("type")
    if kind == "uri":
        return Term.iri(b["value"])
    if kind == "bnode":
        return Term.bnode(b["value"])
    lang = b.get("xml:lang")
    return Term.literal(b["value"], datatype=b.get("datatype"), lang=lang)


def _result_from_json(doc: Mapping[str, object]) -> QueryResult:
    """SPARQL 1.1 Query Results JSON -> :class:`QueryResult`."""
    if "boolean" in doc:
        return QueryResult.from_boolean(bool(doc["boolean"]))
    head = doc.get("head") or {}
    columns = list(head.get("vars", []))  # type: ignore[union-attr]
    bindings: Iterable[Mapping[str, Mapping[str, str]]] = (doc.get("results") or {}).get("bindings", [])  # type: ignore[union-attr]
    rows = [tuple(_term_from_json(b[c]) if c in b else None for c in columns) for b in bindings]
    return QueryResult(columns, rows)
