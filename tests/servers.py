"""Real SPARQL servers for tests: Apache Jena Fuseki and Oxigraph server, plus a
tiny local HTTP server that answers with chosen failures.

Fixtures (session-scoped; import them into a test module with
``from tests.servers import fuseki_server, ...`` or load this module as a
pytest plugin):

* ``fuseki_jar`` -- path of ``.cache/fuseki/jena-fuseki-server-<v>.jar``,
  fetched with ``.ci/fetch-fuseki.sh`` (Maven) when missing;
* ``fuseki_server`` -- Fuseki with an in-memory dataset ``/ds``;
* ``fuseki_tdb2_server`` -- Fuseki with a TDB2 dataset ``/tdb`` in a temp folder;
* ``fuseki_auth_server`` -- Fuseki with HTTP basic auth (user ``kg``);
* ``oxigraph_server`` -- ``oxigraph serve`` (the binary of the ``oxigraph``
  PyPI package) on a temp folder;
* ``fault_server`` -- :class:`FaultServer`, a ``http.server`` in a thread
  answering 401/404/500/503/slow/flaky on chosen paths.

The start-up logic (jar fetch, ports, waiting, stop by PID) lives in
:mod:`benchmarks.servers` (shared with ``python -m benchmarks.bench_remote``); this module
adds only the pytest parts.  Every server listens on 127.0.0.1 on a free port,
is waited for (bounded) and stopped by PID in a finalizer.  When Java, Maven or the oxigraph binary is
missing, the tests SKIP with the reason -- except when env ``CI=true``, where
they FAIL, so CI cannot pass by skipping them.
"""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import pytest

from benchmarks import servers as starters
from benchmarks.servers import (
    FUSEKI_CACHE,
    FUSEKI_VERSION,
    STARTUP_TIMEOUT,
    ServerProcess,
    ServerUnavailable,
    free_port,
    wait_until_up,
)

__all__ = [
    "FUSEKI_CACHE",
    "FUSEKI_VERSION",
    "STARTUP_TIMEOUT",
    "FaultServer",
    "ServerProcess",
    "ServerUnavailable",
    "fault_server",
    "free_port",
    "fuseki_auth_server",
    "fuseki_jar",
    "fuseki_server",
    "fuseki_tdb2_server",
    "oxigraph_loaded",
    "oxigraph_server",
    "start_fuseki",
    "unavailable",
    "wait_until_up",
]

T = TypeVar("T")

#: the old private name, still imported by some test modules.
_wait_until_up = wait_until_up


def unavailable(reason: str) -> NoReturn:
    """Skip the test, or fail it when running in CI (env ``CI=true``)."""
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"CI=true, so this cannot be skipped: {reason}", pytrace=False)
    pytest.skip(reason)


