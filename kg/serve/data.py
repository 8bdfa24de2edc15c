"""What the pages of ``kg serve`` show, read from any :class:`kg.store.base.Store`.

The overview reuses :func:`kg.views.data.corpus_stats` and the stored queries ``publishers`` and
``top-speakers``; the stored-query pages run :mod:`kg.queries` as ``kg query`` does.  The actor
page's timeline and ego network count what the stored queries ``actor-timeline`` and
``actor-network`` count (statements made, neither negated nor hypothetical), but for one actor
bound as a constant and with no OPTIONAL, because pyoxigraph evaluates an OPTIONAL's right side
over the whole store (seconds on 2,000 articles, see ``benchmarks/bench_serve.py``); the page links
to the stored queries.  The statements of an actor or an article, with the character offsets of
the speaker's and targets' mentions to mark them in the evidence sentence, are asked in two
steps: the statements' IRIs and graphs, then the properties of the statements and of the nodes
they name in batched ``VALUES`` queries (:func:`statements`).  All in the ontology's terms
(``ontology/REFERENCE.md``: a ``kg:Statement`` has ``kg:actor``, ``kg:target``,
``kg:statementType``, ``kg:cue``, ``kg:sentence``, ``kg:actorMention``, ``kg:targetMention``; a
``kg:TextSpan`` has ``kg:startOffset``, ``kg:endOffset``, ``kg:text``; the article has
``schema:headline``, ``schema:datePublished``, ``schema:publisher``, ``schema:url``).  Every IRI
from a request is written into a query by :func:`kg.sparql_terms.iri` (absolute, escaped: a bad
one is refused).

Actor search is :func:`kg.queries.match_actor_names` (kg's forgiving matcher: :mod:`kg.names`
normalizer, surnames, transliteration keys, rapidfuzz) over the names and mention texts of the
store's actors, fetched once and kept for :attr:`ActorIndex.ttl` seconds.  An unlinked person is
one actor per article (``{ID}article/{key}/actor/{slug}``, :func:`kg.rdf.build.actor_iri`): a
search finds every same-named one, grouped by name, each with its article
(:func:`article_of_actor`), and the actor page of one lists that article's statements.
"""

from __future__ import annotations

import re
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from kg import sparql_terms
from kg.errors import Msg, QueryError
from kg.queries import Catalog, match_actor_names, run_stored
from kg.rdf.vocab import ID
from kg.serve.evidence import Mark, Segment, find_cue, mark
from kg.store.base import QueryResult, Term
from kg.views.data import corpus_stats

__all__ = [
    "ActorIndex", "Actor", "Evidence", "ArticleView", "Overview",
    "actor_view", "statements", "article_view", "overview", "kind_of_iri", "article_of_actor",
    "PREFIX", "Runner", "iri_term", "int_value",
]

