"""WARC archives (ISO 28500) of web pages: one article per HTML page, main text by trafilatura (optional extra ``kg[warc]``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.errors import READ_ADVICE, WARC_ADVICE, WARC_LIBS_ADVICE, Msg
from kg.ingest.records import record_to_article
from kg.ingest.skipped import Skipped, skip
from kg.ingest.text import normalize_text
from kg.model import Article

__all__ = ["read_warc_file"]

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
        return skip(Msg.E002, origin)
    meta = {"id": url, "url": url, "title": doc.get("title"), "date": doc.get("date"),
            "source": doc.get("sitename"), "text": text}
    return record_to_article(meta, origin)


def read_warc_file(path: Path, name: str) -> Iterator[Article | Skipped]:
    """The articles of a WARC file (origin ``"name@OFFSET"``); E001 without warcio/trafilatura or for a broken archive."""
    libs = _warc_libs()
    if libs is None:
        yield skip(Msg.E001, name, reason="reading WARC archives needs the packages warcio and trafilatura, which "
                                           "are not installed", advice=WARC_LIBS_ADVICE)
        return
    archive_iterator, trafilatura = libs
    try:
        stream = open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield skip(Msg.E001, name, reason=exc.strerror or type(exc).__name__, advice=READ_ADVICE)
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
            yield skip(Msg.E001, name, reason=f"not a readable WARC archive ({type(exc).__name__}: {exc}); "
                                               "the pages before it were kept, the rest of the file was not read",
                       advice=WARC_ADVICE.format(path=name))
