"""Run extraction on a Dask distributed cluster (``--engine dask``).

The client (the ``kg`` command) reads the articles as a stream, cuts them
into *shards* of ``shard_size`` articles and submits one task per shard.  A
task runs :func:`kg.run.worker.process_batch` (extraction, linking, RDF) on a
worker, with the pipeline loaded once per worker process (a cached loader),
and writes the shard's N-Quads to ``OUT/shard-NNNNNN-HASH.nq`` in a shared
folder, atomically (temporary name, then rename).  ``kg load OUT/*.nq``
(or ``kg run --engine dask``, which does it for you) loads them.

Shard names hold the shard's number and a hash of its articles' graph IRIs
and content hashes and of the run's settings (model, kg version, knowledge-base
files), so re-running the same command skips shards already
written (``force`` redoes them) and the output is the same as a
single-process ``kg extract -f nquads``: the same quads, split over files.

At most ``2 x`` the cluster's worker threads shards are in flight, so the
client's memory stays flat.  Workers should run one thread each
(``dask worker --nthreads 1 --nworkers N``; spaCy is not thread-safe, so
threads of one worker share the pipeline under a lock).

Needs the optional extra ``kg[dask]`` (``pip install "dask[distributed]"``).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import KgError, Msg
from kg.ingest import Skipped
from kg.model import Article
from kg.run.spec import Done, Pipeline, WorkerSpec
from kg.run.summary import Summary, Tally
from kg.run.worker import process_batch

__all__ = ["ShardReport", "DaskMissingError", "dask_extract", "shard_name", "require_dask", "DEFAULT_SHARD_SIZE"]

#: Articles per shard (one task, one file).
DEFAULT_SHARD_SIZE = 64


class DaskMissingError(KgError):
    """E034: ``--engine dask`` without the ``dask[distributed]`` package."""


def require_dask():
    """Import :mod:`distributed` or explain how to install it.

    :raises DaskMissingError: when dask.distributed is not installed.
    """
    try:
        import distributed
    except ImportError as exc:
        raise DaskMissingError(Msg.E034) from exc
    return distributed


@dataclass(slots=True)
class ShardReport(Tally):
    """What one shard task did (small, sent back to the client): the :class:`~kg.run.summary.Tally`
    of its articles, the shard file's ``name`` and whether it ``existed``."""

    name: str = field(kw_only=True)
    existed: bool = False


def shard_name(index: int, articles: list[Article], settings: str = "") -> str:
    """``shard-{index:06d}-{12 hex}.nq``: the hash covers the articles' graph
    IRIs and content hashes and ``settings`` (the run's
    :attr:`kg.model.ExtractionRun.settings_digest`), so a changed input, model,
    kg version or knowledge-base layers give a new name."""
    from kg.rdf.build import article_graph_iri

    h = hashlib.sha256(settings.encode())
    for a in articles:
        h.update(f"{article_graph_iri(a)} {a.content_hash}\n".encode())
    return f"shard-{index:06d}-{h.hexdigest()[:12]}.nq"


# --------------------------------------------------------------------------- worker side

_lock = threading.Lock()


@lru_cache(maxsize=2)
def _pipeline(model: str, link: bool, online: bool, batch_size: int) -> Pipeline:
    """The pipeline of this worker process, loaded on its first task."""
    return Pipeline(model=model, link=link, online=online, batch_size=batch_size).load()


def _write_shard(articles: list[Article], spec: WorkerSpec, out_dir: str, name: str) -> ShardReport:
    """Dask task: process one shard and write its N-Quads atomically."""
    with _lock:
        pipeline = _pipeline(spec.model, spec.link, spec.online, spec.batch_size)
        items = process_batch(pipeline, articles, spec)
    report = ShardReport(name=name)
    target = Path(out_dir) / name
    tmp = target.with_name(f".{name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            for item in items:
                if isinstance(item, Skipped):
                    report.skipped.append(item)
                    continue
                assert isinstance(item, Done) and item.data is not None
                fh.write(item.data)
                report.add(item.result)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return report


# --------------------------------------------------------------------------- client side


def _shards(items: Iterable[Article | Skipped], size: int, skipped: list[Skipped]) -> Iterator[list[Article]]:
    shard: list[Article] = []
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        shard.append(item)
        if len(shard) >= size:
            yield shard
            shard = []
    if shard:
        yield shard


def dask_extract(
    items: Iterable[Article | Skipped],
    out_dir: Path,
    spec: WorkerSpec,  # with payload "nquads"
    summary: Summary,  # filled in
    *,
    scheduler: str | None = None,
    workers: int = 2,
    shard_size: int = DEFAULT_SHARD_SIZE,
    force: bool = False,
    progress: Callable[[ShardReport], None] | None = None,
) -> list[Path]:
    """Extract ``items`` on a Dask cluster into N-Quads shards in ``out_dir``.

    :param scheduler: address of a running scheduler (``tcp://host:8786``);
        ``None`` starts a local cluster of ``workers`` processes (one thread each).
    :param force: rewrite shards that already exist.
    :returns: the shard files of this input, in input order (existing ones included).
    :raises DaskMissingError: without ``dask[distributed]``.
    """
    distributed = require_dask()
    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    cluster = None
    if scheduler:
        client = distributed.Client(scheduler, set_as_default=False)
    else:
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           host="127.0.0.1", dashboard_address=None)
        client = distributed.Client(cluster, set_as_default=False)
    paths: list[Path] = []
    try:
        limit = 2 * max(1, sum(client.nthreads().values()))
        queue = distributed.as_completed(loop=client.loop)
        inflight = 0

        def absorb(fut) -> None:
            report: ShardReport = fut.result()
            _merge(summary, report)
            if progress is not None:
                progress(report)

        for index, shard in enumerate(_shards(items, shard_size, summary.skipped)):
            name = shard_name(index, shard, spec.run.settings_digest)
            target = out_dir / name
            paths.append(target)
            if target.exists() and not force:
                summary.done += len(shard)
                continue
            queue.add(client.submit(_write_shard, shard, spec, str(out_dir), name, pure=False))
            inflight += 1
            if inflight >= limit:
                absorb(next(queue))
                inflight -= 1
        for fut in queue:
            absorb(fut)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - t0
    return paths


def _merge(summary: Summary, report: ShardReport) -> None:
    summary.merge(report)
    summary.graphs += report.articles
