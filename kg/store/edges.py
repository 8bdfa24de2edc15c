"""Materialised direct edges: one named graph per statement type, kept in sync by every kg write.

The stored queries who-*-whom and actor-network aggregate, per actor, target and statement type, the
statements made (neither negated nor hypothetical; ``queries/derive-direct-edges.rq``).  Over the article
graphs that is a join of eight triple patterns per statement, which pyoxigraph answers with one index lookup
per statement and pattern: the cost grows with the whole store, whatever the answer (issue 17).  So kg also
keeps, for every article graph ``G``, its **edges** in the graph of their type
(:data:`EDGE_GRAPH` + ``ACCUSE`` ...): one node per graph, article, actor, target and type
(IRI :data:`EDGE_GRAPH` ``TYPE/md5(G art a t)``, the same whenever it is derived again) with

* ``kg:edgeSource a`` ; ``kg:edgeTarget t`` ; ``kg:edgeGraph G`` ; ``kg:edgeArticle art`` ;
* ``kg:sourceName`` / ``kg:targetName``: the smallest ``kg:name`` of ``a`` / ``t`` in ``G``;
* ``kg:sourceQid`` / ``kg:targetQid``: the smallest ``kg:qid`` in ``G`` (when there is one);
* ``kg:edgeStatement s`` for every such statement, ``kg:edgeDate d`` for each ``schema:datePublished`` of ``art``.

A query then reads one type's graph with one range scan per property (``queries/edges/*.rq``): its cost
grows with the edges of that type, not with the store.

**In sync**: the edges of ``G`` are derived *by the store* from ``G`` itself (:func:`sync_update`: delete
the edges whose ``kg:edgeGraph`` is ``G``, insert them again from ``G``'s statements), in the same
SPARQL update as the write on the embedded store (one transaction), and in an update right after the
Graph Store Protocol ``PUT`` on a server.  Since the edges are computed from the graph as the server holds
it at that moment, writers that replace the same article concurrently still leave the edges of the last
graph: each writer's derive runs after its own ``PUT``, so the last derive runs after the last ``PUT``.

**Only when complete**: a store says its edges are complete with the triple :data:`MARKER` in
:data:`CONTROL_GRAPH`.  kg writes it when it writes into an empty store, and with :func:`rebuild_update`
(the edges of every graph; ``queries/maintenance/rebuild-direct-edges.ru``).  The stored queries use the edge
graphs only on a store with the marker (:func:`edges_ready`) and read the article graphs otherwise, so a
store filled by other tools (a ``curl`` upload, an older kg) gives the same rows, only more slowly.  A
writer that bypasses kg on a store with the marker must run the rebuild update afterwards (README, "Shared
stores").

This module builds SPARQL text only (standard library); the stores in :mod:`kg.store.oxigraph` and
:mod:`kg.store.sparql` send it.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.sparql_terms import escaped_iri

__all__ = ["EDGE_GRAPH", "CONTROL_GRAPH", "MARKER", "TYPES", "edge_graphs", "is_derived", "derived_graphs", "sync_update", "delete_ops",
           "rebuild_update", "marker_insert", "marker_delete", "writes_marker", "prefixed", "edges_ready"]

#: Edge graphs are this IRI + the statement type (``.../id/graph/edges/ACCUSE``).
EDGE_GRAPH = "https://w3id.org/kg-news/id/graph/edges/"
#: The graph holding the marker (and nothing else).
CONTROL_GRAPH = "https://w3id.org/kg-news/id/graph/kg-control"
#: ``MARKER`` as subject, ``kg:edgesComplete true``: every article graph's edges are in the edge graphs.
MARKER = "https://w3id.org/kg-news/id/store/edges"

#: The statement types that have edges (those of ``queries/derive-direct-edges.rq``, kg/model.py's 18).
TYPES = ("STATEMENT", "ACKNOWLEDGE", "DENY", "SYMPATHIZE", "AGREE", "PROMISE", "APPEAL", "DEMAND", "CONSULT",
         "PRAISE", "SUPPORT", "APOLOGIZE", "CRITICIZE", "ACCUSE", "COMPLAIN", "REJECT", "THREATEN", "WARN")

_PREFIXES = """PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX kgt: <https://w3id.org/kg-news/statement-type/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""

_TYPE_GRAPHS = " ".join(f"(kgt:{t} <{EDGE_GRAPH}{t}>)" for t in TYPES)
_GRAPH_VALUES = " ".join(f"<{EDGE_GRAPH}{t}>" for t in TYPES)

