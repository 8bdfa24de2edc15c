"""The kg command line, run in-process with Typer's runner and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "kg" / "data" / "articles" / "seed_article.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory, nlp):
    store = tmp_path_factory.mktemp("cli") / "store"
    res = runner.invoke(app, ["run", str(SEED), "--store", str(store)])
    assert res.exit_code == 0, res.output
    return store


def test_cli_every_command_has_help():
    for cmd in ["run", "extract", "load", "query", "sparql", "evaluate", "validate", "info", "kb", "fuseki"]:
        res = runner.invoke(app, [cmd, "--help"])
        assert res.exit_code == 0, cmd
        assert "Usage" in res.output


def test_cli_query_who_accused_whom_csv(seeded_store):
    res = runner.invoke(app, ["query", "who-accused-whom", "--store", str(seeded_store), "--format", "csv"])
    assert res.exit_code == 0, res.output
    lines = res.output.strip().splitlines()
    assert lines[0].startswith("actor,actor_qid,target,target_qid")
    assert any(line.startswith("Hossein Dehghan,Q14514593,Saudi Arabia,Q851,ACCUSE") for line in lines)


def test_cli_query_forgiving_actor_name(seeded_store):
    res = runner.invoke(app, ["query", "statements-by-actor", "--param", "actor=dehghan",
                              "--store", str(seeded_store), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert rows and {r["actor"] for r in rows} == {"Hossein Dehghan"}  # the KB's spelling, Q14514593


def test_cli_query_injection_is_bound_not_executed(seeded_store):
    from kg.store.registry import open_store

    with open_store(store_path=seeded_store) as st:
        before = st.count()
    evil = '" } ; DROP ALL ; #'
    res = runner.invoke(app, ["query", "statements-about", "--param", f"target={evil}", "--store", str(seeded_store), "-f", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == [] and "E028" in res.stderr  # the answer on stdout, the warning on stderr
    with open_store(store_path=seeded_store) as st:
        assert st.count() == before


def test_cli_query_unknown_name_and_param_are_one_line_usage_errors(seeded_store):
    res = runner.invoke(app, ["query", "no-such-query", "--store", str(seeded_store)])
    assert res.exit_code == 2 and "E020" in res.output and "Traceback" not in res.output
    res = runner.invoke(app, ["query", "who-accused-whom", "-p", "colour=red", "--store", str(seeded_store)])
    assert res.exit_code == 2 and "E021" in res.output


def test_cli_sparql_ad_hoc(seeded_store):
    res = runner.invoke(app, ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                              "--store", str(seeded_store), "-f", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)[0]["n"] > 100


def test_cli_sparql_syntax_error_is_reported(seeded_store):
    res = runner.invoke(app, ["sparql", "SELECT WHERE {", "--store", str(seeded_store)])
    assert res.exit_code == 1
    assert "Traceback" not in res.output


def test_cli_run_exit_code_nonzero_when_something_skipped(tmp_path, nlp):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    res = runner.invoke(app, ["run", str(empty), str(SEED), "--store", str(tmp_path / "s"), "--json"])
    assert res.exit_code == 1
    summary = json.loads(res.stdout[res.stdout.index("{"):res.stdout.rindex("}") + 1])
    assert summary["articles"] == 1 and len(summary["skipped"]) == 1
    assert "empty.txt" in summary["skipped"][0]["origin"]


def test_cli_locked_store_is_reported_as_such(tmp_path, seeded_store):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('ready', flush=True); time.sleep(30)",
         str(seeded_store)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        # writing needs the lock: reported plainly
        res = runner.invoke(app, ["run", str(SEED), "--store", str(seeded_store)])
        assert res.exit_code == 1
        assert "E010" in res.output and "locked" in res.output
        # reading opens the store read-only and still works
        res = runner.invoke(app, ["query", "who-accused-whom", "--store", str(seeded_store), "-f", "csv"])
        assert res.exit_code == 0, res.output
    finally:
        holder.kill()
        holder.wait(timeout=10)


def test_cli_subprocess_stdin_article(tmp_path):
    kg = Path(sys.executable).with_name("kg")
    proc = subprocess.run(
        [str(kg), "--quiet", "extract", "-", "-o", str(tmp_path / "out.jsonl")],
        input="Germany condemned Russia on Monday.", text=True, capture_output=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    rec = json.loads((tmp_path / "out.jsonl").read_text().splitlines()[0])
    assert rec["type"] == "CRITICIZE" and rec["targets"][0]["qid"] == "Q159"


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "markdown"])
def test_cli_query_list_honours_an_explicit_format(fmt):
    """kg query --list --format X prints the catalog in that format (it printed the table whatever X was),
    one row per stored query; without --format it stays the table."""
    res = runner.invoke(app, ["query", "--list", "--format", fmt])
    assert res.exit_code == 0, res.output
    assert "┃" not in res.output and "━" not in res.output
    assert "who-accused-whom" in res.output and "actor (actor)" in res.output
    if fmt == "json":
        rows = json.loads(res.output)
        assert {"name", "title", "parameters", "broken"} <= set(rows[0]) and len(rows) > 10
    if fmt == "tsv":
        assert res.output.splitlines()[0] == "?name\t?title\t?parameters\t?broken"
    assert runner.invoke(app, ["query", "--list", "--format", "xml"]).exit_code == 2


def test_cli_query_list_default_is_the_table():
    res = runner.invoke(app, ["query", "--list"])
    assert res.exit_code == 0 and "Stored queries" in res.output
