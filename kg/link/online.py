"""Online linking: ask Wikidata for actors that the offline knowledge base leaves NIL.

:func:`online_linker` returns an :class:`OnlineLinker`, a drop-in
:class:`kg.link.resolve.Linker` (same ``link(result)`` and ``link_mention(...)``).
For every mention it first links offline; when the result is NIL (or a
QID-less PETRARCH entry; demonym groups such as "Iranian officials" stay offline)
and the surface looks like a proper name, it

1. asks the Wikidata API for candidates (``action=wbsearchentities``, English,
   :attr:`OnlineLinker.search_limit` results) with the surface stripped of
   titles and demonyms ("Army Gen. Martin Dempsey" -> "Martin Dempsey");
2. fetches their details with one SPARQL query (:data:`DETAILS_QUERY`): English
   label and aliases, P31 classes reduced to a KB kind through ``P279*``
   (:data:`TOP_CLASS_KIND`), P17 country / P27 citizenship, P39 positions held
   with P580/P582 start/end qualifiers, and the number of sitelinks;
3. turns them into KB entities (popularity = ``log10(1 + sitelinks) /
   log10(301)``, capped at 1; entities with fewer than ``min_sitelinks`` are
   dropped) and runs the *offline* disambiguation on them
   (:meth:`kg.link.kb.KnowledgeBase.with_entities` + :class:`Linker`): the same
   NER-label compatibility, role words, context rules, date against P39 dates,
   popularity prior, ambiguity factor and threshold.  A wrong QID is worse
   than none, so anything below the threshold stays NIL.

A QID-less PETRARCH entry (person, media, group) that the online step links keeps
its CAMEO code and dated roles (the online entity takes them over when the names agree).

HTTP (:class:`WikidataClient`): kg's one HTTP client (:mod:`kg.http`) with its
descriptive User-Agent (:func:`kg.http.user_agent`, Wikimedia User-Agent policy;
set ``KG_CONTACT`` to your e-mail or page), at most one request per
``min_interval`` seconds (default 1 s), retries with exponential backoff on
429/500/502/503/504 that honour ``Retry-After`` (capped), connect/read timeouts, and an on-disk JSON
cache (:func:`default_cache_dir`, one file per search and one per entity, with
``fetched_at`` timestamps and an expiry, default :data:`DEFAULT_EXPIRY_DAYS`
days; an expired entry is still used when the network is down).  When
Wikidata cannot be reached (connection error, timeout, or still throttled
after the retries) the client emits one :class:`OnlineFallbackWarning` and
makes no further requests in that run; linking goes on offline.

Endpoints: ``KG_WIKIDATA_API`` (default :data:`API_URL`), ``KG_WIKIDATA_SPARQL``
(default :data:`SPARQL_URL`), cache folder ``KG_WIKIDATA_CACHE``; or the
constructor arguments of :class:`WikidataClient`.

:func:`promote_cache` adds the cached online answers (the links the linker
accepted) into a local KB file, so the offline KB grows (``kg kb promote``).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import threading
import time
import warnings
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from kg import http
from kg.errors import EndpointError, Msg
from kg.link.kb import AMBIGUOUS_SHORT, Candidate, Entity, KnowledgeBase, Role
from kg.names import norm, phonetic
from kg.link.resolve import DEFAULT_THRESHOLD, Linker
from kg.link.wikidata_kinds import CLASS_KIND, kind_of_kinds
from kg.sparql_terms import prefixed_name

__all__ = [
    "API_URL", "SPARQL_URL", "DEFAULT_EXPIRY_DAYS", "DETAILS_QUERY", "TOP_CLASS_KIND",
    "OnlineFallbackWarning", "WikidataClient", "OnlineLinker", "online_linker", "promote_cache",
    "default_cache_dir", "user_agent", "entity_from_details",
]

API_URL = "https://www.wikidata.org/w/api.php"
SPARQL_URL = "https://query.wikidata.org/sparql"
DEFAULT_EXPIRY_DAYS = 30.0
#: HTTP statuses retried (with backoff or ``Retry-After``) before the client gives up and goes offline.
RETRY_STATUS = (429, 500, 502, 503, 504)

#: Top classes (reached by ``wdt:P31/wdt:P279*``) -> KB kind: kg's one map (:mod:`kg.link.wikidata_kinds`).
TOP_CLASS_KIND: dict[str, str] = CLASS_KIND

#: SPARQL for candidate details; ``{values}`` is replaced by ``wd:Q1 wd:Q2 ...`` and
#: ``{tops}`` by the classes of :data:`TOP_CLASS_KIND`.  Plain SPARQL 1.1 (no label
#: service), so any Wikidata-form endpoint works.
DETAILS_QUERY = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?item ?label ?sitelinks ?class ?top ?alias ?country ?citizenship ?position ?start ?end WHERE {
  VALUES ?item { {values} }
  OPTIONAL { ?item rdfs:label ?label . FILTER(LANG(?label) = "en") }
  OPTIONAL { ?item wikibase:sitelinks ?sitelinks }
  {
    ?item wdt:P31 ?class .
    OPTIONAL { VALUES ?top { {tops} } ?class wdt:P279* ?top }
  } UNION {
    ?item skos:altLabel ?alias . FILTER(LANG(?alias) = "en")
  } UNION {
    ?item wdt:P17 ?country
  } UNION {
    ?item wdt:P27 ?citizenship
  } UNION {
    ?item p:P39 ?st . ?st ps:P39 ?position .
    OPTIONAL { ?st pq:P580 ?start }
    OPTIONAL { ?st pq:P582 ?end }
  }
}"""

