"""Benchmark: ``kg load --endpoint`` against one plain HTTP upload of the whole file.

Run ``python -m benchmarks.bench_remote`` from the repository root (options: ``--help``).  In one run it:

1. makes an N-Triples file with ``kg extract`` from the first ``--articles``
   articles of ``--corpus`` (default 300 of
   ``../shared/data/news/allsides_politics.jsonl``), or takes ``--input``
   (an existing ``.nt`` or ``.nq`` file);
2. starts Apache Jena Fuseki 5.6.0 (``--mem /ds``, the jar cached in
   ``.cache/fuseki`` and fetched with ``.ci/fetch-fuseki.sh``) and Oxigraph's
   server (``oxigraph serve --location TMP``) on 127.0.0.1, free ports
   (:mod:`benchmarks.servers`), and stops them by PID at the end;
3. loads the file into each server ``--repeat`` times (default 3) in two ways,
   each starting from an empty store, alternating which goes first:

   * **plain**: ``curl -X POST --data-binary @FILE`` to the Graph Store
     Protocol endpoint (N-Triples: the default graph, ``?default``; N-Quads:
     the dataset), i.e. one request with the whole file, parsed by the server
     only (``requests`` streaming the file when curl is missing);
   * **kg**: ``kg load FILE --endpoint URL`` in a subprocess, the same target
     (kg validates the file locally, then sends it in bounded chunks), with
     the subprocess's peak RSS (``os.wait4`` rusage ``ru_maxrss``);

4. prints the median seconds, triples/s of both and the ratio kg/plain per
   server (aim of issue 5: kg >= 0.8 x plain), kg's peak RSS, and (with
   ``--memory-factor K``, default 4) kg's peak RSS when loading a file K
   times as big, to show memory stays flat.  ``--json`` prints everything as
   JSON too.

Timings are wall-clock seconds (``time.perf_counter``) around the whole
subprocess, so kg's figure includes starting Python and its count of the
store before and after the load.  The store is emptied between runs: Fuseki
with ``DROP ALL`` (after one unmeasured warm-up upload for the JVM);
Oxigraph's server is restarted on a fresh folder instead, because after
``DROP ALL`` its RocksDB store keeps the deleted data as tombstones and every
later load gets slower (measured here: 2.9 s -> 5.8 s for the same upload).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import servers
from benchmarks.bench import prefix_file

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "allsides_politics.jsonl"
AIM = 0.8
RUN_TIMEOUT = 1800.0  # seconds, per measured subprocess

_MEDIA = {".nt": "application/n-triples", ".nq": "application/n-quads"}


# --------------------------------------------------------------------------- input


def _media_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in _MEDIA:
        raise SystemExit(f"--input must be an N-Triples (.nt) or N-Quads (.nq) file, not {path}")
    return _MEDIA[suffix]


def _count_statements(path: Path, media: str) -> int:
    """Triples/quads in the file (a full parse with pyoxigraph; also checks it is valid)."""
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_media_type(media)
    return sum(1 for _ in ox.parse(path=str(path), format=fmt))


def _kg_command() -> list[str]:
    script = Path(sys.executable).parent / "kg"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from kg.cli import main; main()"]


def make_input(corpus: Path, articles: int, jobs: int, folder: Path) -> tuple[Path, float]:
    """``kg extract`` of the first ``articles`` articles of ``corpus`` into ``folder/kg.nt``.

    :returns: ``(path, seconds)``.
    """

    prefix = prefix_file(str(corpus), articles, folder)
    out = folder / "kg.nt"
    t0 = time.perf_counter()
    res = subprocess.run([*_kg_command(), "extract", prefix, "-o", str(out), "--jobs", str(jobs)],
                         capture_output=True, text=True, timeout=RUN_TIMEOUT)
    if res.returncode != 0 or not out.exists():
        raise SystemExit(f"kg extract failed ({res.returncode}):\n{res.stderr[-2000:]}")
    return out, time.perf_counter() - t0


# --------------------------------------------------------------------------- runs


@dataclass
class Run:
    """One measured load: ``seconds`` wall time, ``count`` statements in the store after it."""

    method: str
    seconds: float
    count: int
    peak_rss_mb: float | None = None


def _run_with_rusage(cmd: list[str], timeout: float = RUN_TIMEOUT) -> tuple[int, float, float, str]:
    """Run ``cmd``; :returns: ``(returncode, seconds, peak RSS in MB of that process, output tail)``.
    ``os.wait4`` gives the rusage of exactly this child (the extraction run
    earlier would dominate ``RUSAGE_CHILDREN``)."""
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                seconds = time.perf_counter() - t0
                break
            if time.perf_counter() > deadline:
                os.kill(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                seconds = time.perf_counter() - t0
                break
            time.sleep(0.002)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        tail = out.read()[-2000:].decode("utf-8", "replace")
    return proc.returncode, seconds, usage.ru_maxrss / 1024, tail  # ru_maxrss: KiB on Linux


_REQUESTS_UPLOAD = """
import sys, requests
url, path, media = sys.argv[1:4]
with open(path, "rb") as fh:
    r = requests.post(url, data=fh, headers={"Content-Type": media}, timeout=600)
