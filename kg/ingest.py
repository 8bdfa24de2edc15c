"""Streaming article readers: files, folders, JSON Lines (plain or gzip), stdin.

:func:`read_articles` turns paths into a lazy stream of :class:`~kg.model.Article`
objects.  Bad input never stops the batch: every problem becomes a
:class:`Skipped` item with a one-line message from :class:`kg.errors.Msg`
(naming the file and line), and reading goes on with the next record.

Inputs
------
* ``*.txt`` (and any explicitly named file with another suffix): one article;
  ``id`` = file stem, so re-running a file replaces its own graph, and the
  ids stay the same when the corpus folder moves.  Two files with the same
  name in different folders therefore share an id: read in one call, the
  later one is renamed (see *Duplicate ids*); loaded by separate
  ``kg run`` calls, the later one replaces the earlier one's graph, and
  :func:`kg.run.jobs.run_into_store` warns (E009) when a ``.txt`` article
  replaces a stored graph that holds another text.  Give such files
  distinct names (or put them in one JSON Lines file with distinct ids).
* ``*.jsonl`` / ``*.ndjson``: one JSON object per line, read line by line
  (never the whole file), origin ``"file.jsonl:LINE"``.  Fields: ``id``,
  ``title``, ``date``, ``source`` (-> :attr:`Article.publisher`; ``publisher``
  is accepted too), ``url``, ``text``.  Other keys are ignored.
* ``*.jsonl.gz`` / ``*.ndjson.gz``: the same, gzip-compressed, decompressed
  as a stream.  Corrupt or truncated gzip data ends the file with E001
  naming the line reached and advising ``gunzip -t``; the articles before
  it are kept.
* ``*.json``: one JSON object (one article) or a JSON array of objects
  (origin ``"file.json[3]"``); read whole, so use JSON Lines for big corpora.
  A ``.json`` file that holds JSON Lines is read as JSON Lines.
* ``*.warc`` / ``*.warc.gz``: a WARC archive of web pages (ISO 28500), read
  record by record with ``warcio``.  Every ``response`` (HTTP status 200) or
  ``resource`` record whose content type is HTML becomes one article: its main
  text, title, date and site name are extracted with ``trafilatura``, which
  drops boilerplate (navigation, footers, cookie banners, related links);
  paragraphs are separated by a blank line.  ``id`` and ``url`` = the record's
  ``WARC-Target-URI``; origin ``"file.warc.gz@OFFSET"`` (byte offset of the
  record).  Other records (requests, metadata, images, redirects) are
  ignored; a page without main text is skipped (E002).  Needs the optional
  extra ``kg[warc]`` (``pip install warcio trafilatura``); without it each
  WARC file is skipped with E001 saying so.
* a folder: all ``*.txt``, ``*.jsonl``, ``*.ndjson``, ``*.jsonl.gz``,
  ``*.ndjson.gz``, ``*.warc``, ``*.warc.gz`` and ``*.json`` files under it, recursively, in sorted order
  of their relative paths; hidden files and folders (name starting with
  ``.``) are ignored, other suffixes too.
* ``-``: standard input.  If its first non-blank character is ``{`` it is read
  as JSON Lines (origin ``"<stdin>:LINE"``), else as one plain-text article
  whose id is ``"sha256:<first 16 hex of the SHA-256 of its text>"``.

Rules
-----
Encoding
    UTF-8; a UTF-8 byte-order mark is dropped; UTF-16 and UTF-32 with a BOM are
    decoded.  Other bytes that are not UTF-8 give E005 (for JSON Lines: that
    line only).  NUL bytes or a large share (> 10 %) of control characters
    give E006 (binary data).
Text normalization (:func:`normalize_text`)
    Applied to ``text`` before the :class:`Article` is made, so **every
    character offset kg reports refers to the normalized text**.  It is
    minimal: CR LF and CR become LF; form feed, vertical tab, NEL (U+0085),
    LINE SEPARATOR and PARAGRAPH SEPARATOR become LF (same length); other C0
    and C1 control characters except TAB and LF, ZERO WIDTH SPACE (U+200B),
    WORD JOINER (U+2060) and stray BOMs (U+FEFF) are removed; lone surrogates
    (``\\ud800``-``\\udfff``, which only JSON ``\\u`` escapes can produce and
    which no UTF-8 tool can encode) become U+FFFD, one for one.  Nothing else
    changes: no Unicode normalization (NFC), no NBSP replacement, no
    whitespace trimming, so a clean UTF-8 file reads back byte-identical.
    ZERO WIDTH (NON-)JOINER are kept: they carry meaning in some scripts.
Title rule (plain-text articles only)
    The title is the first line that contains a letter, if that line is a
    paragraph of its own (followed by a blank line), at most 200 characters
    and 30 words long, does not end with ``.`` ``,`` ``;`` or ``:`` and some
    text follows it.  Otherwise the title is ``None``.  The title line stays
    in :attr:`Article.text` (headlines carry statements: "X: Y").
Fields of JSON records
    ``text`` missing, not a string, or ``""`` -> E004 (record skipped); text
    that is only whitespace after normalization -> E002 (skipped).  A
    wrong-typed optional field is dropped with a logged E008 warning and the
    record is kept: ``title``/``source``/``url`` must be strings (or null),
    ``date`` an ISO date ``YYYY-MM-DD`` (an ISO date-time is cut to its date).
    An integer ``id`` is turned into a string; a missing, empty or otherwise
    typed ``id`` gives ``"sha256:<first 16 hex of the text hash>"`` (with an
    E008 warning when the ``id`` was present but unusable).  Lone surrogates
    in ``id``, ``title``, ``source`` and ``url`` become U+FFFD, as in the text.
Duplicate ids (within one :func:`read_articles` call)
    Same id and the same (normalized) text: the later copy is skipped (E009).
    Same id, different text: the later article is kept with id
    ``"<id>~<first 8 hex of its text's SHA-256>"`` and a logged E009 warning,
    so both are kept distinctly and re-runs give the same ids.
Duplicate keys (within one :func:`read_articles` call)
    Different ids with the same key (:attr:`kg.model.Article.key`, the slug
    that names the article's graph, e.g. ``"Foo Bar"`` and ``"foo-bar"``):
    the later article would replace the earlier one's graph, so it is
    renamed by the same rule (``"<id>~<first 8 hex>"``, logged E009 warning)
    and both are kept.  Across runs, :func:`kg.run.jobs.run_into_store` does
    the same when the store's graph of that key holds another article id
    (``"<id>~<first 8 hex of the id's SHA-256>"``, E009).

Warnings (dropped fields, renamed ids) go to the ``kg.ingest`` logger.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import gzip
import hashlib
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO

from kg.errors import Msg
from kg.model import Article

__all__ = ["Skipped", "read_articles", "normalize_text", "guess_title", "hash_id", "text_file_of", "ARTICLE_SUFFIXES"]

log = logging.getLogger(__name__)

#: File suffixes read from folders, longest first.
ARTICLE_SUFFIXES: tuple[str, ...] = (".jsonl.gz", ".ndjson.gz", ".warc.gz", ".jsonl", ".ndjson", ".warc", ".json", ".txt")

_CHUNK = 1 << 16
_SNIFF = 8192
_BINARY_SHARE = 0.10
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30


@dataclass(frozen=True)
class Skipped:
    """An input that was not read as an article.

    :param origin: where ("folder/a.jsonl:12", "b.txt", "<stdin>:3").
    :param reason: one-line user message from :class:`kg.errors.Msg`.
    :param code: the message code ("E003").
    """

    origin: str
    reason: str
    code: str

    def __str__(self) -> str:
        return self.reason


def _skip(msg: Msg, origin: str, **fields: object) -> Skipped:
    if "origin" in msg.value:
        fields.setdefault("origin", origin)
    if "{path}" in msg.value:
        fields.setdefault("path", origin)
    return Skipped(origin=origin, reason=msg.format(**fields), code=msg.name)


# --------------------------------------------------------------------------- text

_NEWLINE_LIKE = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u2060\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    """Lone surrogates (from JSON escapes like ``"\\ud800"``) -> U+FFFD, one for one."""
    return _SURROGATE.sub("\ufffd", text)


def normalize_text(text: str) -> str:
    """Minimal normalization of article text (see the module docs).

    CR LF / CR -> LF; VT, FF, NEL, U+2028, U+2029 -> LF; other control
    characters except TAB and LF, U+200B, U+2060 and U+FEFF removed.

    >>> normalize_text("a\\r\\nb\\x00c\\u200bd")
    'a\\nbcd'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _NEWLINE_LIKE.sub("\n", text)
    return _no_surrogates(_DROP.sub("", text))


