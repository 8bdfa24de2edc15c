"""Within-article coreference of actor mentions.

A small, rule-based resolver tuned to news style (after the sieve design of
Lee et al. 2013, "Deterministic coreference resolution based on entity-centric,
precision-ranked rules", Computational Linguistics 39(4)), applied in this
order:

1. exact name match (case, leading "the" and dots ignored: "U.S." = "US");
2. surname match: a one-word name equal to the last word of an earlier or
   later full person name ("Dehqan" = "Hossein Dehqan"), whatever NER label
   the small model gave it;
2b. acronyms: "NISA" after "... Security Agency (NISA)", after "the group,
   known by its acronym NISA", or equal to the initials of an organization
   named before;
3. role phrases: "the Iranian defense minister", "the minister", "Russia's
   envoy" -> the most recent person whose title words contain the head noun
   or a synonym of it (``roles.tsv``: envoy = ambassador), with a matching
   demonym when one is given, else the subject of the next sentence when a
   country is given; "the agency", "the bureau", "the bloc" -> the most recent
   organization whose name holds the noun or a synonym ("... Energy Agency",
   "European Union") or that was introduced with such a descriptor; "the
   Chinese side" -> the country of the demonym;
4. pronouns: he/she/him/her/his -> the most recent speaker that is a person,
   else the most recent person mentioned before; "it"/"its" -> the nearest
   preceding country or organization in the sentence or the one before,
   other than the speaker; "they"/"we"/"I" stay unresolved (the statement is
   dropped rather than guessed).

Titles and roles are stripped from person names and kept as the actor's role.

Also: a bare surname one letter off a person named in full before (6+ letters, same first letter,
exactly one person fits) is that person; a definite epithet naming a calling, not an office ("the
French politician"), is the article's main person when no earlier mention holds the title.

Length: just over 600 lines because the sieves stay in one class: they share one resolver state
(clusters, persons, sentence numbers); the word-level helpers without state are in
:mod:`kg.extract.corefwords`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc
from unidecode import unidecode

from kg.extract.corefwords import (
    COLLECTIVE_NOUNS, LABEL_KIND, LEADER_WORDS, STATE_BODIES, dominates, ent_of_token, honorific_gender, NAME_LINKS,
    EPITHET_WORDS, one_letter_off, pronoun_gender, role_holds, subject_name,
)
from kg.extract.descriptions import described_antecedent
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import MentionRef, mention_for, same_country, weak_person_mention
from kg.extract.quotes import quoted_tokens
from kg.extract.syntax import PERSONAL_PRONOUNS
from kg.names import words_key


@dataclass(slots=True)
class Cluster:
    """One actor of the article: its mentions (token ranges) and what we know."""

    id: int
    name: str
    label: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None
    demonym: str | None = None
    last_pos: int = -1
    gender: str | None = None  # "m"/"f" from an honorific or a pronoun already resolved to it

    @property
    def surname(self) -> str | None:
        if self.label != "PERSON":
            return None
        parts = unidecode(self.name).split()
        return parts[-1].lower() if len(parts) > 1 else None

    @property
    def kind(self) -> str:
        return LABEL_KIND.get(self.label, "OTHER")


class Resolver:
    """Resolve :class:`~kg.extract.mentions.MentionRef` objects of one doc to clusters.

    Call :meth:`resolve` on mentions in text order; :attr:`clusters` holds the
    actors found.
    """

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.clusters: list[Cluster] = []
        self.by_name: dict[str, Cluster] = {}
        self.by_surname: dict[str, Cluster] = {}
        self.last_person_speaker: Cluster | None = None
        self.person_speakers: list[Cluster] = []  # persons who spoke, latest last
        # person entities of the whole doc are antecedents for surnames and pronouns
        self._persons: list[tuple[int, Cluster]] = []
        self._ents = list(doc.ents)  # doc.ents rebuilds its list on every access
        # sentence number of every token, for O(1) sentence distances
        self._sent_no: list[int] = []
        n = -1
        for t in doc:
            if t.is_sent_start or t.i == 0:
                n += 1
            self._sent_no.append(n)
        self._quoted = quoted_tokens(doc)
        for ent in self._ents:
            if ent.label_ == "PERSON" and not weak_person_mention(ent.root):
                m = mention_for(ent.root, lex)
                c = self._named(m)
                self._persons.append((ent.start, c))
        # a surname the NER left untagged after the full name ("Michel Barnier ... Barnier, too, was ...")
        # is a mention of that person for the pronouns after it
        first = {}
        for start, c in self._persons:
            if c.surname:
                first.setdefault(c.surname, (start, c))
        for t in doc:
            if not t.ent_type_ and t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() and t.dep_ in ("nsubj", "nsubjpass"):
                hit = first.get(unidecode(t.text).lower())
                if hit is not None and hit[0] < t.i:
                    self._persons.append((t.i, hit[1]))
        self._persons.sort(key=lambda x: x[0])

    # -- helpers

    def _sdist(self, a: int, b: int) -> int:
        """Number of sentence starts between token ``a`` and token ``b`` (a <= b)."""
        return self._sent_no[b] - self._sent_no[a] if 0 <= a < len(self._sent_no) and 0 <= b < len(self._sent_no) else 0

    def _span_text(self, start: int, end: int) -> str:
        return self.doc[start:end].text

    def _name_of(self, m: MentionRef) -> str:
        if m.name_start >= 0:
            text = self._span_text(m.name_start, m.name_end)
        else:
            text = self._span_text(m.start, m.end)
        text = re.sub(r"^(the|The)\s+", "", text.strip())
        text = re.sub(r"^(Mr|Mrs|Ms|Dr|Mr\.|Mrs\.|Ms\.|Dr\.)\s+(?=[A-Z])", "", text)  # "Mr Pompeo" is Pompeo
        text = re.sub(r"(’s|'s)$", "", text)
        return text.strip().strip("\"“”‘’'«»„").strip()  # no stray quote marks in a name

    def _new(self, name: str, label: str, m: MentionRef) -> Cluster:
        c = Cluster(len(self.clusters), name, label, role=m.role)
        self.clusters.append(c)
        self.by_name.setdefault(words_key(name), c)
        if c.surname:
            self.by_surname.setdefault(c.surname, c)
        return c

    def _demonym(self, m: MentionRef) -> str | None:
        """The country word of a mention: a demonym or a country name modifying
        it ("Iranian", "Iran's", "US")."""
        for t in self.doc[m.start:m.end]:
            if t.ent_type_ in ("NORP", "GPE") and t.i != m.head and t.dep_ in ("amod", "compound", "poss", "nmod"):
                return t.text
        return None

    def _named(self, m: MentionRef) -> Cluster:
        name = self._name_of(m)
        key = words_key(name)
        c = self.by_name.get(key)
        label = m.label
        words = key.split()
        if c is None and len(words) == 1:
            c = self.by_surname.get(words[0])
        if c is None and len(words) == 1 and label in ("PERSON", "PROPN"):
            # "Erdogan" after "Recep Tayyip Erdoğan" that the small model left unlabelled
            c = next((x for x in self.clusters if x.label == "PROPN" and len(x.name.split()) >= 2
                      and words_key(x.name).split()[-1] == words[0]), None)
            if c is not None:
                c.label = "PERSON"
                self.by_surname.setdefault(words[0], c)
        if c is None and len(words) == 1 and label in ("PERSON", "PROPN") and name[:1].isupper():
            # a bare surname misspelt by one letter ("Fernandes" after "Maria Fernandez"), when one person fits
            near = {x.id: x for k, x in self.by_surname.items() if x.label == "PERSON" and one_letter_off(k, words[0])}
            c = next(iter(near.values())) if len(near) == 1 else None
        if c is None and len(words) == 1 and name.isupper() and 2 <= len(name) <= 8 and name.isalpha() and label not in (
                "GPE", "NORP"):
            c = self._acronym(name, m)
        if c is None and len(words) > 1 and (label == "PERSON" or (label == "PROPN" and all(
                t[:1].isupper() for t in name.split()))):
            # a later (or, NER having run first, an unlabelled) full name for a bare surname
            single = self.by_name.get(words[-1])
            if single is not None and single.label in ("PERSON", "PROPN", "ORG") and (
                    label == "PERSON" or single.label == "PERSON"):
                single.name, single.label = name, "PERSON"
                self.by_name[key] = single
                self.by_surname.setdefault(words[-1], single)
                c = single
        if c is None:
            c = self._new(name, "PERSON" if label == "PERSON" else label, m)
        if m.role and not c.role:
            c.role = m.role
        if c.gender is None:
            c.gender = honorific_gender(self.doc[m.start:m.end].text, self.lex)
        dem = self._demonym(m)
        if dem and not c.demonym:
            c.demonym = dem
        return c

    def _acronym(self, name: str, m: MentionRef) -> Cluster | None:
        """"NISA" after "National Intelligence and Security Agency (NISA)" or the
        initials of an earlier organization's name; "CRS" after "The relief agency,
        known by its English initials CRS" -> what that noun phrase resolves to."""
        doc = self.doc
        c: Cluster | None = None
        for ent in self._ents:
            if ent.start > m.head or ent.text != name:  # the alias itself or an earlier one
                continue
            tok = doc[ent.start]
            if tok.i >= 2 and doc[tok.i - 1].text == "(" and doc[tok.i - 2].ent_type_ == "ORG":
                owner = ent_of_token(self._ents, tok.i - 2)
                if owner is not None and owner.text != name:
                    c = self._named(mention_for(owner.root, self.lex))
                    break
            up = tok
            for _ in range(4):  # "known by its French acronym MSF", "known as MSF"
                up = up.head
                if up.lemma_ == "know" and up.dep_ in ("acl", "relcl") and up.head.pos_ in ("NOUN", "PROPN"):
                    owner_m = mention_for(up.head, self.lex)
                    if owner_m.label == "AGENT":
                        c = self._org_phrase(owner_m)
                    elif words_key(self._name_of(owner_m)) != words_key(name):
                        c = self._named(owner_m)
                    break
            if c is not None:
                break
        if c is None and len(name) >= 3:  # "US" is no "Union of Students"
            want = name.lower()
            for ent in self._ents:
                if ent.start >= m.start or ent.label_ != "ORG":
                    continue
                initials = "".join(w[0] for w in words_key(ent.text).split() if w not in NAME_LINKS)
                if initials == want and len(ent) > 1:
                    c = self._named(mention_for(ent.root, self.lex))
                    break
        if c is not None:
            self.by_name.setdefault(words_key(name), c)
        return c

    def _role_phrase(self, m: MentionRef) -> Cluster | None:
        """"the Iranian defense minister", "Iran's foreign minister", "the US
        president" -> the nearest preceding person whose title words hold the
        head noun or a synonym of it (``roles.tsv``: "envoy" = "ambassador") and
        whose country (when both say one) is the same; for a phrase naming a
        country, an earlier person of another or unknown country loses to the
        subject of the next sentence ("Russia's envoy dismissed ... . "...,"
        Vassily Nebenzia told the council"), when that person's title and country
        do not say otherwise. A definite epithet naming a calling, not an office
        ("the French politician", "the veteran diplomat"; ``EPITHET_WORDS``), with no
        antecedent holding it, is the article's main person (:meth:`_main_person`)."""
        head = self.doc[m.head]
        lemma = head.lemma_.lower()
        if not (self.lex.is_title(lemma) or lemma in EPITHET_WORDS) or head.tag_ in ("NNS", "NNPS"):
            return None  # "world leaders" is no one person
        # "the U.N. chief": an organization before the head narrows the role; other names make it a name
        orgs = {t.lower_.replace(".", "") for t in self.doc[m.start:m.end] if t.ent_type_ == "ORG" and t.i != head.i}
        if head.i > 0 and any(t.pos_ == "PROPN" for t in self.doc[m.start:m.end] if t.ent_type_ not in ("NORP", "GPE", "ORG")):
            return None
        dem = self._demonym(m)
        syns = self.lex.role_synonyms(lemma)
        holds = lambda c: bool(c.role) and (lemma in c.role.lower() or role_holds(c.role, syns)) and (  # noqa: E731
            not orgs or role_holds(c.role.replace(".", ""), frozenset(orgs)))
        best: Cluster | None = None
        best_pos = -1
        later: list[Cluster] = []
        for start, c in self._persons:
            if not holds(c):
                continue
            if dem and c.demonym and not same_country(dem, c.demonym):
                continue
            if start >= m.start:
                later.append(c)
            elif start > best_pos:
                best, best_pos = c, start
        if dem and (best is None or not best.demonym):
            nxt = self._next_subject_person(m, dem, holds)
            if nxt is not None:
                return nxt
        if best is None and len({c.id for c in later}) == 1:
            # cataphora: "Iran's foreign minister said ..." before "Foreign Minister Javad Zarif"
            best = later[0]
        former = any(t.lower_ in ("former", "ex") for t in self.doc[m.start:m.head])
        # "the French politician": a definite epithet naming a calling, not an office (EPITHET_WORDS)
        epithet = not later and lemma in EPITHET_WORDS and self.doc[m.start].lower_ == "the"
        if best is None and ((not later and lemma in LEADER_WORDS) or former or epithet):
            # "the former French foreign minister": an epithet of the article's main person
            best = self._main_person(m, dem, any_role=former or epithet)
        return best

    def _next_subject_person(self, m: MentionRef, dem: str, holds) -> Cluster | None:
        """The person who is the first subject of the sentence after ``m``'s, when
        their title (if any) holds the role (``holds``) and their country (if
        known) is ``dem``'s: news names the holder of a role phrase right after it."""
        sent_no = self._sent_no[m.head]
        for start, c in self._persons:
            if start <= m.end or self._sent_no[start] <= sent_no:
                continue
            if self._sent_no[start] > sent_no + 1:
                return None
            if not subject_name(self.doc[start]):
                continue
            if (c.role and not holds(c) and c.role.lower().replace(".", "") not in self.lex.words.courtesy_titles) or (
                    c.demonym and not same_country(dem, c.demonym)):
                return None
            return c
        return None

    def _org_phrase(self, m: MentionRef) -> Cluster | None:
        """"the agency", "the bureau", "the U.N. agency" -> the nearest preceding
        organization whose name holds the head noun ("International Atomic Energy
        Agency", "Federal Bureau of Investigation") and every other word of the
        phrase but its determiner; None for a plural, an indefinite or a
        possessed phrase, or when no such organization was named before."""
        doc = self.doc
        head = doc[m.head]
        if head.tag_ in ("NNS", "NNPS") or doc[m.start].lower_ != "the" or head.pos_ != "NOUN":
            return None
        words = [unidecode(t.lower_).replace(".", "") for t in doc[m.start + 1:m.end] if t.is_alpha or "." in t.text]
        if not words or any(t.dep_ == "poss" and t.i != head.i for t in doc[m.start:m.end]):
            return None
        lemma = head.lemma_.lower()
        syns = self.lex.role_synonyms(lemma, "org") - {lemma}
        for ent in reversed(self._ents):  # the organizations named before, nearest first
            if ent.end > m.start or ent.label_ != "ORG":
                continue
            name = words_key(ent.text).split()
            if lemma in name and all(w in name or w == head.lower_ for w in words):
                return self._named(mention_for(ent.root, self.lex))
        if not syns:
            return None
        for ent in reversed(self._ents):
            # "the regional body" -> "... Community of ...", "the bloc" -> "European Union" (roles.tsv), or an
            # organization introduced with such a descriptor ("the charity Doctors Without Borders")
            if ent.end > m.start or ent.label_ != "ORG":
                continue
            name = set(words_key(ent.text).split())
            described = any(t.lemma_.lower() in syns or t.lemma_.lower() == lemma for t in
                            (ent.root.head, *ent.root.children, *self.doc[max(0, ent.start - 1):ent.start])
                            if t.pos_ == "NOUN" and t.dep_ in ("compound", "appos", "nsubj", "dobj", "pobj", "ROOT"))
            if name & syns or described:
                return self._named(mention_for(ent.root, self.lex))
        return None

    def _side_phrase(self, m: MentionRef) -> Cluster | None:
        """"the Chinese side", "the European side" (of talks) -> the country of the
        demonym named in the article ("China"), else the first organization named
        whose first word is the demonym ("European Union"); None otherwise."""
        head = self.doc[m.head]
        if head.lemma_.lower() != "side" or head.tag_ in ("NNS", "NNPS"):
            return None
        dem = self._demonym(m)
        if not dem:
            return None
        stem = dem.lower()[:4]
        orgs = [e for e in self._ents if e.label_ == "ORG" and len(stem) == 4 and e.text.lower().removeprefix("the ")[:4] == stem]
        for ent in [e for e in self._ents if e.label_ == "GPE" and same_country(dem, e.text)] + orgs:
            return self._named(mention_for(ent.root, self.lex))
        return None

    def _described(self, m: MentionRef) -> Cluster | None:
        """"the army", "the junta" -> the actor of the one body of that kind named before
        (:func:`kg.extract.descriptions.described_antecedent`), else None."""
        ante = described_antecedent(self.doc[m.head], self.lex)
        if ante is None:
            return None
        am = mention_for(ante, self.lex)
        if am.label != "AGENT":
            return self._named(am)
        name = self._name_of(am)
        return self.by_name.get(words_key(name)) or self._new(name, "AGENT", am)

    def _main_person(self, m: MentionRef, dem: str | None, any_role: bool = False) -> Cluster | None:
        """"The US president", "the American leader" with no titled antecedent:
        the article's most mentioned person before ``m`` (at least twice), when
        no title or country of theirs says otherwise; with ``any_role`` ("the
        former French foreign minister", an epithet) whatever their title, counting
        the mentions of the whole article."""
        counts: dict[int, int] = {}
        by_id: dict[int, Cluster] = {}
        for start, c in self._persons:
            if start < m.start and c.surname:
                by_id[c.id] = c
        for c in by_id.values():
            # every earlier use of the surname, whatever label the small model gave it
            counts[c.id] = sum(1 for t in self.doc[:len(self.doc) if any_role else m.start]
                              if t.lower_ == c.surname and t.pos_ == "PROPN")
        ranked = sorted(counts, key=lambda i: -counts[i])
        if not ranked or counts[ranked[0]] < 2 or (len(ranked) > 1 and counts[ranked[1]] == counts[ranked[0]]):
            return None
        c = by_id[ranked[0]]
        role = (c.role or "").lower().replace(".", "")
        if role and not any_role and role not in self.lex.words.courtesy_titles and not any(w in role for w in LEADER_WORDS):
            return None
        if dem and c.demonym and not same_country(dem, c.demonym):
            return None
        return c

    def _salient_person(self, m: MentionRef, speaker_of: Cluster | None) -> Cluster | None:
        """The person most mentioned (by name or surname) in the three sentences
        before ``m``, other than ``speaker_of``; ties go to the latest."""
        doc = self.doc
        score: dict[int, tuple[int, int]] = {}
        by_id: dict[int, Cluster] = {}
        for c in self.clusters:
            if c is speaker_of or c.label != "PERSON":
                continue
            for s, _e in c.mentions:
                if s < m.start and self._sdist(s, m.start) <= 3:
                    n, last = score.get(c.id, (0, -1))
                    score[c.id] = (n + 1, max(last, s))
                    by_id[c.id] = c
            if c.surname:
                for t in doc[max(0, m.start - 400):m.start]:
                    if t.lower_ == c.surname and self._sdist(t.i, m.start) <= 3:
                        n, last = score.get(c.id, (0, -1))
                        score[c.id] = (n + 1, max(last, t.i))
                        by_id[c.id] = c
        if not score:
            return None
        return by_id[max(score, key=lambda k: score[k])]

    def _person_antecedent(self, m: MentionRef, speaker_of: Cluster | None = None) -> Cluster | None:
        """he/she: a person earlier in the same sentence (subjects and their
        possessors first: "Netanyahu's office said he ..."), else the last
        person who spoke within the three sentences before, else the last
        person mentioned."""
        doc = self.doc
        sent = doc[m.head].sent
        want = pronoun_gender(doc[m.head].lower_)
        fits = lambda c: c is not None and (want is None or c.gender in (None, want))  # noqa: E731
        same = [(start, c) for start, c in self._persons if sent.start <= start < m.start and fits(c)
                and (m.head in self._quoted or start not in self._quoted)]  # "“Cherry picking ...,” he warned"
        pron = doc[m.head]
        if pron.lower_ in ("him", "her") and pron.dep_ in ("dobj", "dative", "pobj"):
            # binding: "Qanoon dubbed him ...": an object pronoun is not its own clause's subject
            verb = pron.head if pron.dep_ != "pobj" else pron.head.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                same = [(start, c) for start, c in same if not (subj.left_edge.i <= start <= subj.i)]
            same = [(start, c) for start, c in same if c is not speaker_of]
        if same:
            def salient(item: tuple[int, Cluster]) -> tuple[int, int]:
                root = doc[item[0]].head if doc[item[0]].dep_ == "compound" else doc[item[0]]
                while root.dep_ == "compound":
                    root = root.head
                return (root.dep_ in ("nsubj", "nsubjpass", "poss"), item[0])
            return max(same, key=salient)[1]
        if doc[m.head].lower_ in ("him", "her") and doc[m.head].dep_ in ("dobj", "pobj", "dative"):
            # an object pronoun: the person the last sentences talk about most, not the last speaker
            salient = self._salient_person(m, speaker_of)
            if fits(salient):
                return salient
        speaker = self.last_person_speaker
        for cand in reversed(self.person_speakers):  # the latest speaker the pronoun can refer to
            if not fits(cand) or not cand.mentions:
                continue
            earlier = [s for s, _ in cand.mentions if s < m.start]
            if earlier and self._sdist(max(earlier), m.start) <= 3:
                return cand
            break
        outside = m.head not in self._quoted
        prior = [(start, c) for start, c in self._persons if start < m.start and fits(c)
                 and not (outside and start in self._quoted)]
        # subjects first (centering: Grosz, Joshi & Weinstein 1995): "Barnier ... says ... challenging
        # Macron. He added" -> Barnier
        subjects = [c for start, c in prior if subject_name(self.doc[start])]
        if subjects:
            return subjects[-1]
        if prior:
            return prior[-1][1]
        return speaker if fits(speaker) else None

    def _group_antecedent(self, m: MentionRef, speaker_of: Cluster | None) -> Cluster | None:
        """they/them: the most recent plural group ("top black lawmakers",
        "Palestinian leaders") mentioned in this or the previous sentence,
        other than the speaker of the statement the pronoun is a target in."""
        doc = self.doc
        best: Cluster | None = None
        best_pos = -1
        for plural_only in (True, False):
            for c in self.clusters:
                if c is speaker_of or c.label not in ("AGENT", "ORG") or not c.mentions:
                    continue
                for s, e in c.mentions:
                    head = doc[e - 1]
                    # second pass: a collective ("the Fatih alliance ... work with them")
                    ok = head.tag_ in ("NNS", "NNPS") if plural_only else (
                        head.lemma_.lower() in COLLECTIVE_NOUNS or head.lower_ in ("they", "them", "their"))
                    if s < m.start and ok and self._sdist(s, m.start) <= 1 and s > best_pos:
                        best, best_pos = c, s
            if best is not None:
                break
        return best

    def _pronoun(self, m: MentionRef, speaker_of: Cluster | None) -> Cluster | None:
        low = self.doc[m.head].lower_
        if low in PERSONAL_PRONOUNS:
            return self._person_antecedent(m, speaker_of)
        if low in ("they", "them", "their"):
            return self._group_antecedent(m, speaker_of)
        if low in ("it", "its"):
            sent = self.doc[m.head].sent
            prev_start = sent.start
            if sent.start > 0:
                prev_start = self.doc[sent.start - 1].sent.start
            best_i = -1
            best: MentionRef | None = None
            for ent in self._ents:
                if ent.label_ in ("GPE", "ORG") and prev_start <= ent.start and ent.end <= m.start:
                    if ent.start > best_i:
                        cand = mention_for(ent.root, self.lex)
                        c = self.by_name.get(words_key(self._name_of(cand)))
                        if speaker_of is not None and c is speaker_of:
                            continue
                        # skip the subject of the clause the pronoun is in ("Iran ... with it")
                        if ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head.sent == sent and dominates(ent.root.head, self.doc[m.head]):
                            continue
                        best_i, best = ent.start, cand
            if best is not None:
                return self._named(best)
        return None

    def _office_holder(self, m: MentionRef) -> MentionRef | None:
        """"his office", "Netanyahu's office" speak for the person who holds the
        office (the actor is the person, as in CAMEO coding), -> that person's mention."""
        head = self.doc[m.head]
        if m.label != "AGENT" or head.lemma_.lower() != "office":
            return None
        for c in head.children:
            if c.dep_ == "poss" and (c.lower_ in ("his", "her") or c.ent_type_ == "PERSON"):
                return mention_for(c, self.lex)
        return None

    def _title_for_name(self, m: MentionRef) -> MentionRef | None:
        """"UN Special Envoy for Yemen Lars Moberg said", which the
        small model parses as a title with the person inside its "for" phrase ->
        the person's mention (the title becomes their role)."""
        head = self.doc[m.head]
        low = head.lower_
        if not (self.lex.is_title(low) or self.lex.roles.get(low, ("", ""))[1] == "person"):
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
                obj = next((c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"), None)
                if obj is not None and any(c.dep_ == "compound" and c.ent_type_ == "GPE" for c in obj.children):
                    p = mention_for(obj, self.lex)
                    if p.label == "PERSON":
                        p.role = p.role or self.doc[m.start:p.name_start].text
                        return p
        return None

    # -- public

    def same_side(self, speaker: Cluster, target: Cluster) -> bool:
        """Whether ``target`` is the speaker's own country or its state body, known
        from the speaker's demonym anywhere in the article ("South Korean Ambassador
        Hwang" ... "He said South Korea's defense ministry ..."): a country of that
        name, or a government body ("ministry", "government", "army", ...) of that
        country.  Groups of the same nationality ("Syrian rebels") are not the
        speaker's side.  Cost: two string comparisons."""
        if not speaker.demonym or target is speaker:
            return False
        if target.label == "GPE":
            return same_country(speaker.demonym, target.name)
        if target.demonym and target.label in ("AGENT", "ORG"):
            head = words_key(target.name).split()[-1:] or [""]
            return head[0] in STATE_BODIES and same_country(speaker.demonym, target.demonym)
        return False

    def resolve(self, m: MentionRef, *, is_speaker: bool = False, speaker_of: Cluster | None = None) -> Cluster | None:
        """The cluster ``m`` refers to, creating one when it is new; None when a
        pronoun cannot be resolved."""
        owner = self._office_holder(m) or self._title_for_name(m)
        if owner is not None:
            return self.resolve(owner, is_speaker=is_speaker, speaker_of=speaker_of)
        if m.label == "PRON":
            c = self._pronoun(m, speaker_of)
        elif m.label == "AGENT":
            c = self._role_phrase(m) or self._org_phrase(m) or self._side_phrase(m) or self._described(m)
            if c is None:
                name = self._name_of(m)
                key = words_key(name)
                c = self.by_name.get(key) or self._new(name, "AGENT", m)
        else:
            c = self._named(m)
        if c is None:
            return None
        if m.label == "PRON" and c.label == "PERSON" and c.gender is None:
            c.gender = pronoun_gender(self.doc[m.head].lower_)
        if (m.start, m.end) not in c.mentions:
            c.mentions.append((m.start, m.end))
        head = self.doc[m.head]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < head.i and self.lex.is_agent(head.head.lemma_.lower()):
            # "the largest rebel group, Alliance for National Renewal": the descriptor is a mention too
            d = mention_for(head.head, self.lex)
            if (d.start, d.end) not in c.mentions:
                c.mentions.append((d.start, d.end))
        c.last_pos = max(c.last_pos, m.start)
        if is_speaker and c.label == "PERSON":
            self.last_person_speaker = c
            if c in self.person_speakers:
                self.person_speakers.remove(c)
            self.person_speakers.append(c)
        return c
