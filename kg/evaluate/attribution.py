"""Scoring attribution sets (gold records with ``attributions``): :func:`evaluate_attribution`.

Protocol
--------
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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError, Msg
from kg.evaluate.gold import RecordFilter, gold_articles, predict_by_id, read_gold, select_records
from kg.evaluate.scoring import PRF, Predictor, max_matching, overlap
from kg.model import Statement

__all__ = ["BELIEF_CUE_WORDS", "AttributionScores", "is_belief_cue", "evaluate_attribution"]

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


def is_belief_cue(cue: str) -> bool:
    """True when a cue's words include a belief/intention word (:data:`BELIEF_CUE_WORDS`) or "would like"."""
    low = cue.lower()
    if re.search(r"\bwould like\b", low):
        return True
    return any(w in BELIEF_CUE_WORDS for w in re.findall(r"[a-z]+", low))


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
    if overlap(g.cue[0], g.cue[1], p.cue.start, p.cue.end) > 0:
        return True
    if g.content is None or p.content is None:
        return False
    shorter = min(g.content[1] - g.content[0], p.content.end - p.content.start)
    return shorter > 0 and overlap(g.content[0], g.content[1], p.content.start, p.content.end) * 2 >= shorter


def _speaker_ok(g: _GoldAttr, p: Statement) -> bool:
    assert g.speaker is not None
    spans = [p.actor_mention, *p.actor.mentions]
    return any(overlap(g.speaker[0], g.speaker[1], m.start, m.end) > 0 for m in spans)


def _pred_dict(p: Statement) -> dict[str, Any]:
    return {"actor": p.actor.name, "mention": p.actor_mention.text, "cue": p.cue.text, "cue_start": p.cue.start, "type": p.type.value}


def evaluate_attribution(gold_path: Path | str, predict: Predictor, *, keep: RecordFilter | None = None) -> AttributionScores:
    """Score predicted statements against an attribution gold file (speaker - cue - content).

    :param gold_path: JSONL with ``id``, ``text``, ``attributions`` (and
        optionally ``attributions_no_source``); offsets into ``text``.
    :param predict: called once with all gold texts as Articles.
    :param keep: score only the records whose id it accepts (e.g. a split of
        :mod:`kg.evaluate.splits`); the whole file is still checked first.
    :returns: :class:`AttributionScores` (protocol in the module docs).
    :raises InputError: E050 when the file is not an attribution gold file.
    """
    path = Path(gold_path)
    records = read_gold(path)
    golds = {rec["id"]: _gold_attrs(path, lineno, rec) for lineno, rec in records}
    records = select_records(records, keep)
    articles = gold_articles(path, records)
    predicted = predict_by_id(path, articles, predict)
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
        m = max_matching(len(gold), len(preds), lambda i, j: _attr_match(gold[i], preds[j]))
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
