"""JSON records -> :class:`~kg.model.Article` (fields, dates, ids; rules "Fields of JSON records" in :mod:`kg.ingest`)."""

from __future__ import annotations

import datetime as _dt
import json
import logging
import re
from typing import Any

from kg.errors import Msg
from kg.ingest.skipped import Skipped, skip
from kg.ingest.text import guess_title, hash_id, no_surrogates, normalize_text
from kg.model import Article

__all__ = ["record_to_article", "text_article", "json_reason", "parse_line"]

log = logging.getLogger("kg.ingest")  # one logger for the package (documented in kg.ingest)


_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?$")


def _opt_str(rec: dict[str, Any], key: str, origin: str, expected: str = "a string or null") -> str | None:
    value = rec.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = no_surrogates(" ".join(value.split()) if key == "title" else value.strip())
        return value or None
    _warn_field(origin, key, expected, value)
    return None


def _warn_field(origin: str, key: str, expected: str, value: object) -> None:
    got = f"{type(value).__name__} {value!r}"
    if len(got) > 60:
        got = got[:57] + "..."
    log.warning("%s The field was ignored.", Msg.E008.format(origin=origin, field=key, expected=expected, got=got))


def _date(rec: dict[str, Any], origin: str) -> str | None:
    key = "date" if rec.get("date") is not None else "published"
    value = rec.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        m = _ISO_DATE.match(value.strip())
        if m:
            try:
                return _dt.date.fromisoformat(m.group(1)).isoformat()
            except ValueError:
                pass
    _warn_field(origin, key, "an ISO date YYYY-MM-DD or null", value)
    return None


def record_to_article(rec: object, origin: str) -> Article | Skipped:
    """Validate one JSON record and build its :class:`Article`."""
    if not isinstance(rec, dict):
        return skip(Msg.E004, origin)
    raw = rec.get("text")
    if not isinstance(raw, str) or not raw:
        return skip(Msg.E004, origin)
    text = normalize_text(raw)
    if not text.strip():
        return skip(Msg.E002, origin)
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or not str(rid).strip():
        if rid is not None and rid != "":
            _warn_field(origin, "id", "a non-empty string or integer", rid)
        art_id = hash_id(text)
    else:
        art_id = no_surrogates(str(rid).strip())
    publisher_key = "source" if rec.get("source") is not None else "publisher"
    return Article(
        id=art_id,
        text=text,
        title=_opt_str(rec, "title", origin),
        date=_date(rec, origin),
        publisher=_opt_str(rec, publisher_key, origin),
        url=_opt_str(rec, "url", origin),
        origin=origin,
    )


def text_article(text: str, art_id: str | None, origin: str) -> Article | Skipped:
    """A plain-text article: normalized text, the title rule, ``art_id`` or the hash id; E002 when blank."""
    text = normalize_text(text)
    if not text.strip():
        return skip(Msg.E002, origin)
    return Article(id=art_id or hash_id(text), text=text, title=guess_title(text), origin=origin)


def json_reason(exc: json.JSONDecodeError) -> str:
    """``"Expecting value at column 5"``; :mod:`json`'s messages that end in "at"
    ("Unterminated string starting at") are not doubled."""
    msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
    return f"{msg} at column {exc.colno}"


def parse_line(line: str, origin: str) -> Article | Skipped | None:
    """One JSON Lines line: an article, a Skipped (E003 bad JSON, field errors), or ``None`` for a blank line."""
    if not line.strip():
        return None
    try:
        # without its line break: a line cut inside a string is then "Unterminated string",
        # not "Invalid control character" (the newline)
        rec = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return skip(Msg.E003, origin, reason=json_reason(exc))
    except RecursionError:
        return skip(Msg.E003, origin, reason="nested too deeply")
    return record_to_article(rec, origin)