def hash_id(text: str) -> str:
    """``"sha256:<first 16 hex digits of SHA-256(text)>"``, the id of articles without one."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def guess_title(text: str) -> str | None:
    """The headline of a plain-text article, or ``None`` (rule in the module docs).

    >>> guess_title("US Wants Out: Iran\\n\\nThe minister said ...")
    'US Wants Out: Iran'
    >>> guess_title("The minister said so.\\n\\nMore text.") is None
    True
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not _LETTER.search(line):
            continue
        cand = " ".join(line.split())
        following = lines[i + 1] if i + 1 < len(lines) else None
        rest = "\n".join(lines[i + 1 :]).strip()
        if (
            following is not None
            and not following.strip()
            and rest
            and len(cand) <= _TITLE_MAX_CHARS
            and len(cand.split()) <= _TITLE_MAX_WORDS
            and not cand.endswith((".", ",", ";", ":"))
        ):
            return cand
        return None
    return None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or more than 10 % control bytes (other than TAB, LF, CR, FF)."""
    if not data:
        return False
    if b"\x00" in data:
        return True
    ctrl = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13)) + data.count(b"\x7f")
    return ctrl / len(data) > _BINARY_SHARE


def _bom(head: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) when ``head`` starts with a byte-order mark."""
    for mark, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(mark):
            return enc, len(mark)
    return None


