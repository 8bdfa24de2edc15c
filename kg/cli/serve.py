"""kg serve: the SPARQL endpoint and the graph browser (:mod:`kg.serve`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import app, err, kg_errors
from kg.cli.options import QUERY_OPTIONS, StoreOptions, store_options


@app.command()
@store_options(QUERY_OPTIONS)
def serve(
    where: StoreOptions = StoreOptions(),
    host: Annotated[str, typer.Option("--host", help="Address to listen on. Anything but loopback (127.0.0.1, ::1, localhost) needs --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.", min=1, max=65535)] = 8000,
    token: Annotated[Optional[str], typer.Option("--token", envvar="KG_SERVE_TOKEN", show_envvar=True, help="Secret every request must carry: the password of HTTP basic auth (any user name) or 'Authorization: Bearer TOKEN'.")] = None,
    allow_update: Annotated[bool, typer.Option("--allow-update", help="Accept SPARQL updates on /sparql (needs --token); the embedded store is then opened read-write.")] = False,
    query_timeout: Annotated[float, typer.Option("--query-timeout", help="Seconds a query may run before its answer is given up.", min=0.1)] = 30.0,
    max_rows: Annotated[int, typer.Option("--max-rows", help="Most result rows /sparql sends; bigger answers are refused.", min=1)] = 100_000,
    queries: Annotated[list[Path], typer.Option("--queries", help="Extra folder of your own .rq stored queries.")] = [],
) -> None:
    """Serve the store: a SPARQL 1.1 endpoint at /sparql and pages to browse actors, statements,
    evidence and articles, and to run the stored queries. Read-only and on this machine only
    by default; Ctrl-C stops it."""
    from kg.errors import Msg, UsageError
    from kg.queries import Catalog, query_dirs
    from kg.serve import ServeConfig, is_loopback
    from kg.serve import serve as run_server

    with kg_errors():
        if not is_loopback(host) and not token:
            raise UsageError(Msg.E100, host=host)
        if allow_update and not token:
            raise UsageError(Msg.E101)
        config = ServeConfig(host=host, port=port, token=token or None, allow_update=allow_update,
                             query_timeout=query_timeout, max_rows=max_rows,
                             query_dirs=tuple(query_dirs(queries)))
        for exc in Catalog(list(config.query_dirs)).broken():  # left out of the query pages, said here once
            err.print(f"warning: {exc} That query is left out; the others work.", markup=False, highlight=False,
                      soft_wrap=True)
        with where.open(read_only=not allow_update) as store:
            shown = f"[{host}]" if ":" in host else host
            err.print(f"kg serve: {store.location} on http://{shown}:{port}/ (SPARQL endpoint /sparql"
                      f"{', updates on' if allow_update else ', read-only'}{', token required' if token else ''}); "
                      "Ctrl-C stops it.", highlight=False, soft_wrap=True)
            run_server(store, config, log_level="warning")
