"""Scoring kg against gold files (protocols of ``../shared/eval/README.md``).

Two kinds of gold file are scored here (JSON Lines, one record per line):

* **statement sets** (records with ``events``): :func:`evaluate_statements`;
* **attribution sets** (records with ``attributions``): :func:`evaluate_attribution`.

Entity-linking gold (records with ``mentions``) is scored by the linking
stage; :func:`gold_kind` tells the kinds apart and :func:`evaluate_file`
dispatches.  Both scorers take a ``predict`` callable,
``list[Article] -> list[ArticleResult]``, called once with all gold texts
as :class:`~kg.model.Article` objects (``id``, ``text``, ``date`` from the
gold record), so the caller decides how extraction runs (batching, model).

Statement protocol
------------------
* Each statement is flattened into (actor, type, target) triples, one per
  target; a statement without targets gives (actor, type, null).  Dyads have
  a target, monadic triples none.
* Actors match when the gold name and one of the predicted actor's names
  (canonical :attr:`Actor.name`, the text of any of its mentions, and the
  statement's own mention) share a **head word**, or both carry the same
  Wikidata QID (gold ``source_qid``/``target_qid``) or CAMEO actor code (gold
  ``source_code``/``target_code`` vs :attr:`Actor.cameo_code`).  The head word
  is the last word that is not a title ("President", "Minister", "General",
  "Secretary", ... see :data:`TITLE_WORDS`), case-insensitive, ignoring a
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

Attribution protocol
--------------------
* A predicted statement matches a gold attribution when their cue spans
  overlap, or their content spans overlap by at least half of the shorter
  one; one-to-one maximum matching per record.  Predicted statements with the
  same cue and content span count once (a statement with several types).
* Gold items: ``attributions`` and ``attributions_no_source`` (the latter
  have no speaker and are left out of speaker accuracy).
* Speaker correct: the predicted :attr:`Statement.actor_mention` or any of
  :attr:`Actor.mentions` of the resolved actor overlaps the gold speaker span.
* Content token-overlap F1: over word tokens (``\\w+``) by position, inside
  the gold content (its ``content_fragments`` when given) and the predicted
  content span; a matched prediction without content scores 0.  Averaged over
  matched pairs.
* Belief / intention cues ("are afraid", "plans", "would like") are told from
  speech acts by :data:`BELIEF_CUE_WORDS` (word forms of believe, think,
  fear, afraid, plan, hope, expect, want, intend, worry, feel, wish, know,
  doubt, consider, see, find, determined, eager, convinced, confident,
  concerned, sure, would like).  Speech-act precision and recall leave out
  belief gold items and the predictions matched to them (those are not false
  positives); belief items get a recall of their own.

Rendering: :func:`scores_table` (rich) and :func:`scores_to_dict` (JSON);
:func:`evaluate_path` runs a loaded pipeline over gold files for ``kg evaluate``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kg.errors import InputError, Msg
from kg.model import Actor, Article, ArticleResult, Span, Statement, StatementType

__all__ = [
    "PRF",
    "StatementBlock",
    "StatementScores",
    "AttributionScores",
    "Predictor",
    "TITLE_WORDS",
    "BELIEF_CUE_WORDS",
    "head_word",
    "is_belief_cue",
    "gold_kind",
    "evaluate_statements",
    "evaluate_attribution",
    "evaluate_file",
    "scores_table",
    "scores_to_dict",
    "details_to_records",
    "evaluate_path",
]

Predictor = Callable[[list[Article]], list[ArticleResult]]
GoldKind = Literal["statements", "attribution", "linking"]

#: Words skipped when finding the head word of a name (titles, ranks, honorifics, suffixes).
TITLE_WORDS: frozenset[str] = frozenset(
    """
    president vice prime minister ministers secretary general brigadier major lieutenant colonel captain admiral
    commander chief marshal sergeant gen col lt capt adm cmdr chancellor premier king queen prince princess emperor
    sultan emir sheikh shaikh ayatollah imam pope cardinal bishop archbishop rev reverend mr mrs ms miss dr sir lord
    lady dame senator sen rep representative congressman congresswoman governor gov mayor ambassador envoy
    spokesman spokeswoman spokesperson speaker leader deputy acting former secretary-general judge attorney
    jr sr ii iii iv
    """.split()
)

#: Word forms that mark a belief/intention cue rather than a speech act.
BELIEF_CUE_WORDS: frozenset[str] = frozenset(
    """
    believe believes believed believing belief beliefs think thinks thought thinking fear fears feared fearing
    afraid plan plans planned planning hope hopes hoped hoping expect expects expected expecting expectation
    want wants wanted wanting intend intends intended intending intention intentions worry worries worried
    worrying feel feels felt feeling wish wishes wished know knows knew known doubt doubts doubted consider
    considers considered see sees saw seen find finds found determined eager eagerness convinced confident
    concerned sure
    """.split()
)

_US_FORMS = {"US", "U.S.", "U.S", "USA", "U.S.A.", "U.S.A"}
_US_HEAD = "united states"
_FUNCTION_WORDS = {"the", "of", "for", "and"}
_WORD = re.compile(r"[\w.'’\-]+")


# --------------------------------------------------------------------------- small parts


@dataclass(frozen=True)
class PRF:
    """Counts and precision / recall / F1.

    ``precision`` is ``None`` when nothing was predicted, ``recall`` when
    there is no gold; ``f1 = 2tp / (2tp + fp + fn)`` (``None`` when all are 0).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else None

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _r(self.precision),
            "recall": _r(self.recall),
            "f1": _r(self.f1),
        }


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def head_word(name: str) -> str:
    """The head word of an actor name (lower case, dots removed), per the module rules.

    >>> head_word("Iranian Defense Minister Brigadier General Hossein Dehqan")
    'dehqan'
    >>> head_word("U.S."), head_word("the United States"), head_word("Washington's")
    ('united states', 'united states', 'washington')
    """
    raw = [re.sub(r"['’]s?$", "", w.strip("-'’")) for w in _WORD.findall(name)]
    raw = [w for w in raw if w.strip(".")]
    if not raw:
        return name.strip().lower()
    keys = [w.replace(".", "").lower() for w in raw]
    core = [k for k in keys if k != "the"] or keys
    if " ".join(core) in ("united states", "united states of america"):
        return _US_HEAD
    for w, k in zip(reversed(raw), reversed(keys)):
        if k in _FUNCTION_WORDS or k in TITLE_WORDS:
            continue
        if w in _US_FORMS:
            return _US_HEAD
        return k
    return keys[-1]


