"""el_dev entity-linking scores with the real KB (protocol of ../shared/eval/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.link.evaluate import evaluate_linking
from kg.link.kb import default_kb
from kg.link.resolve import Linker

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EL_DEV = SHARED / "eval" / "dev" / "el_dev.jsonl"


@pytest.mark.shared
def test_link_evaluate_el_dev_precision() -> None:
    if not EL_DEV.exists():
        pytest.skip("../shared/eval/dev/el_dev.jsonl not available")
    scores = evaluate_linking(EL_DEV, Linker(default_kb()), use_ner=False)
    assert scores["mentions"] > 200
    assert scores["predicted_non_nil"] >= 1
    assert scores["precision"] >= 0.90
    assert 0.0 < scores["kb_coverage"] <= 1.0
    assert scores["accuracy"] >= 0.40  # NIL golds are ~40% and must stay NIL


def test_link_evaluate_small_file(tmp_path: Path) -> None:
    text = "Russia and NATO met in Brussels while Chad Smith watched."
    recs = [{"id": "x", "text": text, "mentions": [
        {"start": 0, "end": 6, "surface": "Russia", "qid_or_wikipedia_title": "Q159"},
        {"start": 11, "end": 15, "surface": "NATO", "qid_or_wikipedia_title": "Q7184"},
        {"start": 38, "end": 48, "surface": "Chad Smith", "qid_or_wikipedia_title": None},
        {"start": 23, "end": 31, "surface": "Brussels", "qid_or_wikipedia_title": "Q239"}]}]
    gold = tmp_path / "g.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    s = evaluate_linking(gold, Linker(default_kb()), use_ner=False)
    assert s["mentions"] == 4 and s["gold_non_nil"] == 3
    assert s["correct_non_nil"] >= 2 and s["precision"] == 1.0
    assert s["mentions_per_s"] and s["mentions_per_s"] > 10
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError):
        evaluate_linking(bad, Linker(default_kb()), use_ner=False)
