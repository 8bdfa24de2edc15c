"""Shared parts of kg's command line: the Typer app, options, errors, progress.

Each command is a thin wrapper over a plain function of :mod:`kg.run.jobs`,
:mod:`kg.queries`, :mod:`kg.evaluate`, :mod:`kg.link` or :mod:`kg.rdf` that
returns data; this module only parses options, shows progress and prints.
kg's own errors become one-line messages and a non-zero exit code (``--debug``
shows the traceback).

Exit codes: 0 success; 1 an error, or some inputs were skipped or failed to
load (the summary says which); 2 usage errors (bad option values, unknown
formats, servers, queries or parameters: :data:`kg.errors.USAGE_CODES`,
:class:`kg.errors.UsageError`, and Typer's own, numbered E070).  The store
options are shared through :mod:`kg.cli.options`, the formats through
:mod:`kg.formats`.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, Callable, Iterator, NoReturn, Optional

import typer
from typer.core import TyperGroup
from rich.console import Console
from rich.table import Table

from kg import __version__
from kg.errors import KgError, Msg
from kg.formats import Format, FormatChoice

if TYPE_CHECKING:
    from rich.progress import Progress

try:  # typer >= 0.24 carries its own copy of click
    from typer._click.exceptions import UsageError as ClickUsageError
except ImportError:  # pragma: no cover
    from click.exceptions import UsageError as ClickUsageError  # type: ignore[assignment,no-redef]


def _number_usage_error(exc: ClickUsageError) -> None:
    """Give a usage error of Typer/Click (unknown option or command, bad or
    missing value) the number E070 of the catalogue; its exit code stays 2."""
    if getattr(exc, "_kg_numbered", False):
        return
    plain = exc.format_message

    def numbered() -> str:
        return Msg.E070.format(reason=plain())

    exc.format_message = numbered  # type: ignore[method-assign]
    exc._kg_numbered = True  # type: ignore[attr-defined]


class KgGroup(TyperGroup):
    """kg's root command group: Typer's, with Typer/Click usage errors numbered (E070)."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except ClickUsageError as exc:
            _number_usage_error(exc)
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ClickUsageError as exc:
            _number_usage_error(exc)
            raise