def _decode_whole(data: bytes, origin: str) -> str | Skipped:
    """Decode a whole file's bytes by the encoding rules, or explain why not."""
    bom = _bom(data[:4])
    if bom is not None:
        try:
            text = data.decode(bom[0])
        except UnicodeDecodeError as exc:
            return _skip(Msg.E005, origin, reason=f"{bom[0]} with a BOM, but {exc.reason} at byte {exc.start}")
    else:
        if _looks_binary(data[:_SNIFF]):
            return _skip(Msg.E006, origin)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return _skip(Msg.E005, origin, reason=f"byte 0x{data[exc.start]:02x} at offset {exc.start} is not UTF-8")
    sample = text[:_SNIFF]
    if sample and sum(1 for c in sample if c < " " and c not in "\t\n\r\x0c") / len(sample) > _BINARY_SHARE:
        return _skip(Msg.E006, origin)
    return text


# --------------------------------------------------------------------------- records

_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?$")


def _opt_str(rec: dict[str, Any], key: str, origin: str, expected: str = "a string or null") -> str | None:
    value = rec.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = _no_surrogates(" ".join(value.split()) if key == "title" else value.strip())
        return value or None
    _warn_field(origin, key, expected, value)
    return None


def _warn_field(origin: str, key: str, expected: str, value: object) -> None:
    got = f"{type(value).__name__} {value!r}"
    if len(got) > 60:
        got = got[:57] + "..."
    log.warning("%s The field was ignored.", Msg.E008.format(origin=origin, field=key, expected=expected, got=got))


def _date(rec: dict[str, Any], origin: str) -> str | None:
    value = rec.get("date")
    if value is None:
        return None
    if isinstance(value, str):
        m = _ISO_DATE.match(value.strip())
        if m:
            try:
                return _dt.date.fromisoformat(m.group(1)).isoformat()
            except ValueError:
                pass
    _warn_field(origin, "date", "an ISO date YYYY-MM-DD or null", value)
    return None


