"""Benchmark: ``kg serve`` on a store of 2,000 articles -- the actor page and the who-accused-whom form.

Run ``python -m benchmarks.bench_serve`` from the repository root (``--help`` for options).  It

1. builds the store (unless ``--store`` names one): ``kg run`` on the bundled articles
   (kg/data/articles, 21 articles), then the N-Quads of those article graphs copied under new
   article keys (``wikinews-2019-022`` -> ``wikinews-2019-022-c7``; graph, article, sentence,
   mention and statement IRIs renamed, actors kept) until ``--articles`` articles (default 2,000);
   so the linked actors occur in every copy, like the actors of a real corpus occur in many articles;
2. starts ``kg serve`` on it (127.0.0.1, a free port; a real HTTP server, not a test client);
3. asks each page ``--repeat`` times (default 10) after one warm-up request and prints the median
   and slowest wall time (``time.perf_counter`` around a ``requests`` GET, so HTTP and rendering
   are included), the median CPU seconds the server process spent on one request (user + system,
   from ``psutil``; on a busy machine wall time is CPU time plus waiting for a core, so the CPU
   time is what an idle machine's wall time would be) and the answer's size.  The load average
   is printed with the results.

Pages: the actor page of the actor with the most statements (and of a linked country), the
who-accused-whom form (no parameter, and with an actor), the overview, actor search, an article
page, and a ``/sparql`` count.  The aim (issue 19): actor page and who-accused-whom form < 0.5 s.
``--json`` prints the numbers as JSON too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import requests

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "kg" / "data" / "articles"
KG = str(Path(sys.executable).with_name("kg"))
ID = "https://w3id.org/kg-news/id/"
AIM = 0.5


def build_store(folder: Path, articles: int) -> Path:
    """A store of about ``articles`` articles made from copies of the bundled ones (see the module doc)."""
    import pyoxigraph as ox

    from kg.store.oxigraph import OxigraphStore

    base = folder / "base"
    subprocess.run([KG, "-q", "run", str(ARTICLES), "--store", str(base)], check=True, timeout=1800)
    with OxigraphStore(base, read_only=True) as st:
        nq = st.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a <https://w3id.org/kg-news/ontology#Article> } }")
        n_base = int(nq.rows[0][0].value)
    dump = ox.Store.read_only(str(base)).dump(format=ox.RdfFormat.N_QUADS).decode("utf-8")
    copies = max(1, -(-articles // n_base))
    key = re.compile(re.escape(ID) + r"(graph|article)/([A-Za-z0-9-]+)")
    out = folder / "copies.nq"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(dump)
        for c in range(1, copies):
            fh.write(key.sub(lambda m, c=c: f"{ID}{m.group(1)}/{m.group(2)}-c{c}", dump))
    store = folder / "store"
    subprocess.run([KG, "-q", "load", str(out), "--store", str(store)], check=True, timeout=1800)
    return store


def _cpu(proc) -> float:
    t = proc.cpu_times()
    return t.user + t.system


def _time(url: str, repeat: int, proc) -> dict:
    """Wall and server CPU seconds of ``repeat`` GETs of ``url`` (after one warm-up)."""
    r = requests.get(url, timeout=120)
    r.raise_for_status()
    times, cpus = [], []
    for _ in range(repeat):
        c0, t0 = _cpu(proc), time.perf_counter()
        r = requests.get(url, timeout=120)
        times.append(time.perf_counter() - t0)
        cpus.append(_cpu(proc) - c0)
        r.raise_for_status()
    return {"median_s": statistics.median(times), "max_s": max(times), "cpu_s": statistics.median(cpus),
            "bytes": len(r.content)}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_serve", description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="articles in the store built (default 2000)")
    ap.add_argument("--store", type=Path, help="serve this store instead of building one")
    ap.add_argument("--repeat", type=int, default=10, help="timed requests per page (default 10)")
    ap.add_argument("--json", action="store_true", help="also print the results as JSON")
    args = ap.parse_args(argv)
    from benchmarks.servers import start_kg_serve

    with tempfile.TemporaryDirectory(prefix="kg-bench-serve-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        store = args.store or build_store(folder, args.articles)
        built = time.perf_counter() - t0
        served = start_kg_serve(["--store", str(store)], folder / "serve.log")
        try:
            ask = lambda q: requests.get(served.url + "/sparql", params={"query": q}, timeout=120).json()  # noqa: E731
            n_articles = int(ask("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a <https://w3id.org/kg-news/ontology#Article> } }")["results"]["bindings"][0]["n"]["value"])
            n_statements = int(ask("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a <https://w3id.org/kg-news/ontology#Statement> } }")["results"]["bindings"][0]["n"]["value"])
            top = ask("SELECT ?a (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <https://w3id.org/kg-news/ontology#actor> ?a } } GROUP BY ?a ORDER BY DESC(?n) LIMIT 1")["results"]["bindings"][0]
            top_iri, top_n = top["a"]["value"], int(top["n"]["value"])
            pages = {
                f"actor page, most statements ({top_n})": "/actor?" + urlencode({"iri": top_iri}),
                "actor page, United States (Q30)": "/actor?" + urlencode({"iri": ID + "actor/wd-Q30"}),
                "who-accused-whom form, no parameter": "/queries/who-accused-whom?_run=1",
                "who-accused-whom form, actor=Dehqan": "/queries/who-accused-whom?actor=Dehqan&_run=1",
                "overview": "/",
                "actor search 'rouhani'": "/actors?q=rouhani",
                "article page": "/article?" + urlencode({"iri": ID + "article/seed-article-c3"}),
                "/sparql count (JSON)": "/sparql?" + urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}),
            }
            import psutil

            proc = psutil.Process(served.proc.pid)
            results = {name: _time(served.url + path, args.repeat, proc) for name, path in pages.items()}
            load = os.getloadavg()
        finally:
            served.stop()
    print(f"kg serve on {n_articles:,} articles, {n_statements:,} statements (store built in {built:.0f} s); "
          f"{args.repeat} requests per page after one warm-up; load average {load[0]:.1f} on {os.cpu_count()} cores; "
          f"aim: actor page and who-accused-whom < {AIM} s")
    print(f"{'page':48} {'median s':>9} {'max s':>8} {'CPU s':>8} {'KiB':>8}")
    for name, r in results.items():
        aimed = "actor page" in name or "accused" in name
        verdict = ("ok" if r["median_s"] < AIM else "ok by CPU" if r["cpu_s"] < AIM else "SLOW") if aimed else ""
        print(f"{name:48} {r['median_s']:9.3f} {r['max_s']:8.3f} {r['cpu_s']:8.3f} {r['bytes'] / 1024:8.0f} {verdict}")
    out = {"articles": n_articles, "statements": n_statements, "load_average": load[0], "pages": results}
    if args.json:
        print(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    main()
