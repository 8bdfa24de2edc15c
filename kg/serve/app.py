"""The ``kg serve`` web application: a SPARQL 1.1 Protocol endpoint and pages to browse the graph.

Built on Starlette (ASGI; one small, well-kept framework, no ORM or sessions to configure) and
served by uvicorn; pages are Jinja2 templates with autoescaping on for every template, so every
article text, name and literal is HTML-escaped (Jinja2 ``autoescape=True``; no ``|safe`` on data
anywhere).  There is no JavaScript: the pages are plain HTML forms and links, the timeline and
the ego network inline SVG, the one style sheet ships in the package (``static/kg.css``) and is
served from memory, so the server works offline and no request path or parameter ever names a
file (stored queries are looked up by name in :class:`kg.queries.Catalog`'s own listing).

Routes: ``/`` corpus overview; ``/actors?q=`` actor search; ``/actor?iri=`` actor page;
``/article?iri=`` article page; ``/queries`` the stored-query catalog, ``/queries/{name}`` its form
and results (``_format=csv|tsv|json`` to download); ``/sparql`` the SPARQL endpoint (GET and POST,
a query form for browsers); ``/static/kg.css``; ``/health``.

Safety (see :class:`ServeConfig`): queries run in a bounded thread pool with a time limit (the
answer is given up after ``query_timeout`` seconds: the embedded store cannot interrupt a running
query, so its thread keeps its pool slot until it ends, which bounds the load), answers over
``max_rows`` rows are refused, request bodies over ``max_body`` bytes are refused, every response
carries a Content-Security-Policy that allows no script, frame or foreign resource; errors are an
error page with kg's numbered message, never a traceback; with a ``token`` every request needs it
(HTTP basic auth password or ``Authorization: Bearer``); on loopback the ``Host`` header must be a
loopback name (no DNS rebinding); updates only with ``allow_update`` (and so a token), never from
a page of another origin.
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import io
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit

import anyio
import anyio.to_thread
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from kg import __version__
from kg.errors import EndpointError, KgError, Msg, QueryError
from kg.queries import KINDS, QUERIES_DIR, Catalog, query_text
from kg.serve import charts, data, protocol
from kg.views.style import type_color

__all__ = ["ServeConfig", "create_app", "LOOPBACK_HOSTS", "is_loopback"]

log = logging.getLogger("kg.serve")
T = TypeVar("T")

#: Host names that mean this machine only.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    """True for ``localhost``, ``::1`` and any 127.0.0.0/8 address."""
    import ipaddress

    h = host.strip().strip("[]").lower()
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """How ``kg serve`` serves.

    :param host: address to bind (default loopback only).
    :param port: TCP port.
    :param token: the secret every request must carry (``None``: no credentials asked, which
        :func:`kg.cli.serve` allows on loopback only).
    :param allow_update: accept SPARQL updates on ``/sparql`` (needs ``token``).
    :param query_timeout: seconds a query (or a page's queries) may take before the answer is given up.
    :param max_rows: most result rows ``/sparql`` sends; more is refused (E104).
    :param page_rows: most rows a stored-query page shows (downloads send all, up to ``max_rows``).
    :param max_body: most bytes of a request body (E109 above).
    :param workers: queries running at once; more get E113.
    :param cache_seconds: how long the corpus overview (the slowest page: five stored queries over the
        whole store) is kept before it is computed again; it is first computed when the server starts.
    :param query_dirs: folders of stored queries (later ones override names of earlier ones).
    """

    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    allow_update: bool = False
    query_timeout: float = 30.0
    max_rows: int = 100_000
    page_rows: int = 1000
    max_body: int = 1_000_000
    workers: int = 4
    cache_seconds: float = 300.0
    query_dirs: tuple[Path, ...] = field(default_factory=lambda: (QUERIES_DIR,))


_STATUS = {"E020": 404, "E103": 503, "E104": 413, "E105": 403, "E106": 401, "E107": 406, "E108": 404,
           "E109": 413, "E113": 503, "E114": 403}
_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,100}$")


def _status(exc: KgError) -> int:
    if exc.code in _STATUS:
        return _STATUS[exc.code]
    if isinstance(exc, EndpointError):
        return 502
    if isinstance(exc, ValueError):  # UsageError, InputError, QueryError
        return 400
    return 500


def _safe_url(url: object) -> str | None:
    """``url`` when it is an http(s) URL (an article's schema:url is input: never a ``javascript:`` link)."""
    text = str(url or "")
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("kg.serve", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = _safe_url
    env.globals.update(type_color=type_color, kind_of_iri=data.kind_of_iri, version=__version__,
                       qs=lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")}))
    return env


class _Guard:
    """ASGI middleware: security headers on every answer; the token on every request when one is set."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    def _authorized(self, scope: Scope) -> bool:
        if self.token is None:
            return True
        for k, v in scope.get("headers", []):
            if k != b"authorization":
                continue
            value = v.decode("latin-1").strip()
            scheme, _, cred = value.partition(" ")
            given = None
            if scheme.lower() == "bearer":
                given = cred.strip()
            elif scheme.lower() == "basic":
                try:
                    given = base64.b64decode(cred.strip(), validate=True).decode("utf-8").partition(":")[2]
                except (ValueError, UnicodeDecodeError):
                    given = None
            if given is not None and hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8")):
                return True
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", _CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
                            (b"cache-control", b"no-store")]
                message = {**message, "headers": headers}
            await send(message)

        if not self._authorized(scope):
            text = Msg.E106.format(path=scope.get("path", "/"))
            resp = PlainTextResponse(text + "\n", status_code=401, headers={"WWW-Authenticate": 'Basic realm="kg serve"'})
            await resp(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def create_app(store, config: ServeConfig | None = None) -> Starlette:
    """The web application over ``store`` (any :class:`kg.store.base.Store`, opened by the caller,
    who closes it after the server stops).

    :param config: limits and credentials (:class:`ServeConfig`).
    :returns: a Starlette ASGI application (run it with uvicorn).
    """
    cfg = config or ServeConfig()
    env = _environment()
    catalog = Catalog(list(cfg.query_dirs))
    limiter = anyio.CapacityLimiter(max(1, cfg.workers))
    index = data.ActorIndex(store.query)
    css = resources.files("kg.serve").joinpath("static", "kg.css").read_bytes()

    async def in_thread(fn: Callable[[], T]) -> T:
        """``fn()`` in the query pool, given up after ``query_timeout`` s (E103); E113 when the pool is full."""
        if limiter.available_tokens < 1:
            raise QueryError(Msg.E113, running=int(limiter.total_tokens))
        try:
            with anyio.fail_after(cfg.query_timeout):
                return await anyio.to_thread.run_sync(fn, limiter=limiter, abandon_on_cancel=True)
        except TimeoutError:
            raise QueryError(Msg.E103, seconds=f"{cfg.query_timeout:g}") from None

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(template).render(request_path=request.url.path, **context)
        return HTMLResponse(html, status_code=status)

    def error_page(request: Request, exc: Exception) -> Response:
        if isinstance(exc, KgError):
            status, message = _status(exc), str(exc)
        elif isinstance(exc, HTTPException):
            status = exc.status_code
            message = Msg.E108.format(what="Page", value=request.url.path) if status == 404 else str(exc.detail)
        else:
            log.exception("kg serve: %s %s failed", request.method, request.url.path)
            status, message = 500, Msg.E112.format(kind=type(exc).__name__)
        headers = {"WWW-Authenticate": 'Basic realm="kg serve"'} if status == 401 else None
        if request.url.path.startswith("/sparql") or "text/html" not in request.headers.get("accept", ""):
            return PlainTextResponse(message + "\n", status_code=status, headers=headers)
        return page(request, "error.html", status=status, message=message, code=status)

    async def read_body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cfg.max_body:
            raise QueryError(Msg.E109, size=int(declared), max=cfg.max_body)
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > cfg.max_body:
                raise QueryError(Msg.E109, size=size, max=cfg.max_body)
            chunks.append(chunk)
        return b"".join(chunks)

    # ------------------------------------------------------------------------------------ pages

    overview_cache: dict[str, tuple[float, data.Overview]] = {}
    overview_lock = threading.Lock()

    def cached_overview() -> data.Overview:
        """The overview, computed at most once every ``cache_seconds`` (one computation at a time)."""
        with overview_lock:
            hit = overview_cache.get("overview")
            if hit is None or time.monotonic() - hit[0] > cfg.cache_seconds:
                hit = (time.monotonic(), data.overview(store, catalog=catalog))
                overview_cache["overview"] = hit
            return hit[1]

    def warm_up() -> None:
        """Fill the overview cache and the actor index in the background, so the first visitor does not wait."""
        try:
            cached_overview()
            index.candidates()
        except Exception:  # the pages report the same error when they are asked for
            log.warning("kg serve: warming up failed", exc_info=True)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette):  # type: ignore[no-untyped-def]
        threading.Thread(target=warm_up, name="kg-serve-warm-up", daemon=True).start()
        yield

    async def home(request: Request) -> Response:
        ov = await in_thread(cached_overview)
        return page(request, "overview.html", ov=ov, store=store.location)

    async def actors(request: Request) -> Response:
        q = request.query_params.get("q", "")
        found = None
        if q.strip():
            found = await in_thread(lambda: index.search(q))
            if len(found) == 1 and re.fullmatch(r"[Qq][1-9][0-9]*", q.strip()):
                return RedirectResponse("/actor?" + urlencode({"iri": found[0]["iri"]}), status_code=303)
        return page(request, "actors.html", q=q, found=found)

    def _param(request: Request, name: str) -> str:
        value = request.query_params.get(name, "").strip()
        if not value:
            raise QueryError(Msg.E111, param=name, reason="is missing: follow a link from the actors or queries pages")
        return value

    actor_rows = min(cfg.page_rows, 100)  # statements per direction on an actor page (the stored queries give all)

    async def actor(request: Request) -> Response:
        iri = _param(request, "iri")

        def build() -> dict[str, Any]:
            a = data.actor_view(store.query, iri, index.name)
            by = data.statements(store.query, actor=iri, limit=actor_rows)
            about = data.statements(store.query, target=iri, limit=actor_rows)
            return {"actor": a, "by": data.group_by_type(by), "about": data.group_by_type(about),
                    "n_by": len(by), "n_about": len(about), "timeline": charts.timeline(store.query, iri),
                    "network": charts.ego_network(store.query, iri, index.name), "page_rows": actor_rows}

        return page(request, "actor.html", **(await in_thread(build)))

    async def article(request: Request) -> Response:
        iri = _param(request, "iri")
        view = await in_thread(lambda: data.article_view(store.query, iri))
        return page(request, "article.html", art=view)

    async def queries(request: Request) -> Response:
        return page(request, "queries.html", queries=catalog.list())

    async def stored(request: Request) -> Response:
        name = request.path_params["name"]
        if not _NAME.match(name):
            raise QueryError(Msg.E020, name=name[:100], hint="")
        sq = catalog.get(name)
        given = {p.name: request.query_params.get(p.name, "") for p in sq.params}
        fmt = request.query_params.get("_format", "")
        run = request.query_params.get("_run") == "1" or bool(fmt)
        result, unmatched, shown = None, [], None
        if run:
            values = {k: v for k, v in given.items() if v.strip() != ""}

            def go():
                missing = [f"{p.name}={values[p.name]!r}" for p in sq.params
                           if p.kind == "actor" and p.name in values and not index.resolve(values[p.name])]
                return store.query(query_text(store, sq, values, resolve_actor=index.resolve)), missing

            result, unmatched = await in_thread(go)
            if len(result.rows) > cfg.max_rows:
                raise QueryError(Msg.E104, max=cfg.max_rows)
            if fmt:
                from kg.output import render

                if fmt not in ("csv", "tsv", "json", "jsonl"):
                    raise QueryError(Msg.E111, param="_format", reason="must be csv, tsv, json or jsonl")
                buf = io.StringIO()
                render(result, fmt, buf)
                media = {"csv": "text/csv", "tsv": "text/tab-separated-values", "json": "application/json",
                         "jsonl": "application/x-ndjson"}[fmt]
                return Response(buf.getvalue().encode("utf-8"), media_type=f"{media}; charset=utf-8",
                                headers={"Content-Disposition": f'attachment; filename="{sq.name}.{fmt}"'})
            shown = result.rows[: cfg.page_rows]
        return page(request, "query.html", sq=sq, given=given, kinds=KINDS, result=result, shown=shown,
                    unmatched=unmatched, ran=run, download=lambda f: f"/queries/{sq.name}?" + urlencode(
                        {**{k: v for k, v in given.items() if v}, "_format": f}))

    # ------------------------------------------------------------------------------------ SPARQL

    async def sparql(request: Request) -> Response:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        params: list[tuple[str, str]] = list(request.query_params.multi_items())
        body_text: str | None = None
        if request.method == "POST":
            raw = await read_body(request)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise QueryError(Msg.E111, param="body", reason="is not UTF-8 text") from None
            if ctype == "application/x-www-form-urlencoded":
                params += parse_qsl(text, keep_blank_values=True)
            elif ctype in ("application/sparql-query", "application/sparql-update"):
                body_text = text
            else:
                raise QueryError(Msg.E102, path="/sparql", what="query or update (Content-Type "
                                 f"{ctype or 'none'} is not application/x-www-form-urlencoded, "
                                 "application/sparql-query or application/sparql-update)")
        values: dict[str, list[str]] = {}
        for k, v in params:
            values.setdefault(k, []).append(v)
        for k in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
            if values.get(k):
                raise QueryError(Msg.E111, param=k, reason="is not supported here: name the graphs in the query "
                                 "(FROM, FROM NAMED, GRAPH) instead")
        update = (body_text if ctype == "application/sparql-update" else None) or (values.get("update") or [None])[0]
        query = (body_text if ctype == "application/sparql-query" else None) or (values.get("query") or [None])[0]
        if update is not None:
            if request.method != "POST":
                raise QueryError(Msg.E111, param="update", reason="must be sent with POST (SPARQL 1.1 Protocol 2.2)")
            if not cfg.allow_update:
                raise QueryError(Msg.E105)
            origin = request.headers.get("origin")
            if origin and urlsplit(origin).netloc != request.headers.get("host", ""):
                raise QueryError(Msg.E114, origin=origin[:200])
            await in_thread(lambda: store.update(update))
            index.invalidate()  # the store changed: ask for the actors again
            return PlainTextResponse("update done\n")
        if query is None:
            if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
                return page(request, "sparql.html", query=_EXAMPLE, result=None)
            raise QueryError(Msg.E102, path="/sparql", what="query")
        if len(query) > cfg.max_body:
            raise QueryError(Msg.E109, size=len(query.encode("utf-8")), max=cfg.max_body)
        fmt = (values.get("format") or [None])[0]
        started = time.monotonic()
        result = await in_thread(lambda: store.query(query))
        if len(result.rows) > cfg.max_rows:
            raise QueryError(Msg.E104, max=cfg.max_rows)
        if fmt == "html":
            return page(request, "sparql.html", query=query, result=result, shown=result.rows[: cfg.page_rows],
                        seconds=time.monotonic() - started)
        media = protocol.negotiate(result.kind, request.headers.get("accept"), fmt)
        body = protocol.serialize_result(result, media)
        charset = "" if media.endswith("json") else "; charset=utf-8"
        return Response(body, media_type=media + charset, headers={"Vary": "Accept"})

    async def stylesheet(request: Request) -> Response:
        return Response(css, media_type="text/css; charset=utf-8")

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok\n")

    routes = [
        Route("/", home), Route("/actors", actors), Route("/actor", actor), Route("/article", article),
        Route("/queries", queries), Route("/queries/{name}", stored), Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/static/kg.css", stylesheet), Route("/health", health),
    ]
    middleware = [Middleware(_Guard, token=cfg.token)]
    if is_loopback(cfg.host):
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]", "::1"]))
    handlers: dict[Any, Callable[..., Any]] = {Exception: error_page, HTTPException: error_page, KgError: error_page}
    app = Starlette(routes=routes, middleware=middleware, exception_handlers=handlers, lifespan=lifespan)
    app.state.index = index
    return app


_EXAMPLE = """PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX kgt: <https://w3id.org/kg-news/statement-type/>
SELECT ?speaker ?target (COUNT(*) AS ?statements) WHERE {
  GRAPH ?g {
    ?s kg:statementType kgt:ACCUSE ; kg:actor ?a ; kg:target ?t .
    ?a kg:name ?speaker . ?t kg:name ?target .
  }
} GROUP BY ?speaker ?target ORDER BY DESC(?statements) LIMIT 20
"""
