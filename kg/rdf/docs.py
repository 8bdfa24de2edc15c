"""Generate ``ontology/REFERENCE.md`` from ``ontology/kg.ttl``.

Run ``python -m kg.rdf.docs`` to rewrite the file, or
``python -m kg.rdf.docs --check`` to exit 1 when it is out of date.
``tests/test_ontology_reference.py`` checks that it is in sync.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.model import StatementType
from kg.rdf.validate import ONTOLOGY_DIR, load_ontology
from kg.rdf.vocab import KG, KGT, ONTOLOGY_IRI, PREFIXES

__all__ = ["REFERENCE_PATH", "render_reference", "main"]

REFERENCE_PATH = ONTOLOGY_DIR / "REFERENCE.md"

_IRI_SCHEME = """\
Instance IRIs live under `https://w3id.org/kg-news/id/` (prefix `kgid:`); every path
segment is a slug (`kg.model.slugify`: ASCII letters, digits, `-`) or a number.

| node | IRI |
|---|---|
| named graph of an article | `kgid:graph/{article key}` |
| article | `kgid:article/{article key}` |
| sentence | `kgid:article/{article key}/sentence/{start}-{end}` |
| mention | `kgid:article/{article key}/mention/{start}-{end}` |
| statement | `kgid:article/{article key}/statement/{index}` |
| actor, linked | `kgid:actor/wd-{QID}` (same IRI in every article) |
| actor, unlinked person | `kgid:article/{article key}/actor/{slug of the name}` (one per article: a name alone does not say which person it is) |
| actor, unlinked organization, country, group or other name | `kgid:actor/name-{slug of the name}` (same IRI in every article) |
| actor, unlinked description (no capital letter: "officials") | `kgid:article/{article key}/actor/{slug}` (one per article) |
| extraction run | `kgid:run/{slug of kg version, model name, model version, 12 hex of the settings digest}` |
| knowledge-base file a run used | `kgid:kb/{slug of the file name}-{16 hex of its SHA-256}` |

