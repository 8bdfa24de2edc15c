"""Exit codes: 2 for every kind of usage error, 1 for runtime errors; every error printed has a number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import USAGE_CODES, KgError, Msg, UsageError
from kg.store.oxigraph import OxigraphStore

runner = CliRunner()
REMOTE = "http://127.0.0.1:9/news"  # never contacted: the usage checks come first


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("exit") / "store"
    with OxigraphStore(path):
        pass
    return path


@pytest.fixture(scope="module")
def nq_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("exit") / "one.nq"
    path.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> <http://example.org/g> .\n",
                    encoding="utf-8")
    return path


def _flat(output: str) -> str:
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", output).split())


USAGE_CASES = [
    # (id, argv with {store} / {nq} / {tmp} placeholders, error code, words the message must hold)
    ("query-format", ["query", "who-accused-whom", "-f", "xml", "--store", "{store}"], "E026", "--format 'xml'"),
    ("sparql-format", ["sparql", "ASK {}", "-f", "yaml", "--store", "{store}"], "E026", "table, csv, tsv"),
    ("stats-format", ["stats", "-f", "csv", "--store", "{store}"], "E026", "table, json"),
    ("extract-format", ["extract", "{nq}", "-o", "{tmp}/x.out", "-f", "rdfxml"], "E026", "json-ld, jsonl"),
    ("extract-suffix", ["extract", "{nq}", "-o", "{tmp}/x.xml"], "E026", "--output 'x.xml'"),
    ("load-format", ["load", "{nq}", "-f", "rdfxml", "--store", "{store}"], "E026", "not a known RDF format"),
    ("graph-suffix", ["graph", "-o", "{tmp}/net.pdf", "--store", "{store}"], "E026", ".gexf"),
    ("timeline-suffix", ["timeline", "Trump", "-o", "{tmp}/t.gexf", "--store", "{store}"], "E026", ".png, .svg, .html"),
    ("server-remote", ["query", "who-accused-whom", "--endpoint", REMOTE, "--server", "virtuoso"], "E066",
     "fuseki, oxigraph, generic"),
    ("server-local", ["stats", "--server", "blazegraph", "--store", "{store}"], "E066", "--server 'blazegraph'"),
    ("timeout", ["sparql", "ASK {}", "--endpoint", REMOTE, "--timeout", "-1"], "E067", "--timeout -1.0 must be a positive number"),
    ("endpoint-url", ["info", "--endpoint", "localhost:3030/news"], "E065", "not a valid URL"),
    ("param-no-equals", ["query", "statements-by-actor", "-p", "actor", "--store", "{store}"], "E022", "key=value"),
    ("param-bad-value", ["query", "who-accused-whom", "-p", "limit=ten", "--store", "{store}"], "E022", "limit"),
    ("param-unknown", ["query", "who-accused-whom", "-p", "colour=red", "--store", "{store}"], "E021", "colour"),
    ("param-twice", ["query", "who-accused-whom", "-p", "actor=Arnor", "-p", "actor=Gondor", "--store", "{store}"],
     "E022", "given twice"),
    ("query-unknown", ["query", "who-blamed-whom", "--store", "{store}"], "E020", "kg query --list"),
    ("queries-missing", ["query", "--list", "--queries", "{tmp}/no-such-folder"], "E031",
     "--queries {tmp}/no-such-folder: no such folder"),
    ("queries-missing-run", ["query", "who-accused-whom", "--queries", "{tmp}/nope", "--store", "{store}"], "E031",
     "no such folder"),
    ("queries-env-missing", ["query", "--list", "--env", "KG_QUERIES={tmp}/gone"], "E031", "KG_QUERIES"),
    ("graph-queries-missing", ["graph", "-o", "{tmp}/net.png", "--queries", "{tmp}/nope", "--store", "{store}"], "E031",
     "--queries"),
    ("serve-queries-missing", ["serve", "--queries", "{tmp}/nope", "--store", "{store}"], "E031", "no such folder"),
    ("engine", ["run", "{nq}", "--engine", "spark", "--store", "{store}"], "E071", "local, dask"),
    ("kb-update-no-query", ["kb", "update", "--endpoint", REMOTE], "E072", "kg kb update needs --query FILE.rq"),
    ("dask-format", ["extract", "{nq}", "-o", "{tmp}/shards", "--engine", "dask", "-f", "ttl"], "E035", "N-Quads"),
    ("update-missing", ["sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "--store", "{store}"], "E025",
     "--update"),
    ("update-on-query", ["sparql", "ASK {}", "--update", "--store", "{store}"], "E027", "without --update"),
    ("typer-bad-int", ["query", "who-accused-whom", "--limit", "ten"], "E070", "--limit"),
    ("typer-min", ["run", "{nq}", "--batch-size", "0"], "E070", "--batch-size"),
    ("typer-unknown-option", ["info", "--colour"], "E070", "--colour"),
    ("typer-missing-argument", ["timeline", "-o", "x.png"], "E070", "Missing argument"),
    ("typer-unknown-command", ["frobnicate"], "E070", "No such command"),
    ("typer-unknown-subcommand", ["kb", "rebuild"], "E070", "No such command"),
]


@pytest.mark.parametrize(("argv", "code", "words"), [c[1:] for c in USAGE_CASES], ids=[c[0] for c in USAGE_CASES])
def test_cli_usage_error_exits_2_with_a_numbered_message(argv, code, words, empty_store, nq_file, tmp_path):
    args = [a.replace("{store}", str(empty_store)).replace("{nq}", str(nq_file)).replace("{tmp}", str(tmp_path))
            for a in argv]
    env = {}
    if "--env" in args:  # an environment variable for the command, not an option of it
        i = args.index("--env")
        key, _, value = args.pop(i + 1).partition("=")
        args.pop(i)
        env[key] = value
    res = runner.invoke(app, args, env=env)
    flat = _flat(res.output)
    assert res.exit_code == 2, flat
    assert f"{code}: " in flat and words.replace("{tmp}", str(tmp_path)) in flat, flat
    assert "Traceback" not in flat
    assert not list(tmp_path.iterdir()), "a usage error writes nothing"


def test_cli_runtime_errors_exit_1(empty_store, tmp_path):
    res = runner.invoke(app, ["load", str(tmp_path / "missing.nq"), "--store", str(empty_store)])
    assert res.exit_code == 1 and "E007" in _flat(res.output)
    res = runner.invoke(app, ["graph", "-o", str(tmp_path / "net.png"), "--store", str(empty_store)])
    assert res.exit_code == 1 and "E029" in _flat(res.output) and not (tmp_path / "net.png").exists()
    res = runner.invoke(app, ["timeline", "Nobody", "-o", str(tmp_path / "t.png"), "--store", str(empty_store)])
    assert res.exit_code == 1 and "E028" in _flat(res.output)
    res = runner.invoke(app, ["sparql", "SELECT WHERE {", "--store", str(empty_store)])
    assert res.exit_code == 1 and "E024" in _flat(res.output)


def test_cli_query_actor_matching_nothing_warns(empty_store):
    """An actor parameter that matches no actor gives the (empty) answer and says so on stderr."""
    res = runner.invoke(app, ["query", "who-accused-whom", "-p", "actor=Zzyzx Qwerty", "-f", "csv",
                              "--store", str(empty_store)])
    flat = _flat(res.output)
    assert res.exit_code == 0 and "warning: E028" in flat and "'Zzyzx Qwerty'" in flat


def test_cli_exit_code_follows_the_message():
    assert KgError(Msg.E026, option="-f", value="x", what="output", choices="a").exit_code == 2
    assert KgError(Msg.E007, path="x").exit_code == 1
    # a bad --timeout is its own usage error (E067); a bad timeout in the config file or env is an input error (E008)
    assert KgError(Msg.E067, option="--timeout", value=-1.0).exit_code == 2
    assert KgError(Msg.E008, origin="KG_TIMEOUT", field="timeout", expected="a positive number", got="'-1'").exit_code == 1
    assert UsageError(Msg.E008, origin="x", field="f", expected="e", got="g").exit_code == 2  # the class can say so
    assert USAGE_CODES <= {m.name for m in Msg}


def test_cli_query_bad_user_query_file_is_reported_and_the_others_work(empty_store, tmp_path):
    """One .rq file with a bad header: a numbered warning naming it; --list shows it broken; other queries run."""
    (tmp_path / "count-graphs.rq").write_text(
        "# title: Count graphs\n# description: How many named graphs.\n"
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }\n", encoding="utf-8")
    bad = tmp_path / "half-done.rq"
    bad.write_text("# title: Half done\n# colour: red\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    res = runner.invoke(app, ["query", "--list", "--queries", str(tmp_path)])
    assert res.exit_code == 0, res.output
    stderr = _flat(res.stderr)
    assert "warning: E023" in stderr and str(bad) in stderr and "unknown header field 'colour'" in stderr
    listing = _flat(res.stdout)
    assert "count-graphs Count graphs" in listing and "who-accused-whom" in listing
    assert re.search(r"half-done broken: E023", listing), listing
    res = runner.invoke(app, ["query", "count-graphs", "--queries", str(tmp_path), "-f", "json", "--store", str(empty_store)])
    assert res.exit_code == 0 and res.stdout.strip().startswith("[") and '"n": 0' in res.stdout, res.output
    assert "E023" in res.stderr and "half-done.rq" in res.stderr
    res = runner.invoke(app, ["query", "who-accused-whom", "--queries", str(tmp_path), "-f", "csv", "--store", str(empty_store)])
    assert res.exit_code == 0 and res.stdout.startswith("actor,"), res.output
    res = runner.invoke(app, ["query", "half-done", "--queries", str(tmp_path), "--store", str(empty_store)])
    assert res.exit_code == 1 and "E023" in _flat(res.output)


def test_cli_query_stored_query_with_a_sparql_syntax_error_names_its_file(empty_store, tmp_path):
    """A user's .rq whose header is good but whose SPARQL does not parse: one numbered error (E036, exit 1)
    naming the file, the query and where the parser stopped, and saying how to see the query as sent."""
    bad = tmp_path / "unclosed.rq"
    bad.write_text("# title: Unclosed\n# description: A brace is missing.\n"
                   "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } LIMIT 3\n", encoding="utf-8")
    res = runner.invoke(app, ["query", "unclosed", "--queries", str(tmp_path), "--store", str(empty_store)])
    flat = _flat(res.output)
    assert res.exit_code == 1, res.output
    assert "E036" in flat and str(bad) in flat and "'unclosed'" in flat and "--show-sparql" in flat, flat
    assert re.search(r"\b4:1\b", flat), flat  # the parser's line:column, counted in the file as written


def test_cli_sparql_file_with_a_syntax_error_names_the_file(empty_store, tmp_path):
    """kg sparql FILE.rq whose query (or update) does not parse: E037 naming the file, exit 1;
    the same text given inline keeps the plain E024 (there is no file to name)."""
    bad = tmp_path / "mine.rq"
    bad.write_text("# counts\nSELECT ?s WHERE { GRAPH ?g { ?s ?p ?o }\n", encoding="utf-8")
    res = runner.invoke(app, ["sparql", str(bad), "--store", str(empty_store)])
    flat = _flat(res.output)
    assert res.exit_code == 1 and "E037" in flat and str(bad) in flat and re.search(r"\b3:1\b", flat), flat
    upd = tmp_path / "upd.rq"
    upd.write_text("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> }\n", encoding="utf-8")
    res = runner.invoke(app, ["sparql", str(upd), "--update", "--store", str(empty_store)])
    assert res.exit_code == 1 and "E037" in _flat(res.output) and str(upd) in _flat(res.output), res.output
    res = runner.invoke(app, ["sparql", "SELECT ?s WHERE {", "--store", str(empty_store)])
    assert res.exit_code == 1 and "E024" in _flat(res.output) and "E037" not in _flat(res.output)
