"""Rough edges of the command line found by a new-user test: same-named .txt
files, Ctrl-C with worker processes, -q on subcommands, --store pointing at a
file, kg info's store line, SPARQL updates in kg sparql, truncated .jsonl.gz.

Real parts only: the real spaCy model, real pyoxigraph stores, Typer's runner
in-process and real subprocesses (signals go to the whole process group, as a
terminal's Ctrl-C does)."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import Skipped, read_articles
from kg.store.oxigraph import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

TEXT_A = "Germany condemned Russia on Monday. Chancellor Merkel said the attack was a crime.\n"
TEXT_B = "France praised Italy on Tuesday. President Macron said the deal was good for Europe.\n"


def _flat(text: str) -> str:
    """Output without whitespace: rich wraps long paths over several lines."""
    return "".join(text.split())


def _graphs(store: Path) -> set[str]:
    with OxigraphStore(store, read_only=True) as st:
        return set(st.graphs())


@pytest.fixture()
def same_named(tmp_path) -> tuple[Path, Path]:
    """a/article.txt and b/article.txt with different texts."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "article.txt", tmp_path / "b" / "article.txt"
    a.write_text(TEXT_A, encoding="utf-8")
    b.write_text(TEXT_B, encoding="utf-8")
    return a, b


# --------------------------------------------------------------------------- 1. same-named .txt files


