"""Stores that fail: the disk full (a real 2-8 MB tmpfs), a read-only file
system (a read-only bind mount), damaged or foreign store folders, a locked
store, and remote servers that refuse, answer 500, time out or drop the
connection mid-upload (a real Oxigraph server behind a local proxy that
misbehaves on purpose).  kg reports one clear line naming the path or
endpoint, keeps what was stored before whole, and a re-run completes."""

from __future__ import annotations

import http.client
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import StoreError
from kg.run.jobs import run_into_store
from kg.store.oxigraph import OxigraphStore
from kg.store.sparql import Endpoints, SparqlStore
from tests._robust_fixtures import ARTICLES, ROOT, SEED, all_quads, graph_quads, one_line, pipe  # noqa: F401
from tests.servers import free_port, unavailable

runner = CliRunner()
WIKINEWS = ARTICLES / "wikinews_politics_sample.jsonl"


def _mount(args: list[str], target: Path) -> None:
    res = subprocess.run(["mount", *args, str(target)], capture_output=True, text=True)
    if res.returncode != 0:
        pytest.skip(f"cannot mount ({' '.join(args)}) here: {res.stderr.strip() or 'not root'}; "
                    "the disk-full / read-only tests need root or CAP_SYS_ADMIN")


def _umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True)


@pytest.fixture()
def small_disk(tmp_path):
    """A real tmpfs of 16 MB (the run's store with its direct-edge graphs outgrew 8 MB), unmounted at the end."""
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    d = tmp_path / "small"
    d.mkdir()
    _mount(["-t", "tmpfs", "-o", "size=16m", "tmpfs"], d)
    yield d
    _umount(d)