def _or_unavailable(start: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``start(*args, **kwargs)``, turning :class:`ServerUnavailable` into :func:`unavailable`."""
    try:
        return start(*args, **kwargs)
    except ServerUnavailable as exc:
        unavailable(str(exc))


# Test modules import these fixtures by name, and pytest then keeps one
# session fixture per importing module; this cache makes them share one process.
_RUNNING: dict[str, object] = {}


def _cached(name: str) -> ServerProcess | None:
    server = _RUNNING.get(name)
    if isinstance(server, ServerProcess) and server.proc.poll() is None:
        return server
    return None


def _session_server(name: str, start: Callable[[], ServerProcess]) -> Iterator[ServerProcess]:
    """Body of a session fixture: the running server cached under ``name``, else ``start()``;
    stopped by PID when the fixture is finalized."""
    server = _cached(name)
    if server is None:
        server = start()
        _RUNNING[name] = server
    yield server
    server.stop()


# -- Fuseki ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def fuseki_jar() -> Path:
    """The Fuseki server jar, fetched with Maven into .cache/fuseki/ if missing
    (:func:`benchmarks.servers.fuseki_jar`); skip/fail via :func:`unavailable` if it cannot be."""
    return _or_unavailable(starters.fuseki_jar)


def start_fuseki(jar: Path, workdir: Path, args: list[str], *, name: str = "fuseki",
                 dataset: str | None = None, auth: tuple[str, str] | None = None) -> ServerProcess:
    """:func:`benchmarks.servers.start_fuseki` (127.0.0.1:free port, FUSEKI_BASE in ``workdir``,
    ``-Xmx512m``), but skip/fail the test via :func:`unavailable` when it does not come up."""
    return _or_unavailable(starters.start_fuseki, jar, workdir, args, name=name, dataset=dataset, auth=auth)


@pytest.fixture(scope="session")
def fuseki_server(fuseki_jar: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """Fuseki with an in-memory dataset ``/ds`` (``server.dataset_url``)."""
    yield from _session_server("fuseki_server", lambda: start_fuseki(
        fuseki_jar, tmp_path_factory.mktemp("fuseki-mem"), ["--mem", "/ds"], dataset="ds"))


@pytest.fixture(scope="session")
def fuseki_tdb2_server(fuseki_jar: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """Fuseki with a persistent TDB2 dataset ``/tdb`` in a temp folder."""

    def start() -> ServerProcess:
        work = tmp_path_factory.mktemp("fuseki-tdb2")
        (work / "db").mkdir()
        return start_fuseki(fuseki_jar, work, ["--update", "--tdb2", f"--loc={work / 'db'}", "/tdb"], dataset="tdb")

    yield from _session_server("fuseki_tdb2_server", start)


@pytest.fixture(scope="session")
def fuseki_auth_server(fuseki_jar: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """Fuseki with HTTP basic auth on every endpoint: user ``kg``, password in ``server.password``."""

    def start() -> ServerProcess:
        work = tmp_path_factory.mktemp("fuseki-auth")
        password = "t3st-" + os.urandom(6).hex()
        (work / "passwd").write_text(f"kg: {password}\n")
        return start_fuseki(fuseki_jar, work, [f"--passwd={work / 'passwd'}", "--auth=basic", "--mem", "/ds"],
                            name="fuseki-auth", dataset="ds", auth=("kg", password))

    yield from _session_server("fuseki_auth_server", start)


# -- Oxigraph server -------------------------------------------------------------------


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """``oxigraph serve`` on a temp folder: ``/query``, ``/update``, ``/store``
    (:func:`benchmarks.servers.start_oxigraph`)."""

    def start() -> ServerProcess:
        binary = _or_unavailable(starters.oxigraph_binary)
        return _or_unavailable(starters.start_oxigraph, tmp_path_factory.mktemp("oxigraph-server"), binary)

    yield from _session_server("oxigraph_server", start)


@contextmanager
def oxigraph_loaded(turtle: str, workdir: Path) -> Iterator[str]:
    """``oxigraph serve`` on a store first loaded with ``turtle`` (``oxigraph load``), for tests that
    need a SPARQL endpoint holding their own fixture (e.g. a Wikidata-form one); yields the query
    endpoint URL and stops the server after.  Skips (fails when ``CI=true``) without the binary."""
    binary = _or_unavailable(starters.oxigraph_binary)
    workdir.mkdir(parents=True, exist_ok=True)
    ttl = workdir / "fixture.ttl"
    ttl.write_text(turtle, encoding="utf-8")
    subprocess.run([str(binary), "load", "--location", str(workdir / "db"), "--file", str(ttl)],
                   check=True, capture_output=True)
    server = _or_unavailable(starters.start_oxigraph, workdir, binary)
    try:
        yield f"{server.url}/query"
    finally:
        server.stop()


# -- a server that fails on purpose ------------------------------------------------------


@dataclass
class FaultServer:
    """A local ``http.server`` (real HTTP on 127.0.0.1) with scripted answers.

    Paths (any method):

    * ``/status/<code>`` -- always answers ``<code>`` with a short text body;
    * ``/flaky/<n>/...`` -- answers 503 to the first ``n`` requests on that
      exact path, then 200 with an empty SPARQL JSON result (or 204 for
      writes);
    * ``/slow/<seconds>`` -- sleeps, then 200;
    * ``/accept/<n>/...`` -- accepts the first ``n`` write requests on that
      path prefix (204), then answers 500.

    ``hits[path]`` counts the requests per path.
    """

    url: str
    hits: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, path: str) -> int:
        with self.lock:
            return self.hits.get(path, 0)

    def reset(self) -> None:
        with self.lock:
            self.hits.clear()


def _make_handler(state: FaultServer) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def _answer(self, code: int, body: bytes = b"", ctype: str = "text/plain") -> None:
            try:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if code == 401:
                    self.send_header("WWW-Authenticate", 'Basic realm="test"')
                self.end_headers()
                if body:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout tests)

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            path = self.path.split("?", 1)[0]
            with state.lock:
                state.hits[path] = state.hits.get(path, 0) + 1
                n_hits = state.hits[path]
            parts = [p for p in path.split("/") if p]
            if len(parts) >= 2 and parts[0] == "status":
                code = int(parts[1])
                self._answer(code, f"scripted failure {code}: something went wrong".encode())
            elif len(parts) >= 2 and parts[0] == "flaky":
                if n_hits <= int(parts[1]):
                    self._answer(503, b"busy")
                elif path.endswith("/query"):
                    doc = {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "ok"}}]}}
                    self._answer(200, json.dumps(doc).encode(), "application/sparql-results+json")
                else:
                    self._answer(204)
            elif len(parts) >= 2 and parts[0] == "slow":
                time.sleep(float(parts[1]))
                self._answer(200, b"{}", "application/json")
            elif len(parts) >= 2 and parts[0] == "accept":
                key = "/accept/" + parts[1]
                with state.lock:
                    state.hits[key] = state.hits.get(key, 0) + 1
                    k = state.hits[key]
                self._answer(204 if k <= int(parts[1]) else 500, b"" if k <= int(parts[1]) else b"disk full")
            else:
                self._answer(404, b"not found")

        do_GET = do_POST = do_PUT = do_DELETE = _handle

    return Handler


@pytest.fixture(scope="session")
def fault_server() -> Iterator[FaultServer]:
    """A :class:`FaultServer` on 127.0.0.1, stopped at the end of the session."""
    cached = _RUNNING.get("fault_server")
    if isinstance(cached, FaultServer):
        yield cached
        return
    state = FaultServer(url="")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(state))
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, name="fault-server", daemon=True)
    thread.start()
    _RUNNING["fault_server"] = state
    yield state
    _RUNNING.pop("fault_server", None)
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)
