"""``kg serve``: a SPARQL 1.1 Protocol endpoint and pages to browse the graph, on any kg store.

Why Starlette + uvicorn + Jinja2: Starlette is a small, well-kept ASGI toolkit (routing,
requests, responses, middleware; the base of FastAPI) with nothing to configure that kg does not
use; uvicorn is its production server (HTTP/1.1 on h11, graceful shutdown); Jinja2 with
``autoescape=True`` escapes every value written into a page, which is what makes hostile article
text safe.  Flask + a WSGI server would do as well; Starlette was chosen because its thread-pool
hand-off (``anyio.to_thread``) gives each store query a time limit without blocking other requests.

* :mod:`kg.serve.app` -- the application (:func:`create_app`, :class:`ServeConfig`);
* :mod:`kg.serve.protocol` -- SPARQL 1.1 Protocol content negotiation and result formats;
* :mod:`kg.serve.data` -- what the pages show, from stored queries and a few queries of its own;
* :mod:`kg.serve.evidence` -- marking speaker, cue and target spans in a sentence.

:func:`serve` runs the application with uvicorn; ``kg serve`` (:mod:`kg.cli.serve`) opens the
store and checks the options first.
"""

from __future__ import annotations

from kg.serve.app import LOOPBACK_HOSTS, ServeConfig, create_app, is_loopback

__all__ = ["ServeConfig", "create_app", "serve", "is_loopback", "LOOPBACK_HOSTS"]


def serve(store, config: ServeConfig, *, log_level: str = "info") -> None:
    """Serve ``store`` until interrupted (Ctrl-C), with uvicorn on ``config.host:config.port``.

    The socket is bound here first, so a port in use is one clear error.

    :raises kg.errors.StoreError: E110 when the address cannot be bound (port in use, no such address).
    """
    import socket

    import uvicorn

    from kg.errors import Msg, StoreError

    host = config.host.strip("[]")
    try:
        infos = socket.getaddrinfo(host, config.port, type=socket.SOCK_STREAM)
        family, _, _, _, address = infos[0]
        sock = socket.socket(family, socket.SOCK_STREAM)
    except OSError as exc:
        raise StoreError(Msg.E110, host=config.host, port=config.port, reason=exc.strerror or str(exc)) from exc
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise StoreError(Msg.E110, host=config.host, port=config.port, reason=exc.strerror or str(exc)) from exc
    server = uvicorn.Server(uvicorn.Config(create_app(store, config), host=config.host, port=config.port,
                                           log_level=log_level, access_log=log_level == "debug",
                                           server_header=False, proxy_headers=False))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
