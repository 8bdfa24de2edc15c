"""Every stored query gives the same rows on embedded pyoxigraph, Fuseki and Oxigraph server.

Each server here is this module's own process (own dataset), so no other
test's data mixes in.  Data: tests/_rdf_fixtures.py and the real extraction of
tests/_queries_fixtures.py as N-Quads (one named graph per article); neither
server's default graph is their union.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from kg.queries import Catalog
from kg.rdf.build import build_dataset
from kg.rdf.serialize import serialize_graph
from tests._queries_fixtures import build_store
from tests._queries_fixtures import nquads as extracted_quads
from tests._rdf_fixtures import RUN, results
from tests.servers import ServerProcess, _wait_until_up, free_port, start_fuseki, unavailable

pytestmark = pytest.mark.server

@pytest.fixture(scope="module")
def nq(nlp, tmp_path_factory) -> bytes:
    """Hand-made fixture graphs plus the graphs of a real extraction, as N-Quads."""
    store = build_store(nlp, tmp_path_factory.mktemp("queries-servers-data"))
    try:
        return serialize_graph(build_dataset(results(), RUN), "nquads") + extracted_quads(store)
    finally:
        store.close()


def _cases() -> list[tuple[str, dict[str, str]]]:
    cases = []
    for q in Catalog().list():
        if q.form == "SELECT":
            cases.append((q.name, {}))
    cases += [
        ("who-accused-whom", {"actor": "Q30"}),
        ("statements-by-actor", {"actor": "Q43", "type": "PRAISE,THREATEN", "since": "2016-10-12"}),
        ("statements-with-evidence", {"target": "Q794", "limit": "2"}),
        ("who-threatened-whom", {"since": "2020-01-01", "until": "2020-02-01"}),
        ("actor-network", {"type": "ACCUSE,THREATEN", "since": "2020-01-01"}),
        ("top-speakers", {"type": "ACCUSE,CRITICIZE", "until": "2020-02-20"}),
        ("top-targets", {"since": "2020-02-01", "limit": "3"}),
        ("actor-timeline", {"actor": "Q794", "type": "ACCUSE,WARN"}),
        ("statements-in-period", {"since": "2020-02-01", "until": "2020-03-01"}),
        ("statements-from-publisher", {"publisher": "WIRE"}),
        ("actors-by-country", {"country": "Q794"}),
        ("actors-by-country", {"cameo": "usa"}),
        ("plover-categories", {"since": "2020-01-01"}),
        ("statements-by-type", {"until": "2020-02-15"}),
    ]
    return cases


def _embedded_rows(data: bytes, text: str) -> list[tuple]:
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.N_QUADS)
    res = store.query(text)
    names = [v.value for v in res.variables]
    return [tuple(None if r[n] is None else r[n].value for n in names) for r in res]


def _http_rows(endpoint: str, text: str) -> list[tuple]:
    resp = requests.post(endpoint, data={"query": text}, headers={"Accept": "application/sparql-results+json"}, timeout=30)
    resp.raise_for_status()
    data = resp.json()
    names = data["head"]["vars"]
    return [tuple(b[n]["value"] if n in b else None for n in names) for b in data["results"]["bindings"]]


@pytest.fixture(scope="module")
def fuseki(fuseki_jar: Path, tmp_path_factory: pytest.TempPathFactory, nq: bytes):
    server = start_fuseki(fuseki_jar, tmp_path_factory.mktemp("fuseki-queries"), ["--mem", "--update", "/kgq"], dataset="kgq")
    try:
        r = requests.post(f"{server.dataset_url}/data", data=nq,
                          headers={"Content-Type": "application/n-quads"}, timeout=60)
        r.raise_for_status()
        yield f"{server.dataset_url}/query"
    finally:
        server.stop()


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory, nq: bytes):
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        found = shutil.which("oxigraph")
        if found is None:
            unavailable("the oxigraph server binary is missing: pip install oxigraph")
        binary = Path(found)
    work = tmp_path_factory.mktemp("oxigraph-queries")
    port = free_port()
    started = time.monotonic()
    with open(work / "oxigraph.log", "wb") as fh:
        proc = subprocess.Popen([str(binary), "serve", "--location", str(work / "db"), "--bind", f"127.0.0.1:{port}"],
                                stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = ServerProcess("oxigraph", f"http://127.0.0.1:{port}", proc, work / "oxigraph.log")
    try:
        _wait_until_up(server, f"{server.url}/query?query=ASK%7B%7D", started)
        r = requests.post(f"{server.url}/store", data=nq, headers={"Content-Type": "application/n-quads"}, timeout=60)
        r.raise_for_status()
        yield f"{server.url}/query"
    finally:
        server.stop()


@pytest.mark.parametrize(("name", "params"), _cases(), ids=lambda x: x if isinstance(x, str) else ",".join(x))
def test_queries_servers_same_rows(fuseki, oxigraph, nq, name, params):
    text = Catalog().get(name).bind(params)
    expected = _embedded_rows(nq, text)
    assert expected, f"{name}: no rows on the embedded store"
    assert _http_rows(oxigraph, text) == expected, "Oxigraph server differs"
    assert _http_rows(fuseki, text) == expected, "Fuseki differs"
