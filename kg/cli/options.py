"""The store options every store command shares, as one object and one decorator.

A command that touches a store declares one parameter ``where: StoreOptions``
and is decorated with :func:`store_options`; the decorator puts the store
options (``--store``, ``--endpoint``, ``--query-endpoint`` ...) into the
command's signature in that parameter's place, so Typer shows them in
``--help`` like any other option, and calls the command with one
:class:`StoreOptions` holding what was given.  :meth:`StoreOptions.open` is the
one way the CLI opens a store.  (The same idea as sqlite-utils'
``output_options`` decorator, done with :func:`functools.wraps` and an edited
:class:`inspect.Signature`, which Typer reads.)

Which options a command gets is one of :data:`LOCAL_OPTIONS` (``--store``,
``--endpoint``), :data:`QUERY_OPTIONS` (also the query endpoint, the server
kind, the user and the timeout) or :data:`ALL_OPTIONS` (also the update and
Graph Store endpoints, for commands that write).

Environment variables and the config file (``KG_STORE``, ``KG_ENDPOINT`` ...,
see :mod:`kg.config`) are merged by :meth:`StoreOptions.settings`; options
given on the command line win.
"""

from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Optional, TypeVar

import typer

from kg.errors import EndpointError, Msg, StoreError, UsageError

if TYPE_CHECKING:  # pragma: no cover
    from kg.config import StoreSettings
    from kg.store.base import Store

__all__ = [
    "StoreOptions", "store_options", "LOCAL_OPTIONS", "QUERY_OPTIONS", "ALL_OPTIONS", "OPTIONS", "UserOpt",
    "SERVER_KINDS",
]

F = TypeVar("F", bound=Callable[..., Any])

StoreOpt = Annotated[Optional[Path], typer.Option("--store", help="Folder of the embedded store (default: env KG_STORE, else the user data folder, see 'kg info').")]
EndpointOpt = Annotated[Optional[str], typer.Option("--endpoint", help="A remote dataset, e.g. http://localhost:3030/news (Fuseki).")]
QueryEpOpt = Annotated[Optional[str], typer.Option("--query-endpoint", help="SPARQL query endpoint of another server.")]
UpdateEpOpt = Annotated[Optional[str], typer.Option("--update-endpoint", help="SPARQL update endpoint of another server.")]
GspEpOpt = Annotated[Optional[str], typer.Option("--gsp-endpoint", help="Graph Store Protocol endpoint of another server.")]
ServerOpt = Annotated[Optional[str], typer.Option("--server", help="Kind of server behind --endpoint: fuseki (default), oxigraph, or generic (any SPARQL 1.1 + Graph Store Protocol server).")]
UserOpt = Annotated[Optional[str], typer.Option("--user", help="HTTP basic auth user; the password comes from env KG_PASSWORD or a prompt.")]
TimeoutOpt = Annotated[Optional[float], typer.Option("--timeout", help="Seconds to wait for a remote server (default: 30, or env KG_TIMEOUT / the config file).")]

#: Field of :class:`StoreOptions` -> its Typer option (type, option name, help), in ``--help`` order.
OPTIONS: dict[str, Any] = {
    "store": StoreOpt,
    "endpoint": EndpointOpt,
    "query_endpoint": QueryEpOpt,
    "update_endpoint": UpdateEpOpt,
    "gsp_endpoint": GspEpOpt,
    "server": ServerOpt,
    "user": UserOpt,
    "timeout": TimeoutOpt,
}

#: ``kg validate``, ``kg info``: the embedded store or one remote dataset.
LOCAL_OPTIONS: tuple[str, ...] = ("store", "endpoint")
#: Commands that read: also another server's query endpoint, the server kind, auth, timeout.
QUERY_OPTIONS: tuple[str, ...] = ("store", "endpoint", "query_endpoint", "server", "user", "timeout")
#: Commands that write (``kg run``, ``kg load``): every store option.
ALL_OPTIONS: tuple[str, ...] = tuple(OPTIONS)

