"""Serialize kg's graphs: Turtle, N-Triples, N-Quads, TriG and JSON-LD.

* :data:`FORMATS` -- the formats by canonical name (those of
  :data:`kg.formats.RDF`), with file suffix, media type and whether they keep
  named graphs.
* :func:`format_for_path` -- pick a format from ``--format`` or the suffix.
* :func:`serialize_graph` -- a graph or dataset to bytes (UTF-8).
* :class:`RdfWriter` -- write article graphs one at a time to a file,
  atomically: into a temporary file in the same folder, renamed over the
  target with :func:`os.replace` only when the ``with`` block ends without
  error, so an error or Ctrl-C never leaves a half-written file.

Triple formats (Turtle, N-Triples) merge the article graphs into one graph;
quad formats (N-Quads, TriG, JSON-LD) keep one named graph per article.
N-Triples and N-Quads are streamed (each article's lines, sorted for stable
output, are appended as it comes; triples repeated across articles, such as
actor names, are repeated lines, which RDF treats as one triple); Turtle,
TriG and JSON-LD are accumulated in memory and written at the end.  JSON-LD
is compacted with ``ontology/context.jsonld`` (embedded as ``@context``).

JSON Lines output is not RDF and is handled by the pipeline, not here.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from rdflib import Dataset, Graph, URIRef

from kg.errors import InputError, KgError, Msg, OutputError
from kg.formats import RDF_ALIASES, Format
from kg.rdf.vocab import bind_prefixes

__all__ = ["RdfFormat", "FORMATS", "format_for_path", "serialize_graph", "RdfWriter", "load_context", "CONTEXT_PATH"]

#: The JSON-LD context file (also the ``@context`` of JSON-LD output).
CONTEXT_PATH = Path(__file__).resolve().parents[2] / "ontology" / "context.jsonld"


@dataclass(frozen=True, slots=True)
class RdfFormat:
    """One RDF serialization format.

    :param name: canonical name (``--format`` value).
    :param suffix: file suffix with the dot.
    :param rdflib: rdflib's plugin name.
    :param media_type: IANA media type.
    :param quads: True when named graphs are kept.
    :param streaming: True when :class:`RdfWriter` appends per article.
    """

    name: str
    suffix: str
    rdflib: str
    media_type: str
    quads: bool
    streaming: bool


_F = Format
FORMATS: dict[str, RdfFormat] = {
    _F.TURTLE.value: RdfFormat(_F.TURTLE.value, ".ttl", "turtle", "text/turtle", False, False),
    _F.NTRIPLES.value: RdfFormat(_F.NTRIPLES.value, ".nt", "nt", "application/n-triples", False, True),
    _F.NQUADS.value: RdfFormat(_F.NQUADS.value, ".nq", "nquads", "application/n-quads", True, True),
    _F.TRIG.value: RdfFormat(_F.TRIG.value, ".trig", "trig", "application/trig", True, False),
    _F.JSON_LD.value: RdfFormat(_F.JSON_LD.value, ".jsonld", "json-ld", "application/ld+json", True, False),
}

#: alias (short name or media type) -> canonical name, from :data:`kg.formats.RDF_ALIASES`.
_ALIASES = {alias: f.value for alias, f in RDF_ALIASES.items()}


def _choices() -> str:
    return ", ".join(FORMATS)


def format_for_path(path: str | Path | None, explicit: str | None = None) -> str:
    """The canonical format name for ``explicit`` (a name, alias or media type;
    case-insensitive) or else for the suffix of ``path``.

    >>> format_for_path("out/news.ttl", None)
    'turtle'
    >>> format_for_path("-", "nq")
    'nquads'

    :raises InputError: Msg.E013 when the format is unknown or cannot be told
        from the path.
    """
    if explicit:
        key = explicit.strip().lower()
        key = _ALIASES.get(key, key)
        if key in FORMATS:
            return key
        raise InputError(Msg.E013, origin="--format", fmt=explicit, choices=_choices())
    suffix = Path(str(path)).suffix.lower() if path is not None else ""
    for fmt in FORMATS.values():
        if suffix == fmt.suffix:
            return fmt.name
    raise InputError(Msg.E013, origin=str(path), fmt=suffix or "(no extension)",
                     choices=", ".join(f.suffix for f in FORMATS.values()))


@lru_cache(maxsize=1)
def _context_text() -> str:
    return CONTEXT_PATH.read_text(encoding="utf-8")


def load_context() -> dict[str, Any]:
    """The JSON-LD ``@context`` object of ``ontology/context.jsonld`` (a fresh dict)."""
    return json.loads(_context_text())["@context"]


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted(line for line in data.split(b"\n") if line.strip())
    return b"".join(line + b"\n" for line in lines)


def serialize_graph(graph: Graph | Dataset, fmt: str) -> bytes:
    """Serialize ``graph`` (a :class:`rdflib.Graph` or :class:`rdflib.Dataset`)
    in ``fmt`` (a name or alias of :data:`FORMATS`) to UTF-8 bytes.

    A plain Graph written in a quad format goes into the named graph of its
    identifier (when that is an IRI); a Dataset written in a triple format is
    merged into one graph.  N-Triples / N-Quads lines are sorted.

    :raises InputError: Msg.E013 for an unknown format.
    """
    info = FORMATS[format_for_path(None, fmt)]
    if isinstance(graph, Dataset):
        source: Graph | Dataset = graph if info.quads else _merge([graph])
    elif info.quads:
        source = _as_dataset([graph])
    else:
        source = graph
    bind_prefixes(source)
    with warnings.catch_warnings():  # rdflib's quad plugins call its own deprecated Dataset API
        warnings.simplefilter("ignore", DeprecationWarning)
        if info.name == "json-ld":
            data = source.serialize(format="json-ld", context=load_context(), auto_compact=True, indent=2, encoding="utf-8")
        else:
            data = source.serialize(format=info.rdflib, encoding="utf-8")
    if info.streaming:
        data = _sorted_lines(data)
    return data


def _as_dataset(graphs: list[Graph]) -> Dataset:
    ds = bind_prefixes(Dataset())
    for g in graphs:
        target = ds.graph(g.identifier) if isinstance(g.identifier, URIRef) else ds.default_graph
        for triple in g:
            target.add(triple)
    return ds


def _merge(graphs: list[Graph | Dataset]) -> Graph:
    merged = bind_prefixes(Graph())
    for g in graphs:
        if isinstance(g, Dataset):
            for s, p, o, _ in g.quads((None, None, None, None)):
                merged.add((s, p, o))
        else:
            for triple in g:
                merged.add(triple)
    return merged


class RdfWriter:
    """Write article graphs to ``path`` in ``fmt``, atomically.

    >>> from kg.rdf.serialize import RdfWriter
    >>> with RdfWriter("out.nq", "nquads") as w:          # doctest: +SKIP
    ...     for result in results:
    ...         w.add(build_article_graph(result, run))

    :param path: the output file, or ``"-"`` for standard output (written
        directly, no temporary file).
    :param fmt: a format name or alias of :data:`FORMATS`.
    :raises InputError: Msg.E013 for an unknown format (at construction).
    :raises OutputError: E015 when the folder is not writable (on
        ``__enter__``) or a write fails (disk full); no file is left behind.

    ``graphs`` and ``triples`` count what was added.
    """

    def __init__(self, path: str | Path, fmt: str) -> None:
        self.path = path if str(path) == "-" else Path(path)
        self.format = FORMATS[format_for_path(None, fmt)]
        self.graphs = 0
        self.triples = 0
        self._pending: list[Graph] = []
        self._tmp: Path | None = None
        self._out: IO[bytes] | None = None

    def __enter__(self) -> "RdfWriter":
        if self.path == "-":
            self._out = sys.stdout.buffer
        else:
            assert isinstance(self.path, Path)
            folder = self.path.parent if str(self.path.parent) else Path(".")
            try:
                fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=folder)
            except OSError as exc:
                raise OutputError(Msg.E015, path=self.path, reason=exc.strerror or str(exc)) from exc
            self._tmp = Path(name)
            self._out = os.fdopen(fd, "wb")
        return self

    def add(self, graph: Graph) -> None:
        """Add one article graph (its identifier names its graph in quad formats)."""
        if self._out is None:
            raise RuntimeError("RdfWriter.add() outside its 'with' block")
        self.graphs += 1
        self.triples += len(graph)
        if self.format.streaming:
            self._out.write(serialize_graph(graph, self.format.name))
        else:
            self._pending.append(graph)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        out, tmp = self._out, self._tmp
        self._out = None
        try:
            if exc_type is None and not self.format.streaming and out is not None:
                combined: Graph | Dataset = _as_dataset(self._pending) if self.format.quads else _merge(self._pending)
                out.write(serialize_graph(combined, self.format.name))
            if out is not None and out is not sys.stdout.buffer:
                out.flush()
                os.fsync(out.fileno())
                out.close()
            elif out is not None:
                out.flush()
        except BaseException as err:
            if tmp is not None:
                tmp.unlink(missing_ok=True)
            if isinstance(err, OSError) and not isinstance(err, KgError):
                raise OutputError(Msg.E015, path=self.path, reason=err.strerror or str(err)) from err
            raise
        self._pending = []
        if tmp is None:
            return
        if exc_type is None:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes 0600; give the file the user's usual mode
            os.replace(tmp, self.path)
        else:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError) and not isinstance(exc, KgError):  # a write failed in add()
                raise OutputError(Msg.E015, path=self.path, reason=exc.strerror or str(exc)) from exc
