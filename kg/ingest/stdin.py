"""Standard input (``-``): JSON Lines when its first non-blank character is ``{``, else one plain-text article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, TextIO

from kg.errors import Msg
from kg.ingest.jsonl import jsonl_from_bytes, jsonl_from_text
from kg.ingest.records import text_article
from kg.ingest.skipped import Skipped, skip
from kg.ingest.text import SNIFF_BYTES, bom_encoding, decode_whole
from kg.model import Article

__all__ = ["read_stdin_text", "read_stdin_bytes"]


def read_stdin_text(stream: TextIO) -> Iterator[Article | Skipped]:
    """Articles from a text stream (origin ``"<stdin>"`` or ``"<stdin>:LINE"``)."""
    name = "<stdin>"
    try:
        yield from _read_stdin_text_inner(stream, name)
    except UnicodeDecodeError as exc:
        yield skip(Msg.E005, name, reason=f"{exc.reason}; the rest of the input was not read")


def _read_stdin_text_inner(stream: TextIO, name: str) -> Iterator[Article | Skipped]:
    lines = iter(stream)
    seen: list[str] = []
    for line in lines:
        seen.append(line)
        if line.strip():
            break
    else:
        yield skip(Msg.E002, name)
        return
    first = seen[-1].lstrip().lstrip("\ufeff")
    if first.startswith("{"):
        yield from jsonl_from_text(seen, name)
        yield from jsonl_from_text(lines, name, first_lineno=len(seen) + 1)
    else:
        text = "".join(seen) + "".join(lines)
        yield text_article(text.lstrip("\ufeff"), None, name)


def read_stdin_bytes(stream: IO[bytes]) -> Iterator[Article | Skipped]:
    """Articles from a binary stream (BOMs honoured; JSON Lines read lazily)."""
    name = "<stdin>"
    read1 = getattr(stream, "read1", stream.read)
    head = b""
    while True:
        chunk = read1(SNIFF_BYTES)
        if not chunk:
            break
        head += chunk
        bom = bom_encoding(head[:4])
        body = head[bom[1] :] if bom else head
        if len(head) >= 4 and body.strip(b" \t\r\n\x00"):
            break
    bom = bom_encoding(head[:4])
    if bom is not None and bom[0] != "utf-8-sig":
        probe = head[: len(head) - len(head) % 4].decode(bom[0], errors="ignore")
    else:
        probe = head.decode("utf-8", errors="ignore")
    if probe.lstrip().lstrip("\ufeff").lstrip().startswith("{"):
        yield from jsonl_from_bytes(stream, name, head)
        return
    data = head + stream.read()
    text = decode_whole(data, name)
    if isinstance(text, Skipped):
        yield text
        return
    yield text_article(text, None, name)
