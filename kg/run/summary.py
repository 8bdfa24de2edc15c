"""What a job did: :class:`Summary` (extract / run) and :class:`LoadSummary` (load)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.ingest import Skipped
from kg.model import ArticleResult, tally

__all__ = ["Tally", "Summary", "LoadSummary"]


@dataclass(slots=True)
class Tally:
    """The counts of some processed articles: what a run (:class:`Summary`) and a Dask shard
    (:class:`kg.run.dask.ShardReport`) both report.

    :param articles: articles read and processed.
    :param statements: statements extracted.
    :param types: statements per statement type (name -> count).
    :param actors: distinct actors (by cross-article key, :attr:`kg.model.Actor.key`).
    :param linked: distinct actors linked to a Wikidata QID.
    :param skipped: inputs skipped, with reasons.
    """

    articles: int = 0
    statements: int = 0
    types: Counter = field(default_factory=Counter)
    actors: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)
    skipped: list[Skipped] = field(default_factory=list)

    def add(self, result: ArticleResult) -> None:
        """Count one article's statements, types and actors."""
        self.articles += 1
        self.statements += tally(result, self.types, self.actors, self.linked)

    def merge(self, other: "Tally") -> None:
        """Add ``other``'s counts to these (actors as sets: an actor of both counts once)."""
        self.articles += other.articles
        self.statements += other.statements
        self.types.update(other.types)
        self.actors |= other.actors
        self.linked |= other.linked
        self.skipped.extend(other.skipped)


@dataclass(slots=True)
class Summary(Tally):
    """What a run did: the :class:`Tally` of its articles and

    :param graphs: named graphs written or loaded.
    :param seconds: wall-clock time of the run.
    :param failed: named graphs that could not be loaded (remote stores).
    :param output: the output file or folder, if any.
    :param done: articles skipped because the store already holds their
        graph with the same content hash, made with the same settings (a
        resumed run; not an error; :mod:`kg.run.resume`).
    :param redone: articles the store held with the same text but made with
        other settings (model, kg version, knowledge-base layers) or with other metadata (headline,
        date, publisher, URL), done again.
    :param redo_reasons: why, as :func:`kg.run.resume.redo_reason` and
        :func:`~kg.run.resume.metadata_reason` say -> articles.
    """

    graphs: int = 0
    seconds: float = 0.0
    failed: list[str] = field(default_factory=list)
    output: str | None = None
    done: int = 0
    redone: int = 0
    redo_reasons: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict[str, object]:
        """The JSON form printed by ``--json`` (counts, skipped with reasons, speed)."""
        return {
            "articles": self.articles,
            "statements": self.statements,
            "types": dict(sorted(self.types.items())),
            "actors": len(self.actors),
            "linked_actors": len(self.linked),
            "graphs": self.graphs,
            "skipped": [{"origin": s.origin, "reason": s.reason} for s in self.skipped],
            "failed": self.failed,
            "already_done": self.done,
            "redone": self.redone,
            "redone_why": dict(self.redo_reasons.most_common()),
            "seconds": round(self.seconds, 2),
            "articles_per_second": round(self.articles / self.seconds, 2) if self.seconds else None,
            "output": self.output,
        }


@dataclass(slots=True)
class LoadSummary:
    """What ``kg load`` did: files loaded (with quads), files refused (with reasons)."""

    loaded: list[tuple[str, int]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    before: int = 0
    after: int = 0
    seconds: float = 0.0
