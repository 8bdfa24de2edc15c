"""Remote failures map to E060-E064, with bounded retries -- all on 127.0.0.1:
real Fuseki servers and a real local http.server that fails on purpose."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kg.errors import EndpointError
from kg.store import PartialLoadError, open_store
from kg.store.fuseki import create_dataset, dataset_exists, split_dataset_url
from kg.store.sparql import Endpoints, SparqlStore
from tests.servers import (  # noqa: F401  (fixtures)
    FaultServer,
    ServerProcess,
    fault_server,
    free_port,
    fuseki_auth_server,
    fuseki_jar,
    fuseki_server,
)

pytestmark = pytest.mark.server
NT = b'<https://example.org/s> <https://example.org/p> "o" .\n'


def _fault_store(fault: FaultServer, prefix: str, **kw: object) -> SparqlStore:
    base = f"{fault.url}{prefix}"
    opts = {"timeout": 5.0, "retries": 2, "backoff": 0.01, **kw}
    return SparqlStore(Endpoints(f"{base}/query", f"{base}/update", f"{base}/data"), **opts)  # type: ignore[arg-type]


def test_store_faults_server_not_started_is_e060() -> None:
    port = free_port()  # nothing listens there
    t0 = time.monotonic()
    with open_store(endpoint=f"http://127.0.0.1:{port}/ds", timeout=5, retries=1) as s:
        with pytest.raises(EndpointError) as err:
            s.count()
    assert err.value.code == "E060"
    assert f"127.0.0.1:{port}/ds/query" in str(err.value)
    assert "connection refused" in str(err.value)
    assert time.monotonic() - t0 < 10


def test_store_faults_wrong_password_is_e061(fuseki_auth_server: ServerProcess) -> None:
    url = fuseki_auth_server.dataset_url
    with open_store(endpoint=url, user="kg", password="wrong-password", retries=0) as s:
        with pytest.raises(EndpointError) as err:
            s.count()
    assert err.value.code == "E061"
    assert "wrong-password" not in str(err.value) and "wrong-password" not in repr(s)
    with open_store(endpoint=url, retries=0) as s:  # no credentials at all
        with pytest.raises(EndpointError) as err:
            s.replace_graph("https://example.org/g", NT)
    assert err.value.code == "E061"


def test_store_faults_right_password_from_env(fuseki_auth_server: ServerProcess, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_PASSWORD", fuseki_auth_server.password or "")
    with open_store(endpoint=fuseki_auth_server.dataset_url, user="kg") as s:
        s.replace_graph("https://example.org/g", NT)
        assert s.count("https://example.org/g") == 1
        s.drop_graph("https://example.org/g")


def test_store_faults_missing_dataset_is_e062(fuseki_server: ServerProcess) -> None:
    with open_store(endpoint=f"{fuseki_server.url}/no-such-dataset", retries=0) as s:
        with pytest.raises(EndpointError) as err:
            s.graphs()
    assert err.value.code == "E062"
    assert "kg fuseki create" in str(err.value)
    with open_store(endpoint=f"{fuseki_server.url}/no-such-dataset", retries=0) as s:
        # Fuseki answers a PUT/POST there with 405; kg still says E062
        with pytest.raises(EndpointError) as err:
            s.replace_graph("https://example.org/g", NT)
        assert err.value.code == "E062"
        with pytest.raises(EndpointError) as err:
            s.update("CLEAR ALL")
        assert err.value.code == "E062"


def test_store_faults_malformed_data_is_e063_with_server_message(fuseki_server: ServerProcess) -> None:
    with open_store(endpoint=fuseki_server.dataset_url, retries=0) as s:
        with pytest.raises(EndpointError) as err:
            s.replace_graph("https://example.org/g", b'<https://example.org/s> <https://example.org/p> .\n')
        assert err.value.code == "E063"
        assert err.value.fields["status"] == 400
        assert "line: 1" in str(err.value)  # Fuseki's parser message is passed on
        with pytest.raises(EndpointError) as err:
            s.query("SELEC ?x WHERE {}")
        assert err.value.code == "E063" and "Lexical error" in str(err.value)
        assert s.count("https://example.org/g") == 0


def test_store_faults_slow_server_is_e064_without_retry(fault_server: FaultServer) -> None:
    fault_server.reset()
    store = SparqlStore(Endpoints(f"{fault_server.url}/slow/3"), timeout=0.5, retries=3, backoff=0.01)
    t0 = time.monotonic()
    with pytest.raises(EndpointError) as err:
        store.query("ASK {}")
    elapsed = time.monotonic() - t0
    assert err.value.code == "E064" and "0.5 s" in str(err.value)
    assert fault_server.count("/slow/3") == 1  # a timeout is not retried
    assert elapsed < 2.5


def test_store_faults_transient_503_is_retried(fault_server: FaultServer) -> None:
    fault_server.reset()
    with _fault_store(fault_server, "/flaky/2") as s:
        res = s.query("SELECT ?x WHERE {}")
    assert [r[0].value for r in res.rows] == ["ok"]
    assert fault_server.count("/flaky/2/query") == 3


def test_store_faults_503_gives_up_after_retries(fault_server: FaultServer) -> None:
    fault_server.reset()
    with _fault_store(fault_server, "/status/503", retries=2) as s:
        with pytest.raises(EndpointError) as err:
            s.update("CLEAR ALL")
    assert err.value.code == "E063" and err.value.fields["status"] == 503
    assert fault_server.count("/status/503/update") == 3  # 1 + 2 retries


@pytest.mark.parametrize(("status", "code"), [(401, "E061"), (403, "E061"), (404, "E062"), (400, "E063"), (500, "E063")])
def test_store_faults_4xx_and_500_not_retried(fault_server: FaultServer, status: int, code: str) -> None:
    fault_server.reset()
    with _fault_store(fault_server, f"/status/{status}", retries=3) as s:
        with pytest.raises(EndpointError) as err:
            s.query("ASK {}")
    assert err.value.code == code
    assert fault_server.count(f"/status/{status}/query") == 1


def test_store_faults_partial_load_reports_graphs(fault_server: FaultServer, tmp_path: Path) -> None:
    """The server accepts 3 requests then fails: the error lists what was loaded.  (The first request is
    the ASK that tells whether the dataset is empty, kg/store/edges.py; then two graphs.)"""
    fault_server.reset()
    f = tmp_path / "four.nq"
    f.write_text("".join(f'<https://example.org/s{i}> <https://example.org/p> "{i}" <https://example.org/g{i}> .\n' for i in range(4)))
    with _fault_store(fault_server, "/accept/3", chunk_size=1, retries=0) as s:
        with pytest.raises(PartialLoadError) as err:
            s.load_file(f)
    e = err.value
    assert e.code == "E063" and isinstance(e, EndpointError)
    assert e.loaded == ["https://example.org/g0", "https://example.org/g1"]
    assert e.not_loaded == ["https://example.org/g2", "https://example.org/g3"]
    assert "Loaded 2 graph(s)" in str(e)


def test_store_faults_fuseki_create_dataset(fuseki_server: ServerProcess) -> None:
    base = fuseki_server.url
    assert dataset_exists(base, "ds")
    assert not dataset_exists(base, "news-mem")
    assert create_dataset(base, "news-mem", tdb2=False) is True
    assert create_dataset(base, "news-tdb2", tdb2=True) is True
    assert dataset_exists(base, "news-mem") and dataset_exists(base, "news-tdb2")
    assert create_dataset(base, "news-mem", tdb2=False, exist_ok=True) is False
    with pytest.raises(EndpointError) as err:
        create_dataset(base, "news-mem", tdb2=False)
    assert err.value.code == "E063" and "already exists" in str(err.value)
    with open_store(endpoint=f"{base}/news-tdb2") as s:
        s.replace_graph("https://example.org/g", NT)
        s.replace_graph("https://example.org/g", NT)
        assert s.count() == 1
    assert split_dataset_url(f"{base}/news-tdb2/query") == (base, "news-tdb2")


def test_store_faults_fuseki_admin_needs_credentials(fuseki_auth_server: ServerProcess) -> None:
    base = fuseki_auth_server.url
    with pytest.raises(EndpointError) as err:
        dataset_exists(base, "ds", retries=0)
    assert err.value.code == "E061"
    auth = ("kg", fuseki_auth_server.password)
    assert create_dataset(base, "secured", tdb2=False, auth=auth) is True
    assert dataset_exists(base, "secured", auth=auth)
