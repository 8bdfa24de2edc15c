"""Resumable runs: skip articles whose graph is already in the store.

An article is *done* when the store holds its named graph
(:func:`kg.rdf.build.article_graph_iri`) and that graph states the same
``kg:contentHash`` (SHA-256 of the text) as the article read now.  Graphs
are loaded one transaction each, so a graph that is there is whole: after
Ctrl-C, SIGTERM or a killed process, re-running the same command loads only
what is missing; a changed article (other text, same id) is redone.

The store is asked once per chunk of :data:`CHUNK` articles with one SPARQL
``VALUES`` query, so this works the same on the embedded store and on a
remote server, and memory does not grow with the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from kg.ingest import Skipped
from kg.model import Article
from kg.sparql_terms import iri, literal

__all__ = ["CHUNK", "done_graphs", "skip_done"]

#: Articles per store query.
CHUNK = 64


class _Counter(Protocol):
    done: int


def done_graphs(store, articles: list[Article]) -> set[str]:  # store: kg.store.base.Store
    """IRIs of the graphs of ``articles`` that the store already holds with
    the same content hash.

    :raises kg.errors.QueryError, kg.errors.StoreError: from the store.
    """
    from kg.rdf.build import article_graph_iri
    from kg.rdf.vocab import KG

    if not articles:
        return set()
    rows = " ".join(f"({iri(str(article_graph_iri(a)))} {literal(a.content_hash)})" for a in articles)
    sparql = (f"SELECT DISTINCT ?g WHERE {{ VALUES (?g ?h) {{ {rows} }} "
              f"GRAPH ?g {{ ?a {iri(str(KG.contentHash))} ?h }} }}")
    res = store.query(sparql)
    return {str(row[0].value) for row in res.rows if row[0] is not None}


def skip_done(items: Iterable[Article | Skipped], store, counter: _Counter) -> Iterator[Article | Skipped]:
    """Pass ``items`` through, dropping articles already done in ``store``;
    each one dropped adds 1 to ``counter.done``.  Order is kept."""
    from kg.rdf.build import article_graph_iri

    chunk: list[Article | Skipped] = []

    def flush() -> Iterator[Article | Skipped]:
        done = done_graphs(store, [a for a in chunk if isinstance(a, Article)])
        for item in chunk:
            if isinstance(item, Article) and str(article_graph_iri(item)) in done:
                counter.done += 1
            else:
                yield item
        chunk.clear()

    n = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Article):
            n += 1
            if n >= CHUNK:
                yield from flush()
                n = 0
    yield from flush()
