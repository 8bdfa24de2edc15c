"""Files and folders: which reader a file needs (by suffix), whole-file and JSON Lines files, folder walks."""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kg.errors import FOLDER_ADVICE, GZIP_ADVICE, READ_ADVICE, REREAD_ADVICE, Msg
from kg.ingest.jsonl import jsonl_from_bytes, jsonl_from_text
from kg.ingest.records import json_reason, record_to_article, text_article
from kg.ingest.skipped import Skipped, skip
from kg.ingest.text import decode_whole
from kg.ingest.warc import read_warc_file
from kg.model import Article

__all__ = ["ARTICLE_SUFFIXES", "read_path", "text_file_of"]

#: File suffixes read from folders, longest first.
ARTICLE_SUFFIXES: tuple[str, ...] = (".jsonl.gz", ".ndjson.gz", ".warc.gz", ".jsonl", ".ndjson", ".warc", ".json", ".txt")


def _read_decoded(path: Path, name: str) -> str | Skipped:
    """The whole file as text (BOMs honoured), or a Skipped (E001 unreadable, E005/E006)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return skip(Msg.E001, name, reason=exc.strerror or type(exc).__name__, advice=READ_ADVICE)
    return decode_whole(data, name)


def _read_text_file(path: Path, name: str) -> Iterator[Article | Skipped]:
    text = _read_decoded(path, name)
    if isinstance(text, Skipped):
        yield text
        return
    yield text_article(text, path.stem, name)


def _read_json_file(path: Path, name: str) -> Iterator[Article | Skipped]:
    text = _read_decoded(path, name)
    if isinstance(text, Skipped):
        yield text
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines in a .json file
            yield from jsonl_from_text(text.split("\n"), name)
        else:
            yield skip(Msg.E003, f"{name}:{exc.lineno}", reason=json_reason(exc))
        return
    if isinstance(doc, list):
        for i, rec in enumerate(doc):
            yield record_to_article(rec, f"{name}[{i}]")
    else:
        yield record_to_article(doc, name)


class _Gunzip:
    """A gzip stream (RFC 1952, one or several members) read with ``zlib`` so that nothing
    decompressed before damage is lost: :meth:`read` returns every byte the data held up to a
    truncation or corruption, and only the read after them raises.

    (``gzip.GzipFile.read(n)`` raises ``EOFError`` for a truncated file and drops what that call
    had decompressed already: up to ``n`` bytes of complete JSON lines before the cut.)

    :raises EOFError: from :meth:`read` when the data ends inside a member (truncated file).
    :raises zlib.error: from :meth:`read` for data that is not gzip, or corrupt.
    """

    _FEED = 1 << 14  # compressed bytes per step: a corrupt step loses at most what it holds

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._member = zlib.decompressobj(wbits=31)  # 31: a gzip header and trailer
        self._member_started = False
        self._buf = b""
        self._error: BaseException | None = None
        self._done = False

    def _feed(self, data: bytes) -> None:
        while data:
            if self._member.eof:  # the next member of a multi-member file
                self._member = zlib.decompressobj(wbits=31)
                self._member_started = False
            self._member_started = True
            self._buf += self._member.decompress(data)
            data = self._member.unused_data if self._member.eof else b""

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._buf) < size):
            data = self._raw.read(self._FEED)
            if not data:
                self._done = True
                if self._member_started and not self._member.eof:
                    self._error = EOFError("Compressed file ended before the end-of-stream marker was reached")
                break
            try:
                self._feed(data)
            except zlib.error as exc:
                self._done, self._error = True, exc
        if not self._buf and self._error is not None:
            raise self._error
        if size < 0:
            size = len(self._buf)
        out, self._buf = self._buf[:size], self._buf[size:]
        return out

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> "_Gunzip":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_jsonl_file(path: Path, name: str, *, gz: bool) -> Iterator[Article | Skipped]:
    try:
        stream: IO[bytes] = _Gunzip(open(path, "rb")) if gz else open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115
    except OSError as exc:
        yield skip(Msg.E001, name, reason=exc.strerror or type(exc).__name__, advice=READ_ADVICE)
        return
    at = [0]
    with stream:
        try:
            yield from jsonl_from_bytes(stream, name, at=at)
        except (OSError, EOFError, zlib.error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
            if gz and (isinstance(exc, (EOFError, zlib.error, gzip.BadGzipFile)) or not exc.strerror):
                origin = f"{name}:{at[0] + 1}"
                yield skip(Msg.E001, origin, reason=f"the gzip data is corrupt or truncated at line {at[0] + 1} "
                            f"({reason}); the articles before it were kept, the rest of the file was not read",
                           advice=GZIP_ADVICE.format(path=name))
            else:
                yield skip(Msg.E001, name, reason=f"{reason}; the rest of the file was not read", advice=REREAD_ADVICE)


def _kind(name: str) -> str:
    low = name.lower()
    for suffix in ARTICLE_SUFFIXES:
        if low.endswith(suffix):
            return suffix
    return ""


def _read_file(path: Path, name: str) -> Iterator[Article | Skipped]:
    kind = _kind(path.name)
    if kind in (".jsonl.gz", ".ndjson.gz"):
        yield from _read_jsonl_file(path, name, gz=True)
    elif kind in (".jsonl", ".ndjson"):
        yield from _read_jsonl_file(path, name, gz=False)
    elif kind == ".json":
        yield from _read_json_file(path, name)
    elif kind in (".warc", ".warc.gz"):
        yield from read_warc_file(path, name)
    else:
        yield from _read_text_file(path, name)


def text_file_of(article: Article) -> Path | None:
    """The plain-text file ``article`` was read from (its id is the file stem),
    or ``None`` for JSON records, WARC pages and standard input."""
    origin = article.origin
    if not origin or origin == "<stdin>" or _kind(origin) not in ("", ".txt"):
        return None
    path = Path(origin)
    try:
        return path if path.is_file() else None
    except OSError:
        return None


def _folder_files(root: Path) -> list[Path]:
    """Article files under ``root``: sorted by relative path, hidden ones skipped."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for fn in filenames:
            if not fn.startswith(".") and _kind(fn):
                found.append(Path(dirpath) / fn)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _others(root: Path, show: int = 3) -> str:
    """``"; it has 2 other files (a.md, b.html)"`` for E016, ``""`` when the folder is empty (hidden files left out)."""
    names: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        names += sorted(fn for fn in filenames if not fn.startswith("."))
    if not names:
        return ""
    listed = ", ".join(names[:show]) + (", ..." if len(names) > show else "")
    return f"; it has {len(names)} other file{'s' if len(names) != 1 else ''} ({listed})"


def read_path(arg: str | Path) -> Iterator[Article | Skipped]:
    """The articles of one file or folder argument (E007 for a missing path, E001 for an unreadable one,
    E016 for a folder with no article files in it)."""
    path = Path(arg)
    name = str(arg)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as exc:
        yield skip(Msg.E001, name, reason=exc.strerror or type(exc).__name__, advice=READ_ADVICE)
        return
    if not exists:
        yield skip(Msg.E007, name)
        return
    if is_dir:
        if not os.access(path, os.R_OK | os.X_OK):
            yield skip(Msg.E001, name, reason="permission denied", advice=FOLDER_ADVICE)
            return
        files = _folder_files(path)
        if not files:
            yield skip(Msg.E016, name, suffixes=", ".join(sorted(ARTICLE_SUFFIXES, key=len)), others=_others(path))
        for f in files:
            yield from _read_file(f, str(f))
    else:
        yield from _read_file(path, name)