_QID = re.compile(r"(Q\d+)$")
_CONNECTORS = frozenset("of the and for al el bin ibn de da del la le van von der du dos y".split())
_PRONOUNS = frozenset("he she it they we i you him her them his its their this that who".split())


class OnlineFallbackWarning(UserWarning):
    """Wikidata could not be reached: linking goes on offline for the rest of the run."""


def default_cache_dir() -> Path:
    """``$KG_WIKIDATA_CACHE`` or the platformdirs user cache dir of kg plus ``wikidata``
    (``~/.cache/kg/wikidata`` on Linux)."""
    env = os.environ.get("KG_WIKIDATA_CACHE")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir  # noqa: PLC0415

    return Path(user_cache_dir("kg")) / "wikidata"


def user_agent(contact: str | None = None) -> str:
    """The User-Agent sent to Wikimedia: :func:`kg.http.user_agent` (tool name/version, a way to
    reach the operator, the library): ``kg/0.1.0 (https://pypi.org/project/kg/; <contact>) requests/2.x``.

    :param contact: e-mail or URL of the operator; default ``$KG_CONTACT``, else a hint to set it.
    """
    return http.user_agent(contact)


class _RateLimiter:
    """At most one call per ``interval`` seconds (thread-safe)."""

    def __init__(self, interval: float) -> None:
        self.interval = max(0.0, interval)
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = time.monotonic()
            if now < self._next:
                time.sleep(self._next - now)
                now = time.monotonic()
            self._next = now + self.interval


@dataclass(slots=True)
class ClientStats:
    """Counters of one :class:`WikidataClient`: HTTP requests sent (retries by urllib3 not
    counted), cache hits, failed requests."""

    requests: int = 0
    cache_hits: int = 0
    failures: int = 0


def _now() -> float:
    return time.time()


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).replace(microsecond=0).isoformat()


