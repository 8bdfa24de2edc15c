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
import logging
import os
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from kg import __version__
from kg.errors import KgError, Msg, OutputError
from kg.ingest import Skipped, read_articles
from kg.model import Article, ArticleResult, ExtractionRun, tally

log = logging.getLogger(__name__)

#: Articles longer than this many characters are skipped with a reason
#: (spaCy's default ``nlp.max_length``; the small model needs ~1 GB per 1M chars).
MAX_CHARS = 1_000_000

ProgressFn = Callable[[ArticleResult | Skipped], None]

#: ``run_into_store`` asks the store to flush its write buffers (``store.flush()``,
#: when the store has one) every this many graphs: RocksDB's memtables otherwise
#: grow by ~0.5 MB per article up to several hundred MB (measured with pyoxigraph 0.5).
FLUSH_EVERY = 256


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
    :param output: the output file or folder, if any.
    :param done: articles skipped because the store already holds their
        graph with the same content hash (a resumed run; not an error).
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
    done: int = 0

    def add(self, result: ArticleResult) -> None:
        self.articles += 1
        self.statements += tally(result, self.types, self.actors, self.linked)

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
            "already_done": self.done,
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
    :param n_process: worker processes (:mod:`kg.scale`); each does
        extraction, linking and RDF for whole batches.
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
                    skipped.append(_too_long(item))
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


