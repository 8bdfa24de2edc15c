"""Reading gold files (JSON Lines, protocols of ``../shared/eval/README.md``): records, kinds, files of folders."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from kg.errors import InputError, Msg
from kg.evaluate.scoring import Predictor
from kg.model import Article, Statement

__all__ = ["GoldKind", "RecordFilter", "read_gold", "select_records", "gold_kind", "gold_articles", "predict_by_id", "gold_files"]

#: The protocols: statement sets (``events``), attribution sets (``attributions``), entity linking (``mentions``).
GoldKind = Literal["statements", "attribution", "linking"]

#: Which records to score, by record id (``str -> bool``), e.g. a split of :mod:`kg.evaluate.splits`.
RecordFilter = Callable[[str], bool]


def read_gold(path: Path) -> list[tuple[int, dict[str, Any]]]:
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


def select_records(records: list[tuple[int, dict[str, Any]]], keep: RecordFilter | None) -> list[tuple[int, dict[str, Any]]]:
    """The (line number, record) pairs whose ``id`` ``keep`` accepts, in file order (all of them when ``keep`` is ``None``)."""
    if keep is None:
        return records
    return [(lineno, rec) for lineno, rec in records if keep(rec["id"])]


def gold_kind(path: Path | str) -> GoldKind:
    """Which protocol a gold file needs, from the keys of its first record.

    :returns: ``"statements"`` (``events``), ``"attribution"`` (``attributions``)
        or ``"linking"`` (``mentions``).
    :raises InputError: E050 for an unreadable file or one of none of these forms.
    """
    path = Path(path)
    lineno, rec = read_gold(path)[0]
    if "events" in rec:
        return "statements"
    if "attributions" in rec:
        return "attribution"
    if "mentions" in rec:
        return "linking"
    raise InputError(Msg.E050, path=path, reason=f"line {lineno} has none of the keys 'events', 'attributions', 'mentions'")


def gold_articles(path: Path, records: list[tuple[int, dict[str, Any]]]) -> list[Article]:
    """The gold records as :class:`~kg.model.Article` objects (``id``, ``text``, ``date``, origin ``"path:line"``).

    :raises InputError: E050 on a duplicate id.
    """
    arts = []
    seen: set[str] = set()
    for lineno, rec in records:
        if rec["id"] in seen:
            raise InputError(Msg.E050, path=path, reason=f"line {lineno}: duplicate id {rec['id']!r}")
        seen.add(rec["id"])
        date = rec.get("date") if isinstance(rec.get("date"), str) else None
        arts.append(Article(id=rec["id"], text=rec["text"], date=date, origin=f"{path}:{lineno}"))
    return arts


def predict_by_id(path: Path, articles: list[Article], predict: Predictor) -> dict[str, list[Statement]]:
    """Run ``predict`` once on all ``articles``; their statements by article id."""
    by_id: dict[str, list[Statement]] = {a.id: [] for a in articles}
    for res in predict(articles):
        if res.article.id in by_id:
            by_id[res.article.id].extend(res.statements)
    return by_id


def gold_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; folders expand to their ``*.jsonl`` files (sorted, hidden ones skipped)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*.jsonl") if not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    return out