def test_cli_edges_same_name_txt_in_one_call_keeps_both_and_reruns_stable(same_named, tmp_path, nlp):
    a, b = same_named
    store = tmp_path / "store"
    args = ["run", str(a.parent), str(b.parent), "--store", str(store), "--jobs", "1"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "E009" in res.output and _flat(str(b)) in _flat(res.output)  # the rename is announced with the file
    first = _graphs(store)
    assert len(first) == 2
    res = runner.invoke(app, args)  # the re-run replaces its own graphs, adds none
    assert res.exit_code == 0, res.output
    assert _graphs(store) == first


def test_cli_edges_same_name_txt_across_runs_warns_naming_the_file(same_named, tmp_path, nlp):
    a, b = same_named
    store = tmp_path / "store"
    res = runner.invoke(app, ["run", str(a), "--store", str(store), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert "E009" not in res.output
    res = runner.invoke(app, ["run", str(b), "--store", str(store), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert "E009" in res.output and _flat(str(b)) in _flat(res.output)  # not silent any more
    assert "rename" in res.output
    # re-running the same file: its own graph, same text -> already done, no warning, no new graph
    before = _graphs(store)
    res = runner.invoke(app, ["run", str(b), "--store", str(store), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert "E009" not in res.output and "already done: 1" in res.output
    assert _graphs(store) == before


def test_cli_edges_jsonl_duplicate_ids_warn_with_file_and_line(tmp_path, caplog):
    path = tmp_path / "dups.jsonl"
    path.write_text(json.dumps({"id": "x", "text": TEXT_A}) + "\n" + json.dumps({"id": "x", "text": TEXT_B}) + "\n",
                    encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg.ingest"):
        arts = list(read_articles([path]))
    assert len({a.id for a in arts}) == 2
    assert any("E009" in r.getMessage() and f"{path}:2" in r.getMessage() for r in caplog.records)


# --------------------------------------------------------------------------- 2. Ctrl-C with workers


def test_cli_edges_ctrl_c_with_jobs_2_prints_one_line(tmp_path):
    from tests._scale_fixtures import write_corpus

    corpus = tmp_path / "corpus.jsonl"
    # 105 articles: long enough that the run is still going a second after the store exists, however fast
    # extraction gets (21 articles were done within the 3 s on an idle machine)
    write_corpus(corpus, copies=5)
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "run", str(corpus),
                             "--store", str(store), "--jobs", "2", "--batch-size", "1"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not (store / "CURRENT").exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)  # workers are extracting
        assert proc.poll() is None, "the run ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the parent and its workers
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len([line for line in lines if "interrupted" in line]) == 1, err
    msg = " ".join(err.split())
    assert ("articles were stored" in msg or "1 article was stored" in msg) and "re-run the same command" in msg


# --------------------------------------------------------------------------- 3. -q on subcommands


@pytest.mark.parametrize("cmd", ["run", "extract", "load"])
def test_cli_edges_quiet_option_accepted_after_the_command(cmd, tmp_path, nlp):
    art = tmp_path / "one.txt"
    art.write_text(TEXT_A, encoding="utf-8")
    store = tmp_path / "store"
    if cmd == "load":
        nq = tmp_path / "one.nq"
        assert runner.invoke(app, ["extract", str(art), "-o", str(nq), "--jobs", "1"]).exit_code == 0
        args = ["load", str(nq), "--store", str(store), "-q"]
    elif cmd == "extract":
        args = ["extract", str(art), "-o", str(tmp_path / "out.nq"), "--jobs", "1", "--quiet"]
    else:
        args = ["run", str(art), "--store", str(store), "--jobs", "1", "-q"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert res.output == ""  # no summary, progress or info lines
    loud = runner.invoke(app, [a for a in args if a not in ("-q", "--quiet")])
    assert loud.exit_code == 0 and loud.output != ""


def test_cli_edges_quiet_still_shows_errors(tmp_path, nlp):
    res = runner.invoke(app, ["run", str(tmp_path / "missing.txt"), "--store", str(tmp_path / "s"), "-q", "--jobs", "1"])
    assert res.exit_code == 1
    assert "E007" in res.output and "articles" not in res.output  # the reason for exit 1, without the summary
    bad = tmp_path / "bad.nq"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    res = runner.invoke(app, ["load", str(bad), "--store", str(tmp_path / "s"), "-q"])
    assert res.exit_code == 1 and "E012" in res.output  # ... an error is shown


# --------------------------------------------------------------------------- 4./5. --store and kg info


@pytest.mark.parametrize("cmd", [["info"], ["sparql", "SELECT * { ?s ?p ?o } LIMIT 1"], ["query", "who-accused-whom"],
                                 ["run", "-"]])
def test_cli_edges_store_that_is_a_file_is_named_as_such(cmd, tmp_path):
    afile = tmp_path / "notes.txt"
    afile.write_text("not a store", encoding="utf-8")
    res = runner.invoke(app, [*cmd, "--store", str(afile)], input="Some text.\n")
    assert res.exit_code == 1, res.output
    msg = " ".join(res.output.split())
    assert _flat(str(afile)) in _flat(msg) and "is a file, not a kg store folder" in msg
    assert "no store there yet" not in msg
    assert afile.read_text(encoding="utf-8") == "not a store"


def test_cli_edges_info_prints_the_store_in_use(tmp_path, monkeypatch):
    from kg.store.oxigraph import default_store_path

    store = tmp_path / "mystore"
    with OxigraphStore(store) as st:
        st.update("INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }")
    monkeypatch.delenv("KG_STORE", raising=False)
    res = runner.invoke(app, ["info", "--store", str(store)])
    assert res.exit_code == 0, res.output
    assert _flat(f"store: {store} (--store)") in _flat(res.output)
    assert str(default_store_path()) not in res.output
    assert "1 quad in 1 named graph" in res.output  # singular counts (tests/test_cli_edges2.py)
    monkeypatch.setenv("KG_STORE", str(store))
    res = runner.invoke(app, ["info"])
    assert res.exit_code == 0, res.output
    assert _flat(f"store: {store} (env KG_STORE)") in _flat(res.output)


# --------------------------------------------------------------------------- 6. SPARQL updates


@pytest.fixture()
def small_store(tmp_path) -> Path:
    store = tmp_path / "store"
    with OxigraphStore(store) as st:
        st.update("INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }")
    return store


def test_cli_edges_sparql_update_refused_without_flag(small_store):
    res = runner.invoke(app, ["sparql", "PREFIX ex: <http://example.org/>\n# add\nINSERT DATA { ex:x ex:y ex:z }",
                              "--store", str(small_store)])
    assert res.exit_code == 2  # a usage error: the flag is missing
    msg = " ".join(res.output.split())
    assert "E025" in msg and "update (INSERT)" in msg and "--update" in msg and "nothing was changed" in msg
    with OxigraphStore(small_store, read_only=True) as st:
        assert st.count() == 1


def test_cli_edges_sparql_update_with_flag_reports_change(small_store):
    res = runner.invoke(app, ["sparql", "INSERT DATA { <http://example.org/x> <http://example.org/y> 2 }",
                              "--store", str(small_store), "--update"])
    assert res.exit_code == 0, res.output
    assert "from 1 to 2 quads (+1)" in res.output
    res = runner.invoke(app, ["sparql", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", str(small_store), "--update"])
    assert res.exit_code == 0, res.output
    assert "from 2 to 1 quads (-1)" in res.output
    res = runner.invoke(app, ["sparql", "SELECT * { ?s ?p ?o }", "--store", str(small_store), "--update"])
    assert res.exit_code == 2 and "without --update" in res.output


def test_cli_edges_update_verb_detection():
    from kg.cli.query import update_verb

    assert update_verb("prefix ex: <http://e/>  BASE <http://b/>\n# c\n  delete data { ex:a ex:b ex:c }") == "DELETE"
    assert update_verb("DROP ALL") == "DROP"
    assert update_verb("PREFIX ex: <http://e/> SELECT * { ?s ex:insert ?o }") is None
    assert update_verb("CONSTRUCT WHERE { ?s ?p ?o }") is None


# --------------------------------------------------------------------------- 7. truncated .jsonl.gz


def test_cli_edges_truncated_gzip_names_line_keeps_articles(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    lines = [json.dumps({"id": f"n{i}", "text": f"Article number {i} says {os.urandom(200).hex()}."}) for i in range(400)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])
    items = list(read_articles([path]))
    arts = [a for a in items if not isinstance(a, Skipped)]
    (skip,) = [s for s in items if isinstance(s, Skipped)]
    assert 0 < len(arts) < 400 and [a.id for a in arts] == [f"n{i}" for i in range(len(arts))]
    assert skip.origin == f"{path}:{len(arts) + 1}"
    assert f"line {len(arts) + 1}" in skip.reason and "corrupt or truncated" in skip.reason
    assert f"gunzip -t {path}" in skip.reason and "articles before it were kept" in skip.reason


def test_cli_edges_truncated_gzip_in_run_loads_what_was_read(tmp_path, nlp):
    path = tmp_path / "news.jsonl.gz"
    recs = [{"id": f"n{i}", "text": TEXT_A.replace("Monday", f"day {i}")} for i in range(3)]
    recs.append({"id": "pad", "text": os.urandom(60000).hex()})
    data = gzip.compress(("\n".join(json.dumps(r) for r in recs) + "\n").encode())
    path.write_bytes(data[:-2000])
    store = tmp_path / "store"
    res = runner.invoke(app, ["run", str(path), "--store", str(store), "--jobs", "1"])
    assert res.exit_code == 1  # something was skipped
    msg = " ".join(res.output.split())
    assert _flat(f"{path}:4") in _flat(msg) and "gunzip -t" in msg
    assert len(_graphs(store)) == 3
