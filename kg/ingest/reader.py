"""The entry point :func:`read_articles`, and the duplicate-id and duplicate-key rules over one call."""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TextIO

from kg.errors import Msg
from kg.ingest.files import read_path
from kg.ingest.skipped import Skipped, skip
from kg.ingest.stdin import read_stdin_bytes, read_stdin_text
from kg.model import Article

__all__ = ["read_articles"]

log = logging.getLogger("kg.ingest")  # one logger for the package (documented in kg.ingest)


def _dedupe(items: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
    """Apply the duplicate-id and duplicate-key rules (:mod:`kg.ingest` docs) over one run."""
    seen: dict[str, tuple[bytes, str]] = {}
    keys: dict[str, tuple[str, str]] = {}  # article key -> (id, origin) of the first article with it
    for item in items:
        if isinstance(item, Skipped):
            yield item
            continue
        digest = hashlib.sha256(item.text.encode("utf-8", "surrogatepass")).digest()
        origin = item.origin or item.id
        first = seen.get(item.id)
        if first is None:
            owner = keys.get(item.key)
            if owner is not None:  # another id names the same graph: rename, keep both
                new_id = f"{item.id}~{digest.hex()[:8]}"
                log.warning(Msg.E009.format(origin=origin, id=item.id, first=owner[1],
                                            action=f"its graph name {item.key!r} is taken by id {owner[0]!r}, "
                                                   f"renamed to {new_id!r}"))
                item.id = new_id
                if item.id in seen or item.key in keys:
                    yield skip(Msg.E009, origin, id=new_id, first=owner[1], action="the same text, skipped")
                    continue
            seen[item.id] = (digest[:16], origin)
            keys[item.key] = (item.id, origin)
            yield item
            continue
        if first[0] == digest[:16]:
            yield skip(Msg.E009, origin, id=item.id, first=first[1], action="the same text, skipped")
            continue
        new_id = f"{item.id}~{digest.hex()[:8]}"
        again = seen.get(new_id)
        if again is not None:
            yield skip(Msg.E009, origin, id=new_id, first=again[1], action="the same text, skipped")
            continue
        old_id, item.id = item.id, new_id
        owner = keys.get(item.key)
        if owner is not None:
            # ids "A" and "a" with one text, each renamed by that text's digest: one graph name again
            yield skip(Msg.E009, origin, id=new_id, first=owner[1], action="the same text, skipped")
            continue
        log.warning(Msg.E009.format(origin=origin, id=old_id, first=first[1], action=f"a different text, renamed to {new_id!r}"))
        seen[new_id] = (digest[:16], origin)
        keys[item.key] = (new_id, origin)
        yield item


def read_articles(paths: Iterable[str | Path], *, stdin: TextIO | IO[bytes] | None = None) -> Iterator[Article | Skipped]:
    """Read articles lazily from files, folders and ``-`` (standard input).

    :param paths: files, folders, or ``"-"`` for standard input (formats and
        rules in the :mod:`kg.ingest` docs).
    :param stdin: the stream read for ``"-"``: a text stream (e.g.
        ``io.StringIO``) or a binary one; default ``sys.stdin.buffer``.
    :returns: an iterator of :class:`~kg.model.Article` (offsets refer to
        the normalized text) and :class:`Skipped` items, in input order.
        It never raises for bad input; I/O errors become E001 items.
    """
    def items() -> Iterator[Article | Skipped]:
        for p in paths:
            if str(p) == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                if isinstance(stream.read(0), str):
                    yield from read_stdin_text(stream)  # type: ignore[arg-type]
                else:
                    yield from read_stdin_bytes(stream)  # type: ignore[arg-type]
            else:
                yield from read_path(p)

    return _dedupe(items())