print(r.status_code)
sys.exit(0 if r.status_code < 300 else 1)
"""


def plain_upload(url: str, path: Path, media: str) -> tuple[float, str]:
    """One POST of the whole file (curl, else ``requests`` streaming it).

    :returns: ``(seconds, tool)``.
    :raises SystemExit: the server did not accept it.
    """
    if shutil.which("curl"):
        cmd = ["curl", "-s", "-S", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST",
               "--data-binary", f"@{path}", "-H", f"Content-Type: {media}", url]
        tool = "curl"
    else:
        cmd = [sys.executable, "-c", _REQUESTS_UPLOAD, url, str(path), media]
        tool = "requests"
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    seconds = time.perf_counter() - t0
    status = res.stdout.strip()[-3:]
    if res.returncode != 0 or not status.isdigit() or int(status) >= 300:
        raise SystemExit(f"plain upload to {url} failed ({status or res.returncode}): {res.stderr[-1000:]}")
    return seconds, tool


def kg_load(args: list[str], path: Path) -> tuple[float, float]:
    """``kg load FILE <args>``.  :returns: ``(seconds, peak RSS MB)``.  :raises SystemExit: it failed."""
    code, seconds, rss, tail = _run_with_rusage([*_kg_command(), "load", str(path), "--timeout", "600", *args])
    if code != 0:
        raise SystemExit(f"kg load failed ({code}):\n{tail}")
    return seconds, rss


# --------------------------------------------------------------------------- servers


@dataclass
class Target:
    """One server under test: how to empty it, where plain uploads go, how kg is pointed at it."""

    name: str
    start: Callable[[], servers.ServerProcess]
    plain_url: Callable[[servers.ServerProcess, str], str]
    kg_args: Callable[[servers.ServerProcess], list[str]]
    endpoints: Callable[[servers.ServerProcess], object]
    restart_to_empty: bool
    server: servers.ServerProcess | None = None
    runs: list[Run] = field(default_factory=list)

    def up(self) -> servers.ServerProcess:
        if self.server is None or self.server.proc.poll() is not None:
            self.server = self.start()
        return self.server

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()

    def _store(self):
        from kg.store.sparql import SparqlStore

        return SparqlStore(self.endpoints(self.up()), timeout=600)  # type: ignore[arg-type]

    def empty(self) -> None:
        """Make the store empty: DROP ALL, or a restart on a fresh folder."""
        if self.restart_to_empty and self.server is not None:
            self.server.stop()
            self.server = None
        with self._store() as s:
            if s.count():
                s.update("DROP ALL")
            if s.count():
                raise SystemExit(f"{self.name}: the store is not empty after DROP ALL")

    def count(self) -> int:
        with self._store() as s:
            return s.count()


def _targets(names: list[str], folder: Path, heap: str) -> list[Target]:
    from kg.store.sparql import Endpoints

    out = []
    if "fuseki" in names:
        jar = servers.fuseki_jar()
        out.append(Target(
            "fuseki",
            start=lambda: servers.start_fuseki(jar, Path(tempfile.mkdtemp(prefix="fuseki-", dir=folder)),
                                                ["--mem", "/ds"], dataset="ds", heap=heap),
            plain_url=lambda s, media: f"{s.dataset_url}/data" + ("?default" if media.endswith("triples") else ""),
            kg_args=lambda s: ["--endpoint", s.dataset_url],
            endpoints=lambda s: Endpoints.fuseki(s.dataset_url),
            restart_to_empty=False,
        ))
    if "oxigraph" in names:
        binary = servers.oxigraph_binary()
        out.append(Target(
            "oxigraph",
            start=lambda: servers.start_oxigraph(Path(tempfile.mkdtemp(prefix="oxigraph-", dir=folder)), binary),
            plain_url=lambda s, media: f"{s.url}/store" + ("?default" if media.endswith("triples") else ""),
            kg_args=lambda s: ["--endpoint", s.url, "--server", "oxigraph"],
            endpoints=lambda s: Endpoints.oxigraph(s.url),
            restart_to_empty=True,
        ))
    return out


# --------------------------------------------------------------------------- main


def _median(runs: list[Run], method: str) -> float:
    return statistics.median(r.seconds for r in runs if r.method == method)


def _fmt_rate(x: float) -> str:
    return f"{x:,.0f}"


def measure(target: Target, path: Path, media: str, n: int, repeat: int, big: Path | None, log=print) -> dict:
    """Warm up, then ``repeat`` x (plain, kg) from an empty store, alternating the order."""
    s = target.up()
    plain_seconds, tool = plain_upload(target.plain_url(s, media), path, media)  # warm-up, not counted
    expected = target.count()
    log(f"  {target.name}: started in {s.startup_seconds:.1f} s; warm-up {tool} upload {plain_seconds:.2f} s, "
        f"{expected} distinct statements in the store", flush=True)
    for rep in range(repeat):
        for method in (("plain", "kg") if rep % 2 == 0 else ("kg", "plain")):
            target.empty()
            s = target.up()
            if method == "plain":
                seconds, _ = plain_upload(target.plain_url(s, media), path, media)
                rss = None
            else:
                seconds, rss = kg_load(target.kg_args(s), path)
            count = target.count()
            if count != expected:
                raise SystemExit(f"{target.name}: {method} load left {count} statements, expected {expected}")
            target.runs.append(Run(method, seconds, count, rss))
            log(f"    run {rep + 1} {method:5s} {seconds:7.2f} s" + (f"  peak RSS {rss:.0f} MB" if rss else ""),
                flush=True)
    plain, kg = _median(target.runs, "plain"), _median(target.runs, "kg")
    result = {
        "server": target.name, "plain_tool": tool, "statements_in_store": expected,
        "plain_seconds": plain, "kg_seconds": kg,
        "plain_rate": n / plain, "kg_rate": n / kg, "ratio": plain / kg,
        "kg_peak_rss_mb": max(r.peak_rss_mb or 0 for r in target.runs if r.method == "kg"),
        "runs": [r.__dict__ for r in target.runs],
    }
    if big is not None:
        target.empty()
        seconds, rss = kg_load(target.kg_args(target.up()), big)
        result["big"] = {"file_mb": big.stat().st_size / 1e6, "seconds": seconds, "peak_rss_mb": rss}
        log(f"    kg load of {big.stat().st_size / 1e6:.0f} MB: {seconds:.2f} s, peak RSS {rss:.0f} MB", flush=True)
    return result


def _table(out: dict) -> str:
    n = out["statements"]
    lines = [
        f"{'server':9s} {'method':14s} {'median s':>9s} {'triples/s':>10s} {'kg/plain':>9s} {'kg peak RSS':>12s}",
    ]
    for r in out["servers"]:
        lines.append(f"{r['server']:9s} {'plain (' + r['plain_tool'] + ')':14s} {r['plain_seconds']:9.2f} "
                     f"{_fmt_rate(r['plain_rate']):>10s}")
        big = r.get("big")
        rss = f"{r['kg_peak_rss_mb']:.0f} MB" + (f" ({big['peak_rss_mb']:.0f} MB at {big['file_mb']:.0f} MB)" if big else "")
        lines.append(f"{'':9s} {'kg load':14s} {r['kg_seconds']:9.2f} {_fmt_rate(r['kg_rate']):>10s} "
                     f"{r['ratio']:9.2f} {rss:>12s}")
    lines.append(f"(triples/s = {n} statements in the file / median seconds; aim kg/plain >= {AIM})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_remote", description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300, help="articles to extract (default 300)")
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS),
                    help="JSON Lines corpus (default ../shared/data/news/allsides_politics.jsonl)")
    ap.add_argument("--input", type=Path, help="an existing .nt or .nq file to load instead of extracting")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="kg extract processes (default: all cores)")
    ap.add_argument("--repeat", type=int, default=3, help="measured runs per method and server (default 3; median)")
    ap.add_argument("--servers", default="fuseki,oxigraph", help="comma-separated: fuseki, oxigraph (default both)")
    ap.add_argument("--memory-factor", type=int, default=4,
                    help="also load a file this many times as big with kg to check its memory stays flat (0: skip)")
    ap.add_argument("--fuseki-heap", default="2g", help="Java -Xmx for Fuseki (default 2g)")
    ap.add_argument("--json", action="store_true", help="also print the results as JSON")
    args = ap.parse_args(argv)
    names = [s.strip() for s in args.servers.split(",") if s.strip()]
    if not names or set(names) - {"fuseki", "oxigraph"}:
        raise SystemExit(f"--servers: choose from fuseki, oxigraph (got {args.servers!r})")
    args.repeat = max(1, args.repeat)

    out: dict = {"repeat": args.repeat, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="kg-bench-remote-") as tmp:
        folder = Path(tmp)
        if args.input is not None:
            path = args.input.resolve()
            if not path.is_file():
                raise SystemExit(f"no input file {path}")
            out["input"] = str(path)
        else:
            corpus = Path(args.corpus)
            if not corpus.is_file():
                raise SystemExit(f"no corpus {corpus}; pass --corpus a JSON Lines file or --input an .nt file")
            print(f"extracting {args.articles} articles of {corpus} with kg extract ...", flush=True)
            path, seconds = make_input(corpus, args.articles, args.jobs, folder)
            out.update(input=f"kg extract of {args.articles} articles of {corpus}", articles=args.articles,
                       extract_seconds=seconds)
        media = _media_of(path)
        n = _count_statements(path, media)
        size = path.stat().st_size
        out.update(statements=n, file_mb=size / 1e6, media=media)
        print(f"kg remote load benchmark: {n} statements, {size / 1e6:.1f} MB {media}, "
              f"{args.repeat} run(s) per method, {os.cpu_count()} cores", flush=True)
        big = None
        if args.memory_factor > 1:
            big = folder / f"big{path.suffix}"
            with open(big, "wb") as dst:
                for _ in range(args.memory_factor):
                    with open(path, "rb") as src:
                        shutil.copyfileobj(src, dst, 1 << 20)
        try:
            targets = _targets(names, folder, args.fuseki_heap)
        except servers.ServerUnavailable as exc:
            raise SystemExit(f"cannot start a server: {exc}") from exc
        results = []
        try:
            for t in targets:
                try:
                    results.append(measure(t, path, media, n, args.repeat, big))
                except servers.ServerUnavailable as exc:
                    raise SystemExit(f"cannot start {t.name}: {exc}") from exc
                finally:
                    t.stop()
        finally:
            for t in targets:
                t.stop()
        out["servers"] = results
    print(_table(out), flush=True)
    if args.json:
        print(json.dumps(out, indent=2, default=str))
    return out


if __name__ == "__main__":
    main()
