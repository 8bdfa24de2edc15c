"""kg's offline knowledge base (KB): entities with QIDs, aliases and CAMEO codes.

The KB is one gzip JSON file built by :func:`kg.link.build.build_kb` from the
Wikidata-derived data described in ``kg/link/data/ATTRIBUTION.md``; the
package ships it as ``kg/link/data/kb.json.gz`` (:func:`default_kb`), with
*layers* of persons, parties and media beside it, each under its own licence
(:mod:`kg.link.people`; :func:`layer_paths` says which load, ``KG_KB_LAYERS``
chooses).  Persons carry dated positions (:class:`kg.link.positions.Position`);
:meth:`KnowledgeBase.holders` answers "who held this role, where, when".
:func:`iter_aliases` is the public iterator over every alias (for EntityRulers
and the like).  :func:`default_kb` loads through an on-disk cache of the built
index (:func:`load_cached`).

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

Length: the KB class keeps its index, layer loading, the role-holder index and the load cache
together, because they share the private index structures.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import os
import pickle
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from rapidfuzz import fuzz, process

from kg.config import cache_dir
from kg.errors import KnowledgeBaseError, Msg
from kg.link.positions import Position, role_keys
from kg.names import is_acronym, norm, phonetic

__all__ = ["Entity", "Role", "Candidate", "KnowledgeBase", "default_kb", "DEFAULT_KB_PATH", "ALIAS_WEIGHT",
           "Alias", "read_aliases",
           "layer_paths", "layer_infos", "iter_aliases", "load_cached", "user_layer_dir", "USER_LAYER_DIR_ENV",
           "kb_files", "file_digest"]

#: Environment variable naming the folder of user-built layers (``kg kb update --layer people``);
#: default ``~/.local/share/kg/kb``.
USER_LAYER_DIR_ENV = "KG_KB_DIR"

DEFAULT_KB_PATH = Path(__file__).resolve().parent / "data" / "kb.json.gz"

#: Weight of a match by the kind of alias it hit.
ALIAS_WEIGHT: dict[str, float] = {
    "label": 1.0, "name": 1.0, "abbr": 0.95, "petrarch": 0.9, "demonym": 0.9, "capital": 0.85,
    "surname": 0.75, "short": 0.9, "members": 0.95,
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
    :param positions: offices held, with dates (:class:`kg.link.positions.Position`), from the person layers.
    :param party_qid: QID of the person's party, if known.
    :param layer: the KB layer the entity came from (``"base"``, ``"open"``, ``"people-nc"``, ``"people"``).
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
    positions: list[Position] = field(default_factory=list)
    party_qid: str | None = None
    layer: str = "base"

    def positions_on(self, date: str | None, keys: tuple[str, ...] | frozenset[str] = ()) -> list[Position]:
        """Positions held on ``date`` (all positions when ``date`` is ``None``), only those with one of
        ``keys`` (role keys, :func:`kg.link.positions.role_keys`) when given."""
        out = []
        for p in self.positions:
            if keys and not (set(p.keys) & set(keys)):
                continue
            if date is None or p.valid_on(date):
                out.append(p)
        return out

    def code_on(self, date: str | None) -> str | None:
        """The CAMEO code valid on ``date`` (the latest valid role), else :attr:`cameo_code`."""
        valid = [r for r in self.roles if ":" not in r.code and r.valid_on(date)] if date else []
        if valid:
            return max(valid, key=lambda r: (r.start or "", r.end or "9999")).code
        return self.cameo_code

    def has_role_on(self, date: str | None) -> bool | None:
        """True/False whether a dated position (else a dated PETRARCH role) covers ``date``; ``None`` when
        there are none.  Positions come first: PETRARCH's open-ended roles stop being updated in the 2010s."""
        pos = [p for p in self.positions if p.start]
        if pos and date:
            return any(p.valid_on(date) for p in pos)
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


