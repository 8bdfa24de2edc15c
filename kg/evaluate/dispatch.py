"""Which scorer a gold file needs, and the body of ``kg evaluate``: :func:`evaluate_file`, :func:`evaluate_path`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.errors import InputError, Msg
from kg.evaluate.attribution import AttributionScores, evaluate_attribution
from kg.evaluate.gold import gold_files, gold_kind
from kg.evaluate.report import details_to_records, linking_table, scores_table, scores_to_dict
from kg.evaluate.scoring import Predictor
from kg.evaluate.statements import StatementScores, evaluate_statements
from kg.model import Article, ArticleResult

__all__ = ["evaluate_file", "evaluate_path"]


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
    files = gold_files(gold)
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
                console.print(linking_table(path, d))
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
