"""The main job: read -> extract -> link -> RDF -> store or file.

Each function here is a plain function that returns data (a summary
dataclass); the CLI (:mod:`kg.cli`) only parses options and prints.

Streaming: articles are read lazily (:func:`kg.ingest.read_articles`),
parsed in batches with spaCy's ``nlp.pipe``, and each article's named graph is
written or loaded as soon as it is built, so memory does not grow with the
corpus.  Bad inputs are reported as :class:`~kg.ingest.Skipped` records and
never stop the batch.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg import __version__
from kg.errors import KgError
from kg.ingest import Skipped, read_articles
from kg.model import Article, ArticleResult, ExtractionRun

#: Articles longer than this many characters are skipped with a reason
#: (spaCy's default ``nlp.max_length``; the small model needs ~1 GB per 1M chars).
MAX_CHARS = 1_000_000

ProgressFn = Callable[[ArticleResult | Skipped], None]


@dataclass(slots=True)
class Summary:
    """What a run did.

    :param articles: articles read and processed.
    :param statements: statements extracted.
    :param types: statements per statement type.
    :param actors: distinct actors (by cross-article key).
    :param linked: distinct actors linked to a Wikidata QID.
    :param skipped: inputs skipped, with reasons.
    :param graphs: named graphs written or loaded.
    :param seconds: wall-clock time of the run.
    :param failed: named graphs that could not be loaded (remote stores).
    """

    articles: int = 0
    statements: int = 0
    types: Counter = field(default_factory=Counter)
    actors: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)
    skipped: list[Skipped] = field(default_factory=list)
    graphs: int = 0
    seconds: float = 0.0
    failed: list[str] = field(default_factory=list)
    output: str | None = None

    def add(self, result: ArticleResult) -> None:
        self.articles += 1
        self.statements += len(result.statements)
        for st in result.statements:
            self.types[st.type.value] += 1
            for a in [st.actor, *st.targets]:
                self.actors.add(a.key)
                if a.qid:
                    self.linked.add(a.key)

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "statements": self.statements,
            "types": dict(sorted(self.types.items())),
            "actors": len(self.actors),
            "linked_actors": len(self.linked),
            "graphs": self.graphs,
            "skipped": [{"origin": s.origin, "reason": s.reason} for s in self.skipped],
            "failed": self.failed,
            "seconds": round(self.seconds, 2),
            "articles_per_second": round(self.articles / self.seconds, 2) if self.seconds else None,
            "output": self.output,
        }


@dataclass(slots=True)
class Pipeline:
    """The NLP pipeline and the linker, loaded once per command.

    :param model: spaCy pipeline name or path.
    :param link: link actors to Wikidata with the offline knowledge base.
    :param online: also ask Wikidata online for actors the offline knowledge
        base cannot link (falls back to offline when there is no network).
    :param batch_size: documents per ``nlp.pipe`` batch.
    :param n_process: spaCy worker processes.
    """

    model: str
    link: bool = True
    online: bool = False
    batch_size: int = 16
    n_process: int = 1
    nlp: object = None
    linker: object = None

    def load(self) -> "Pipeline":
        from kg.extract import load_pipeline

        self.nlp = load_pipeline(self.model)
        if self.link:
            from kg.link.kb import default_kb
            from kg.link.resolve import Linker

            if self.online:
                from kg.link.online import online_linker

                self.linker = online_linker(default_kb())
            else:
                self.linker = Linker(default_kb())
        return self

    @property
    def run_info(self) -> ExtractionRun:
        from kg.extract.pipeline import model_version

        name, version = model_version(self.nlp)  # type: ignore[arg-type]
        return ExtractionRun(
            software_version=__version__,
            model_name=name,
            model_version=version,
            started=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        )

    def process(self, items: Iterable[Article | Skipped], skipped: list[Skipped]) -> Iterator[ArticleResult]:
        """Extract and link every article of ``items``; skips go to ``skipped``."""
        from kg.extract import extract_articles

        def articles() -> Iterator[Article]:
            for item in items:
                if isinstance(item, Skipped):
                    skipped.append(item)
                elif len(item.text) > MAX_CHARS:
                    skipped.append(Skipped(item.origin or item.id,
                                           f"E032: {item.origin or item.id}: the article has {len(item.text):,} characters, "
                                           f"more than the {MAX_CHARS:,} kg parses at once. Split it into smaller articles.",
                                           "E032"))
                else:
                    yield item

        for result in extract_articles(self.nlp, articles(), batch_size=self.batch_size,  # type: ignore[arg-type]
                                       n_process=self.n_process):
            if self.linker is not None:
                result = self.linker.link(result)  # type: ignore[attr-defined]
            yield result


def _report(progress: ProgressFn | None, item: ArticleResult | Skipped) -> None:
    if progress is not None:
        progress(item)


def run_into_store(
    inputs: Iterable[str | Path],
    store,  # kg.store.base.Store
    pipeline: Pipeline,
    *,
    progress: ProgressFn | None = None,
) -> Summary:
    """The main job: extract, link and load each article as one named graph.

    Reloading an article replaces its named graph, so re-running on the same
    input leaves the store unchanged.

    :raises kg.errors.StoreError: when the store cannot be written at all.
    """
    from kg.rdf.build import article_graph_iri, build_article_graph
    from kg.rdf.serialize import serialize_graph

    t0 = time.perf_counter()
    summary = Summary()
    run = pipeline.run_info
    n_skipped = 0
    for result in pipeline.process(read_articles(inputs), summary.skipped):
        while n_skipped < len(summary.skipped):
            _report(progress, summary.skipped[n_skipped])
            n_skipped += 1
        graph = build_article_graph(result, run)
        data = serialize_graph(graph, "nt")
        iri = str(article_graph_iri(result.article))
        try:
            store.replace_graph(iri, data, "application/n-triples")
        except KgError as exc:
            summary.failed.append(f"{result.article.origin or result.article.id}: {exc}")
            _report(progress, result)
            continue
        summary.graphs += 1
        summary.add(result)
        _report(progress, result)
    for s in summary.skipped[n_skipped:]:
        _report(progress, s)
    summary.seconds = time.perf_counter() - t0
    return summary


def extract_to_file(
    inputs: Iterable[str | Path],
    output: Path,
    fmt: str,
    pipeline: Pipeline,
    *,
    progress: ProgressFn | None = None,
) -> Summary:
    """Extraction only: write statements to ``output`` in ``fmt``.

    ``fmt`` is an RDF format name of :mod:`kg.rdf.serialize` or ``"jsonl"``
    (one statement record per line, design.md "The statement record").  The
    file is written to a temporary name and renamed at the end, so an error or
    interruption leaves no half-written output.
    """
    t0 = time.perf_counter()
    summary = Summary(output=str(output))
    run = pipeline.run_info
    results = pipeline.process(read_articles(inputs), summary.skipped)
    n_skipped = 0

    def tick(result: ArticleResult) -> None:
        nonlocal n_skipped
        while n_skipped < len(summary.skipped):
            _report(progress, summary.skipped[n_skipped])
            n_skipped += 1
        summary.add(result)
        summary.graphs += 1
        _report(progress, result)

    if fmt == "jsonl":
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                for result in results:
                    for st in result.statements:
                        fh.write(json.dumps(st.to_record(result.article), ensure_ascii=False) + "\n")
                    tick(result)
            os.replace(tmp, output)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    else:
        from kg.rdf.build import build_article_graph
        from kg.rdf.serialize import RdfWriter

        with RdfWriter(output, fmt) as writer:
            for result in results:
                writer.add(build_article_graph(result, run))
                tick(result)
    for s in summary.skipped[n_skipped:]:
        _report(progress, s)
    summary.seconds = time.perf_counter() - t0
    return summary


@dataclass(slots=True)
class LoadSummary:
    """What ``kg load`` did: files loaded (with quads), files refused (with reasons)."""

    loaded: list[tuple[str, int]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    before: int = 0
    after: int = 0
    seconds: float = 0.0


def load_files(paths: Iterable[str | Path], store, *, fmt: str | None = None,
               progress: Callable[[str], None] | None = None) -> LoadSummary:
    """Load RDF files into ``store``; a file with a syntax error loads nothing
    and is reported with its line and column, and the other files go on."""
    t0 = time.perf_counter()
    summary = LoadSummary(before=store.count())
    for p in paths:
        path = Path(p)
        try:
            n = store.load_file(path, fmt)
            summary.loaded.append((str(path), n))
        except KgError as exc:
            summary.errors.append(str(exc))
        except OSError as exc:
            summary.errors.append(f"E001: Cannot read {path}: {exc.strerror or exc}. Check that the path exists and is readable.")
        if progress is not None:
            progress(str(path))
    summary.after = store.count()
    summary.seconds = time.perf_counter() - t0
    return summary
