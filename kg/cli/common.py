"""Shared parts of kg's command line: the Typer app, options, errors, progress.

Each command is a thin wrapper over a plain function of :mod:`kg.pipeline`,
:mod:`kg.queries`, :mod:`kg.evaluate`, :mod:`kg.link` or :mod:`kg.rdf` that
returns data; this module only parses options, shows progress and prints.
kg's own errors become one-line messages and a non-zero exit code (``--debug``
shows the traceback).

Exit codes: 0 success; 1 an error, or some inputs were skipped or failed to
load (the summary says which); 2 usage errors.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Callable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
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


#: The one line printed on Ctrl-C / SIGTERM when a command gives no better one.
INTERRUPTED = "nothing half-written was kept; re-run the same command to finish."


@contextmanager
def _errors(on_interrupt: Callable[[], str] | None = None) -> Iterator[None]:
    """Turn kg's errors into one-line messages (exit 1) and Ctrl-C into one
    line (exit 130): ``on_interrupt()`` says what was kept and how to resume
    (default :data:`INTERRUPTED`)."""
    try:
        yield
    except KgError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        err.print(f"[yellow]interrupted[/]: {on_interrupt() if on_interrupt else INTERRUPTED}",
                  highlight=False, soft_wrap=True)
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


QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars, summaries or warnings on stderr; errors are still shown.")]


def _set_quiet(quiet: bool) -> None:
    """``kg CMD -q`` does what ``kg -q CMD`` does (either one turns quiet on)."""
    if quiet:
        State.quiet = True
        _log_warnings(True)


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


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 article"``, ``"2 articles"``: ``n`` and ``word`` in the number ``n`` needs
    (``many`` for irregular plurals, default ``word + "s"``)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


_ENDPOINT_OPTIONS = (("endpoint", "--endpoint"), ("query_endpoint", "--query-endpoint"),
                     ("update_endpoint", "--update-endpoint"), ("gsp_endpoint", "--gsp-endpoint"))


def _check_urls(kwargs: dict) -> None:
    """Every endpoint given is an http(s) URL with a host.

    :raises kg.errors.EndpointError: E065 naming the option and the value.
    """
    from urllib.parse import urlsplit

    from kg.errors import EndpointError, Msg

    for key, option in _ENDPOINT_OPTIONS:
        url = kwargs.get(key)
        if not url:
            continue
        parts = urlsplit(str(url))
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise EndpointError(Msg.E065, option=option, url=str(url))


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
        _check_urls(kwargs)
        kwargs["password"] = resolve_password(kwargs.get("user"), None)
    else:
        from kg.store.oxigraph import default_store_path

        _check_store_folder(kwargs.get("store_path") or default_store_path())
        kwargs["read_only"] = read_only
    return open_store(**kwargs)


def _check_store_folder(path: Path | None) -> None:
    """An embedded store is a folder: refuse an existing regular file early.

    :raises kg.errors.StoreError: E011 naming the path.
    """
    from kg.errors import Msg, StoreError

    if path is not None and path.exists() and not path.is_dir():
        raise StoreError(Msg.E011, path=path, reason="it is a file, not a kg store folder; pass --store with a "
                         "folder (a new one, or one that kg run / kg load made)")


def _store_label(store: Path | None, endpoint: str | None) -> str:
    """Which store a command uses and why: ``"/x/store (--store)"``, ``"... (env KG_STORE)"``."""
    import os

    from kg.config import load_settings
    from kg.store.oxigraph import default_store_path

    if endpoint:
        return f"{endpoint} (--endpoint)"
    if store is not None:
        return f"{store.expanduser().absolute()} (--store)"
    settings = load_settings({"store_path": None, "endpoint": None})
    remote = settings.endpoint or settings.query_endpoint
    if remote:
        return f"{remote} (env KG_ENDPOINT / KG_QUERY_ENDPOINT or the config file)"
    if settings.store_path is not None:
        src = "env KG_STORE" if os.environ.get("KG_STORE") else "the config file"
        return f"{settings.store_path.absolute()} ({src})"
    return f"{default_store_path()} (the default)"


def _progress(total: int | None = None) -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
        MofNCompleteColumn(), TimeElapsedColumn(), console=err,
        disable=State.quiet or not err.is_terminal, transient=False,
    )


def _print_summary(summary, title: str) -> None:
    """The summary table, then one line per skipped input or graph not loaded
    (with ``--quiet`` only those lines: they are why the exit code is 1)."""
    d = summary.to_dict()
    if State.quiet:
        _print_problems(d)
        return
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
    _print_problems(d)


def _print_problems(d: dict) -> None:
    for s in d["skipped"]:
        err.print(f"[yellow]skipped[/] {s['reason']}", highlight=False, soft_wrap=True)
    for f in d["failed"]:
        err.print(f"[red]not loaded[/] {f}", highlight=False, soft_wrap=True)


def _make_pipeline(model: str, batch_size: int, jobs: int, link: bool = True, online: bool = False):
    from kg.run.spec import Pipeline

    return Pipeline(model=model, link=link, online=online, batch_size=batch_size, n_process=jobs).load()


OnlineOpt = Annotated[bool, typer.Option("--online", help="Also link actors with the Wikidata API when the offline knowledge base cannot (cached in the user cache folder or $KG_WIKIDATA_CACHE; falls back to offline without network). Set KG_CONTACT to your e-mail for Wikimedia's User-Agent policy; KG_WIKIDATA_API / KG_WIKIDATA_SPARQL point it at a mirror.")]


def _run_with_progress(fn, *args, on_item: Callable[[object], None] | None = None, **kwargs):
    """``fn(*args, progress=..., **kwargs)`` with a progress bar; ``on_item`` also sees each reported item."""
    with _progress() as progress:
        task = progress.add_task("articles", total=None)

        def tick(item) -> None:
            progress.advance(task)
            if on_item is not None:
                on_item(item)

        return fn(*args, progress=tick, **kwargs)



ArticlesArg = Annotated[list[str], typer.Argument(help="Article inputs: .txt files, folders, JSON Lines (.jsonl, .jsonl.gz), or - for stdin.", show_default=False)]