class WikidataClient:
    """Wikidata API + SPARQL client with cache, rate limit, retries and offline fallback.

    :param api_url: MediaWiki API URL (default ``$KG_WIKIDATA_API`` or :data:`API_URL`).
    :param sparql_url: SPARQL endpoint (default ``$KG_WIKIDATA_SPARQL`` or :data:`SPARQL_URL`).
    :param cache_dir: cache folder (default :func:`default_cache_dir`).
    :param expiry_days: age in days after which a cache entry is refreshed (used stale when offline).
    :param min_interval: minimum seconds between two requests (default 1.0: at most 1 request/s).
    :param timeout: read timeout in seconds; ``connect_timeout`` the connect timeout.
    :param retries: retries on 429/5xx (exponential backoff ``backoff_factor * 2**n`` s, or ``Retry-After``,
        capped at ``max_retry_after`` s); a connection error is retried once.
    :param contact: operator contact for the User-Agent (see :func:`user_agent`).
    """

    def __init__(self, api_url: str | None = None, sparql_url: str | None = None, *,
                 cache_dir: Path | str | None = None, expiry_days: float = DEFAULT_EXPIRY_DAYS,
                 min_interval: float = 1.0, timeout: float = 20.0, connect_timeout: float = 3.05,
                 retries: int = 3, backoff_factor: float = 0.5, max_retry_after: float = 60.0,
                 contact: str | None = None) -> None:
        self.api_url = api_url or os.environ.get("KG_WIKIDATA_API") or API_URL
        self.sparql_url = sparql_url or os.environ.get("KG_WIKIDATA_SPARQL") or SPARQL_URL
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.expiry_s = expiry_days * 86400.0
        self.options = http.HttpOptions(
            timeout=timeout, connect_timeout=connect_timeout, retries=retries, connect_retries=1, read_retries=1,
            retry_read_timeouts=True, backoff=backoff_factor, backoff_max=120.0, retry_status=RETRY_STATUS,
            retry_methods=frozenset({"GET", "POST"}), max_retry_after=max_retry_after, other_retries=None,
            contact=contact)
        self.timeout = self.options.timeouts
        self.available = True
        self.stats = ClientStats()
        self._limiter = _RateLimiter(min_interval)
        self.session = http.make_session(options=self.options)
        self.session.headers["Accept-Encoding"] = "gzip"
        self.user_agent = self.session.headers["User-Agent"]

    # ------------------------------------------------------------------ cache
    def _path(self, kind: str, key: str) -> Path:
        name = key if re.fullmatch(r"Q\d+", key) else hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        return self.cache_dir / kind / f"{name}.json"

    def _read(self, kind: str, key: str) -> tuple[dict[str, Any] | None, bool]:
        """(cached record or None, fresh?)"""
        p = self._path(kind, key)
        try:
            rec = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None, False
        if not isinstance(rec, dict) or rec.get("key") != key:
            return None, False
        return rec, (_now() - float(rec.get("fetched_at", 0))) < self.expiry_s

    def _write(self, kind: str, key: str, data: Any, source: str) -> None:
        p = self._path(kind, key)
        ts = _now()
        rec = {"key": key, "kind": kind, "source": source, "fetched_at": ts, "fetched": _iso(ts),
               "expires": _iso(ts + self.expiry_s), "data": data}
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            tmp = p.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_text(json.dumps(rec, ensure_ascii=False, indent=1), encoding="utf-8")
            tmp.replace(p)
        except OSError:  # a read-only cache only costs speed
            pass

    # ------------------------------------------------------------------ HTTP
    def _disable(self, url: str, reason: str) -> None:
        if self.available:
            self.available = False
            warnings.warn(Msg.E060.value.format(endpoint=url, reason=reason)
                          + " Linking goes on offline for the rest of this run.",
                          OnlineFallbackWarning, stacklevel=3)

    def _get(self, url: str, params: dict[str, str], accept: str) -> Any | None:
        """GET ``url`` and decode JSON; ``None`` on any failure (the first network failure
        disables the client)."""
        if not self.available:
            return None
        self._limiter.wait()
        self.stats.requests += 1
        try:
            resp = http.send(self.session, "GET", url, self.options, params=params, headers={"Accept": accept})
        except EndpointError as exc:
            self.stats.failures += 1
            reason = exc.fields.get("reason") or f"no answer within {self.options.timeout} s"
            self._disable(url, str(reason))
            return None
        if resp.status_code in RETRY_STATUS:
            self.stats.failures += 1
            self._disable(url, f"HTTP {resp.status_code} after retries")
            return None
        if resp.status_code != 200:
            self.stats.failures += 1
            warnings.warn(Msg.E063.value.format(endpoint=url, status=resp.status_code, reason=resp.text[:200]),
                          OnlineFallbackWarning, stacklevel=3)
            return None
        try:
            return resp.json()
        except ValueError:
            self.stats.failures += 1
            return None

    # ------------------------------------------------------------------ API
    def search(self, name: str, *, language: str = "en", limit: int = 7) -> list[dict[str, Any]]:
        """Candidates for ``name`` from ``wbsearchentities``: ``[{"id": "Q30", "label": ..., "description": ...}]``.

        Cached; an empty list when nothing is found or Wikidata is unreachable (and not cached).
        """
        key = json.dumps(["search", name, language, limit], ensure_ascii=False)
        rec, fresh = self._read("search", key)
        if rec is not None and (fresh or not self.available):
            self.stats.cache_hits += 1
            return rec["data"]
        params = {"action": "wbsearchentities", "search": name, "language": language, "uselang": language,
                  "type": "item", "limit": str(limit), "format": "json"}
        doc = self._get(self.api_url, params, "application/json")
        if not isinstance(doc, dict) or "search" not in doc:
            return rec["data"] if rec is not None else []
        hits = [{"id": h["id"], "label": h.get("label"), "description": h.get("description")}
                for h in doc.get("search", []) if isinstance(h, dict) and re.fullmatch(r"Q\d+", str(h.get("id")))]
        self._write("search", key, hits, self.api_url)
        return hits

    def details(self, qids: list[str]) -> dict[str, dict[str, Any]]:
        """Details of ``qids`` (one SPARQL request for the uncached ones):
        QID -> ``{"label", "aliases", "classes", "kinds", "country", "citizenship", "positions":
        [[QID, start, end]], "sitelinks"}``.  Missing when unknown or unreachable."""
        out: dict[str, dict[str, Any]] = {}
        stale: dict[str, dict[str, Any]] = {}
        need: list[str] = []
        for q in dict.fromkeys(qids):
            rec, fresh = self._read("entity", q)
            if rec is not None and fresh:
                self.stats.cache_hits += 1
                out[q] = rec["data"]
            else:
                need.append(q)
                if rec is not None:
                    stale[q] = rec["data"]
        if need:
            query = (DETAILS_QUERY.replace("{values}", " ".join(prefixed_name("wd", q) for q in need))
                     .replace("{tops}", " ".join(prefixed_name("wd", q) for q in TOP_CLASS_KIND)))
            doc = self._get(self.sparql_url, {"query": query, "format": "json"}, "application/sparql-results+json")
            if isinstance(doc, dict) and "results" in doc:
                fetched = _details_from_bindings(doc["results"].get("bindings", []))
                for q in need:
                    if q in fetched:
                        self._write("entity", q, fetched[q], self.sparql_url)
                        out[q] = fetched[q]
            else:
                for q, d in stale.items():
                    self.stats.cache_hits += 1
                    out[q] = d
        return out

    def record_link(self, surface: str, qid: str, score: float, replaces: str | None = None) -> None:
        """Remember an accepted online link (read by :func:`promote_cache`); ``replaces`` is the id of
        the QID-less KB entry (PETRARCH) whose CAMEO roles the online entity took."""
        key = json.dumps(["link", surface, qid], ensure_ascii=False)
        self._write("links", key, {"surface": surface, "qid": qid, "score": score, "replaces": replaces},
                    "kg.link.online")

    def cached_links(self) -> Iterator[dict[str, Any]]:
        """Accepted online links in the cache: ``{"surface", "qid", "score", "fetched"}``."""
        d = self.cache_dir / "links"
        for p in sorted(d.glob("*.json")) if d.is_dir() else []:
            try:
                rec = json.loads(p.read_text(encoding="utf-8"))
                yield {**rec["data"], "fetched": rec.get("fetched")}
            except (OSError, ValueError, KeyError, TypeError):
                continue

    def cached_entity(self, qid: str) -> dict[str, Any] | None:
        """Cached details of ``qid`` (fresh or not), else ``None``."""
        rec, _ = self._read("entity", qid)
        return rec["data"] if rec else None


