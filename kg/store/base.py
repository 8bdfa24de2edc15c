"""The store interface every backend implements, and its backend-neutral result types.

A *store* holds an RDF dataset: a default graph plus one named graph per
article (``../shared/docs/design.md``, "RDF").  Backends:

* :mod:`kg.store.oxigraph` -- embedded pyoxigraph on disk (the default);
* :mod:`kg.store.sparql` -- any SPARQL 1.1 Query/Update + Graph Store
  Protocol server (Fuseki, Oxigraph server, ...).

Both return :class:`QueryResult` made of :class:`Term`, so callers (stored
queries, :mod:`kg.output`) never see a backend's own term classes.

This module imports only the standard library (and :mod:`kg.sparql_terms`, kg's one
SPARQL term writer, itself standard library only).  It never imports spaCy nor an
HTTP client.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from kg.errors import EndpointError, InputError, Msg
from kg.sparql_terms import RDF_LANG_STRING as _RDF_LANG_STRING
from kg.sparql_terms import XSD, escape_literal, escaped_iri
from kg.sparql_terms import XSD_STRING as _XSD_STRING

__all__ = [
    "XSD",
    "Term",
    "QueryResult",
    "Store",
    "PartialLoadError",
    "RDF_FORMATS",
    "resolve_format",
    "values_clause",
    "bind_query",
]


TermKind = Literal["iri", "literal", "bnode"]


@dataclass(frozen=True, slots=True)
class Term:
    """One RDF term, the same whatever backend produced it.

    :param kind: ``"iri"``, ``"literal"`` or ``"bnode"``.
    :param value: the IRI, the literal's lexical form, or the blank node label.
    :param datatype: datatype IRI of a literal (``xsd:string`` for plain
        literals, ``rdf:langString`` for language-tagged ones); ``None`` for
        IRIs and blank nodes.
    :param lang: language tag of a literal (lower-case), else ``None``.

    >>> Term.literal("3", datatype=XSD + "integer").to_python()
    3
    >>> Term.iri("http://www.wikidata.org/entity/Q30").n3()
    '<http://www.wikidata.org/entity/Q30>'
    """

    kind: TermKind
    value: str
    datatype: str | None = None
    lang: str | None = None

    @classmethod
    def iri(cls, value: str) -> "Term":
        return cls("iri", value)

    @classmethod
    def bnode(cls, label: str) -> "Term":
        return cls("bnode", label)

    @classmethod
    def literal(cls, value: str, *, datatype: str | None = None, lang: str | None = None) -> "Term":
        """A literal; no datatype and no language give ``xsd:string``."""
        if lang:
            return cls("literal", value, _RDF_LANG_STRING, lang.lower())
        return cls("literal", value, datatype or _XSD_STRING, None)

    def n3(self) -> str:
        """N-Triples / SPARQL syntax of the term, with escapes (safe to embed in a query;
        written by :mod:`kg.sparql_terms`: :func:`~kg.sparql_terms.escape_literal`, and
        :func:`~kg.sparql_terms.escaped_iri`, which never raises: a bad IRI is escaped
        so that a parser rejects it)."""
        if self.kind == "iri":
            return escaped_iri(self.value)
        if self.kind == "bnode":
            return f"_:{self.value}"
        lexical = '"' + escape_literal(self.value) + '"'
        if self.lang:
            return f"{lexical}@{self.lang}"
        if self.datatype and self.datatype != _XSD_STRING:
            return f"{lexical}^^{escaped_iri(self.datatype)}"
        return lexical

    def to_python(self) -> object:
        """A plain Python value: ``int``/``float``/``bool`` for numeric and
        boolean XSD literals, else the IRI, label or lexical form as ``str``."""
        if self.kind != "literal" or not self.datatype:
            return self.value
        local = self.datatype[len(XSD):] if self.datatype.startswith(XSD) else ""
        try:
            if local in _INTEGER_TYPES:
                return int(self.value)
            if local in ("decimal", "double", "float"):
                return float(self.value)
            if local == "boolean":
                return self.value.strip() in ("true", "1")
        except ValueError:
            return self.value
        return self.value

    def __str__(self) -> str:
        return self.value


_INTEGER_TYPES = frozenset(
    "integer int long short byte nonNegativeInteger positiveInteger nonPositiveInteger "
    "negativeInteger unsignedLong unsignedInt unsignedShort unsignedByte".split()
)


@dataclass(slots=True)
class QueryResult:
    """The answer of a SPARQL query, backend-neutral.

    * ``SELECT``: ``kind="bindings"``, ``columns`` are the projected variable
      names (without ``?``), each row a tuple parallel to ``columns`` with
      ``None`` for unbound values.
    * ``ASK``: ``kind="boolean"``, ``boolean`` is the answer, ``columns`` is
      ``["boolean"]`` and ``rows`` one row holding an ``xsd:boolean`` literal
      (so that it renders like any table).
    * ``CONSTRUCT``/``DESCRIBE``: ``kind="graph"``, ``columns`` is
      ``["subject", "predicate", "object"]`` and each row is one triple.
    """

    columns: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    kind: Literal["bindings", "boolean", "graph"] = "bindings"
    boolean: bool | None = None

    @classmethod
    def from_boolean(cls, value: bool) -> "QueryResult":
        lit = Term.literal("true" if value else "false", datatype=XSD + "boolean")
        return cls(["boolean"], [(lit,)], kind="boolean", boolean=value)

    @classmethod
    def from_triples(cls, triples: Iterable[tuple[Term, Term, Term]]) -> "QueryResult":
        return cls(["subject", "predicate", "object"], [tuple(t) for t in triples], kind="graph")

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple[Term | None, ...]]:
        return iter(self.rows)

    def records(self) -> list[dict[str, object]]:
        """Rows as dicts of plain Python values (see :meth:`Term.to_python`)."""
        return [
            {c: (t.to_python() if t is not None else None) for c, t in zip(self.columns, row)}
            for row in self.rows
        ]

    def column(self, name: str) -> list[Term | None]:
        """All values of one column.  :raises KeyError: if there is no such column."""
        if name not in self.columns:
            raise KeyError(name)
        i = self.columns.index(name)
        return [row[i] for row in self.rows]


class PartialLoadError(EndpointError):
    """A remote load failed half-way.

    ``str(err)`` is the endpoint failure (E060-E064) followed by how many
    graphs were loaded.  ``loaded`` lists the graphs completely written
    (``""`` = default graph), ``not_loaded`` those not or only partly written;
    ``cause`` is the underlying :class:`EndpointError`.
    """

    def __init__(self, cause: EndpointError, *, loaded: list[str], not_loaded: list[str]) -> None:
        self.cause = cause
        self.loaded = loaded
        self.not_loaded = not_loaded
        Exception.__init__(
            self,
            f"{cause} Loaded {len(loaded)} graph(s) completely; {len(not_loaded)} not or only partly "
            f"(first: {', '.join(g or 'default graph' for g in not_loaded[:3]) or '-'}). Re-run the load to finish.",
        )
        self.code = cause.code
        self.fields = dict(cause.fields)


#: RDF formats kg reads, as canonical media type -> (names and extensions accepted).
RDF_FORMATS: dict[str, tuple[str, ...]] = {
    "application/n-triples": ("nt", "ntriples", "n-triples"),
    "application/n-quads": ("nq", "nquads", "n-quads"),
    "text/turtle": ("ttl", "turtle"),
    "application/trig": ("trig",),
    "application/ld+json": ("jsonld", "json-ld"),
    "application/rdf+xml": ("rdf", "xml", "owl", "rdfxml", "rdf-xml"),
    "text/n3": ("n3",),
}
DATASET_FORMATS = frozenset({"application/n-quads", "application/trig", "application/ld+json"})


def resolve_format(fmt: str | None, path: Path | None = None) -> str:
    """The canonical media type for a format name, extension or media type.

    With ``fmt=None`` the format comes from ``path``'s extension (a trailing
    ``.gz`` is skipped: ``x.nq.gz`` is N-Quads).

    >>> resolve_format("ttl"), resolve_format(None, Path("a.nq.gz"))
    ('text/turtle', 'application/n-quads')

    :raises InputError: E013 if the format is unknown.
    """
    key = fmt
    if key is None and path is not None:
        suffixes = [s.lower().lstrip(".") for s in path.suffixes]
        if suffixes and suffixes[-1] == "gz":
            suffixes.pop()
        key = suffixes[-1] if suffixes else ""
    key = (key or "").strip().lower().split(";")[0].strip()
    for media, names in RDF_FORMATS.items():
        if key == media or key in names:
            return media
    choices = ", ".join(n[0] for n in RDF_FORMATS.values())
    origin = "--format" if fmt is not None or path is None else str(path)
    raise InputError(Msg.E013, origin=origin, fmt=key or "(no extension)", choices=choices)


def values_clause(bindings: Mapping[str, Term]) -> str:
    """A SPARQL ``VALUES`` clause binding each variable to one term.

    Terms are written in N-Triples syntax with escapes (:meth:`Term.n3`), so
    a value can never change the query's structure.

    >>> values_clause({"actor": Term.literal('Say "hi"')})
    'VALUES (?actor) { ("Say \\\\"hi\\\\"") }'
    """
    names = list(bindings)
    for n in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n):
            raise ValueError(f"not a SPARQL variable name: {n!r}")
    head = " ".join(f"?{n}" for n in names)
    body = " ".join(bindings[n].n3() for n in names)
    return f"VALUES ({head}) {{ ({body}) }}"


def _scan_tokens(sparql: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, token)`` for the braces and keywords of a query,
    skipping IRIs, string literals and comments."""
    i, n = 0, len(sparql)
    while i < n:
        ch = sparql[i]
        if ch == "#":
            j = sparql.find("\n", i)
            i = n if j < 0 else j + 1
        elif ch == "<":
            m = _IRIREF.match(sparql, i)
            i = m.end() if m else i + 1
        elif ch in "\"'":
            long_q = sparql.startswith(ch * 3, i)
            quote = ch * 3 if long_q else ch
            j = i + len(quote)
            while j < n and not sparql.startswith(quote, j):
                j += 2 if sparql[j] == "\\" else 1
            i = j + len(quote)
        elif ch in "{}":
            yield i, ch
            i += 1
        elif ch.isalpha():
            m = _WORD.match(sparql, i)
            assert m is not None
            yield i, m.group().upper()
            i = m.end()
        else:
            i += 1