PREFIX = """PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX kgt: <https://w3id.org/kg-news/statement-type/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

_CANDIDATES = PREFIX + """SELECT DISTINCT ?a ?name ?qid ?canonical WHERE { GRAPH ?g {
  { ?a kg:name ?name BIND (true AS ?canonical) } UNION { ?a kg:mention ?m . ?m kg:text ?name }
  OPTIONAL { ?a kg:qid ?qid } } }"""

_COUNTS = PREFIX + """SELECT ?a (COUNT(DISTINCT ?made) AS ?made_n) (COUNT(DISTINCT ?recv) AS ?received_n) WHERE {
  VALUES ?a { %s }
  { GRAPH ?g { ?made kg:actor ?a } } UNION { GRAPH ?h { ?recv kg:target ?a } }
} GROUP BY ?a"""

_ACTOR = PREFIX + """SELECT DISTINCT ?p ?o WHERE { VALUES ?a { %s } GRAPH ?g { ?a ?p ?o }
  FILTER (?p IN (rdf:type, kg:name, kg:qid, kg:role, kg:wikidataEntity, kg:country, kg:cameoCode)) } LIMIT 500"""

# the statements of an actor, to an actor or of an article (%s = the selecting pattern): IRIs and graphs
_SELECT_STATEMENTS = PREFIX + """SELECT DISTINCT ?s ?g WHERE { GRAPH ?g { %s ?s a kg:Statement } } LIMIT %d"""

# properties of nodes in their graphs (%s = VALUES pairs, %s = predicates): one pattern, no OPTIONAL,
# so the engine starts from the VALUES block (pyoxigraph evaluates an OPTIONAL's right side on its own)
_PROPS = PREFIX + """SELECT ?x ?g ?p ?o WHERE { VALUES (?x ?g) { %s } GRAPH ?g { ?x ?p ?o } FILTER (?p IN (%s)) }"""

_KG = "https://w3id.org/kg-news/ontology#"
_SCHEMA = "https://schema.org/"
_PROV = "http://www.w3.org/ns/prov#"
_STATEMENT_PROPS = [_KG + p for p in ("statementType", "actor", "index", "cue", "content", "negated", "hypothetical",
                                      "sentence", "actorMention", "target", "targetMention")] + [_PROV + "wasDerivedFrom"]
_NODE_PROPS = [_KG + p for p in ("text", "startOffset", "endOffset", "name", "qid")] + \
    [_SCHEMA + p for p in ("headline", "datePublished", "publisher", "url")]
_BATCH = 400

_ARTICLE = PREFIX + """SELECT ?headline ?date ?publisher ?url ?id WHERE { VALUES ?art { %s } GRAPH ?g {
  ?art a kg:Article .
  OPTIONAL { ?art schema:headline ?headline } OPTIONAL { ?art schema:datePublished ?date }
  OPTIONAL { ?art schema:publisher ?publisher } OPTIONAL { ?art schema:url ?url }
  OPTIONAL { ?art dcterms:identifier ?id } } } LIMIT 1"""

_ARTICLE_SENTENCES = PREFIX + """SELECT DISTINCT ?start ?end ?text WHERE { VALUES ?art { %s } GRAPH ?g {
  ?sp a kg:Sentence ; kg:inArticle ?art ; kg:startOffset ?start ; kg:endOffset ?end ; kg:text ?text } } LIMIT 5000"""

_ACTOR_IRI = str(ID) + "actor/"
#: characters between two stored sentences that are taken for white space (a space, a paragraph
#: break) rather than text the store does not hold
_GAP = 3
_ARTICLE_IRI = re.compile(re.escape(str(ID)) + r"article/[^/]+$")
_QID = re.compile(r"^[Qq]([1-9][0-9]*)$")

Runner = Callable[[str], QueryResult]


def kind_of_iri(iri: str) -> str | None:
    """``"actor"`` for a kg actor IRI (linked, unlinked, per-article), ``"article"`` for an article
    IRI, ``"statement"`` for a statement IRI, else ``None``."""
    if not iri.startswith(str(ID)):
        return None
    rest = iri[len(str(ID)):]
    if rest.startswith("actor/") or re.match(r"article/[^/]+/actor/", rest):
        return "actor"
    if re.fullmatch(r"article/[^/]+", rest):
        return "article"
    if re.fullmatch(r"article/[^/]+/statement/\d+", rest):
        return "statement"
    return None


_SCOPED_ACTOR = re.compile(re.escape(str(ID)) + r"article/([^/]+)/actor/[^/]+$")


def article_of_actor(iri: str) -> str | None:
    """The article IRI of an article-scoped actor IRI (``{ID}article/{key}/actor/{slug}``: an
    unlinked person or a description, :func:`kg.rdf.build.actor_iri`), else ``None``."""
    m = _SCOPED_ACTOR.match(iri)
    return f"{ID}article/{m.group(1)}" if m else None


def _article_heads(run: Runner, articles: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Article IRI -> (headline, date), each read in its own graph (``article/{key}`` -> ``graph/{key}``)."""
    pairs = [(a, f"{ID}graph/{a[len(str(ID) + 'article/'):]}") for a in articles]
    props = _props(run, pairs, [_SCHEMA + "headline", _SCHEMA + "datePublished"]) if pairs else {}
    return {a: (_one(props.get((a, g), {}), _SCHEMA + "headline"), _one(props.get((a, g), {}), _SCHEMA + "datePublished"))
            for a, g in pairs}


def _v(t: Term | None) -> str | None:
    return None if t is None else t.value


def int_value(t: Term | None) -> int | None:
    """The integer value of a literal term, else None."""
    try:
        return int(t.value) if t is not None else None
    except ValueError:
        return None


def iri_term(value: str) -> str:
    """``value`` as a SPARQL IRI term.  :raises QueryError: E111 for a value that is not an absolute IRI."""
    try:
        return sparql_terms.iri(value)
    except ValueError as exc:
        raise QueryError(Msg.E111, param="iri", reason=f"is not an IRI kg can look up ({exc})") from None


