"""RDF file reading shared by the backends: streaming parse with pyoxigraph,
syntax errors with line and column, and term conversion.

Imports pyoxigraph and the standard library only (no HTTP client, no spaCy).
"""

from __future__ import annotations

import gzip
from collections import deque
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import GZIP_ADVICE, READ_ADVICE, InputError, Msg, RdfSyntaxError

from .base import DATASET_FORMATS, QueryResult, Term, resolve_format

__all__ = [
    "ox_format",
    "open_rdf",
    "scan_file",
    "iter_quads",
    "parse_bytes",
    "term_from_ox",
    "term_to_ox",
    "result_from_ox",
    "syntax_error",
    "graph_key",
]


def ox_format(media_type: str) -> ox.RdfFormat:
    """The pyoxigraph format for a canonical media type (see :func:`resolve_format`)."""
    fmt = ox.RdfFormat.from_media_type(media_type)
    if fmt is None:  # pragma: no cover - resolve_format only yields known types
        raise ValueError(media_type)
    return fmt


def check_readable(path: Path) -> None:
    """:raises InputError: E007 if ``path`` does not exist, E001 if it cannot be read."""
    if not path.exists():
        raise InputError(Msg.E007, path=path)
    if not path.is_file():
        raise InputError(Msg.E001, path=path, reason="not a regular file",
                         advice="Give RDF files, not a folder (for a folder of them: DIR/*.nq).")
    if not os.access(path, os.R_OK):
        raise InputError(Msg.E001, path=path, reason="permission denied", advice=READ_ADVICE)


_BOM = b"\xef\xbb\xbf"


def has_bom(path: Path) -> bool:
    """Whether an (uncompressed) file starts with a UTF-8 byte-order mark,
    which Windows tools write and RDF parsers reject; :func:`open_rdf` skips it."""
    try:
        with open(path, "rb") as fh:
            return fh.read(3) == _BOM
    except OSError:
        return False


def open_rdf(path: Path) -> IO[bytes]:
    """Open an RDF file for binary reading, decompressing ``*.gz`` on the fly;
    a leading UTF-8 byte-order mark is skipped.

    :raises InputError: E007 missing file, E001 unreadable.
    """
    check_readable(path)
    try:
        fh: IO[bytes] = gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")  # noqa: SIM115
        try:
            if fh.read(3) != _BOM:
                fh.seek(0)
        except (OSError, EOFError):
            fh.seek(0)  # a broken gzip stream: the parser reports it
        return fh
    except OSError as exc:
        raise InputError(Msg.E001, path=path, reason=exc.strerror or str(exc), advice=READ_ADVICE) from exc


def syntax_error(origin: object, exc: SyntaxError) -> RdfSyntaxError:
    """Turn pyoxigraph's ``SyntaxError`` (which carries ``lineno`` and
    ``offset``) into kg's :class:`RdfSyntaxError` (E012)."""
    reason = exc.msg or str(exc)
    # pyoxigraph: "Parser error at line 3 column 44: <reason>" or
    # "Parser error between line 2 column 23 and line 3 column 1: <reason>"
    if reason.startswith(("Parser error at line", "Parser error between line")) and ": " in reason:
        reason = reason.split(": ", 1)[1]
    # line/column stay in ``err.fields``; setting SyntaxError.lineno would add
    # "(file, line N)" to str(err), which must stay kg's one-line message.
    return RdfSyntaxError(Msg.E012, path=origin, line=exc.lineno or "?", column=exc.offset or "?", reason=reason)


def graph_key(graph: object) -> str:
    """``""`` for the default graph, else the graph IRI (or ``_:label``)."""
    if isinstance(graph, ox.DefaultGraph):
        return ""
    if isinstance(graph, ox.BlankNode):
        return f"_:{graph.value}"
    return graph.value  # type: ignore[attr-defined]


