"""A small graph from REAL extraction for the query and view tests.

Four articles go through :class:`kg.run.spec.Pipeline` (the real spaCy model,
the offline Wikidata linker) and :func:`kg.run.jobs.run_into_store`:

* ``seed_article`` -- kg/data/articles/seed_article.txt (no date, no publisher);
* ``wire-1``, ``daily-2``, ``daily-3`` -- short texts written for these tests
  (not copied from any gold file), dated 2020-01-10, 2020-02-15 and
  2020-03-01, from the publishers "Example Wire" and "Daily Example", with
  threats, a warning, rejections, mutual accusations, praise, an appeal, a
  negated statement and a question (hypothetical).
"""

from __future__ import annotations

import json
from pathlib import Path

import kg

ROOT = Path(__file__).resolve().parents[1]
SEED = Path(kg.__file__).resolve().parent / "data" / "articles" / "seed_article.txt"

ARTICLES = [
    {
        "id": "wire-1", "title": "Turkey threatens Greece", "date": "2020-01-10", "source": "Example Wire",
        "url": "https://example.org/wire/1",
        "text": "Turkey threatens Greece\n\nTurkey threatened Greece with sanctions on Monday. "
                "Greece rejected the Turkish proposal. Iran warned the United States against new sanctions. "
                "The European Union praised Greece for its restraint.",
    },
    {
        "id": "daily-2", "title": "Tanker row deepens", "date": "2020-02-15", "source": "Daily Example",
        "url": "https://example.org/daily/2",
        "text": "Tanker row\n\nThe United States accused Iran of attacking tankers in the Gulf. "
                "Iran accused the United States of lying. Angela Merkel urged Russia to release the activist. "
                "Russia rejected the German demand.",
    },
    {
        "id": "daily-3", "title": "Iran criticizes sanctions", "date": "2020-03-01", "source": "Daily Example",
        "url": "https://example.org/daily/3",
        "text": "Talks\n\nIran criticized the United States for the sanctions. Hassan Rouhani praised Russia for "
                "its support. The United States threatened Iran with more sanctions. Russia did not criticize Iran. "
                "Would Iran threaten Israel?",
    },
]


def write_inputs(folder: Path) -> list[Path]:
    """The article inputs: the seed article and a JSON Lines file of the three short articles."""
    folder.mkdir(parents=True, exist_ok=True)
    news = folder / "news.jsonl"
    news.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return [SEED, news]


def pipeline(nlp):
    """A :class:`kg.run.spec.Pipeline` on the session's spaCy model with the offline linker."""
    from kg.extract import DEFAULT_MODEL
    from kg.link.kb import default_kb
    from kg.link.resolve import Linker
    from kg.run.spec import Pipeline

    return Pipeline(model=DEFAULT_MODEL, nlp=nlp, linker=Linker(default_kb()))


def build_store(nlp, folder: Path, inputs: list[Path] | None = None, *, path: Path | None = None):
    """A :class:`kg.store.oxigraph.OxigraphStore` (in memory, or on disk at ``path``)
    loaded with ``inputs`` (default the four articles)."""
    from kg.run.jobs import run_into_store
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(path)
    summary = run_into_store(inputs or write_inputs(folder), store, pipeline(nlp))
    assert not summary.skipped and not summary.failed, (summary.skipped, summary.failed)
    return store


def nquads(store) -> bytes:
    """All quads of an embedded store as N-Quads (to load the same data into servers)."""
    import pyoxigraph as ox

    return store._store.dump(format=ox.RdfFormat.N_QUADS)
