"""Attribution scoring (kg.evaluate): cue / content overlap, speakers, belief cues."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from kg.evaluate import AttributionScores, evaluate_attribution, evaluate_file, gold_kind, is_belief_cue, scores_table, scores_to_dict
from kg.model import Actor, Article, ArticleResult, Span, Statement, StatementType

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

TEXT = (
    "The mayor of Springfield said the bridge would reopen in May. "
    "Residents fear more delays. "
    "\u201cWe will not wait forever,\u201d a shop owner told reporters."
)


def sp(text: str, piece: str, start: int = 0) -> Span:
    i = text.index(piece, start)
    return Span(i, i + len(piece), piece)


def gold_item(text: str, speaker: str | None, cue: str, content: str) -> dict:
    d = {}
    if speaker is not None:
        s = sp(text, speaker)
        d.update(speaker=speaker, speaker_start=s.start, speaker_end=s.end)
    c, k = sp(text, cue), sp(text, content)
    d.update(cue=cue, cue_start=c.start, cue_end=c.end, content=content, content_start=k.start, content_end=k.end, quote_type="indirect")
    return d


GOLD_ITEMS = [
    gold_item(TEXT, "The mayor of Springfield", "said", "the bridge would reopen in May"),
    gold_item(TEXT, "Residents", "fear", "more delays"),
    gold_item(TEXT, "a shop owner", "told", "\u201cWe will not wait forever,\u201d"),
]


@pytest.fixture()
def gold_path(tmp_path: Path) -> Path:
    path = tmp_path / "attr.jsonl"
    rec = {"id": "doc1", "text": TEXT, "attributions": GOLD_ITEMS, "attributions_no_source": []}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    return path


def statement(text: str, i: int, speaker: Span, cue: Span, content: Span | None, *, actor_mentions: list[Span] | None = None) -> Statement:
    return Statement(
        article_id="doc1",
        index=i,
        sentence=Span(0, len(text), text),
        actor=Actor(name=speaker.text, mentions=actor_mentions if actor_mentions is not None else [speaker]),
        actor_mention=speaker,
        cue=cue,
        cue_lemma=cue.text.lower(),
        type=StatementType.STATEMENT,
        content=content,
    )


def predictor(*statements: Statement):
    def predict(articles: list[Article]) -> list[ArticleResult]:
        return [ArticleResult(article=a, statements=list(statements)) for a in articles]

    return predict


def oracle_for(text: str, items: list[dict]) -> list[Statement]:
    out = []
    for i, g in enumerate(items):
        speaker = Span(g["speaker_start"], g["speaker_end"], g["speaker"]) if "speaker_start" in g else Span(g["cue_start"], g["cue_end"], g["cue"])
        out.append(statement(text, i, speaker, Span(g["cue_start"], g["cue_end"], g["cue"]),
                             Span(g["content_start"], g["content_end"], g["content"])))
    return out


def test_evaluate_attribution_perfect_predictions(gold_path):
    s = evaluate_attribution(gold_path, predictor(*oracle_for(TEXT, GOLD_ITEMS)))
    assert (s.cues.precision, s.cues.recall, s.cues.f1) == (1.0, 1.0, 1.0)
    assert s.speaker_accuracy == 1.0 and s.content_f1 == 1.0
    assert (s.speech_act.tp, s.belief.tp, s.belief.fn) == (2, 1, 0)


def test_evaluate_attribution_cue_overlap_alone_matches(gold_path):
    said = sp(TEXT, "said")
    p = statement(TEXT, 0, sp(TEXT, "mayor"), Span(said.start, said.end + 4, TEXT[said.start : said.end + 4]), None)
    s = evaluate_attribution(gold_path, predictor(p))
    assert s.cues.tp == 1 and s.cues.fp == 0 and s.cues.fn == 2
    assert s.speaker_correct == 1  # "mayor" overlaps "The mayor of Springfield"
    assert s.content_f1 == 0.0  # no predicted content


def test_evaluate_attribution_content_overlap_half_of_shorter(gold_path):
    # Cue elsewhere ("Springfield"), content covers "reopen in May" (3 of the gold's 6 tokens, all of its own).
    wrong_cue = sp(TEXT, "Springfield")
    half = sp(TEXT, "reopen in May")
    p = statement(TEXT, 0, sp(TEXT, "The mayor"), wrong_cue, half)
    s = evaluate_attribution(gold_path, predictor(p))
    assert s.cues.tp == 1
    assert s.content_f1 == pytest.approx(2 * 3 / (6 + 3))
    # Less than half of the shorter span overlapping ("the" of 20 characters): no match -> one FP, three misses.
    q = statement(TEXT, 0, sp(TEXT, "The mayor"), sp(TEXT, "mayor"), sp(TEXT, "Springfield said the"))
    s2 = evaluate_attribution(gold_path, predictor(q))
    assert (s2.cues.tp, s2.cues.fp, s2.cues.fn) == (0, 1, 3)


def test_evaluate_attribution_speaker_via_coreference(gold_path):
    owner = sp(TEXT, "a shop owner")
    pronoun_mention = sp(TEXT, "Residents")  # a deliberately wrong local mention ...
    p = statement(TEXT, 0, pronoun_mention, sp(TEXT, "told"), None, actor_mentions=[pronoun_mention, owner])
    s = evaluate_attribution(gold_path, predictor(p))
    assert s.speaker_correct == 1 and s.speaker_total == 1  # ... but the resolved actor has the gold speaker
    wrong = statement(TEXT, 0, pronoun_mention, sp(TEXT, "told"), None, actor_mentions=[pronoun_mention])
    s2 = evaluate_attribution(gold_path, predictor(wrong))
    assert s2.speaker_correct == 0 and s2.speaker_accuracy == 0.0


def test_evaluate_attribution_belief_cues_not_false_positives(gold_path):
    p = statement(TEXT, 0, sp(TEXT, "Residents"), sp(TEXT, "fear"), sp(TEXT, "more delays"))
    s = evaluate_attribution(gold_path, predictor(p))
    assert s.belief.tp == 1 and s.belief.recall == 1.0
    assert s.speech_act.fp == 0 and s.speech_act.tp == 0 and s.speech_act.fn == 2
    assert is_belief_cue("are afraid") and is_belief_cue("would like") and is_belief_cue("plans")
    assert not is_belief_cue("said") and not is_belief_cue("called on")


def test_evaluate_attribution_duplicate_statements_on_one_cue_count_once(gold_path):
    a = oracle_for(TEXT, GOLD_ITEMS[:1])[0]
    b = oracle_for(TEXT, GOLD_ITEMS[:1])[0]
    b.index = 1
    s = evaluate_attribution(gold_path, predictor(a, b))
    assert s.cues.tp == 1 and s.cues.fp == 0


def test_evaluate_attribution_no_source_items_and_dispatch(tmp_path):
    items = [gold_item(TEXT, "The mayor of Springfield", "said", "the bridge would reopen in May")]
    nosrc = [gold_item(TEXT, None, "told", "\u201cWe will not wait forever,\u201d")]
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "doc1", "text": TEXT, "attributions": items, "attributions_no_source": nosrc}) + "\n", encoding="utf-8")
    assert gold_kind(path) == "attribution"
    s = evaluate_file(path, predictor(*oracle_for(TEXT, items + nosrc)))
    assert isinstance(s, AttributionScores)
    assert s.cues.tp == 2 and s.speaker_total == 1  # the no-source item is not in speaker accuracy
    d = scores_to_dict(s, details=True)
    json.dumps(d)
    assert d["cues"]["f1"] == 1.0 and d["details"][0]["missed"] == []
    console = Console(width=140, record=True)
    console.print(scores_table(s))
    assert "speaker accuracy" in console.export_text()


@pytest.mark.shared
def test_evaluate_attribution_real_dev_oracle_scores_one():
    path = SHARED / "eval" / "dev" / "attribution_dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent (needs ../shared)")
    recs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        recs[r["id"]] = r

    def predict(articles):
        out = []
        for a in articles:
            r = recs[a.id]
            sts = oracle_for(a.text, r["attributions"] + r.get("attributions_no_source", []))
            for st in sts:
                st.article_id = a.id
            out.append(ArticleResult(article=a, statements=sts))
        return out

    s = evaluate_attribution(path, predict)
    assert s.cues.f1 == 1.0 and s.speech_act.f1 == 1.0 and s.belief.fn == 0
    assert s.speaker_accuracy == 1.0
    assert s.content_f1 == pytest.approx(1.0, abs=0.02)  # fragments vs the min..max superspan
    assert s.belief.tp > 0