# ---------------------------------------------------------------------------------------------- search


class ActorIndex:
    """The names, mention texts and QIDs of the store's actors, for forgiving search.

    :param run: runs a SPARQL query on the store.
    :param ttl: seconds the candidates are kept before they are asked again (a store being loaded
        shows its new actors after that).
    """

    def __init__(self, run: Runner, ttl: float = 300.0) -> None:
        self.run = run
        self.ttl = ttl
        self._lock = threading.Lock()
        self._at = 0.0
        self._cands: list[tuple[str, str, str | None]] = []
        self._names: dict[str, str] = {}

    def candidates(self) -> list[tuple[str, str, str | None]]:
        """``(actor IRI, name or mention text, QID or None)``, fetched at most every ``ttl`` seconds."""
        with self._lock:
            if not self._cands or time.monotonic() - self._at > self.ttl:
                rows = self.run(_CANDIDATES).rows
                self._cands = [(str(r[0]), str(r[1]) if r[1] else "", str(r[2]) if r[2] else None) for r in rows]
                names: dict[str, str] = {}
                for r in rows:
                    if r[3] is not None and r[1] is not None:
                        iri, name = str(r[0]), str(r[1])
                        if iri not in names or (len(name), name) < (len(names[iri]), names[iri]):
                            names[iri] = name
                self._names = names
                self._at = time.monotonic()
            return self._cands

    def invalidate(self) -> None:
        """Forget the candidates (the store changed): the next search asks the store again."""
        with self._lock:
            self._cands = []

    def name(self, iri: str) -> str | None:
        """The actor's shortest canonical name (``kg:name``), or ``None``."""
        self.candidates()
        return self._names.get(iri)

    def resolve(self, text: str) -> list[str]:
        """Actor IRIs that ``text`` names (a name, a surname, a QID, an IRI; forgiving), best first;
        a QID no actor carries still maps to its linked-actor IRI (as :func:`kg.queries.store_actor_resolver`)."""
        found = match_actor_names(text, self.candidates())
        m = _QID.match(text.strip())
        if not found and m:
            found = [f"{_ACTOR_IRI}wd-Q{m.group(1)}"]
        return found

    def search(self, text: str, limit: int = 50) -> list[dict[str, object]]:
        """The actors ``text`` names: dicts of ``iri``, ``name`` (the shortest canonical name),
        ``qid``, ``made`` and ``received`` (statement counts), and for an article-scoped actor (an
        unlinked person: one actor per article) its ``article`` IRI, ``headline`` and ``date``
        (else ``None``).  Grouped by name (the names with most statements first), and within a
        name the actors with most statements first, then by date: the same-named unlinked persons
        of several articles come together, one row per article.

        :raises QueryError: E111 for an empty search.
        """
        if not text.strip():
            raise QueryError(Msg.E111, param="q", reason="is empty: type a name, a surname or a QID such as Q30")
        iris = match_actor_names(text, self.candidates())[: limit]
        if not iris:
            return []
        wanted = set(iris)
        qids = {i: q for i, _n, q in self.candidates() if q and i in wanted}
        names = self._names
        counts = {str(r[0]): (int_value(r[1]) or 0, int_value(r[2]) or 0)
                  for r in self.run(_COUNTS % " ".join(iri_term(i) for i in iris)).rows}
        out = [{"iri": i, "name": names.get(i, i), "qid": qids.get(i),
                "made": counts.get(i, (0, 0))[0], "received": counts.get(i, (0, 0))[1],
                "article": article_of_actor(i), "headline": None, "date": None} for i in iris]
        heads = _article_heads(self.run, sorted({str(d["article"]) for d in out if d["article"]}))
        for d in out:
            if d["article"]:
                d["headline"], d["date"] = heads[str(d["article"])]
        group: dict[str, int] = defaultdict(int)
        for d in out:
            group[str(d["name"])] += int(d["made"]) + int(d["received"])  # type: ignore[call-overload]
        out.sort(key=lambda d: (-group[str(d["name"])], str(d["name"]), -(d["made"] + d["received"]),  # type: ignore[operator]
                                str(d["date"] or "9999"), str(d["iri"])))
        return out


# ---------------------------------------------------------------------------------------------- actor