def _record_to_article(rec: object, origin: str) -> Article | Skipped:
    """Validate one JSON record and build its :class:`Article`."""
    if not isinstance(rec, dict):
        return _skip(Msg.E004, origin)
    raw = rec.get("text")
    if not isinstance(raw, str) or not raw:
        return _skip(Msg.E004, origin)
    text = normalize_text(raw)
    if not text.strip():
        return _skip(Msg.E002, origin)
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or not str(rid).strip():
        if rid is not None and rid != "":
            _warn_field(origin, "id", "a non-empty string or integer", rid)
        art_id = hash_id(text)
    else:
        art_id = _no_surrogates(str(rid).strip())
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


def _text_article(text: str, art_id: str | None, origin: str) -> Article | Skipped:
    text = normalize_text(text)
    if not text.strip():
        return _skip(Msg.E002, origin)
    return Article(id=art_id or hash_id(text), text=text, title=guess_title(text), origin=origin)


def _json_reason(exc: json.JSONDecodeError) -> str:
    """``"Expecting value at column 5"``; :mod:`json`'s messages that end in "at"
    ("Unterminated string starting at") are not doubled."""
    msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
    return f"{msg} at column {exc.colno}"


def _parse_line(line: str, origin: str) -> Article | Skipped | None:
    if not line.strip():
        return None
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return _skip(Msg.E003, origin, reason=_json_reason(exc))
    except RecursionError:
        return _skip(Msg.E003, origin, reason="nested too deeply")
    return _record_to_article(rec, origin)


# --------------------------------------------------------------------------- line streams


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


def _jsonl_from_bytes(stream: IO[bytes], name: str, head: bytes = b"",
                      at: list[int] | None = None) -> Iterator[Article | Skipped]:
    """Read JSON Lines from a binary stream lazily; ``head`` = bytes already read;
    ``at[0]`` is kept at the number of the last whole line read.

    :raises OSError, EOFError, zlib.error: from the underlying stream (the
        caller turns them into E001).
    """
    if len(head) < 4:
        head += stream.read(4)
    bom = _bom(head[:4])
    if bom is not None and bom[0] != "utf-8-sig":
        yield from _jsonl_from_decoded(_chunks(stream, head), bom[0], name)
        return
    if bom is not None:
        head = head[bom[1] :]
    if len(head) < _SNIFF:
        head += stream.read(_SNIFF - len(head))
    if _looks_binary(head[:_SNIFF]):
        yield _skip(Msg.E006, name)
        return
    for lineno, raw in enumerate(_byte_lines(_chunks(stream, head)), start=1):
        origin = f"{name}:{lineno}"
        if at is not None:
            at[0] = lineno
        if b"\x00" in raw:
            yield _skip(Msg.E006, origin)
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield _skip(Msg.E005, origin, reason=f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1} is not UTF-8")
            continue
        item = _parse_line(line, origin)
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
                item = _parse_line(line, f"{name}:{lineno}")
                if item is not None:
                    yield item
        for line in lines_of(decoder.decode(b"", final=True)):
            lineno += 1
            item = _parse_line(line, f"{name}:{lineno}")
            if item is not None:
                yield item
    except UnicodeDecodeError as exc:
        yield _skip(Msg.E005, f"{name}:{lineno + 1}", reason=f"{encoding}: {exc.reason}; the rest of the file was not read")
        return
    if pending.strip():
        item = _parse_line(pending, f"{name}:{lineno + 1}")
        if item is not None:
            yield item


def _jsonl_from_text(lines: Iterable[str], name: str, first_lineno: int = 1) -> Iterator[Article | Skipped]:
    for lineno, line in enumerate(lines, start=first_lineno):
        item = _parse_line(line, f"{name}:{lineno}")
        if item is not None:
            yield item


# --------------------------------------------------------------------------- files