_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _where_group_start(sparql: str) -> int | None:
    """Offset just after the ``{`` that opens the query's WHERE pattern, or
    ``None`` (no pattern, or the ``CONSTRUCT WHERE { }`` short form whose
    pattern is also its template)."""
    form: str | None = None
    depth = 0
    after_construct_template = False
    for pos, tok in _scan_tokens(sparql):
        if depth:
            depth += 1 if tok == "{" else -1 if tok == "}" else 0
            if depth == 0:
                after_construct_template = True
            continue
        if form is None and tok in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            form = tok
        elif tok == "WHERE":
            if form == "CONSTRUCT" and not after_construct_template:
                return None  # CONSTRUCT WHERE { ... } short form
            form = "WHERE"
        elif tok == "{":
            if form in ("WHERE", "SELECT", "ASK", "DESCRIBE"):
                return pos + 1
            if form == "CONSTRUCT" and not after_construct_template:
                depth = 1  # skip the template
            elif form == "CONSTRUCT":
                return pos + 1
    return None


def bind_query(sparql: str, bindings: Mapping[str, Term] | None) -> str:
    """The query with ``bindings`` as a ``VALUES`` block at the start of its
    WHERE pattern: ``WHERE { VALUES (?actor) { ("Hossein Dehqan") } ... }``.

    The block joins with the whole pattern, so a bound variable acts like a
    constant in triple patterns, FILTERs and OPTIONALs, whether or not it is
    projected.  Every backend binds the same way, so a stored query gives the
    same answer on each.  Forms without a WHERE keyword (``SELECT * { }``,
    ``ASK { }``) work too; a query whose pattern cannot be found gets a
    trailing ``VALUES`` clause instead (binds projected variables only).

    >>> bind_query("SELECT ?s WHERE { ?s ?p ?o }", {"o": Term.literal("x")})
    'SELECT ?s WHERE { VALUES (?o) { ("x") }\\n ?s ?p ?o }'
    """
    if not bindings:
        return sparql
    block = values_clause(bindings)
    at = _where_group_start(sparql)
    if at is None:
        return f"{sparql.rstrip()}\n{block}\n"
    return f"{sparql[:at]} {block}\n{sparql[at:]}"


