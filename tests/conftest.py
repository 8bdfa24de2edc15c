"""Shared fixtures: the real spaCy pipeline (loaded once), the shared folder."""

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
