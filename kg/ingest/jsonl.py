"""JSON Lines streams, read lazily line by line: UTF-8 bytes, BOM-marked UTF-16/32, text lines."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from typing import IO

from kg.errors import Msg
from kg.ingest.records import parse_line
from kg.ingest.skipped import Skipped, skip
from kg.ingest.text import SNIFF_BYTES, bom_encoding, looks_binary
from kg.model import Article

__all__ = ["jsonl_from_bytes", "jsonl_from_text"]

_CHUNK = 1 << 16


def _chunks(stream: IO[bytes], head: bytes) -> Iterator[bytes]:
    if head:
        yield head
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return
        yield chunk


def _byte_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Split a byte stream on LF only (JSON strings hold no raw LF)."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        start = 0
        while True:
            idx = pending.find(b"\n", start)
            if idx < 0:
                break
            yield pending[start : idx + 1]
            start = idx + 1
        pending = pending[start:]
    if pending:
        yield pending


def jsonl_from_bytes(stream: IO[bytes], name: str, head: bytes = b"",
                      at: list[int] | None = None) -> Iterator[Article | Skipped]:
    """Read JSON Lines from a binary stream lazily; ``head`` = bytes already read;
    ``at[0]`` is kept at the number of the last whole line read.

    :raises OSError, EOFError, zlib.error: from the underlying stream (the
        caller turns them into E001).
    """
    if len(head) < 4:
        head += stream.read(4)
    bom = bom_encoding(head[:4])
    if bom is not None and bom[0] != "utf-8-sig":
        yield from _jsonl_from_decoded(_chunks(stream, head), bom[0], name)
        return
    if bom is not None:
        head = head[bom[1] :]
    if len(head) < SNIFF_BYTES:
        head += stream.read(SNIFF_BYTES - len(head))
    if looks_binary(head[:SNIFF_BYTES]):
        yield skip(Msg.E006, name)
        return
    for lineno, raw in enumerate(_byte_lines(_chunks(stream, head)), start=1):
        origin = f"{name}:{lineno}"
        if at is not None:
            at[0] = lineno
        if b"\x00" in raw:
            yield skip(Msg.E006, origin)
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield skip(Msg.E005, origin, reason=f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1} is not UTF-8")
            continue
        item = parse_line(line, origin)
        if item is not None:
            yield item


def _jsonl_from_decoded(chunks: Iterable[bytes], encoding: str, name: str) -> Iterator[Article | Skipped]:
    """JSON Lines in a BOM-marked UTF-16/32 stream; a decoding error ends the file."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    lineno = 0
    pending = ""

    def lines_of(text: str) -> Iterator[str]:
        nonlocal pending
        pending += text
        *done, pending = pending.split("\n")
        yield from done

    try:
        for chunk in chunks:
            for line in lines_of(decoder.decode(chunk)):
                lineno += 1
                item = parse_line(line, f"{name}:{lineno}")
                if item is not None:
                    yield item
        for line in lines_of(decoder.decode(b"", final=True)):
            lineno += 1
            item = parse_line(line, f"{name}:{lineno}")
            if item is not None:
                yield item
    except UnicodeDecodeError as exc:
        yield skip(Msg.E005, f"{name}:{lineno + 1}", reason=f"{encoding}: {exc.reason}; the rest of the file was not read")
        return
    if pending.strip():
        item = parse_line(pending, f"{name}:{lineno + 1}")
        if item is not None:
            yield item


def jsonl_from_text(lines: Iterable[str], name: str, first_lineno: int = 1) -> Iterator[Article | Skipped]:
    """JSON Lines from text lines already decoded (origins ``"name:LINE"`` from ``first_lineno``)."""
    for lineno, line in enumerate(lines, start=first_lineno):
        item = parse_line(line, f"{name}:{lineno}")
        if item is not None:
            yield item
