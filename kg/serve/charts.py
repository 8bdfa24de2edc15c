"""The actor page's two pictures in ``kg serve``: the timeline of statements made per publication
date (:func:`timeline`) and the ego network (:func:`ego_network`), counted as the stored queries
``actor-timeline`` and ``actor-network`` count (statements made, neither negated nor hypothetical),
but for one actor bound as a constant and with no OPTIONAL (fast on pyoxigraph; see
:mod:`kg.serve.data`)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from kg.serve.data import PREFIX, Runner, int_value, iri_term

__all__ = ["TimelineRow", "EgoNetwork", "timeline", "ego_network"]


@dataclass(slots=True)
class TimelineRow:
    """Statements of one actor on one date: per type counts and the total (for the bar's width)."""

    date: str
    by_type: dict[str, int]
    total: int


_TIMELINE = PREFIX + """SELECT ?date ?st (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g {
  ?s kg:actor %s ; kg:statementType ?st ; kg:negated false ; kg:hypothetical false ; prov:wasDerivedFrom ?art .
  ?art schema:datePublished ?date } } GROUP BY ?date ?st"""

_EGO = PREFIX + """SELECT ?a ?t ?st (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g {
  %s ?s kg:actor ?a ; kg:target ?t ; kg:statementType ?st ; kg:negated false ; kg:hypothetical false } }
  GROUP BY ?a ?t ?st ORDER BY DESC(?n) LIMIT %d"""


def timeline(run: Runner, iri: str) -> list[TimelineRow]:
    """The actor's statements made (neither negated nor hypothetical) per publication date and type:
    the counts of the stored query ``actor-timeline``, asked with one pattern and no OPTIONAL (fast
    on pyoxigraph; the page links to the stored query)."""
    per: dict[str, dict[str, int]] = defaultdict(dict)
    for d, st, n in run(_TIMELINE % iri_term(iri)).rows:
        if d is not None and st is not None:
            per[d.value][st.value.rsplit("/", 1)[-1]] = int_value(n) or 0
    return [TimelineRow(d, dict(sorted(t.items())), sum(t.values())) for d, t in sorted(per.items())]


@dataclass(slots=True)
class EgoNetwork:
    """The actor's ego network as drawn: ``nodes`` (IRI, label, x, y in [0, 1], is the ego) and
    ``edges`` (source IRI, target IRI, type, weight): edges from and to the actor."""

    nodes: list[tuple[str, str, float, float, bool]]
    edges: list[tuple[str, str, str, int]]


def ego_network(run: Runner, iri: str, names: Callable[[str], str | None], limit: int = 24) -> EgoNetwork:
    """Edges from and to the actor ``iri`` (statements made, counted as the stored query
    ``actor-network`` counts them), the ``limit`` heaviest neighbours kept, laid out radially: the
    actor in the centre, its neighbours on a circle, heaviest first (clockwise from the top).

    :param names: actor IRI -> its name (:meth:`ActorIndex.name`).
    """
    term = iri_term(iri)
    edges: list[tuple[str, str, str, int]] = []
    for pattern in (f"VALUES ?a {{ {term} }}", f"VALUES ?t {{ {term} }}"):
        for a, t, st, n in run(_EGO % (pattern, 200)).rows:
            if a is not None and t is not None and st is not None and a.value != t.value:
                edges.append((a.value, t.value, st.value.rsplit("/", 1)[-1], int_value(n) or 0))
    weight: dict[str, int] = defaultdict(int)
    for a, t, _st, n in edges:
        weight[t if a == iri else a] += n
    keep = sorted(weight, key=lambda x: (-weight[x], x))[:limit]
    if not keep:
        return EgoNetwork([], [])
    label = lambda x: names(x) or x.rsplit("/", 1)[-1]  # noqa: E731
    nodes = [(iri, label(iri), 0.5, 0.5, True)]
    for i, x in enumerate(keep):
        angle = math.pi / 2 - 2 * math.pi * i / len(keep)
        nodes.append((x, label(x), 0.5 + 0.5 * math.cos(angle), 0.5 + 0.5 * math.sin(angle), False))
    kept = set(keep) | {iri}
    return EgoNetwork(nodes, [e for e in edges if e[0] in kept and e[1] in kept])