The article key is the slug of the article id, so the same article gives the same IRIs and a
reload replaces its named graph. No blank nodes are written.
"""


def _curie(term: object) -> str:
    text = str(term)
    best = None
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns) and (best is None or len(ns) > len(PREFIXES[best])):
            best = prefix
    return f"{best}:{text[len(PREFIXES[best]):]}" if best else f"<{text}>"


def _one_line(value: object) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


def _class_expr(g: Graph, node: object) -> str:
    if isinstance(node, URIRef):
        return f"`{_curie(node)}`"
    members = g.value(node, OWL.unionOf)
    if members is not None:
        from rdflib.collection import Collection

        return " or ".join(f"`{_curie(m)}`" for m in Collection(g, members))
    return "?"


def _terms(g: Graph, kinds: list[URIRef]) -> list[URIRef]:
    ns = str(KG._NS)
    found = {s for k in kinds for s in g.subjects(RDF.type, k) if isinstance(s, URIRef) and str(s).startswith(ns)}
    return sorted(found, key=str)


def render_reference(g: Graph | None = None) -> str:
    """The Markdown reference of the ontology graph ``g`` (default: kg.ttl)."""
    g = g if g is not None else load_ontology()
    out: list[str] = []
    version = g.value(ONTOLOGY_IRI, OWL.versionInfo)
    out.append("# kg ontology reference\n")
    out.append("<!-- Generated from ontology/kg.ttl by `python -m kg.rdf.docs`; do not edit by hand. -->\n")
    out.append(f"{_one_line(g.value(ONTOLOGY_IRI, RDFS.comment))}\n")
    out.append(f"- Ontology: `{ONTOLOGY_IRI}`, version {version} (`{g.value(ONTOLOGY_IRI, OWL.versionIRI)}`)")
    out.append("- Prefixes: " + ", ".join(f"`{p}:` <{ns}>" for p, ns in PREFIXES.items()) + "\n")

    out.append("## IRI scheme\n")
    out.append(_IRI_SCHEME)

    out.append("## Classes\n")
    out.append("| class | label | subclass of | description |")
    out.append("|---|---|---|---|")
    for c in _terms(g, [OWL.Class]):
        supers = ", ".join(f"`{_curie(s)}`" for s in sorted(g.objects(c, RDFS.subClassOf), key=str))
        out.append(f"| `{_curie(c)}` | {g.value(c, RDFS.label)} | {supers} | {_one_line(g.value(c, RDFS.comment))} |")
    out.append("")

    props = _terms(g, [OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty])
    asserted = [p for p in props if g.value(p, KG.derivedBy) is None]
    derived = [p for p in props if g.value(p, KG.derivedBy) is not None]
    out.append("## Properties (asserted by kg)\n")
    out.append("Besides these, kg writes `schema:headline`, `schema:datePublished` (xsd:date), `schema:publisher`"
               " (literal: the outlet's name), `schema:url` (IRI) and `dcterms:identifier` on articles;"
               " `prov:wasDerivedFrom` (article) and `prov:wasGeneratedBy` (run) on statements;"
               " `prov:startedAtTime` (xsd:dateTime) on runs.\n")
    out.append("| property | label | domain | range | description |")
    out.append("|---|---|---|---|---|")
    for p in asserted:
        out.append(
            f"| `{_curie(p)}` | {g.value(p, RDFS.label)} | {_class_expr(g, g.value(p, RDFS.domain))} "
            f"| {_class_expr(g, g.value(p, RDFS.range))} | {_one_line(g.value(p, RDFS.comment))} |"
        )
    out.append("")

    out.append("## Direct edges (derived, not asserted)\n")
    out.append("For every `kg:Statement` that is neither negated nor hypothetical, with `kg:actor ?a`, `kg:target ?t`"
               " and `kg:statementType ?T`: `?a E ?t` where `?T kg:directEdge E`."
               " `queries/derive-direct-edges.rq` implements the rule as a SPARQL CONSTRUCT.\n")
    out.append("| property | label | statement type | sub-property of |")
    out.append("|---|---|---|---|")
    for p in derived:
        types = ", ".join(f"`{_curie(t)}`" for t in sorted(g.subjects(KG.directEdge, p), key=str))
        supers = ", ".join(f"`{_curie(s)}`" for s in sorted(g.objects(p, RDFS.subPropertyOf), key=str))
        out.append(f"| `{_curie(p)}` | {g.value(p, RDFS.label)} | {types} | {supers} |")
    out.append("")

    out.append("## Statement types (`kgt:scheme`)\n")
    out.append(f"{_one_line(g.value(KGT.scheme, SKOS.definition))}\n")
    out.append("| type | label | CAMEO | PLOVER | broader | direct edge | definition |")
    out.append("|---|---|---|---|---|---|---|")
    order = {t.value: i for i, t in enumerate(StatementType)}
    for t in sorted(g.subjects(SKOS.inScheme, KGT.scheme), key=lambda t: (order.get(str(g.value(t, SKOS.notation)), 99), str(t))):
        broader = g.value(t, SKOS.broader)
        plover = g.value(t, KG.ploverCategory)
        edge = g.value(t, KG.directEdge)
        out.append(
            f"| `{_curie(t)}` | {g.value(t, SKOS.prefLabel)} | {_one_line(g.value(t, KG.cameoCode))} "
            f"| {plover or '—'} | {f'`{_curie(broader)}`' if broader else ''} "
            f"| {f'`{_curie(edge)}`' if edge else ''} | {_one_line(g.value(t, SKOS.definition))} |"
        )
    out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Write REFERENCE.md (or with ``--check``, return 1 when it differs)."""
    args = sys.argv[1:] if argv is None else argv
    text = render_reference()
    if "--check" in args:
        current = REFERENCE_PATH.read_text(encoding="utf-8") if REFERENCE_PATH.exists() else ""
        if current != text:
            print(f"{REFERENCE_PATH} is out of date; run: python -m kg.rdf.docs", file=sys.stderr)
            return 1
        return 0
    Path(REFERENCE_PATH).write_text(text, encoding="utf-8")
    print(f"wrote {REFERENCE_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
