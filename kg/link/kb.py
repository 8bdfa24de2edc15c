"""kg's offline knowledge base (KB): entities with QIDs, aliases and CAMEO codes.

The KB is one gzip JSON file built by :func:`kg.link.build.build_kb` from the
Wikidata-derived data described in ``kg/link/data/ATTRIBUTION.md``; the
package ships it as ``kg/link/data/kb.json.gz`` (:func:`default_kb`).

Lookup (:meth:`KnowledgeBase.lookup`) generates candidates in three tiers:

1. exact key (:func:`kg.names.norm`: case, diacritics, punctuation,
   "U.S."/"US", leading "the") -- match score 1.0;
2. transliteration key (:func:`kg.names.phonetic`: Dehqan/Dehghan,
   Rouhani/Rohani) -- 0.92;
3. rapidfuzz ``ratio`` over exact keys with the same first letter and a
   strict cutoff (>= 92, keys of at least 6 characters) -- ``0.85 * ratio / 100``.

The match score is multiplied by the alias weight (:data:`ALIAS_WEIGHT`:
labels and names 1.0, abbreviations 0.95, PETRARCH spellings 0.9, demonyms
0.9, capitals 0.85) and blended with the entity's popularity prior
(``score = match * (0.5 + 0.5 * popularity)``).  Persons also match by
surname alone (alias kind ``surname``, weight 0.75), which the linker only
accepts when the surname is unique in the KB.  Case rules: an
abbreviation alias ("US", "IS", "AQ") only matches a surface written in
capitals ("us" never matches the United States), and a surface without any
capital letter gets half the score (proper names are capitalized in news).
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from rapidfuzz import fuzz, process

from kg.errors import KnowledgeBaseError, Msg
from kg.names import is_acronym, norm, phonetic

__all__ = ["Entity", "Role", "Candidate", "KnowledgeBase", "default_kb", "DEFAULT_KB_PATH", "ALIAS_WEIGHT",
           "Alias", "read_aliases"]

DEFAULT_KB_PATH = Path(__file__).resolve().parent / "data" / "kb.json.gz"

#: Weight of a match by the kind of alias it hit.
ALIAS_WEIGHT: dict[str, float] = {
    "label": 1.0, "name": 1.0, "abbr": 0.95, "petrarch": 0.9, "demonym": 0.9, "capital": 0.85,
    "surname": 0.75,
}

#: Upper-case two-letter words that are also aliases ("IS" = Islamic State): never matched
#: by lookup alone; the linker accepts them only with an ORG NER label.
AMBIGUOUS_SHORT = frozenset(
    "IS AS IT IN ON OR TO AT BE NO SO AN IF OF BY DO GO HE ME MY UP WE AQ AM PM OK".split()
)


@dataclass(frozen=True, slots=True)
class Role:
    """A CAMEO actor code valid from ``start`` to ``end`` (ISO dates, ``None`` = open)."""

    code: str
    start: str | None = None
    end: str | None = None

    def valid_on(self, date: str | None) -> bool:
        """True when ``date`` (ISO ``YYYY-MM-DD``) lies in the range, or when no date is given."""
        if not date:
            return True
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(slots=True)
class Entity:
    """One KB entity.

    :param id: the QID ("Q30") or, for QID-less PETRARCH entries, an internal id ("petr:vladimir-putin").
    :param qid: Wikidata QID or ``None``.
    :param label: canonical English name.
    :param aliases: other names (strings, in source order).
    :param kind: "country", "city", "organization", "armed_group", "media", "person" or "group".
    :param country_qid: QID of the entity's country, if known.
    :param cameo_code: CAMEO actor code ("USA", "IGOUNO", "IRNGOV"), if known.
    :param popularity: prior in [0, 1] (log population for places; fixed per source otherwise).
    :param roles: dated CAMEO codes (PETRARCH) and, after ``kg kb update``, Wikidata positions
        held (code ``"P39:<QID>"``).
    """

    id: str
    qid: str | None
    label: str
    aliases: list[str] = field(default_factory=list)
    kind: str = "organization"
    country_qid: str | None = None
    cameo_code: str | None = None
    popularity: float = 0.3
    roles: list[Role] = field(default_factory=list)

    def code_on(self, date: str | None) -> str | None:
        """The CAMEO code valid on ``date`` (the latest valid role), else :attr:`cameo_code`."""
        valid = [r for r in self.roles if ":" not in r.code and r.valid_on(date)] if date else []
        if valid:
            return max(valid, key=lambda r: (r.start or "", r.end or "9999")).code
        return self.cameo_code

    def has_role_on(self, date: str | None) -> bool | None:
        """True/False whether a dated role covers ``date``; ``None`` when there are no dated roles."""
        dated = [r for r in self.roles if r.start or r.end]
        if not dated or not date:
            return None
        return any(r.valid_on(date) for r in dated)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A lookup or link result: entity, score in [0, 1], the alias that matched."""

    entity: Entity
    score: float
    alias: str
    alias_kind: str = "label"
    match: str = "exact"  # "exact" | "phonetic" | "fuzzy"


