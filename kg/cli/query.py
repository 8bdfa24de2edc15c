"""kg query and kg sparql: stored and ad-hoc SPARQL."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from kg.cli.common import (
    EndpointOpt,
    FormatOpt,
    QueryEpOpt,
    ServerOpt,
    StoreOpt,
    TimeoutOpt,
    UserOpt,
    _errors,
    _open_store,
    app,
    out,
)

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
    from kg.output import render
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


