"""``kg serve`` in a real browser: headless Chromium (Debian's ``/usr/bin/chromium``, driven by the
``playwright`` package; its own browser download is never used) opens the pages of a store of
hostile articles (tests/_serve_fixtures.py), searches an actor, follows actor -> evidence ->
article, submits a stored-query form, and checks the page text, that no script ran (no dialog,
no injected element) and that the screenshots are PNGs.  On the embedded store and on Fuseki.

Skipped when chromium or playwright is missing, except with CI=true, where it FAILS.
"""

from __future__ import annotations

import shutil

import pytest

from tests._serve_fixtures import BREAKER_NAME, EVIL_NAME
from tests.servers import unavailable

pytestmark = pytest.mark.server


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    exe = _chromium()
    if exe is None:
        unavailable("chromium is not installed (Debian: apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


# `served` (kg serve on the hostile store, embedded and on Fuseki) is the fixture of tests/conftest.py


def _png(data: bytes) -> None:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


def test_serve_browser_actor_evidence_article_and_query_form(browser, served, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto(served.url + "/")
    assert "Corpus overview" in page.inner_text("main")
    _png(page.screenshot(path=str(tmp_path / "overview.png")))

    # search, forgiving: a lower-case surname without the apostrophe
    page.fill("header input[name=q]", "ohara")
    page.click("header button[type=submit]")
    page.click("a.actor:has-text(\"Lena O'Hara\")")
    assert page.inner_text("h1") == "Lena O'Hara"
    main = page.inner_text("main")
    assert "Statements by Lena O'Hara" in main and "Freedonia" in main and "Ruritania" in main
    assert page.locator("mark.kg-cue").count() >= 2 and page.locator("mark.kg-target").count() >= 2
    _png(page.screenshot(path=str(tmp_path / "actor.png"), full_page=True))

    # actor -> evidence -> article
    page.click("a.evidence-link >> nth=0")
    assert page.url.split("#")[0].endswith("hostile-3") and "#st-" in page.url
    assert "Ambassador' onmouseover='alert(3) praises Freedonia" in page.inner_text("h1")
    assert "</textarea><script>alert('kg-xss')</script>" in page.inner_text("article.text")
    _png(page.screenshot(path=str(tmp_path / "article.png")))

    # the hostile names: shown as text, no element made from them, no script ran
    page.goto(served.url + "/actors?q=brandt")
    page.click("a.actor >> nth=0")
    assert EVIL_NAME in page.inner_text("h1")
    assert BREAKER_NAME in page.inner_text("main")
    assert page.locator("main script").count() == 0 and page.locator("main img").count() == 0
    assert page.evaluate("document.querySelectorAll('[onerror],[onmouseover]').length") == 0
    page.goto(served.url + "/article?iri=https://w3id.org/kg-news/id/article/hostile-1")
    assert page.locator("a[href^='javascript']").count() == 0

    # a stored-query form
    page.goto(served.url + "/queries/who-accused-whom")
    page.fill("#p-actor", "O'Hara")
    page.click("#run")
    table = page.inner_text("table.results")
    assert "Lena O'Hara" in table and "Ruritania" in table
    _png(page.screenshot(path=str(tmp_path / "query.png")))
    assert dialogs == [] and errors == []
    page.close()
