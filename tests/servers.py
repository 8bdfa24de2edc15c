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

Every server listens on 127.0.0.1 on a free port, is waited for (bounded) and
stopped by PID in a finalizer.  When Java, Maven or the oxigraph binary is
missing, the tests SKIP with the reason -- except when env ``CI=true``, where
they FAIL, so CI cannot pass by skipping them.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FUSEKI_VERSION = os.environ.get("FUSEKI_VERSION", "5.6.0")
FUSEKI_CACHE = REPO / ".cache" / "fuseki"
STARTUP_TIMEOUT = 90.0  # seconds; Fuseki starts in ~1.5 s, Oxigraph in < 0.5 s here

__all__ = [
    "ServerProcess",
    "FaultServer",
    "unavailable",
    "free_port",
    "fuseki_jar",
    "fuseki_server",
    "fuseki_tdb2_server",
    "fuseki_auth_server",
    "oxigraph_server",
    "fault_server",
]


def unavailable(reason: str) -> None:
    """Skip the test, or fail it when running in CI (env ``CI=true``)."""
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"CI=true, so this cannot be skipped: {reason}", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class ServerProcess:
    """A server started for tests.

    :param url: base URL (``http://127.0.0.1:PORT``).
    :param proc: its process.
    :param log: file with its stdout/stderr.
    :param startup_seconds: time from start until it answered.
    """

    name: str
    url: str
    proc: subprocess.Popen
    log: Path
    startup_seconds: float = 0.0
    dataset: str | None = None
    user: str | None = None
    password: str | None = None

    @property
    def dataset_url(self) -> str:
        """Fuseki: ``url/dataset``."""
        assert self.dataset
        return f"{self.url}/{self.dataset}"

    def log_tail(self, n: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop the process by its PID (TERM, then KILL after 10 s)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def _wait_until_up(server: ServerProcess, probe: str, started: float, auth: tuple[str, str] | None = None) -> None:
    deadline = started + STARTUP_TIMEOUT
    req = urllib.request.Request(probe)
    if auth:
        import base64

        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        req.add_header("Authorization", f"Basic {token}")
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited with code {server.proc.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(req, timeout=2) as resp:
                if resp.status < 500:
                    server.startup_seconds = time.monotonic() - started
                    return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                server.startup_seconds = time.monotonic() - started
                return
        except OSError:
            pass
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"{server.name} did not answer {probe} within {STARTUP_TIMEOUT} s:\n{server.log_tail()}")


# Test modules import these fixtures by name, and pytest then keeps one
# session fixture per importing module; this cache makes them share one process.
_RUNNING: dict[str, object] = {}


def _cached(name: str) -> ServerProcess | None:
    server = _RUNNING.get(name)
    if isinstance(server, ServerProcess) and server.proc.poll() is None:
        return server
    return None


# -- Fuseki ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def fuseki_jar() -> Path:
    """The Fuseki server jar, fetched with Maven into .cache/fuseki/ if missing."""
    if shutil.which("java") is None:
        unavailable("Java is not installed (needed for Apache Jena Fuseki): apt-get install openjdk-17-jre-headless")
    jar = FUSEKI_CACHE / f"jena-fuseki-server-{FUSEKI_VERSION}.jar"
    if not jar.is_file():
        if shutil.which("mvn") is None:
            unavailable(f"{jar} is missing and Maven is not installed to fetch it (apt-get install maven)")
        res = subprocess.run(
            ["bash", str(REPO / ".ci" / "fetch-fuseki.sh")],
            capture_output=True, text=True, timeout=600,
            env={**os.environ, "FUSEKI_VERSION": FUSEKI_VERSION, "FUSEKI_CACHE": str(FUSEKI_CACHE)},
        )
        if res.returncode != 0 or not jar.is_file():
            unavailable(f"could not fetch Fuseki with Maven: {res.stderr.strip()[-500:]}")
    return jar


def start_fuseki(jar: Path, workdir: Path, args: list[str], *, name: str = "fuseki",
                 dataset: str | None = None, auth: tuple[str, str] | None = None) -> ServerProcess:
    """Start Fuseki on 127.0.0.1:free port with its FUSEKI_BASE in ``workdir``; wait until it answers."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = workdir / "fuseki.log"
    cmd = ["java", "-Xmx512m", "-jar", str(jar.resolve()), "--localhost", "--port", str(port), "--ping", *args]
    env = {**os.environ, "FUSEKI_BASE": str(workdir / "run")}
    started = time.monotonic()
    with open(log, "wb") as fh:
        proc = subprocess.Popen(cmd, cwd=workdir, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    server = ServerProcess(name, f"http://127.0.0.1:{port}", proc, log, dataset=dataset)
    if auth:
        server.user, server.password = auth
    try:
        _wait_until_up(server, f"{server.url}/$/ping", started, auth)
    except RuntimeError as exc:
        unavailable(str(exc))
    return server


@pytest.fixture(scope="session")
def fuseki_server(fuseki_jar: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """Fuseki with an in-memory dataset ``/ds`` (``server.dataset_url``)."""
    server = _cached("fuseki_server") or start_fuseki(
        fuseki_jar, tmp_path_factory.mktemp("fuseki-mem"), ["--mem", "/ds"], dataset="ds"
    )
    _RUNNING["fuseki_server"] = server
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fuseki_tdb2_server(fuseki_jar: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """Fuseki with a persistent TDB2 dataset ``/tdb`` in a temp folder."""
    server = _cached("fuseki_tdb2_server")
    if server is None:
        work = tmp_path_factory.mktemp("fuseki-tdb2")
        (work / "db").mkdir()
        server = start_fuseki(fuseki_jar, work, ["--update", "--tdb2", f"--loc={work / 'db'}", "/tdb"], dataset="tdb")
        _RUNNING["fuseki_tdb2_server"] = server
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fuseki_auth_server(fuseki_jar: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """Fuseki with HTTP basic auth on every endpoint: user ``kg``, password in ``server.password``."""
    server = _cached("fuseki_auth_server")
    if server is None:
        work = tmp_path_factory.mktemp("fuseki-auth")
        password = "t3st-" + os.urandom(6).hex()
        (work / "passwd").write_text(f"kg: {password}\n")
        server = start_fuseki(
            fuseki_jar, work, [f"--passwd={work / 'passwd'}", "--auth=basic", "--mem", "/ds"],
            name="fuseki-auth", dataset="ds", auth=("kg", password),
        )
        _RUNNING["fuseki_auth_server"] = server
    yield server
    server.stop()


# -- Oxigraph server -------------------------------------------------------------------


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """``oxigraph serve`` on a temp folder: ``/query``, ``/update``, ``/store``."""
    cached = _cached("oxigraph_server")
    if cached is not None:
        yield cached
        cached.stop()
        return
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        found = shutil.which("oxigraph")
        if found is None:
            unavailable("the oxigraph server binary is missing: pip install oxigraph (in the test extra)")
        binary = Path(found)  # type: ignore[arg-type]
    work = tmp_path_factory.mktemp("oxigraph-server")
    port = free_port()
    log = work / "oxigraph.log"
    started = time.monotonic()
    with open(log, "wb") as fh:
        proc = subprocess.Popen(
            [str(binary), "serve", "--location", str(work / "db"), "--bind", f"127.0.0.1:{port}"],
            stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    server = ServerProcess("oxigraph", f"http://127.0.0.1:{port}", proc, log)
    try:
        _wait_until_up(server, f"{server.url}/query?query=ASK%7B%7D", started)
    except RuntimeError as exc:
        unavailable(str(exc))
    _RUNNING["oxigraph_server"] = server
    yield server
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
