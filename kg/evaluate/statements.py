"""Scoring statement sets (gold records with ``events``): :func:`evaluate_statements`.

Protocol
--------
* Each statement is flattened into (actor, type, target) triples, one per
  target; a statement without targets gives (actor, type, null).  Dyads have
  a target, monadic triples none.
* Actors match when the gold name and one of the predicted actor's names
  (canonical :attr:`Actor.name`, the text of any of its mentions, and the
  statement's own mention) share a **head word**, or both carry the same
  Wikidata QID (gold ``source_qid``/``target_qid``) or CAMEO actor code (gold
  ``source_code``/``target_code`` vs :attr:`Actor.cameo_code`).  The head word
  is the last word that is not a title ("President", "Minister", "General",
  "Secretary", ... see :data:`kg.names.TITLE_WORDS`), case-insensitive, ignoring a
  possessive ``'s``; "US", "U.S.", "USA", "U.S.A.", "United States" (of
  America) all have the head ``"united states"``.  Lower-case "us" is a
  pronoun and is not mapped.
* A predicted triple matches a gold triple when actors match and targets
  match (or both are null); for the typed scores the types must be equal too.
  Each gold triple matches at most one predicted triple and vice versa: a
  maximum one-to-one matching (augmenting paths, per record).  The untyped
  matching is grown from the typed one, so pairs of equal type are kept
  where the matching allows.
* ``optional_events``: a predicted triple left unmatched that matches an
  optional triple (actors and targets; the type is not checked) is ignored:
  neither a true nor a false positive.
* Negation: predicted statements with ``negated=True`` or
  ``hypothetical=True`` are **not** in the positive set.  Negated predictions
  are scored separately against ``negated_events`` (actors and targets,
  types not checked); hypothetical-only ones are only counted.  A positive
  prediction of a negated gold event is an ordinary false positive.
* Negative records (``events == []``): every positive predicted triple there
  that is not ignored is a false positive; reported as a count of triples
  and of records.
* Scores are given over all records and without ``ambiguous: true`` ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError, Msg
from kg.evaluate.actors import actor_heads, actor_match
from kg.evaluate.gold import RecordFilter, gold_articles, predict_by_id, read_gold, select_records
from kg.evaluate.scoring import PRF, Predictor, max_matching, rounded
from kg.model import Actor, Span, Statement, StatementType

__all__ = [
    "GoldTriple",
    "PredTriple",
    "StatementBlock",
    "StatementScores",
    "evaluate_statements",
    "gold_triples",
    "match_triples",
    "positive_statements",
    "pred_triples",
    "speaker_match",
    "typed_match",
    "untyped_match",
]


@dataclass(frozen=True)
class GoldTriple:
    """One gold (actor, type, target) triple of a gold event (``target`` ``None`` for a monadic one).

    ``actor``/``target`` are the gold ``source``/``target`` names, ``*_qid`` the
    Wikidata QIDs (``source_qid``/``target_qid``), ``*_code`` the CAMEO actor
    codes, ``evidence`` the gold ``evidence`` text (news_dev, voa_dev, seed_dev) or ``None``.
    """

    actor: str
    actor_qid: str | None
    actor_code: str | None
    type: str
    target: str | None
    target_qid: str | None
    target_code: str | None
    evidence: str | None

    def to_dict(self) -> dict[str, Any]:
        d = {"actor": self.actor, "type": self.type, "target": self.target}
        if self.evidence:
            d["evidence"] = self.evidence
        return d


@dataclass(frozen=True)
class PredTriple:
    """One predicted (actor, type, target) triple of a :class:`Statement` (one per target; ``target`` ``None`` when it has none).

    ``heads`` are the head words of the speaker's names (:func:`~kg.evaluate.actors.actor_heads`),
    ``qid``/``code`` its QID and CAMEO code; ``target_*`` the same of the target.
    """

    statement: Statement
    heads: frozenset[str]
    qid: str | None
    code: str | None
    type: str
    target: Actor | None
    target_heads: frozenset[str]
    target_qid: str | None
    target_code: str | None

    def to_dict(self) -> dict[str, Any]:
        s = self.statement
        return {
            "actor": s.actor.name,
            "type": self.type,
            "target": self.target.name if self.target is not None else None,
            "cue": s.cue.text,
            "cue_start": s.cue.start,
            "sentence": s.sentence.text,
        }


def gold_triples(path: Path, lineno: int, events: object, key: str) -> list[GoldTriple]:
    """The triples of one record's ``events`` (or ``optional_events``, ``negated_events``: ``key``).

    :param events: the JSON value of ``key`` (``None`` gives ``[]``).
    :raises InputError: E050 when it is not a list of events with a string
        ``source``, one of the 18 ``type`` values and a string or null ``target``.
    """
    if events is None:
        return []
    if not isinstance(events, list):
        raise InputError(Msg.E050, path=path, reason=f"line {lineno}: {key!r} is not a list")
    out = []
    valid = {t.value for t in StatementType}
    for k, ev in enumerate(events):
        where = f"line {lineno}, {key}[{k}]"
        if not isinstance(ev, dict) or not isinstance(ev.get("source"), str) or not ev["source"].strip():
            raise InputError(Msg.E050, path=path, reason=f"{where} has no string 'source'")
        if ev.get("type") not in valid:
            raise InputError(Msg.E050, path=path, reason=f"{where}: type {ev.get('type')!r} is not one of the 18 statement types")
        target = ev.get("target")
        if target is not None and not isinstance(target, str):
            raise InputError(Msg.E050, path=path, reason=f"{where}: 'target' must be a string or null")
        out.append(
            GoldTriple(
                actor=ev["source"],
                actor_qid=ev.get("source_qid") or None,
                actor_code=ev.get("source_code") or None,
                type=ev["type"],
                target=target if target and target.strip() else None,
                target_qid=ev.get("target_qid") or None,
                target_code=ev.get("target_code") or None,
                evidence=ev.get("evidence") if isinstance(ev.get("evidence"), str) else None,
            )
        )
    return out


def pred_triples(statements: Iterable[Statement]) -> Iterator[PredTriple]:
    """Flatten statements into triples: one per target, ``(actor, type, None)`` for a statement without target."""
    for s in statements:
        heads = actor_heads(s.actor, s.actor_mention)
        pairs: list[tuple[Actor | None, Span | None]] = list(zip(s.targets, s.target_mentions))
        pairs += [(t, None) for t in s.targets[len(s.target_mentions) :]]
        for target, mention in pairs or [(None, None)]:
            yield PredTriple(
                statement=s,
                heads=heads,
                qid=s.actor.qid,
                code=s.actor.cameo_code,
                type=s.type.value,
                target=target,
                target_heads=actor_heads(target, mention) if target is not None else frozenset(),
                target_qid=target.qid if target is not None else None,
                target_code=target.cameo_code if target is not None else None,
            )


def positive_statements(statements: Iterable[Statement]) -> list[Statement]:
    """The statements scored as positives: neither ``negated`` nor ``hypothetical``."""
    return [s for s in statements if not s.negated and not s.hypothetical]


def speaker_match(g: GoldTriple, p: PredTriple) -> bool:
    """True when the gold actor and the predicted speaker match (head word, QID or CAMEO code; module docs)."""
    return actor_match(g.actor, g.actor_qid, g.actor_code, p.heads, p.qid, p.code)


def untyped_match(g: GoldTriple, p: PredTriple) -> bool:
    """True when actors match and targets match (or both are ``None``); types are not compared."""
    if (g.target is None) != (p.target is None):
        return False
    if not speaker_match(g, p):
        return False
    if g.target is None:
        return True
    return actor_match(g.target, g.target_qid, g.target_code, p.target_heads, p.target_qid, p.target_code)


def typed_match(g: GoldTriple, p: PredTriple) -> bool:
    """:func:`untyped_match` and equal types."""
    return g.type == p.type and untyped_match(g, p)


@dataclass
class _RecordCounts:
    """Per-record counts, summed into a :class:`StatementBlock`."""

    typed_dyads: PRF
    untyped_dyads: PRF
    monadic: PRF
    monadic_untyped: PRF
    negated: PRF
    type_matched: int
    type_correct: int
    per_type: dict[str, PRF]
    ignored_optional: int
    hypothetical: int
    negative: bool
    fp_on_negative: int


@dataclass(frozen=True)
class StatementBlock:
    """Scores over a set of records.

    :param records: number of records scored.
    :param negatives: records with ``events == []``.
    :param fp_on_negatives: positive predicted triples (not ignored) on negative records.
    :param negatives_with_fp: negative records with at least one such triple.
    :param typed_dyads: P/R/F1 of (actor, type, target) with a target.
    :param untyped_dyads: P/R/F1 of (actor, target), types not compared.
    :param monadic: P/R/F1 of (actor, type, null).
    :param monadic_untyped: P/R/F1 of (actor, null), types not compared.
    :param type_accuracy: share of matched untyped dyads whose types agree.
    :param per_type: typed-dyad P/R/F1 per gold/predicted type.
    :param negated: negated predictions vs ``negated_events`` (actors and targets).
    :param ignored_optional: predicted triples ignored because they match an optional event.
    :param hypothetical: hypothetical (not negated) predicted triples, left out.
    """

    records: int = 0
    negatives: int = 0
    fp_on_negatives: int = 0
    negatives_with_fp: int = 0
    typed_dyads: PRF = PRF()
    untyped_dyads: PRF = PRF()
    monadic: PRF = PRF()
    monadic_untyped: PRF = PRF()
    type_matched: int = 0
    type_correct: int = 0
    per_type: dict[str, PRF] = field(default_factory=dict)
    negated: PRF = PRF()
    ignored_optional: int = 0
    hypothetical: int = 0

    @property
    def type_accuracy(self) -> float | None:
        return self.type_correct / self.type_matched if self.type_matched else None

    @classmethod
    def total(cls, counts: Iterable[_RecordCounts]) -> "StatementBlock":
        agg: dict[str, Any] = defaultdict(PRF)
        per_type: dict[str, PRF] = defaultdict(PRF)
        n = neg = fpn = negfp = tm = tc = ign = hyp = 0
        for c in counts:
            n += 1
            for k in ("typed_dyads", "untyped_dyads", "monadic", "monadic_untyped", "negated"):
                agg[k] = agg[k] + getattr(c, k)
            for t, prf in c.per_type.items():
                per_type[t] = per_type[t] + prf
            tm += c.type_matched
            tc += c.type_correct
            ign += c.ignored_optional
            hyp += c.hypothetical
            if c.negative:
                neg += 1
                fpn += c.fp_on_negative
                negfp += c.fp_on_negative > 0
        return cls(
            records=n,
            negatives=neg,
            fp_on_negatives=fpn,
            negatives_with_fp=negfp,
            typed_dyads=agg["typed_dyads"],
            untyped_dyads=agg["untyped_dyads"],
            monadic=agg["monadic"],
            monadic_untyped=agg["monadic_untyped"],
            type_matched=tm,
            type_correct=tc,
            per_type=dict(sorted(per_type.items())),
            negated=agg["negated"],
            ignored_optional=ign,
            hypothetical=hyp,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "negatives": self.negatives,
            "fp_on_negatives": self.fp_on_negatives,
            "negatives_with_fp": self.negatives_with_fp,
            "typed_dyads": self.typed_dyads.to_dict(),
            "untyped_dyads": self.untyped_dyads.to_dict(),
            "monadic": self.monadic.to_dict(),
            "monadic_untyped": self.monadic_untyped.to_dict(),
            "type_accuracy": rounded(self.type_accuracy),
            "type_matched": self.type_matched,
            "per_type": {t: p.to_dict() for t, p in self.per_type.items()},
            "negated": self.negated.to_dict(),
            "ignored_optional": self.ignored_optional,
            "hypothetical": self.hypothetical,
        }


@dataclass(frozen=True)
class StatementScores:
    """Result of :func:`evaluate_statements`.

    :param path: the gold file.
    :param all: scores over all records.
    :param unambiguous: scores without ``ambiguous: true`` records.
    :param ambiguous: number of ambiguous records.
    :param details: one dict per record for error analysis: ``id``,
        ``ambiguous``, ``negative``, ``gold`` (number of required triples),
        ``matched`` ([{gold, predicted}]), ``missed`` (gold triples without
        any match), ``wrong_type`` ([{gold, predicted}] matched except for
        the type), ``false_positives`` (predicted triples), ``ignored``
        (predicted triples matching optional events), ``negated_missed``,
        ``negated_false_positives``.
    """

    path: Path
    all: StatementBlock
    unambiguous: StatementBlock
    ambiguous: int
    details: list[dict[str, Any]]
    kind: str = "statements"


def match_triples(gold: list[GoldTriple], pred: list[PredTriple]) -> tuple[dict[int, int], dict[int, int]]:
    """The protocol's one-to-one matchings of one record's triples: ``(typed, untyped)``, each gold index -> pred index.

    ``typed`` is a maximum matching under :func:`typed_match`; ``untyped`` a
    maximum matching under :func:`untyped_match` grown from ``typed`` (so
    every gold triple matched typed is matched untyped too, to the same
    prediction where the matching allows).
    """
    typed = max_matching(len(gold), len(pred), lambda i, j: typed_match(gold[i], pred[j]))
    untyped = max_matching(len(gold), len(pred), lambda i, j: untyped_match(gold[i], pred[j]), init=typed)
    return typed, untyped


def _score_category(
    gold: list[GoldTriple],
    pred: list[PredTriple],
    optional: list[GoldTriple],
) -> tuple[dict[int, int], dict[int, int], list[int], list[int]]:
    """Typed and untyped matchings (gold -> pred), then ignored and FP predictions (typed sense)."""
    typed, untyped = match_triples(gold, pred)
    used = set(untyped.values())  # contains every typed-matched prediction too
    ignored, fps = [], []
    for j, p in enumerate(pred):
        if j in used:
            continue
        if any(untyped_match(o, p) for o in optional):
            ignored.append(j)
    typed_used = set(typed.values())
    fps = [j for j in range(len(pred)) if j not in typed_used and j not in ignored]
    return typed, untyped, ignored, fps


def _score_record(rec: dict[str, Any], path: Path, lineno: int, statements: list[Statement]) -> tuple[_RecordCounts, dict[str, Any]]:
    events = rec.get("events")
    if not isinstance(events, list):
        raise InputError(Msg.E050, path=path, reason=f"line {lineno}: 'events' is missing or not a list")
    gold = gold_triples(path, lineno, events, "events")
    optional = gold_triples(path, lineno, rec.get("optional_events"), "optional_events")
    neg_gold = gold_triples(path, lineno, rec.get("negated_events"), "negated_events")

    positive = positive_statements(statements)
    negated = [s for s in statements if s.negated]
    hypothetical = sum(1 for s in statements if s.hypothetical and not s.negated)
    preds = list(pred_triples(positive))
    neg_preds = list(pred_triples(negated))

    detail: dict[str, Any] = {
        "id": rec["id"],
        "ambiguous": bool(rec.get("ambiguous")),
        "negative": not gold,
        "gold": len(gold),
        "matched": [],
        "missed": [],
        "wrong_type": [],
        "false_positives": [],
        "ignored": [],
    }
    prfs: dict[str, PRF] = {}
    per_type: dict[str, PRF] = defaultdict(PRF)
    type_matched = type_correct = 0
    n_ignored = 0
    fp_total = 0
    for cat, want_target in (("dyads", True), ("monadic", False)):
        g = [t for t in gold if (t.target is not None) == want_target]
        p = [t for t in preds if (t.target is not None) == want_target]
        o = [t for t in optional if (t.target is not None) == want_target]
        typed, untyped, ignored, fps = _score_category(g, p, o)
        untyped_used = set(untyped.values())
        untyped_fp = sum(1 for j in range(len(p)) if j not in untyped_used and j not in ignored)
        # Predictions matched only when types are ignored are typed FPs (never ignored as optional).
        fp_typed = len(p) - len(typed) - len(ignored)
        typed_prf = PRF(len(typed), fp_typed, len(g) - len(typed))
        untyped_prf = PRF(len(untyped), untyped_fp, len(g) - len(untyped))
        if want_target:
            prfs["typed_dyads"], prfs["untyped_dyads"] = typed_prf, untyped_prf
            for i, j in untyped.items():
                type_matched += 1
                type_correct += g[i].type == p[j].type
            for i, j in typed.items():
                per_type[g[i].type] += PRF(tp=1)
            for i in range(len(g)):
                if i not in typed:
                    per_type[g[i].type] += PRF(fn=1)
            for j in range(len(p)):
                if j not in set(typed.values()) and j not in ignored:
                    per_type[p[j].type] += PRF(fp=1)
        else:
            prfs["monadic"], prfs["monadic_untyped"] = typed_prf, untyped_prf
        n_ignored += len(ignored)
        fp_total += fp_typed
        for i, j in typed.items():
            detail["matched"].append({"gold": g[i].to_dict(), "predicted": p[j].to_dict()})
        for i in range(len(g)):
            if i in typed:
                continue
            if i in untyped:
                detail["wrong_type"].append({"gold": g[i].to_dict(), "predicted": p[untyped[i]].to_dict()})
            else:
                detail["missed"].append(g[i].to_dict())
        wrong_type_preds = {untyped[i] for i in untyped if i not in typed}
        detail["false_positives"] += [p[j].to_dict() for j in fps if j not in wrong_type_preds]
        detail["ignored"] += [p[j].to_dict() for j in ignored]

    neg_match = max_matching(len(neg_gold), len(neg_preds), lambda i, j: untyped_match(neg_gold[i], neg_preds[j]))
    neg_prf = PRF(len(neg_match), len(neg_preds) - len(neg_match), len(neg_gold) - len(neg_match))
    detail["negated_missed"] = [neg_gold[i].to_dict() for i in range(len(neg_gold)) if i not in neg_match]
    used = set(neg_match.values())
    detail["negated_false_positives"] = [neg_preds[j].to_dict() for j in range(len(neg_preds)) if j not in used]

    counts = _RecordCounts(
        typed_dyads=prfs["typed_dyads"],
        untyped_dyads=prfs["untyped_dyads"],
        monadic=prfs["monadic"],
        monadic_untyped=prfs["monadic_untyped"],
        negated=neg_prf,
        type_matched=type_matched,
        type_correct=type_correct,
        per_type=dict(per_type),
        ignored_optional=n_ignored,
        hypothetical=hypothetical,
        negative=not gold,
        fp_on_negative=fp_total if not gold else 0,
    )
    return counts, detail


def evaluate_statements(gold_path: Path | str, predict: Predictor, *, keep: RecordFilter | None = None) -> StatementScores:
    """Score predicted statements against a statement-set gold file.

    :param gold_path: JSONL with ``id``, ``text``, ``date``, ``events`` (and
        optionally ``negated_events``, ``optional_events``, ``ambiguous``).
    :param predict: called once with all gold texts as Articles; returns one
        :class:`ArticleResult` per article (missing ones count as no predictions).
    :param keep: score only the records whose id it accepts (e.g. a split of
        :mod:`kg.evaluate.splits`); the whole file is still checked first.
    :returns: :class:`StatementScores` (protocol in the module docs).
    :raises InputError: E050 when the file is not a statement gold file.
    """
    path = Path(gold_path)
    records = read_gold(path)
    for lineno, rec in records:
        if not isinstance(rec.get("events"), list):
            raise InputError(Msg.E050, path=path, reason=f"line {lineno}: 'events' is missing or not a list")
    # Validate all gold before running the (slow) predictor.
    for lineno, rec in records:
        for key in ("events", "optional_events", "negated_events"):
            gold_triples(path, lineno, rec.get(key), key)
    records = select_records(records, keep)
    articles = gold_articles(path, records)
    predicted = predict_by_id(path, articles, predict)
    all_counts, clear_counts, details = [], [], []
    n_amb = 0
    for lineno, rec in records:
        counts, detail = _score_record(rec, path, lineno, predicted[rec["id"]])
        all_counts.append(counts)
        if rec.get("ambiguous") is True:
            n_amb += 1
        else:
            clear_counts.append(counts)
        details.append(detail)
    return StatementScores(
        path=path,
        all=StatementBlock.total(all_counts),
        unambiguous=StatementBlock.total(clear_counts),
        ambiguous=n_amb,
        details=details,
    )
