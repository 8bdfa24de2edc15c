"""Statement-set scoring (kg.evaluate) on small gold files written by the tests.

Predictions are built by hand (no NLP): the scorer is tested on real files and
real Statement objects.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from kg.errors import InputError
from kg.evaluate import (
    StatementScores,
    evaluate_file,
    evaluate_statements,
    gold_kind,
    head_word,
    scores_table,
    scores_to_dict,
)
from kg.model import Actor, Article, ArticleResult, Span, Statement, StatementType

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


# --------------------------------------------------------------------------- helpers


def write_gold(tmp_path: Path, records: list[dict], name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def span(text: str, piece: str | None) -> Span:
    """The first occurrence of ``piece`` in ``text`` (or the first character)."""
    if piece:
        i = text.find(piece)
        if i >= 0:
            return Span(i, i + len(piece), piece)
    return Span(0, 1, text[:1])


def actor(text: str, name: str, *, qid: str | None = None, code: str | None = None, mentions: tuple[str, ...] = ()) -> Actor:
    return Actor(name=name, qid=qid, cameo_code=code, mentions=[span(text, m) for m in mentions])


def stmt(art: Article, i: int, src: Actor, typ: str, targets: list[Actor] | None = None, **kw) -> Statement:
    targets = targets or []
    return Statement(
        article_id=art.id,
        index=i,
        sentence=Span(0, len(art.text), art.text),
        actor=src,
        actor_mention=span(art.text, src.name),
        cue=span(art.text, kw.pop("cue", None)),
        cue_lemma="x",
        type=StatementType(typ),
        targets=targets,
        target_mentions=[span(art.text, t.name) for t in targets],
        **kw,
    )


def oracle_from_gold(records: dict[str, dict]):
    """A predictor that returns the gold events (negated ones with negated=True)."""

    def predict(articles: list[Article]) -> list[ArticleResult]:
        out = []
        for art in articles:
            rec = records[art.id]
            sts = []
            for neg, key in ((False, "events"), (True, "negated_events")):
                for ev in rec.get(key) or []:
                    src = actor(art.text, ev["source"], qid=ev.get("source_qid"), code=ev.get("source_code"))
                    tgts = []
                    if ev.get("target"):
                        tgts = [actor(art.text, ev["target"], qid=ev.get("target_qid"), code=ev.get("target_code"))]
                    sts.append(stmt(art, len(sts), src, ev["type"], tgts, negated=neg))
            out.append(ArticleResult(article=art, statements=sts))
        return out

    return predict


def by_table(preds: dict[str, list[tuple]]):
    """Predictor from {article id: [(actor name, type, [target names], kwargs)]}."""

    def predict(articles: list[Article]) -> list[ArticleResult]:
        out = []
        for art in articles:
            sts = []
            for src, typ, tgts, kw in preds.get(art.id, []):
                src_actor = src if isinstance(src, Actor) else actor(art.text, src)
                tgt_actors = [t if isinstance(t, Actor) else actor(art.text, t) for t in tgts]
                sts.append(stmt(art, len(sts), src_actor, typ, tgt_actors, **kw))
            out.append(ArticleResult(article=art, statements=sts))
        return out

    return predict


GOLD = [
    {
        "id": "a1",
        "text": "The Freedonian foreign minister Rufus Firefly accused Sylvania of spying, and praised Ruritania.",
        "date": "2001-02-03",
        "events": [
            {"source": "Rufus Firefly", "source_code": None, "target": "Sylvania", "target_code": None, "code": "112", "type": "ACCUSE"},
            {"source": "Rufus Firefly", "source_code": None, "target": "Ruritania", "target_code": None, "code": "051", "type": "PRAISE"},
        ],
        "ambiguous": False,
    },
    {
        "id": "a2",
        "text": "Sylvania urged Freedonia and Ruritania to talk. Ambassador Trentino announced new elections.",
        "date": None,
        "events": [
            {"source": "Sylvania", "target": "Freedonia", "code": "020", "type": "APPEAL"},
            {"source": "Sylvania", "target": "Ruritania", "code": "020", "type": "APPEAL"},
            {"source": "Ambassador Trentino", "target": None, "code": "010", "type": "STATEMENT"},
        ],
        "optional_events": [{"source": "Sylvania", "target": "Trentino", "code": "010", "type": "STATEMENT"}],
        "ambiguous": False,
    },
    {"id": "neg1", "text": "Freedonian troops crossed the river near the Sylvanian border.", "date": None, "events": [], "ambiguous": False},
    {
        "id": "neg2",
        "text": "Ruritania did not criticize Sylvania over the border dispute.",
        "date": None,
        "events": [],
        "negated_events": [{"source": "Ruritania", "target": "Sylvania", "code": "111", "type": "CRITICIZE"}],
        "ambiguous": False,
    },
    {
        "id": "amb",
        "text": "Freedonia reportedly warned Sylvania about the river.",
        "date": None,
        "events": [{"source": "Freedonia", "target": "Sylvania", "code": "010", "type": "WARN"}],
        "ambiguous": True,
    },
]


@pytest.fixture()
def gold(tmp_path: Path) -> tuple[Path, dict[str, dict]]:
    return write_gold(tmp_path, GOLD), {r["id"]: r for r in GOLD}


# --------------------------------------------------------------------------- tests


def test_evaluate_statements_perfect_oracle_scores_one(gold):
    path, recs = gold
    s = evaluate_statements(path, oracle_from_gold(recs))
    a = s.all
    assert (a.typed_dyads.precision, a.typed_dyads.recall, a.typed_dyads.f1) == (1.0, 1.0, 1.0)
    assert a.typed_dyads.tp == 5  # a1: 2, a2: 2, amb: 1
    assert (a.untyped_dyads.f1, a.monadic.f1, a.negated.f1) == (1.0, 1.0, 1.0)
    assert a.type_accuracy == 1.0
    assert (a.negatives, a.fp_on_negatives, a.negatives_with_fp) == (2, 0, 0)
    assert s.ambiguous == 1 and s.unambiguous.records == 4 and s.unambiguous.typed_dyads.tp == 4


def test_evaluate_statements_dropping_one_triple_lowers_recall_exactly(gold):
    path, recs = gold
    full = oracle_from_gold(recs)

    def predict(articles):
        res = full(articles)
        for r in res:
            if r.article.id == "a1":
                r.statements = [s for s in r.statements if s.type is not StatementType.PRAISE]
        return res

    s = evaluate_statements(path, predict)
    assert s.unambiguous.typed_dyads.recall == pytest.approx(3 / 4)  # a1 x2 + a2 x2, one dropped
    assert s.all.typed_dyads.recall == pytest.approx(4 / 5)  # plus the ambiguous record's dyad
    assert s.all.typed_dyads.precision == 1.0
    assert s.all.per_type["PRAISE"].fn == 1 and s.all.per_type["PRAISE"].recall == 0.0
    missed = [d for d in s.details if d["id"] == "a1"][0]["missed"]
    assert missed == [{"actor": "Rufus Firefly", "type": "PRAISE", "target": "Ruritania"}]


def test_evaluate_statements_prediction_on_negative_record_is_one_fp(gold):
    path, recs = gold
    full = oracle_from_gold(recs)

    def predict(articles):
        res = full(articles)
        for r in res:
            if r.article.id == "neg1":
                art = r.article
                r.statements.append(stmt(art, 0, actor(art.text, "Freedonian troops"), "CRITICIZE", [actor(art.text, "Sylvanian")]))
        return res

    s = evaluate_statements(path, predict)
    assert (s.all.fp_on_negatives, s.all.negatives_with_fp) == (1, 1)
    assert s.all.typed_dyads.fp == 1 and s.all.typed_dyads.precision == pytest.approx(5 / 6)
    fps = [d for d in s.details if d["id"] == "neg1"][0]["false_positives"]
    assert [(f["actor"], f["type"], f["target"]) for f in fps] == [("Freedonian troops", "CRITICIZE", "Sylvanian")]


def test_evaluate_statements_head_word_rule():
    assert head_word("Iranian Defense Minister Brigadier General Hossein Dehqan") == head_word("Hossein Dehqan") == "dehqan"
    assert head_word("U.S.") == head_word("US") == head_word("the United States") == "united states"
    assert head_word("us") != "united states"  # the pronoun is not the country
    assert head_word("Paraguay's President") == "paraguay"
    assert head_word("Secretary of State") == "state"


def test_evaluate_statements_head_word_matches_long_title_and_us(tmp_path):
    text = "Iranian Defense Minister Brigadier General Hossein Dehqan slammed the U.S. on Monday."
    path = write_gold(tmp_path, [{"id": "r", "text": text, "events": [
        {"source": "Iranian Defense Minister Brigadier General Hossein Dehqan", "target": "U.S.", "type": "CRITICIZE", "code": "111"}]}])
    good = evaluate_statements(path, by_table({"r": [("Hossein Dehqan", "CRITICIZE", [Actor(name="United States")], {})]}))
    assert good.all.typed_dyads.f1 == 1.0
    bad = evaluate_statements(path, by_table({"r": [("Hossein Rouhani", "CRITICIZE", [Actor(name="United Kingdom")], {})]}))
    assert bad.all.typed_dyads.tp == 0 and bad.all.typed_dyads.fp == 1 and bad.all.typed_dyads.fn == 1


def test_evaluate_statements_mentions_count_as_names(tmp_path):
    text = "Dehqan criticized Washington. The minister spoke in Tehran."
    path = write_gold(tmp_path, [{"id": "r", "text": text, "events": [
        {"source": "Dehqan", "target": "Washington", "type": "CRITICIZE", "code": "111"}]}])
    us = Actor(name="United States", qid="Q30", mentions=[span(text, "Washington")])
    s = evaluate_statements(path, by_table({"r": [("Hossein Dehqan", "CRITICIZE", [us], {})]}))
    assert s.all.typed_dyads.tp == 1


def test_evaluate_statements_qid_and_cameo_code_match(tmp_path):
    text = "Tehran condemned the raid. Gondor praised Arnor."
    path = write_gold(tmp_path, [{"id": "r", "text": text, "events": [
        {"source": "Tehran", "source_qid": "Q794", "target": None, "target_qid": None, "type": "CRITICIZE", "code": "111"},
        {"source": "Gondor", "source_code": "GON", "target": "Arnor", "target_code": "ARN", "type": "PRAISE", "code": "051"}]}])
    iran = Actor(name="Iran", qid="Q794")
    king = Actor(name="The King", cameo_code="GON")
    north = Actor(name="Northern realm", cameo_code="arn")
    s = evaluate_statements(path, by_table({"r": [(iran, "CRITICIZE", [], {}), (king, "PRAISE", [north], {})]}))
    assert s.all.monadic.tp == 1 and s.all.typed_dyads.tp == 1
    no_ids = evaluate_statements(path, by_table({"r": [("Iran", "CRITICIZE", [], {}), ("The King", "PRAISE", ["Northern realm"], {})]}))
    assert no_ids.all.monadic.tp == 0 and no_ids.all.typed_dyads.tp == 0


def test_evaluate_statements_optional_events_are_ignored(gold):
    path, recs = gold
    full = oracle_from_gold(recs)

    def predict(articles):
        res = full(articles)
        for r in res:
            if r.article.id == "a2":
                art = r.article
                r.statements.append(stmt(art, 9, actor(art.text, "Sylvania"), "CONSULT", [actor(art.text, "Trentino")]))
                r.statements.append(stmt(art, 10, actor(art.text, "Trentino"), "PRAISE", [actor(art.text, "Freedonia")]))
        return res

    s = evaluate_statements(path, predict)
    assert s.all.ignored_optional == 1  # matches the optional event (type not checked)
    assert s.all.typed_dyads.fp == 1  # Trentino -> Freedonia is a real false positive
    d = [d for d in s.details if d["id"] == "a2"][0]
    assert [i["target"] for i in d["ignored"]] == ["Trentino"]


def test_evaluate_statements_negated_predictions_scored_separately(gold):
    path, recs = gold
    s = evaluate_statements(path, oracle_from_gold(recs))
    assert s.all.negated.tp == 1 and s.all.fp_on_negatives == 0

    def positive_claim(articles):
        res = oracle_from_gold(recs)(articles)
        for r in res:
            for st in r.statements:
                st.negated = False
        return res

    s2 = evaluate_statements(path, positive_claim)
    assert s2.all.negated.fn == 1 and s2.all.fp_on_negatives == 1

    def hypothetical(articles):
        res = oracle_from_gold(recs)(articles)
        art = [r for r in res if r.article.id == "neg1"][0]
        art.statements.append(stmt(art.article, 0, actor(art.article.text, "Freedonian troops"), "THREATEN", [], hypothetical=True))
        return res

    s3 = evaluate_statements(path, hypothetical)
    assert s3.all.fp_on_negatives == 0 and s3.all.hypothetical == 1


def test_evaluate_statements_wrong_type_and_type_accuracy(tmp_path):
    text = "Gondor blamed Arnor and Rohan."
    path = write_gold(tmp_path, [{"id": "r", "text": text, "events": [
        {"source": "Gondor", "target": "Arnor", "type": "ACCUSE", "code": "112"},
        {"source": "Gondor", "target": "Rohan", "type": "ACCUSE", "code": "112"}]}])
    s = evaluate_statements(path, by_table({"r": [("Gondor", "ACCUSE", ["Arnor"], {}), ("Gondor", "CRITICIZE", ["Rohan"], {})]}))
    a = s.all
    assert (a.typed_dyads.tp, a.typed_dyads.fp, a.typed_dyads.fn) == (1, 1, 1)
    assert (a.untyped_dyads.tp, a.untyped_dyads.fp, a.untyped_dyads.fn) == (2, 0, 0)
    assert a.type_accuracy == 0.5
    d = s.details[0]
    assert d["wrong_type"][0]["predicted"]["type"] == "CRITICIZE" and d["false_positives"] == [] and d["missed"] == []


def test_evaluate_statements_multi_target_flattens_and_one_to_one(tmp_path):
    text = "Gondor accused Arnor, Rohan and Harad of supporting raiders."
    path = write_gold(tmp_path, [{"id": "r", "text": text, "events": [
        {"source": "Gondor", "target": t, "type": "ACCUSE", "code": "112"} for t in ("Arnor", "Rohan", "Harad")]}])
    s = evaluate_statements(path, by_table({"r": [("Gondor", "ACCUSE", ["Arnor", "Rohan", "Harad"], {})]}))
    assert s.all.typed_dyads.tp == 3 and s.all.typed_dyads.f1 == 1.0
    twice = evaluate_statements(path, by_table({"r": [("Gondor", "ACCUSE", ["Arnor"], {}), ("Gondor", "ACCUSE", ["Arnor"], {})]}))
    assert (twice.all.typed_dyads.tp, twice.all.typed_dyads.fp, twice.all.typed_dyads.fn) == (1, 1, 2)


def test_evaluate_statements_predict_called_once_with_all_articles(gold):
    path, recs = gold
    calls = []

    def predict(articles):
        calls.append([a.id for a in articles])
        return []

    s = evaluate_statements(path, predict)
    assert calls == [["a1", "a2", "neg1", "neg2", "amb"]]
    assert s.all.typed_dyads.recall == 0.0 and s.all.typed_dyads.precision is None and s.all.typed_dyads.f1 == 0.0


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("not json\n", "not JSON"),
        ('{"id": "x", "text": "t"}\n', "'events'"),
        ('{"id": "x", "text": "t", "events": [{"source": "A", "type": "SHOUT"}]}\n', "18 statement types"),
        ('{"id": "x", "text": "", "events": []}\n', "'text'"),
        ("", "no records"),
    ],
)
def test_evaluate_statements_bad_gold_raises_e050(tmp_path, content, reason):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        evaluate_statements(path, lambda arts: [])
    assert err.value.code == "E050" and reason in str(err.value) and "bad.jsonl" in str(err.value)


def test_evaluate_statements_gold_kind_and_dispatch(tmp_path, gold):
    path, recs = gold
    assert gold_kind(path) == "statements"
    assert isinstance(evaluate_file(path, oracle_from_gold(recs)), StatementScores)
    el = write_gold(tmp_path, [{"id": "m", "text": "Paris is big.", "mentions": [{"start": 0, "end": 5, "surface": "Paris", "qid_or_wikipedia_title": "Q90"}]}], "el.jsonl")
    assert gold_kind(el) == "linking"
    with pytest.raises(InputError, match="entity-linking"):
        evaluate_file(el, lambda arts: [])
    other = write_gold(tmp_path, [{"id": "m", "text": "Paris is big."}], "other.jsonl")
    with pytest.raises(InputError, match="E050"):
        gold_kind(other)


def test_evaluate_statements_rendering(gold):
    path, recs = gold
    s = evaluate_statements(path, oracle_from_gold(recs))
    d = scores_to_dict(s, details=True)
    json.dumps(d)
    assert d["all"]["typed_dyads"]["f1"] == 1.0 and d["without_ambiguous"]["records"] == 4 and len(d["details"]) == 5
    console = Console(width=160, record=True)
    console.print(scores_table(s))
    out = console.export_text()
    assert "typed dyads" in out and "negative records" in out and "gold.jsonl" in out and "typed PRAISE" in out


DEV_STATEMENT_FILES = ["petrarch_dev.jsonl", "plover_gsr_dev.jsonl", "cameo_manual_dev.jsonl", "seed_dev.jsonl", "news_dev.jsonl"]


@pytest.mark.shared
@pytest.mark.parametrize("name", DEV_STATEMENT_FILES)
def test_evaluate_statements_real_dev_oracle_scores_one(name):
    path = SHARED / "eval" / "dev" / name
    if not path.exists():
        pytest.skip(f"{path} is absent (needs ../shared)")
    recs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            recs[r["id"]] = r
    s = evaluate_statements(path, oracle_from_gold(recs))
    for block in (s.all, s.unambiguous):
        for prf in (block.typed_dyads, block.untyped_dyads, block.monadic, block.negated):
            assert prf.fp == 0 and prf.fn == 0
            assert prf.f1 in (1.0, None)
        assert block.fp_on_negatives == 0
    assert s.all.typed_dyads.tp + s.all.monadic.tp > 0
