"""Apache Jena Fuseki administration: create a dataset, check that one exists.

Fuseki's admin protocol (https://jena.apache.org/documentation/fuseki2/fuseki-server-protocol.html):
``POST /$/datasets`` with form fields ``dbName`` and ``dbType`` (``mem`` or
``tdb2``) creates a dataset; ``GET /$/datasets/NAME`` answers 200 or 404.
Fuseki serves the admin area to localhost only unless its ``shiro.ini`` (or
``--auth``/``--passwd``) says otherwise; elsewhere pass the admin user.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

from kg.errors import EndpointError, Msg

from kg import http

__all__ = ["create_dataset", "dataset_exists", "split_dataset_url"]


def split_dataset_url(dataset_url: str) -> tuple[str, str]:
    """``http://host:3030/ds`` -> ``("http://host:3030", "ds")`` (a trailing
    ``/query``, ``/sparql``, ``/update`` or ``/data`` is ignored).

    :raises ValueError: if the URL has no dataset name.
    """
    parts = urlsplit(dataset_url.rstrip("/"))
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1] in ("query", "sparql", "update", "data", "get"):
        segments.pop()
    if not segments:
        raise ValueError(f"{http.public_url(dataset_url)} names no dataset (expected http://host:3030/DATASET)")
    base = urlunsplit((parts.scheme, parts.netloc, "/".join(segments[:-1]), "", "")).rstrip("/")
    return base, segments[-1]


def _session(auth: tuple[str, str | None] | None, timeout: float, retries: int) -> tuple[object, http.HttpOptions]:
    options = http.HttpOptions(timeout=timeout, retries=retries)
    user, password = auth if auth else (None, None)
    return http.make_session(user, password, options), options


def dataset_exists(
    base_url: str, name: str, *, auth: tuple[str, str | None] | None = None, timeout: float = 30.0, retries: int = 3
) -> bool:
    """Whether the Fuseki server at ``base_url`` has a dataset ``name``.

    :raises EndpointError: E060/E061/E063/E064 if the admin API cannot answer.
    """
    session, options = _session(auth, timeout, retries)
    try:
        http.request(session, "GET", f"{base_url.rstrip('/')}/$/datasets/{quote(name.strip('/'))}", options)  # type: ignore[arg-type]
        return True
    except EndpointError as exc:
        if exc.code == "E062":
            return False
        raise
    finally:
        session.close()  # type: ignore[attr-defined]


def create_dataset(
    base_url: str,
    name: str,
    *,
    tdb2: bool,
    auth: tuple[str, str | None] | None = None,
    exist_ok: bool = False,
    timeout: float = 30.0,
    retries: int = 3,
) -> bool:
    """Create a dataset through Fuseki's admin API.

    :param base_url: the server root, e.g. ``http://localhost:3030``.
    :param name: dataset name (``ds``; a leading ``/`` is ignored).
    :param tdb2: persistent TDB2 dataset if True, in-memory if False.
    :param auth: ``(user, password)`` for basic auth, or ``None``.
    :param exist_ok: return False instead of failing when it already exists.
    :returns: True if created, False if it existed and ``exist_ok``.
    :raises EndpointError: E063 (HTTP 409) if it exists and not ``exist_ok``;
        E060-E064 for other failures (E062: the server has no admin API).
    """
    name = name.strip("/")
    session, options = _session(auth, timeout, retries)
    url = f"{base_url.rstrip('/')}/$/datasets"
    try:
        http.request(session, "POST", url, options, data={"dbName": name, "dbType": "tdb2" if tdb2 else "mem"})  # type: ignore[arg-type]
        return True
    except EndpointError as exc:
        if exc.code == "E063" and exc.fields.get("status") == 409:
            if exist_ok:
                return False
            raise EndpointError(
                Msg.E063, endpoint=http.public_url(url), status=409,
                reason=f"dataset {name!r} already exists",
            ) from exc
        raise
    finally:
        session.close()  # type: ignore[attr-defined]