def _qid_of(uri: str | None) -> str | None:
    m = _QID.search(uri or "")
    return m.group(1) if m else None


def _date_of(value: str | None) -> str | None:
    m = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", value or "")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _details_from_bindings(bindings: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for b in bindings:
        v = {k: (x.get("value") if isinstance(x, dict) else None) for k, x in b.items()}
        q = _qid_of(v.get("item"))
        if not q:
            continue
        d = out.setdefault(q, {"label": None, "aliases": [], "classes": [], "kinds": [], "country": None,
                               "citizenship": None, "positions": [], "sitelinks": 0})
        if v.get("label") and not d["label"]:
            d["label"] = v["label"]
        if v.get("sitelinks"):
            try:
                d["sitelinks"] = max(d["sitelinks"], int(float(v["sitelinks"])))
            except ValueError:
                pass
        c = _qid_of(v.get("class"))
        if c and c not in d["classes"]:
            d["classes"].append(c)
        top = _qid_of(v.get("top"))
        kind = TOP_CLASS_KIND.get(top or "") or TOP_CLASS_KIND.get(c or "")
        if kind and kind not in d["kinds"]:
            d["kinds"].append(kind)
        if v.get("alias") and v["alias"] not in d["aliases"]:
            d["aliases"].append(v["alias"])
        d["country"] = d["country"] or _qid_of(v.get("country"))
        d["citizenship"] = d["citizenship"] or _qid_of(v.get("citizenship"))
        pos = _qid_of(v.get("position"))
        if pos:
            role = [pos, _date_of(v.get("start")), _date_of(v.get("end"))]
            if role not in d["positions"]:
                d["positions"].append(role)
    return out


