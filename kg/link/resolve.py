"""Link actors to Wikidata QIDs with the offline knowledge base.

Conventions
-----------
* **Metonymy.** Capitals and seats of government used as agents
  ("Washington said", "the Kremlin", "the White House", "Ankara and Moscow",
  "Tehran", "Beijing", "Damascus", "Riyadh", "Kiev") link to the *country's*
  QID (Washington -> Q30, Ankara -> Q43, Moscow -> Q159) with kind
  :attr:`ActorKind.COUNTRY`; the gold files of ``../shared/eval`` do the
  same.  Every actor passed to :meth:`Linker.link` is an agent, so this
  always applies there; :meth:`Linker.link_mention` takes ``as_actor=False``
  for plain entity linking, where a capital in a locative use ("arrived in
  London") links to the city.
* **Demonyms.** A singular demonym alone ("Iranian") links to the country; a
  plural one ("the Saudis", "Russians") is the people: a QID-less group with
  the country's QID as ``country_qid`` and the country's CAMEO code (SAU,
  RUS), as the gold files leave it NIL.  Demonym- or country-headed group phrases ("Iranian officials",
  "the Syrian military", "Turkish forces", "U.S. officials", "Iraq's Foreign
  Ministry") keep their own identity: ``qid`` stays ``None``, ``country_qid``
  is the country's QID and ``cameo_code`` is the PETRARCH country code plus
  the agent's role code from Phoenix.agents.txt (IRNGOV, SYRMIL, TURMIL).
* **NIL.** A wrong QID is worse than none: a link below the threshold
  (default :data:`DEFAULT_THRESHOLD`) leaves the actor unlinked.
* **People** (the person layers of :mod:`kg.link.people`): a full name links by lookup; a role phrase
  without a name ("the Iranian defence minister", "the U.S. president", "the Secretary of State") links
  to the one person who held that role in that country on the article's date (:meth:`Linker.role_holder`;
  no date, or several holders, stays NIL); a title before a surname ("President Trump", "Sen.
  McConnell", "Prime Minister May") links to the one holder of that office with that surname, on the
  date first, else ever (:meth:`Linker.titled_surname`); a bare surname links only to a person the same
  article already linked ("Zarif" after "Mohammad Javad Zarif"), never by lookup alone.  The CAMEO code
  of a person is PETRARCH's code on the date, else the country's code + GOV (LEG for legislators).
* **Parties and media**: "Republicans", "Democrats", "the Tories" are member-noun aliases of the
  party (kind ``party`` -> :attr:`ActorKind.ORGANIZATION`); newspapers are ``media``.

Disambiguation
--------------
``confidence = lookup score * NER compatibility * context factor * ambiguity factor``:

* NER compatibility (:data:`NER_COMPAT`): the entity kind against the
  mention's spaCy label -- "Chad"/"Jordan" tagged PERSON never become
  countries; an ORG-tagged country name is still a government (0.75);
* context: "town of / state of / county of X" rules out a country
  (×0.2); in a sports context (match, beat, coach, title, ...) a place name
  that is not preceded by a locative preposition is a team (×0.3); role
  words before a person name ("president", "defense minister") raise
  persons with a government role (PETRARCH GOV/MIL/LEG/IGO codes or a
  Wikidata P39 position) (×1.1);
* country context: when same-name candidates come from different countries, those whose
  country the context names (by name, code or demonym) get x1.1;
* the article date against dated positions (else PETRARCH role dates): for persons whose
  positions do not cover the date the score drops (×0.85), for those in office then it rises (×1.1);
  a title that names an office the person held ("Senator X") ×1.15; a less prominent office holder
  (:data:`_PROMINENT`) named without title, date in office or country in the context ×0.85, so a
  full-name match alone stays below the threshold (namesakes are common among them);
* ambiguity: when the runner-up (another entity) scores within 15% of the
  best, the confidence is reduced in proportion (to one half for a tie); surnames shared by several
  KB persons are NIL.

Length: one disambiguation procedure (mention scoring, role phrases, titled surnames, article-level
surnames, QID merging) whose steps share the scoring context; split it and the order of the rules is lost.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.link.kb import AMBIGUOUS_SHORT, Candidate, Entity, KnowledgeBase
from kg.link.positions import TITLE_KEYS, role_keys
from kg.names import norm, phonetic
from kg.model import Actor, ActorKind, ArticleResult, Span

__all__ = ["Linker", "DEFAULT_THRESHOLD", "NER_COMPAT"]

#: Default confidence threshold; below it an actor stays NIL.  Chosen on el_dev for
#: precision >= 0.90 of non-NIL links (see kg.link.evaluate).
DEFAULT_THRESHOLD = 0.6

#: kind compatibility of KB entity kinds with spaCy NER labels (None = no label: 1.0).
NER_COMPAT: dict[str, dict[str, float]] = {
    "PERSON": {"person": 1.0, "group": 1.0},  # "the Iranian defense minister": a person by role, no QID
    "GPE": {"country": 1.0, "city": 1.0, "region": 0.95, "organization": 0.5, "armed_group": 0.5, "media": 0.3, "group": 0.8,
            "party": 0.9},
    "LOC": {"country": 0.9, "city": 0.9, "region": 0.9, "organization": 0.3, "armed_group": 0.3},
    "NORP": {"country": 1.0, "armed_group": 0.8, "organization": 0.6, "group": 1.0, "city": 0.3, "party": 1.0},
    "ORG": {"organization": 1.0, "armed_group": 1.0, "media": 1.0, "country": 0.75, "city": 0.4, "region": 0.4,
            "group": 1.0, "party": 1.0},
    "FAC": {"country": 0.9, "organization": 0.6, "city": 0.5},
}
_OTHER_LABEL_COMPAT = 0.3
#: runner-up/best score ratio above which the best candidate's confidence is reduced
#: (linearly, down to one half when both score the same)
_AMBIGUITY_FROM = 0.85
_DEFAULT_KIND_COMPAT = 0.15
#: persons of the person layers below this popularity (everyone but heads of state and government, key
#: ministers, senators: see kg.link.people) need a title, a date in office or their country in the context;
#: without, their score is multiplied by _UNCORROBORATED (a full-name match alone then stays below the
#: default threshold)
_PROMINENT = 0.5
_UNCORROBORATED = 0.85

_KIND_TO_ACTOR = {
    "country": ActorKind.COUNTRY, "city": ActorKind.COUNTRY, "region": ActorKind.COUNTRY, "organization": ActorKind.ORGANIZATION,
    "armed_group": ActorKind.ORGANIZATION, "media": ActorKind.ORGANIZATION, "person": ActorKind.PERSON,
    "group": ActorKind.GROUP, "party": ActorKind.ORGANIZATION,
}
_ACTOR_TO_NER = {
    ActorKind.PERSON: "PERSON", ActorKind.ORGANIZATION: "ORG", ActorKind.COUNTRY: "GPE", ActorKind.GROUP: None,
}

_PLACE_KINDS = {"country", "city", "region"}
_NOT_COUNTRY_BEFORE = re.compile(
    r"\b(town|city|village|county|state|province|township|borough|suburb|district)\s+of\s*$", re.I)
_LOCATIVE_BEFORE = re.compile(r"\b(in|at|to|from|near|into|across|of|outside|inside|around|toward|towards|via)\s*$", re.I)
_SPORTS = re.compile(
    r"\b(match|matches|beat|beats|defeated|coach|titles?|championships?|tournament|league|season|"
    r"goals?|scored|homered|inning|quarterfinals?|semifinals?|finals?|olympics?|cup|squad|"
    r"teammates?|striker|midfielder|playoffs?|touchdown|world titles)\b", re.I)
_ROLE_WORDS = re.compile(
    r"\b(president|prime minister|minister|secretary|chancellor|king|emir|prince|leader|spokes(?:man|woman|person)|"
    r"ambassador|envoy|general|gen\.|commander|chief|premier|ayatollah|sheikh?|mr\.?|mrs\.?|ms\.?)\s*$", re.I)
_TITLE_PREFIX = re.compile(
    r"^(?:(?:the|former|ex-|acting|deputy|vice|foreign|defen[cs]e|interior|prime|us|u\.s\.|army|gen\.|general|"
    r"president|minister|secretary|king|queen|prince|crown|emir|sheikh?|sheik|ayatollah|mr\.?|mrs\.?|ms\.?|dr\.?|"
    r"sen\.|senator|rep\.|gov\.|governor|chancellor|premier|spokes(?:man|woman|person)|lt\.|col\.|maj\.|adm\.)\s+)+",
    re.I)
_PRONOUNS = frozenset("he she it they we i you him her them his its their this that who".split())


def _sentence_window(text: str, start: int, end: int, width: int = 200) -> tuple[str, int]:
    lo = max(0, start - width)
    return text[lo:min(len(text), end + width)], start - lo


class Linker:
    """Link mentions and actors with a :class:`KnowledgeBase`.

    :param kb: the knowledge base (``kg.link.kb.default_kb()``).
    :param threshold: minimum confidence in [0, 1] for a link; default :data:`DEFAULT_THRESHOLD`.
    """

    def __init__(self, kb: KnowledgeBase, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.kb = kb
        self.threshold = threshold

    # ------------------------------------------------------------ group phrases
    def _group(self, surface: str) -> Candidate | None:
        """Demonym/country-headed group phrase -> synthetic QID-less group entity."""
        s = re.sub(r"^(the|some|many|several|two|three|senior|top|other)\s+", "", surface.strip(), flags=re.I)
        s = re.sub(r"['\u2019]s\b", "", s)
        words = s.split()
        for i in range(min(4, len(words) - 1), 0, -1):
            head, rest = " ".join(words[:i]), " ".join(words[i:])
            country = self.kb.country_of_demonym(head)
            if country is None:
                cands = [c for c in self.kb.lookup(head, limit=3, fuzzy=False)
                         if c.entity.kind == "country" and c.alias_kind in ("label", "name", "abbr", "petrarch")]
                country = cands[0].entity if cands else None
            if country is None:
                continue
            role = self.kb.agent_code(rest)
            if role is None:
                rest_words = rest.split()
                for j in range(1, len(rest_words)):
                    role = self.kb.agent_code(" ".join(rest_words[j:]))
                    if role:
                        break
            if role is None:
                return None
            code = f"{country.cameo_code}{role}" if country.cameo_code else None
            ent = Entity(id=f"group:{code or country.id}", qid=None, label=surface.strip(), kind="group",
                         country_qid=country.qid, cameo_code=code, popularity=0.0)
            return Candidate(ent, 0.9, head, "demonym", "exact")
        return None

    def _context_countries(self, context: str) -> set[str]:
        """QIDs of the countries that ``context`` names by name, ISO code or demonym (capitalized
        words and word pairs only; exact KB names, no fuzzy matching)."""
        words = re.findall(r"[A-Z][\w.'\u2019-]*", context)
        out: set[str] = set()
        for i, w in enumerate(words):
            for cand in (w, " ".join(words[i:i + 2])):
                ctry = self.kb.country_of_demonym(cand)
                if ctry is None:
                    hit = [c for c in self.kb.lookup(cand, limit=2, fuzzy=False)
                           if c.entity.kind == "country" and c.alias_kind in ("label", "name", "abbr", "demonym")]
                    ctry = hit[0].entity if hit else None
                if ctry is not None and ctry.qid:
                    out.add(ctry.qid)
        return out

    def _strip_prefixes(self, surf: str) -> str:
        """Drop leading titles and demonyms: "Iranian Defense Minister Hossein Dehqan" -> "Hossein Dehqan"."""
        prev = None
        while prev != surf:
            prev = surf
            surf = _TITLE_PREFIX.sub("", surf)
            words = surf.split()
            if len(words) > 2 and self.kb.country_of_demonym(words[0]) is not None:
                surf = " ".join(words[1:])
        return surf

    # ------------------------------------------------------------ roles and titles
    @staticmethod
    def _title_keys(text: str) -> tuple[str, ...]:
        """Role keys of the title words that end ``text`` ("... President", "Sen.", "Prime Minister")."""
        t = " ".join(re.sub(r"[^\w\s-]", " ", text).lower().replace("defense", "defence").split())
        words = t.split()
        for n in range(min(4, len(words)), 0, -1):
            tail = " ".join(words[-n:])
            if tail in TITLE_KEYS:
                return TITLE_KEYS[tail]
            keys = role_keys(tail)
            if keys:
                return keys
        return ()

    def _country_words(self, words: list[str]) -> tuple[Entity | None, int]:
        """The country named by the first 1-3 ``words`` (a demonym, a name, "U.S."), and how many words."""
        for i in range(min(3, len(words)), 0, -1):
            head = re.sub(r"['\u2019]s$", "", " ".join(words[:i]))
            ctry = self.kb.country_of_demonym(head)
            if ctry is None:
                hit = [c for c in self.kb.lookup(head, limit=2, fuzzy=False)
                       if c.entity.kind == "country" and c.alias_kind in ("label", "name", "abbr", "petrarch")]
                ctry = hit[0].entity if hit else None
            if ctry is not None:
                return ctry, i
        return None, 0

    def role_phrase(self, text: str) -> tuple[tuple[str, ...], str | None] | None:
        """``(role keys, country QID or None)`` when ``text`` is a role phrase without a name
        ("the Iranian defence minister", "U.S. President", "Russia's foreign minister", "the president of
        France", "the Secretary of State"), else ``None`` ("Defense Minister Hossein Dehqan" has a name;
        "former president" is no current holder)."""
        t = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
        t = re.sub(r"['\u2019]s\b", "", t)
        words = t.split()
        if not words or any(w.lower() in ("former", "ex", "late", "then", "acting", "interim") for w in words):
            return None
        ctry, n = self._country_words(words)
        rest = " ".join(words[n:])
        m = re.match(r"^(.*?)\s+of\s+(.+)$", rest)
        if ctry is None and m:  # "president of France"
            c2, n2 = self._country_words(m.group(2).split())
            if c2 is not None and n2 == len(m.group(2).split()):
                ctry, rest = c2, m.group(1)
        keys = role_keys(rest, ctry.qid if ctry is not None else None)
        if not keys:
            return None
        return keys, (ctry.qid if ctry is not None else None)

    def role_holder(self, text: str, date: str | None) -> Entity | None:
        """The one person who held the role named by ``text`` (:meth:`role_phrase`) on ``date``, else ``None``
        (no date, no holder, or several: "the president" without a country, a handover day)."""
        if not date:
            return None
        rp = self.role_phrase(text)
        if rp is None:
            return None
        keys, country = rp
        hs = self.kb.holders(keys, country_qid=country, date=date)
        return hs[0][0] if len(hs) == 1 else None

    def titled_surname(self, surname: str, keys: tuple[str, ...], date: str | None,
                       countries: set[str] | None = None) -> Entity | None:
        """The one holder of an office with role ``keys`` whose surname is ``surname`` ("President Trump",
        "Senator McConnell", "Prime Minister May"): among holders on ``date`` first, then at any time;
        ``countries`` (QIDs the context names) break a tie.  ``None`` when none or several fit."""
        key = norm(surname)
        if not key or not keys:
            return None
        pk = phonetic(surname)
        for when in ([date, None] if date else [None]):
            fits = [e for e, _ in self.kb.holders(keys, date=when) if _surname_fits(e, key, pk)]
            uniq = {e.id: e for e in fits}
            if len(uniq) > 1 and countries:
                here = {i: e for i, e in uniq.items() if e.country_qid in countries}
                uniq = here or uniq
            if len(uniq) == 1:
                return next(iter(uniq.values()))
            if len(uniq) > 1:
                return None
        return None

    # ------------------------------------------------------------ one mention
    def candidates(self, surface: str, *, context: str = "", start: int | None = None,
                   ner_label: str | None = None, date: str | None = None,
                   as_actor: bool = True, limit: int = 5) -> list[Candidate]:
        """Scored candidates (confidence in [0, 1]) for one mention, best first."""
        surf = surface.strip()
        if not surf or norm(surf) in _PRONOUNS:
            return []
        if start is None and context:
            found = context.find(surf)
            start = found if found >= 0 else None
        before = context[:start] if (context and start is not None) else ""
        letters = "".join(c for c in surf if c.isalpha())
        if letters in AMBIGUOUS_SHORT and ner_label != "ORG":
            return []
        raw = self.kb.lookup(surf, limit=10)
        stripped = self._strip_prefixes(surf)
        if stripped != surf and stripped:
            raw += [replace(c, score=c.score * 0.97) for c in self.kb.lookup(stripped, limit=10)
                    if c.entity.kind == "person"]
        # a plural demonym alone ("the Palestinians", "Russians") is the people: a QID-less group with
        # the country's QID and CAMEO code (PETRARCH codes "RUSSIANS" as RUS); the gold files leave it NIL
        bare = re.sub(r"^the\s+", "", surf, flags=re.I)
        ctry = self.kb.country_of_demonym(bare)
        if ctry is not None and bare.endswith("s") and self.kb.country_of_demonym(bare[:-1]) is ctry:
            ent = Entity(id=f"group:{ctry.cameo_code or ctry.id}", qid=None, label=surf, kind="group",
                         country_qid=ctry.qid, cameo_code=ctry.cameo_code, popularity=0.0)
            raw = [Candidate(ent, 0.85, bare, "demonym", "exact")]
        elif not raw and ctry is not None:  # other demonyms alone ("the Swiss") -> the country
            raw = [Candidate(ctry, 0.85, surf, "demonym", "exact")]
        # a demonym/country-headed group phrase ("Syrian government") wins over anything but an exact
        # name of an entity: PETRARCH lists "Syria's Government" as an alias of Bashar al-Assad
        if len(surf.split()) >= 2 and not any(c.match == "exact" and c.alias_kind in ("label", "name", "abbr")
                                              for c in raw):
            grp = self._group(surf)
            if grp is not None:
                raw = [grp] + raw
        titled = stripped != surf and bool(re.search(
            r"\b(?:gen|general|president|minister|secretary|senator|sen|rep|gov|governor|chancellor|premier|king|"
            r"queen|prince|emir|sheikh?|ayatollah|mr|mrs|ms|dr|adm|col|lt|maj)\b\.?",
            surf[:len(surf) - len(stripped)], re.I))
        title_keys = self._title_keys(surf[:len(surf) - len(stripped)] if stripped != surf else before[-40:])
        sports = bool(context) and bool(_SPORTS.search(context))
        locative = bool(_LOCATIVE_BEFORE.search(before[-20:])) if before else False
        scored: dict[str, Candidate] = {}
        here: set[str] | None = None
        for c in raw:
            e, s = c.entity, c.score
            # NER label compatibility (a name after a personal title -- "Army Gen. X", "President X" -- is a
            # person whatever spaCy's label says)
            if ner_label and not (e.kind == "person" and titled):
                table = NER_COMPAT.get(ner_label)
                s *= table.get(e.kind, _DEFAULT_KIND_COMPAT) if table is not None else _OTHER_LABEL_COMPAT
            # metonymy: capitals -> country for agents; the city itself in locative uses
            if c.alias_kind == "capital":
                s *= 1.15 if as_actor else (0.5 if locative or not before else 0.9)
            elif e.kind == "city" and as_actor:
                s *= 0.6
            if e.kind in _PLACE_KINDS:
                if e.kind == "country" and _NOT_COUNTRY_BEFORE.search(before[-30:]):
                    s *= 0.2
                if sports and not locative:
                    s *= 0.3
            if e.kind == "person":
                if c.alias_kind == "surname" and e.layer != "base":
                    continue  # a bare surname of a person layer: only by title, role or the article (see link)
                if _ROLE_WORDS.search(before[-40:]) or stripped != surf:
                    if e.positions or any(r.code[3:6] in ("GOV", "MIL", "LEG") or r.code[:3] == "IGO"
                                          or r.code.startswith("P39:") for r in e.roles):
                        s *= 1.1
                if title_keys and e.positions_on(None, title_keys):
                    s *= 1.15  # "Senator X", "Prime Minister X": a namesake without that office falls behind
                on = e.has_role_on(date)
                if on is False:
                    s *= 0.85
                elif on is True and e.positions:
                    s *= 1.1
                if e.layer != "base" and e.popularity < _PROMINENT and on is not True and not (
                        title_keys and e.positions_on(None, title_keys)):
                    # a less prominent office holder (deputy minister, ambassador, regional official) named
                    # without a title, a date in office or the country: as likely a namesake -> below threshold
                    if here is None:
                        here = self._context_countries(context) if context else set()
                    if e.country_qid not in here:
                        s *= _UNCORROBORATED
            s = max(0.0, min(1.0, s))
            old = scored.get(e.id)
            if old is None or s > old.score:
                scored[e.id] = replace(c, score=round(s, 4))
        # country context: among same-name candidates from different countries, those whose country
        # the context names ("Portland, Maine"; "the Iranian minister Dehqan") get x1.1
        countries = {c.entity.country_qid for c in scored.values() if c.entity.kind != "country"}
        if context and len(scored) >= 2 and len(countries - {None}) >= 2:
            here = self._context_countries(context)
            for eid, c in scored.items():
                if c.entity.kind != "country" and c.entity.country_qid in here:
                    scored[eid] = replace(c, score=round(min(1.0, c.score * 1.1), 4))
        ranked = sorted(scored.values(), key=lambda c: (-c.score, c.entity.id))
        if len(ranked) >= 2 and ranked[0].score > 0:
            best, second = ranked[0], ranked[1]
            ratio = second.score / best.score
            if best.alias_kind == "surname" and second.alias_kind == "surname":
                factor = 0.0  # a surname shared by several KB persons: cannot tell
            else:
                factor = 1 - 0.5 * max(0.0, ratio - _AMBIGUITY_FROM) / (1 - _AMBIGUITY_FROM)
            # the best stays first; only its confidence drops
            ranked[0] = replace(best, score=round(best.score * factor, 4))
        return ranked[:limit]

    def link_mention(self, surface: str, *, context: str = "", ner_label: str | None = None,
                     date: str | None = None, start: int | None = None, as_actor: bool = True) -> Candidate | None:
        """Best candidate for one mention if its confidence reaches the threshold, else ``None`` (NIL).

        :param surface: mention text ("Washington", "the Syrian military").
        :param context: surrounding text (sentence or article), used for context rules.
        :param ner_label: spaCy label of the mention (PERSON, ORG, GPE, NORP, LOC, FAC ...) if known.
        :param date: article date (ISO) for dated roles.
        :param start: offset of the mention in ``context`` (found by search when omitted).
        :param as_actor: True when the mention is an agent (metonymy applies); False for plain EL.
        :returns: :class:`Candidate` (``candidate.entity.qid`` may be ``None`` for PETRARCH-only
            entities and demonym groups) or ``None``.
        """
        ranked = self.candidates(surface, context=context, start=start, ner_label=ner_label, date=date,
                                 as_actor=as_actor, limit=1)
        if ranked and ranked[0].score >= self.threshold:
            return ranked[0]
        return None

    # ------------------------------------------------------------ whole article
    def link(self, result: ArticleResult) -> ArticleResult:
        """Link every actor of ``result`` (actors list and statement actors/targets), then merge
        actors that got the same QID and rewrite the statements to point at the merged actors.

        Modifies the actors in place and returns ``result``.
        """
        text = result.article.text
        date = result.article.date
        actors: list[Actor] = []
        seen_ids: set[int] = set()
        for a in list(result.actors) + [x for st in result.statements for x in [st.actor, *st.targets]]:
            if id(a) not in seen_ids:
                seen_ids.add(id(a))
                actors.append(a)
        for a in actors:
            self._link_actor(a, text, date)
        self._link_by_article(actors, date)
        # merge by QID
        canon: dict[str, Actor] = {}
        mapping: dict[int, Actor] = {}
        for a in actors:
            if a.qid is None:
                mapping[id(a)] = a
                continue
            keep = canon.get(a.qid)
            if keep is None:
                canon[a.qid] = a
                mapping[id(a)] = a
                continue
            mapping[id(a)] = keep
            spans = {(m.start, m.end): m for m in keep.mentions + a.mentions}
            keep.mentions = [spans[k] for k in sorted(spans)]
            keep.link_confidence = max(keep.link_confidence or 0.0, a.link_confidence or 0.0)
            keep.role = keep.role or a.role
        new_actors: list[Actor] = []
        kept: set[int] = set()
        for a in result.actors:
            m = mapping.get(id(a), a)
            if id(m) not in kept:
                kept.add(id(m))
                new_actors.append(m)
        result.actors = new_actors
        for st in result.statements:
            st.actor = mapping.get(id(st.actor), st.actor)
            targets: list[Actor] = []
            tmentions: list[Span] = []
            for t, tm in zip(st.targets, st.target_mentions or [None] * len(st.targets)):
                mt = mapping.get(id(t), t)
                if any(mt is x for x in targets) or _own_side(st.actor, mt):
                    continue
                targets.append(mt)
                tmentions.append(tm)
            st.targets = targets
            if st.target_mentions:
                st.target_mentions = tmentions
        return result

    def person_code(self, e: Entity, date: str | None) -> str | None:
        """CAMEO code of a person on ``date``: the PETRARCH code valid then, else the country's code plus GOV
        (LEG for members of a legislature) when the person held an office (``"FRAGOV"``), else ``None``."""
        code = e.code_on(date)
        if code or not e.positions or not e.country_qid:
            return code
        ctry = self.kb.get(e.country_qid)
        if ctry is None or not ctry.cameo_code:
            return None
        keys = {k for p in e.positions for k in p.keys}
        legislator = keys and keys <= {"senator", "representative", "speaker"}
        return ctry.cameo_code + ("LEG" if legislator else "GOV")

    def _link_by_role(self, a: Actor, text: str, date: str | None) -> bool:
        """Link a role phrase ("the Iranian defence minister") to the one holder of the role on ``date``,
        or a titled surname ("President Trump", "Sen. McConnell") to the one office holder of that name.
        True when ``a`` was linked."""
        if not a.qid and (a.kind is not ActorKind.PERSON or self.role_phrase(a.name) is not None):
            for surf in [a.name, *(m.text for m in a.mentions if m.text and m.text != a.name)]:
                e = self.role_holder(surf, date)
                if e is not None and e.qid:
                    _assign(a, e, 0.9, self.person_code(e, date), role=re.sub(r"^(?:the|a)\s+", "", surf, flags=re.I))
                    return True
        words = a.name.split()
        if a.kind is ActorKind.PERSON and len(words) == 1 and len(norm(a.name)) >= 2:
            keys: tuple[str, ...] = self._title_keys(a.role) if a.role else ()
            pos = None
            for m in a.mentions:
                i = m.text.find(a.name) if m.text else -1
                if i > 0:
                    keys = keys or self._title_keys(m.text[:i])
                    pos = pos if pos is not None else m.start
            if not keys:
                return False
            ctx = _sentence_window(text, pos, pos + len(a.name))[0] if (text and pos is not None) else ""
            e = self.titled_surname(a.name, keys, date, self._context_countries(ctx) if ctx else None)
            if e is not None and e.qid:
                _assign(a, e, 0.85, self.person_code(e, date))
                return True
        return False

    def _link_by_article(self, actors: list[Actor], date: str | None) -> None:
        """A bare surname ("Zarif", "Mr. Tillerson") links to the one person of the article already linked
        with that surname (the article introduced the full name); several or none: it stays NIL."""
        linked = [self.kb.get(a.qid) for a in actors if a.qid and a.kind is ActorKind.PERSON]
        people = {e.id: e for e in linked if e is not None and e.kind == "person"}
        if not people:
            return
        for a in actors:
            if a.qid or a.kind is not ActorKind.PERSON:
                continue
            name = self._strip_prefixes(a.name)
            if len(name.split()) != 1:
                continue
            key, pk = norm(name), phonetic(name)
            fits = [e for e in people.values() if _surname_fits(e, key, pk)]
            if len(fits) == 1:
                _assign(a, fits[0], 0.85, self.person_code(fits[0], date))

    def _link_actor(self, a: Actor, text: str, date: str | None) -> None:
        """Link one actor from its name and mention texts.

        Surfaces are tried in tiers and the first tier with a link wins (the best score within it):
        the actor's name; mentions that contain the name ("French Foreign Minister Jean-Yves Le Drian",
        also without the name: "French Foreign Minister" -> FRAGOV); then the other mentions.  So a
        role mention that coreference attached by mistake ("Iran's foreign minister") never overrides
        what the name itself says.
        """
        first = a.mentions[0].start if a.mentions else None
        if self._link_by_role(a, text, date):
            return
        name_key = norm(a.name)
        # (surface, offset, only a group candidate counts)
        tiers: list[list[tuple[str, int | None, bool]]] = [[(a.name, first, False)], [], []]
        for m in a.mentions:
            if not m.text or m.text == a.name:
                continue
            if name_key and name_key in norm(m.text) and norm(m.text) != name_key:
                tiers[1].append((m.text, m.start, False))
                i = m.text.find(a.name)
                if i > 0 and a.kind is ActorKind.PERSON:  # the title before a person's name, as a group
                    tiers[1].append((m.text[:i].strip(" ,"), m.start, True))
            else:
                tiers[2].append((m.text, m.start, False))
        ner = _ACTOR_TO_NER.get(a.kind)
        best: Candidate | None = None
        for tier in tiers:
            for surf, pos, group_only in tier:
                if not surf or norm(surf) in _PRONOUNS:
                    continue
                if pos is not None and text:
                    ctx, off = _sentence_window(text, pos, pos + len(surf))
                else:
                    ctx, off = "", None
                role_ctx = (a.role + " ") if a.role else ""
                cand = self.link_mention(surf, context=role_ctx + ctx if role_ctx and off is None else ctx,
                                         ner_label=ner, date=date, start=off, as_actor=True)
                if cand is not None and group_only and cand.entity.kind != "group":
                    continue
                if cand is not None and (best is None or cand.score > best.score):
                    best = cand
            if best is not None:
                break
        if best is None:
            return
        e = best.entity
        if e.qid:
            a.qid = e.qid
            a.link_confidence = best.score
            a.name = e.label
        if not (e.kind == "group" and a.kind is ActorKind.PERSON):
            a.kind = _KIND_TO_ACTOR.get(e.kind, a.kind)
        a.cameo_code = self.person_code(e, date) if e.kind == "person" else (e.cameo_code or a.cameo_code)
        a.country_qid = e.country_qid or (self.kb.country_by_cameo(a.cameo_code).qid
                                          if a.cameo_code and self.kb.country_by_cameo(a.cameo_code) else None)


def _assign(a: Actor, e: Entity, score: float, code: str | None, role: str | None = None) -> None:
    """Give actor ``a`` the person ``e`` (QID, name, kind, country) and the CAMEO ``code``."""
    a.qid = e.qid
    a.link_confidence = round(score, 4)
    a.name = e.label
    a.kind = ActorKind.PERSON
    a.role = a.role or role
    a.cameo_code = code or a.cameo_code
    a.country_qid = e.country_qid or a.country_qid


def _own_side(actor: Actor, target: Actor) -> bool:
    """A target that is the speaker itself or the speaker's own country ("U.S. officials said
    Washington had shown patience", "Putin said Russia will ..."): the speaker talks about its
    own side, which is no target of a statement (CAMEO codes a dyad between two actors)."""
    if target is actor:
        return True
    if target.qid is None:
        return False
    return target.qid == actor.qid or target.qid == actor.country_qid


def _surname_fits(e: Entity, key: str, pk: str) -> bool:
    """True when ``key`` (a :func:`kg.names.norm` surname) is the last word or the particle surname of the
    entity's label or of one of its aliases, or has the same transliteration key (Dehqan/Dehghan)."""
    for name in (e.label, *e.aliases):
        n = norm(name)
        if n == key or n.endswith(" " + key):
            return True
        last = n.split()[-1:] if n else []
        if last and len(key) >= 5 and phonetic(last[0]) == pk:
            return True
    return False
