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

import itertools
import json
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import READ_ADVICE, KgError, Msg
from kg.ingest import Skipped, read_articles
from kg.model import Article, ArticleResult, ExtractionRun
from kg.run.dask import DEFAULT_SHARD_SIZE, dask_extract
from kg.run.guard import atomic_binary, guard_stored, size_checked
from kg.run.local import run_batches
from kg.run.resume import skip_done
from kg.run.spec import Done, Pipeline, spec_for
from kg.run.summary import LoadSummary, Summary

__all__ = ["FLUSH_EVERY", "ProgressFn", "run_into_store", "extract_to_file", "extract_with_dask", "load_files"]

ProgressFn = Callable[[ArticleResult | Skipped], None]

#: ``run_into_store`` asks the store to flush its write buffers (``store.flush()``,
#: when the store has one) every this many graphs: RocksDB's memtables otherwise
#: grow by ~0.5 MB per article up to several hundred MB (measured with pyoxigraph 0.5).
FLUSH_EVERY = 256


def _report(progress: ProgressFn | None, item: ArticleResult | Skipped) -> None:
    if progress is not None:
        progress(item)


def run_into_store(
    inputs: Iterable[str | Path],
    store,  # kg.store.base.Store
    pipeline: Pipeline,
    *,
    progress: ProgressFn | None = None,
    force: bool = False,
    run: ExtractionRun | None = None,
) -> Summary:
    """The main job: extract, link and load each article as one named graph.

    Reloading an article replaces its named graph (one transaction per graph),
    so an interrupted run leaves only whole graphs.  Articles whose graph is
    already in the store with the same ``kg:contentHash`` and made with the same
    settings (``kg:settingsDigest``: kg and model versions, linking, knowledge-base
    files; :mod:`kg.run.resume`) are skipped as done (counted in
    :attr:`Summary.done`, not as errors) unless ``force``; so re-running an
    interrupted command completes it, and re-running a finished one changes
    nothing.  Articles stored with other settings, or with other metadata (headline, date,
    publisher, URL), are redone (their graphs replaced), counted in :attr:`Summary.redone` with the reasons.  ``pipeline.n_process`` worker processes do the
    extraction, linking and RDF (:mod:`kg.run.local`); results are identical for
    any number.

    :param run: the run's provenance (default: :attr:`Pipeline.run_info` now).
    :raises kg.errors.StoreError: when the store cannot be written at all.
    """
    t0 = time.perf_counter()
    summary = Summary()
    run = run or pipeline.run_info
    items = guard_stored(size_checked(read_articles(inputs)), store)
    if not force:
        items = skip_done(items, store, summary, run)
    flush = getattr(store, "flush", None)
    for item in run_batches(items, pipeline, spec_for(pipeline, run, "ntriples"), pipeline.n_process):
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            _report(progress, item)
            continue
        assert isinstance(item, Done) and item.data is not None
        try:
            store.replace_graph(item.graph, item.data, "application/n-triples")
        except KgError as exc:
            art = item.result.article
            summary.failed.append(f"{art.origin or art.id}: {exc}")
            _report(progress, item.result)
            continue
        summary.graphs += 1
        summary.add(item.result)
        _report(progress, item.result)
        if flush is not None and summary.graphs % FLUSH_EVERY == 0:
            flush()
    summary.seconds = time.perf_counter() - t0
    return summary