@dataclass(slots=True)
class Actor:
    """An actor's own properties: ``iri``, ``names`` (sorted), ``qid``, ``wikidata`` (entity IRI),
    ``kinds`` (``Person``, ``Organization`` ...), ``roles``, ``country`` (actor IRI) with its
    ``country_name`` (the country actor's ``kg:name``, else its QID), CAMEO codes, and for an
    article-scoped actor (an unlinked person) its ``article`` IRI and ``headline``."""

    iri: str
    names: list[str] = field(default_factory=list)
    qid: str | None = None
    wikidata: str | None = None
    kinds: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    cameo: list[str] = field(default_factory=list)
    country_name: str | None = None
    article: str | None = None
    headline: str | None = None

    @property
    def name(self) -> str:
        return self.names[0] if self.names else self.iri


_NAMES = PREFIX + """SELECT DISTINCT ?name WHERE { GRAPH ?g { %s kg:name ?name } } LIMIT 50"""


def _country_name(run: Runner, country: str, name_of: Callable[[str], str | None] | None) -> str:
    """The country actor's shortest ``kg:name`` (from ``name_of``, else the store), else its QID
    (``.../actor/wd-Q794`` -> ``Q794``), else the IRI's last part."""
    name = name_of(country) if name_of is not None else None
    if name is None:
        names = sorted((str(r[0]) for r in run(_NAMES % iri_term(country)).rows if r[0] is not None),
                       key=lambda n: (len(n), n))
        name = names[0] if names else None
    if name is None:
        local = country.rsplit("/", 1)[-1]
        name = local[3:] if local.startswith("wd-Q") else local
    return name


def actor_view(run: Runner, iri: str, name_of: Callable[[str], str | None] | None = None) -> Actor:
    """The actor ``iri``.

    :param name_of: an actor IRI's name when known (:meth:`ActorIndex.name`), for the country's label.
    :raises QueryError: E108 when the store has no such actor; E111 for a bad IRI.
    """
    rows = run(_ACTOR % iri_term(iri)).rows
    if not rows:
        raise QueryError(Msg.E108, what="Actor", value=iri)
    a = Actor(iri)
    kg_ns = "https://w3id.org/kg-news/ontology#"
    for p, o in rows:
        p_, o_ = _v(p) or "", _v(o) or ""
        local = p_[len(kg_ns):] if p_.startswith(kg_ns) else p_
        if p_.endswith("#type"):
            if o_.startswith(kg_ns) and o_ != kg_ns + "Actor":
                a.kinds.append(o_[len(kg_ns):])
        elif local == "name":
            a.names.append(o_)
        elif local == "qid":
            a.qid = o_
        elif local == "wikidataEntity":
            a.wikidata = o_
        elif local == "role":
            a.roles.append(o_)
        elif local == "country":
            a.country = o_ if o_ != iri else None
        elif local == "cameoCode":
            a.cameo.append(o_)
    a.names.sort(key=lambda s: (len(s), s))
    a.kinds.sort()
    a.roles.sort()
    if a.wikidata is None and a.qid:
        a.wikidata = f"http://www.wikidata.org/entity/{a.qid}"
    if a.country:
        a.country_name = _country_name(run, a.country, name_of)
    a.article = article_of_actor(iri)
    if a.article:
        a.headline = _article_heads(run, [a.article])[a.article][0]
    return a


@dataclass(slots=True)
class Evidence:
    """One statement with its evidence: the statement's IRI and index, ``type`` (``ACCUSE``), the
    speaker and targets (IRI, name, QID), the cue, content, flags, the sentence as marked
    :class:`~kg.serve.evidence.Segment` s, its offsets, and the article (IRI, headline, date,
    publisher, URL)."""

    iri: str
    index: int
    type: str
    actor: tuple[str, str, str | None]
    targets: list[tuple[str, str, str | None]]
    cue: str
    content: str | None
    negated: bool
    hypothetical: bool
    sentence: str
    start: int
    end: int
    segments: list[Segment]
    article: str
    headline: str | None
    date: str | None
    publisher: str | None
    url: str | None
    target_spans: list[tuple[int, int]] = field(default_factory=list)
    actor_span: tuple[int, int] | None = None


def _props(run: Runner, pairs: list[tuple[str, str]], preds: list[str]) -> dict[tuple[str, str], dict[str, list[str]]]:
    """(node IRI, graph IRI) -> predicate -> values, for the given predicates (batched VALUES queries)."""
    out: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    plist = ", ".join(f"<{p}>" for p in preds)
    uniq = list(dict.fromkeys(pairs))
    for i in range(0, len(uniq), _BATCH):
        block = " ".join(f"({iri_term(x)} {iri_term(g)})" for x, g in uniq[i:i + _BATCH])
        for x, g, p, o in run(_PROPS % (block, plist)).rows:
            if x is not None and g is not None and p is not None and o is not None:
                out[(x.value, g.value)][p.value].append(o.value)
    return out


