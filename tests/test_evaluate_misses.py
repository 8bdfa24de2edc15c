"""The breakdown of gold typed dyads by kind (kg.evaluate.misses) and ``kg evaluate --breakdown``.

The gold records are written here, on sentences of our own about fictional
countries (nothing from ../shared/eval); predictions come from the real
spaCy pipeline, whose output on each sentence was looked at first (noted per
record), so each gold dyad's kind is known.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from kg.cli import app
from kg.evaluate import breakdown_statements, breakdown_table, evaluate_breakdown, split_of
from kg.evaluate.misses import at_place, evidence_spans
from kg.extract import extract_articles
from kg.model import Actor, Article, Span, Statement, StatementType

runner = CliRunner()

ACCUSED = "Ruritania's prime minister accused Freedonia of provocations."  # kg: ACCUSE, target Freedonia
PRAISED = "Latveria praised Freedonia for its help to Ruritania."  # kg: PRAISE, target Freedonia
CRITICIZED = "Ruritania's prime minister criticized the new tariffs imposed by Freedonia."  # kg: CRITICIZE, no target
HARVEST = "The harvest in Ruritania was poor this year."  # kg: nothing
NOT_ACCUSED = "Ruritania's prime minister did not accuse Freedonia of anything."  # kg: ACCUSE Freedonia, negated
FIRST = "Ruritania's prime minister said the talks had failed."  # kg: STATEMENT, no target
SECOND = "The harvest in Freedonia was poor this year."  # kg: nothing
TWO = f"{FIRST} {SECOND}"


def ev(source: str, target: str | None, typ: str, evidence: str | None = None) -> dict:
    d = {"source": source, "source_code": None, "target": target, "target_code": None, "code": "010", "type": typ}
    if evidence is not None:
        d["evidence"] = evidence
    return d


#: id -> (text, events, the kinds of its gold typed dyads in order, their sub-counts)
CASES: dict[str, tuple[str, list[dict], list[str], list[str | None]]] = {
    "found": (ACCUSED, [ev("Ruritania", "Freedonia", "ACCUSE", ACCUSED)], ["found"], [None]),
    "type-wrong": (PRAISED, [ev("Latveria", "Freedonia", "SUPPORT", PRAISED)], ["type_wrong"], [None]),
    "target-missed": (CRITICIZED, [ev("Ruritania", "Freedonia", "CRITICIZE", CRITICIZED)], ["target_missed"], ["no_target"]),
    "other-target": (PRAISED, [ev("Latveria", "Ruritania", "PRAISE", PRAISED)], ["target_missed"], ["other_target"]),
    "nothing": (HARVEST, [ev("Ruritania", "Freedonia", "ACCUSE", HARVEST)], ["not_found"], ["nothing"]),
    "other-speaker": (PRAISED, [ev("Ruritania", "Freedonia", "PRAISE", PRAISED)], ["not_found"], ["other_speaker"]),
    "negated": (NOT_ACCUSED, [ev("Ruritania", "Freedonia", "ACCUSE", NOT_ACCUSED)], ["not_found"], ["negated_or_hypothetical"]),
    # The place decides: the same speaker without target in the first sentence, nothing in the second.
    "two-sentences": (
        TWO,
        [ev("Ruritania", "Freedonia", "STATEMENT", FIRST), ev("Ruritania", "Freedonia", "ACCUSE", SECOND)],
        ["target_missed", "not_found"],
        ["no_target", "nothing"],
    ),
    # Without evidence the place is the whole record; monadic gold is not a typed dyad.
    "no-evidence": (TWO, [ev("Ruritania", "Freedonia", "STATEMENT"), ev("Ruritania", None, "STATEMENT")], ["target_missed"], ["no_target"]),
    "calm": (HARVEST, [], [], []),  # a negative record
}


def write_gold(path: Path, ids: list[str] | None = None) -> Path:
    rows = []
    for rid in ids or list(CASES):
        text, events, _, _ = CASES[rid]
        rows.append(json.dumps({"id": rid, "text": text, "date": None, "events": events}) + "\n")
    path.write_text("".join(rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def predict(nlp):
    def run(articles: list[Article]):
        return list(extract_articles(nlp, articles))

    return run


def test_misses_each_gold_dyad_gets_its_kind_with_the_real_model(tmp_path, predict):
    scores, bd = evaluate_breakdown(write_gold(tmp_path / "kinds.jsonl"), predict)
    got: dict[str, list[tuple[str, str | None]]] = {}
    for o in bd.outcomes:
        got.setdefault(o.record_id, []).append((o.kind, o.sub))
    want = {rid: list(zip(kinds, subs)) for rid, (_, _, kinds, subs) in CASES.items() if kinds}
    assert got == want
    a = bd.all
    assert (a.records, a.dyads) == (len(CASES), 10)
    assert (a.found, a.target_missed, a.type_wrong, a.not_found) == (1, 4, 1, 4)
    assert (a.no_target, a.other_target, a.statement) == (3, 1, 0)
    assert (a.negated_or_hypothetical, a.other_speaker, a.nothing) == (1, 1, 2)
    assert a.share("target_missed") == pytest.approx(4 / 10)
    # The first kinds are the protocol's matches, counted the same way as the scores.
    assert a.found == scores.all.typed_dyads.tp
    assert a.found + a.type_wrong == scores.all.untyped_dyads.tp
    assert a.dyads == scores.all.typed_dyads.tp + scores.all.typed_dyads.fn
    d = bd.to_dict()
    assert d["all"]["target_missed"] == {"count": 4, "share": 0.4, "no_target": 3, "other_target": 1}
    json.dumps([o.to_dict() for o in bd.outcomes])


def test_misses_ambiguous_records_are_left_out_of_the_second_block(tmp_path, predict):
    path = write_gold(tmp_path / "amb.jsonl", ["found", "target-missed"])
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows[1]["ambiguous"] = True
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _, bd = evaluate_breakdown(path, predict)
    assert (bd.all.dyads, bd.all.target_missed) == (2, 1)
    assert (bd.unambiguous.records, bd.unambiguous.dyads, bd.unambiguous.target_missed) == (1, 1, 0)


def test_misses_table_names_the_kinds(tmp_path, predict):
    _, bd = evaluate_breakdown(write_gold(tmp_path / "kinds.jsonl"), predict)
    console = Console(width=160, record=True)
    console.print(breakdown_table(bd, "dev"))
    text = console.export_text()
    for label in ("found, typed right", "target missed", "type wrong", "not found", "left at STATEMENT", "dev split"):
        assert label in text
    assert "4/10" in text


# --------------------------------------------------------------------------- place, and hand-built predictions


def _statement(text: str, sentence: str, cue: str, name: str, typ: str, targets: list[str] = ()) -> Statement:
    s0 = text.index(sentence)
    c0 = text.index(cue, s0)
    return Statement(
        article_id="h",
        index=0,
        sentence=Span(s0, s0 + len(sentence), sentence),
        actor=Actor(name=name),
        actor_mention=Span(s0, s0 + len(name), text[s0 : s0 + len(name)]),
        cue=Span(c0, c0 + len(cue), cue),
        cue_lemma=cue,
        type=StatementType(typ),
        targets=[Actor(name=t) for t in targets],
    )


def test_misses_place_is_the_evidence_position_or_its_words():
    s = _statement(TWO, FIRST, "said", "Ruritania", "STATEMENT")
    assert evidence_spans(TWO, FIRST) == [(0, len(FIRST))]
    assert evidence_spans(TWO, "the  talks\nhad failed") == [(TWO.index("the talks"), TWO.index("the talks") + len("the talks had failed"))]
    assert evidence_spans(TWO, "not in the text") == [] and evidence_spans(TWO, None) == []
    assert at_place(s, FIRST, evidence_spans(TWO, FIRST))
    assert not at_place(s, SECOND, evidence_spans(TWO, SECOND))
    assert at_place(s, None, [])  # no evidence: the whole record
    # Evidence not found in the text: its words must contain the cue (whole words) or the sentence.
    assert at_place(s, "the minister said so", [])
    assert not at_place(s, "the minister unsaid so", [])
    assert at_place(s, f"{FIRST} And more.", [])


def test_misses_type_left_at_statement_is_counted(tmp_path):
    text = "Latveria spoke to Freedonia about the border."
    path = tmp_path / "hand.jsonl"
    path.write_text(json.dumps({"id": "h", "text": text, "events": [ev("Latveria", "Freedonia", "APPEAL", text)]}) + "\n", encoding="utf-8")
    bd = breakdown_statements(path, {"h": [_statement(text, text, "spoke", "Latveria", "STATEMENT", ["Freedonia"])]})
    assert [(o.kind, o.sub) for o in bd.outcomes] == [("type_wrong", "statement")]
    assert bd.all.statement == 1 and bd.all.share("statement") == 1.0


# --------------------------------------------------------------------------- the command line


def test_cli_evaluate_breakdown_and_split_print_the_tables(tmp_path, nlp):
    ids = list(CASES)
    heldout = [i for i in ids if split_of(i) == "heldout"]
    extra = {"d": ("Gondor praised Arnor for its help.", [ev("Gondor", "Arnor", "PRAISE")]),
             "e": (HARVEST, [ev("Gondor", "Arnor", "ACCUSE")])}
    assert split_of("d") == split_of("e") == "heldout" and not heldout
    gold = write_gold(tmp_path / "cli.jsonl")
    with gold.open("a", encoding="utf-8") as fh:
        for rid, (text, events) in extra.items():
            fh.write(json.dumps({"id": rid, "text": text, "events": events}) + "\n")
    out = tmp_path / "scores.json"
    res = runner.invoke(app, ["evaluate", str(gold), "--breakdown", "--split", "heldout", "--json", str(out)])
    assert res.exit_code == 0, res.output
    flat = " ".join(res.output.split())
    assert "gold typed dyads by kind (2 in 2 records, heldout split)" in flat
    assert "target missed" in flat and "not found" in flat
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["split"]["name"] == "heldout"
    (f,) = report["files"]
    assert f["all"]["records"] == 2 and f["breakdown"]["all"]["dyads"] == 2
    assert f["breakdown"]["all"]["not_found"]["count"] == 1  # "e": nothing there
    assert report["breakdown"]["all"]["dyads"] == 2

    res = runner.invoke(app, ["evaluate", str(gold), "--breakdown", "--split", "dev", "--json", str(out)])
    assert res.exit_code == 0, res.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["files"][0]["all"]["records"] == len(CASES)
    assert report["files"][0]["breakdown"]["all"]["target_missed"]["count"] == 4


def test_cli_evaluate_without_the_new_flags_adds_no_keys(tmp_path, nlp):
    gold = write_gold(tmp_path / "plain.jsonl", ["found"])
    out = tmp_path / "scores.json"
    res = runner.invoke(app, ["evaluate", str(gold), "--json", str(out)])
    assert res.exit_code == 0, res.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) == {"files", "errors"} and "breakdown" not in report["files"][0]
    assert "by kind" not in res.output


def test_cli_evaluate_bad_split_is_a_usage_error(tmp_path):
    gold = write_gold(tmp_path / "g.jsonl", ["found"])
    res = runner.invoke(app, ["evaluate", str(gold), "--split", "test"])
    assert res.exit_code == 2, res.output
    flat = " ".join(res.output.split())
    assert "E071" in flat and "--split" in flat and "all, dev, heldout" in flat