@dataclass(slots=True)
class _FuzzyIndex:
    """The fuzzy tier's index (:meth:`KnowledgeBase._fuzzy_index`): per first letter, the exact keys of >= 6
    characters sorted by length (then index order), each key's position among them in index order (for ties),
    and where each length starts (``first_of_length[n]`` = the first key of length >= n); and the matches found
    so far per key."""

    by_letter: dict[str, tuple[list[str], list[int], list[int]]] = field(default_factory=dict)
    hits: dict[str, list[tuple[str, float]]] = field(default_factory=dict)


class KnowledgeBase:
    """In-memory KB with exact, transliteration and fuzzy indexes.

    Build one with :meth:`load` (or :func:`default_kb`); lookups are read-only
    and thread-safe.
    """

    def __init__(self, entities: list[Entity], alias_kinds: dict[str, list[tuple[str, str]]],
                 agents: dict[str, str], cameo_countries: dict[str, str], *, meta: dict[str, Any] | None = None,
                 keys: dict[str, list[tuple[str, str]]] | None = None):
        self.entities: dict[str, Entity] = {e.id: e for e in entities}
        self.meta = meta or {}
        self.agents = agents
        self.cameo_countries = cameo_countries
        #: the layers loaded, in order: ``[{"layer", "licence", "path", "entities"}]``
        self.layers: list[dict[str, Any]] = [{"layer": "base", "licence": "see kg/link/data/ATTRIBUTION.md",
                                              "path": self.meta.get("path"), "entities": len(entities)}]
        self._by_qid = {e.qid: e for e in entities if e.qid}
        # key -> list of (entity id, alias, alias kind)
        self._exact: dict[str, list[tuple[str, str, str]]] = {}
        self._phon: dict[str, list[tuple[str, str, str]]] = {}
        self._demonym: dict[str, str] = {}
        # role key -> [(entity id, position)]
        self._holders: dict[str, list[tuple[str, Position]]] = {}
        self._alias_kinds = alias_kinds
        for eid, pairs in alias_kinds.items():
            self._index(eid, pairs, (keys or {}).get(eid))
        self._fuzzy_keys: _FuzzyIndex | None = None

    def _index(self, eid: str, pairs: list[tuple[str, str]], keys: list[tuple[str, str]] | None = None,
               *, auto_surname: bool = True) -> None:
        """Index the aliases of entity ``eid``; ``keys`` are precomputed (exact, transliteration) keys."""
        ent = self.entities[eid]
        for i, (alias, kind) in enumerate(pairs):
            if keys is not None:
                k, pk = keys[i]
            else:
                k = norm(alias)
                pk = phonetic(alias) if kind != "abbr" and len(k) >= 5 else ""
            if not k:
                continue
            self._exact.setdefault(k, []).append((eid, alias, kind))
            if pk:
                self._phon.setdefault(pk, []).append((eid, alias, kind))
            if kind == "demonym" and ent.kind == "country":
                plural = k + "s" if not k.endswith(("s", "sh", "ch", "ese")) else k
                for dk in (k, plural):
                    # "American" is also the demonym of American Samoa etc.: the most popular wins
                    old = self._demonym.get(dk)
                    if old is None or self.entities[old].popularity < ent.popularity:
                        self._demonym[dk] = eid
        if ent.kind == "person" and auto_surname:
            # surnames of persons ("Dehqan", "Putin"): weak aliases, resolved by the linker
            last = norm(ent.label).split()[-1:] if ent.label else []
            if last and len(last[0]) >= 4:
                self._exact.setdefault(last[0], []).append((eid, last[0], "surname"))
                self._phon.setdefault(phonetic(last[0]), []).append((eid, last[0], "surname"))
        for p in ent.positions:
            for rk in p.keys:
                self._holders.setdefault(rk, []).append((eid, p))

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: Path | str, layers: list[Path] | None = None) -> "KnowledgeBase":
        """Load a KB file written by :func:`kg.link.build.build_kb` (gzip JSON), then the ``layers``
        (files written by :func:`kg.link.people.write_layer`) on top, in order.

        :raises KnowledgeBaseError: (E040) if the file is missing, unreadable or not a KB;
            (E120) if a layer file is.
        """
        p = Path(path)
        try:
            with gzip.open(p, "rt", encoding="utf-8") as fh:
                doc = json.load(fh)
            doc["entities"]
        except (OSError, ValueError, KeyError, EOFError) as exc:
            raise KnowledgeBaseError(Msg.E040, path=p, reason=f"{type(exc).__name__}: {exc}") from exc
        doc["path"] = str(p)
        kb = cls.from_doc(doc)
        if layers:
            from kg.link.people import read_layer  # noqa: PLC0415

            for lp in layers:
                kb.add_layer(read_layer(lp), path=lp)
        return kb

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> "KnowledgeBase":
        """Build a KB from the decoded JSON document (see :mod:`kg.link.build`)."""
        from kg.link.people import key_fingerprint  # noqa: PLC0415

        entities: list[Entity] = []
        alias_kinds: dict[str, list[tuple[str, str]]] = {}
        keys: dict[str, list[tuple[str, str]]] | None = {} if doc.get("keys_fingerprint") == key_fingerprint() else None
        for r in doc["entities"]:
            pairs = [(a, k) for a, k in r.get("aliases", [])]
            label = r["label"]
            rk = r.get("keys")
            if keys is not None and rk is not None and len(rk) == len(pairs):
                keys[r["id"]] = rk
                has_label = any(a == label for a, _ in pairs) or norm(label) in {k for k, _ in rk}
            else:
                has_label = any(norm(a) == norm(label) for a, _ in pairs)
            if not has_label:
                pairs.insert(0, (label, "label"))
                if keys is not None and r["id"] in keys:
                    keys[r["id"]] = [(norm(label), phonetic(label) if len(norm(label)) >= 5 else ""), *rk]
            entities.append(Entity(
                id=r["id"], qid=r.get("qid"), label=label,
                aliases=[a for a, _ in pairs if a != label],
                kind=r.get("kind", "organization"), country_qid=r.get("country_qid"),
                cameo_code=r.get("cameo_code"), popularity=float(r.get("popularity", 0.3)),
                roles=[Role(c, s, e) for c, s, e in r.get("roles", [])],
            ))
            alias_kinds[r["id"]] = pairs
        meta = {k: v for k, v in doc.items() if k not in ("entities", "agents", "cameo_countries")}
        return cls(entities, alias_kinds, doc.get("agents", {}), doc.get("cameo_countries", {}), meta=meta,
                   keys=keys)

    def add_layer(self, doc: dict[str, Any], *, path: Path | str | None = None) -> int:
        """Add the entities of a layer document (:mod:`kg.link.people`) to this KB.

        An entity whose QID is already in the KB gains the layer's aliases, positions and party; a
        person whose label is that of exactly one QID-less PETRARCH person of the base takes that
        entry over (its CAMEO code and dated roles are kept; the PETRARCH id then names the new
        entity), so the two never compete as namesakes.

        :returns: the number of entities added.
        """
        from kg.link.people import key_fingerprint  # noqa: PLC0415

        name = str(doc.get("layer", "layer"))
        fresh = doc.get("keys_fingerprint") == key_fingerprint()
        added = 0
        for r in doc["entities"]:
            pairs = [(a, k) for a, k in r.get("aliases", [])]
            keys = [tuple(k) for k in r["keys"]] if fresh and len(r.get("keys", [])) == len(pairs) else None
            positions = [Position(t, tuple(ks) if ks is not None else role_keys(t, c), c, s, e)
                         for t, s, e, c, *rest in r.get("positions", []) for ks in [rest[0] if rest else None]]
            old = self._by_qid.get(r["qid"]) if r.get("qid") else None
            if old is not None:  # same QID from an earlier layer: merge
                known = {norm(a) for a in [old.label, *old.aliases]}
                new = [(i, a, k) for i, (a, k) in enumerate(pairs) if norm(a) not in known]
                old.aliases += [a for _, a, _ in new]
                have = {(p.title, p.start, p.end) for p in old.positions}
                extra = [p for p in positions if (p.title, p.start, p.end) not in have]
                old.positions += extra
                old.party_qid = old.party_qid or r.get("party_qid")
                old.country_qid = old.country_qid or r.get("country_qid")
                old.popularity = max(old.popularity, float(r.get("popularity", 0.3)))
                saved, old.positions = old.positions, extra
                self._index(old.id, [(a, k) for _, a, k in new],
                            [keys[i] for i, _, _ in new] if keys else None, auto_surname=False)
                old.positions = saved
                continue
            ent = Entity(id=r["id"], qid=r.get("qid"), label=r["label"],
                         aliases=[a for a, _ in pairs if a != r["label"]], kind=r.get("kind", "person"),
                         country_qid=r.get("country_qid"), popularity=float(r.get("popularity", 0.3)),
                         positions=positions, party_qid=r.get("party_qid"), layer=name)
            if ent.kind in ("person", "media"):
                lk, lpk = keys[0] if keys else (norm(ent.label), phonetic(ent.label))
                rows = self._exact.get(lk, []) + (self._phon.get(lpk, []) if lpk and ent.kind == "person" else [])
                petr = [eid for eid, _, kind in rows
                        if kind == "label" and eid.startswith("petr:") and self.entities[eid].kind == ent.kind
                        and self.entities[eid].qid is None
                        and (not ent.country_qid or not self.entities[eid].country_qid
                             or self.entities[eid].country_qid == ent.country_qid)]
                if len(set(petr)) == 1:
                    p = self.entities[petr[0]]
                    ent.roles, ent.cameo_code = p.roles, p.cameo_code
                    ent.country_qid = ent.country_qid or p.country_qid
                    self.entities[petr[0]] = ent
            self.entities[ent.id] = ent
            if ent.qid:
                self._by_qid[ent.qid] = ent
            self._index(ent.id, pairs, keys, auto_surname=keys is None)
            added += 1
        self._fuzzy_keys = None
        self.layers.append({"layer": name, "licence": doc.get("licence"), "path": str(path) if path else None,
                            "entities": len(doc["entities"]), "attribution": doc.get("attribution")})
        return added

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
                old = hits.get(e.id)
                if old is None or s > old.score:
                    hits[e.id] = Candidate(e, round(min(1.0, s), 4), alias, kind, match)

        add(self._exact.get(key, []), 1.0, "exact")
        if not hits:
            pk = phonetic(name)
            if len(pk) >= 4:
                add(self._phon.get(pk, []), 0.92, "phonetic")
        if not hits and fuzzy and len(key) >= 6:
            for k, sc in self._fuzzy_matches(key):
                add(self._exact[k], 0.85 * sc / 100.0, "fuzzy")
        return sorted(hits.values(), key=lambda c: (-c.score, c.entity.id))[:limit]

    def _fuzzy_matches(self, key: str) -> list[tuple[str, float]]:
        """The (up to 5) exact keys within ``fuzz.ratio`` >= 92 of ``key`` with the same first letter, best first,
        as ``process.extract`` over all such keys in index order gives them (ties by index order).

        Only the keys of a length that can reach the cut-off are scored (one slice of the keys sorted by length): ``fuzz.ratio`` is
        ``100 * (1 - indel / (len(a) + len(b)))`` and the indel distance is at least the length difference, so
        ``|len(a) - len(b)| <= 0.08 * (len(a) + len(b))`` (one more for rounding; the scorer does the exact cut).
        Results are kept per key until the KB changes (a recurring unknown name is scored once).
        """
        idx = self._fuzzy_index()
        hit = idx.hits.get(key)
        if hit is None:
            bucket = idx.by_letter.get(key[0])
            hit = []
            if bucket is not None:
                keys, positions, first_of_length = bucket
                n = len(key)
                lo = first_of_length[min(max(int((0.92 * n - 1) / 1.08), 0), len(first_of_length) - 1)]
                hi = first_of_length[min(int((1.08 * n + 1) / 0.92) + 2, len(first_of_length) - 1)]
                found = [(sc, positions[lo + i], k) for k, sc, i in
                         process.extract(key, keys[lo:hi], scorer=fuzz.ratio, score_cutoff=92, limit=None)]
                found.sort(key=lambda t: (-t[0], t[1]))
                hit = [(k, sc) for sc, _, k in found[:5]]
            idx.hits[key] = hit
        return hit

    def _fuzzy_index(self) -> "_FuzzyIndex":
        """Exact keys of >= 6 characters by first letter (a near match rarely differs there), sorted by
        length (:class:`_FuzzyIndex`); built on first use."""
        if self._fuzzy_keys is None:
            idx = _FuzzyIndex()
            grouped: dict[str, list[tuple[int, int, str]]] = {}
            for k in self._exact:
                if len(k) >= 6:
                    rows = grouped.setdefault(k[0], [])
                    rows.append((len(k), len(rows), k))
            for letter, rows in grouped.items():
                rows.sort()
                longest = rows[-1][0]
                first_of_length = [0] * (longest + 2)
                j = 0
                for length in range(longest + 2):
                    while j < len(rows) and rows[j][0] < length:
                        j += 1
                    first_of_length[length] = j
                idx.by_letter[letter] = ([k for _, _, k in rows], [p for _, p, _ in rows], first_of_length)
            self._fuzzy_keys = idx
        return self._fuzzy_keys

    def holders(self, keys: tuple[str, ...] | frozenset[str], *, country_qid: str | None = None,
                date: str | None = None) -> list[tuple[Entity, Position]]:
        """Who held a position with every one of the role ``keys`` (:func:`kg.link.positions.role_keys`;
        "Secretary of State" has two, so only the US office matches it), in ``country_qid`` (any country
        when ``None``), on ISO ``date`` (any time when ``None``).

        :returns: ``[(entity, position)]``, one per entity (its first matching position), in KB order.
        """
        out: dict[str, tuple[Entity, Position]] = {}
        want = set(keys)
        if not want:
            return []
        first = min(want, key=lambda k: len(self._holders.get(k, [])))
        for eid, pos in self._holders.get(first, []):
            e = self.entities[eid]
            if e.id in out or not want.issubset(pos.keys):
                continue
            if country_qid is not None and pos.country_qid != country_qid:
                continue
            if date is not None and not pos.valid_on(date):
                continue
            out[e.id] = (e, pos)
        return list(out.values())

    def iter_aliases(self, kinds: frozenset[str] | set[str] | None = None) -> Iterator[tuple[str, str, Entity]]:
        """Every alias of the KB as ``(alias text, alias kind, entity)``, in index order.

        Public API for other stages (e.g. a spaCy EntityRuler built from KB names): alias kinds are the
        keys of :data:`ALIAS_WEIGHT` (``label``, ``name``, ``short``, ``surname``, ``abbr``, ``demonym``,
        ``capital``, ``petrarch``, ``members``); pass ``kinds`` to keep some.  Automatic surnames are
        lower case keys; everything else is written as the source writes it.
        """
        for rows in self._exact.values():
            for eid, alias, kind in rows:
                if kinds is None or kind in kinds:
                    yield alias, kind, self.entities[eid]

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