def _one(props: dict[str, list[str]], pred: str) -> str | None:
    values = props.get(pred)
    return min(values) if values else None


def _offsets(props: dict[str, list[str]]) -> tuple[int, int] | None:
    try:
        return int(_one(props, _KG + "startOffset") or ""), int(_one(props, _KG + "endOffset") or "")
    except ValueError:
        return None


def _assemble(run: Runner, found: list[tuple[str, str]]) -> list[Evidence]:
    """Statements ``(IRI, graph)`` -> :class:`Evidence` (3 queries for up to :data:`_BATCH` statements)."""
    sprops = _props(run, found, _STATEMENT_PROPS)
    nodes: list[tuple[str, str]] = []
    for (s, g), p in sprops.items():
        for pred in ("sentence", "actorMention", "targetMention", "actor", "target"):
            nodes += [(o, g) for o in p.get(_KG + pred, [])]
        nodes += [(o, g) for o in p.get(_PROV + "wasDerivedFrom", [])]
    nprops = _props(run, nodes, _NODE_PROPS)
    out = []
    for (s, g), p in sprops.items():
        sent_iri = _one(p, _KG + "sentence")
        actor = _one(p, _KG + "actor")
        art = _one(p, _PROV + "wasDerivedFrom") or ""
        if sent_iri is None or actor is None:
            continue
        sp = nprops.get((sent_iri, g), {})
        sentence = _one(sp, _KG + "text") or ""
        soff = _offsets(sp) or (0, len(sentence))
        sstart, send = soff
        ap = nprops.get((actor, g), {})
        am = _one(p, _KG + "actorMention")
        aspan = _offsets(nprops.get((am, g), {})) if am else None
        targets = []
        for t in sorted(set(p.get(_KG + "target", []))):
            tp = nprops.get((t, g), {})
            targets.append((t, _one(tp, _KG + "name") or t, _one(tp, _KG + "qid")))
        # every kg:targetMention is a mention of one of the statement's targets (ontology/kg.ttl)
        tspans = [off for m in p.get(_KG + "targetMention", []) if (off := _offsets(nprops.get((m, g), {})))]
        tspans = sorted(set(tspans))
        marks = [Mark(a - sstart, b - sstart, "target") for a, b in tspans]
        if aspan:
            marks.append(Mark(aspan[0] - sstart, aspan[1] - sstart, "speaker"))
        cue = _one(p, _KG + "cue") or ""
        at = find_cue(sentence, cue, [(m.start, m.end) for m in marks])
        if at:
            marks.append(Mark(at[0], at[1], "cue"))
        artp = nprops.get((art, g), {})
        st = _one(p, _KG + "statementType") or ""
        try:
            index = int(_one(p, _KG + "index") or 0)
        except ValueError:
            index = 0
        out.append(Evidence(
            iri=s, index=index, type=st.rsplit("/", 1)[-1],
            actor=(actor, _one(ap, _KG + "name") or actor, _one(ap, _KG + "qid")),
            targets=sorted(targets, key=lambda x: x[1]), cue=cue, content=_one(p, _KG + "content"),
            negated=_one(p, _KG + "negated") in ("true", "1"), hypothetical=_one(p, _KG + "hypothetical") in ("true", "1"),
            sentence=sentence, start=sstart, end=send, segments=mark(sentence, marks), article=art,
            headline=_one(artp, _SCHEMA + "headline"), date=_one(artp, _SCHEMA + "datePublished"),
            publisher=_one(artp, _SCHEMA + "publisher"), url=_one(artp, _SCHEMA + "url"), target_spans=tspans,
            actor_span=aspan,
        ))
    out.sort(key=lambda x: (x.date or "9999", x.article, x.index))
    return out


