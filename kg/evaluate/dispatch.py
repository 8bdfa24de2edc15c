"""Which scorer a gold file needs, and the body of ``kg evaluate``: :func:`evaluate_file`, :func:`evaluate_path`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.errors import InputError, Msg
from kg.evaluate.attribution import AttributionScores, evaluate_attribution
from kg.evaluate.gold import RecordFilter, gold_files, gold_kind
from kg.evaluate.misses import Breakdown, BreakdownBlock, evaluate_breakdown
from kg.evaluate.report import breakdown_table, details_to_records, linking_table, scores_table, scores_to_dict
from kg.evaluate.scoring import Predictor
from kg.evaluate.splits import HELDOUT_MODULUS, split_filter
from kg.evaluate.statements import StatementScores, evaluate_statements
from kg.model import Article, ArticleResult

__all__ = ["evaluate_file", "evaluate_path"]


def evaluate_file(path: Path | str, predict: Predictor, *, keep: RecordFilter | None = None) -> StatementScores | AttributionScores:
    """Score one gold file with the protocol its records call for (:func:`gold_kind`).

    :param keep: score only the records whose id it accepts (:func:`kg.evaluate.splits.split_filter`).
    :raises InputError: E050 for a bad gold file, and for an entity-linking
        gold file (``mentions``), which the linking scorer handles.
    """
    path = Path(path)
    kind = gold_kind(path)
    if kind == "statements":
        return evaluate_statements(path, predict, keep=keep)
    if kind == "attribution":
        return evaluate_attribution(path, predict, keep=keep)
    raise InputError(Msg.E050, path=path, reason="this is entity-linking gold ('mentions'); score it with the linking evaluator")


def evaluate_path(
    gold: Iterable[Path | str],
    pipe: Any,
    *,
    console: Any = None,
    details: Path | str | None = None,
    breakdown: bool = False,
    split: str = "all",
) -> dict[str, Any]:
    """Score a pipeline on gold files; the body of ``kg evaluate``.

    :param gold: gold files or folders (folders: their ``*.jsonl`` files).
    :param pipe: a loaded :class:`kg.run.spec.Pipeline` (anything with
        ``process(articles, skipped) -> Iterator[ArticleResult]``; its linker,
        if any, scores entity-linking files with
        :func:`kg.link.evaluate.evaluate_linking`).
    :param console: a :class:`rich.console.Console` to print one table per file.
    :param details: write per-record error analysis (missed gold, false
        positives, wrong types; linking rows) as JSON Lines to this file;
        with ``breakdown``, each statement record's row also has
        ``"breakdown"``: the :meth:`~kg.evaluate.misses.DyadOutcome.to_dict` of its gold typed dyads.
    :param breakdown: also break each statement file's gold typed dyads down
        by kind (:mod:`kg.evaluate.misses`): a table per file, the file's dict
        gets ``"breakdown"`` (:meth:`~kg.evaluate.misses.Breakdown.to_dict`),
        and the result a ``"breakdown"`` summed over the statement files.
    :param split: ``"all"``, ``"dev"`` or ``"heldout"``: score only that part
        of every file (:mod:`kg.evaluate.splits`); other than ``"all"``, the
        result gets ``"split": {"name", "rule"}``.
    :returns: ``{"files": [scores_to_dict(...) or linking dict, ...]}`` (plus
        ``"breakdown"`` and ``"split"`` as said).
    :raises UsageError: E071 for an unknown ``split`` (before anything is read).
    :raises InputError: E050 when a gold file is missing or of no known form
        (all files are checked before any NLP runs).
    """
    keep = split_filter(split)
    files = gold_files(gold)
    kinds = [(f, gold_kind(f)) for f in files]
    report: list[dict[str, Any]] = []
    detail_rows: list[dict[str, Any]] = []
    breakdowns: list[Breakdown] = []

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

            d = evaluate_linking(path, linker, details=details is not None, keep=keep)
            rows = d.pop("rows", [])
            detail_rows += [{"file": path.name, **r} for r in rows]
            report.append({"file": str(path), "kind": "linking", **d})
            if console is not None:
                console.print(linking_table(path, d))
            continue
        parts: Breakdown | None = None
        if kind == "statements" and breakdown:
            scores, parts = evaluate_breakdown(path, predict, keep=keep)
        else:
            scores = evaluate_statements(path, predict, keep=keep) if kind == "statements" else evaluate_attribution(path, predict, keep=keep)
        report.append(scores_to_dict(scores))
        rows_of_file = list(details_to_records(scores))
        if console is not None:
            console.print(scores_table(scores))
        if parts is not None:
            report[-1]["breakdown"] = parts.to_dict()
            breakdowns.append(parts)
            by_record: dict[str, list[dict[str, Any]]] = {}
            for o in parts.outcomes:
                by_record.setdefault(o.record_id, []).append(o.to_dict())
            for row in rows_of_file:
                row["breakdown"] = by_record.get(row["id"], [])
            if console is not None:
                console.print(breakdown_table(parts, split))
        detail_rows += rows_of_file
    if details is not None:
        with Path(details).open("w", encoding="utf-8") as fh:
            for row in detail_rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    result: dict[str, Any] = {"files": report}
    if breakdown:
        every = sum((b.all for b in breakdowns), BreakdownBlock())
        clear = sum((b.unambiguous for b in breakdowns), BreakdownBlock())
        result["breakdown"] = {"all": every.to_dict(), "without_ambiguous": clear.to_dict()}
        if console is not None and breakdowns:
            console.print(
                f"target missed (kind 2) over all {len(breakdowns)} statement files: {every.target_missed}/{every.dyads} "
                f"gold typed dyads = {_share(every)} (without ambiguous: {clear.target_missed}/{clear.dyads} = {_share(clear)})",
                highlight=False,
            )
    if keep is not None:
        result["split"] = {"name": split.strip().lower(), "rule": f"held out when sha256(record id)[0] % {HELDOUT_MODULUS} == 0"}
    return result


def _share(b: BreakdownBlock) -> str:
    share = b.share("target_missed")
    return "–" if share is None else f"{share:.3f}"