def user_layer_dir() -> Path:
    """The folder of user-built layers: ``$KG_KB_DIR``, else the user data folder ``kg/kb``."""
    env = os.environ.get(USER_LAYER_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # noqa: PLC0415

    return Path(user_data_dir("kg", appauthor=False)) / "kb"


def layer_paths(spec: str | None = None) -> list[Path]:
    """The layer files :func:`default_kb` loads, in order.

    :param spec: comma-separated layer names or paths; default ``$KG_KB_LAYERS``, else ``"open,people"``.
        ``open`` is the bundled CC0/MIT layer (congress, parties, newspapers); ``people`` is the person
        layer rebuilt from Wikidata (``kg kb update --layer people``, in ``$KG_KB_DIR``, CC0) when it
        exists, else the bundled non-commercial ``people-nc`` layer (CC BY-NC 4.0); ``people-nc`` names
        that file itself.  ``KG_KB_LAYERS=open`` leaves the non-commercial layer out; ``KG_KB_LAYERS=``
        (empty) loads the base KB only.  A named layer whose file is absent is skipped.
    :raises KnowledgeBaseError: (E121) for an unknown layer name.
    """
    from kg.link.people import LAYERS  # noqa: PLC0415

    spec = os.environ.get("KG_KB_LAYERS", "open,people") if spec is None else spec
    data = DEFAULT_KB_PATH.parent
    out: list[Path] = []
    for part in (x.strip() for x in spec.split(",")):
        if not part:
            continue
        if part == "people":
            user = user_layer_dir() / "kb-people.json.gz"
            cand = user if user.exists() else data / LAYERS["people-nc"]["file"]
        elif part in LAYERS:
            cand = data / LAYERS[part]["file"]
        elif part.endswith(".json.gz") or "/" in part:
            cand = Path(part).expanduser()
            if not cand.exists():
                raise KnowledgeBaseError(Msg.E120, path=cand, reason="no such file")
        else:
            raise KnowledgeBaseError(Msg.E121, name=part, choices=", ".join(["people", *LAYERS]))
        if cand.exists() and cand not in out:
            out.append(cand)
    return out


def layer_infos(spec: str | None = None) -> list[dict[str, Any]]:
    """What :func:`default_kb` would load, without loading it: the base KB and each layer with its
    licence, entity counts and size (from the ``.meta.json`` sidecar of each layer file).

    :returns: ``[{"layer", "licence", "path", "size_bytes", "counts"}]``.
    :raises KnowledgeBaseError: (E121) for an unknown layer name in ``spec`` / ``$KG_KB_LAYERS``.
    """
    out: list[dict[str, Any]] = [{"layer": "base", "licence": "ODbL 1.0, CC BY-SA 4.0, MIT (see ATTRIBUTION.md)",
                                  "path": str(DEFAULT_KB_PATH),
                                  "size_bytes": DEFAULT_KB_PATH.stat().st_size if DEFAULT_KB_PATH.exists() else 0,
                                  "counts": None}]
    for p in layer_paths(spec):
        side = p.with_name(p.name.removesuffix(".json.gz") + ".meta.json")
        try:
            meta = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {"layer": p.name, "licence": "unknown (no .meta.json beside the file)"}
        out.append({"layer": meta.get("layer"), "licence": meta.get("licence"), "path": str(p),
                    "size_bytes": p.stat().st_size, "counts": meta.get("counts")})
    return out


def kb_files(kb: KnowledgeBase | None = None) -> list[Path]:
    """The files a knowledge base is made of, in load order: the base file, then each layer.

    :param kb: a loaded KB (its files as loaded); ``None``: the files :func:`default_kb` would load
        now (:data:`DEFAULT_KB_PATH` and :func:`layer_paths`, from ``$KG_KB_LAYERS``), without loading them.
    :raises KnowledgeBaseError: (E121) for an unknown layer name in ``$KG_KB_LAYERS``.
    """
    if kb is None:
        return [DEFAULT_KB_PATH, *layer_paths()]
    out = []
    for i, layer in enumerate(kb.layers):
        path = layer.get("path") or (DEFAULT_KB_PATH if i == 0 else None)
        if path:
            out.append(Path(path))
    return out


def file_digest(path: Path) -> str:
    """SHA-256 (hex) of the bytes of ``path``, kept per process for the same path, size and
    modification time (:func:`kg.run.spec.Pipeline.run_info` asks once per run).

    :raises OSError: when the file cannot be read.
    """
    st = path.stat()
    return _file_digest(str(path.resolve()), st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=64)
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


#: Bump when the pickled form of :class:`KnowledgeBase` changes in a way the source hash would miss.
_CACHE_VERSION = 1


def _cache_file(paths: list[Path]) -> Path | None:
    """Where the index of this KB + layers is cached: :func:`kg.config.cache_dir` ``("kb")`` (env
    ``KG_CACHE``; ``off`` disables it); the name hashes the files (path, size, mtime) and the source of the
    modules that define the KB's in-memory form, so any change gives a new cache file."""
    folder = cache_dir("kb")
    if folder is None:
        return None
    h = hashlib.sha256(f"v{_CACHE_VERSION}".encode())
    here = Path(__file__).resolve().parent
    for src in (here / "kb.py", here / "positions.py", here / "people.py", here.parent / "names.py"):
        h.update(src.read_bytes())
    for p in paths:
        st = p.stat()
        h.update(f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    return folder / f"kb-{h.hexdigest()[:20]}.pickle"


def load_cached(path: Path | str, layers: list[Path]) -> KnowledgeBase:
    """:meth:`KnowledgeBase.load` through an on-disk cache of the built index (pickle, in the user
    cache folder, see :func:`_cache_file`): the first load parses the JSON files and writes the cache
    (atomically); later loads read it, several times faster.  A missing, stale or unreadable cache is
    rebuilt; a cache that cannot be written is skipped.  The cache only ever holds what kg built from
    these files, in the user's own folder.  The garbage collector pauses during the load and the loaded
    objects are frozen (:func:`gc.freeze`): they live as long as the process.

    :raises KnowledgeBaseError: as :meth:`KnowledgeBase.load`.
    """
    # the index is about 1.5 million small objects: the cyclic garbage collector would traverse them again
    # and again while they are created (3x the load time), so it pauses during the load; afterwards
    # gc.freeze() moves them out of its reach for good (they live as long as the process)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        kb = _load_cached(Path(path), [Path(p) for p in layers])
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    return kb


def _load_cached(path: Path, layers: list[Path]) -> KnowledgeBase:
    paths = [path, *layers]
    try:
        cache = _cache_file(paths)
    except OSError as exc:
        raise KnowledgeBaseError(Msg.E040, path=path, reason=f"{type(exc).__name__}: {exc}") from exc
    if cache is not None and cache.exists():
        try:
            with cache.open("rb") as fh:
                kb = pickle.load(fh)
            if isinstance(kb, KnowledgeBase):
                return kb
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            pass
    kb = KnowledgeBase.load(path, layers)
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache)
        except OSError:
            pass
    return kb


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The KB bundled with kg (``kg/link/data/kb.json.gz``) with the layers of :func:`layer_paths`, loaded
    once per process (through :func:`load_cached`).

    :raises KnowledgeBaseError: (E040) if the bundled file is missing or unreadable; (E120/E121) for a
        bad layer.
    """
    return load_cached(DEFAULT_KB_PATH, layer_paths())


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


def iter_aliases(kb: KnowledgeBase | None = None, kinds: frozenset[str] | set[str] | None = None
                 ) -> Iterator[tuple[str, str, Entity]]:
    """Every ``(alias text, alias kind, entity)`` of ``kb`` (default: :func:`default_kb`); see
    :meth:`KnowledgeBase.iter_aliases`."""
    return (kb or default_kb()).iter_aliases(kinds)