_STATEMENT = ("?s a kg:Statement ; kg:statementType ?st ; kg:actor ?a ; kg:target ?t ; "
              "kg:negated false ; kg:hypothetical false ; prov:wasDerivedFrom ?art .")


def edge_graphs() -> list[str]:
    """The IRIs of the 18 edge graphs."""
    return [EDGE_GRAPH + t for t in TYPES]


def _graph_values(graphs: Iterable[str] | None) -> str:
    if graphs is None:
        return ""
    return "VALUES ?g { " + " ".join(escaped_iri(g) for g in graphs) + " }"


def _delete(graphs: Iterable[str] | None) -> str:
    if graphs is None:
        return "\n".join(f"DROP SILENT GRAPH <{g}> ;" for g in edge_graphs())
    return (f"DELETE {{ GRAPH ?eg {{ ?e ?p ?o }} }}\nWHERE {{ {_graph_values(graphs)} VALUES ?eg {{ {_GRAPH_VALUES} }}\n"
            "  GRAPH ?eg { ?e kg:edgeGraph ?g . ?e ?p ?o } } ;")


def _insert(graphs: Iterable[str] | None) -> str:
    values = _graph_values(graphs)
    return f"""INSERT {{ GRAPH ?eg {{
  ?e a kg:DirectEdge ; kg:edgeSource ?a ; kg:edgeTarget ?t ; kg:edgeGraph ?g ; kg:edgeArticle ?art ;
     kg:sourceName ?an ; kg:targetName ?tn ; kg:sourceQid ?aq ; kg:targetQid ?tq ; kg:edgeStatement ?s ; kg:edgeDate ?date
}} }}
WHERE {{
  {{ SELECT ?g ?art ?a ?t ?st (MIN(?aname) AS ?an) (MIN(?tname) AS ?tn)
    WHERE {{ {values} GRAPH ?g {{ {_STATEMENT} ?a kg:name ?aname . ?t kg:name ?tname . }} }}
    GROUP BY ?g ?art ?a ?t ?st }}
  VALUES (?st ?eg) {{ {_TYPE_GRAPHS} }}
  GRAPH ?g {{ {_STATEMENT} }}
  OPTIONAL {{ SELECT ?g ?a (MIN(?q) AS ?aq) WHERE {{ {values} GRAPH ?g {{ ?a kg:qid ?q }} }} GROUP BY ?g ?a }}
  OPTIONAL {{ SELECT ?g ?t (MIN(?q) AS ?tq) WHERE {{ {values} GRAPH ?g {{ ?t kg:qid ?q }} }} GROUP BY ?g ?t }}
  OPTIONAL {{ GRAPH ?g {{ ?art schema:datePublished ?date }} }}
  BIND (IRI(CONCAT(STR(?eg), "/", MD5(CONCAT(STR(?g), " ", STR(?art), " ", STR(?a), " ", STR(?t))))) AS ?e)
}}"""


def _scan(variables: str, pattern: str) -> str:
    return f"{{ SELECT {variables} WHERE {{ GRAPH ?g {{ {pattern} }} }} }}"


#: The statement pattern of :data:`_STATEMENT` as one subquery per triple pattern: over the whole store,
#: pyoxigraph then joins range scans by hashing instead of looking each statement up (a quarter less
#: time for the rebuild at 0.5M quads, the same edges).
_STATEMENT_SCANS = " ".join([
    _scan("?g ?s", "?s a kg:Statement"), _scan("?g ?s ?st", "?s kg:statementType ?st"),
    _scan("?g ?s ?a", "?s kg:actor ?a"), _scan("?g ?s ?t", "?s kg:target ?t"),
    _scan("?g ?s", "?s kg:negated false"), _scan("?g ?s", "?s kg:hypothetical false"),
    _scan("?g ?s ?art", "?s prov:wasDerivedFrom ?art")])


