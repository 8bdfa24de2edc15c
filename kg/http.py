"""The one HTTP client of kg: ``requests`` sessions with retries, backoff, one
User-Agent, timeouts and basic auth, and the mapping of every failure to a
numbered :class:`kg.errors.EndpointError` that names the endpoint.

Used by the remote stores (:mod:`kg.store.sparql`, :mod:`kg.store.fuseki`) and by
online linking (:mod:`kg.link.online`); :mod:`kg.link.update` keeps SPARQLWrapper
(a chosen package for plain SPARQL SELECTs) but sends the same User-Agent
(:func:`user_agent`) and timeout.

Retries are urllib3's ``Retry`` mounted through ``requests``' ``HTTPAdapter``
(:func:`make_session`), set by :class:`HttpOptions`.  The store defaults retry
connection errors (refused, reset) and HTTP 502/503/504, ``retries`` times with
backoff ``backoff * 2**n`` seconds (at most ``backoff_max``), honouring a
``Retry-After`` header up to ``max_retry_after`` seconds.  Not retried by
default: any 4xx, and a read timeout (the same request would time out again; it
fails at once with E064).  Error mapping (:func:`send`, :func:`raise_for_status`):

=====================================  ======
connection refused / reset / DNS       E060
HTTP 401, 403                          E061
HTTP 404                               E062
other HTTP 4xx/5xx, with server text   E063
client timeout                         E064
=====================================  ======

User-Agent (Wikimedia User-Agent policy,
https://meta.wikimedia.org/wiki/User-Agent_policy: tool name/version, a way to
reach the operator, the library): ``kg/<version> (<project URL>; <contact>)
requests/<version>``; set ``KG_CONTACT`` to your e-mail or page.

Credentials never appear in messages, ``repr`` or logs: URLs are shown without
their user-info part (:func:`public_url`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

from kg import __version__
from kg.errors import EndpointError, Msg

__all__ = [
    "PROJECT_URL", "TRANSIENT_STATUS", "HttpOptions", "user_agent", "make_session", "send", "request",
    "public_url", "raise_for_status",
]

#: The project page named in the User-Agent.
PROJECT_URL = "https://pypi.org/project/kg/"

#: HTTP statuses retried by default (the server is overloaded or restarting).
TRANSIENT_STATUS = (502, 503, 504)

_STORE_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE"})


def user_agent(contact: str | None = None, library: str | None = None) -> str:
    """kg's User-Agent: ``kg/0.1.0 (https://pypi.org/project/kg/; <contact>) requests/2.x``.

    :param contact: e-mail or URL of the operator; default ``$KG_CONTACT``, else a hint to set it.
    :param library: the HTTP library named last (default ``requests/<version>``;
        :mod:`kg.link.update` passes ``SPARQLWrapper/<version>``).
    """
    contact = contact or os.environ.get("KG_CONTACT") or "set KG_CONTACT to your e-mail"
    return f"kg/{__version__} ({PROJECT_URL}; {contact}) {library or 'requests/' + requests.__version__}"


@dataclass(frozen=True, slots=True)
class HttpOptions:
    """Client settings of one session.

    :param timeout: seconds to wait for each read of the answer (and for the connection,
        unless ``connect_timeout`` is set).
    :param connect_timeout: seconds to wait for the connection, or ``None`` (= ``timeout``).
    :param retries: how many times a transient failure is retried (0 = never).
    :param connect_retries: retries of connection errors, or ``None`` (= ``retries``).
    :param read_retries: retries of read errors, or ``None`` (= ``retries``).
    :param retry_read_timeouts: also retry a read timeout (default False: fails at once).
    :param backoff: backoff factor in seconds (waits ``backoff * 2**(n-1)``, at most ``backoff_max``).
    :param backoff_max: longest backoff wait in seconds.
    :param retry_status: HTTP statuses that are retried (:data:`TRANSIENT_STATUS`).
    :param retry_methods: HTTP methods that are retried.
    :param max_retry_after: a ``Retry-After`` wait is capped at this many seconds.
    :param other_retries: retries of other errors (``None``: urllib3's default, no own limit).
    :param verify: verify TLS certificates.
    :param contact: operator contact for the User-Agent (:func:`user_agent`).
    """

    timeout: float = 30.0
    connect_timeout: float | None = None
    retries: int = 3
    connect_retries: int | None = None
    read_retries: int | None = None
    retry_read_timeouts: bool = False
    backoff: float = 0.5
    backoff_max: float = 30.0
    retry_status: tuple[int, ...] = TRANSIENT_STATUS
    retry_methods: frozenset[str] = _STORE_METHODS
    max_retry_after: float = 30.0
    other_retries: int | None = 0
    verify: bool = True
    contact: str | None = None

    @property
    def timeouts(self) -> float | tuple[float, float]:
        """What ``requests`` takes as ``timeout=``: one number, or ``(connect, read)``."""
        return self.timeout if self.connect_timeout is None else (self.connect_timeout, self.timeout)


class _Retry(Retry):
    """urllib3 Retry that may refuse to retry read timeouts and caps ``Retry-After``."""

    retry_read_timeouts: bool = False
    max_retry_after: float = 30.0

    def new(self, **kw: Any) -> "_Retry":
        obj = super().new(**kw)
        obj.retry_read_timeouts = self.retry_read_timeouts
        obj.max_retry_after = self.max_retry_after
        return obj

    def get_retry_after(self, response: Any) -> float | None:
        after = super().get_retry_after(response)
        return None if after is None else min(after, self.max_retry_after)

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):  # type: ignore[no-untyped-def,override]
        if isinstance(error, ReadTimeoutError) and not self.retry_read_timeouts:
            raise error
        return super().increment(method, url, response, error, _pool, _stacktrace)


def make_session(user: str | None = None, password: str | None = None,
                 options: HttpOptions | None = None) -> requests.Session:
    """A ``requests`` session with kg's User-Agent, basic auth (when ``user`` is given)
    and the retry policy of ``options`` mounted for http and https.

    Pass ``options.timeouts`` as each request's ``timeout`` (:func:`send` does).
    """
    options = options or HttpOptions()
    retry = _Retry(
        total=options.retries,
        connect=options.retries if options.connect_retries is None else options.connect_retries,
        read=options.retries if options.read_retries is None else options.read_retries,
        status=options.retries,
        other=options.other_retries,
        allowed_methods=options.retry_methods,
        status_forcelist=options.retry_status,
        backoff_factor=options.backoff,
        backoff_max=options.backoff_max,
        raise_on_status=False,
        respect_retry_after_header=True,
    )
    retry.retry_read_timeouts = options.retry_read_timeouts
    retry.max_retry_after = options.max_retry_after
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = user_agent(options.contact)
    session.verify = options.verify
    session.trust_env = True
    if user is not None:
        session.auth = (user, password or "")
    return session


def public_url(url: str) -> str:
    """``url`` without user-info and query string: what messages show."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _server_text(resp: requests.Response, limit: int = 300) -> str:
    text = resp.text or resp.reason or ""
    text = re.sub(r"<[^>]+>", " ", text) if "html" in resp.headers.get("Content-Type", "") else text
    text = " ".join(text.split())
    return (text[:limit] + "...") if len(text) > limit else (text or "no message")


def raise_for_status(resp: requests.Response, endpoint: str) -> None:
    """:raises EndpointError: E061/E062/E063 for an HTTP error answer (status >= 400)."""
    status = resp.status_code
    if status < 400:
        return
    if status in (401, 403):
        raise EndpointError(Msg.E061, endpoint=endpoint, status=status)
    if status == 404:
        raise EndpointError(Msg.E062, endpoint=endpoint)
    reason = _server_text(resp)
    if status == 405:
        reason += " (the endpoint is read-only or not this kind of endpoint; Fuseki serves --loc datasets read-only unless started with --update)"
    raise EndpointError(Msg.E063, endpoint=endpoint, status=status, reason=reason)


def _reason(exc: Exception) -> str:
    text = str(exc)
    for needle, short in (
        ("Connection refused", "connection refused"),
        ("Connection reset", "connection reset by the server"),
        ("RemoteDisconnected", "the server closed the connection"),
        ("Name or service not known", "unknown host name"),
        ("nodename nor servname", "unknown host name"),
        ("No route to host", "no route to host"),
        ("Max retries exceeded", "gave up after retries"),
    ):
        if needle in text:
            return short
    return re.sub(r"\s+", " ", text)[:200]


def send(session: requests.Session, method: str, url: str, options: HttpOptions, **kwargs: object) -> requests.Response:
    """Send one request (with the session's retries); the answer's status is not checked.

    :returns: the response, whatever its status (after the retries of ``options.retry_status``).
    :raises EndpointError: E064 on a client timeout, E060 when the server cannot be reached.
    """
    endpoint = public_url(url)
    try:
        return session.request(method, url, timeout=options.timeouts, **kwargs)  # type: ignore[arg-type]
    except requests.Timeout as exc:
        raise EndpointError(Msg.E064, endpoint=endpoint, timeout=options.timeout) from exc
    except requests.ConnectionError as exc:
        if isinstance(getattr(exc, "args", [None])[0], ReadTimeoutError) or "Read timed out" in str(exc):
            raise EndpointError(Msg.E064, endpoint=endpoint, timeout=options.timeout) from exc
        raise EndpointError(Msg.E060, endpoint=endpoint, reason=_reason(exc)) from exc
    except requests.RequestException as exc:
        raise EndpointError(Msg.E060, endpoint=endpoint, reason=_reason(exc)) from exc


def request(session: requests.Session, method: str, url: str, options: HttpOptions, **kwargs: object) -> requests.Response:
    """Send one request (with the session's retries) and check the answer.

    :returns: the response, status < 400.
    :raises EndpointError: E060-E064 (see module docstring).
    """
    resp = send(session, method, url, options, **kwargs)
    raise_for_status(resp, public_url(url))
    return resp
