"""Start real SPARQL servers on loopback: Apache Jena Fuseki (the runnable
``jena-fuseki-server`` jar from Maven Central) and Oxigraph's server
(``oxigraph serve``, the binary of the ``oxigraph`` PyPI package).

Also ``kg serve`` (:func:`start_kg_serve`, the console script beside this interpreter).

Used by the remote benchmark (:mod:`benchmarks.bench_remote`), the serve benchmark
(:mod:`benchmarks.bench_serve`) and by the test
fixtures in ``tests/servers.py``; no pytest, no kg imports.  Every server listens on 127.0.0.1 on a free port, is waited for
with a bound (:data:`STARTUP_TIMEOUT`) and is stopped by its PID
(:meth:`ServerProcess.stop`: TERM, then KILL after 10 s).

>>> jar = fuseki_jar()                                   # doctest: +SKIP
>>> server = start_fuseki(jar, Path("/tmp/f"), ["--mem", "/ds"], dataset="ds")  # doctest: +SKIP
>>> server.dataset_url                                   # doctest: +SKIP
'http://127.0.0.1:41233/ds'
>>> server.stop()                                        # doctest: +SKIP
"""

from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "FUSEKI_CACHE",
    "FUSEKI_VERSION",
    "STARTUP_TIMEOUT",
    "ServerProcess",
    "ServerUnavailable",
    "free_port",
    "fuseki_jar",
    "oxigraph_binary",
    "start_fuseki",
    "start_kg_serve",
    "start_oxigraph",
    "wait_until_up",
]

REPO = Path(__file__).resolve().parents[1]
#: Fuseki version fetched from Maven Central (env ``FUSEKI_VERSION``).
FUSEKI_VERSION = os.environ.get("FUSEKI_VERSION", "5.6.0")
#: where the jar is cached: ``<repo>/.cache/fuseki`` (git-ignored).
FUSEKI_CACHE = REPO / ".cache" / "fuseki"
#: seconds to wait for a server to answer; Fuseki starts in ~1.5 s, Oxigraph in < 0.5 s.
STARTUP_TIMEOUT = 90.0


class ServerUnavailable(RuntimeError):
    """A server cannot be fetched or started (no Java, no Maven, no binary,
    or it did not answer in time); the message says what to install."""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class ServerProcess:
    """A started server.

    :param name: label (``fuseki``, ``oxigraph``).
    :param url: base URL ``http://127.0.0.1:PORT``.
    :param proc: its process.
    :param log: file with its stdout/stderr.
    :param startup_seconds: wall seconds from start until it answered.
    :param dataset: Fuseki dataset name, or ``None``.
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
        """The last ``n`` lines of the server's log."""
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


def wait_until_up(server: ServerProcess, probe: str, started: float, auth: tuple[str, str] | None = None,
                  timeout: float = STARTUP_TIMEOUT) -> None:
    """Poll ``probe`` until the server answers with a status < 500.

    :raises ServerUnavailable: the process exited, or no answer within ``timeout`` s (it is then stopped).
    """
    deadline = started + timeout
    req = urllib.request.Request(probe)
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        req.add_header("Authorization", f"Basic {token}")
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise ServerUnavailable(f"{server.name} exited with code {server.proc.returncode}:\n{server.log_tail()}")
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
    raise ServerUnavailable(f"{server.name} did not answer {probe} within {timeout} s:\n{server.log_tail()}")


def fuseki_jar(version: str = FUSEKI_VERSION, cache: Path = FUSEKI_CACHE) -> Path:
    """The Fuseki server jar, fetched with Maven (``.ci/fetch-fuseki.sh``) into ``cache`` if missing.

    :raises ServerUnavailable: no Java, or the jar is missing and cannot be fetched.
    """
    if shutil.which("java") is None:
        raise ServerUnavailable("Java is not installed (needed for Apache Jena Fuseki): "
                                "apt-get install openjdk-17-jre-headless")
    jar = cache / f"jena-fuseki-server-{version}.jar"
    if jar.is_file():
        return jar
    script = REPO / ".ci" / "fetch-fuseki.sh"
    if not script.is_file():
        raise ServerUnavailable(f"{jar} is missing and {script} is not there to fetch it")
    if shutil.which("mvn") is None:
        raise ServerUnavailable(f"{jar} is missing and Maven is not installed to fetch it (apt-get install maven)")
    res = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=600, check=False,
                         env={**os.environ, "FUSEKI_VERSION": version, "FUSEKI_CACHE": str(cache)})
    if res.returncode != 0 or not jar.is_file():
        raise ServerUnavailable(f"could not fetch Fuseki with Maven: {res.stderr.strip()[-500:]}")
    return jar


