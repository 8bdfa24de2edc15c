"""The held-out split (kg.evaluate.splits): a fixed rule on record ids, and the scorers' ``keep=``."""

from __future__ import annotations

import hashlib
import json

import pytest

from kg.errors import UsageError
from kg.evaluate import SPLITS, evaluate_statements, is_heldout, split_filter, split_of
from tests.conftest import shared_path

#: The held-out part of voa_dev under the rule, as the module docs state it.
VOA_HELDOUT = ["voa-8004380", "voa-8009771", "voa-8009973", "voa-8010588", "voa-8010779"]

IDS = [f"rec-{i}" for i in range(300)] + ["d", "e", "voa-1", "news-seed", "ünïcode-id"]


def test_splits_rule_is_the_documented_hash():
    for rid in IDS:
        assert is_heldout(rid) == (hashlib.sha256(rid.encode("utf-8")).digest()[0] % 3 == 0)
        assert split_of(rid) == ("heldout" if is_heldout(rid) else "dev")
    assert split_of("d") == "heldout" and split_of("a") == "dev"  # fixed values, not only self-consistency


def test_splits_dev_and_heldout_are_disjoint_and_cover_every_id():
    dev, held = split_filter("dev"), split_filter("heldout")
    assert split_filter("all") is None and split_filter(" HeldOut ") is not None
    for rid in IDS:
        assert dev(rid) != held(rid)
    share = sum(map(held, IDS)) / len(IDS)
    assert 0.25 < share < 0.42  # about a third


def test_splits_unknown_name_is_a_usage_error():
    with pytest.raises(UsageError, match="E071") as exc:
        split_filter("test")
    assert exc.value.exit_code == 2 and "all, dev, heldout" in str(exc.value)
    assert SPLITS == ("all", "dev", "heldout")


def test_splits_voa_dev_holds_out_five_of_sixteen():
    path = shared_path("eval", "dev", "voa_dev.jsonl")
    ids = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(ids) == 16
    assert sorted(i for i in ids if is_heldout(i)) == VOA_HELDOUT


def test_splits_keep_scores_only_that_part(tmp_path):
    ids = ["a", "b", "c", "d", "e", "f"]
    path = tmp_path / "g.jsonl"
    path.write_text(
        "".join(json.dumps({"id": i, "text": "Gondor accused Arnor.", "events": [{"source": "Gondor", "target": "Arnor", "type": "ACCUSE"}]}) + "\n" for i in ids),
        encoding="utf-8",
    )
    seen: list[list[str]] = []

    def predict(articles):
        seen.append([a.id for a in articles])
        return []

    held = evaluate_statements(path, predict, keep=split_filter("heldout"))
    dev = evaluate_statements(path, predict, keep=split_filter("dev"))
    every = evaluate_statements(path, predict)
    assert seen == [["d", "e"], ["a", "b", "c", "f"], ids]  # only that part is sent to the NLP
    assert (held.all.records, dev.all.records, every.all.records) == (2, 4, 6)
    assert held.all.typed_dyads.fn + dev.all.typed_dyads.fn == every.all.typed_dyads.fn
