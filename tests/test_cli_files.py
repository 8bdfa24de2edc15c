"""Files the commands cannot use, through the real CLI (typer's CliRunner, real store, real readers):

* a file that does not exist is E007 naming it, in every command that takes a file (before, `kg validate`
  and `kg sparql FILE.rq` said E001 "Cannot read ... No such file");
* an RDF file whose extension names no format is E013 naming the file (before: the path as the "format");
* a file that exists but cannot be read is E001, and its advice fits the kind of input, said once: a config
  file that is not TOML says to fix the TOML (not "check that the path exists"), a truncated .jsonl.gz says
  to test it with gunzip (once, not followed by a second, generic advice), a folder given to `kg load` says
  to give files.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store.oxigraph import OxigraphStore

runner = CliRunner()


def _flat(output: str) -> str:
    return " ".join(re.sub(r"[│╭╮╰╯─┌┐└┘├┤]", " ", output).split())


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("files") / "store"
    with OxigraphStore(path):
        pass
    return path


MISSING = [
    # (id, argv with {missing} / {store} / {tmp}, exit code)
    ("run", ["run", "{missing}.jsonl", "--store", "{store}", "--jobs", "1", "--no-link"], 1),
    ("extract", ["extract", "{missing}.jsonl", "-o", "{tmp}/out.nq", "--jobs", "1", "--no-link"], 1),
    ("load", ["load", "{missing}.nq", "--store", "{store}"], 1),
    ("load-unknown-suffix", ["load", "{missing}.xyz", "--store", "{store}"], 1),
    ("validate", ["validate", "{missing}.ttl"], 1),
    ("validate-unknown-suffix", ["validate", "{missing}.xyz"], 1),
    ("sparql-file", ["sparql", "{missing}.rq", "--store", "{store}"], 1),
    ("sparql-update-file", ["sparql", "--update", "{missing}.ru", "--store", "{store}"], 1),
    ("sparql-update-file-rq", ["sparql", "--update", "{missing}.rq", "--store", "{store}"], 1),
    ("evaluate", ["evaluate", "{missing}.jsonl"], 1),
]


@pytest.mark.parametrize(("argv", "code"), [c[1:] for c in MISSING], ids=[c[0] for c in MISSING])
def test_cli_files_missing_file_is_e007_everywhere(tmp_path, store, argv, code):
    missing = tmp_path / "no-such-file"
    args = [a.format(missing=missing, store=store, tmp=tmp_path) for a in argv]
    res = runner.invoke(app, args)
    flat = _flat(res.output)
    assert res.exit_code == code, flat
    name = next(a for a in args if a.startswith(str(missing)))
    assert f"E007: {name}: no such file or folder" in flat, flat
    assert "E001" not in flat and "E013" not in flat and "Traceback" not in flat


def test_cli_files_config_not_toml_says_fix_the_toml(tmp_path, store, monkeypatch):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[store]\npath = "/somewhere\n', encoding="utf-8")  # an unclosed string
    monkeypatch.setenv("KG_CONFIG", str(cfg))
    res = runner.invoke(app, ["stats", "--store", str(store)])
    flat = _flat(res.output)
    assert res.exit_code == 1, flat
    assert f"E001: Cannot read {cfg}: not valid TOML" in flat and "line 2" in flat, flat
    assert "Fix the TOML syntax" in flat and "KG_CONFIG" in flat
    assert "exists" not in flat and "readable" not in flat


@pytest.mark.parametrize("argv", [["stats", "--store", "{store}"], ["info"]], ids=["stats", "info"])
def test_cli_files_config_named_by_kg_config_missing_is_e007(tmp_path, store, monkeypatch, argv):
    # KG_CONFIG with a typo must not silently fall back to the defaults (and the default store)
    cfg = tmp_path / "conifg.toml"
    monkeypatch.setenv("KG_CONFIG", str(cfg))
    res = runner.invoke(app, [a.format(store=store) for a in argv])
    flat = _flat(res.output)
    assert res.exit_code == 1, flat
    assert f"E007: {cfg}: no such file or folder" in flat, flat
    assert "Traceback" not in flat


def test_cli_files_config_named_by_kg_config_is_a_folder_is_e001(tmp_path, store, monkeypatch):
    monkeypatch.setenv("KG_CONFIG", str(tmp_path))
    res = runner.invoke(app, ["stats", "--store", str(store)])
    flat = _flat(res.output)
    assert res.exit_code == 1, flat
    assert f"E001: Cannot read {tmp_path}: it is a folder" in flat, flat


def test_cli_files_truncated_gzip_advice_once(tmp_path, store):
    path = tmp_path / "cut.jsonl.gz"
    lines = [json.dumps({"id": f"cut-{i}", "text": f"Record {i} of a feed that was cut short " + "x" * 300})
             for i in range(400)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])
    res = runner.invoke(app, ["extract", str(path), "-o", str(tmp_path / "out.jsonl"), "--jobs", "1", "--no-link"])
    flat = _flat(res.output)
    assert res.exit_code == 1, flat
    (line,) = [seg for seg in flat.split("skipped ") if seg.startswith("E001")]
    assert "gzip data is corrupt or truncated" in line and "the articles before it were kept" in line
    assert line.count(f"gunzip -t {path}") == 1 and line.count("Test the file") == 1
    assert "Check that" not in line and "exists" not in line


def test_cli_files_folder_to_load_says_give_files(tmp_path, store):
    folder = tmp_path / "shards"
    folder.mkdir()
    res = runner.invoke(app, ["load", str(folder), "--store", str(store)])
    flat = _flat(res.output)
    assert res.exit_code == 1, flat
    assert f"E001: Cannot read {folder}: not a regular file. Give RDF files, not a folder" in flat, flat
    assert "E013" not in flat


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
                    reason="root can read files without permission bits")
def test_cli_files_unreadable_query_file_is_e001_with_permissions_advice(tmp_path, store):
    rq = tmp_path / "locked.rq"
    rq.write_text("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1\n", encoding="utf-8")
    rq.chmod(0)
    try:
        res = runner.invoke(app, ["sparql", str(rq), "--store", str(store)])
    finally:
        rq.chmod(0o600)
    flat = _flat(res.output)
    assert res.exit_code == 1 and f"E001: Cannot read {rq}" in flat and "you may read it" in flat, flat


@pytest.mark.parametrize(("argv", "choices"), [
    (["load", "{file}", "--store", "{store}"], "nt, nq, ttl"),
    (["validate", "{file}"], ".ttl, .nt, .nq"),
], ids=["load", "validate"])
def test_cli_files_unknown_rdf_suffix_names_the_file(tmp_path, store, argv, choices):
    path = tmp_path / "graph.rdfx"
    path.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    res = runner.invoke(app, [a.format(file=path, store=store) for a in argv])
    flat = _flat(res.output)
    assert res.exit_code == 1, flat
    assert f"E013: {path}: unknown RDF format" in flat and "rdfx" in flat and choices in flat, flat
