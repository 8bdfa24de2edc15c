"""Stored queries as the store grows: the same articles copied under new IRIs to N quads.

``python -m benchmarks.queries_scale --nq FILE --sizes 500000,1000000`` copies the article graphs of ``FILE``
(N-Quads written by kg) under new article and graph IRIs (``.../id/article/cK-...``, ``.../id/graph/cK-...``;
actors keep their IRIs, as they recur across a real corpus) until each size is reached, bulk-loads each into an
embedded store and times the main stored queries in this process (median of ``--repeat``, after one warm-up),
with their row counts.  Used by :mod:`benchmarks.bench` (the "queries" rows).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

#: The queries of issue 17 (who-*-whom, statements-by-actor, statements-about, actor-network), with parameters.
MAIN_QUERIES: list[tuple[str, dict[str, str]]] = [
    ("who-accused-whom", {}),
    ("who-criticized-whom", {}),
    ("who-accused-whom", {"actor": "Q30"}),
    ("statements-by-actor", {"actor": "Q30", "limit": "1000"}),
    ("statements-about", {"target": "Q30", "limit": "1000"}),
    ("actor-network", {}),
]


def replicate(nq: Path, out: Path, quads: int) -> int:
    """Write ``out``: copies of ``nq``'s lines, copy K with ``/id/article/`` -> ``/id/article/cK-`` and
    ``/id/graph/`` -> ``/id/graph/cK-``, until at least ``quads`` lines.  Returns the lines written."""
    lines = nq.read_bytes().splitlines(keepends=True)
    n, k = 0, 0
    with open(out, "wb") as fh:
        while n < quads:
            a, g = f"/id/article/c{k}-".encode(), f"/id/graph/c{k}-".encode()
            chunk = b"".join(lines).replace(b"/id/article/", a).replace(b"/id/graph/", g)
            fh.write(chunk)
            n += len(lines)
            k += 1
    return n


def time_queries(store_path: str, repeat: int = 3, queries=MAIN_QUERIES, *, live: bool = False) -> list[dict]:
    """Median seconds (wall and CPU) and rows of each query of ``queries`` on the embedded store at
    ``store_path``, as ``kg query`` runs it (``run_stored``: the direct-edge form on a store whose edges are
    complete, kg/store/edges.py).  With ``live``, each query also as stored (over the article graphs), the
    two forms alternated, under ``live_seconds`` / ``live_cpu_seconds``."""
    from kg.queries import QUERIES_DIR, Catalog, store_actor_resolver, run_stored
    from kg.store.oxigraph import OxigraphStore

    out = []
    with OxigraphStore(store_path) as st:
        catalog = Catalog([QUERIES_DIR])
        resolver = store_actor_resolver(st)
        resolver("Q30")  # warm up the store (QIDs resolve with one indexed query; names fill a cache on first use)
        for name, params in queries:
            times, cpus, ltimes, lcpus, rows = [], [], [], [], 0
            text = catalog.get(name).bind(params, resolve_actor=resolver) if live else ""
            for i in range(repeat + 1):
                t0, c0 = time.perf_counter(), time.process_time()
                res = run_stored(st, name, params, catalog=catalog, resolve_actor=resolver)
                rows = len(res.rows)
                if i:
                    times.append(time.perf_counter() - t0)
                    cpus.append(time.process_time() - c0)
                if live:
                    t0, c0 = time.perf_counter(), time.process_time()
                    lrows = len(st.query(text).rows)
                    if i:
                        ltimes.append(time.perf_counter() - t0)
                        lcpus.append(time.process_time() - c0)
                    assert lrows == rows, (name, params, lrows, rows)
            r = {"query": name, "params": params, "seconds": statistics.median(times),
                 "cpu_seconds": statistics.median(cpus), "rows": rows}
            if live:
                r.update(live_seconds=statistics.median(ltimes), live_cpu_seconds=statistics.median(lcpus))
            out.append(r)
    return out


def derive_edges(store_path: str) -> float:
    """Derive the direct edges of every graph of the store at ``store_path`` and mark them complete, as
    ``kg load`` does after a load into an empty store (kg/store/edges.py); returns the CPU seconds."""
    import pyoxigraph as ox

    from kg.store.edges import rebuild_update

    c0 = time.process_time()
    st = ox.Store(store_path)
    st.update(rebuild_update())
    st.flush()
    del st
    return time.process_time() - c0


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.queries_scale", description=__doc__.split("\n\n")[0])
    ap.add_argument("--nq", required=True, help="N-Quads written by kg (one named graph per article)")
    ap.add_argument("--sizes", default="500000,1000000", help="store sizes in quads, comma-separated")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--live", action="store_true", help="also time each query as stored, over the article graphs")
    args = ap.parse_args(argv)
    import pyoxigraph as ox

    results = {}
    with tempfile.TemporaryDirectory(prefix="kg-qscale-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"{size}.nq"
            n = replicate(Path(args.nq), path, size)
            store = Path(tmp) / f"s{size}"
            t0 = time.perf_counter()
            st = ox.Store(str(store))
            st.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            st.flush()
            del st
            load = time.perf_counter() - t0
            path.unlink()
            t0 = time.perf_counter()
            edges_cpu = derive_edges(str(store))
            edges_wall = time.perf_counter() - t0
            rows = time_queries(str(store), args.repeat, live=args.live)
            results[size] = {"quads": n, "bulk_load_seconds": load, "edges_seconds": edges_wall,
                             "edges_cpu_seconds": edges_cpu, "queries": rows}
            print(f"{n:9d} quads (bulk load {load:.1f} s; direct edges {edges_wall:.1f} s, CPU {edges_cpu:.1f} s)",
                  flush=True)
            for r in rows:
                p = ",".join(f"{k}={v}" for k, v in r["params"].items())
                lv = (f"   as stored {r['live_seconds'] * 1000:8.1f} ms (CPU {r['live_cpu_seconds'] * 1000:8.1f})"
                      if "live_seconds" in r else "")
                print(f"    {r['query']:22s} {p:28s} {r['seconds'] * 1000:8.1f} ms (CPU {r['cpu_seconds'] * 1000:7.1f}) "
                      f"{r['rows']:6d} rows{lv}", flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