def extract_to_file(
    inputs: Iterable[str | Path],
    output: Path,
    fmt: str,
    pipeline: Pipeline,
    *,
    progress: ProgressFn | None = None,
    run: ExtractionRun | None = None,
) -> Summary:
    """Extraction only: write statements to ``output`` in ``fmt``.

    ``fmt`` is an RDF format name of :mod:`kg.rdf.serialize` or ``"jsonl"``
    (one statement record per line, design.md "The statement record").  The
    file is written to a temporary name and renamed at the end, so an error or
    interruption leaves no half-written output.  N-Quads and N-Triples are
    serialized by the workers and streamed; Turtle, TriG and JSON-LD are built
    in memory (use N-Quads for big corpora).  When no article could be
    extracted (all skipped), no file is written and ``summary.output`` is
    ``None``; an existing ``output`` is left as it was.
    """
    from kg.rdf.serialize import format_for_path
    t0 = time.perf_counter()
    summary = Summary(output=str(output))
    run = run or pipeline.run_info
    canonical = "jsonl" if fmt == "jsonl" else format_for_path(None, fmt)
    payload = canonical if canonical in ("nquads", "ntriples") else "none"
    items = run_batches(size_checked(read_articles(inputs)), pipeline, spec_for(pipeline, run, payload),
                        pipeline.n_process)

    def results() -> Iterator:
        for item in items:
            if isinstance(item, Skipped):
                summary.skipped.append(item)
                _report(progress, item)
                continue
            yield item
            summary.add(item.result)
            summary.graphs += 1
            _report(progress, item.result)

    done_items = results()
    first = next(done_items, None)
    if first is None:  # nothing extracted: write no file (an existing one is left as it was)
        summary.output = None
        summary.seconds = time.perf_counter() - t0
        return summary
    done_items = itertools.chain([first], done_items)
    if canonical == "jsonl":
        with atomic_binary(output) as fh:
            for done in done_items:
                art = done.result.article
                for st in done.result.statements:
                    fh.write((json.dumps(st.to_record(art), ensure_ascii=False) + "\n").encode("utf-8"))
    elif payload != "none":
        with atomic_binary(output) as fh:
            for done in done_items:
                fh.write(done.data)
    else:
        from kg.rdf.build import build_article_graph
        from kg.rdf.serialize import RdfWriter

        with RdfWriter(output, canonical) as writer:
            for done in done_items:
                writer.add(build_article_graph(done.result, run))
    summary.seconds = time.perf_counter() - t0
    return summary


def extract_with_dask(
    inputs: Iterable[str | Path],
    out_dir: Path,
    pipeline: Pipeline,
    *,
    scheduler: str | None = None,
    shard_size: int | None = None,
    force: bool = False,
    progress: Callable[[object], None] | None = None,
    run: ExtractionRun | None = None,
    skip_done_in=None,
) -> tuple[Summary, list[Path]]:
    """Extraction on a Dask cluster (:mod:`kg.run.dask`): N-Quads shards in
    ``out_dir`` (a folder every worker can write).  ``pipeline`` gives the
    model and options; it need not be loaded with the linker (workers load
    their own).  ``skip_done_in``: a store whose done articles are skipped
    (:mod:`kg.run.resume`).

    :returns: the summary and the shard files of this input, in order.
    :raises kg.run.dask.DaskMissingError: without ``dask[distributed]``.
    """
    summary = Summary(output=str(out_dir))
    run = run or pipeline.run_info
    items: Iterable[Article | Skipped] = size_checked(read_articles(inputs))
    if skip_done_in is not None:
        items = guard_stored(items, skip_done_in)
    if skip_done_in is not None and not force:
        items = skip_done(items, skip_done_in, summary, run)
    paths = dask_extract(items, out_dir, spec_for(pipeline, run, "nquads"), summary, scheduler=scheduler,
                         workers=max(1, pipeline.n_process), shard_size=shard_size or DEFAULT_SHARD_SIZE,
                         force=force, progress=progress)
    return summary, paths


def load_files(paths: Iterable[str | Path], store, *, fmt: str | None = None,
               progress: Callable[[str], None] | None = None, replace: bool = True,
               count: bool = True) -> LoadSummary:
    """Load RDF files into ``store``; a file with a syntax error loads nothing
    and is reported with its line and column, and the other files go on.

    With ``replace`` (the default) the named graphs a file writes replace the
    store's graphs of the same name.  Big files go through the store's bulk
    loader, streamed from disk (:data:`kg.store.oxigraph.BULK_THRESHOLD`).
    ``count=False`` skips counting the store before and after (a full
    ``COUNT(*)`` that costs as much as a small load on a remote server); the
    summary's ``before``/``after`` are then -1."""
    t0 = time.perf_counter()
    summary = LoadSummary(before=store.count() if count else -1)
    for p in paths:
        path = Path(p)
        try:
            n = store.load_file(path, fmt, replace=replace)
            summary.loaded.append((str(path), n))
        except KgError as exc:
            summary.errors.append(str(exc))
        except OSError as exc:
            summary.errors.append(Msg.E001.format(path=path, reason=exc.strerror or exc, advice=READ_ADVICE))
        if progress is not None:
            progress(str(path))
    summary.after = store.count() if count else -1
    summary.seconds = time.perf_counter() - t0
    return summary
