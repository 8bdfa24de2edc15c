"""kg query and kg sparql: stored and ad-hoc SPARQL."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from kg.cli.common import (
    FormatOpt,
    kg_errors,
    app,
    err,
    fail,
    out,
    result_format,
)
from kg.cli.options import QUERY_OPTIONS, StoreOptions, store_options

# ----------------------------------------------------------------------------- query / sparql


def _actor_resolver(st, unmatched: list[str] | None = None):
    """Map a user's actor name or QID to actor IRIs in the store (forgiving match); a value
    that matches no actor is appended to ``unmatched`` (when given)."""
    from kg.queries import store_actor_resolver

    resolve = store_actor_resolver(st)
    if unmatched is None:
        return resolve

    def recording(value: str) -> list[str]:
        found = resolve(value)
        if not found:
            unmatched.append(value)
        return found

    return recording


def _parse_params(params: list[str], name: str = "-") -> dict[str, str]:
    from kg.errors import Msg, QueryError

    out: dict[str, str] = {}
    for p in params:
        key, sep, value = p.partition("=")
        if not sep or not key.strip():
            raise QueryError(Msg.E022, name=name, param=p, reason="must be written key=value")
        if key.strip() in out:
            raise QueryError(Msg.E022, name=name, param=key.strip(),
                             reason=f"is given twice ({out[key.strip()]!r} and {value!r}); give each parameter once")
        out[key.strip()] = value
    return out


def _catalog(queries: list[Path]):
    """The catalog of the stored queries, env KG_QUERIES's folders (several separated by the
    OS path separator, ':' on Linux) and the --queries folders; a file that does not parse is
    reported on stderr (E023, naming it) and left out, the other queries work.

    :raises kg.errors.UsageError: E031 for a folder that does not exist.
    """
    import os

    from kg.cli.common import State
    from kg.queries import Catalog, query_dirs

    catalog = Catalog(query_dirs(queries, os.environ.get("KG_QUERIES", "")))
    if not State.quiet:
        for exc in catalog.broken():
            err.print(f"warning: {exc} That query is left out; the others work.", markup=False, highlight=False,
                      soft_wrap=True)
    return catalog


def _describe(sq) -> None:
    """Print a stored query's title, description, parameters, example and file."""
    from rich.panel import Panel

    from kg.queries import KINDS

    out.print(Panel(f"[bold]{sq.title}[/]\n\n{sq.description}", title=f"kg query {sq.name}", title_align="left",
                    subtitle=sq.form, subtitle_align="right"), highlight=False)
    if sq.params:
        t = Table(title="Parameters (--param NAME=VALUE)", title_justify="left")
        t.add_column("name", style="bold")
        t.add_column("kind")
        t.add_column("default")
        t.add_column("meaning")
        for p in sq.params:
            t.add_row(p.name, f"{p.kind}: {KINDS[p.kind]}" if p.kind != "type" else "type: a statement type, or several comma-separated",
                      p.default or "-", p.help)
        out.print(t)
    else:
        out.print("No parameters.")
    if sq.example:
        out.print(f"\n[bold]Example[/]: {sq.example}", highlight=False)
    out.print(f"[dim]file: {sq.path}[/]", highlight=False)
    out.print("[dim]Output: --format table|csv|tsv|json|jsonl|markdown, --limit N; --show-sparql prints the bound query.[/]")


@app.command(context_settings={"help_option_names": []})
@store_options(QUERY_OPTIONS)
def query(
    ctx: typer.Context,
    name: Annotated[Optional[str], typer.Argument(help="Stored query name (see --list).", show_default=False)] = None,
    param: Annotated[list[str], typer.Option("--param", "-p", help="Parameter as key=value; repeat for several.")] = [],
    list_: Annotated[bool, typer.Option("--list", "-l", help="List the stored queries with titles and parameters.")] = False,
    describe: Annotated[bool, typer.Option("--describe", "-d", help="Show the query's title, description, parameters and an example.")] = False,
    queries: Annotated[list[Path], typer.Option("--queries", help="Extra folder of your own .rq queries (same header format); a folder that does not exist is a usage error (E031), a file with a bad header is reported (E023) and left out.")] = [],
    fmt: FormatOpt = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Show at most this many rows.", min=0)] = None,
    show: Annotated[bool, typer.Option("--show-sparql", help="Print the SPARQL with bound parameters instead of running it.")] = False,
    where: StoreOptions = StoreOptions(),
    help_: Annotated[bool, typer.Option("--help", "-h", help="Show this message; with NAME, the query's title, description, parameters and example.")] = False,
) -> None:
    """Run a stored query from queries/*.rq, with parameters bound as RDF terms.

    'kg query --list' lists the queries; 'kg query NAME --help' describes one.
    Your own queries (same header format) go in a folder given with --queries
    or in env KG_QUERIES.
    """
    from rich.text import Text

    from kg.errors import Msg, QueryError
    from kg.output import render

    if help_ and name is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()
    with kg_errors():
        catalog = _catalog(queries)
        if (list_ or name is None) and fmt is not None and result_format(fmt) != "table":
            # an explicit --format: the catalog as a result (name, title, parameters, broken reason)
            from kg.store.base import QueryResult, Term

            lit = lambda v: Term.literal(v) if v else None  # noqa: E731
            listed = [(q.name, q.title, ", ".join(f"{p.name} ({p.kind})" + (f" = {p.default}" if p.default else "")
                                                  for p in q.params), "") for q in catalog.list()]
            listed += [(Path(str(exc.fields["path"])).stem, "", "", str(exc)) for exc in catalog.broken()]
            render(QueryResult(["name", "title", "parameters", "broken"],
                               [tuple(lit(v) for v in r) for r in sorted(listed)]), result_format(fmt))
            return
        if list_ or name is None:
            t = Table(title="Stored queries")
            t.add_column("name", style="bold", no_wrap=True)
            t.add_column("title")
            t.add_column("parameters")
            rows = [(q.name, Text(q.title), Text(", ".join(f"{p.name} ({p.kind})" + (f" = {p.default}" if p.default else "")
                                                       for p in q.params))) for q in catalog.list()]
            rows += [(Path(str(exc.fields["path"])).stem, Text(f"broken: {exc}", style="red"), Text("-"))
                     for exc in catalog.broken()]
            for row in sorted(rows, key=lambda r: r[0]):
                t.add_row(*row)
            out.print(t)
            return
        sq = catalog.get(name)
        if describe or help_:
            _describe(sq)
            return
        values = _parse_params(param, sq.name)
        fmt_ = result_format(fmt)
        unmatched: list[str] = []
        with where.open(read_only=True) as st:
            from kg.queries import query_text  # the direct-edge form on a store with complete edges

            text = query_text(st, sq, values, resolve_actor=_actor_resolver(st, unmatched))
            if show:
                print(text)
                return
            try:
                result = st.query(text)
            except QueryError as exc:
                if exc.code != "E024":  # a SPARQL syntax or evaluation error of this file's query
                    raise
                raise QueryError(Msg.E036, path=sq.path, name=sq.name, reason=exc.fields["reason"]) from exc
        if limit is not None:
            result.rows = result.rows[:limit]
        render(result, fmt_, sys.stdout, title=sq.title)
        if unmatched:
            by_value = {v: k for k, v in values.items()}
            for actor in unmatched:
                err.print(f"warning: {Msg.E028.format(name=sq.name, param=by_value.get(actor, 'actor'), actor=actor)}",
                          markup=False, highlight=False, soft_wrap=True)


