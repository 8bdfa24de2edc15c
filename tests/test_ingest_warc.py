"""kg.ingest: WARC archives (warcio + trafilatura), written by the test itself."""

from __future__ import annotations

import os

import gzip
import io
from pathlib import Path

import pytest

from kg.ingest import Skipped, read_articles

if os.environ.get("CI", "").lower() == "true":
    import trafilatura  # noqa: F401  -- CI installs the extra: missing is a failure, not a skip
    import warcio
else:
    warcio = pytest.importorskip("warcio", reason="WARC input needs the optional extra kg[warc] (warcio)")
    pytest.importorskip("trafilatura", reason="WARC input needs the optional extra kg[warc] (trafilatura)")

NAV = "Home | World | Politics | Business | Sport | Subscribe to our newsletter"
FOOTER = "Copyright 2026 Example News Ltd. All rights reserved. Privacy policy. Cookie settings."

PAGES = {
    "https://news.example.org/2026/03/01/minister-accuses": (
        "Minister accuses neighbour of border provocations",
        "2026-03-01",
        [
            "The foreign minister of Ruritania on Sunday accused Freedonia of staging provocations along the "
            "shared border, and called on the United Nations to send observers to the region.",
            "\u201cThese are deliberate acts meant to inflame tensions,\u201d the minister told reporters in the "
            "capital after a meeting of the national security council.",
            "Freedonia's government rejected the accusation and said its troops were on a routine exercise "
            "that had been announced weeks in advance.",
        ],
    ),
    "https://news.example.org/2026/03/02/talks-praised": (
        "Union leaders praise outcome of wage talks",
        "2026-03-02",
        [
            "Leaders of the national teachers' union praised the government on Monday for agreeing to raise "
            "salaries over the next three years, ending a dispute that had lasted since the autumn.",
            "The union's president said the agreement showed that patient negotiation could deliver results "
            "for teachers and for the pupils they serve across the whole country.",
        ],
    ),
}


def _html(title: str, date: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    related = "".join(f'<li><a href="/r{i}">Related story number {i}</a></li>' for i in range(8))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | Example News</title>"
        f"<meta property='og:title' content='{title}'>"
        f"<meta property='article:published_time' content='{date}T08:00:00Z'>"
        f"<meta property='og:site_name' content='Example News'></head><body>"
        f"<header><nav><ul>{''.join(f'<li><a href=/{w}>{w}</a></li>' for w in NAV.split(' | '))}</ul></nav></header>"
        f"<main><article><h1>{title}</h1><time datetime='{date}'>{date}</time>{body}</article>"
        f"<aside><h2>Related</h2><ul>{related}</ul></aside></main>"
        f"<footer><p>{FOOTER}</p></footer></body></html>"
    ).encode("utf-8")


def _boilerplate_only() -> bytes:
    items = "".join(f"<li><a href=/{w}>{w}</a></li>" for w in NAV.split(" | "))
    return f"<html><body><header><nav><ul>{items}</ul></nav></header><footer><p>{FOOTER}</p></footer></body></html>".encode()


def _write_warc(path: Path, *, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "kg-test"}))
        for url, (title, date, paragraphs) in PAGES.items():
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(_html(title, date, paragraphs)),
                                                          http_headers=headers))
        # not articles: an image, a redirect, an empty page
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example.org/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG...."), http_headers=img))
        moved = StatusAndHeaders("301 Moved Permanently", [("Location", "/x"), ("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example.org/old", "response",
                                                      payload=io.BytesIO(b"<html>moved</html>"), http_headers=moved))
        empty = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example.org/empty", "response",
                                                      payload=io.BytesIO(_boilerplate_only()),
                                                      http_headers=empty))


@pytest.mark.parametrize("name,gz", [("news.warc.gz", True), ("news.warc", False)])
def test_ingest_warc_pages_become_articles_without_boilerplate(tmp_path, name, gz):
    warc = tmp_path / name
    _write_warc(warc, gz=gz)
    items = list(read_articles([warc]))
    articles = [i for i in items if not isinstance(i, Skipped)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [a.url for a in articles] == list(PAGES)
    for a in articles:
        title, date, paragraphs = PAGES[a.url]
        assert a.id == a.url
        assert a.title == title
        assert a.date == date
        assert a.publisher == "Example News"
        for p in paragraphs:
            assert p in a.text
        assert "\n\n" in a.text, "paragraphs are separated by a blank line"
        for junk in ["Subscribe", "Copyright", "Privacy policy", "Related story"]:
            assert junk not in a.text
        assert a.origin.startswith(f"{warc}@")
    # the boilerplate-only page is skipped with a reason; image and redirect are not articles
    assert len(skipped) == 1 and skipped[0].code == "E002"


def test_ingest_warc_in_folder_and_corrupt_archive_is_skipped(tmp_path):
    _write_warc(tmp_path / "a.warc.gz", gz=True)
    bad = tmp_path / "b.warc.gz"
    bad.write_bytes(gzip.compress(b"this is not a WARC record at all\r\n\r\n" * 3))
    items = list(read_articles([tmp_path]))
    assert sum(not isinstance(i, Skipped) for i in items) == 2
    errors = [i for i in items if isinstance(i, Skipped) and i.code == "E001"]
    assert len(errors) == 1 and "b.warc.gz" in errors[0].reason
