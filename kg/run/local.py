"""Use every core: article batches processed by local worker processes (``--jobs``).

The unit of work is a *batch* of articles (``batch_size`` of them).  One
batch goes through :func:`kg.run.worker.process_batch`: spaCy's ``nlp.pipe``
with kg's components, linking, the article's RDF graph and its serialization.
The same function runs in the parent (``jobs == 1``) or in each of ``jobs``
worker processes (``jobs > 1``), so both give identical graphs; the parent
only reads articles, writes files and loads the store.

Workers load the pipeline once: with the ``fork`` start method (Linux) they
inherit the parent's loaded :class:`~kg.run.spec.Pipeline` (and the
knowledge base) copy-on-write; with ``spawn``/``forkserver`` (macOS,
Windows) each worker loads it from the :class:`~kg.run.spec.WorkerSpec` in
its initializer.  At most ``2 * jobs`` batches are in flight, so memory stays
flat however long the input is, and results come back in input order.

Workers ignore SIGINT: on Ctrl-C the parent stops, terminates the pool, and
nothing half-done is kept (the store loads one whole graph per transaction).
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator

from kg.ingest import Skipped
from kg.model import Article
from kg.run.spec import Done, Pipeline, WorkerSpec
from kg.run.worker import process_batch

__all__ = ["batches", "run_batches", "default_jobs"]


def default_jobs() -> int:
    """The default of ``--jobs``: all cores (:func:`os.cpu_count`, at least 1)."""
    return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------- workers

# Per worker process: the pipeline and the spec (set by the initializer).
_worker: tuple[Pipeline, WorkerSpec] | None = None
# Set in the parent just before a fork, so forked workers inherit the loaded pipeline.
_inherited: Pipeline | None = None


def _init_worker(spec: WorkerSpec) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipeline = _inherited
    if pipeline is None or pipeline.nlp is None:
        pipeline = Pipeline(model=spec.model, link=spec.link, online=spec.online,
                            batch_size=spec.batch_size).load()
    _worker = (pipeline, spec)


def _work(articles: list[Article]) -> list[Done | Skipped]:
    assert _worker is not None, "worker not initialized"
    return process_batch(_worker[0], articles, _worker[1])


def batches(items: Iterable[Article | Skipped], size: int) -> Iterator[list[Article | Skipped]]:
    """Group a stream into lists holding at most ``size`` articles (Skipped
    items ride along in order)."""
    batch: list[Article | Skipped] = []
    n = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Article):
            n += 1
            if n >= size:
                yield batch
                batch, n = [], 0
    if batch:
        yield batch


def _start_method() -> str:
    methods = mp.get_all_start_methods()
    return "fork" if "fork" in methods else "spawn"


def run_batches(
    items: Iterable[Article | Skipped],
    pipeline: Pipeline,
    spec: WorkerSpec,
    jobs: int,
) -> Iterator[Done | Skipped]:
    """Process a stream of articles (and pass-through Skipped items) with
    ``jobs`` processes; yield :class:`Done` and :class:`Skipped` in input order.

    ``jobs == 1``, or an input of one batch, runs in this process.  The
    stream is read lazily, with at most ``2 * jobs`` batches in flight;
    Skipped items of a batch come before its articles.  Leaving the iterator early (an
    error, Ctrl-C, ``close()``) terminates the workers.
    """
    stream = batches(items, spec.batch_size)
    if jobs <= 1:
        for batch in stream:
            yield from _run_inline(batch, pipeline, spec)
        return
    # one batch only (a few articles): not worth starting workers
    first = next(stream, None)
    second = next(stream, None)
    if first is None:
        return
    if second is None:
        yield from _run_inline(first, pipeline, spec)
        return
    yield from _run_pool(itertools.chain([first, second], stream), pipeline, spec, jobs)


def _run_pool(stream: Iterator[list[Article | Skipped]], pipeline: Pipeline, spec: WorkerSpec,
              jobs: int) -> Iterator[Done | Skipped]:
    global _inherited
    method = _start_method()
    ctx = mp.get_context(method)
    _inherited = pipeline if method == "fork" else None
    try:
        pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(spec,))
    finally:
        _inherited = None
    pending: deque[tuple[list[Skipped], object]] = deque()
    ok = False
    try:
        for batch in stream:
            articles = [a for a in batch if isinstance(a, Article)]
            skips = [s for s in batch if isinstance(s, Skipped)]
            pending.append((skips, pool.apply_async(_work, (articles,)) if articles else None))
            while len(pending) > 2 * jobs:
                yield from _collect(pending.popleft())
        while pending:
            yield from _collect(pending.popleft())
        ok = True
    finally:
        if ok:
            pool.close()
        else:
            pool.terminate()
        pool.join()


def _collect(entry: tuple[list[Skipped], object]) -> Iterator[Done | Skipped]:
    skips, future = entry
    yield from skips
    if future is not None:
        yield from future.get()  # type: ignore[attr-defined]


def _run_inline(batch: list[Article | Skipped], pipeline: Pipeline, spec: WorkerSpec) -> Iterator[Done | Skipped]:
    articles = [a for a in batch if isinstance(a, Article)]
    yield from (s for s in batch if isinstance(s, Skipped))
    if articles:
        yield from process_batch(pipeline, articles, spec)
