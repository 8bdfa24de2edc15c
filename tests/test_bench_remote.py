"""Smoke tests of the remote-load benchmark (``python -m benchmarks.bench_remote``):
it runs end to end against real Fuseki and Oxigraph servers and prints every
measure.  No timing assertions (this machine's speed is not under test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import servers
from tests.servers import unavailable

pytestmark = pytest.mark.server

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "news" / "allsides_politics.jsonl"
EX = "https://example.org/"


def _need_servers() -> None:
    try:
        servers.fuseki_jar()
        servers.oxigraph_binary()
    except servers.ServerUnavailable as exc:
        unavailable(str(exc))  # fails instead of skipping when CI=true


def _run(args: list[str]) -> tuple[str, dict]:
    res = subprocess.run([sys.executable, "-m", "benchmarks.bench_remote", "--repeat", "1", "--json", *args],
                         capture_output=True, text=True, cwd=REPO, timeout=300)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    text = res.stdout
    doc = json.loads(text[text.index("\n{") + 1:])
    return text, doc


def _check(text: str, doc: dict, statements: int) -> None:
    assert doc["statements"] == statements
    assert [r["server"] for r in doc["servers"]] == ["fuseki", "oxigraph"]
    for r in doc["servers"]:
        assert r["plain_seconds"] > 0 and r["kg_seconds"] > 0
        assert r["ratio"] == pytest.approx(r["plain_seconds"] / r["kg_seconds"])
        assert r["kg_rate"] == pytest.approx(statements / r["kg_seconds"])
        assert 10 < r["kg_peak_rss_mb"] < 2000
        assert r["statements_in_store"] > 0
        assert {run["method"] for run in r["runs"]} == {"plain", "kg"}
        assert all(run["count"] == r["statements_in_store"] for run in r["runs"])
    for needle in ("triples/s", "kg/plain", "plain (", "kg load", "fuseki", "oxigraph", "peak RSS"):
        assert needle in text


def test_bench_remote_tiny_file(tmp_path: Path) -> None:
    """On a small N-Triples file (with a duplicate line): both servers, both methods, and the memory run."""
    _need_servers()
    f = tmp_path / "tiny.nt"
    lines = [f'<{EX}s{i}> <{EX}p> "v{i}" .\n' for i in range(200)]
    f.write_text("".join(lines) + lines[0])
    text, doc = _run(["--input", str(f), "--memory-factor", "2"])
    _check(text, doc, 201)
    for r in doc["servers"]:
        assert r["statements_in_store"] == 200  # the duplicate counted once by both methods
        assert r["big"]["peak_rss_mb"] > 0


def test_bench_remote_extracted_articles() -> None:
    """``--articles 3``: kg extract makes the N-Triples file, then the same measures."""
    if not CORPUS.is_file():
        pytest.skip(f"the shared corpus {CORPUS} is absent")
    _need_servers()
    text, doc = _run(["--articles", "3", "--jobs", "1", "--memory-factor", "0"])
    assert doc["articles"] == 3 and doc["extract_seconds"] > 0
    assert doc["media"] == "application/n-triples" and doc["statements"] > 50
    _check(text, doc, doc["statements"])
    assert all("big" not in r for r in doc["servers"])
