"""Shared fixtures: the real spaCy pipeline (loaded once), the shared folder, the store of hostile
articles and a ``kg serve`` on it (embedded and on Fuseki) for the serve tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

pytest_plugins = ["tests.servers"]


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"needs {p} (the project's ../shared folder), which is absent here")
    return p


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return shared_path()


@pytest.fixture(scope="session")
def nlp():
    from kg.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract_text(nlp):
    """text -> ArticleResult (unlinked), with the real model."""
    from kg.extract import extract_articles
    from kg.model import Article

    def run(text: str, article_id: str = "t"):
        return next(extract_articles(nlp, [Article(article_id, text)]))

    return run


@pytest.fixture(scope="session")
def linker():
    from kg.link.kb import default_kb
    from kg.link.resolve import Linker

    return Linker(default_kb())


@pytest.fixture()
def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The store of hostile articles (:func:`tests._serve_fixtures.build_hostile_store`): ``(store folder,
    its quads as N-Quads)``; one per test module."""
    from tests._serve_fixtures import build_hostile_store

    return build_hostile_store(tmp_path_factory.mktemp("serve-hostile"))


@pytest.fixture(scope="module", params=["embedded", "fuseki"])
def served(request, hostile, tmp_path_factory):
    """``kg serve`` on the hostile store (:func:`tests._serve_fixtures.start_serve`, 127.0.0.1): on the
    embedded store, then on Fuseki holding the same quads; ``.kind`` says which.  Stopped by PID."""
    import requests

    from tests._serve_fixtures import start_serve, stop

    store, nq = hostile
    if request.param == "embedded":
        args = ["--store", str(store)]
    else:
        fuseki = request.getfixturevalue("fuseki_server")
        r = requests.post(fuseki.dataset_url, data=nq, headers={"Content-Type": "application/n-quads"}, timeout=60)
        assert r.status_code in (200, 201, 204), r.text
        args = ["--endpoint", fuseki.dataset_url]
    s = start_serve(args, tmp_path_factory.mktemp("serve-logs") / "serve.log")
    s.kind = request.param
    yield s
    stop(s)