def _fill(folder: Path, leave: int) -> Path:
    """Write a ballast file until the disk is full, then free ``leave`` bytes."""
    ballast = folder / "ballast"
    # unbuffered: with a buffer, closing the file would flush the unwritten rest and raise ENOSPC again
    with open(ballast, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError:
            pass
    size = ballast.stat().st_size
    os.truncate(ballast, max(0, size - leave))
    return ballast


@pytest.fixture(scope="module")
def reference(pipe, tmp_path_factory):  # noqa: F811
    """Every bundled article's graph from a clean run: {graph IRI: triples}."""
    with OxigraphStore(None) as ref:
        run_into_store([WIKINEWS, SEED], ref, pipe)
        return {g: graph_quads(ref, g) for g in ref.graphs()}


def _assert_whole(store, reference: dict) -> set[str]:
    """Every graph in the store equals its reference graph; returns the graphs."""
    graphs = set(store.graphs())
    for g in graphs:
        assert graph_quads(store, g) == reference[g], f"graph {g} is not whole"
    return graphs


# --------------------------------------------------------------------------- disk full


def test_robust_stores_disk_full_reports_keeps_data_and_rerun_completes(pipe, reference, small_disk, tmp_path):  # noqa: F811
    store = small_disk / "store"
    seed_graph = "https://w3id.org/kg-news/id/graph/seed-article"
    with OxigraphStore(store) as st:
        run_into_store([SEED], st, pipe)
        before = graph_quads(st, seed_graph)
    ballast = _fill(small_disk, leave=48 * 1024)
    res = runner.invoke(app, ["run", str(WIKINEWS), str(SEED), "--store", str(store), "--jobs", "1"])
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output and res.exception is None or isinstance(res.exception, SystemExit)
    errors = [line for line in res.output.splitlines() if "E014" in line or "E011" in line]
    assert errors, res.output
    assert all(str(store) in line and "No space left on device" in line for line in errors), errors
    # kg extract onto the full disk: one line, and no partial or temporary file
    out = small_disk / "out.nq"
    res = runner.invoke(app, ["extract", str(SEED), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 1 and "E015" in res.output and str(out) in res.output, res.output
    assert not out.exists() and not list(small_disk.glob(".out.nq*"))

    ballast.unlink()  # space again
    with OxigraphStore(store, read_only=True) as st:
        assert graph_quads(st, seed_graph) == before  # what was stored before is kept
        partial = _assert_whole(st, reference)
    assert seed_graph in partial and len(partial) < len(reference)
    res = runner.invoke(app, ["run", str(WIKINEWS), str(SEED), "--store", str(store), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    with OxigraphStore(store, read_only=True) as st:
        assert _assert_whole(st, reference) == set(reference)


def test_robust_stores_disk_full_at_load(small_disk, tmp_path):
    """kg load of a file onto a full disk: E014 for that file, the earlier graphs stay."""
    store = small_disk / "store"
    small = tmp_path / "small.nq"
    small.write_text("".join(f'<urn:s{i}> <urn:p> "v{i}" <urn:g:keep> .\n' for i in range(50)))
    big = tmp_path / "big.nq"
    n = 3000
    big.write_text("".join(f'<urn:s{i}> <urn:p> "{"x" * 200}{i}" <urn:g:big{i % 7}> .\n' for i in range(n)))
    expected = {f"urn:g:big{k}": len(range(k, n, 7)) for k in range(7)}
    with OxigraphStore(store) as st:
        st.load_file(small)
    ballast = _fill(small_disk, leave=32 * 1024)
    res = runner.invoke(app, ["load", str(big), str(small), "--store", str(store)])
    assert res.exit_code == 1 and "Traceback" not in res.output, res.output
    errors = [line for line in res.output.splitlines() if "E014" in line or "E011" in line]
    assert errors and str(store) in errors[0] and "No space left" in errors[0], res.output
    ballast.unlink()
    with OxigraphStore(store) as st:
        assert st.count("urn:g:keep") == 50
        for g in st.graphs():  # the big file's graphs are absent or whole, never half
            assert g == "urn:g:keep" or st.count(g) in (0, expected[g]), g
        st.load_file(big, replace=True)  # re-run completes
        assert st.count() == n + 50


# --------------------------------------------------------------------------- read-only


def test_robust_stores_read_only_file_system(pipe, tmp_path):  # noqa: F811
    src = tmp_path / "src"
    with OxigraphStore(src / "store") as st:
        run_into_store([SEED], st, pipe)
        count = st.count()
    ro = tmp_path / "ro"
    ro.mkdir()
    _mount(["--bind", str(src)], ro)
    try:
        _mount(["-o", "remount,bind,ro"], ro)
        store = ro / "store"
        res = runner.invoke(app, ["run", str(SEED), "--store", str(store), "--force"])
        assert res.exit_code == 1 and "E011" in res.output and str(store) in res.output, res.output
        assert "Read-only file system" in res.output and "Traceback" not in res.output
        res = runner.invoke(app, ["load", str(ROOT / "ontology" / "kg.ttl"), "--store", str(store)])
        assert res.exit_code == 1 and "E011" in res.output, res.output
        res = runner.invoke(app, ["extract", str(SEED), "-o", str(ro / "out.ttl"), "--jobs", "1"])
        assert res.exit_code == 1 and "E015" in res.output and "Read-only" in res.output, res.output
        # reading still works, from the read-only copy
        res = runner.invoke(app, ["query", "who-accused-whom", "--store", str(store), "-f", "csv"])
        assert res.exit_code == 0 and "Hossein Dehghan" in res.output, res.output
    finally:
        _umount(ro)
    with OxigraphStore(src / "store", read_only=True) as st:
        assert st.count() == count


# --------------------------------------------------------------------------- damaged and foreign folders


def _damage(kind: str, path: Path) -> None:
    if kind == "file-not-folder":
        path.write_text("not a store")
        return
    if kind == "foreign-folder":
        path.mkdir()
        (path / "notes.txt").write_text("my notes")
        (path / "photo.jpg").write_bytes(os.urandom(64))
        return
    with OxigraphStore(path) as st:
        st.replace_graph("urn:g", b'<urn:s> <urn:p> "o" .\n')
    if kind == "garbage-CURRENT":
        (path / "CURRENT").write_bytes(os.urandom(40))
    elif kind == "missing-MANIFEST":
        for m in path.glob("MANIFEST-*"):
            m.unlink()
    elif kind == "garbage-MANIFEST":
        for m in path.glob("MANIFEST-*"):
            m.write_bytes(os.urandom(m.stat().st_size))
    elif kind == "garbage-sst":
        for f in path.glob("*.sst"):
            f.write_bytes(os.urandom(f.stat().st_size))
    elif kind == "CURRENT-names-other-version":
        (path / "CURRENT").write_text("MANIFEST-999999\n")


DAMAGE = ["garbage-CURRENT", "missing-MANIFEST", "garbage-MANIFEST", "garbage-sst", "CURRENT-names-other-version",
          "file-not-folder", "foreign-folder"]


@pytest.mark.parametrize("kind", DAMAGE)
def test_robust_stores_damaged_or_foreign_folder(tmp_path, kind):
    path = tmp_path / "store"
    _damage(kind, path)
    files = {p: p.read_bytes() for p in ([path] if path.is_file() else path.iterdir()) if p.is_file()}
    for ro in (False, True):
        with pytest.raises(StoreError) as err:
            OxigraphStore(path, read_only=ro)
        msg = str(err.value)
        assert err.value.code == "E011" and str(path) in msg and one_line(msg), msg
        assert msg.count("E011") == 1, msg
    for args in (["query", "who-accused-whom"], ["load", str(ROOT / "ontology" / "kg.ttl")], ["info"]):
        res = runner.invoke(app, [*args, "--store", str(path)])
        assert res.exit_code == 1 and "E011" in res.output and "Traceback" not in res.output, (args, res.output)
    # the data files are untouched (RocksDB only adds its diagnostic LOG files); a foreign folder gets nothing
    for p, data in files.items():
        if not p.name.startswith(("LOG", "LOCK")):
            assert p.read_bytes() == data, f"kg changed {p}"
    if kind == "foreign-folder":
        assert sorted(x.name for x in path.iterdir()) == ["notes.txt", "photo.jpg"]


def test_robust_stores_locked_store_at_load(tmp_path):
    """`kg load` on a store held by another process: E010, one line (kg run: tests/test_cli_commands.py)."""
    path = tmp_path / "store"
    with OxigraphStore(path) as st:
        st.replace_graph("urn:g", b'<urn:s> <urn:p> "o" .\n')
    holder = subprocess.Popen([sys.executable, "-c", "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); "
                               "print('ready', flush=True); sys.stdin.readline()", str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        res = runner.invoke(app, ["load", str(ROOT / "ontology" / "kg.ttl"), "--store", str(path)])
        assert res.exit_code == 1 and "E010" in res.output and str(path) in res.output, res.output
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    with OxigraphStore(path) as st:
        assert st.count() == 1


# --------------------------------------------------------------------------- remote servers


class _Proxy:
    """A real HTTP proxy on 127.0.0.1 in front of a real server; graph PUTs
    whose ``graph`` parameter ends with a key of ``faults`` fail on purpose:
    ``drop`` reads half of the body then closes the socket, ``500`` answers
    500, ``slow`` waits longer than the client's timeout."""

    def __init__(self, upstream: str) -> None:
        self.upstream = urlsplit(upstream)
        self.faults: dict[str, str] = {}
        self.seen: list[str] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a: object) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                graph = parse_qs(urlsplit(self.path).query).get("graph", [""])[0]
                fault = next((f for k, f in proxy.faults.items() if graph.endswith(k)), None) if self.command == "PUT" else None
                if fault:
                    proxy.seen.append(f"{fault} {graph}")
                if fault == "drop":
                    self.rfile.read(length // 2)
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                body = self.rfile.read(length) if length else None
                if fault == "500":
                    self._send(500, b"scripted: disk full on the server", "text/plain")
                    return
                if fault == "slow":
                    time.sleep(2.5)
                conn = http.client.HTTPConnection(proxy.upstream.hostname, proxy.upstream.port, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                self._send(resp.status, data, resp.getheader("Content-Type") or "text/plain")
                conn.close()

            def _send(self, status: int, data: bytes, ctype: str) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = do_DELETE = _handle

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def own_oxigraph_server(tmp_path):
    """A fresh ``oxigraph serve`` for this test only (the shared one holds other tests' data)."""
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        found = shutil.which("oxigraph")
        if found is None:
            unavailable("the oxigraph server binary is missing: pip install oxigraph (in the test extra)")
        binary = Path(found)  # type: ignore[arg-type]
    port = free_port()
    log = open(tmp_path / "oxigraph.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([str(binary), "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None:
                unavailable(f"oxigraph serve exited with {proc.returncode}")
            time.sleep(0.1)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    log.close()


def _remote(url: str) -> SparqlStore:
    return SparqlStore(Endpoints.oxigraph(url), timeout=1.0, retries=1, backoff=0.01)


@pytest.mark.server
def test_robust_stores_remote_drop_500_timeout_mid_run(pipe, reference, own_oxigraph_server):  # noqa: F811
    direct = own_oxigraph_server
    seed_graph = "https://w3id.org/kg-news/id/graph/seed-article"
    with _remote(direct) as st:
        run_into_store([SEED], st, pipe)
        before = all_quads(st)
    proxy = _Proxy(direct)
    proxy.faults = {"graph/wikinews-2019-019": "drop", "graph/wikinews-2019-022": "500",
                    "graph/wikinews-2019-085": "slow"}
    try:
        with _remote(proxy.url) as st:
            summary = run_into_store([WIKINEWS, SEED], st, pipe, force=True)
        assert len(summary.failed) == 3, summary.failed
        # the faulty articles are lines 1-3 of the JSON Lines file, in the order of proxy.faults
        by_fault = dict(zip(proxy.faults.values(), summary.failed))
        for i, f in enumerate(summary.failed, start=1):
            assert f.startswith(f"{WIKINEWS}:{i}: ") and one_line(f), f
        assert "E060" in by_fault["drop"] and proxy.url.split("//")[1] in by_fault["drop"]
        assert "E063" in by_fault["500"] and "HTTP 500" in by_fault["500"] and "disk full on the server" in by_fault["500"]
        assert "E064" in by_fault["slow"] and "1.0 s" in by_fault["slow"]
        assert summary.graphs == len(reference) - 3
    finally:
        proxy.close()
    time.sleep(3)  # let the slow request reach the server (it may still land: then it is whole)
    with _remote(direct) as st:
        present = _assert_whole(st, reference)  # the dropped upload left no half graph
        assert "https://w3id.org/kg-news/id/graph/wikinews-2019-019" not in present
        assert "https://w3id.org/kg-news/id/graph/wikinews-2019-022" not in present
        assert graph_quads(st, seed_graph) == {t[1:] for t in before if t[0] == f"<{seed_graph}>"}
        summary = run_into_store([WIKINEWS, SEED], st, pipe)  # the re-run completes the job
        assert not summary.failed and summary.done == len(present)
        assert _assert_whole(st, reference) == set(reference)


def test_robust_stores_remote_refused_is_one_line(pipe, tmp_path):  # noqa: F811
    port = free_port()  # nothing listens
    res = runner.invoke(app, ["run", str(SEED), "--endpoint", f"http://127.0.0.1:{port}/ds", "--timeout", "2"])
    assert res.exit_code == 1, res.output
    lines = [line for line in res.output.splitlines() if "E060" in line]
    assert lines and f"127.0.0.1:{port}/ds" in lines[0] and "connection refused" in lines[0], res.output
    assert "Traceback" not in res.output