def _read_decoded(path: Path, name: str) -> str | Skipped:
    """The whole file as text (BOMs honoured), or a Skipped (E001 unreadable, E005/E006)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _skip(Msg.E001, name, reason=exc.strerror or type(exc).__name__)
    return _decode_whole(data, name)


def _read_text_file(path: Path, name: str) -> Iterator[Article | Skipped]:
    text = _read_decoded(path, name)
    if isinstance(text, Skipped):
        yield text
        return
    yield _text_article(text, path.stem, name)


def _read_json_file(path: Path, name: str) -> Iterator[Article | Skipped]:
    text = _read_decoded(path, name)
    if isinstance(text, Skipped):
        yield text
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines in a .json file
            yield from _jsonl_from_text(text.split("\n"), name)
        else:
            yield _skip(Msg.E003, f"{name}:{exc.lineno}", reason=_json_reason(exc))
        return
    if isinstance(doc, list):
        for i, rec in enumerate(doc):
            yield _record_to_article(rec, f"{name}[{i}]")
    else:
        yield _record_to_article(doc, name)


def _read_jsonl_file(path: Path, name: str, *, gz: bool) -> Iterator[Article | Skipped]:
    try:
        stream: IO[bytes] = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield _skip(Msg.E001, name, reason=exc.strerror or type(exc).__name__)
        return
    at = [0]
    with stream:
        try:
            yield from _jsonl_from_bytes(stream, name, at=at)
        except (OSError, EOFError, zlib.error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
            if gz and (isinstance(exc, (EOFError, zlib.error, gzip.BadGzipFile)) or not exc.strerror):
                origin = f"{name}:{at[0] + 1}"
                yield _skip(Msg.E001, origin, reason=f"the gzip data is corrupt or truncated at line {at[0] + 1} "
                            f"({reason}); the articles before it were kept, the rest of the file was not read. "
                            f"Test the file with 'gunzip -t {name}' and download or compress it again")
            else:
                yield _skip(Msg.E001, name, reason=f"{reason}; the rest of the file was not read")


_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _warc_libs():
    """(warcio.ArchiveIterator, trafilatura) or None when not installed."""
    try:
        import trafilatura
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        return None
    return ArchiveIterator, trafilatura


def _html_page(html: bytes, url: str | None, origin: str, trafilatura) -> Article | Skipped:  # noqa: ANN001
    """One HTML page -> an :class:`Article` of its main text (boilerplate removed)."""
    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_precision=True,
                                        include_tables=False)
    doc = found.as_dict() if hasattr(found, "as_dict") else (found or {})
    text = doc.get("text") or ""
    text = normalize_text("\n\n".join(line.strip() for line in text.split("\n") if line.strip()))
    if not text.strip():
        return _skip(Msg.E002, origin)
    meta = {"id": url, "url": url, "title": doc.get("title"), "date": doc.get("date"),
            "source": doc.get("sitename"), "text": text}
    return _record_to_article(meta, origin)


def _read_warc_file(path: Path, name: str) -> Iterator[Article | Skipped]:
    libs = _warc_libs()
    if libs is None:
        yield _skip(Msg.E001, name, reason="reading WARC archives needs the packages warcio and trafilatura "
                                           "(pip install 'kg[warc]')")
        return
    archive_iterator, trafilatura = libs
    try:
        stream = open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield _skip(Msg.E001, name, reason=exc.strerror or type(exc).__name__)
        return
    with stream:
        records = archive_iterator(stream)
        try:
            for record in records:
                if record.rec_type not in ("response", "resource"):
                    continue
                if record.rec_type == "response":
                    if record.http_headers is None or record.http_headers.get_statuscode() != "200":
                        continue
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                if not ctype.split(";")[0].strip().lower() in _HTML_TYPES:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                html = record.content_stream().read()
                origin = f"{name}@{records.get_record_offset()}"  # after reading: it consumes the record
                yield _html_page(html, url, origin, trafilatura)
        except Exception as exc:  # noqa: BLE001 - warcio raises its own ArchiveLoadFailed, zlib errors, ...
            yield _skip(Msg.E001, name, reason=f"not a readable WARC archive ({type(exc).__name__}: {exc}); "
                                               "the rest of the file was not read")


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
        yield from _read_warc_file(path, name)
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


def _read_path(arg: str | Path) -> Iterator[Article | Skipped]:
    path = Path(arg)
    name = str(arg)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as exc:
        yield _skip(Msg.E001, name, reason=exc.strerror or type(exc).__name__)
        return
    if not exists:
        yield _skip(Msg.E007, name)
        return
    if is_dir:
        if not os.access(path, os.R_OK | os.X_OK):
            yield _skip(Msg.E001, name, reason="permission denied")
            return
        for f in _folder_files(path):
            yield from _read_file(f, str(f))
    else:
        yield from _read_file(path, name)


# --------------------------------------------------------------------------- stdin


def _read_stdin_text(stream: TextIO) -> Iterator[Article | Skipped]:
    name = "<stdin>"
    try:
        yield from _read_stdin_text_inner(stream, name)
    except UnicodeDecodeError as exc:
        yield _skip(Msg.E005, name, reason=f"{exc.reason}; the rest of the input was not read")


def _read_stdin_text_inner(stream: TextIO, name: str) -> Iterator[Article | Skipped]:
    lines = iter(stream)
    seen: list[str] = []
    for line in lines:
        seen.append(line)
        if line.strip():
            break
    else:
        yield _skip(Msg.E002, name)
        return
    first = seen[-1].lstrip().lstrip("\ufeff")
    if first.startswith("{"):
        yield from _jsonl_from_text(seen, name)
        yield from _jsonl_from_text(lines, name, first_lineno=len(seen) + 1)
    else:
        text = "".join(seen) + "".join(lines)
        yield _text_article(text.lstrip("\ufeff"), None, name)


def _read_stdin_bytes(stream: IO[bytes]) -> Iterator[Article | Skipped]:
    name = "<stdin>"
    read1 = getattr(stream, "read1", stream.read)
    head = b""
    while True:
        chunk = read1(_SNIFF)
        if not chunk:
            break
        head += chunk
        bom = _bom(head[:4])
        body = head[bom[1] :] if bom else head
        if len(head) >= 4 and body.strip(b" \t\r\n\x00"):
            break
    bom = _bom(head[:4])
    if bom is not None and bom[0] != "utf-8-sig":
        probe = head[: len(head) - len(head) % 4].decode(bom[0], errors="ignore")
    else:
        probe = head.decode("utf-8", errors="ignore")
    if probe.lstrip().lstrip("\ufeff").lstrip().startswith("{"):
        yield from _jsonl_from_bytes(stream, name, head)
        return
    data = head + stream.read()
    text = _decode_whole(data, name)
    if isinstance(text, Skipped):
        yield text
        return
    yield _text_article(text, None, name)


# --------------------------------------------------------------------------- public


def _dedupe(items: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
    """Apply the duplicate-id and duplicate-key rules (module docs) over one run."""
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
                    yield _skip(Msg.E009, origin, id=new_id, first=owner[1], action="the same text, skipped")
                    continue
            seen[item.id] = (digest[:16], origin)
            keys[item.key] = (item.id, origin)
            yield item
            continue
        if first[0] == digest[:16]:
            yield _skip(Msg.E009, origin, id=item.id, first=first[1], action="the same text, skipped")
            continue
        new_id = f"{item.id}~{digest.hex()[:8]}"
        again = seen.get(new_id)
        if again is not None:
            yield _skip(Msg.E009, origin, id=new_id, first=again[1], action="the same text, skipped")
            continue
        log.warning(Msg.E009.format(origin=origin, id=item.id, first=first[1], action=f"a different text, renamed to {new_id!r}"))
        seen[new_id] = (digest[:16], origin)
        item.id = new_id
        keys.setdefault(item.key, (new_id, origin))
        yield item


def read_articles(paths: Iterable[str | Path], *, stdin: TextIO | IO[bytes] | None = None) -> Iterator[Article | Skipped]:
    """Read articles lazily from files, folders and ``-`` (standard input).

    :param paths: files, folders, or ``"-"`` for standard input (formats and
        rules in the module docs).
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
                    yield from _read_stdin_text(stream)  # type: ignore[arg-type]
                else:
                    yield from _read_stdin_bytes(stream)  # type: ignore[arg-type]
            else:
                yield from _read_path(p)

    return _dedupe(items())