class KnowledgeBase:
    """In-memory KB with exact, transliteration and fuzzy indexes.

    Build one with :meth:`load` (or :func:`default_kb`); lookups are read-only
    and thread-safe.
    """

    def __init__(self, entities: list[Entity], alias_kinds: dict[str, list[tuple[str, str]]],
                 agents: dict[str, str], cameo_countries: dict[str, str], *, meta: dict[str, Any] | None = None):
        self.entities: dict[str, Entity] = {e.id: e for e in entities}
        self.meta = meta or {}
        self.agents = agents
        self.cameo_countries = cameo_countries
        self._by_qid = {e.qid: e for e in entities if e.qid}
        # key -> list of (entity id, alias, alias kind)
        self._exact: dict[str, list[tuple[str, str, str]]] = {}
        self._phon: dict[str, list[tuple[str, str, str]]] = {}
        self._demonym: dict[str, str] = {}
        for eid, pairs in alias_kinds.items():
            for alias, kind in pairs:
                k = norm(alias)
                if not k:
                    continue
                self._exact.setdefault(k, []).append((eid, alias, kind))
                if kind != "abbr" and len(k) >= 5:
                    self._phon.setdefault(phonetic(alias), []).append((eid, alias, kind))
                if kind == "demonym" and self.entities[eid].kind == "country":
                    plural = k + "s" if not k.endswith(("s", "sh", "ch", "ese")) else k
                    for dk in (k, plural):
                        # "American" is also the demonym of American Samoa etc.: the most popular wins
                        old = self._demonym.get(dk)
                        if old is None or self.entities[old].popularity < self.entities[eid].popularity:
                            self._demonym[dk] = eid
            ent = self.entities[eid]
            if ent.kind == "person":
                # surnames of persons ("Dehqan", "Putin"): weak aliases, resolved by the linker
                last = norm(ent.label).split()[-1:] if ent.label else []
                if last and len(last[0]) >= 4:
                    self._exact.setdefault(last[0], []).append((eid, last[0], "surname"))
                    self._phon.setdefault(phonetic(last[0]), []).append((eid, last[0], "surname"))
        # fuzzy tier: keys of >= 6 characters, bucketed by first letter (a near match rarely differs there)
        self._fuzzy_keys: dict[str, list[str]] = {}
        for k in self._exact:
            if len(k) >= 6:
                self._fuzzy_keys.setdefault(k[0], []).append(k)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: Path | str) -> "KnowledgeBase":
        """Load a KB file written by :func:`kg.link.build.build_kb` (gzip JSON).

        :raises KnowledgeBaseError: (E040) if the file is missing, unreadable or not a KB.
        """
        p = Path(path)
        try:
            with gzip.open(p, "rt", encoding="utf-8") as fh:
                doc = json.load(fh)
            doc["entities"]
        except (OSError, ValueError, KeyError, EOFError) as exc:
            raise KnowledgeBaseError(Msg.E040, path=p, reason=f"{type(exc).__name__}: {exc}") from exc
        return cls.from_doc(doc)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> "KnowledgeBase":
        """Build a KB from the decoded JSON document (see :mod:`kg.link.build`)."""
        entities: list[Entity] = []
        alias_kinds: dict[str, list[tuple[str, str]]] = {}
        for r in doc["entities"]:
            pairs = [(a, k) for a, k in r.get("aliases", [])]
            label = r["label"]
            if not any(norm(a) == norm(label) for a, _ in pairs):
                pairs.insert(0, (label, "label"))
            entities.append(Entity(
                id=r["id"], qid=r.get("qid"), label=label,
                aliases=[a for a, _ in pairs if a != label],
                kind=r.get("kind", "organization"), country_qid=r.get("country_qid"),
                cameo_code=r.get("cameo_code"), popularity=float(r.get("popularity", 0.3)),
                roles=[Role(c, s, e) for c, s, e in r.get("roles", [])],
            ))
            alias_kinds[r["id"]] = pairs
        meta = {k: v for k, v in doc.items() if k not in ("entities", "agents", "cameo_countries")}
        return cls(entities, alias_kinds, doc.get("agents", {}), doc.get("cameo_countries", {}), meta=meta)

    def with_entities(self, entities: list[Entity]) -> "KnowledgeBase":
        """A small KB of ``entities`` (their labels and aliases) that shares this KB's
        agent nouns, CAMEO country codes and demonym index.

        Used by :mod:`kg.link.online` to run the offline disambiguation over
        candidates fetched from Wikidata.
        """
        alias_kinds = {e.id: [(e.label, "label")] + [(a, "name") for a in e.aliases] for e in entities}
        small = KnowledgeBase(entities, alias_kinds, self.agents, self.cameo_countries, meta={"overlay": True})
        small._demonym = {k: eid for k, eid in self._demonym.items()}
        small.entities.update({eid: self.entities[eid] for eid in set(small._demonym.values())})
        return small

    # ------------------------------------------------------------------ queries
    def __len__(self) -> int:
        return len(self.entities)

    def get(self, qid_or_id: str) -> Entity | None:
        """The entity with this QID or internal id, else ``None``."""
        return self.entities.get(qid_or_id) or self._by_qid.get(qid_or_id)

    def counts(self) -> dict[str, int]:
        """Number of entities per kind."""
        out: dict[str, int] = {}
        for e in self.entities.values():
            out[e.kind] = out.get(e.kind, 0) + 1
        return dict(sorted(out.items()))

    @staticmethod
    def _case_ok(surface: str, alias_kind: str, alias: str) -> bool:
        if alias_kind == "abbr":
            letters = "".join(c for c in surface if c.isalpha())
            if is_acronym(surface):
                return letters not in AMBIGUOUS_SHORT
            # "Nato" style is fine for long abbreviations, never for 2-3 letters ("us", "Un")
            return len(letters) >= 4 and surface[:1].isupper() and not surface.islower()
        return True

    def lookup(self, name: str, *, limit: int = 10, fuzzy: bool = True) -> list[Candidate]:
        """Candidates for a surface name, best first (one per entity).

        :param name: the mention text ("the U.S.", "Dehghan").
        :param limit: maximum number of candidates.
        :param fuzzy: allow the rapidfuzz tier when the exact and transliteration tiers are empty.
        :returns: list of :class:`Candidate` with ``score`` in [0, 1].
        """
        key = norm(name)
        if not key:
            return []
        direct = self.get(name.strip()) if re.fullmatch(r"Q\d+|[a-z]+:[\w.-]+", name.strip()) else None
        if direct is not None:  # a QID or internal id
            return [Candidate(direct, 1.0, name.strip(), "id", "exact")]
        hits: dict[str, Candidate] = {}
        lower_penalty = 0.5 if not any(c.isupper() for c in name) else 1.0

        def add(rows: list[tuple[str, str, str]], base: float, match: str) -> None:
            for eid, alias, kind in rows:
                if not self._case_ok(name, kind, alias):
                    continue
                e = self.entities[eid]
                s = base * ALIAS_WEIGHT.get(kind, 0.8) * (0.5 + 0.5 * e.popularity) * lower_penalty
                old = hits.get(eid)
                if old is None or s > old.score:
                    hits[eid] = Candidate(e, round(min(1.0, s), 4), alias, kind, match)

        add(self._exact.get(key, []), 1.0, "exact")
        if not hits:
            pk = phonetic(name)
            if len(pk) >= 4:
                add(self._phon.get(pk, []), 0.92, "phonetic")
        if not hits and fuzzy and len(key) >= 6:
            for k, sc, _ in process.extract(key, self._fuzzy_keys.get(key[0], []), scorer=fuzz.ratio, score_cutoff=92, limit=5):
                add(self._exact[k], 0.85 * sc / 100.0, "fuzzy")
        return sorted(hits.values(), key=lambda c: (-c.score, c.entity.id))[:limit]

    def is_known_name(self, name: str) -> bool:
        """True when ``name`` is (case rules applied) an exact or transliterated name of an entity.

        Fast (two dict lookups); no fuzzy matching.
        """
        key = norm(name)
        if not key:
            return False
        rows = self._exact.get(key) or self._phon.get(phonetic(name), [])
        return any(self._case_ok(name, kind, alias) for _, alias, kind in rows)

    def country_of_demonym(self, word: str) -> Entity | None:
        """The country of a demonym or its plural ("Iranian", "Iranians", "Turkish", "American").

        Country names themselves are *not* demonyms ("Iran" -> ``None``).
        """
        eid = self._demonym.get(norm(word))
        return self.entities[eid] if eid else None

    def country_by_cameo(self, code: str) -> Entity | None:
        """The country for a CAMEO country code ("IRN" -> Iran) or a code that starts with one ("IRNGOV")."""
        qid = self.cameo_countries.get(code[:3].upper()) if code else None
        return self.get(qid) if qid else None

    def agent_code(self, phrase: str) -> str | None:
        """CAMEO role code of an agent noun phrase ("officials" -> "GOV", "military" -> "MIL"), from
        Phoenix.agents.txt (plus kg's additions, see :data:`kg.link.build.EXTRA_AGENTS`)."""
        p = " ".join(norm(phrase).split())
        return self.agents.get(p)


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The KB bundled with kg (``kg/link/data/kb.json.gz``), loaded once.

    :raises KnowledgeBaseError: (E040) if the bundled file is missing or unreadable.
    """
    return KnowledgeBase.load(DEFAULT_KB_PATH)


class Alias(NamedTuple):
    """One name of one KB entity, as :func:`read_aliases` yields it.

    :param text: the name as written ("Doctors Without Borders", "ECOWAS").
    :param alias_kind: "label", "name", "abbr", "petrarch", "demonym" or "capital" (see :data:`ALIAS_WEIGHT`).
    :param entity_kind: the entity's kind ("country", "city", "organization", "armed_group", "media",
        "person", "group").
    :param popularity: the entity's prior in [0, 1].
    """

    text: str
    alias_kind: str
    entity_kind: str
    popularity: float


def read_aliases(path: Path | str = DEFAULT_KB_PATH) -> Iterator[Alias]:
    """Every name of every entity of a KB file (labels first), without building the lookup
    indexes of :class:`KnowledgeBase` (several times faster than :meth:`KnowledgeBase.load`).

    For readers that only need the names, such as the actor-mention matcher of
    :mod:`kg.extract.kbactors`.

    :param path: a KB file written by :func:`kg.link.build.build_kb` (default: the bundled one).
    :returns: :class:`Alias` tuples, entity by entity in file order.
    :raises KnowledgeBaseError: (E040) if the file is missing, unreadable or not a KB.
    """
    p = Path(path)
    try:
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            doc = json.load(fh)
        rows = doc["entities"]
    except (OSError, ValueError, KeyError, EOFError, TypeError) as exc:
        raise KnowledgeBaseError(Msg.E040, path=p, reason=f"{type(exc).__name__}: {exc}") from exc
    for r in rows:
        kind = r.get("kind", "organization")
        pop = float(r.get("popularity", 0.3))
        label = r.get("label")
        pairs = list(r.get("aliases", []))
        if label and not any(a == label for a, _ in pairs):
            yield Alias(label, "label", kind, pop)
        for a, k in pairs:
            yield Alias(a, k, kind, pop)