def _insert_all() -> str:
    """:func:`_insert` for every graph of the store, in scans (see :data:`_STATEMENT_SCANS`)."""
    names = _scan("?g ?a ?aname", "?a kg:name ?aname") + " " + _scan("?g ?t ?tname", "?t kg:name ?tname")
    return f"""INSERT {{ GRAPH ?eg {{
  ?e a kg:DirectEdge ; kg:edgeSource ?a ; kg:edgeTarget ?t ; kg:edgeGraph ?g ; kg:edgeArticle ?art ;
     kg:sourceName ?an ; kg:targetName ?tn ; kg:sourceQid ?aq ; kg:targetQid ?tq ; kg:edgeStatement ?s ; kg:edgeDate ?date
}} }}
WHERE {{
  {{ SELECT ?g ?art ?a ?t ?st (MIN(?aname) AS ?an) (MIN(?tname) AS ?tn)
    WHERE {{ {_STATEMENT_SCANS} {names} }}
    GROUP BY ?g ?art ?a ?t ?st }}
  VALUES (?st ?eg) {{ {_TYPE_GRAPHS} }}
  {_STATEMENT_SCANS}
  OPTIONAL {{ SELECT ?g ?a (MIN(?q) AS ?aq) WHERE {{ GRAPH ?g {{ ?a kg:qid ?q }} }} GROUP BY ?g ?a }}
  OPTIONAL {{ SELECT ?g ?t (MIN(?q) AS ?tq) WHERE {{ GRAPH ?g {{ ?t kg:qid ?q }} }} GROUP BY ?g ?t }}
  OPTIONAL {{ SELECT ?g ?art ?date WHERE {{ GRAPH ?g {{ ?art schema:datePublished ?date }} }} }}
  BIND (IRI(CONCAT(STR(?eg), "/", MD5(CONCAT(STR(?g), " ", STR(?art), " ", STR(?a), " ", STR(?t))))) AS ?e)
}}"""


def is_derived(graph_iri: str) -> bool:
    """Whether a graph is kg's bookkeeping (an edge graph or the control graph), not data written to the
    store: :meth:`Store.graphs` leaves these out and :meth:`Store.count` does not count them."""
    return graph_iri.startswith(EDGE_GRAPH) or graph_iri == CONTROL_GRAPH


def derived_graphs() -> list[str]:
    """The edge graphs and the control graph."""
    return [*edge_graphs(), CONTROL_GRAPH]


def marker_insert() -> str:
    """The update operation that says the store's edges are complete."""
    return f"INSERT DATA {{ GRAPH <{CONTROL_GRAPH}> {{ <{MARKER}> kg:edgesComplete true }} }}"


def writes_marker(sparql: str) -> bool:
    """Whether a user's update writes the marker itself (the rebuild update,
    ``queries/maintenance/rebuild-direct-edges.ru``): then :meth:`Store.update` keeps it."""
    return MARKER in sparql and "edgesComplete" in sparql and "INSERT" in sparql.upper()


def marker_delete() -> str:
    """A whole SPARQL update removing the marker (after a write kg cannot follow)."""
    return f"DELETE DATA {{ GRAPH <{CONTROL_GRAPH}> {{ <{MARKER}> <https://w3id.org/kg-news/ontology#edgesComplete> true }} }}"


def delete_ops(graphs: Iterable[str]) -> str:
    """The update operation (without prefixes: see :func:`prefixed`) removing the edges derived from
    ``graphs`` (for a dropped graph)."""
    return _delete(list(graphs)).rstrip(" ;")


def sync_update(graphs: Iterable[str], *, mark: bool = False) -> str:
    """Update operations (without prefixes, ending in ``;``-separated form) that re-derive the edges of
    ``graphs`` from their current content; append them to a write of those graphs in one update.
    With ``mark``, also write the marker (the store was empty before this write)."""
    gs = list(graphs)
    ops = _delete(gs) + "\n" + _insert(gs)
    if mark:
        ops += " ;\n" + marker_insert()
    return ops


def prefixed(ops: str) -> str:
    """``ops`` with the prefixes the edge operations use."""
    return _PREFIXES + ops


def rebuild_update() -> str:
    """A SPARQL update that drops every edge graph, derives the edges of all graphs and writes the marker
    (for a store written by other tools, or by kg before the edge graphs existed)."""
    return _PREFIXES + _delete(None) + "\n" + _insert_all() + " ;\n" + marker_insert()


_ASK = f"ASK {{ GRAPH <{CONTROL_GRAPH}> {{ <{MARKER}> <https://w3id.org/kg-news/ontology#edgesComplete> true }} }}"


def edges_ready(store) -> bool:  # store: kg.store.base.Store
    """Whether ``store`` holds the marker (one ASK).  Any store or endpoint error counts as no."""
    try:
        res = store.query(_ASK)
    except Exception:  # noqa: BLE001 - a store that cannot answer uses the article graphs
        return False
    return bool(res.boolean)