#: The kinds of server ``--server`` names (see :func:`kg.store.registry.open_store`).
SERVER_KINDS: tuple[str, ...] = ("fuseki", "oxigraph", "generic")

_ENDPOINT_OPTIONS = (("endpoint", "--endpoint"), ("query_endpoint", "--query-endpoint"),
                     ("update_endpoint", "--update-endpoint"), ("gsp_endpoint", "--gsp-endpoint"))


@dataclass(frozen=True, slots=True)
class StoreOptions:
    """The store options given on the command line (``None`` = not given).

    :param store: ``--store``, the embedded store's folder.
    :param endpoint: ``--endpoint``, a remote dataset URL.
    :param query_endpoint: ``--query-endpoint``.
    :param update_endpoint: ``--update-endpoint``.
    :param gsp_endpoint: ``--gsp-endpoint``.
    :param server: ``--server``, one of :data:`SERVER_KINDS`.
    :param user: ``--user`` (the password: env ``KG_PASSWORD`` or a prompt).
    :param timeout: ``--timeout`` in seconds.
    """

    store: Path | None = None
    endpoint: str | None = None
    query_endpoint: str | None = None
    update_endpoint: str | None = None
    gsp_endpoint: str | None = None
    server: str | None = None
    user: str | None = None
    timeout: float | None = None

    @property
    def remote(self) -> bool:
        """True when an endpoint was given on the command line."""
        return any((self.endpoint, self.query_endpoint, self.update_endpoint, self.gsp_endpoint))

    def check(self) -> None:
        """Check the values given on the command line.

        :raises kg.errors.UsageError: E066 for an unknown ``--server``, E067 for a
            ``--timeout`` that is not a positive number.
        """
        if self.server is not None and self.server not in SERVER_KINDS:
            raise UsageError(Msg.E066, option="--server", value=self.server, choices=", ".join(SERVER_KINDS))
        if self.timeout is not None and not self.timeout > 0:
            raise UsageError(Msg.E067, option="--timeout", value=self.timeout)

    def settings(self) -> "StoreSettings":
        """These options over the environment, the config file and the defaults.

        :raises kg.errors.UsageError: see :meth:`check`.
        :raises kg.errors.InputError: E001/E008 for a bad config file or environment value.
        """
        from kg.config import load_settings

        self.check()
        return load_settings({"store_path": self.store, "endpoint": self.endpoint,
                              "query_endpoint": self.query_endpoint, "update_endpoint": self.update_endpoint,
                              "gsp_endpoint": self.gsp_endpoint, "server": self.server, "user": self.user,
                              "timeout": self.timeout})

    def open(self, read_only: bool = False) -> "Store":
        """Open the store these options (and the environment / config file) name:
        a remote one (URLs checked, password resolved) or the embedded one
        (``read_only`` for commands that only read, so a running ``kg run`` does
        not block them).

        :raises kg.errors.UsageError: E066, E067 (see :meth:`check`); E066 also for
            a bad server kind from env ``KG_SERVER`` or the config file.
        :raises kg.errors.EndpointError: E065 for an endpoint that is not an http(s) URL.
        :raises kg.errors.StoreError: E011 when the store path is a file; E010/E011
            from :func:`kg.store.registry.open_store`.
        """
        from kg.store.registry import open_store, resolve_password

        kwargs = self.settings().open_kwargs()
        remote = any(kwargs.get(k) for k in ("endpoint", "query_endpoint", "update_endpoint", "gsp_endpoint"))
        if remote:
            _check_urls(kwargs)
            if kwargs.get("endpoint") and kwargs.get("server") not in SERVER_KINDS:
                raise UsageError(Msg.E066, option="server (env KG_SERVER or the config file)",
                                 value=kwargs.get("server"), choices=", ".join(SERVER_KINDS))
            kwargs["password"] = resolve_password(kwargs.get("user"), None)
        else:
            from kg.store.oxigraph import default_store_path

            _check_store_folder(kwargs.get("store_path") or default_store_path())
            kwargs["read_only"] = read_only
        return open_store(**kwargs)

    def label(self) -> str:
        """Which store a command uses and why: ``"/x/store (--store)"``, ``"... (env KG_STORE)"``."""
        import os

        from kg.config import load_settings
        from kg.store.oxigraph import default_store_path

        if self.endpoint:
            return f"{self.endpoint} (--endpoint)"
        if self.store is not None:
            return f"{self.store.expanduser().absolute()} (--store)"
        settings = load_settings({"store_path": None, "endpoint": None}, warn=False)  # open() warns
        remote = settings.endpoint or settings.query_endpoint
        if remote:
            return f"{remote} (env KG_ENDPOINT / KG_QUERY_ENDPOINT or the config file)"
        if settings.store_path is not None:
            src = "env KG_STORE" if os.environ.get("KG_STORE") else "the config file"
            return f"{settings.store_path.absolute()} ({src})"
        return f"{default_store_path()} (the default)"


