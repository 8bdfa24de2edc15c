"""The rows behind the views, read from any store through the stored queries.

Every function takes a :class:`kg.store.base.Store` (embedded pyoxigraph or a
remote SPARQL server) and runs stored queries of ``queries/`` (or of the
``catalog`` given), so the views show exactly what ``kg query`` shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from kg.errors import Msg, QueryError
from kg.queries import Catalog, run_stored, store_actor_resolver
from kg.store.base import QueryResult

__all__ = ["Edge", "TimelinePoint", "TimelineStatement", "Timeline", "Stats",
           "network_edges", "actor_timeline", "corpus_stats"]


@dataclass(frozen=True, slots=True)
class Edge:
    """One weighted edge of the actor network (a row of ``actor-network``).

    :param source: the speaker's actor IRI; ``target`` the target's.
    :param source_label: the speaker's canonical name (the smallest when it has several); ``target_label`` likewise.
    :param source_qid: Wikidata QID or None; ``target_qid`` likewise.
    :param type: statement type name ("ACCUSE").
    :param weight: number of statements made (negated and hypothetical ones left out).
    :param articles: number of articles they come from.
    """

    source: str
    target: str
    source_label: str
    target_label: str
    source_qid: str | None
    target_qid: str | None
    type: str
    weight: int
    articles: int


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """Statements of one type on one publication date (a row of ``actor-timeline``)."""

    date: str
    type: str
    statements: int
    articles: int


@dataclass(frozen=True, slots=True)
class TimelineStatement:
    """One statement-target row of ``statements-by-actor`` (date may be None for undated articles)."""

    date: str | None
    actor: str
    type: str
    target: str | None
    cue: str
    article: str | None
    negated: bool
    hypothetical: bool


@dataclass(slots=True)
class Timeline:
    """An actor's statements over time.

    :param query: what the user asked for ("Dehghan").
    :param actors: the names of the matched actors, sorted.
    :param points: per date and type counts, in date order (dated statements made only).
    :param statements: every statement (including negated, hypothetical, undated), in article order.
    """

    query: str
    actors: list[str]
    points: list[TimelinePoint] = field(default_factory=list)
    statements: list[TimelineStatement] = field(default_factory=list)


@dataclass(slots=True)
class Stats:
    """Counts about a store (``kg stats``).

    :param articles: articles; ``first_date``/``last_date`` their publication date range (ISO, or None).
    :param publishers: distinct publishers.
    :param statements: all statements; ``made`` those neither negated nor hypothetical.
    :param actors: distinct actors that make or receive statements; ``linked_actors`` those with a QID.
    :param by_type: rows of ``statements-by-type`` (type, plover_category, statements, made, negated_count, hypothetical_count, articles).
    :param by_kind: rows of ``actors-by-kind`` (kind, actors, linked).
    """

    articles: int
    first_date: str | None
    last_date: str | None
    publishers: int
    statements: int
    made: int
    actors: int
    linked_actors: int
    by_type: list[dict[str, object]]
    by_kind: list[dict[str, object]]

    @property
    def linked_share(self) -> float:
        """Share of actors linked to Wikidata, in [0, 1] (0 when there are no actors)."""
        return self.linked_actors / self.actors if self.actors else 0.0

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (with ``linked_share`` rounded to 4 decimals)."""
        d = asdict(self)
        d["linked_share"] = round(self.linked_share, 4)
        return d


def _types(types: Sequence[str] | str | None) -> str | None:
    if not types:
        return None
    return types if isinstance(types, str) else ",".join(types)


def _params(**values: str | None) -> dict[str, str]:
    return {k: v for k, v in values.items() if v is not None and v != ""}


def _s(v: object) -> str | None:
    return None if v is None else str(v)


def network_edges(store, *, types: Sequence[str] | str | None = None, since: str | None = None,
                  until: str | None = None, actor: str | None = None, target: str | None = None,
                  limit: int = 5000, catalog: Catalog | None = None) -> list[Edge]:
    """The actor network's edges (stored query ``actor-network``), heaviest first.

    :param types: statement type names (``["ACCUSE", "CRITICIZE"]`` or ``"ACCUSE,CRITICIZE"``); all when None.
    :param since: ISO date, inclusive; ``until`` likewise.
    :param actor: only edges from this actor (name or QID, forgiving); ``target`` only edges to this one.
    :param limit: maximum number of edges.
    :raises QueryError: E022 for a bad type, date or limit.
    """
    res = run_stored(store, "actor-network", _params(type=_types(types), since=since, until=until, actor=actor,
                                                      target=target, limit=str(limit)), catalog=catalog)
    return [
        Edge(source=str(r["source_iri"]), target=str(r["target_iri"]), source_label=str(r["source"]),
             target_label=str(r["target"]), source_qid=_s(r["source_qid"]), target_qid=_s(r["target_qid"]),
             type=str(r["type"]), weight=int(r["weight"]), articles=int(r["articles"]))  # type: ignore[arg-type]
        for r in res.records()
    ]


def actor_timeline(store, actor: str, *, types: Sequence[str] | str | None = None, since: str | None = None,
                   until: str | None = None, catalog: Catalog | None = None) -> Timeline:
    """An actor's statements over time (stored queries ``actor-timeline`` and ``statements-by-actor``).

    :param actor: a name or QID, matched forgivingly (:func:`kg.queries.match_actor_names`);
        several matching actors are shown together.
    :raises QueryError: E028 when no actor in the store matches ``actor``; E022 for a bad type or date.
    """
    resolve = store_actor_resolver(store)
    if not resolve(actor):
        raise QueryError(Msg.E028, name="timeline", param="actor", actor=actor)
    params = _params(actor=actor, type=_types(types), since=since, until=until)
    points = [
        TimelinePoint(str(r["date"]), str(r["type"]), int(r["statements"]), int(r["articles"]))  # type: ignore[arg-type]
        for r in run_stored(store, "actor-timeline", params, catalog=catalog, resolve_actor=resolve).records()
    ]
    rows = run_stored(store, "statements-by-actor", {**params, "limit": "100000"}, catalog=catalog,
                      resolve_actor=resolve).records()
    statements = [
        TimelineStatement(_s(r["date"]), str(r["actor"]), str(r["type"]), _s(r["target"]), str(r["cue"]),
                          _s(r["article"]), bool(r["negated"]), bool(r["hypothetical"]))
        for r in rows
    ]
    names = sorted({s.actor for s in statements})
    return Timeline(query=actor, actors=names, points=points, statements=statements)


def _first(res: QueryResult) -> dict[str, object]:
    recs = res.records()
    return recs[0] if recs else {}


def corpus_stats(store, *, catalog: Catalog | None = None) -> Stats:
    """Counts about the store (stored queries ``corpus-summary``, ``statements-by-type``, ``actors-by-kind``)."""
    s = _first(run_stored(store, "corpus-summary", catalog=catalog))
    by_type = run_stored(store, "statements-by-type", catalog=catalog).records()
    by_kind = run_stored(store, "actors-by-kind", catalog=catalog).records()

    def n(key: str) -> int:
        v = s.get(key)
        return int(v) if v is not None else 0  # type: ignore[call-overload]

    return Stats(articles=n("articles"), first_date=_s(s.get("first_date")), last_date=_s(s.get("last_date")),
                 publishers=n("publishers"), statements=n("statements"), made=n("made"), actors=n("actors"),
                 linked_actors=n("linked_actors"), by_type=by_type, by_kind=by_kind)