@runtime_checkable
class Store(Protocol):
    """What every backend offers.  Stores are context managers: ``with open_store() as s: ...``.

    Graph IRIs are plain strings; the default graph is addressed by ``None``
    where a method accepts it.
    """

    #: a short human-readable description ("oxigraph:/path", "sparql:http://...").
    location: str

    def replace_graph(self, graph_iri: str, data: bytes | str, fmt: str = "application/n-triples") -> None:
        """Drop the named graph and load ``data`` into it, atomically where the
        backend allows.  Loading the same data twice leaves the store unchanged.

        :raises RdfSyntaxError: E012 if the embedded store cannot parse ``data``
            (nothing changed); a remote server answers E063 instead.
        """
        ...

    def load_file(
        self,
        path: Path,
        fmt: str | None = None,
        *,
        graph_iri: str | None = None,
        replace: bool = False,
    ) -> int:
        """Bulk-load an RDF file.  N-Quads/TriG keep their graphs; triple
        formats go to ``graph_iri`` (default graph if ``None``).  With
        ``replace=True`` every graph the file writes to is dropped first.

        :returns: the number of triples/quads read from the file and loaded.
        :raises RdfSyntaxError: E012 with line and column; nothing from the file is loaded.
        :raises InputError: E001/E007 unreadable or missing file, E013 unknown format.
        """
        ...

    def drop_graph(self, graph_iri: str) -> None:
        """Remove a named graph; no error if it does not exist."""
        ...

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL query; ``bindings`` bind variables to terms (:func:`bind_query`)."""
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update."""
        ...

    def count(self, graph_iri: str | None = None) -> int:
        """Number of quads in the whole dataset, or of triples in one named graph."""
        ...

    def graphs(self) -> list[str]:
        """IRIs of the non-empty named graphs, sorted."""
        ...

    def close(self) -> None:
        """Release the store (the embedded store's lock, HTTP connections)."""
        ...

    def __enter__(self) -> "Store": ...

    def __exit__(self, *exc: object) -> None: ...
