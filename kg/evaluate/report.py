"""Rendering scores: rich tables (:func:`scores_table`, :func:`linking_table`, :func:`breakdown_table`),
JSON (:func:`scores_to_dict`), per-record error analysis (:func:`details_to_records`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.evaluate.attribution import AttributionScores
from kg.evaluate.misses import Breakdown, BreakdownBlock
from kg.evaluate.scoring import rounded
from kg.evaluate.statements import StatementScores

__all__ = ["scores_table", "scores_to_dict", "details_to_records", "linking_table", "breakdown_table"]


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
            "belief": {"tp": scores.belief.tp, "fn": scores.belief.fn, "recall": rounded(scores.belief.recall)},
            "speaker_accuracy": rounded(scores.speaker_accuracy),
            "speaker_matched": scores.speaker_total,
            "content_f1": rounded(scores.content_f1),
        }
    if details:
        out["details"] = scores.details
    return out


def details_to_records(scores: StatementScores | AttributionScores) -> Iterator[dict[str, Any]]:
    """Per-record error-analysis dicts tagged with the gold file, e.g. for ``--errors out.jsonl``."""
    for d in scores.details:
        yield {"file": scores.path.name, **d}


def linking_table(path: Path, d: dict[str, Any]) -> Any:
    """A :class:`rich.table.Table` of one entity-linking file's scores (``d`` from :func:`kg.link.evaluate.evaluate_linking`)."""
    from rich.table import Table

    table = Table(title=f"{path.name} (entity linking; {d.get('mentions', 0)} mentions)")
    table.add_column("score")
    table.add_column("value", justify="right")
    for key in ("accuracy", "precision", "recall", "f1", "kb_coverage", "mentions_per_s"):
        if key in d:
            table.add_row(key, "–" if d[key] is None else str(d[key]))
    return table


#: Rows of :func:`breakdown_table`: (label, field of :class:`BreakdownBlock`), sub-counts indented.
_BREAKDOWN_ROWS: tuple[tuple[str, str], ...] = (
    ("1 found, typed right", "found"),
    ("2 target missed", "target_missed"),
    ("  as a statement without target", "no_target"),
    ("  with other targets only", "other_target"),
    ("3 type wrong", "type_wrong"),
    ("  left at STATEMENT", "statement"),
    ("4 not found", "not_found"),
    ("  negated/hypothetical only", "negated_or_hypothetical"),
    ("  other speakers there", "other_speaker"),
    ("  no statement there", "nothing"),
)


def breakdown_table(breakdown: Breakdown, split: str | None = None) -> Any:
    """A :class:`rich.table.Table` of one file's breakdown of gold typed dyads by kind (:mod:`kg.evaluate.misses`).

    :param split: the split scored, named in the title when given and not ``"all"``.
    """
    from rich.table import Table

    a, u = breakdown.all, breakdown.unambiguous
    part = f", {split} split" if split and split != "all" else ""
    table = Table(title=f"{breakdown.path.name}: gold typed dyads by kind ({a.dyads} in {a.records} records{part})")
    table.add_column("kind")
    for col in ("count", "share", "w/o ambiguous", "share"):
        table.add_column(col, justify="right")
    for label, key in _BREAKDOWN_ROWS:
        table.add_row(label, str(getattr(a, key)), _fmt(a.share(key)), str(getattr(u, key)), _fmt(u.share(key)))
    table.caption_justify = "left"
    table.caption = f"target missed (kind 2) among all gold typed dyads: {_share_text(a)} (without ambiguous: {_share_text(u)})"
    return table


def _share_text(b: BreakdownBlock) -> str:
    return f"{b.target_missed}/{b.dyads} = {_fmt(b.share('target_missed'))}"
