"""Build RDF from kg's statement model: one named graph per article.

IRI scheme (all under :data:`kg.rdf.vocab.ID`, ``https://w3id.org/kg-news/id/``;
every path segment is a :func:`kg.model.slugify` slug or a number, so IRIs
never hold spaces, ``>`` or other characters that need escaping):

=====================  =====================================================
named graph            ``graph/{article.key}``
article                ``article/{article.key}``
sentence               ``article/{article.key}/sentence/{start}-{end}``
mention                ``article/{article.key}/mention/{start}-{end}``
statement              ``article/{article.key}/statement/{statement.index}``
actor                  ``actor/wd-Q30`` (linked, across articles), ``actor/name-{slug}``
                       (an unlinked organisation, country or group name, across articles), or
                       ``article/{article.key}/actor/{slug}`` (an unlinked person, or a
                       description such as "officials": within the article only)
run                    ``run/{run.key}``
knowledge-base file    ``kb/{slug of file name}-{16 hex of its SHA-256}`` (``prov:used`` by the run)
=====================  =====================================================

``article.key`` is the slug of the article id, so the same article and text
give the same IRIs; actors linked to the same QID share one IRI across
articles, unlinked persons merge within their article only (:func:`actor_iri`).  No blank nodes are produced, so reloading an article's graph
replaces it exactly.

Literals: lone surrogates (``\\ud800``-``\\udfff``, which UTF-8 cannot encode)
are replaced by U+FFFD, one for one, so character offsets stay valid.  All
other characters (quotes, backslashes, newlines, control characters, emoji)
are kept; the serializers escape them.

What each article graph holds: the article (``kg:Article``: dcterms:identifier,
schema:headline, schema:datePublished as xsd:date when the date is ISO
``YYYY-MM-DD...``, schema:publisher as a plain literal, schema:url as an IRI
when it is an absolute IRI after percent-encoding, kg:contentHash), its
statements, their sentences, the actors they name (types, kg:name, role,
QID, Wikidata entity, link confidence, CAMEO code, country, mentions) and the
extraction run (``kg:ExtractionRun``: kg and model versions, linking mode, the
knowledge-base files it used with their SHA-256 and ``kg:settingsDigest`` of all
these, which :mod:`kg.run.resume` compares).  Derived direct edges (``kg:accused``
...) are not written; see ``queries/derive-direct-edges.rq``.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol
from urllib.parse import quote

import pyoxigraph
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from kg.model import Actor, ActorKind, Article, ArticleResult, ExtractionRun, Span, Statement, slugify
from kg.rdf.vocab import ID, KG, KGT, SCHEMA, WD, bind_prefixes

__all__ = [
    "article_iri",
    "article_graph_iri",
    "ARTICLE_METADATA",
    "article_metadata",
    "sentence_iri",
    "mention_iri",
    "statement_iri",
    "actor_iri",
    "person_slugs",
    "run_iri",
    "kb_file_iri",
    "clean_text",
    "safe_iri",
    "build_article_graph",
    "article_lines",
    "build_dataset",
]

_QID = re.compile(r"^Q[1-9][0-9]*$")
_SURROGATES = re.compile("[\ud800-\udfff]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# Printable ASCII that may stay as is in an IRI (everything but space, "<>\"{}|\\^`").
_IRI_SAFE = "!#$%&'()*+,-./:;=?@[]_~"

class _Sink(Protocol):
    """What the builders add triples to: an :class:`rdflib.Graph` or a :class:`_LineSink`."""

    def add(self, triple: tuple) -> object: ...


_KIND_CLASS = {
    ActorKind.PERSON: KG.Person,
    ActorKind.ORGANIZATION: KG.Organization,
    ActorKind.COUNTRY: KG.Country,
    ActorKind.GROUP: KG.Group,
}


# --------------------------------------------------------------------------- IRIs


def article_key(article_id: str) -> str:
    """The key of an article id, as :attr:`kg.model.Article.key`."""
    return slugify(article_id, max_len=120)


def article_iri(article: Article) -> URIRef:
    """IRI of the article node: ``{ID}article/{article.key}``."""
    return ID[f"article/{article.key}"]


def article_graph_iri(article: Article) -> URIRef:
    """IRI of the article's named graph: ``{ID}graph/{article.key}`` (deterministic)."""
    return ID[f"graph/{article.key}"]


def sentence_iri(article: Article, span: Span) -> URIRef:
    """IRI of a sentence span: ``{ID}article/{key}/sentence/{start}-{end}``."""
    return ID[f"article/{article.key}/sentence/{int(span.start)}-{int(span.end)}"]