def popularity_of(sitelinks: int) -> float:
    """Popularity prior from the sitelinks count: ``log10(1 + n) / log10(301)``, capped at 1
    (300+ sitelinks -> 1.0, 10 -> 0.42, 1 -> 0.12)."""
    return round(min(1.0, math.log10(1 + max(0, sitelinks)) / math.log10(301)), 3)


def kind_of(details: dict[str, Any]) -> str:
    """KB kind of an item from its reduced classes (:data:`kg.link.wikidata_kinds.KIND_ORDER` priority), else ``"other"``."""
    return kind_of_kinds(details.get("kinds") or []) or "other"


def entity_from_details(qid: str, d: dict[str, Any]) -> Entity | None:
    """A KB :class:`Entity` for a fetched item (``None`` without an English label)."""
    if not d.get("label"):
        return None
    kind = kind_of(d)
    return Entity(
        id=qid, qid=qid, label=d["label"], aliases=[a for a in d.get("aliases", []) if a != d["label"]],
        kind=kind, country_qid=qid if kind == "country" else (d.get("country") or d.get("citizenship")),
        cameo_code=None, popularity=popularity_of(int(d.get("sitelinks") or 0)),
        roles=[Role(f"P39:{p}", s, e) for p, s, e in d.get("positions", [])],
    )


