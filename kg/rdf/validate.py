"""SHACL validation of kg's graphs against ``ontology/shapes.ttl`` (pyshacl).

>>> from kg.rdf.validate import validate
>>> report = validate(graph)                      # doctest: +SKIP
>>> report.conforms, [v.message for v in report.violations]   # doctest: +SKIP
(True, [])

The ontology (``ontology/kg.ttl``) is passed as pyshacl's ``ont_graph`` so that
class constraints see its subclass axioms; no inference is run on the data.
A :class:`rdflib.Dataset` is validated one named graph at a time (the unit kg
writes and reloads), and the violations are collected in one report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SH

__all__ = ["ONTOLOGY_DIR", "Violation", "ValidationReport", "validate", "validate_files", "validate_store",
           "load_ontology", "load_shapes"]

#: The folder with kg.ttl, shapes.ttl and context.jsonld.
ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result.

    :param focus: the node that failed (IRI or literal as text).
    :param path: the property path (IRI text), or None for node-level results.
    :param message: pyshacl's or the shape's sh:message.
    :param severity: ``"Violation"``, ``"Warning"`` or ``"Info"``.
    :param component: the constraint component's local name ("MinCountConstraintComponent").
    :param value: the offending value, if any.
    :param graph: the named graph it was found in, if any.
    """

    focus: str
    path: str | None
    message: str
    severity: str
    component: str = ""
    value: str | None = None
    graph: str | None = None


@dataclass(slots=True)
class ValidationReport:
    """Result of :func:`validate`: ``conforms`` is True when there is no result
    of severity Violation; ``violations`` lists every result (sorted)."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)


@lru_cache(maxsize=1)
def _load(name: str) -> Graph:
    return Graph().parse(ONTOLOGY_DIR / name, format="turtle")


def load_ontology() -> Graph:
    """ontology/kg.ttl as a fresh :class:`rdflib.Graph`."""
    g = Graph()
    g += _load("kg.ttl")
    return g


def load_shapes() -> Graph:
    """ontology/shapes.ttl as a fresh :class:`rdflib.Graph`."""
    g = Graph()
    g += _load("shapes.ttl")
    return g


def _local(iri: object) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _results(report: Graph, graph_name: str | None) -> list[Violation]:
    out = []
    for res in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(res, SH.resultPath)
        value = report.value(res, SH.value)
        out.append(
            Violation(
                focus=str(report.value(res, SH.focusNode)),
                path=str(path) if isinstance(path, URIRef) else None,
                message=str(report.value(res, SH.resultMessage) or ""),
                severity=_local(report.value(res, SH.resultSeverity)),
                component=_local(report.value(res, SH.sourceConstraintComponent)),
                value=None if value is None else str(value),
                graph=graph_name,
            )
        )
    return out


def _validate_one(data: Graph, graph_name: str | None) -> list[Violation]:
    import pyshacl  # imported lazily: it takes a second

    _, report, _ = pyshacl.validate(
        data,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    return _results(report, graph_name)


def validate(data_graph: Graph | Dataset) -> ValidationReport:
    """Validate a graph (or every named graph of a dataset) against the shapes.

    :param data_graph: an article graph from :func:`kg.rdf.build.build_article_graph`,
        any :class:`rdflib.Graph`, or a :class:`rdflib.Dataset`.
    :returns: a :class:`ValidationReport`; never raises for non-conforming data.
    """
    violations: list[Violation] = []
    if isinstance(data_graph, Dataset):
        for g in data_graph.graphs():
            if len(g):
                plain = Graph()
                for triple in g:
                    plain.add(triple)
                violations.extend(_validate_one(plain, str(g.identifier)))
    else:
        violations.extend(_validate_one(data_graph, None))
    violations.sort(key=lambda v: (v.graph or "", v.focus, v.path or "", v.component, v.value or ""))
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms, violations)


def validate_files(paths: list[Path] | list[str]) -> ValidationReport:
    """Validate RDF files (any format of :data:`kg.rdf.serialize.FORMATS`, told
    by the extension); N-Quads/TriG/JSON-LD graphs are validated one by one.

    :raises InputError: E013 for an unknown extension, E007 for a file that does not exist, E001 for one that cannot be read.
    :raises RdfSyntaxError: E012 (file, line, column) when a file does not parse.
    """
    import pyoxigraph

    from kg.errors import READ_ADVICE, InputError, Msg, RdfSyntaxError
    from kg.rdf.serialize import FORMATS, format_for_path

    data = Dataset()
    for p in paths:
        path = Path(p)
        if not path.exists():  # first: a missing file is E007 whatever its extension
            raise InputError(Msg.E007, path=path)
        fmt = FORMATS[format_for_path(path)]
        try:
            # strict parse first (pyoxigraph reports line and column), then rdflib for pyshacl
            for _ in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.from_media_type(fmt.media_type)):
                pass
        except SyntaxError as exc:
            line, column = _position(exc)
            raise RdfSyntaxError(Msg.E012, path=path, line=line, column=column, reason=str(exc).splitlines()[0]) from exc
        except OSError as exc:
            raise InputError(Msg.E001, path=path, reason=exc.strerror or str(exc), advice=READ_ADVICE) from exc
        if fmt.quads:
            data.parse(str(path), format=fmt.rdflib)
        else:
            data.default_graph.parse(str(path), format=fmt.rdflib)
    report = validate(data)
    default = data.default_graph
    if len(default):
        extra = _validate_one(_plain(default), None)
        report.violations.extend(extra)
        report.conforms = report.conforms and not any(v.severity == "Violation" for v in extra)
    return report


def validate_store(store) -> ValidationReport:  # kg.store.base.Store
    """Validate every named graph of a store (embedded or remote).

    The graphs are read one at a time with a SPARQL query, so memory holds one
    article graph at a time.
    """
    violations: list[Violation] = []
    for graph_iri in store.graphs():
        result = store.query("SELECT ?s ?p ?o WHERE { GRAPH <%s> { ?s ?p ?o } }" % graph_iri)
        g = Graph()
        for row in result.rows:
            g.add(tuple(_to_rdflib(t) for t in row))  # type: ignore[arg-type]
        violations.extend(_validate_one(g, graph_iri))
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms, violations)


def _plain(g: Graph) -> Graph:
    plain = Graph()
    for triple in g:
        plain.add(triple)
    return plain


def _to_rdflib(term):  # kg.store.base.Term -> rdflib term
    from rdflib import BNode, Literal

    if term.kind == "iri":
        return URIRef(term.value)
    if term.kind == "bnode":
        return BNode(term.value)
    if term.lang:
        return Literal(term.value, lang=term.lang)
    if not term.datatype or term.datatype == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)  # RDF 1.1: a plain literal is an xsd:string; rdflib tells them apart
    return Literal(term.value, datatype=URIRef(term.datatype))


def _position(exc: SyntaxError) -> tuple[int | str, int | str]:
    """(line, column) of a pyoxigraph syntax error, 1-based, or "?" when unknown."""
    loc = getattr(exc, "lineno", None), getattr(exc, "offset", None)
    return (loc[0] if loc[0] is not None else "?", loc[1] if loc[1] is not None else "?")
