"""Smoke test of an installed kg: the main job and, when asked, an optional extra.

Run with the interpreter of the environment under test (its ``kg`` script is found beside it)::

    .venv/bin/python .ci/smoke.py            # kg run on the bundled articles + kg query who-accused-whom + kg serve
    .venv/bin/python .ci/smoke.py --warc     # ... + read a WARC archive written here (kg[warc])
    .venv/bin/python .ci/smoke.py --dask     # ... + extract on a local Dask cluster (kg[dask])

Exit status 0 when every step worked and found what it should, 1 otherwise (the failing step is named).
Used by .ci/run (each extra installed on its own) and .ci/drift (the newest versions, not the lock).
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KG = str(Path(sys.executable).with_name("kg"))
ARTICLE = (
    "The foreign minister of Ruritania on Sunday accused Freedonia of staging provocations along the shared border. "
    "Freedonia's government rejected the accusation and said its troops were on a routine exercise."
)


def step(name: str, args: list[str], *, expect: str | None = None, cwd: Path = ROOT) -> str:
    """Run one kg command; fail (exit 1) naming the step when it exits non-zero or lacks ``expect``."""
    start = time.monotonic()
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "COLUMNS": "200"})
    took = time.monotonic() - start
    if proc.returncode != 0 or (expect is not None and expect not in proc.stdout + proc.stderr):
        print(f"smoke: FAILED {name} (exit {proc.returncode}, {took:.1f} s): {' '.join(args)}", file=sys.stderr)
        if expect is not None:
            print(f"smoke: expected to see {expect!r}", file=sys.stderr)
        print(proc.stdout[-3000:], proc.stderr[-3000:], sep="\n", file=sys.stderr)
        sys.exit(1)
    print(f"smoke: ok {name} ({took:.1f} s)")
    return proc.stdout


def write_warc(path: Path) -> None:
    """A gzip WARC with one HTML news page (warcio, from kg[warc])."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    paragraphs = "".join(f"<p>{s}.</p>" for s in ARTICLE.split(". ") if s)
    html = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Minister accuses neighbour</title>"
            f"<meta property='article:published_time' content='2026-03-01T08:00:00Z'></head><body>"
            f"<main><article><h1>Minister accuses neighbour</h1>{paragraphs}</article></main></body></html>")
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example.org/2026/03/01/accuses", "response",
                                                      payload=io.BytesIO(html.encode()), http_headers=headers))


def serve_smoke(store: str, tmp_path: Path) -> None:
    """``kg serve`` on the store: the SPARQL endpoint answers a query and the actor search for the
    article's spelling "Dehqan" finds the linked person (the knowledge base spells him "Dehghan")."""
    import json
    import socket
    import urllib.parse
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen([KG, "serve", "--store", store, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    start = time.monotonic()
    try:
        while time.monotonic() - start < 60:
            try:
                with urllib.request.urlopen(base + "/health", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.3)
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
        with urllib.request.urlopen(f"{base}/sparql?{query}", timeout=60) as resp:
            n = int(json.load(resp)["results"]["bindings"][0]["n"]["value"])
        with urllib.request.urlopen(f"{base}/actors?q=dehqan", timeout=60) as resp:
            page = resp.read().decode("utf-8")
        found = "Hossein Dehghan" in page
        if n < 100 or not found:
            raise RuntimeError(f"{n} quads; Dehqan {'found' if found else 'not found'} as Hossein Dehghan")
    except (OSError, RuntimeError, ValueError, KeyError) as exc:
        print(f"smoke: FAILED kg serve: {exc}", file=sys.stderr)
        print((tmp_path / "serve.log").read_text(errors="replace")[-3000:], file=sys.stderr)
        sys.exit(1)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    print(f"smoke: ok kg serve ({time.monotonic() - start:.1f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warc", action="store_true", help="also read a WARC archive (kg[warc])")
    ap.add_argument("--dask", action="store_true", help="also extract on a local Dask cluster (kg[dask])")
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-smoke-") as tmp:
        tmp_path = Path(tmp)
        store = str(tmp_path / "store")
        step("kg --version", [KG, "--version"], expect="kg")
        step("kg run on the bundled articles", [KG, "-q", "run", "kg/data/articles", "--store", store])
        step("kg query who-accused-whom", [KG, "query", "who-accused-whom", "--store", store, "--format", "csv"],
             expect="Iran")
        serve_smoke(store, tmp_path)
        if opts.warc:
            warc = tmp_path / "news.warc.gz"
            write_warc(warc)
            out = tmp_path / "warc.jsonl"
            step("kg extract a WARC archive", [KG, "-q", "extract", str(warc), "-o", str(out)])
            if "Freedonia" not in out.read_text(encoding="utf-8"):
                print("smoke: FAILED kg extract a WARC archive: no statement about Freedonia", file=sys.stderr)
                sys.exit(1)
        if opts.dask:
            shards = tmp_path / "shards"
            step("kg extract --engine dask", [KG, "-q", "extract", "kg/data/articles", "--engine", "dask",
                                              "--jobs", "1", "-o", str(shards)])
            if not any(shards.glob("*.nq")):
                print(f"smoke: FAILED kg extract --engine dask: no N-Quads shard in {shards}", file=sys.stderr)
                sys.exit(1)
    print("smoke: all steps passed")


if __name__ == "__main__":
    main()