def mention_iri(article: Article, span: Span) -> URIRef:
    """IRI of a mention span: ``{ID}article/{key}/mention/{start}-{end}``."""
    return ID[f"article/{article.key}/mention/{int(span.start)}-{int(span.end)}"]


def statement_iri(statement: Statement) -> URIRef:
    """IRI of a statement: ``{ID}article/{slug of article_id}/statement/{index}``."""
    return ID[f"article/{article_key(statement.article_id)}/statement/{int(statement.index)}"]


def valid_qid(qid: str | None) -> str | None:
    """``qid`` when it is a well-formed Wikidata item id (``Q`` + digits), else None."""
    return qid if qid and _QID.match(qid) else None


def actor_iri(actor: Actor, article: Article | None = None, persons: frozenset[str] = frozenset()) -> URIRef:
    """IRI of an actor (see the module doc's table).

    * linked (a well-formed QID): ``{ID}actor/wd-Q30``, the same in every article
      ("Javad Zarif" and "Mohammad Javad Zarif" in two articles are one node);
    * an unlinked person (:attr:`kg.model.ActorKind.PERSON`), with ``article`` given:
      ``{ID}article/{article.key}/actor/{slug}``.  A name without a QID does not say
      which person it is ("John Smith" in two articles may be two people), so
      unlinked persons merge within their article only (issue 15);
    * an unlinked description without a capital letter ("government", "police",
      "all parties"), with ``article`` given: also article-scoped, it names no one
      across articles;
    * any other unlinked name (an organisation, country, group or other name with a
      capital: "Hamas", "Iranian officials"): ``{ID}actor/name-{slug of name}``, one
      node across articles.  Such names are far less ambiguous than a person's name
      (an unlinked "Hamas" in two articles is the same group), and merging them keeps
      the cross-article counts of event data (CAMEO-style actors) for what the KB
      lacks.

    Without ``article`` every unlinked actor gets the name IRI (no article to scope
    it to).  A malformed QID counts as unlinked (it cannot become a safe IRI).

    :param persons: slugs of the names of the article's unlinked persons
        (:func:`person_slugs`): an unlinked actor of another kind with one of these
        names (a mention NER typed otherwise) is the same article-scoped node.
    """
    qid = valid_qid(actor.qid)
    if qid:
        return ID[f"actor/wd-{qid}"]
    slug = slugify(actor.name)
    if article is not None and (actor.kind is ActorKind.PERSON or slug in persons or is_generic_name(actor.name)):
        return ID[f"article/{article.key}/actor/{slug}"]
    return ID[f"actor/name-{slug}"]


def person_slugs(result: ArticleResult) -> frozenset[str]:
    """Slugs of the names of the unlinked persons (:attr:`kg.model.ActorKind.PERSON`, no
    valid QID) among the actors, speakers and targets of ``result``, for :func:`actor_iri`."""
    out = set()
    for actor in _all_actors(result):
        if actor.kind is ActorKind.PERSON and not valid_qid(actor.qid):
            out.add(slugify(actor.name))
    return frozenset(out)


def _all_actors(result: ArticleResult) -> Iterable[Actor]:
    yield from result.actors
    for st in result.statements:
        yield st.actor
        yield from st.targets


def is_generic_name(name: str) -> bool:
    """A common-noun description rather than a name: no capital letter ("officials",
    "the government", "all other groups")."""
    return not any(ch.isupper() for ch in name)


def country_iri(qid: str) -> URIRef:
    """IRI of the actor of a country QID (same as a linked actor's IRI)."""
    return ID[f"actor/wd-{qid}"]


def run_iri(run: ExtractionRun) -> URIRef:
    """IRI of an extraction run: ``{ID}run/{run.key}`` (same software, model, linking and
    knowledge-base files -> same IRI)."""
    return ID[f"run/{run.key}"]


def kb_file_iri(name: str, digest: str) -> URIRef:
    """IRI of a knowledge-base file a run used: ``{ID}kb/{slug of file name}-{first 16 hex of its SHA-256}``."""
    return ID[f"kb/{slugify(name)}-{slugify(digest)[:16]}"]


# ----------------------------------------------------------------------- literals


def clean_text(value: str) -> str:
    """Replace lone surrogates (unencodable in UTF-8) by U+FFFD, one for one."""
    return _SURROGATES.sub("\ufffd", value)


def _str(value: str) -> Literal:
    return Literal(clean_text(value))