@app.command()
@store_options(QUERY_OPTIONS)
def sparql(
    query_or_file: Annotated[str, typer.Argument(help="A SPARQL query, a .rq file (.ru for an update), or - for stdin.", show_default=False)],
    fmt: FormatOpt = None,
    where: StoreOptions = StoreOptions(),
    update: Annotated[bool, typer.Option("--update", help="Run a SPARQL update (INSERT, DELETE, LOAD, CLEAR, DROP ...) that changes the store; without it updates are refused.")] = False,
) -> None:
    """Run an ad-hoc SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) against the store, read-only;
    with --update, a SPARQL update that changes it (the embedded store reports the quads before and after).

    kg keeps every article in its own named graph, so match inside GRAPH ?g { ... }.

    Examples: kg sparql 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'; kg sparql my.rq --format csv
    """
    from kg.errors import READ_ADVICE, InputError, Msg, QueryError
    from kg.output import render

    with kg_errors():
        fmt_ = result_format(fmt)
        source: str | None = None  # the file the SPARQL came from, named in its syntax errors
        if query_or_file == "-":
            text = sys.stdin.read()
        elif query_or_file.endswith((".rq", ".ru")) or (len(query_or_file) < 4096 and "\n" not in query_or_file and Path(query_or_file).is_file()):
            try:
                text = Path(query_or_file).read_text(encoding="utf-8")
            except FileNotFoundError as exc:
                raise InputError(Msg.E007, path=query_or_file) from exc
            except OSError as exc:
                raise InputError(Msg.E001, path=query_or_file, reason=exc.strerror or str(exc),
                                 advice=READ_ADVICE) from exc
            source = query_or_file
        else:
            text = query_or_file
        verb = update_verb(text)
        if verb is None and update:
            fail(Msg.E027)
        if verb is not None and not update:
            raise QueryError(Msg.E025, verb=verb)
        try:
            if verb is not None:
                _run_update(text, where)
                return
            with where.open(read_only=True) as st:
                result = st.query(text)
        except QueryError as exc:
            if source is None or exc.code != "E024":
                raise
            raise QueryError(Msg.E037, path=source, reason=exc.fields["reason"]) from exc
        render(result, fmt_, sys.stdout)


_COMMENT = re.compile(r"^\s*#.*$", re.MULTILINE)
_PROLOGUE = re.compile(r"\A\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", re.IGNORECASE)
_UPDATE_VERBS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


def update_verb(text: str) -> str | None:
    """The first keyword of a SPARQL 1.1 update (``"INSERT"``, ``"DELETE"``, ``"DROP"`` ...),
    or ``None`` for a query (SELECT, ASK, CONSTRUCT, DESCRIBE) or anything else.
    Whole-line ``#`` comments and the PREFIX/BASE prologue are skipped.

    >>> update_verb("PREFIX x: <http://x/>\\n# add one\\nINSERT DATA { x:a x:b x:c }")
    'INSERT'
    >>> update_verb("SELECT * { ?s ?p ?o }") is None
    True
    """
    body = _PROLOGUE.sub("", _COMMENT.sub("", text), count=1)
    m = re.match(r"[A-Za-z]+", body)
    word = m.group(0).upper() if m else ""
    return word if word in _UPDATE_VERBS else None


def _run_update(text: str, where: StoreOptions) -> None:
    """Run one SPARQL update; print what changed (quad counts on the embedded store, where they are cheap)."""
    remote = where.remote
    with where.open() as st:
        before = None if remote else st.count()
        st.update(text)
        after = None if remote else st.count()
    if before is None or after is None:
        err.print(f"update done on {st!r}.", highlight=False, soft_wrap=True)
    else:
        err.print(f"update done: the store went from {before} to {after} quads ({after - before:+d}).",
                  highlight=False)