class OnlineLinker(Linker):
    """A :class:`Linker` that asks Wikidata for mentions the offline KB leaves NIL.

    :param kb: the offline knowledge base.
    :param client: the :class:`WikidataClient` (default: one with the environment's settings).
    :param threshold: confidence threshold, the same as offline by default.
    :param search_limit: candidates asked from ``wbsearchentities`` per mention.
    :param min_sitelinks: fetched items with fewer sitelinks are not candidates (an item without
        any Wikipedia article is rarely what a news text means).
    """

    def __init__(self, kb: KnowledgeBase, client: WikidataClient | None = None, *,
                 threshold: float = DEFAULT_THRESHOLD, search_limit: int = 7, min_sitelinks: int = 1) -> None:
        super().__init__(kb, threshold=threshold)
        self.client = client or WikidataClient()
        self.search_limit = search_limit
        self.min_sitelinks = min_sitelinks
        self._memo: dict[str, list[Entity]] = {}

    def _query_name(self, surface: str, ner_label: str | None) -> str | None:
        """The name to search for, or ``None`` when the surface is not a proper name."""
        s = re.sub(r"^(the|a|an)\s+", "", surface.strip(), flags=re.I)
        s = self._strip_prefixes(s).strip(" ,.;:")
        words = s.split()
        if not words or norm(s) in _PRONOUNS or len(norm(s)) < 2:
            return None
        letters = "".join(c for c in s if c.isalpha())
        if letters in AMBIGUOUS_SHORT and ner_label != "ORG":
            return None
        if self.kb.country_of_demonym(s) is not None:
            return None
        # every word capitalized (or a connector, a number): "Martin Dempsey", "Bank of England"
        if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _CONNECTORS for w in words):
            return None
        if not any(w[:1].isupper() for w in words):
            return None
        return s

    def _online_entities(self, name: str) -> list[Entity]:
        if name in self._memo:
            return self._memo[name]
        hits = self.client.search(name, limit=self.search_limit)
        details = self.client.details([h["id"] for h in hits]) if hits else {}
        ents = []
        for h in hits:
            d = details.get(h["id"])
            if d is None or int(d.get("sitelinks") or 0) < self.min_sitelinks:
                continue
            e = entity_from_details(h["id"], d)
            if e is not None:
                ents.append(e)
        if self.client.available or ents:
            self._memo[name] = ents
        return ents

    def link_mention(self, surface: str, *, context: str = "", ner_label: str | None = None,
                     date: str | None = None, start: int | None = None, as_actor: bool = True) -> Candidate | None:
        """As :meth:`Linker.link_mention`, with Wikidata candidates when the offline result is NIL
        or a QID-less PETRARCH entry; never raises on network errors (falls back to the offline result)."""
        ranked = self.candidates(surface, context=context, start=start, ner_label=ner_label, date=date,
                                 as_actor=as_actor, limit=1)
        offline = ranked[0] if ranked and ranked[0].score >= self.threshold else None
        if offline is not None and (offline.entity.qid or offline.entity.kind == "group"):
            return offline
        if not self.client.available and not self.client.cache_dir.exists():
            return offline
        name = self._query_name(surface, ner_label)
        if name is None:
            return offline
        ents = self._online_entities(name)
        if not ents:
            return offline
        # the best offline candidate, even under the threshold, when it is a QID-less PETRARCH entry
        petr = ranked[0].entity if ranked and not ranked[0].entity.qid and ranked[0].entity.kind != "group" else None
        if petr is not None:  # a QID-less PETRARCH entry: the online entity of that name takes its CAMEO roles
            key = phonetic(petr.label)
            ents = [replace(e, cameo_code=petr.cameo_code, roles=list(petr.roles) + list(e.roles))
                    if (e.kind == "person") == (petr.kind == "person")
                    and key in {phonetic(x) for x in [e.label, *e.aliases]} else e
                    for e in ents]
        small = Linker(self.kb.with_entities(ents), threshold=self.threshold)
        small._context_countries = self._context_countries  # type: ignore[method-assign]  # the full KB's names
        cand = small.link_mention(surface, context=context, ner_label=ner_label, date=date, start=start,
                                  as_actor=as_actor)
        if cand is None or not cand.entity.qid:
            return offline
        took = petr.id if petr is not None and petr.cameo_code and cand.entity.cameo_code == petr.cameo_code else None
        self.client.record_link(surface, cand.entity.qid, cand.score, took)
        return cand


