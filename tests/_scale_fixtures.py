"""Helpers for the tests of kg.run.local, kg.run.resume and kg.run.dask."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "kg" / "data" / "articles"
STARTED = "http://www.w3.org/ns/prov#startedAtTime"


def quads_of(store, graphs: set[str] | None = None) -> set[tuple[str, str, str, str]]:
    """All quads of a kg store as N-Triples-ish strings, without the run's
    start time (it differs between runs by design), nor kg's derived direct-edge graphs."""
    from kg.store.edges import is_derived

    res = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    out = set()
    for row in res.rows:
        g, s, p, o = (t.n3() if t is not None else "" for t in row)
        if p == f"<{STARTED}>":
            continue
        if is_derived(g.strip("<>")):  # kg's direct-edge bookkeeping (kg/store/edges.py), not the articles
            continue
        if graphs is None or g.strip("<>") in graphs:
            out.add((g, s, p, o))
    return out


def write_corpus(path: Path, copies: int = 2) -> list[str]:
    """A JSON Lines corpus of the bundled articles, each ``copies`` times
    under distinct ids; returns the ids in order."""
    from kg.ingest import read_articles

    arts = [a for a in read_articles([ARTICLES]) if hasattr(a, "text")]
    ids = []
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(copies):
            for a in arts:
                aid = f"{a.id}-{k}"
                ids.append(aid)
                fh.write(json.dumps({"id": aid, "title": a.title, "text": a.text}) + "\n")
    return ids