def _decimal(value: float) -> Literal | None:
    """A canonical xsd:decimal rounded to 4 places, or None for NaN/inf."""
    if value is None or not math.isfinite(float(value)):
        return None
    text = format(Decimal(repr(round(float(value), 4))).normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


@lru_cache(maxsize=65536)
def _nonneg(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD.nonNegativeInteger)


def _date(value: str | None) -> Literal | None:
    if not value or not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return None
    return Literal(value[:10], datatype=XSD.date)


def _datetime(value: str | None) -> Literal | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return Literal(parsed.isoformat(), datatype=XSD.dateTime)


def safe_iri(value: str | None) -> URIRef | None:
    """An absolute IRI from a user string (e.g. an article URL), or None.

    Spaces, ``<>"{}|\\^``` ``, control and non-ASCII characters are
    percent-encoded (UTF-8); a ``%`` not followed by two hex digits becomes
    ``%25``.  Returns None when the result is still not an absolute IRI by
    pyoxigraph's strict parser (no scheme, bad port, ...).
    """
    if not value:
        return None
    text = clean_text(value.strip())
    if not _SCHEME.match(text):
        return None
    text = _BAD_PERCENT.sub("%25", text)
    text = quote(text, safe=_IRI_SAFE, errors="replace")
    try:
        pyoxigraph.NamedNode(text)
    except ValueError:
        return None
    return URIRef(text)


# -------------------------------------------------------------------------- build


def _merge_actors(result: ArticleResult, persons: frozenset[str]) -> dict[URIRef, tuple[Actor, list[Span]]]:
    """Actors of the article by IRI: first seen gives the name and kind, later
    ones fill missing fields (an unlinked PERSON's kind wins: its article-scoped node may
    hold mentions NER typed otherwise); mentions are united."""
    merged: dict[URIRef, tuple[Actor, list[Span]]] = {}
    fill = ("role", "qid", "link_confidence", "cameo_code", "country_qid")

    def add(actor: Actor) -> None:
        iri = actor_iri(actor, result.article, persons)
        if iri not in merged:
            first = Actor(actor.name, actor.kind, [], actor.role, valid_qid(actor.qid),
                          actor.link_confidence, actor.cameo_code, valid_qid(actor.country_qid))
            merged[iri] = (first, [])
        first, mentions = merged[iri]
        if (first.kind is ActorKind.OTHER and actor.kind is not ActorKind.OTHER) or (
                actor.kind is ActorKind.PERSON and not valid_qid(actor.qid)):  # an unlinked person's node is a person
            first.kind = actor.kind
        for name in fill:
            if getattr(first, name) is None and getattr(actor, name) is not None:
                value = getattr(actor, name)
                setattr(first, name, valid_qid(value) if name.endswith("qid") else value)
        mentions.extend(actor.mentions)

    for actor in _all_actors(result):
        add(actor)
    return merged


def _add_span(g: _Sink, iri: URIRef, cls: URIRef, span: Span, art: URIRef, seen: set[URIRef]) -> URIRef:
    """Add a sentence or mention node once per graph (``seen``): an actor's
    mention is often a statement's mention too, and adding it again only costs time."""
    if iri in seen:
        return iri
    seen.add(iri)
    g.add((iri, RDF.type, cls))
    g.add((iri, KG.startOffset, _nonneg(span.start)))
    g.add((iri, KG.endOffset, _nonneg(span.end)))
    g.add((iri, KG.text, _str(span.text)))
    g.add((iri, KG.inArticle, art))
    return iri


def _add_actor(g: _Sink, iri: URIRef, actor: Actor, mentions: list[Span], article: Article, seen: set[URIRef]) -> None:
    art = article_iri(article)
    g.add((iri, RDF.type, KG.Actor))
    if actor.kind in _KIND_CLASS:
        g.add((iri, RDF.type, _KIND_CLASS[actor.kind]))
    g.add((iri, KG.name, _str(actor.name)))
    if actor.role:
        g.add((iri, KG.role, _str(actor.role)))
    if actor.qid:
        g.add((iri, KG.qid, Literal(actor.qid)))
        g.add((iri, KG.wikidataEntity, WD[actor.qid]))
    if actor.link_confidence is not None:
        conf = _decimal(actor.link_confidence)
        if conf is not None:
            g.add((iri, KG.linkConfidence, conf))
    if actor.cameo_code:
        g.add((iri, KG.cameoCode, _str(actor.cameo_code)))
    if actor.country_qid:
        country = country_iri(actor.country_qid)
        g.add((iri, KG.country, country))
        if country != iri:
            g.add((country, RDF.type, KG.Actor))
            g.add((country, RDF.type, KG.Country))
            g.add((country, KG.qid, Literal(actor.country_qid)))
            g.add((country, KG.wikidataEntity, WD[actor.country_qid]))
    for span in mentions:
        g.add((iri, KG.mention, _add_span(g, mention_iri(article, span), KG.Mention, span, art, seen)))


def _add_run(g: _Sink, run: ExtractionRun) -> URIRef:
    iri = run_iri(run)
    g.add((iri, RDF.type, KG.ExtractionRun))
    g.add((iri, KG.softwareVersion, _str(run.software_version)))
    g.add((iri, KG.modelName, _str(run.model_name)))
    g.add((iri, KG.modelVersion, _str(run.model_version)))
    g.add((iri, KG.linking, Literal(run.linking)))
    g.add((iri, KG.settingsDigest, Literal(run.settings_digest)))
    for name, digest in run.kb_files:
        f = kb_file_iri(name, digest)
        g.add((iri, PROV.used, f))
        g.add((f, RDF.type, KG.KnowledgeBaseFile))
        g.add((f, KG.fileName, _str(name)))
        g.add((f, KG.fileDigest, Literal(digest)))
    started = _datetime(run.started)
    if started is not None:
        g.add((iri, PROV.startedAtTime, started))
    return iri


def _add_statement(g: _Sink, st: Statement, article: Article, run: URIRef, seen: set[URIRef],
                   persons: frozenset[str]) -> None:
    art = article_iri(article)
    iri = statement_iri(st)
    g.add((iri, RDF.type, KG.Statement))
    g.add((iri, KG.index, _nonneg(st.index)))
    g.add((iri, KG.statementType, KGT[st.type.value]))
    g.add((iri, KG.actor, actor_iri(st.actor, article, persons)))
    g.add((iri, KG.actorMention, _add_span(g, mention_iri(article, st.actor_mention), KG.Mention, st.actor_mention, art, seen)))
    g.add((actor_iri(st.actor, article, persons), KG.mention, mention_iri(article, st.actor_mention)))
    for target, span in zip(st.targets, st.target_mentions):
        g.add((iri, KG.targetMention, _add_span(g, mention_iri(article, span), KG.Mention, span, art, seen)))
        g.add((actor_iri(target, article, persons), KG.mention, mention_iri(article, span)))
    for target in st.targets:
        g.add((iri, KG.target, actor_iri(target, article, persons)))
    g.add((iri, KG.cue, _str(st.cue.text)))
    if st.cue_lemma:
        g.add((iri, KG.cueLemma, _str(st.cue_lemma)))
    if st.content is not None:
        g.add((iri, KG.content, _str(st.content.text)))
    g.add((iri, KG.mode, Literal(st.mode.value)))
    g.add((iri, KG.negated, Literal(bool(st.negated))))
    g.add((iri, KG.hypothetical, Literal(bool(st.hypothetical))))
    conf = _decimal(st.confidence)
    if conf is not None:
        g.add((iri, KG.confidence, conf))
    g.add((iri, KG.sentence, _add_span(g, sentence_iri(article, st.sentence), KG.Sentence, st.sentence, art, seen)))
    g.add((iri, PROV.wasDerivedFrom, art))
    g.add((iri, PROV.wasGeneratedBy, run))


def _add_article(g: _Sink, result: ArticleResult, run: ExtractionRun) -> None:
    """Add every triple of one article to ``g`` (an rdflib Graph or a :class:`_LineSink`)."""
    article = result.article
    art = article_iri(article)
    g.add((art, RDF.type, KG.Article))
    g.add((art, DCTERMS.identifier, _str(article.id)))
    g.add((art, KG.contentHash, Literal(article.content_hash)))
    if article.title:
        g.add((art, SCHEMA.headline, _str(article.title)))
    published = _date(article.date)
    if published is not None:
        g.add((art, SCHEMA.datePublished, published))
    if article.publisher:
        g.add((art, SCHEMA.publisher, _str(article.publisher)))
    url = safe_iri(article.url)
    if url is not None:
        g.add((art, SCHEMA.url, url))
    run_node = _add_run(g, run)
    seen: set[URIRef] = set()
    persons = person_slugs(result)
    for iri, (actor, mentions) in _merge_actors(result, persons).items():
        _add_actor(g, iri, actor, mentions, article, seen)
    for st in result.statements:
        _add_statement(g, st, article, run_node, seen, persons)


#: The article's metadata triples (:func:`_add_article`) by the name :mod:`kg.run.resume` reports a change
#: of them with: name -> predicate.
ARTICLE_METADATA: dict[str, URIRef] = {
    "headline": SCHEMA.headline, "date": SCHEMA.datePublished, "publisher": SCHEMA.publisher, "url": SCHEMA.url,
}


def article_metadata(article: Article) -> dict[str, str]:
    """The lexical values of the metadata triples :func:`_add_article` writes for ``article``, by the names
    of :data:`ARTICLE_METADATA` (a name is absent when no triple is written: no title, a date that is not
    ISO, a URL that is no absolute IRI), so a stored graph's values can be compared with an article read now.
    """
    values = {"headline": _str(article.title) if article.title else None, "date": _date(article.date),
              "publisher": _str(article.publisher) if article.publisher else None, "url": safe_iri(article.url)}
    return {name: str(value) for name, value in values.items() if value is not None}


def build_article_graph(result: ArticleResult, run: ExtractionRun) -> Graph:
    """All triples for one article, in a :class:`rdflib.Graph` whose identifier
    is :func:`article_graph_iri` of the article.

    :param result: the article with its statements and actors.
    :param run: the extraction run (provenance of every statement).
    :returns: a graph with prefixes bound (:func:`kg.rdf.vocab.bind_prefixes`);
        no blank nodes; deterministic IRIs (see the module doc).
    """
    g = bind_prefixes(Graph(identifier=article_graph_iri(result.article)))
    _add_article(g, result, run)
    return g


# ----------------------------------------------------------------- line formats


def _escape(text: str) -> str:
    """The string escapes of rdflib's N-Triples writer (backslash, line feed, double quote, carriage return), so lines match it byte for byte."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")


class _LineSink:
    """Collects triples as N-Triples terms (no rdflib graph): each distinct
    triple once, as a graph would; :meth:`lines` gives them sorted."""

    __slots__ = ("_rows", "_terms")

    def __init__(self) -> None:
        self._rows: set[tuple[str, str, str]] = set()
        self._terms: dict[object, str] = {}

    def _term(self, term: URIRef | Literal) -> str:
        # f-strings, not "+": "<" + a URIRef calls URIRef.__radd__, which builds (and logs a warning
        # for) a URIRef "<..."; the line writer works on plain str only.
        if type(term) is Literal:  # Literal equality is by value, so never key the cache on one
            text = _escape(f"{term}")
            if term.language:
                return f'"{text}"@{term.language}'
            if term.datatype:
                return f'"{text}"^^<{term.datatype}>'
            return f'"{text}"'
        n3 = self._terms.get(term)
        if n3 is None:
            n3 = self._terms[term] = f"<{term}>"
        return n3

    def add(self, triple: tuple) -> None:
        s, p, o = triple
        term = self._term
        self._rows.add((term(s), term(p), term(o)))

    def lines(self, graph: str | None) -> bytes:
        """The triples as sorted N-Triples lines, or N-Quads lines in the named graph ``graph`` (an IRI)."""
        end = " .\n" if graph is None else f" <{graph}> .\n"
        return "".join(line + end for line in sorted(f"{s} {p} {o}" for s, p, o in self._rows)).encode("utf-8")


def article_lines(result: ArticleResult, run: ExtractionRun, fmt: str = "ntriples") -> bytes:
    """The article's triples as N-Triples (``fmt="ntriples"``) or N-Quads in its
    named graph (``fmt="nquads"``), UTF-8 bytes, one sorted line per distinct
    triple, written straight from the model without an rdflib graph.

    Byte for byte the same as ``serialize_graph(build_article_graph(result, run), fmt)``
    (``tests/test_rdf_lines.py`` keeps the two equal), at a fraction of the cost.

    :raises ValueError: for another ``fmt``.
    """
    if fmt not in ("ntriples", "nquads"):
        raise ValueError(f"article_lines writes ntriples or nquads, not {fmt!r}")
    sink = _LineSink()
    _add_article(sink, result, run)
    return sink.lines(None if fmt == "ntriples" else str(article_graph_iri(result.article)))


def build_dataset(results: Iterable[ArticleResult], run: ExtractionRun) -> Dataset:
    """A :class:`rdflib.Dataset` with one named graph per article.

    A later result for the same article key replaces the earlier graph, as a
    reload into a store would.  The default graph stays empty.
    """
    ds = bind_prefixes(Dataset())
    for result in results:
        g = build_article_graph(result, run)
        ds.remove_graph(g.identifier)
        target = ds.graph(g.identifier)
        for triple in g:
            target.add(triple)
    return ds