def is_belief_cue(cue: str) -> bool:
    """True when a cue's words include a belief/intention word (:data:`BELIEF_CUE_WORDS`) or "would like"."""
    low = cue.lower()
    if re.search(r"\bwould like\b", low):
        return True
    return any(w in BELIEF_CUE_WORDS for w in re.findall(r"[a-z]+", low))


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _max_matching(n_left: int, n_right: int, edge: Callable[[int, int], bool], init: dict[int, int] | None = None) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn's augmenting paths): left index -> right index."""
    adj = [[j for j in range(n_right) if edge(i, j)] for i in range(n_left)]
    match_r: dict[int, int] = {}
    match_l: dict[int, int] = {}
    for i, j in (init or {}).items():
        match_l[i] = j
        match_r[j] = i

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in match_r or augment(match_r[j], seen):
                match_r[j] = i
                match_l[i] = j
                return True
        return False

    for i in range(n_left):
        if i not in match_l:
            augment(i, set())
    return dict(match_l)


# --------------------------------------------------------------------------- gold reading


def _read_gold(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """Read a gold JSONL file into (line number, record) pairs.

    :raises InputError: E050 when the file cannot be read or a line is not a JSON
        object with a non-empty string ``id`` and ``text``.
    """
    try:
        fh = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(Msg.E050, path=path, reason=exc.strerror or type(exc).__name__) from exc
    out: list[tuple[int, dict[str, Any]]] = []
    with fh:
        try:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(Msg.E050, path=path, reason=f"line {lineno} is not JSON ({exc.msg})") from exc
                if not isinstance(rec, dict):
                    raise InputError(Msg.E050, path=path, reason=f"line {lineno} is not a JSON object")
                for key in ("id", "text"):
                    if not isinstance(rec.get(key), str) or not rec[key]:
                        raise InputError(Msg.E050, path=path, reason=f"line {lineno} has no non-empty string {key!r}")
                out.append((lineno, rec))
        except UnicodeDecodeError as exc:
            raise InputError(Msg.E050, path=path, reason=f"not UTF-8 ({exc.reason})") from exc
    if not out:
        raise InputError(Msg.E050, path=path, reason="no records")
    return out


def gold_kind(path: Path | str) -> GoldKind:
    """Which protocol a gold file needs, from the keys of its first record.

    :returns: ``"statements"`` (``events``), ``"attribution"`` (``attributions``)
        or ``"linking"`` (``mentions``).
    :raises InputError: E050 for an unreadable file or one of none of these forms.
    """
    path = Path(path)
    lineno, rec = _read_gold(path)[0]
    if "events" in rec:
        return "statements"
    if "attributions" in rec:
        return "attribution"
    if "mentions" in rec:
        return "linking"
    raise InputError(Msg.E050, path=path, reason=f"line {lineno} has none of the keys 'events', 'attributions', 'mentions'")


def _articles(path: Path, records: list[tuple[int, dict[str, Any]]]) -> list[Article]:
    arts = []
    seen: set[str] = set()
    for lineno, rec in records:
        if rec["id"] in seen:
            raise InputError(Msg.E050, path=path, reason=f"line {lineno}: duplicate id {rec['id']!r}")
        seen.add(rec["id"])
        date = rec.get("date") if isinstance(rec.get("date"), str) else None
        arts.append(Article(id=rec["id"], text=rec["text"], date=date, origin=f"{path}:{lineno}"))
    return arts


def _predict(path: Path, articles: list[Article], predict: Predictor) -> dict[str, list[Statement]]:
    by_id: dict[str, list[Statement]] = {a.id: [] for a in articles}
    for res in predict(articles):
        if res.article.id in by_id:
            by_id[res.article.id].extend(res.statements)
    return by_id


# --------------------------------------------------------------------------- statements


@dataclass(frozen=True)
class _GoldTriple:
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
class _PredTriple:
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


def _names(actor: Actor, extra: Span | None) -> frozenset[str]:
    names = [actor.name, *(m.text for m in actor.mentions)]
    if extra is not None:
        names.append(extra.text)
    return frozenset(head_word(n) for n in names if n and n.strip())


def _gold_triples(path: Path, lineno: int, events: object, key: str) -> list[_GoldTriple]:
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
            _GoldTriple(
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


def _pred_triples(statements: Iterable[Statement]) -> Iterator[_PredTriple]:
    for s in statements:
        heads = _names(s.actor, s.actor_mention)
        pairs: list[tuple[Actor | None, Span | None]] = list(zip(s.targets, s.target_mentions))
        pairs += [(t, None) for t in s.targets[len(s.target_mentions) :]]
        for target, mention in pairs or [(None, None)]:
            yield _PredTriple(
                statement=s,
                heads=heads,
                qid=s.actor.qid,
                code=s.actor.cameo_code,
                type=s.type.value,
                target=target,
                target_heads=_names(target, mention) if target is not None else frozenset(),
                target_qid=target.qid if target is not None else None,
                target_code=target.cameo_code if target is not None else None,
            )


def _same_code(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().upper() == b.strip().upper())


def _actor_match(name: str, qid: str | None, code: str | None, heads: frozenset[str], pqid: str | None, pcode: str | None) -> bool:
    if qid and pqid and qid == pqid:
        return True
    if _same_code(code, pcode):
        return True
    return head_word(name) in heads


def _untyped(g: _GoldTriple, p: _PredTriple) -> bool:
    if (g.target is None) != (p.target is None):
        return False
    if not _actor_match(g.actor, g.actor_qid, g.actor_code, p.heads, p.qid, p.code):
        return False
    if g.target is None:
        return True
    return _actor_match(g.target, g.target_qid, g.target_code, p.target_heads, p.target_qid, p.target_code)


def _typed(g: _GoldTriple, p: _PredTriple) -> bool:
    return g.type == p.type and _untyped(g, p)


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
            "type_accuracy": _r(self.type_accuracy),
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


def _score_category(
    gold: list[_GoldTriple],
    pred: list[_PredTriple],
    optional: list[_GoldTriple],
) -> tuple[dict[int, int], dict[int, int], list[int], list[int]]:
    """Typed and untyped matchings (gold -> pred), then ignored and FP predictions (typed sense)."""
    typed = _max_matching(len(gold), len(pred), lambda i, j: _typed(gold[i], pred[j]))
    untyped = _max_matching(len(gold), len(pred), lambda i, j: _untyped(gold[i], pred[j]), init=typed)
    used = set(untyped.values())  # contains every typed-matched prediction too
    ignored, fps = [], []
    for j, p in enumerate(pred):
        if j in used:
            continue
        if any(_untyped(o, p) for o in optional):
            ignored.append(j)
    typed_used = set(typed.values())
    fps = [j for j in range(len(pred)) if j not in typed_used and j not in ignored]
    return typed, untyped, ignored, fps


def _score_record(rec: dict[str, Any], path: Path, lineno: int, statements: list[Statement]) -> tuple[_RecordCounts, dict[str, Any]]:
    events = rec.get("events")
    if not isinstance(events, list):
        raise InputError(Msg.E050, path=path, reason=f"line {lineno}: 'events' is missing or not a list")
    gold = _gold_triples(path, lineno, events, "events")
    optional = _gold_triples(path, lineno, rec.get("optional_events"), "optional_events")
    neg_gold = _gold_triples(path, lineno, rec.get("negated_events"), "negated_events")

    positive = [s for s in statements if not s.negated and not s.hypothetical]
    negated = [s for s in statements if s.negated]
    hypothetical = sum(1 for s in statements if s.hypothetical and not s.negated)
    preds = list(_pred_triples(positive))
    neg_preds = list(_pred_triples(negated))

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

    neg_match = _max_matching(len(neg_gold), len(neg_preds), lambda i, j: _untyped(neg_gold[i], neg_preds[j]))
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


def evaluate_statements(gold_path: Path | str, predict: Predictor) -> StatementScores:
    """Score predicted statements against a statement-set gold file.

    :param gold_path: JSONL with ``id``, ``text``, ``date``, ``events`` (and
        optionally ``negated_events``, ``optional_events``, ``ambiguous``).
    :param predict: called once with all gold texts as Articles; returns one
        :class:`ArticleResult` per article (missing ones count as no predictions).
    :returns: :class:`StatementScores` (protocol in the module docs).
    :raises InputError: E050 when the file is not a statement gold file.
    """
    path = Path(gold_path)
    records = _read_gold(path)
    for lineno, rec in records:
        if not isinstance(rec.get("events"), list):
            raise InputError(Msg.E050, path=path, reason=f"line {lineno}: 'events' is missing or not a list")
    # Validate all gold before running the (slow) predictor.
    for lineno, rec in records:
        for key in ("events", "optional_events", "negated_events"):
            _gold_triples(path, lineno, rec.get(key), key)
    articles = _articles(path, records)
    predicted = _predict(path, articles, predict)
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


# --------------------------------------------------------------------------- attribution


@dataclass(frozen=True)
class _GoldAttr:
    cue: tuple[int, int]
    cue_text: str
    content: tuple[int, int] | None
    content_parts: tuple[tuple[int, int], ...]
    speaker: tuple[int, int] | None
    speaker_text: str | None
    belief: bool

    def to_dict(self, text: str) -> dict[str, Any]:
        content = text[self.content[0] : self.content[1]] if self.content else None
        if content and len(content) > 120:
            content = content[:117] + "..."
        return {
            "cue": self.cue_text,
            "cue_start": self.cue[0],
            "speaker": self.speaker_text,
            "content": content,
            "belief": self.belief,
        }


@dataclass(frozen=True)
class AttributionScores:
    """Result of :func:`evaluate_attribution`.

    :param cues: cue-level P/R/F1 over all gold items.
    :param speech_act: P/R/F1 over speech-act gold items; predictions matched to
        belief items are neither true nor false positives.
    :param belief: belief/intention gold items: ``tp`` matched, ``fn`` missed
        (``fp`` is always 0; use the recall).
    :param speaker_correct: matched items (with a speaker) whose speaker is right.
    :param speaker_total: matched items with a gold speaker.
    :param content_f1_sum: sum of content token-overlap F1 over ``matched`` pairs.
    :param details: per record: ``id``, ``matched`` ([{gold, predicted,
        speaker_ok, content_f1}]), ``missed``, ``false_positives``.
    """

    path: Path
    records: int
    cues: PRF
    speech_act: PRF
    belief: PRF
    speaker_correct: int
    speaker_total: int
    content_f1_sum: float
    matched: int
    details: list[dict[str, Any]]
    kind: str = "attribution"

    @property
    def speaker_accuracy(self) -> float | None:
        return self.speaker_correct / self.speaker_total if self.speaker_total else None

    @property
    def content_f1(self) -> float | None:
        return self.content_f1_sum / self.matched if self.matched else None


def _span_pair(rec: dict[str, Any], prefix: str) -> tuple[int, int] | None:
    s, e = rec.get(f"{prefix}_start"), rec.get(f"{prefix}_end")
    if isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool) and 0 <= s < e:
        return (s, e)
    return None


def _gold_attrs(path: Path, lineno: int, rec: dict[str, Any]) -> list[_GoldAttr]:
    items = rec.get("attributions")
    if not isinstance(items, list):
        raise InputError(Msg.E050, path=path, reason=f"line {lineno}: 'attributions' is missing or not a list")
    extra = rec.get("attributions_no_source") or []
    if not isinstance(extra, list):
        raise InputError(Msg.E050, path=path, reason=f"line {lineno}: 'attributions_no_source' is not a list")
    out = []
    for key, group in (("attributions", items), ("attributions_no_source", extra)):
        for k, a in enumerate(group):
            where = f"line {lineno}, {key}[{k}]"
            if not isinstance(a, dict):
                raise InputError(Msg.E050, path=path, reason=f"{where} is not an object")
            cue = _span_pair(a, "cue")
            if cue is None or cue[1] > len(rec["text"]):
                raise InputError(Msg.E050, path=path, reason=f"{where} has no valid cue_start/cue_end")
            content = _span_pair(a, "content")
            parts: list[tuple[int, int]] = []
            for frag in a.get("content_fragments") or []:
                if isinstance(frag, dict) and isinstance(frag.get("start"), int) and isinstance(frag.get("end"), int):
                    parts.append((frag["start"], frag["end"]))
            if not parts and content:
                parts = [content]
            speaker = _span_pair(a, "speaker") if key == "attributions" else None
            cue_text = rec["text"][cue[0] : cue[1]]
            out.append(
                _GoldAttr(
                    cue=cue,
                    cue_text=cue_text,
                    content=content,
                    content_parts=tuple(parts),
                    speaker=speaker,
                    speaker_text=rec["text"][speaker[0] : speaker[1]] if speaker else None,
                    belief=is_belief_cue(cue_text),
                )
            )
    return out


_TOKEN = re.compile(r"\w+")


def _tokens(text: str, spans: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    toks: set[tuple[int, int]] = set()
    for s, e in spans:
        for m in _TOKEN.finditer(text, s, e):
            toks.add((m.start(), m.end()))
    return toks


def _content_f1(text: str, gold: _GoldAttr, pred: Statement) -> float:
    if pred.content is None or not gold.content_parts:
        return 0.0
    g = _tokens(text, gold.content_parts)
    p = _tokens(text, [(pred.content.start, pred.content.end)])
    if not g or not p:
        return 0.0
    common = len(g & p)
    return 2 * common / (len(g) + len(p))


def _attr_match(g: _GoldAttr, p: Statement) -> bool:
    if _overlap(g.cue[0], g.cue[1], p.cue.start, p.cue.end) > 0:
        return True
    if g.content is None or p.content is None:
        return False
    shorter = min(g.content[1] - g.content[0], p.content.end - p.content.start)
    return shorter > 0 and _overlap(g.content[0], g.content[1], p.content.start, p.content.end) * 2 >= shorter


def _speaker_ok(g: _GoldAttr, p: Statement) -> bool:
    assert g.speaker is not None
    spans = [p.actor_mention, *p.actor.mentions]
    return any(_overlap(g.speaker[0], g.speaker[1], m.start, m.end) > 0 for m in spans)


def _pred_dict(p: Statement) -> dict[str, Any]:
    return {"actor": p.actor.name, "mention": p.actor_mention.text, "cue": p.cue.text, "cue_start": p.cue.start, "type": p.type.value}


def evaluate_attribution(gold_path: Path | str, predict: Predictor) -> AttributionScores:
    """Score predicted statements against an attribution gold file (speaker - cue - content).

    :param gold_path: JSONL with ``id``, ``text``, ``attributions`` (and
        optionally ``attributions_no_source``); offsets into ``text``.
    :param predict: called once with all gold texts as Articles.
    :returns: :class:`AttributionScores` (protocol in the module docs).
    :raises InputError: E050 when the file is not an attribution gold file.
    """
    path = Path(gold_path)
    records = _read_gold(path)
    golds = {rec["id"]: _gold_attrs(path, lineno, rec) for lineno, rec in records}
    articles = _articles(path, records)
    predicted = _predict(path, articles, predict)
    cues = speech = belief = PRF()
    sp_ok = sp_total = matched_n = 0
    cf1 = 0.0
    details = []
    for _lineno, rec in records:
        text = rec["text"]
        gold = golds[rec["id"]]
        uniq: dict[tuple[Any, ...], Statement] = {}
        for s in sorted(predicted[rec["id"]], key=lambda s: s.index):
            key = (s.cue.start, s.cue.end, (s.content.start, s.content.end) if s.content else None)
            uniq.setdefault(key, s)
        preds = list(uniq.values())
        m = _max_matching(len(gold), len(preds), lambda i, j: _attr_match(gold[i], preds[j]))
        used = set(m.values())
        fp = len(preds) - len(used)
        n_belief = sum(g.belief for g in gold)
        tp_belief = sum(1 for i in m if gold[i].belief)
        cues += PRF(len(m), fp, len(gold) - len(m))
        speech += PRF(len(m) - tp_belief, fp, (len(gold) - n_belief) - (len(m) - tp_belief))
        belief += PRF(tp_belief, 0, n_belief - tp_belief)
        detail: dict[str, Any] = {"id": rec["id"], "matched": [], "missed": [], "false_positives": []}
        for i, j in sorted(m.items()):
            g, p = gold[i], preds[j]
            ok = None
            if g.speaker is not None:
                ok = _speaker_ok(g, p)
                sp_total += 1
                sp_ok += ok
            f1 = _content_f1(text, g, p)
            cf1 += f1
            matched_n += 1
            detail["matched"].append({"gold": g.to_dict(text), "predicted": _pred_dict(p), "speaker_ok": ok, "content_f1": round(f1, 4)})
        detail["missed"] = [gold[i].to_dict(text) for i in range(len(gold)) if i not in m]
        detail["false_positives"] = [_pred_dict(preds[j]) for j in range(len(preds)) if j not in used]
        details.append(detail)
    return AttributionScores(
        path=path,
        records=len(records),
        cues=cues,
        speech_act=speech,
        belief=belief,
        speaker_correct=sp_ok,
        speaker_total=sp_total,
        content_f1_sum=cf1,
        matched=matched_n,
        details=details,
    )


# --------------------------------------------------------------------------- dispatch and rendering


def evaluate_file(path: Path | str, predict: Predictor) -> StatementScores | AttributionScores:
    """Score one gold file with the protocol its records call for (:func:`gold_kind`).

    :raises InputError: E050 for a bad gold file, and for an entity-linking
        gold file (``mentions``), which the linking scorer handles.
    """
    path = Path(path)
    kind = gold_kind(path)
    if kind == "statements":
        return evaluate_statements(path, predict)
    if kind == "attribution":
        return evaluate_attribution(path, predict)
    raise InputError(Msg.E050, path=path, reason="this is entity-linking gold ('mentions'); score it with the linking evaluator")


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def scores_table(scores: StatementScores | AttributionScores) -> Any:
    """A :class:`rich.table.Table` for one gold file's scores."""
    from rich.table import Table

    if isinstance(scores, StatementScores):
        n = scores.all.records
        table = Table(title=f"{scores.path.name} (statements; {n} record{'' if n == 1 else 's'}, {scores.ambiguous} ambiguous)")
        table.add_column("score")
        for col in ("P", "R", "F1", "tp", "fp", "fn"):
            table.add_column(col, justify="right")
        table.add_column("F1 w/o ambiguous", justify="right")
        a, u = scores.all, scores.unambiguous
        for label, key in (
            ("typed dyads", "typed_dyads"),
            ("untyped dyads", "untyped_dyads"),
            ("monadic", "monadic"),
            ("monadic (untyped)", "monadic_untyped"),
            ("negated", "negated"),
        ):
            p, q = getattr(a, key), getattr(u, key)
            table.add_row(label, _fmt(p.precision), _fmt(p.recall), _fmt(p.f1), str(p.tp), str(p.fp), str(p.fn), _fmt(q.f1))
        for t, p in a.per_type.items():
            table.add_row(f"  typed {t}", _fmt(p.precision), _fmt(p.recall), _fmt(p.f1), str(p.tp), str(p.fp), str(p.fn), "")
        table.caption_justify = "left"
        table.caption = (
            f"type accuracy over matched untyped dyads: {_fmt(a.type_accuracy)} ({a.type_correct}/{a.type_matched}); "
            f"without ambiguous: {_fmt(u.type_accuracy)}\n"
            f"false positives on negative records: {a.fp_on_negatives} triples in {a.negatives_with_fp} of {a.negatives} "
            f"records (without ambiguous: {u.fp_on_negatives} in {u.negatives_with_fp} of {u.negatives})\n"
            f"ignored (match optional events): {a.ignored_optional}; hypothetical predictions left out: {a.hypothetical}"
        )
        return table
    table = Table(title=f"{scores.path.name} (attribution; {scores.records} record{'' if scores.records == 1 else 's'})")
    table.add_column("score")
    for col in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right")
    for label, p in (("cues (all)", scores.cues), ("speech-act cues", scores.speech_act)):
        table.add_row(label, _fmt(p.precision), _fmt(p.recall), _fmt(p.f1), str(p.tp), str(p.fp), str(p.fn))
    b = scores.belief
    table.add_row("belief/intention cues", "", _fmt(b.recall), "", str(b.tp), "", str(b.fn))
    table.caption_justify = "left"
    table.caption = (
        f"speaker accuracy over matched: {_fmt(scores.speaker_accuracy)} ({scores.speaker_correct}/{scores.speaker_total}); "
        f"content token-overlap F1 over matched: {_fmt(scores.content_f1)} ({scores.matched} matched)"
    )
    return table


def scores_to_dict(scores: StatementScores | AttributionScores, *, details: bool = False) -> dict[str, Any]:
    """JSON-ready dict of one file's scores (``details=True`` adds the per-record list)."""
    if isinstance(scores, StatementScores):
        out: dict[str, Any] = {
            "file": str(scores.path),
            "kind": scores.kind,
            "ambiguous_records": scores.ambiguous,
            "all": scores.all.to_dict(),
            "without_ambiguous": scores.unambiguous.to_dict(),
        }
    else:
        out = {
            "file": str(scores.path),
            "kind": scores.kind,
            "records": scores.records,
            "cues": scores.cues.to_dict(),
            "speech_act": scores.speech_act.to_dict(),
            "belief": {"tp": scores.belief.tp, "fn": scores.belief.fn, "recall": _r(scores.belief.recall)},
            "speaker_accuracy": _r(scores.speaker_accuracy),
            "speaker_matched": scores.speaker_total,
            "content_f1": _r(scores.content_f1),
        }
    if details:
        out["details"] = scores.details
    return out


def details_to_records(scores: StatementScores | AttributionScores) -> Iterator[dict[str, Any]]:
    """Per-record error-analysis dicts tagged with the gold file, e.g. for ``--errors out.jsonl``."""
    for d in scores.details:
        yield {"file": scores.path.name, **d}


# --------------------------------------------------------------------------- CLI entry


def _gold_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; folders expand to their ``*.jsonl`` files (sorted, hidden ones skipped)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*.jsonl") if not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    return out


def _linking_table(path: Path, d: dict[str, Any]) -> Any:
    from rich.table import Table

    table = Table(title=f"{path.name} (entity linking; {d.get('mentions', 0)} mentions)")
    table.add_column("score")
    table.add_column("value", justify="right")
    for key in ("accuracy", "precision", "recall", "f1", "kb_coverage", "mentions_per_s"):
        if key in d:
            table.add_row(key, "–" if d[key] is None else str(d[key]))
    return table


def evaluate_path(
    gold: Iterable[Path | str],
    pipe: Any,
    *,
    console: Any = None,
    details: Path | str | None = None,
) -> dict[str, Any]:
    """Score a pipeline on gold files; the body of ``kg evaluate``.

    :param gold: gold files or folders (folders: their ``*.jsonl`` files).
    :param pipe: a loaded :class:`kg.run.spec.Pipeline` (anything with
        ``process(articles, skipped) -> Iterator[ArticleResult]``; its linker,
        if any, scores entity-linking files with
        :func:`kg.link.evaluate.evaluate_linking`).
    :param console: a :class:`rich.console.Console` to print one table per file.
    :param details: write per-record error analysis (missed gold, false
        positives, wrong types; linking rows) as JSON Lines to this file.
    :returns: ``{"files": [scores_to_dict(...) or linking dict, ...]}``.
    :raises InputError: E050 when a gold file is missing or of no known form
        (all files are checked before any NLP runs).
    """
    files = _gold_files(gold)
    kinds = [(f, gold_kind(f)) for f in files]
    report: list[dict[str, Any]] = []
    detail_rows: list[dict[str, Any]] = []

    def predict(articles: list[Article]) -> list[ArticleResult]:
        skipped: list[Any] = []
        results = list(pipe.process(articles, skipped))
        if skipped and console is not None:
            for s in skipped:
                console.print(f"[yellow]warning[/]: {s}")
        return results

    for path, kind in kinds:
        if kind == "linking":
            linker = getattr(pipe, "linker", None) or getattr(pipe, "_linker", None)
            if linker is None:
                if console is not None:
                    console.print(f"[yellow]{path.name}[/]: entity-linking gold skipped (linking is off)")
                report.append({"file": str(path), "kind": "linking", "skipped": "linking is off"})
                continue
            from kg.link.evaluate import evaluate_linking

            d = evaluate_linking(path, linker, details=details is not None)
            rows = d.pop("rows", [])
            detail_rows += [{"file": path.name, **r} for r in rows]
            report.append({"file": str(path), "kind": "linking", **d})
            if console is not None:
                console.print(_linking_table(path, d))
            continue
        scores = evaluate_statements(path, predict) if kind == "statements" else evaluate_attribution(path, predict)
        report.append(scores_to_dict(scores))
        detail_rows += list(details_to_records(scores))
        if console is not None:
            console.print(scores_table(scores))
    if details is not None:
        with Path(details).open("w", encoding="utf-8") as fh:
            for row in detail_rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"files": report}
