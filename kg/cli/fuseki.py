"""kg fuseki: Fuseki dataset administration."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.common import (
    kg_errors,
    fuseki_app,
    out,
)
from kg.cli.options import UserOpt

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

    with kg_errors():
        password = resolve_password(user, None)
        create_dataset(url, dataset, tdb2=tdb2, auth=(user, password) if user else None)
    out.print(f"created dataset {dataset!r} at {url.rstrip('/')}/{dataset}")