app = typer.Typer(
    name="kg",
    cls=KgGroup,
    help="Build knowledge graphs of who said what about whom from news articles: "
    "actor - statement - target records, linked to Wikidata, in RDF.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
kb_app = typer.Typer(help="The offline Wikidata knowledge base: look up a name, list the layers, build, update, promote.", no_args_is_help=True)
fuseki_app = typer.Typer(help="Manage Apache Jena Fuseki datasets.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
app.add_typer(fuseki_app, name="fuseki")

err = Console(stderr=True)
out = Console()


class State:
    debug = False
    quiet = False


def _fail(exc: KgError) -> None:
    """Print ``exc`` as one line and exit with its code (2 usage error, 1 other; see
    :attr:`kg.errors.KgError.exit_code`); with ``--debug`` re-raise it."""
    if State.debug:
        raise exc
    err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(exc.exit_code)


def fail(msg: Msg, usage: bool = False, **fields: object) -> NoReturn:
    """Stop the command with the numbered message ``msg`` (exit 2 when
    ``usage`` or ``msg`` is a usage error, else 1).

    :raises typer.Exit: always.
    """
    from kg.errors import UsageError

    _fail(UsageError(msg, **fields) if usage else KgError(msg, **fields))
    raise AssertionError("unreachable")  # pragma: no cover


#: The one line printed on Ctrl-C / SIGTERM when a command gives no better one.
INTERRUPTED = "nothing half-written was kept; re-run the same command to finish."


class Terminated(KeyboardInterrupt):
    """A stop by a signal other than SIGINT (SIGTERM), raised by the commands' signal handler so that the
    run stops as on Ctrl-C; :func:`kg_errors` exits with 128 + :attr:`signum` (143 for SIGTERM), the shell's
    convention, where Ctrl-C gives 130."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def kg_errors(on_interrupt: Callable[[], str] | None = None) -> Iterator[None]:
    """Turn kg's errors into one-line messages (exit 2 for usage errors, else 1) and Ctrl-C into one
    line (exit 130 = 128 + SIGINT; 143 = 128 + SIGTERM for :class:`Terminated`): ``on_interrupt()`` says
    what was kept and how to resume (default :data:`INTERRUPTED`)."""
    import signal

    try:
        yield
    except KgError as exc:
        _fail(exc)
    except KeyboardInterrupt as exc:
        err.print(f"[yellow]interrupted[/]: {on_interrupt() if on_interrupt else INTERRUPTED}",
                  highlight=False, soft_wrap=True)
        raise typer.Exit(128 + (exc.signum if isinstance(exc, Terminated) else signal.SIGINT))


def _version(value: bool) -> None:
    if value:
        out.print(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars, summaries or warnings on stderr; errors are still shown.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show kg's version.")] = False,
) -> None:
    """kg: who accused, criticized, praised or called on whom, from the news."""
    State.debug = debug
    State.quiet = quiet
    _log_warnings(quiet)


QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars, summaries or warnings on stderr; errors are still shown.")]


def set_quiet(quiet: bool) -> None:
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

ModelOpt = Annotated[str, typer.Option("--model", "-m", help="spaCy pipeline (installed package name or path).")]
FormatOpt = Annotated[Optional[str], typer.Option("--format", "-f", help=(
    "Output format (default: table on a terminal, else tsv): table (one record per row when the columns do not fit "
    "the terminal); csv (RFC 4180, plain values); tsv (the W3C SPARQL 1.1 Query Results TSV format: ?names, values "
    "as RDF terms -- <IRI>, \"text\" with \\t \\n \\\" \\\\ escaped, numbers bare -- so every row is one line "
    "and any SPARQL results reader reads it back); json; jsonl; markdown."))]


def parse_format(choice: FormatChoice, value: str | None, default: Format | None = None,
                 option: str = "--format") -> Format | None:
    """The format ``value`` names among ``choice`` (``default`` when not given).

    :raises kg.errors.UsageError: E026 for a format ``choice`` does not hold.
    """
    return default if value is None else choice.parse(value, option)


def result_format(fmt: str | None) -> str:
    """The ``--format`` of query results (:data:`kg.formats.QUERY_RESULTS`); by default
    ``table`` on a terminal, else ``tsv``.

    :raises kg.errors.UsageError: E026 for another format.
    """
    from kg.formats import QUERY_RESULTS
    from kg.output import default_format

    chosen = parse_format(QUERY_RESULTS, fmt)
    return chosen.value if chosen is not None else default_format(sys.stdout)


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 article"``, ``"2 articles"``: ``n`` and ``word`` in the number ``n`` needs
    (``many`` for irregular plurals, default ``word + "s"``)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def progress_bar(total: int | None = None) -> Progress:
    """A Rich progress bar on stderr (off with ``--quiet`` or when stderr is not a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
        MofNCompleteColumn(), TimeElapsedColumn(), console=err,
        disable=State.quiet or not err.is_terminal, transient=False,
    )


def print_summary(summary, title: str) -> None:
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


def make_pipeline(model: str, batch_size: int, jobs: int, link: bool = True, online: bool = False):
    """A loaded :class:`kg.run.spec.Pipeline` (spaCy model ``model``, ``jobs`` worker processes).

    :raises kg.errors.ModelError: E030 when the model cannot be loaded.
    """
    from kg.run.spec import Pipeline

    return Pipeline(model=model, link=link, online=online, batch_size=batch_size, n_process=jobs).load()


OnlineOpt = Annotated[bool, typer.Option("--online", help="Also link actors with the Wikidata API when the offline knowledge base cannot (cached in the user cache folder or $KG_WIKIDATA_CACHE; falls back to offline without network). Set KG_CONTACT to your e-mail for Wikimedia's User-Agent policy; KG_WIKIDATA_API / KG_WIKIDATA_SPARQL point it at a mirror.")]


def run_with_progress(fn, *args, on_item: Callable[[object], None] | None = None, **kwargs):
    """``fn(*args, progress=..., **kwargs)`` with a progress bar; ``on_item`` also sees each reported item."""
    with progress_bar() as progress:
        task = progress.add_task("articles", total=None)

        def tick(item) -> None:
            progress.advance(task)
            if on_item is not None:
                on_item(item)

        return fn(*args, progress=tick, **kwargs)



ArticlesArg = Annotated[list[str], typer.Argument(help="Article inputs: .txt files, folders, JSON Lines (.jsonl, .jsonl.gz), WARC archives (.warc, .warc.gz), or - for stdin.", show_default=False)]