def online_linker(kb: KnowledgeBase, *, client: WikidataClient | None = None, **kw: Any) -> OnlineLinker:
    """An :class:`OnlineLinker` over ``kb`` (what ``kg run --online`` uses).

    :param kb: offline KB (``kg.link.kb.default_kb()``).
    :param client: a configured :class:`WikidataClient`; default one from the environment
        (``KG_WIKIDATA_API``, ``KG_WIKIDATA_SPARQL``, ``KG_WIKIDATA_CACHE``, ``KG_CONTACT``).
    :param kw: ``threshold``, ``search_limit``, ``min_sitelinks`` for :class:`OnlineLinker`.
    """
    return OnlineLinker(kb, client, **kw)


def promote_cache(kb_path: Path | str, *, cache_dir: Path | str | None = None) -> dict[str, Any]:
    """Add the cached online answers (links accepted by :class:`OnlineLinker`, with the cached
    details of their items) into the KB file ``kb_path`` (rewritten in place).

    New items become entities (kind from their classes, popularity from sitelinks, P39 positions
    as ``P39:<QID>`` roles); known QIDs and unique QID-less PETRARCH persons of the same name
    are updated (:func:`kg.link.update.merge_items`).  Every added or updated entity records
    ``"source": "wikidata-online <YYYY-MM-DD>"`` (the date of the cached answer).

    :param kb_path: KB file (gzip JSON, e.g. :func:`kg.link.build.default_kb_path`).
    :param cache_dir: the online cache (default :func:`default_cache_dir`).
    :returns: ``{"links": n, "items": n, "added": n, "updated": n, "skipped": n, "path": str}``.
    :raises KnowledgeBaseError: (E040) if the KB file is missing or unreadable.
    """
    from kg.link.update import merge_items, read_kb_doc, write_kb_doc  # noqa: PLC0415

    kb_path = Path(kb_path)
    doc = read_kb_doc(kb_path)
    client = WikidataClient(cache_dir=cache_dir or default_cache_dir(), min_interval=0)
    links = list(client.cached_links())
    by_source: dict[str, dict[str, dict[str, Any]]] = {}
    skipped = 0
    for ln in links:
        q = ln.get("qid")
        d = client.cached_entity(q) if q else None
        if not d or not d.get("label"):
            skipped += 1
            continue
        kind = kind_of(d)
        day = (ln.get("fetched") or _iso(_now()))[:10]
        by_source.setdefault(f"wikidata-online {day}", {})[q] = {
            "label": d["label"], "aliases": list(d.get("aliases", [])), "classes": list(d.get("classes", [])),
            "kind": kind if kind != "other" else "organization",
            "country": q if kind == "country" else (d.get("country") or d.get("citizenship")),
            "roles": [[f"P39:{p}", s, e] for p, s, e in d.get("positions", [])],
            "popularity": popularity_of(int(d.get("sitelinks") or 0)),
            "replaces": ln.get("replaces"),
        }
    added = updated = 0
    for source, items in sorted(by_source.items()):
        a, u = merge_items(doc, items, source=source)
        added, updated = added + a, updated + u
        doc.setdefault("updates", []).append({"source": source, "items": len(items),
                                              "at": _iso(_now())})
    if by_source:
        write_kb_doc(doc, kb_path)
    return {"links": len(links), "items": sum(len(i) for i in by_source.values()), "added": added,
            "updated": updated, "skipped": skipped, "path": str(kb_path)}
