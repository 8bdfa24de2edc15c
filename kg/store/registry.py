"""Pick and open a store backend.  Backends are imported lazily by name, so
the embedded path never imports an HTTP client.

>>> from kg.store.registry import open_store
>>> with open_store(store_path=None, memory=True) as s:
...     s.count()
0
"""

from __future__ import annotations

import getpass
import importlib
import os
import sys
from pathlib import Path

from .base import Store

__all__ = ["BACKENDS", "open_store", "resolve_password", "DEFAULT_TIMEOUT"]

#: backend name -> "module:class", imported on first use.
BACKENDS: dict[str, str] = {
    "oxigraph": "kg.store.oxigraph:OxigraphStore",
    "sparql": "kg.store.sparql:SparqlStore",
}

DEFAULT_TIMEOUT = 30.0


def _load(name: str) -> type:
    module, _, cls = BACKENDS[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def resolve_password(user: str | None, password: str | None, *, prompt: bool = True) -> str | None:
    """The password for ``user``: ``password`` if given, else env ``KG_PASSWORD``,
    else an interactive prompt (no echo) when stdin is a terminal, else ``None``."""
    if user is None or password is not None:
        return password
    env = os.environ.get("KG_PASSWORD")
    if env is not None:
        return env
    if prompt and sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"Password for {user}: ")
    return None


def open_store(
    *,
    store_path: Path | None = None,
    endpoint: str | None = None,
    query_endpoint: str | None = None,
    update_endpoint: str | None = None,
    gsp_endpoint: str | None = None,
    server: str = "fuseki",
    user: str | None = None,
    password: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = 3,
    read_only: bool = False,
    memory: bool = False,
) -> Store:
    """Open the store the options name.

    * no endpoint: the embedded pyoxigraph store at ``store_path``, else env
      ``KG_STORE``, else :func:`kg.store.oxigraph.default_store_path`
      (``memory=True``: a throwaway in-memory store);
    * ``endpoint``: a remote dataset.  ``server="fuseki"`` (default) reads it
      as a Fuseki dataset URL ``http://host:3030/DATASET`` (``/query``,
      ``/update``, ``/data``); ``server="oxigraph"`` as an Oxigraph server root
      (``/query``, ``/update``, ``/store``).  ``query_endpoint``,
      ``update_endpoint`` and ``gsp_endpoint`` override single URLs, and alone
      (without ``endpoint``) describe any SPARQL 1.1 server.

    The password comes from ``password``, env ``KG_PASSWORD`` or a prompt
    (:func:`resolve_password`).

    :raises StoreLockedError: E010 (embedded store held by another process).
    :raises StoreError: E011 (embedded store cannot be opened).
    :raises kg.errors.UsageError: E066 (a ``ValueError``) for an unknown ``server`` kind.
    """
    if endpoint or query_endpoint:
        from .sparql import Endpoints

        if endpoint:
            if server == "fuseki":
                eps = Endpoints.fuseki(endpoint)
            elif server == "oxigraph":
                eps = Endpoints.oxigraph(endpoint)
            elif server == "generic":
                eps = Endpoints(endpoint)
            else:
                from kg.errors import Msg, UsageError

                raise UsageError(Msg.E066, option="server", value=server, choices="fuseki, oxigraph, generic")
        else:
            eps = Endpoints(query_endpoint)  # type: ignore[arg-type]
        eps = Endpoints(
            query_endpoint or eps.query,
            update_endpoint or eps.update,
            gsp_endpoint or eps.gsp,
            quads=eps.quads and not gsp_endpoint,
        )
        cls = _load("sparql")
        return cls(
            eps,
            user=user,
            password=resolve_password(user, password),
            timeout=timeout,
            retries=retries,
        )
    cls = _load("oxigraph")
    if memory:
        return cls(None)
    if store_path is None:
        from .oxigraph import default_store_path

        store_path = default_store_path()
    return cls(store_path, read_only=read_only)
