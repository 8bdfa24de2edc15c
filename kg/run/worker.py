"""The work done per batch of articles: extraction, linking, the RDF graph and its serialization.

:func:`process_batch` is the same function in the parent (``--jobs 1``), in
each local worker process (:mod:`kg.run.local`) and in each Dask task
(:mod:`kg.run.dask`), so every engine gives identical graphs.
"""

from __future__ import annotations

from kg.errors import Msg
from kg.ingest import Skipped
from kg.model import Article, ArticleResult
from kg.run.spec import Done, Pipeline, WorkerSpec

__all__ = ["process_batch"]


def _extraction_failed(article: Article, exc: BaseException) -> Skipped:
    origin = article.origin or article.id
    return Skipped(origin, Msg.E033.format(origin=origin, reason=f"{type(exc).__name__}: {exc}"), "E033")


def _finish(pipeline: Pipeline, result: ArticleResult, spec: WorkerSpec) -> Done:
    from kg.rdf.build import article_graph_iri, article_lines

    if pipeline.linker is not None:
        result = pipeline.linker.link(result)  # type: ignore[attr-defined]
    iri = str(article_graph_iri(result.article))
    if spec.payload == "none":
        return Done(result, iri, None)
    # N-Triples / N-Quads straight from the model: byte for byte what rdflib writes
    # (tests/test_rdf_lines.py), without building and serializing an rdflib graph.
    return Done(result, iri, article_lines(result, spec.run, spec.payload))


def process_batch(pipeline: Pipeline, articles: list[Article], spec: WorkerSpec) -> list[Done | Skipped]:
    """Extract, link and serialize a batch of articles, in order.

    An article on which extraction raises (a bug) becomes a :class:`Skipped`
    item (E033) and the others go on: the batch is retried one article at a
    time.
    """
    from kg.extract import extract_articles

    try:
        results = list(extract_articles(pipeline.nlp, articles, batch_size=spec.batch_size))  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - retry one by one to isolate the bad article
        out: list[Done | Skipped] = []
        for article in articles:
            try:
                result = next(extract_articles(pipeline.nlp, [article], batch_size=1))  # type: ignore[arg-type]
            except Exception as exc:  # noqa: BLE001
                out.append(_extraction_failed(article, exc))
                continue
            out.append(_finish(pipeline, result, spec))
        return out
    return [_finish(pipeline, r, spec) for r in results]
