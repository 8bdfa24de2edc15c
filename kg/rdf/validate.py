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

__all__ = ["ONTOLOGY_DIR", "Violation", "ValidationReport", "validate", "load_ontology", "load_shapes"]

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