def statements(run: Runner, *, actor: str | None = None, target: str | None = None, article: str | None = None,
               limit: int = 1000) -> list[Evidence]:
    """Statements made by ``actor``, or with ``target`` among their targets, or found in ``article``
    (IRIs; exactly one of them), with their evidence.

    :param limit: at most this many statements.
    :raises QueryError: E111 for a bad IRI.
    """
    if actor:
        pattern = f"?s kg:actor {iri_term(actor)} ."
    elif target:
        pattern = f"?s kg:target {iri_term(target)} ."
    elif article:
        pattern = f"?s prov:wasDerivedFrom {iri_term(article)} ."
    else:
        raise ValueError("statements() needs actor, target or article")
    found = [(r[0].value, r[1].value) for r in run(_SELECT_STATEMENTS % (pattern, int(limit))).rows
             if r[0] is not None and r[1] is not None]
    out: list[Evidence] = []
    for i in range(0, len(found), _BATCH):
        out += _assemble(run, found[i:i + _BATCH])
    out.sort(key=lambda x: (x.date or "9999", x.article, x.index))
    return out


def group_by_type(evidence: list[Evidence]) -> list[tuple[str, list[Evidence]]]:
    """Statements grouped by statement type, the biggest group first."""
    groups: dict[str, list[Evidence]] = defaultdict(list)
    for e in evidence:
        groups[e.type].append(e)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


@dataclass(slots=True)
class Passage:
    """A run of consecutive stored sentences of an article (``start``/``end`` offsets in the
    article's text) as marked segments; ``gap_before`` when text the store does not hold comes before."""

    start: int
    end: int
    segments: list[Segment]
    gap_before: bool


@dataclass(slots=True)
class ArticleView:
    """An article: ``iri``, metadata, its stored text as :class:`Passage` s with every statement's
    speaker, cue and target marked, and its statements."""

    iri: str
    headline: str | None
    date: str | None
    publisher: str | None
    url: str | None
    identifier: str | None
    passages: list[Passage]
    statements: list[Evidence]


def article_view(run: Runner, iri: str) -> ArticleView:
    """The article ``iri``.  kg stores the article's sentences that hold statements (``kg:Sentence``
    spans), not the whole text, so the page shows those sentences in text order, with a gap mark
    where the article has text the store does not hold.

    :raises QueryError: E108 when the store has no such article; E111 for a bad IRI.
    """
    meta = run(_ARTICLE % iri_term(iri))
    if not meta.rows:
        raise QueryError(Msg.E108, what="Article", value=iri)
    m = dict(zip(meta.columns, meta.rows[0]))
    sts = statements(run, article=iri, limit=20000)
    sentences = sorted({(int_value(r[0]) or 0, int_value(r[1]) or 0, _v(r[2]) or "")
                        for r in run(_ARTICLE_SENTENCES % iri_term(iri)).rows})
    marks: list[Mark] = []
    for e in sts:
        if e.actor_span:
            marks.append(Mark(*e.actor_span, "speaker", title=f"speaker: {e.actor[1]}"))
        for s, t in e.target_spans:
            marks.append(Mark(s, t, "target", title="target"))
        at = find_cue(e.sentence, e.cue, [(a - e.start, b - e.start) for a, b in e.target_spans + ([e.actor_span] if e.actor_span else [])])
        if at:
            marks.append(Mark(e.start + at[0], e.start + at[1], "cue", title=f"cue of {e.type}"))
        marks.append(Mark(e.start, e.end, "sentence", anchor=f"st-{e.index}"))
    passages: list[Passage] = []
    prev_end = 0
    for start, end, text in sentences:
        if start < prev_end:  # overlapping sentence spans: keep the first
            continue
        local = [Mark(mk.start - start, mk.end - start, mk.role, mk.anchor, mk.title)
                 for mk in marks if mk.start < end and mk.end > start]
        passages.append(Passage(start, end, mark(text, local), gap_before=start - prev_end > _GAP))
        prev_end = end
    return ArticleView(iri, _v(m["headline"]), _v(m["date"]), _v(m["publisher"]), _v(m["url"]), _v(m["id"]),
                       passages, sts)


# ---------------------------------------------------------------------------------------------- overview


@dataclass(slots=True)
class Overview:
    """The corpus overview: :class:`kg.views.data.Stats`, the ``publishers`` rows and the
    ``top-speakers`` rows."""

    stats: object
    publishers: list[dict[str, object]]
    speakers: list[dict[str, object]]


def overview(store, catalog: Catalog | None = None) -> Overview:
    """Counts, statement types, actor kinds, publishers and the most active speakers of the store."""
    return Overview(corpus_stats(store, catalog=catalog),
                    run_stored(store, "publishers", {"limit": "50"}, catalog=catalog).records(),
                    run_stored(store, "top-speakers", {"limit": "15"}, catalog=catalog).records())
