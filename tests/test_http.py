"""kg.http, the one HTTP client: retries, backoff, Retry-After, User-Agent,
timeouts, basic auth and numbered errors, against a real HTTP server on
127.0.0.1 (``http.server`` in a thread, scripted answers; no mocks).

The SPARQLWrapper path of kg.link.update is checked against the same server
(it must send kg's User-Agent).
"""

from __future__ import annotations

import base64
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from kg import __version__, http
from kg.errors import EndpointError


@dataclass
class Scripted:
    """Answers per path: a list of statuses served in turn (the last one repeats)."""

    url: str = ""
    script: dict[str, list[int]] = field(default_factory=dict)
    headers: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hits(self, path: str) -> int:
        with self.lock:
            return len(self.headers.get(path, []))


def _handler(state: Scripted) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            path = self.path.split("?", 1)[0]
            with state.lock:
                seen = state.headers.setdefault(path, [])
                seen.append(dict(self.headers.items()))
                plan = state.script.get(path, [200])
                status = plan[min(len(seen), len(plan)) - 1]
            if path.startswith("/slow"):
                time.sleep(1.0)
            if path.startswith("/auth") and self.headers.get("Authorization") != "Basic " + base64.b64encode(b"kg:s3cret").decode():
                status = 401
            body = json.dumps({"head": {"vars": []}, "results": {"bindings": []}}).encode() if status == 200 else b"busy"
            self.send_response(status)
            if status == 429 or path.startswith("/after"):
                self.send_header("Retry-After", "1")
            self.send_header("Content-Type", "application/sparql-results+json" if status == 200 else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _answer

        def log_message(self, *args: object) -> None:  # quiet
            pass

    return Handler


@pytest.fixture()
def server() -> Iterator[Scripted]:
    state = Scripted()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


FAST = http.HttpOptions(timeout=5.0, retries=3, backoff=0.01)


def test_http_503_then_200_is_retried(server: Scripted) -> None:
    server.script["/flaky"] = [503, 503, 200]
    with http.make_session(options=FAST) as s:
        resp = http.request(s, "GET", server.url + "/flaky", FAST)
    assert resp.status_code == 200 and server.hits("/flaky") == 3


def test_http_gives_up_after_retries_with_e063_naming_the_endpoint(server: Scripted) -> None:
    server.script["/down"] = [503]
    with http.make_session(options=FAST) as s, pytest.raises(EndpointError) as err:
        http.request(s, "GET", server.url + "/down?query=x", FAST)
    assert err.value.code == "E063" and err.value.fields["status"] == 503
    assert server.url + "/down" in str(err.value) and "query=x" not in str(err.value)
    assert server.hits("/down") == 1 + FAST.retries


@pytest.mark.parametrize(("status", "code"), [(400, "E063"), (401, "E061"), (404, "E062"), (500, "E063")])
def test_http_4xx_and_500_are_not_retried(server: Scripted, status: int, code: str) -> None:
    server.script["/bad"] = [status]
    with http.make_session(options=FAST) as s, pytest.raises(EndpointError) as err:
        http.request(s, "POST", server.url + "/bad", FAST, data=b"x")
    assert err.value.code == code and server.hits("/bad") == 1


def test_http_retry_status_and_retry_after_are_options(server: Scripted) -> None:
    """Online linking retries 429 too; a Retry-After wait is honoured but capped."""
    opts = http.HttpOptions(timeout=5.0, retries=2, backoff=0.01, retry_status=(429,), max_retry_after=0.2)
    server.script["/throttled"] = [429, 200]
    t0 = time.monotonic()
    with http.make_session(options=opts) as s:
        resp = http.send(s, "GET", server.url + "/throttled", opts)
    assert resp.status_code == 200 and server.hits("/throttled") == 2
    assert time.monotonic() - t0 < 0.9, "Retry-After: 1 must be capped at max_retry_after"


def test_http_send_returns_error_answers_unchecked(server: Scripted) -> None:
    server.script["/gone"] = [404]
    with http.make_session(options=FAST) as s:
        assert http.send(s, "GET", server.url + "/gone", FAST).status_code == 404


def test_http_user_agent_names_kg_version_project_and_contact(server: Scripted, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_CONTACT", "ops@example.org")
    with http.make_session(options=FAST) as s:
        http.request(s, "GET", server.url + "/ua", FAST)
    ua = server.headers["/ua"][0]["User-Agent"]
    assert ua.startswith(f"kg/{__version__} ({http.PROJECT_URL}; ops@example.org) requests/")
    assert ua == http.user_agent()


def test_http_basic_auth_and_credentials_never_shown(server: Scripted) -> None:
    with http.make_session("kg", "s3cret", FAST) as s:
        assert http.request(s, "GET", server.url + "/auth", FAST).status_code == 200
    with http.make_session("kg", "wrong", FAST) as s, pytest.raises(EndpointError) as err:
        http.request(s, "GET", server.url.replace("http://", "http://kg:wrong@") + "/auth", FAST)
    assert err.value.code == "E061" and "wrong" not in str(err.value)


def test_http_read_timeout_is_e064_and_not_retried(server: Scripted) -> None:
    opts = http.HttpOptions(timeout=0.3, retries=3, backoff=0.01)
    with http.make_session(options=opts) as s, pytest.raises(EndpointError) as err:
        http.request(s, "GET", server.url + "/slow", opts)
    assert err.value.code == "E064" and server.hits("/slow") == 1


def test_http_connect_timeouts_pair() -> None:
    assert http.HttpOptions(timeout=20.0, connect_timeout=3.05).timeouts == (3.05, 20.0)
    assert http.HttpOptions(timeout=7.0).timeouts == 7.0


def test_http_nothing_listening_is_e060() -> None:
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    opts = http.HttpOptions(timeout=2.0, retries=1, backoff=0.01)
    with http.make_session(options=opts) as s, pytest.raises(EndpointError) as err:
        http.request(s, "GET", f"http://127.0.0.1:{port}/x", opts)
    assert err.value.code == "E060" and f"127.0.0.1:{port}" in str(err.value)


def test_http_sparqlwrapper_sends_kg_user_agent(server: Scripted) -> None:
    from kg.link.update import select_rows

    assert select_rows(server.url + "/sparql", "SELECT * WHERE { ?s ?p ?o }", 5) == []
    ua = server.headers["/sparql"][0]["User-Agent"]
    assert ua.startswith(f"kg/{__version__} ({http.PROJECT_URL}; ") and "SPARQLWrapper/" in ua


def test_http_sparqlwrapper_errors_are_numbered(server: Scripted) -> None:
    from kg.link.update import select_rows

    server.script["/sparql-down"] = [500]
    with pytest.raises(EndpointError) as err:
        select_rows(server.url + "/sparql-down", "SELECT * WHERE { ?s ?p ?o }", 5)
    assert err.value.code.startswith("E06") and "/sparql-down" in str(err.value)