def start_fuseki(jar: Path, workdir: Path, args: list[str], *, name: str = "fuseki", dataset: str | None = None,
                 auth: tuple[str, str] | None = None, heap: str = "512m") -> ServerProcess:
    """Start Fuseki on 127.0.0.1:free port, FUSEKI_BASE in ``workdir``, and wait until ``/$/ping`` answers.

    :param args: Fuseki arguments, e.g. ``["--mem", "/ds"]``.
    :param heap: Java ``-Xmx`` value.
    :raises ServerUnavailable: it exited or did not answer in time.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = workdir / "fuseki.log"
    cmd = ["java", f"-Xmx{heap}", "-jar", str(jar.resolve()), "--localhost", "--port", str(port), "--ping", *args]
    env = {**os.environ, "FUSEKI_BASE": str(workdir / "run")}
    started = time.monotonic()
    with open(log, "wb") as fh:
        proc = subprocess.Popen(cmd, cwd=workdir, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env)
    server = ServerProcess(name, f"http://127.0.0.1:{port}", proc, log, dataset=dataset)
    if auth:
        server.user, server.password = auth
    wait_until_up(server, f"{server.url}/$/ping", started, auth)
    return server


def oxigraph_binary() -> Path:
    """The ``oxigraph`` server binary next to this Python, else on ``PATH``.

    :raises ServerUnavailable: not installed.
    """
    binary = Path(sys.executable).parent / "oxigraph"
    if binary.exists():
        return binary
    found = shutil.which("oxigraph")
    if found is None:
        raise ServerUnavailable("the oxigraph server binary is missing: pip install oxigraph (in the test extra)")
    return Path(found)


def start_oxigraph(workdir: Path, binary: Path | None = None) -> ServerProcess:
    """``oxigraph serve --location workdir/db --bind 127.0.0.1:PORT``, waited for.

    Endpoints: ``/query``, ``/update``, ``/store``.

    :raises ServerUnavailable: binary missing, it exited or did not answer in time.
    """
    binary = binary or oxigraph_binary()
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = workdir / "oxigraph.log"
    started = time.monotonic()
    with open(log, "wb") as fh:
        proc = subprocess.Popen(
            [str(binary), "serve", "--location", str(workdir / "db"), "--bind", f"127.0.0.1:{port}"],
            stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    server = ServerProcess("oxigraph", f"http://127.0.0.1:{port}", proc, log)
    wait_until_up(server, f"{server.url}/query?query=ASK%7B%7D", started)
    return server


def start_kg_serve(args: list[str], log: Path, *, token: str | None = None, timeout: float = 90.0) -> ServerProcess:
    """``kg serve ARGS --port P`` (the ``kg`` script beside this interpreter) on 127.0.0.1 at a free port,
    waited for on ``/health`` (with the token as basic auth password when given); env ``KG_SERVE_TOKEN``
    is not passed on.

    :raises ServerUnavailable: it exited, or did not answer within ``timeout`` s (it is then stopped).
    """
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "KG_SERVE_TOKEN"}
    kg = str(Path(sys.executable).with_name("kg"))
    with open(log, "wb") as fh:
        proc = subprocess.Popen([kg, "serve", *args, "--port", str(port)], stdout=fh, stderr=subprocess.STDOUT,
                                env=env)
    server = ServerProcess("kg serve", f"http://127.0.0.1:{port}", proc, log)
    wait_until_up(server, server.url + "/health", time.monotonic(), auth=("kg", token) if token else None,
                  timeout=timeout)
    return server
