"""HTTP plumbing of the remote backends: one ``requests`` session with basic
auth, client timeouts, retries with exponential backoff (urllib3 ``Retry``),
and the mapping of every failure to a :class:`kg.errors.EndpointError`.

Retried: connection errors (refused, reset) and HTTP 502/503/504, ``retries``
times with backoff ``backoff * 2**n`` seconds.  Not retried: any 4xx, and a
read timeout (the same request would time out again; it fails at once with
E064).  Error mapping:

=====================================  ======
connection refused / reset / DNS       E060
HTTP 401, 403                          E061
HTTP 404                               E062
other HTTP 4xx/5xx, with server text   E063
client timeout                         E064
=====================================  ======

Credentials never appear in messages, ``repr`` or logs: URLs are shown without
their user-info part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

from kg.errors import EndpointError, Msg

__all__ = ["HttpOptions", "make_session", "request", "public_url", "raise_for_status"]

TRANSIENT_STATUS = (502, 503, 504)


@dataclass(frozen=True, slots=True)
class HttpOptions:
    """Client settings.

    :param timeout: seconds to wait for the connection and for each read of the answer.
    :param retries: how many times a transient failure is retried (0 = never).
    :param backoff: backoff factor in seconds (waits ``backoff * 2**(n-1)``, at most 30 s).
    :param verify: verify TLS certificates.
    """

    timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5
    verify: bool = True


class _Retry(Retry):
    """urllib3 Retry that does not retry read timeouts (see module docstring)."""

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):  # type: ignore[no-untyped-def,override]
        if isinstance(error, ReadTimeoutError):
            raise error
        return super().increment(method, url, response, error, _pool, _stacktrace)


def make_session(user: str | None, password: str | None, options: HttpOptions) -> requests.Session:
    """A session with auth and the retry policy mounted for http and https."""
    retry = _Retry(
        total=options.retries,
        connect=options.retries,
        read=options.retries,
        status=options.retries,
        other=0,
        allowed_methods=frozenset({"GET", "HEAD", "POST", "PUT", "DELETE"}),
        status_forcelist=TRANSIENT_STATUS,
        backoff_factor=options.backoff,
        backoff_max=30,
        raise_on_status=False,
        respect_retry_after_header=True,
        retry_after_max=30,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
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
    """:raises EndpointError: E061/E062/E063 for an HTTP error answer."""
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


def request(
    session: requests.Session,
    method: str,
    url: str,
    options: HttpOptions,
    **kwargs: object,
) -> requests.Response:
    """Send one request (with the session's retries) and check the answer.

    :returns: the response, status < 400.
    :raises EndpointError: E060-E064 (see module docstring).
    """
    endpoint = public_url(url)
    try:
        resp = session.request(method, url, timeout=options.timeout, **kwargs)  # type: ignore[arg-type]
    except requests.Timeout as exc:
        raise EndpointError(Msg.E064, endpoint=endpoint, timeout=options.timeout) from exc
    except requests.ConnectionError as exc:
        if isinstance(getattr(exc, "args", [None])[0], ReadTimeoutError) or "Read timed out" in str(exc):
            raise EndpointError(Msg.E064, endpoint=endpoint, timeout=options.timeout) from exc
        raise EndpointError(Msg.E060, endpoint=endpoint, reason=_reason(exc)) from exc
    except requests.RequestException as exc:
        raise EndpointError(Msg.E060, endpoint=endpoint, reason=_reason(exc)) from exc
    raise_for_status(resp, endpoint)
    return resp
