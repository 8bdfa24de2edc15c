"""What became of each gold typed dyad: the breakdown of misses by kind (issue 14): :func:`evaluate_breakdown`.

Every gold **typed dyad** (a gold event of ``events`` with a non-null
``target``) of a statement gold file falls in exactly one kind, tried in
this order:

1. ``found`` -- matched by the typed one-to-one matching of the protocol of
   ``../shared/eval/README.md`` (actor, target and type; :func:`kg.evaluate.statements.match_triples`),
   so this count is the typed-dyad ``tp`` of :func:`~kg.evaluate.statements.evaluate_statements`.
2. ``type_wrong`` -- matched by the untyped matching grown from the typed one
   (right speaker and target, other type); ``found + type_wrong`` is the
   untyped-dyad ``tp``.  Sub-count ``statement``: kg left the type at
   ``STATEMENT``.
3. ``target_missed`` -- not matched, but a predicted statement of the right
   speaker (:func:`~kg.evaluate.statements.speaker_match`, the protocol's actor
   match) is at the same **place** (below).  Sub-counts: ``no_target`` (such a
   statement has no target at all: the dyad was found as a statement without
   target) and ``other_target`` (they all have targets, none matched to this dyad).
4. ``not_found`` -- no predicted statement of that speaker at that place.
   Sub-counts: ``negated_or_hypothetical`` (kg has one there, but negated or
   hypothetical, which the protocol leaves out of the positives),
   ``other_speaker`` (kg has statements there, of other speakers) and
   ``nothing`` (no statement there at all).

(The issue numbers the kinds found, target missed, type wrong, not found;
type wrong is tested before target missed so that the first two kinds are
exactly the protocol's matches.)  Predictions are the protocol's positives
(:func:`~kg.evaluate.statements.positive_statements`) unless said otherwise.

The **place** of a gold dyad is the position of its ``evidence`` text in the
article: every occurrence of it in ``text`` (verbatim, else with any run of
white space matching any other); a predicted statement is there when its
sentence overlaps one of them.  When the evidence is not found in the text,
a statement is there when the evidence contains its sentence text or its cue
(as whole words); the cue test is not used when the evidence is found, since
a cue as common as "said" would put statements of other sentences there.  A
gold dyad without ``evidence`` (e.g. one-sentence records) has the whole
record text as its place.

Shares are counts over the gold typed dyads of the block; blocks are given
over all records and without ``ambiguous: true`` ones, as the scores are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from kg.errors import InputError, Msg
from kg.evaluate.gold import RecordFilter, read_gold, select_records
from kg.evaluate.scoring import Predictor, overlap, rounded
from kg.evaluate.statements import (
    GoldTriple,
    PredTriple,
    StatementScores,
    evaluate_statements,
    gold_triples,
    match_triples,
    positive_statements,
    pred_triples,
    speaker_match,
)
from kg.model import Article, ArticleResult, Statement, StatementType

__all__ = [
    "KINDS",
    "Kind",
    "DyadOutcome",
    "BreakdownBlock",
    "Breakdown",
    "evidence_spans",
    "at_place",
    "classify_record",
    "breakdown_statements",
    "evaluate_breakdown",
]

#: The kinds, in the order of the module docs' table rows (the issue's numbering).
KINDS: tuple[str, ...] = ("found", "target_missed", "type_wrong", "not_found")
Kind = Literal["found", "target_missed", "type_wrong", "not_found"]


@dataclass(frozen=True)
class DyadOutcome:
    """What became of one gold typed dyad.

    :param record_id: the gold record's ``id``.
    :param gold: the gold triple.
    :param kind: one of :data:`KINDS`.
    :param sub: the sub-count it adds to (``"statement"``, ``"no_target"``,
        ``"other_target"``, ``"negated_or_hypothetical"``, ``"other_speaker"``,
        ``"nothing"``) or ``None`` (``found``, and ``type_wrong`` with a type other than STATEMENT).
    :param predicted: the predicted triple that decided the kind (the matched one, or
        one of the right speaker at the place), or ``None``.
    """

    record_id: str
    gold: GoldTriple
    kind: Kind
    sub: str | None = None
    predicted: PredTriple | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"id", "kind", "sub", "gold": {...}, "predicted": {...} or None}`` (gold and predicted as in the details)."""
        return {
            "id": self.record_id,
            "kind": self.kind,
            "sub": self.sub,
            "gold": self.gold.to_dict(),
            "predicted": self.predicted.to_dict() if self.predicted is not None else None,
        }


