"""More rough edges found by a new-user test: two article ids with the same
graph name loaded by separate runs, datelines with a date or without an
agency, messages of bad options (--format, --endpoint, --update, missing gold
files), singular counts, doubled words in JSON errors, and kg extract with
nothing to extract.

Real parts only: the real spaCy model and linker, real pyoxigraph stores,
Typer's runner in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import Skipped, read_articles
from kg.store.oxigraph import OxigraphStore

runner = CliRunner()

WARREN = "Senator Elizabeth Warren accused the bank of fraud on Monday."
DESANTIS = "Governor Ron DeSantis criticized the agency on Tuesday."
IDENT = "<http://purl.org/dc/terms/identifier>"


def _flat(text: str) -> str:
    """Output without whitespace: rich wraps long lines."""
    return "".join(text.split())


def _ids(store: Path) -> dict[str, str]:
    """graph IRI -> article id (dcterms:identifier) of every article graph."""
    with OxigraphStore(store, read_only=True) as st:
        res = st.query(f"SELECT ?g ?id WHERE {{ GRAPH ?g {{ ?a {IDENT} ?id }} }}")
        return {str(g.value): str(i.value) for g, i in res.rows}


def _actors(store: Path) -> set[str]:
    with OxigraphStore(store, read_only=True) as st:
        res = st.query("PREFIX kg: <https://w3id.org/kg-news/ontology#> "
                       "SELECT DISTINCT ?n WHERE { GRAPH ?g { ?s kg:actor ?a . ?a kg:name ?n } }")
        return {str(row[0].value) for row in res.rows}


def _jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- 1. ids with the same graph name


@pytest.fixture()
def colliding(tmp_path) -> tuple[Path, Path]:
    a = _jsonl(tmp_path / "a.jsonl", {"id": "reuters/2024/01/a", "text": WARREN})
    b = _jsonl(tmp_path / "b.jsonl", {"id": "reuters-2024-01-a", "text": DESANTIS})
    return a, b


def _run(path: Path, store: Path, *extra: str):
    res = runner.invoke(app, ["run", str(path), "--store", str(store), "--jobs", "1", *extra])
    assert res.exit_code == 0, res.output
    return res


def test_cli_edges2_same_slug_across_runs_keeps_both_and_warns(colliding, tmp_path, nlp):
    a, b = colliding
    store = tmp_path / "store"
    res = _run(a, store)
    assert "E009" not in res.output
    res = _run(b, store)
    flat = _flat(res.output)
    assert "E009" in flat and _flat(f"{b}:1") in flat and "reuters/2024/01/a" in flat  # names file, line, owner
    ids = _ids(store)
    assert sorted(ids.values()) == ["reuters-2024-01-a~" + ids_suffix(ids), "reuters/2024/01/a"]
    assert {"Elizabeth Warren", "Ron DeSantis"} <= _actors(store)  # Warren's statements are still there


def ids_suffix(ids: dict[str, str]) -> str:
    renamed = [i for i in ids.values() if "~" in i]
    assert len(renamed) == 1, ids
    return renamed[0].split("~")[1]


def test_cli_edges2_same_slug_reruns_replace_their_own_graphs(colliding, tmp_path, nlp):
    a, b = colliding
    store = tmp_path / "store"
    _run(a, store)
    _run(b, store)
    first = _ids(store)
    _run(b, store)  # already done: nothing new
    _run(a, store, "--force")  # the same id replaces its own graph
    _run(b, store, "--force")  # the renamed one too: the new name is deterministic
    assert _ids(store) == first and len(first) == 2
    # an edited article under the colliding id still goes to its renamed graph, not a third one
    _jsonl(b, {"id": "reuters-2024-01-a", "text": DESANTIS.replace("Tuesday", "Wednesday")})
    _run(b, store)
    assert _ids(store) == first


def test_cli_edges2_same_id_edited_replaces_without_warning(tmp_path, nlp):
    store = tmp_path / "store"
    a = _jsonl(tmp_path / "a.jsonl", {"id": "reuters/2024/01/a", "text": WARREN})
    _run(a, store)
    _jsonl(a, {"id": "reuters/2024/01/a", "text": DESANTIS})
    res = _run(a, store)
    assert "E009" not in res.output
    assert list(_ids(store).values()) == ["reuters/2024/01/a"]
    assert "Elizabeth Warren" not in _actors(store)  # the edited article replaced its own graph


# --------------------------------------------------------------------------- 2. datelines


@pytest.mark.parametrize(("text", "speaker", "target"), [
    ("MOSCOW, March 3 (Reuters) - Russian Foreign Minister Sergei Lavrov on Tuesday accused Ukraine of "
     "sabotaging the peace talks.", "Sergei Lavrov", "Ukraine"),
    ("WASHINGTON/LONDON (AP) — British Prime Minister Keir Starmer on Monday criticized Russia for the attack.",
     "Keir Starmer", "Russia"),
    ("KYIV, Ukraine — Ukrainian President Volodymyr Zelenskiy accused Moscow of war crimes.",
     "Volodymyr Zelenskiy", "Moscow"),
])
def test_cli_edges2_dateline_variants_leave_the_speaker(extract_text, text, speaker, target):
    result = extract_text(text)
    assert [(st.actor.name, [t.name for t in st.targets]) for st in result.statements] == [(speaker, [target])]


def test_cli_edges2_dateline_splits_before_lead_sentence(nlp):
    for text, dateline in [("NEW YORK, Sept. 12, 2024 (Reuters) - Mayor Eric Adams criticized the governor.",
                            "NEW YORK, Sept. 12, 2024 (Reuters) -"),
                           ("PORT-AU-PRINCE (Reuters) - Haiti's prime minister condemned the gangs.",
                            "PORT-AU-PRINCE (Reuters) -")]:
        sents = [s.text for s in nlp(text).sents]
        assert sents[0] == dateline, sents
    # an ordinary upper-case start is no dateline
    assert len(list(nlp("NATO said on Monday it would send more troops.").sents)) == 1


# --------------------------------------------------------------------------- 3. messages


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "store"
    with OxigraphStore(path):
        pass
    return path


def test_cli_edges2_unknown_format_names_option_and_choices(empty_store):
    res = runner.invoke(app, ["query", "who-accused-whom", "--format", "xml", "--store", str(empty_store)])
    flat = " ".join(res.output.split())
    assert res.exit_code == 2
    assert "E026: --format 'xml' is not a known output format" in flat and "table, csv, tsv, json" in flat


def test_cli_edges2_endpoint_without_scheme_is_invalid_url():
    res = runner.invoke(app, ["query", "who-accused-whom", "--endpoint", "not-a-url"])
    flat = " ".join(res.output.split())
    assert res.exit_code == 2 and "E065" in flat and "not a valid URL" in flat and "http://" in flat
    assert "Cannot reach" not in flat


def test_cli_edges2_update_flag_on_a_query_has_a_code(empty_store):
    res = runner.invoke(app, ["sparql", "SELECT * WHERE { ?s ?p ?o }", "--update", "--store", str(empty_store)])
    assert res.exit_code == 2
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "E027" in lines[0] and "without --update" in lines[0]


def test_cli_edges2_evaluate_scores_good_gold_and_reports_missing(tmp_path, nlp):
    good = _jsonl(tmp_path / "good.jsonl", {"id": "g1", "text": "Germany condemned Russia on Monday.",
                                            "events": [{"source": "Germany", "target": "Russia",
                                                        "type": "CRITICIZE"}]})
    bad = _jsonl(tmp_path / "bad.jsonl", {"id": "b1", "text": "x", "other": []})
    missing = tmp_path / "missing.jsonl"
    out = tmp_path / "scores.json"
    res = runner.invoke(app, ["evaluate", str(missing), str(bad), str(good), "--json", str(out)])
    flat = " ".join(res.output.split())
    assert res.exit_code == 1, res.output
    assert "E007" in flat and "no such file" in flat and "not a gold file" not in flat.split("E050")[0]
    assert "E050" in flat and "bad.jsonl" in flat  # the bad one is named
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [Path(f["file"]).name for f in report["files"]] == ["good.jsonl"]  # the good one was scored
    assert len(report["errors"]) == 2


def test_cli_edges2_counts_of_one_are_singular(tmp_path, nlp):
    store = tmp_path / "store"
    a = _jsonl(tmp_path / "a.jsonl", {"id": "one", "text": WARREN})
    _run(a, store)
    res = runner.invoke(app, ["run", str(a), "--store", str(store), "--jobs", "1"])
    flat = " ".join(res.output.split())
    assert "already done: 1 article was in the store" in flat and "1 articles" not in flat
    res = runner.invoke(app, ["info", "--store", str(store)])
    assert "in 1 named graph" in res.output and "1 named graphs" not in res.output


def test_cli_edges2_json_error_has_no_doubled_at(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "a", "text": "abc', encoding="utf-8")  # unterminated string, no newline
    (item,) = list(read_articles([path]))
    assert isinstance(item, Skipped) and item.code == "E003"
    assert "at at" not in item.reason and "Unterminated string starting at column" in item.reason


def test_cli_edges2_extract_nothing_writes_no_file(tmp_path, nlp):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out.nq"
    res = runner.invoke(app, ["extract", str(empty), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 1
    assert not out.exists() and not list(tmp_path.glob(".out.nq*"))
    assert "was not written" in " ".join(res.output.split())
    out.write_text("kept\n", encoding="utf-8")  # an earlier file is left as it was
    res = runner.invoke(app, ["extract", str(empty), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 1 and out.read_text(encoding="utf-8") == "kept\n"
