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

Modules (each imports only those before it): :mod:`~kg.evaluate.scoring`
(PRF, matching), :mod:`~kg.evaluate.actors` (head words, actor matching),
:mod:`~kg.evaluate.gold` (reading gold files), :mod:`~kg.evaluate.splits`
(the held-out part of every file, by record id), :mod:`~kg.evaluate.statements`
and :mod:`~kg.evaluate.attribution` (the two protocols, described there),
:mod:`~kg.evaluate.misses` (what became of each gold typed dyad: found,
target missed, type wrong, not found), :mod:`~kg.evaluate.report` (tables,
JSON) and :mod:`~kg.evaluate.dispatch` (:func:`evaluate_file`,
:func:`evaluate_path` for ``kg evaluate``).
Entity-linking scoring stays with the linker (:mod:`kg.link.evaluate`).
"""

from kg.evaluate.actors import TITLE_WORDS, head_word
from kg.evaluate.attribution import BELIEF_CUE_WORDS, AttributionScores, evaluate_attribution, is_belief_cue
from kg.evaluate.dispatch import evaluate_file, evaluate_path
from kg.evaluate.gold import GoldKind, gold_files, gold_kind
from kg.evaluate.misses import KINDS, Breakdown, BreakdownBlock, DyadOutcome, breakdown_statements, evaluate_breakdown
from kg.evaluate.report import breakdown_table, details_to_records, scores_table, scores_to_dict
from kg.evaluate.scoring import PRF, Predictor
from kg.evaluate.splits import SPLITS, is_heldout, split_filter, split_of
from kg.evaluate.statements import StatementBlock, StatementScores, evaluate_statements

__all__ = [
    "PRF",
    "StatementBlock",
    "StatementScores",
    "AttributionScores",
    "Predictor",
    "GoldKind",
    "TITLE_WORDS",
    "BELIEF_CUE_WORDS",
    "head_word",
    "is_belief_cue",
    "gold_kind",
    "gold_files",
    "evaluate_statements",
    "evaluate_attribution",
    "evaluate_file",
    "scores_table",
    "scores_to_dict",
    "details_to_records",
    "evaluate_path",
    "KINDS",
    "Breakdown",
    "BreakdownBlock",
    "DyadOutcome",
    "breakdown_statements",
    "evaluate_breakdown",
    "breakdown_table",
    "SPLITS",
    "is_heldout",
    "split_of",
    "split_filter",
]
