"""The main job against a real Apache Jena Fuseki (started by tests/servers.py):
kg run --endpoint, queries through the server, idempotent re-runs, resume,
kg fuseki create, and a clear error for a missing dataset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "kg" / "data" / "articles" / "seed_article.txt"
runner = CliRunner()


def _count(url: str) -> int:
    res = runner.invoke(app, ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                              "--endpoint", url, "-f", "json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)[0]["n"]


def test_cli_fuseki_main_job_into_fuseki(fuseki_server, nlp):
    create = runner.invoke(app, ["fuseki", "create", "news", "--url", fuseki_server.url])
    assert create.exit_code == 0, create.output
    url = f"{fuseki_server.url}/news"
    res = runner.invoke(app, ["run", str(SEED), "--endpoint", url, "--jobs", "1", "--json"])
    assert res.exit_code == 0, res.output
    first = _count(url)
    assert first > 100
    rows = runner.invoke(app, ["query", "who-accused-whom", "--endpoint", url, "-f", "json"])
    assert rows.exit_code == 0, rows.output
    accused = {(r["actor"], r["target_qid"]) for r in json.loads(rows.output)}
    assert {("Hossein Dehghan", q) for q in ("Q30", "Q851", "Q846", "Q43")} <= accused  # linked: Q14514593
    # a re-run skips the article (same content hash); --force reloads it; neither duplicates
    again = runner.invoke(app, ["run", str(SEED), "--endpoint", url, "--jobs", "1", "--json"])
    assert again.exit_code == 0, again.output
    assert _count(url) == first
    forced = runner.invoke(app, ["run", str(SEED), "--endpoint", url, "--jobs", "1", "--force"])
    assert forced.exit_code == 0, forced.output
    assert _count(url) == first


def test_cli_fuseki_missing_dataset_is_one_clear_line(fuseki_server):
    res = runner.invoke(app, ["query", "who-accused-whom", "--endpoint", f"{fuseki_server.url}/no-such-dataset"])
    assert res.exit_code == 1
    assert "E062" in res.output and "kg fuseki create" in res.output and "Traceback" not in res.output


def test_cli_fuseki_unreachable_server_is_one_clear_line():
    res = runner.invoke(app, ["query", "who-accused-whom", "--endpoint", "http://127.0.0.1:9/ds", "--timeout", "3"])
    assert res.exit_code == 1
    assert "E060" in res.output and "127.0.0.1:9" in res.output and "Traceback" not in res.output