def _size_checked(items: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
    """Turn articles longer than :data:`MAX_CHARS` into Skipped items (E032)."""
    for item in items:
        if isinstance(item, Article) and len(item.text) > MAX_CHARS:
            yield _too_long(item)
        else:
            yield item


def _too_long(article: Article) -> Skipped:
    origin = article.origin or article.id
    return Skipped(origin, Msg.E032.format(origin=origin, chars=len(article.text), max=MAX_CHARS), "E032")


def _renamed_id(article_id: str) -> str:
    """The id an article gets when its graph name is taken in the store by
    another article id: ``"<id>~<first 8 hex of SHA-256(id)>"`` (the id, not
    the text, is hashed, so an edited article keeps its renamed graph)."""
    import hashlib

    return f"{article_id}~{hashlib.sha256(article_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def _guard_stored(items: Iterable[Article | Skipped], store, chunk: int = 64) -> Iterator[Article | Skipped]:
    """Pass ``items`` through, keeping what the store holds from earlier runs.

    * An article whose graph name (:attr:`~kg.model.Article.key`, the slug of
      its id) names a stored graph that holds a **different article id**
      (``dcterms:identifier``; e.g. ``"reuters/2024/01/a"`` stored, then
      ``"reuters-2024-01-a"``) would replace that article: it is renamed to
      :func:`_renamed_id` instead (deterministic, so a re-run replaces its own
      renamed graph) and E009 is logged naming its file and line.  If that
      name is taken by yet another id too, the article is skipped (E009).
    * An article read from a ``.txt`` file (id = file stem, :mod:`kg.ingest`)
      whose stored graph holds the same id but another text replaces it, as
      an edited file should; E009 is logged, since the graph may have come
      from another file of the same name (another folder, an earlier run).

    The same id (same JSON ``id``, same file name) always replaces its own
    graph.  One store query per ``chunk`` items.

    :raises kg.errors.QueryError, kg.errors.StoreError: from the store.
    """
    from kg.ingest import text_file_of
    from kg.rdf.build import article_graph_iri, article_key, clean_text
    from kg.rdf.vocab import ID, KG

    def graph_of(article_id: str) -> str:
        return str(ID[f"graph/{article_key(article_id)}"])

    ident = "http://purl.org/dc/terms/identifier"
    pending: list[Article | Skipped] = []

    def stored(graphs: set[str]) -> dict[str, tuple[set[str], set[str]]]:
        """graph IRI -> (article ids, content hashes) it holds."""
        values = " ".join(f"<{g}>" for g in sorted(graphs))
        res = store.query(f"SELECT ?g ?id ?h WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?a <{KG.contentHash}> ?h "
                          f"OPTIONAL {{ ?a <{ident}> ?id }} }} }}")
        found: dict[str, tuple[set[str], set[str]]] = {}
        for g_term, id_term, h_term in res.rows:
            if g_term is None:
                continue
            ids, hashes = found.setdefault(str(g_term.value), (set(), set()))
            if id_term is not None:
                ids.add(str(id_term.value))
            if h_term is not None:
                hashes.add(str(h_term.value))
        return found

    def taken(held: tuple[set[str], set[str]] | None, article_id: str) -> bool:
        return held is not None and bool(held[0]) and clean_text(article_id) not in held[0]

    def flush() -> Iterator[Article | Skipped]:
        arts = [a for a in pending if isinstance(a, Article)]
        if arts:
            graphs = {str(article_graph_iri(a)) for a in arts}
            graphs |= {graph_of(_renamed_id(a.id)) for a in arts}
            found = stored(graphs)
            for i, item in enumerate(pending):
                if not isinstance(item, Article):
                    continue
                origin = item.origin or item.id
                held = found.get(str(article_graph_iri(item)))
                if taken(held, item.id):
                    owner = sorted(held[0])[0]  # type: ignore[index]
                    new_id = _renamed_id(item.id)
                    if taken(found.get(graph_of(new_id)), new_id):
                        pending[i] = Skipped(origin, Msg.E009.format(
                            origin=origin, id=item.id, first="the store, from an earlier run",
                            action=(f"its graph name {item.key!r} is taken by id {owner!r} and "
                                    f"{new_id!r} by yet another id; skipped, give the article a distinct id")),
                            "E009")
                        continue
                    log.warning(Msg.E009.format(
                        origin=origin, id=item.id, first="the store, from an earlier run",
                        action=(f"its graph name {item.key!r} is taken by id {owner!r}, which is kept; "
                                f"renamed to {new_id!r}")))
                    item.id = new_id
                elif (held is not None and text_file_of(item) is not None and held[1]
                      and item.content_hash not in held[1]):
                    log.warning(Msg.E009.format(
                        origin=origin, id=item.id, first="the store, from an earlier run",
                        action=("the stored graph holds another text and is replaced; if it came from another "
                                "file of the same name (a .txt file's id is its name), rename one of the files "
                                "and run both again")))
        yield from pending
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= chunk:
            yield from flush()
    yield from flush()


def _spec(pipeline: Pipeline, run: ExtractionRun, payload: str):
    from kg.scale import WorkerSpec

    return WorkerSpec(model=pipeline.model, link=pipeline.link, online=pipeline.online,
                      batch_size=pipeline.batch_size, run=run, payload=payload)  # type: ignore[arg-type]


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
    already in the store with the same ``kg:contentHash`` are skipped as done
    (counted in :attr:`Summary.done`, not as errors) unless ``force``; so
    re-running an interrupted command completes it, and re-running a finished
    one changes nothing.  ``pipeline.n_process`` worker processes do the
    extraction, linking and RDF (:mod:`kg.scale`); results are identical for
    any number.

    :param run: the run's provenance (default: :attr:`Pipeline.run_info` now).
    :raises kg.errors.StoreError: when the store cannot be written at all.
    """
    from kg.resume import skip_done
    from kg.scale import Done, run_batches

    t0 = time.perf_counter()
    summary = Summary()
    run = run or pipeline.run_info
    items = _guard_stored(_size_checked(read_articles(inputs)), store)
    if not force:
        items = skip_done(items, store, summary)
    flush = getattr(store, "flush", None)
    for item in run_batches(items, pipeline, _spec(pipeline, run, "ntriples"), pipeline.n_process):
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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def _atomic_binary(output: Path) -> Iterator[IO[bytes]]:
    """A binary file written to a temporary name in the same folder and
    renamed over ``output`` only when the block ends without error
    (``-`` is standard output, written directly)."""
    if str(output) == "-":
        import sys

        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    except OSError as exc:
        raise OutputError(Msg.E015, path=output, reason=exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the user's usual mode
        os.replace(tmp, output)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, KgError):  # disk full, I/O error
            raise OutputError(Msg.E015, path=output, reason=exc.strerror or str(exc)) from exc
        raise


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
    from kg.scale import run_batches

    t0 = time.perf_counter()
    summary = Summary(output=str(output))
    run = run or pipeline.run_info
    canonical = "jsonl" if fmt == "jsonl" else format_for_path(None, fmt)
    payload = canonical if canonical in ("nquads", "ntriples") else "none"
    items = run_batches(_size_checked(read_articles(inputs)), pipeline, _spec(pipeline, run, payload),
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
        with _atomic_binary(output) as fh:
            for done in done_items:
                art = done.result.article
                for st in done.result.statements:
                    fh.write((json.dumps(st.to_record(art), ensure_ascii=False) + "\n").encode("utf-8"))
    elif payload != "none":
        with _atomic_binary(output) as fh:
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
    """Extraction on a Dask cluster (:mod:`kg.dask_engine`): N-Quads shards in
    ``out_dir`` (a folder every worker can write).  ``pipeline`` gives the
    model and options; it need not be loaded with the linker (workers load
    their own).  ``skip_done_in``: a store whose done articles are skipped
    (:mod:`kg.resume`).

    :returns: the summary and the shard files of this input, in order.
    :raises kg.dask_engine.DaskMissingError: without ``dask[distributed]``.
    """
    from kg.dask_engine import DEFAULT_SHARD_SIZE, dask_extract

    summary = Summary(output=str(out_dir))
    run = run or pipeline.run_info
    items: Iterable[Article | Skipped] = _size_checked(read_articles(inputs))
    if skip_done_in is not None:
        items = _guard_stored(items, skip_done_in)
    if skip_done_in is not None and not force:
        from kg.resume import skip_done

        items = skip_done(items, skip_done_in, summary)
    paths = dask_extract(items, out_dir, _spec(pipeline, run, "nquads"), summary, scheduler=scheduler,
                         workers=max(1, pipeline.n_process), shard_size=shard_size or DEFAULT_SHARD_SIZE,
                         force=force, progress=progress)
    return summary, paths


@dataclass(slots=True)
class LoadSummary:
    """What ``kg load`` did: files loaded (with quads), files refused (with reasons)."""

    loaded: list[tuple[str, int]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    before: int = 0
    after: int = 0
    seconds: float = 0.0


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
            summary.errors.append(f"E001: Cannot read {path}: {exc.strerror or exc}. Check that the path exists and is readable.")
        if progress is not None:
            progress(str(path))
    summary.after = store.count() if count else -1
    summary.seconds = time.perf_counter() - t0
    return summary