@dataclass(frozen=True)
class BreakdownBlock:
    """Counts of the kinds over a set of records (module docs); ``share(kind)`` divides by ``dyads``.

    :param records: records counted.
    :param dyads: gold typed dyads in them.
    :param found: kind 1.
    :param target_missed: kind 2, of which ``no_target`` + ``other_target``.
    :param type_wrong: kind 3, of which ``statement`` left at STATEMENT.
    :param not_found: kind 4, of which ``negated_or_hypothetical`` + ``other_speaker`` + ``nothing``.
    """

    records: int = 0
    dyads: int = 0
    found: int = 0
    target_missed: int = 0
    no_target: int = 0
    other_target: int = 0
    type_wrong: int = 0
    statement: int = 0
    not_found: int = 0
    negated_or_hypothetical: int = 0
    other_speaker: int = 0
    nothing: int = 0

    def share(self, kind: str) -> float | None:
        """``count / dyads`` of a kind or sub-count name (``None`` without gold dyads).

        :raises AttributeError: for a name that is not a field.
        """
        return getattr(self, kind) / self.dyads if self.dyads else None

    def __add__(self, other: "BreakdownBlock") -> "BreakdownBlock":
        return BreakdownBlock(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    @classmethod
    def count(cls, records: int, outcomes: Iterable[DyadOutcome]) -> "BreakdownBlock":
        """The block of ``records`` records whose gold typed dyads had these outcomes."""
        n: dict[str, int] = defaultdict(int)
        for o in outcomes:
            n["dyads"] += 1
            n[o.kind] += 1
            if o.sub is not None:
                n[o.sub] += 1
        return cls(records=records, **n)

    def to_dict(self) -> dict[str, Any]:
        """``{"records", "dyads", <kind>: {"count", "share", <sub>: count ...} ...}`` (shares rounded to 4 places)."""
        subs = {
            "found": (),
            "target_missed": ("no_target", "other_target"),
            "type_wrong": ("statement",),
            "not_found": ("negated_or_hypothetical", "other_speaker", "nothing"),
        }
        out: dict[str, Any] = {"records": self.records, "dyads": self.dyads}
        for kind in KINDS:
            out[kind] = {"count": getattr(self, kind), "share": rounded(self.share(kind))}
            out[kind].update({s: getattr(self, s) for s in subs[kind]})
        return out


@dataclass(frozen=True)
class Breakdown:
    """The breakdown of one statement gold file.

    :param path: the gold file.
    :param all: over all (kept) records.
    :param unambiguous: without ``ambiguous: true`` records.
    :param outcomes: one :class:`DyadOutcome` per gold typed dyad, in file order.
    """

    path: Path
    all: BreakdownBlock
    unambiguous: BreakdownBlock
    outcomes: list[DyadOutcome] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """``{"all": BreakdownBlock.to_dict(), "without_ambiguous": ...}`` (no per-dyad rows)."""
        return {"all": self.all.to_dict(), "without_ambiguous": self.unambiguous.to_dict()}


def evidence_spans(text: str, evidence: str | None) -> list[tuple[int, int]]:
    """Every ``(start, end)`` where ``evidence`` occurs in ``text``: verbatim, else with white space runs as ``\\s+``.

    :returns: ``[]`` for no evidence (``None`` or blank) or when it is not in ``text``.
    """
    if evidence is None or not evidence.strip():
        return []
    spans, i = [], text.find(evidence)
    while i >= 0:
        spans.append((i, i + len(evidence)))
        i = text.find(evidence, i + 1)
    if spans:
        return spans
    pattern = r"\s+".join(re.escape(w) for w in evidence.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def at_place(statement: Statement, evidence: str | None, spans: list[tuple[int, int]]) -> bool:
    """True when ``statement`` is at the place of a gold dyad (module docs).

    :param evidence: the gold ``evidence`` (``None``: the place is the whole record).
    :param spans: :func:`evidence_spans` of it in the record text.
    """
    if evidence is None or not evidence.strip():
        return True
    sent = statement.sentence
    if spans:
        return any(overlap(sent.start, sent.end, a, b) > 0 for a, b in spans)
    if sent.text.strip() and sent.text.strip() in evidence:
        return True
    cue = statement.cue.text.strip()
    return bool(cue) and re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", evidence) is not None


def classify_record(rec: Mapping[str, Any], path: Path, lineno: int, statements: list[Statement]) -> list[DyadOutcome]:
    """The outcome of each gold typed dyad of one gold record, given all its predicted statements.

    :param rec: the gold record (``id``, ``text``, ``events``).
    :param path: the gold file, ``lineno`` the record's line (for error messages).
    :param statements: every predicted statement of the record (negated and hypothetical ones too).
    :raises InputError: E050 when ``events`` is not a list of valid gold events.
    """
    events = rec.get("events")
    if not isinstance(events, list):
        raise InputError(Msg.E050, path=path, reason=f"line {lineno}: 'events' is missing or not a list")
    gold = [g for g in gold_triples(path, lineno, events, "events") if g.target is not None]
    preds = list(pred_triples(positive_statements(statements)))
    dyad_preds = [p for p in preds if p.target is not None]
    left_out = list(pred_triples(s for s in statements if s.negated or s.hypothetical))
    typed, untyped = match_triples(gold, dyad_preds)
    out: list[DyadOutcome] = []
    for i, g in enumerate(gold):
        rid = rec["id"]
        if i in typed:
            out.append(DyadOutcome(rid, g, "found", None, dyad_preds[typed[i]]))
            continue
        if i in untyped:
            p = dyad_preds[untyped[i]]
            sub = "statement" if p.type == StatementType.STATEMENT.value else None
            out.append(DyadOutcome(rid, g, "type_wrong", sub, p))
            continue
        spans = evidence_spans(rec["text"], g.evidence)
        here = [p for p in preds if at_place(p.statement, g.evidence, spans)]
        same = [p for p in here if speaker_match(g, p)]
        if same:
            bare = [p for p in same if p.target is None]
            out.append(DyadOutcome(rid, g, "target_missed", "no_target" if bare else "other_target", (bare or same)[0]))
            continue
        hidden = [p for p in left_out if speaker_match(g, p) and at_place(p.statement, g.evidence, spans)]
        if hidden:
            out.append(DyadOutcome(rid, g, "not_found", "negated_or_hypothetical", hidden[0]))
        else:
            out.append(DyadOutcome(rid, g, "not_found", "other_speaker" if here else "nothing", None))
    return out


def breakdown_statements(
    gold_path: Path | str,
    statements: Mapping[str, list[Statement]],
    *,
    keep: RecordFilter | None = None,
) -> Breakdown:
    """The breakdown of a statement gold file, given the predicted statements by record id.

    :param statements: record id -> its predicted statements (a missing id: none).
    :param keep: count only the records whose id it accepts (a split of :mod:`kg.evaluate.splits`).
    :raises InputError: E050 when the file is not a statement gold file.
    """
    path = Path(gold_path)
    records = select_records(read_gold(path), keep)
    every: list[DyadOutcome] = []
    clear: list[DyadOutcome] = []
    n_clear = 0
    for lineno, rec in records:
        outcomes = classify_record(rec, path, lineno, statements.get(rec["id"], []))
        every += outcomes
        if rec.get("ambiguous") is not True:
            clear += outcomes
            n_clear += 1
    return Breakdown(
        path=path,
        all=BreakdownBlock.count(len(records), every),
        unambiguous=BreakdownBlock.count(n_clear, clear),
        outcomes=every,
    )


def evaluate_breakdown(gold_path: Path | str, predict: Predictor, *, keep: RecordFilter | None = None) -> tuple[StatementScores, Breakdown]:
    """Score a statement gold file and break its gold typed dyads down by kind, with one run of ``predict``.

    :param predict: as for :func:`~kg.evaluate.statements.evaluate_statements` (called once).
    :param keep: score only the records whose id it accepts.
    :returns: the scores of :func:`~kg.evaluate.statements.evaluate_statements` and the :class:`Breakdown`.
    :raises InputError: E050 when the file is not a statement gold file.
    """
    results: list[ArticleResult] = []

    def capture(articles: list[Article]) -> list[ArticleResult]:
        out = list(predict(articles))
        results.extend(out)
        return out

    scores = evaluate_statements(gold_path, capture, keep=keep)
    by_id: dict[str, list[Statement]] = defaultdict(list)
    for res in results:
        by_id[res.article.id].extend(res.statements)
    return scores, breakdown_statements(gold_path, by_id, keep=keep)