def _check_urls(kwargs: dict[str, Any]) -> None:
    """Every endpoint given is an http(s) URL with a host.

    :raises kg.errors.EndpointError: E065 naming the option and the value.
    """
    from urllib.parse import urlsplit

    for key, option in _ENDPOINT_OPTIONS:
        url = kwargs.get(key)
        if not url:
            continue
        parts = urlsplit(str(url))
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise EndpointError(Msg.E065, option=option, url=str(url))


def _check_store_folder(path: Path | None) -> None:
    """An embedded store is a folder: refuse an existing regular file early.

    :raises kg.errors.StoreError: E011 naming the path.
    """
    if path is not None and path.exists() and not path.is_dir():
        raise StoreError(Msg.E011, path=path, reason="it is a file, not a kg store folder; pass --store with a "
                         "folder (a new one, or one that kg run / kg load made)")


def store_options(options: tuple[str, ...] = QUERY_OPTIONS) -> Callable[[F], F]:
    """Decorator: replace the command's ``StoreOptions`` parameter by the Typer
    options named in ``options`` (fields of :class:`StoreOptions`, e.g.
    :data:`QUERY_OPTIONS`), at the same place in the signature, and call the
    command with one :class:`StoreOptions` there.

    Apply it under ``@app.command()``::

        @app.command()
        @store_options(QUERY_OPTIONS)
        def stats(fmt: FormatOpt = None, where: StoreOptions = StoreOptions()) -> None: ...

    :raises TypeError: (when decorating) the command has no ``StoreOptions``
        parameter, or an option name is not a field of :class:`StoreOptions`.
    """
    unknown = [o for o in options if o not in OPTIONS]
    if unknown:
        raise TypeError(f"not store options: {unknown}")

    def decorate(fn: F) -> F:
        sig = inspect.signature(fn, eval_str=True)
        params = list(sig.parameters.values())
        at = [i for i, p in enumerate(params) if p.annotation is StoreOptions]
        if len(at) != 1:
            raise TypeError(f"{fn.__name__}: needs exactly one parameter annotated StoreOptions")
        slot = params[at[0]]
        taken = {p.name for p in params} - {slot.name}
        clash = taken & set(options)
        if clash:
            raise TypeError(f"{fn.__name__}: parameters {sorted(clash)} clash with the store options")
        new = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=OPTIONS[name])
               for name in options]
        kind = inspect.Parameter.KEYWORD_ONLY
        params = [p.replace(kind=kind) for p in params[:at[0]]] + new + [p.replace(kind=kind) for p in params[at[0] + 1:]]

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            given = {name: kwargs.pop(name, None) for name in options}
            kwargs[slot.name] = StoreOptions(**given)
            return fn(*args, **kwargs)

        wrapper.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        if sig.return_annotation is not inspect.Signature.empty:
            wrapper.__annotations__["return"] = sig.return_annotation
        return wrapper  # type: ignore[return-value]

    return decorate