def iter_quads(path: Path, media_type: str) -> Iterator[ox.Quad]:
    """Stream the quads of an RDF file (triples come in the default graph).

    :raises RdfSyntaxError: E012 at the first syntax error (quads before it were already yielded).
    :raises InputError: E007/E001.
    """
    with open_rdf(path) as fh:
        try:
            yield from ox.parse(fh, ox_format(media_type))
        except SyntaxError as exc:
            raise syntax_error(path, exc) from exc
        except OSError as exc:
            advice = GZIP_ADVICE.format(path=path) if path.suffix.lower() == ".gz" else READ_ADVICE
            raise InputError(Msg.E001, path=path, reason=str(exc), advice=advice) from exc


def scan_file(path: Path, fmt: str | None = None) -> tuple[str, int, dict[str, int]]:
    """Validate a whole RDF file in one streaming pass, without keeping it in memory.

    :returns: ``(media_type, number_of_quads, quads_per_graph)``; graph keys as
        in :func:`graph_key` (triple formats: everything in ``""``).
    :raises RdfSyntaxError: E012 with line and column.
    :raises InputError: E007 missing, E001 unreadable, E013 unknown format.
    """
    check_readable(path)  # first: a missing file or a folder is E007 / E001, not an unknown format
    media = resolve_format(fmt, path)
    n = 0
    per_graph: dict[str, int] = {}
    if media in DATASET_FORMATS:
        for q in iter_quads(path, media):
            n += 1
            key = graph_key(q.graph_name)
            per_graph[key] = per_graph.get(key, 0) + 1
    else:
        # count at C speed: keep only the last (index, quad) pair
        last = deque(enumerate(iter_quads(path, media), 1), maxlen=1)
        n = last[0][0] if last else 0
        per_graph[""] = n
    return media, n, per_graph


def parse_bytes(data: bytes | str, media_type: str, origin: str = "<data>") -> list[ox.Quad]:
    """Parse RDF held in memory.  :raises RdfSyntaxError: E012."""
    try:
        return list(ox.parse(data.encode("utf-8") if isinstance(data, str) else data, ox_format(media_type)))
    except SyntaxError as exc:
        raise syntax_error(origin, exc) from exc


def term_from_ox(t: object) -> Term:
    """pyoxigraph term -> :class:`Term`."""
    if isinstance(t, ox.NamedNode):
        return Term("iri", t.value)
    if isinstance(t, ox.BlankNode):
        return Term("bnode", t.value)
    if isinstance(t, ox.Literal):
        return Term.literal(t.value, datatype=t.datatype.value, lang=t.language)
    # RDF-star quoted triple: keep its N-Triples text
    return Term("literal", str(t), None, None)


def term_to_ox(t: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """:class:`Term` -> pyoxigraph term."""
    if t.kind == "iri":
        return ox.NamedNode(t.value)
    if t.kind == "bnode":
        return ox.BlankNode(t.value)
    if t.lang:
        return ox.Literal(t.value, language=t.lang)
    return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype) if t.datatype else None)


def result_from_ox(res: object) -> QueryResult:
    """Convert what ``pyoxigraph.Store.query`` (or ``parse_query_results``) returns."""
    if isinstance(res, ox.QueryBoolean):
        return QueryResult.from_boolean(bool(res))
    if isinstance(res, ox.QuerySolutions):
        columns = [v.value for v in res.variables]
        rows = [
            tuple(term_from_ox(sol[i]) if sol[i] is not None else None for i in range(len(columns)))
            for sol in res
        ]
        return QueryResult(columns, rows)
    # QueryTriples (CONSTRUCT / DESCRIBE) or any iterable of triples
    return QueryResult.from_triples(
        (term_from_ox(t.subject), term_from_ox(t.predicate), term_from_ox(t.object)) for t in res  # type: ignore[attr-defined]
    )


def ntriples_of(quads: list[ox.Quad]) -> str:
    """The triples of ``quads`` as N-Triples text (graph names dropped)."""
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    out = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return out.decode("utf-8") if isinstance(out, bytes) else ""
