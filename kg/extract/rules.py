"""Statement-finding rules: pure functions over a parsed spaCy ``Doc``.

The rules read the dependency parse (ClearNLP/spaCy English labels: ``nsubj``,
``dobj``, ``ccomp``, ``advcl``, ``prep``/``pobj`` ...) and yield
:class:`Draft` records that still point at tokens; :mod:`kg.extract.coref`
then resolves the speaker and target mentions to article-level actors.

What the rules cover (``../shared/docs/design.md``, "What the extractor must
get right"):

* reporting and speech-act cues from :mod:`kg.extract.lexicon`, single verbs
  and multi-word cues ("call on", "hold talks", "rule out", "according to");
* speakers before or after the cue, passive agents ("was condemned by X"),
  participial and coordinated cues that inherit the governing speaker
  ("..., saying ...", "..., urging X to ...", "said ... and called on ..."),
  headlines of the form "Claim: Speaker";
* targets as object, possessor of the object ("slammed Washington's lack"),
  actors inside the object ("cooperation between Ankara and Moscow",
  "an attack by X soldiers"), addressees ("called on X", "condolences to X"),
  prepositional targets ("with", "against", "of") and coordinated targets;
* type from the reported clause: wrongdoing -> ACCUSE, negated cooperation ->
  REJECT (taxonomy notes: "the content of the reported clause can raise
  STATEMENT to ACCUSE");
* negation ("did not", "never", "refused to"), hypotheticals (``if``,
  ``unless``, ``whether``) and questions, and direct vs reported mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Doc, Span as SpacySpan, Token

from kg.extract.lexicon import Cue, Lexicon
from kg.extract.valence import STRONG_NEGATIVE, valence
from kg.model import Mode, StatementType

#: NER labels whose entities can be actors.
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: NER labels that are never actors (a proper noun under them is no actor).
NON_ACTOR_ENTS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LOC", "FAC",
     "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}
)
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
OTHER_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
RELATIVE = frozenset({"who", "which", "that"})
QUOTE_CHARS = "\"“”«»„"
#: Heads under which a cue is not asserted ("refused to condemn", "denied accusing").
NEGATING_HEADS = frozenset({"refuse", "deny", "decline", "fail", "reject", "avoid", "refrain", "stop", "cease"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
SUBJECTS = ("nsubj", "csubj")
#: Prepositions through which an actor inside an object can be the target.
INNER_PREPS = frozenset({"of", "between", "by", "against", "from", "with", "on", "to", "toward", "towards"})
#: Types a coordinated subject can hold among its own members ("X and Y agreed").
SYMMETRIC = frozenset({StatementType.AGREE, StatementType.CONSULT})
#: Nouns of people who speak for an organization named before them ("the Red Cross officials").
SPOKES_NOUNS = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "representative"})
#: Months and weekdays, which the small model sometimes tags as proper nouns.
NOT_ACTORS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december today yesterday tomorrow""".split()
)


@dataclass(slots=True)
class MentionRef:
    """A mention in the doc: tokens ``[start, end)``, its head token and a label.

    ``label`` is a NER label (PERSON, ORG, GPE, NORP), ``AGENT`` for a common
    noun phrase naming actors, ``PROPN`` for an unlabeled proper noun, or
    ``PRON`` for a pronoun to resolve.
    """

    start: int
    end: int
    head: int
    label: str
    name_start: int = -1  # tokens of the bare name (without titles), -1 = same as mention
    name_end: int = -1
    role: str | None = None


@dataclass(slots=True)
class Draft:
    """A statement found in one sentence, before coreference.

    Token indices refer to the doc; ``content`` is a token range or None.
    """

    sent_start: int
    sent_end: int
    cue_tokens: list[int]
    cue_lemma: str
    type: StatementType
    prior: float
    speaker: MentionRef
    targets: list[MentionRef] = field(default_factory=list)
    content: tuple[int, int] | None = None
    mode: Mode = Mode.SPEECH_ACT
    negated: bool = False
    hypothetical: bool = False
    evidence: float = 1.0


# ----------------------------------------------------------------------------- mentions


def _ent_of(tok: Token) -> SpacySpan | None:
    """The entity span ``tok`` is in, from the IOB tags around it (O(entity
    length); ``doc.ents`` rebuilds the whole list on every access)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=tok.ent_type_)


def _is_pronoun(tok: Token) -> bool:
    """Pronouns, but not the all-caps country abbreviation "US"."""
    low = tok.lower_
    if low not in PERSONAL_PRONOUNS and low not in OTHER_PRONOUNS and low not in FIRST_PERSON:
        return False
    return not (tok.text.isupper() and len(tok.text) > 1)


def _actor_words(doc: Doc) -> list[str]:
    """Last words of the PERSON and ORG entities of ``doc``, sorted (kept on the
    doc's ``user_data`` as a plain list, which serializes with the doc)."""
    key = "kg_actor_words"
    words = doc.user_data.get(key)
    if words is None:
        words = sorted({e[-1].text for e in doc.ents if e.label_ in ("PERSON", "ORG") and e[-1].pos_ == "PROPN"})
        doc.user_data[key] = words
    return words


def is_actor_head(tok: Token, lex: Lexicon) -> bool:
    """True when ``tok`` can head a noun phrase that names an actor."""
    low = tok.lower_
    if _is_pronoun(tok):
        return low in PERSONAL_PRONOUNS or low in OTHER_PRONOUNS
    if low in NOT_ACTORS:
        return False
    if tok.ent_type_ in ACTOR_ENTS:
        return True
    if tok.ent_type_ in NON_ACTOR_ENTS and tok.ent_type_ != "LOC":
        # a name the small model mislabelled here ("Trump" as WORK_OF_ART) is still an
        # actor when the article names it as a person or organization elsewhere
        return tok.pos_ == "PROPN" and tok.text in _actor_words(tok.doc)
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        # the small model often tags countries as LOC ("Cyprus"); regions rarely act as
        # speakers or targets in the positions the rules read, so LOC proper nouns count
        return True
    if tok.pos_ in ("NOUN", "PROPN") and (lex.is_agent(tok.lemma_.lower()) or lex.is_agent(tok.lower_)):
        return True
    return False


def mention_for(tok: Token, lex: Lexicon) -> MentionRef:
    """The mention headed by ``tok``: its entity or its noun phrase (left modifiers)."""
    doc = tok.doc
    if _is_pronoun(tok):
        return MentionRef(tok.i, tok.i + 1, tok.i, "PRON")
    ent = _ent_of(tok)
    # left edge of the noun phrase: determiners, adjectives, compounds, possessives
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod", "predet", "quantmod") or (
            child.dep_ == "punct" and child.i > start - 2 and child.text in "-"
        ):
            start = min(start, child.left_edge.i)
    while start < tok.i and not any(ch.isalnum() for ch in doc[start].text):
        start += 1  # symbols, emoji and stray punctuation at the left edge are no part of a name
    end = tok.i + 1
    for child in tok.rights:  # right-hand compounds are part of the name
        if child.dep_ in ("compound", "flat") and child.i == end:
            end = child.i + 1
    if ent is not None and ent.label_ in ACTOR_ENTS:
        # clip entities that the small model ran into a verb ("Nepal Wants")
        es, ee = ent.start, ent.end
        while es < tok.i and (doc[es].pos_ in ("VERB", "AUX", "ADP") or not any(ch.isalnum() for ch in doc[es].text)):
            es += 1
        for j in range(tok.i + 1, ee):
            if doc[j].pos_ in ("VERB", "AUX") or (doc[j].pos_ == "PUNCT" and doc[j].text not in "-."):
                ee = j
                break
        for j in range(tok.i - 1, es - 1, -1):
            if doc[j].pos_ in ("VERB", "AUX", "ADP"):
                es = j + 1
                break
        ent = doc[es:ee]
        start = min(start, ent.start)
        end = max(end, ent.end)
        label = ent.label_ or tok.ent_type_
        name_start, name_end = ent.start, ent.end
        if doc[name_start].lower_ == "the":
            name_start += 1
        # titles and roles before the name: "Defense Minister Brigadier General"
        role_toks = [
            t for t in doc[start:name_start]
            if t.dep_ in ("compound", "amod", "nmod") and t.ent_type_ not in ("NORP", "GPE") and t.pos_ != "DET"
        ]
        role = " ".join(t.text for t in role_toks) or None
        if label == "ORG" and tok.pos_ == "PROPN" and len(ent) == 1:
            label = "PROPN"  # single-token ORG: often a mislabelled surname
        if label == "NORP" and tok.tag_ in ("NNPS", "NNS"):
            end = _place_phrase_end(tok, end, lex)  # "Ethnic Albanians in south Serbia"
        return MentionRef(start, end, tok.i, label, name_start, name_end, role)
    if tok.pos_ == "NOUN" and (lex.is_agent(tok.lemma_.lower()) or lex.is_agent(tok.lower_)) and not lex.is_title(
        tok.lemma_.lower()
    ):
        pp_end = _place_phrase_end(tok, end, lex)
        if pp_end > end:
            # "Opposition groups in Zimbabwe": the mention keeps the place, the name does not
            return MentionRef(start, pp_end, tok.i, "AGENT", start, end)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in SPOKES_NOUNS and doc[start].lower_ not in ("a", "an", "one"):
        # "Kosovo Municipality Association (AKK) officials": they speak for the organization
        # (CAMEO/PETRARCH code the organization), which is the actor; the noun is their role
        org = [e for e in (_ent_of(doc[j]) for j in range(start, tok.i) if doc[j].ent_iob_ == "B")
               if e is not None and e.label_ == "ORG" and e.end <= tok.i and e.end >= tok.i - 6]
        if org and all(t.is_punct or t.pos_ == "PROPN" or t.ent_type_ == "ORG" for t in doc[org[0].end:tok.i]):
            e = org[0]  # the full name before a parenthesized acronym
            ns = e.start + 1 if doc[e.start].lower_ == "the" else e.start
            return MentionRef(start, end, tok.i, "ORG", ns, e.end, tok.text)
    if tok.pos_ == "PROPN":
        # unlabeled proper noun (fictional countries, rare names): the proper-noun run
        ps = tok.i
        while ps - 1 >= start and doc[ps - 1].pos_ == "PROPN":
            ps -= 1
        return MentionRef(start, end, tok.i, "PROPN", ps, end)
    return MentionRef(start, end, tok.i, "AGENT")


def _place_phrase_end(tok: Token, end: int, lex: Lexicon) -> int:
    """End of a trailing "in/of/from PLACE" phrase of a group noun ("groups in
    Zimbabwe", "the population of Gondor"), also when the parser hung it on the
    verb ("praised the interim authorities in Kiev"), else ``end``."""
    doc = tok.doc
    if end < len(doc) and doc[end].lower_ in ("in", "of", "from") and doc[end].dep_ == "prep" and (
            doc[end].head.i == tok.i or (tok.dep_ == "dobj" and doc[end].head.i == tok.head.i)):
        pobj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        if pobj is not None and (pobj.ent_type_ in ("GPE", "ORG", "NORP", "LOC") or pobj.pos_ == "PROPN"):
            return mention_for(pobj, lex).end
    return end


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i:
            out.append(c)
    return out


def _actor_mentions(tok: Token, lex: Lexicon) -> list[MentionRef]:
    """Mentions for ``tok`` and its coordinated actors; appositive names win
    over a common noun ("his counterparts, Sergei Shoigu and Fikri Isik")."""
    out: list[MentionRef] = []
    for t in _conjuncts(tok):
        if not is_actor_head(t, lex):
            continue
        mods = [c for c in t.children if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i
                and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE")) and any(x.dep_ == "conj" for x in c.children)]
        has_names = any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in t.children)
        if mods and t.pos_ == "NOUN" and not has_names:
            # "Eriadori and Calenardhon leaders", "U.S. and Soviet negotiators": each side
            for c in [mods[0], *mods[0].conjuncts]:
                out.append(MentionRef(c.i, c.i + 1, c.i, c.ent_type_ or "PROPN", c.i, c.i + 1))
            continue
        appos = [a for a in t.children if a.dep_ == "appos" and is_actor_head(a, lex) and a.pos_ == "PROPN"]
        if appos and not (t.pos_ == "PROPN" or t.ent_type_ in ACTOR_ENTS):
            for a in appos:
                out.extend(mention_for(x, lex) for x in _conjuncts(a) if is_actor_head(x, lex))
        else:
            out.append(mention_for(t, lex))
    return out


def _inner_actors(tok: Token, lex: Lexicon, depth: int = 3) -> list[MentionRef]:
    """Actors inside a non-actor object: possessors, compounds, ``of``/``by``/
    ``between`` objects ("Washington's lack", "U.S. air strikes",
    "cooperation between Ankara and Moscow")."""
    if depth == 0:
        return []
    found: list[MentionRef] = []
    names = [a for a in tok.children if a.dep_ == "appos" and a.pos_ == "PROPN" and is_actor_head(a, lex)]
    if names:
        # "a U.S.-based moderate Islamic cleric, Fethullah Gulen": the name, not the cleric's modifiers
        return [m for a in names for m in _actor_mentions(a, lex)]
    for child in tok.children:
        if child.dep_ in ("poss", "compound", "nmod") and child.i < tok.i:
            if is_actor_head(child, lex) and not (_is_pronoun(child) and child.lower_ in FIRST_PERSON):
                found.extend(_actor_mentions(child, lex))
            elif child.dep_ == "compound" and child.pos_ == "NOUN":
                found.extend(_inner_actors(child, lex, depth - 1))  # "a Security Council resolution ..."
        elif child.dep_ in ("amod",) and child.ent_type_ in ("NORP", "GPE") and child.i < tok.i:
            found.append(mention_for(child, lex))
    if found:
        return found
    for preps in (INNER_PREPS, frozenset({"in"})):
        # "closure of guest houses in Bree": a place inside the object only when nothing else is
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        if child.lower_ == "on" and _is_channel(pobj, lex):
                            continue  # "welcomed the move on Twitter": where it was said
                        if is_actor_head(pobj, lex):
                            found.extend(_actor_mentions(pobj, lex))
                        else:
                            found.extend(_inner_actors(pobj, lex, depth - 1))
        if found:
            break
    return found


def _is_channel(tok: Token, lex: Lexicon) -> bool:
    """A medium something is said on ("Twitter", "state television")."""
    return lex.content_class(tok.lower_) == "media" or lex.content_class(tok.lemma_) == "media" or is_media(
        mention_for(tok, lex), tok.doc, lex)


def is_media(m: MentionRef, doc: Doc, lex: Lexicon) -> bool:
    """A news outlet or agency ("AFP", "the official news agency WFNA", "Press TV")."""
    text = doc[m.start:m.end].text.lower().replace(".", "")
    words = text.split()
    if any(lex.content_class(" ".join(words[i:j])) == "media" for i in range(len(words)) for j in range(i + 1, len(words) + 1)):
        return True
    head = doc[m.head]
    if lex.agent_role(head.lemma_.lower()) == "MED":
        return True
    return head.lemma_.lower() in ("agency", "channel", "network", "tv", "television", "radio") and any(
        t.lower_ in ("news", "state", "press", "media") for t in doc[m.start:m.head]
    )


def is_anonymous(m: MentionRef, doc: Doc, lex: Lexicon) -> bool:
    """An unnamed source: one indefinite person ("a senior official", "a Bree
    official"), or a bare plural of a source noun ("officials", "diplomats")
    without a name or a definite or possessive determiner.  Named groups
    ("top black lawmakers", "the Syrian military") are not anonymous."""
    if m.label != "AGENT":
        return False
    if lex.content_class(doc[m.head].lemma_) != "source_noun" and doc[m.start].lower_ not in ("a", "an"):
        return False
    toks = doc[m.start:m.end]
    head = doc[m.head]
    if any(p.dep_ == "prep" and p.lower_ in ("to", "of", "for") and any(
            o.dep_ == "pobj" and o.ent_type_ in ("PERSON", "ORG") for o in p.children) for p in head.children):
        return False  # "advisers to Mr. Obama", "aides of the Clinton Foundation": whose sources they are is said
    if toks[0].lower_ in ("a", "an") and doc[m.head].pos_ != "PROPN":
        return True  # "a senior Bree official": one unnamed person, whatever the modifiers
    if any(t.ent_type_ == "PERSON" or t.dep_ == "poss" for t in toks):
        return False
    if toks[0].lower_ not in ("a", "an") and any(
        (t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "GPE")) or t.ent_type_ == "ORG" for t in toks
    ):
        return False
    dets = [t.lower_ for t in toks if t.dep_ in ("det", "predet")]
    if dets and dets[0] in ("a", "an"):
        return True  # "a senior Bree official": one unnamed person, whatever the modifiers
    return not dets or all(d in ("some", "several", "many", "two", "three") for d in dets)


# ----------------------------------------------------------------------------- cues


def match_cue(tok: Token, lex: Lexicon) -> tuple[Cue, list[int]] | None:
    """The lexicon cue that ``tok`` starts, with the cue's token indices."""
    if tok.lower_ == "according":
        for child in tok.children:
            if child.lower_ == "to":
                cue = next((c for c in lex.by_lemma.get("according", []) if c.particle == "to"), None)
                if cue:
                    return cue, [tok.i, child.i]
        return None
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return None
    if tok.dep_ in ("amod", "compound", "dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos", "npadvmod"):
        return None  # a noun the tagger took for a verb ("hostage-takers demands")
    lemma = tok.lemma_.lower()
    for cue in lex.by_lemma.get(lemma, []):
        if cue.particle:
            for child in tok.children:
                if child.dep_ in ("prt", "prep", "dative") and child.lower_ == cue.particle:
                    return cue, [tok.i, child.i]
            continue
        if cue.obj:
            for child in tok.children:
                if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() == cue.obj:
                    return cue, [tok.i, child.i]
            continue
        return cue, [tok.i]
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    return None


def _passive_agent(verb: Token) -> Token | None:
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _own_speaker(verb: Token, lex: Lexicon) -> Token | None:
    subj = _passive_agent(verb)
    if subj is not None:
        return subj
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    subj = _subject(verb)
    if subj is not None and subj.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return _named_appositive(subj, lex) if subj is not None else None


def _named_appositive(tok: Token, lex: Lexicon) -> Token:
    """A descriptor subject with a name in apposition names its actor by that name:
    "Iraq's top cleric, Grand Ayatollah Ali al-Sistani, condemned" -> Sistani;
    "Lebanon's Shi'ite group Hezbollah" -> Hezbollah."""
    if tok.ent_type_ != "PERSON" and lex.is_title(tok.lemma_.lower()):
        # "Iraqi Prime Minister, Adel Abdul Mahdi," / "US Ambassador Kelly Craft" parsed with the title as head
        for child in tok.children:
            if child.dep_ in ("appos", "compound") and child.ent_type_ == "PERSON" and child.i > tok.i:
                return child
    if tok.pos_ == "PROPN" or tok.ent_type_ in ACTOR_ENTS:
        return tok
    if tok.lemma_.lower() in ("agency", "newspaper", "broadcaster", "channel", "television", "radio"):
        return tok  # "the official news agency Ceteka": keep the descriptor that says it is media
    for child in tok.children:
        if child.dep_ == "appos" and (child.ent_type_ in ("PERSON", "ORG", "GPE") or child.pos_ == "PROPN"):
            return child
    return tok


def _governing_report_speaker(cue_tok: Token, cue_set: set[int], lex: Lexicon) -> Token | None:
    """The speaker of the reporting cue whose clause contains ``cue_tok``:
    ""We urge X ...," the ministry added" -> the ministry; "X said it would summon" -> X."""
    cur = cue_tok
    for _ in range(6):
        if cur.head.i == cur.i or cur.dep_ not in ("ccomp", "parataxis", "conj", "xcomp", "advcl"):
            return None
        cur = cur.head
        if cur.i in cue_set and cur.lemma_.lower() in lex.report_lemmas:
            s = _own_speaker(cur, lex)
            if s is not None and not _is_pronoun(s):
                return s
            return None
    return None


def _reporter_for_pronoun(own: Token, cue_tok: Token, cue_set: set[int], lex: Lexicon) -> Token:
    """A pronoun subject inside a reported clause or quote is its reporter
    ("X says she has declined ...", "“We urge ...,” the ministry added");
    other subjects stay."""
    if not _is_pronoun(own):
        return own
    gov = _governing_report_speaker(cue_tok, cue_set, lex)
    if gov is not None and (own.lower_ not in PERSONAL_PRONOUNS or gov.ent_type_ == "PERSON" or (
            gov.pos_ == "PROPN" and gov.ent_type_ not in ("GPE", "NORP", "ORG"))):
        return gov
    return own


def find_speaker(
    cue_tok: Token, cue_idx: list[int], lex: Lexicon, cue_set: set[int], _depth: int = 0
) -> Token | None:
    """The token heading the speaker of a cue.

    Order: the cue's own subject (or passive agent; a passive without agent has
    no speaker); the head noun of a relative clause ("X, who condemned");
    the subject of the verb a coordinated cue hangs on ("said ... and called
    on"), when that subject is an actor; the speaker of the nearest governing
    cue (participles "..., saying", "..., adding" and infinitives "refused to
    condemn"); last, the subject of the verb a participle hangs on.
    """
    doc = cue_tok.doc
    if cue_tok.lower_ == "according":
        to = doc[cue_idx[1]] if len(cue_idx) > 1 else next((c for c in cue_tok.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if any(c.dep_ == "nsubjpass" for c in cue_tok.children) and _passive_agent(cue_tok) is None:
        return None
    own = _own_speaker(cue_tok, lex)
    if own is not None:
        return _reporter_for_pronoun(own, cue_tok, cue_set, lex)
    if cue_tok.dep_ == "relcl":
        return cue_tok.head
    if cue_tok.dep_ == "acl" and cue_tok.head.lemma_.lower() in DOCUMENT_NOUNS and cue_tok.head.dep_ in ("dobj", "nsubjpass"):
        # "passed a resolution urging X to ...", "signed a letter denouncing X": whoever issued the document
        issuer = _own_speaker(cue_tok.head.head, lex) or _passive_agent(cue_tok.head.head)
        if issuer is not None:
            return issuer
    if cue_tok.dep_ == "acomp" and cue_tok.pos_ in ("ADJ", "VERB"):
        # "Israel is opposed to French mediation"
        s = _own_speaker(cue_tok.head, lex)
        if s is not None:
            return _reporter_for_pronoun(s, cue_tok.head, cue_set, lex)
    if cue_tok.dep_ == "acl" and cue_tok.tag_ in ("VBD", "VBZ", "VBP") and cue_tok.head.i < cue_tok.i:
        # "The foreign minister called on X ..." parsed as a noun phrase with a clause
        if cue_tok.head.dep_ in ("ROOT", "nsubj") and is_actor_head(cue_tok.head, lex):
            return cue_tok.head
    if cue_tok.dep_ == "conj":
        s = _own_speaker(cue_tok.head, lex)
        if s is not None and is_actor_head(s, lex):
            return s
    cur = cue_tok
    for _ in range(8):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.i in cue_set:
            s = _own_speaker(cur, lex)
            if s is not None:
                return _reporter_for_pronoun(s, cur, cue_set, lex)
            if cur.i == cue_tok.i or _depth > 4:
                return None
            return find_speaker(cur, [cur.i], lex, cue_set, _depth + 1)
    if cue_tok.dep_ in ("advcl", "xcomp", "conj"):
        s = _own_speaker(cue_tok.head, lex)
        if s is not None:
            return s
    if cue_tok.dep_ == "pcomp" and cue_tok.head.head.i != cue_tok.head.i:
        # "pitched himself to voters by telling them that ...", "appeared on TV and began by saying ..."
        verb = cue_tok.head.head
        s = _own_speaker(verb, lex)
        if s is None and verb.dep_ == "conj":
            s = _own_speaker(verb.head, lex)
        return s
    return None


def _is_negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in NEGATING_HEADS:
        return True
    return False


def _is_hypothetical(tok: Token, sent: SpacySpan) -> bool:
    """A cue in a conditional ("if Iran condemned X"), a modal cue under a
    condition ("If the talks fail, Iran could threaten Israel") or a cue in a
    question is not asserted.  An ultimatum ("threatened to secede unless ...")
    is."""
    cur = tok
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in cur.children):
            return True
        modal = any(c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may") for c in cur.children)
        if modal and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in HYPOTHETICAL_MARKS for m in c.children)
                         for c in cur.children):
            return True  # "If the talks fail, Iran could threaten Israel"; not "threatened to secede unless ..."
        if cur.head.i == cur.i:
            break
        cur = cur.head
    tail = sent.text.rstrip().rstrip(QUOTE_CHARS + "'’ ")
    return tail.endswith("?")


def _clause_objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]


def _all_preps(verb: Token, words: frozenset[str] | set[str]) -> list[Token]:
    out = []
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in words:
            out.extend(p for p in child.children if p.dep_ == "pobj")
        elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(child)
    return out


def _terror_like(tok: Token, lex: Lexicon) -> bool:
    for t in tok.subtree:
        if lex.content_class(t.lemma_) == "terror" or lex.content_class(t.lower_) == "terror":
            return True
    return False


FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})
READY_WORDS = frozenset({"prepared", "ready", "willing", "determined", "going"})


def _commitment(v: Token) -> Token | None:
    """The verb of a commitment: "will support", "would allow", "is prepared to
    lift", "is ready to talk" -> the committed verb; None for other clauses."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in v.children):
        if v.lemma_ == "be":
            for c in v.children:
                if c.dep_ == "acomp" and c.lower_ in READY_WORDS:
                    return next((x for x in c.children if x.dep_ == "xcomp"), None)
        return v
    for c in v.children:
        if c.dep_ == "acomp" and c.lower_ in READY_WORDS:
            return next((x for x in c.children if x.dep_ == "xcomp"), None)
    return None


def _clause_tokens(v: Token) -> list[Token]:
    """Tokens of the clause headed by ``v``, without nested clauses that have
    their own subject (those are analysed on their own)."""
    out: list[Token] = []
    stack = [v]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "conj") and _subject(c) is not None:
                continue
            stack.append(c)
    return out


def _speaker_side(subj: Token | None, speaker: Token | None) -> bool:
    """The clause's subject is the speaker's own side: a pronoun ("it", "we",
    "they", "he") or the same name."""
    if subj is None:
        return False
    if _is_pronoun(subj):
        return subj.lower_ != "you"
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subj.children):
        return True  # "our response will be ..."
    if speaker is None:
        return False
    if subj.i == speaker.i or subj.lower_ == speaker.lower_:
        return True
    # "the US president said the US would ...", "Russian President Putin said Russia will ...":
    # the speaker's own country
    return _country_word(subj) is not None and any(
        t.ent_type_ in ("GPE", "NORP") and same_country(t.text, _country_word(subj) or "") for t in speaker.subtree
    )


#: Spellings of the two countries whose demonyms share no stem with their names.
_COUNTRY_FORMS = {"us": "us", "u.s.": "us", "usa": "us", "america": "us", "american": "us", "united states": "us",
                  "uk": "uk", "u.k.": "uk", "britain": "uk", "british": "uk", "united kingdom": "uk"}


def same_country(a: str, b: str) -> bool:
    """Whether two country words name one country: "Iran" ~ "Iranian" (a shared
    stem of four letters), "US" ~ "American"."""
    a = a.lower().removeprefix("the ").removesuffix("'s").removesuffix("’s")
    b = b.lower().removeprefix("the ").removesuffix("'s").removesuffix("’s")
    fa, fb = _COUNTRY_FORMS.get(a), _COUNTRY_FORMS.get(b)
    if fa or fb:
        return fa == fb
    return len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]


def _country_word(tok: Token) -> str | None:
    """The country a mention headed by ``tok`` names or is of: the entity text
    of a GPE/NORP head ("Russia", "the United States"), else a GPE/NORP
    modifier ("Saudi prosecutor" -> "Saudi")."""
    if tok.ent_type_ in ("GPE", "NORP"):
        ent = _ent_of(tok)
        return ent.text if ent is not None else tok.text
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in ("GPE", "NORP"):
            return c.text
    return None


def _answered_by_force(v: Token, lex: Lexicon) -> bool:
    """A passive clause whose means is force: "would be answered/met with a
    decisive response", "will be punished"."""
    if not any(c.dep_ == "auxpass" for c in v.children):
        return False
    if lex.content_class(v.lemma_) == "threat_verb":
        return True
    return any(lex.content_class(p.lemma_) == "threat_verb" for p in _all_preps(v, {"with", "by"}))


def _reports_speech(v: Token, lex: Lexicon) -> bool:
    """A clause that reports someone's speech ("the minister described the attack as
    an assault"): its negative words are that speaker's, not an evaluation of them;
    a modal ("should have said") makes it an evaluation again."""
    return (match_cue(v, lex) is not None or v.lemma_.lower() in LABEL_VERBS) and not any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in v.children)


def _main_attack_agent(tok: Token, events: dict[str, list[tuple[int, Token]]]) -> Token | None:
    """The agent most of the article's attack mentions before ``tok`` name (ties: the
    latest), as its latest mention; None when no attack had an agent."""
    earlier = [(i, a) for key, lst in events.items() if key in ATTACK_NOUNS for i, a in lst if i < tok.i]
    if not earlier:
        return None
    votes: dict[str, list[tuple[int, Token]]] = {}
    for i, a in earlier:
        key = next((k for k in votes if same_country(k, a.text) or k == a.lower_), a.lower_)
        votes.setdefault(key, []).append((i, a))
    best = max(votes.values(), key=lambda v: (len(v), max(i for i, _ in v)))
    return max(best, key=lambda x: x[0])[1]


#: Verbs whose negation condemns their object ("cannot justify the bombing", "will not tolerate").
CONDONE_VERBS = frozenset({"justify", "excuse", "condone", "tolerate", "accept"})
#: Determiners by which a crime noun points back at an act the article reported ("this crime").
_ANAPHORIC = frozenset({"this", "these", "such", "that"})


def _doers_of_condemned_acts(own: list[Token], lex: Lexicon, events: dict[str, list[tuple[int, Token]]] | None,
                             speaker: Token | None) -> list[Token]:
    """Agents of the reported acts a clause condemns: an attack noun ("bombing",
    "strikes") in a clause that also holds a word of wrongdoing ("killing",
    "violation"), or a crime noun that points back at an act ("this crime") -> the
    agent of the latest earlier mention of that act (:func:`_agents_of`)."""
    if not events:
        return []
    wrong = [t for t in own if t.pos_ in ("NOUN", "VERB") and (
        lex.content_class(t.lemma_) in ("crime_noun", "terror") or valence(t.lower_, t.lemma_) <= -3.0)]
    if not wrong:
        return []
    out: list[Token] = []
    for t in own:
        if t.pos_ != "NOUN" and not (t.pos_ == "VERB" and t.tag_ == "VBG"):
            continue
        lemma = t.lower_ if t.tag_ == "VBG" else t.lemma_.lower()
        if lemma in ATTACK_NOUNS:
            out += _agents_of(t, events)
        elif lex.content_class(lemma) == "crime_noun" and any(c.lower_ in _ANAPHORIC for c in t.children):
            agent = _main_attack_agent(t, events)  # "this crime": the article's main act so far
            out += [agent] if agent is not None else []
    seen: set[int] = set()
    return [a for a in out if not _speaker_side(a, speaker) and not (a.i in seen or seen.add(a.i))]


def _own_pronoun(subj: Token | None) -> bool:
    """"We have decided ..., X said": a pronoun subject speaks for the speaker's side."""
    return subj is not None and _is_pronoun(subj) and subj.lower_ != "you"


def _partners(v: Token, lex: Lexicon, preps: set[str]) -> list[Token]:
    """Actor heads a committed or threatened act is directed at: object,
    addressee, prepositional objects (also of a predicate adjective: "tough on
    X"), actors inside the object."""
    heads = [o for o in _clause_objects(v) + [c for c in v.children if c.dep_ == "dative"]
             if is_actor_head(o, lex) and not _own_possession(o)]
    heads += [p for p in _all_preps(v, preps) if is_actor_head(p, lex)]
    for a in (c for c in v.children if c.dep_ == "acomp"):
        for p in _all_preps(a, preps):
            heads += [p] if is_actor_head(p, lex) else [v.doc[m.head] for m in _inner_actors(p, lex)]
    if not heads:
        for o in _clause_objects(v):
            heads += [doc_tok for m in _inner_actors(o, lex) for doc_tok in [v.doc[m.head]]]
            for p in _all_preps(o, preps):
                if is_actor_head(p, lex):
                    heads.append(p)
    return heads


def _past_event(v: Token) -> bool:
    """A reported past event ("Zambia extradited X, an official said"; "has granted"):
    sourcing, not a statement about the clause's subject."""
    if v.tag_ == "VBD" and not any(c.dep_ == "aux" for c in v.children):
        return True
    return v.tag_ == "VBN" and any(
        (c.dep_ == "aux" and c.lemma_ == "have") or (c.dep_ == "auxpass" and c.tag_ == "VBD") for c in v.children
    )


def _own_possession(tok: Token) -> bool:
    """"its troops", "their forces": the speaker's own, not a target."""
    return any(c.dep_ == "poss" and _is_pronoun(c) for c in tok.children)


def _strongly_negative(t: Token, lex: Lexicon) -> bool:
    """A content word rated strongly negative in VADER ("deception", "hostile",
    "war"), not under a negation ("no war") and not the object of a verb that
    undoes it ("a chance to de-escalate tensions", "away from war")."""
    if t.pos_ not in ("NOUN", "VERB", "ADJ", "PROPN") or t.ent_type_ in ACTOR_ENTS:
        return False
    if valence(t.lower_, t.lemma_) > STRONG_NEGATIVE:
        return False
    if any(c.dep_ == "neg" or c.lower_ in ("no", "not", "without", "free") for c in t.children) or (
            t.head.lower_ == "free" and t.dep_ in ("npadvmod", "compound", "amod")):
        return False  # "no war", "violence free"
    head = t.head
    if head.dep_ in ("prep", "agent") or head.pos_ == "ADP":
        if head.lower_ in ("against", "without", "from", "of") and head.head.lower_ in ("away", "free", "end", "out"):
            return False
        head = head.head
    doc = t.doc
    for k in (head.i, t.i - 1):  # "de-escalate tensions", tokenized "de - escalate", whatever its parse
        if k >= 2 and doc[k - 1].text == "-" and doc[k - 2].lower_ == "de":
            return False
    return lex.content_class(head.lemma_) != "reverse_verb" and lex.content_class(head.lower_) != "reverse_verb"


#: Verbs whose subject undergoes rather than does ("suffered casualties", "lost relatives", "faced attacks").
EXPERIENCE_VERBS = frozenset({"suffer", "lose", "face", "endure", "experience", "undergo", "sustain", "receive",
                              "fear", "die", "survive", "witness", "mourn", "regret"})
#: Dependency paths from a clause's verb to the words that say what its subject does.
_PREDICATE_DEPS = frozenset({"dobj", "xcomp", "prep", "pobj", "conj", "attr", "oprd", "pcomp", "acomp", "ccomp", "compound"})


def _wrongdoing_words(own: list[Token], v: Token, lex: Lexicon) -> list[Token]:
    """Strongly negative nouns and verbs of the clause's predicate that name what
    its subject does ("failed", "put its faith in deception", "wanted to start a
    war"), not modifiers deep inside an object ("mediation among feuding
    republics") nor evaluative adjectives (those make a criticism, not an
    accusation).  A modal clause ("may halt") alleges nothing."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children):
        return []
    if v.lemma_.lower() in EXPERIENCE_VERBS or any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        return []  # "the SDF suffered casualties", "troops were attacked": the subject underwent it
    return [t for t in _predicate_words(own, v, _PREDICATE_DEPS)
            if t.pos_ in ("NOUN", "VERB", "PROPN") and _strongly_negative(t, lex)]


def _predicate_words(own: list[Token], v: Token, deps: frozenset[str] | None = None) -> list[Token]:
    """Words of the clause headed by ``v`` that its predicate reaches through
    objects, complements, prepositions and conjuncts (and, by default, adjective
    modifiers: "a blatantly hostile act"), at most four steps away; not words hung
    on it loosely ("Ukraine crisis: X wants ...")."""
    deps = deps if deps is not None else _PREDICATE_DEPS | {"amod", "advmod"}
    own_ids = {t.i for t in own}
    out = []
    for t in own:
        cur, depth = t, 0
        while cur.i != v.i and depth < 4 and cur.dep_ in deps and cur.head.i in own_ids:
            cur, depth = cur.head, depth + 1
        if cur.i == v.i:
            out.append(t)
    return out


def analyse_clause(
    verb: Token, lex: Lexicon, depth: int = 0, subject: Token | None = None, speaker: Token | None = None,
    events: dict[str, list[tuple[int, Token]]] | None = None,
) -> list[tuple[StatementType, list[Token], float]]:
    """Type a reported clause headed by ``verb``.

    Returns ``(type, target head tokens, evidence)`` for each finding:
    wrongdoing by the clause's subject -> ACCUSE with the subject as target;
    negated cooperation -> REJECT with the cooperation partner as target;
    a commitment of the speaker's side ("said it will support X") -> PROMISE,
    or THREATEN when the committed act is force or a sanction ("said they
    would boycott X"), with the act's object or addressee as target
    (CAMEO 03x and 13x: intent to cooperate, threaten).
    """
    found: list[tuple[StatementType, list[Token], float]] = []
    verbs = [verb] + [c for c in verb.conjuncts if c.i > verb.i and c.pos_ in ("VERB", "AUX")]
    subj0 = _subject(verb) or subject
    for v in verbs:
        subj = _subject(v) or subj0
        lemma = v.lemma_.lower()
        cls = lex.content_class(lemma)
        neg = _is_negated(v)
        objs = _clause_objects(v)
        committed = _commitment(v)
        if committed is not None and _speaker_side(subj, speaker):
            ccls = lex.content_class(committed.lemma_)
            obj_cls = {lex.content_class(o.lemma_) for o in _clause_objects(committed)}
            subj_cls = lex.content_class(subj.lemma_) if subj is not None else None
            if not neg and (ccls == "threat_verb" or "threat_verb" in obj_cls or subj_cls == "threat_verb"):
                # "will retaliate against X", "will impose sanctions on X", "our response will be tough on X"
                found.append((StatementType.THREATEN, _partners(committed, lex, {"on", "against", "with", "from", "upon"}), 0.7))
                continue
            if ccls in ("promise_verb", "coop_verb", "aid_verb"):
                kind = StatementType.REJECT if neg or _is_negated(committed) else StatementType.PROMISE
                found.append((kind, _partners(committed, lex, {"to", "with", "for"}), 0.7))
                continue
        if (committed is not None and not neg and committed.lemma_.lower() == "pay" and subj is not None
                and any(o.lemma_.lower() == "price" for o in _clause_objects(committed))
                and is_actor_head(subj, lex) and not _speaker_side(subj, speaker)):
            # "America would pay a heavy price": a threat to the one who will pay (CAMEO 13x)
            found.append((StatementType.THREATEN, [subj], 0.7))
            continue
        psubj = next((c for c in committed.children if c.dep_ == "nsubjpass"), None) if committed is not None else None
        if psubj is not None and not neg and _answered_by_force(committed, lex):
            # "any attacks by X would be answered with a decisive response": a threat to the attacker
            agents = [v.doc[m.head] for m in _inner_actors(psubj, lex)]
            agents = [a for a in agents if not _speaker_side(a, speaker)]
            if agents:
                found.append((StatementType.THREATEN, agents, 0.6))
                continue
        if cls == "coop_verb" or any(lex.content_class(o.lemma_) == "coop_verb" for o in objs) or (
            any(o.lemma_.lower() in ("coordination", "cooperation", "collaboration", "talks") for o in objs)
        ):
            if neg:
                partners = _all_preps(v, {"with"})
                for o in objs:
                    partners.extend(_all_preps(o, {"with"}))
                found.append((StatementType.REJECT, partners, 0.8))
                continue
        unhappy = [t for t in v.children if t.dep_ == "acomp" and lex.content_class(t.lemma_) == "positive_state"]
        if unhappy and (neg or any(c.dep_ == "neg" for t in unhappy for c in t.children)):
            # "is not satisfied", "is “not satisfied”" (the negation may hang on the adjective)
            # "not satisfied with the Saudi account": criticism of whom the state is "with"
            heads: list[Token] = []
            for p in (p for t in unhappy for p in _all_preps(t, {"with"})):
                heads += [p] if is_actor_head(p, lex) else [v.doc[m.head] for m in _inner_actors(p, lex)]
            heads = [h for h in heads if not _speaker_side(h, speaker)]
            if heads:
                found.append((StatementType.CRITICIZE, heads, 0.6))
            continue
        if neg and lemma in CONDONE_VERBS:
            # "this claim cannot justify bombing and killing people": condemnation of the act's doer
            doers = _doers_of_condemned_acts(_clause_tokens(v), lex, events, speaker)
            if doers:
                found.append((StatementType.ACCUSE, doers, 0.6))
                continue
        if neg:
            continue
        if subj is None:
            continue
        own = _clause_tokens(v)
        by_actors = [
            p for o in own if o.pos_ == "NOUN" and lex.content_class(o.lemma_) in ("crime_noun", "wrong_verb", "negative")
            for p in _all_preps(o, {"by"}) if is_actor_head(p, lex) and not _speaker_side(p, speaker)
        ]
        if by_actors:
            # "a grave violation by Washington of international law"
            found.append((StatementType.ACCUSE, by_actors, 0.8))
            continue
        doers = _doers_of_condemned_acts(own, lex, events, speaker)
        if doers:
            # "this claim cannot justify bombing and killing people", "responding to this crime": an
            # accusation of whoever did the act the article reported
            found.append((StatementType.ACCUSE, doers, 0.6))
            continue
        accuse = False
        if cls == "wrong_verb":
            accuse = True
        elif cls == "aid_verb" and any(_terror_like(o, lex) for o in objs):
            accuse = True
        elif any(lex.content_class(o.lemma_) == "crime_noun" and o.pos_ == "NOUN" for o in own):
            accuse = not _speaker_side(subj, speaker)  # "Russia put its faith in deception and destabilisation"
        elif (v.lemma_ != "be" and committed is None and not _reports_speech(v, lex)
              and is_actor_head(subj, lex) and not _is_pronoun(subj)
              and not _speaker_side(subj, speaker) and _wrongdoing_words(own, v, lex)):
            # "Russia has failed to live up to the agreement", "Russia wanted to start a war":
            # a named actor doing something strongly negative is alleged wrongdoing (an
            # announced future act, "X will abandon ties", is not)
            accuse = True
        if accuse:
            found.append((StatementType.ACCUSE, [subj], 0.8))
            continue
        dismissed = [t for t in own if lex.content_class(t.lemma_) == "accusation_noun" and t.i != subj.i and any(
            c.dep_ == "amod" and (lex.content_class(c.lemma_) == "negative" or c.lower_ in DISMISSIVE) for c in t.children)]
        if dismissed:
            # "our partners should have said it instead of making unfounded accusations against Russia":
            # dismissing accusations as unfounded is a denial aimed at their author (CAMEO 016)
            authors = [c for t in dismissed for c in t.children if c.dep_ == "poss" and is_actor_head(c, lex)]
            authors += [p for t in dismissed for p in _all_preps(t, {"by", "from"}) if is_actor_head(p, lex)]
            if not authors and is_actor_head(subj, lex) and not _is_pronoun(subj):
                authors = [subj]
            elif not authors:  # "our American partners"
                authors = [c for c in subj.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP")]
            authors = [a for a in authors if not _is_pronoun(a) and not (
                _country_word(a) and speaker is not None and any(
                    t.ent_type_ in ("GPE", "NORP") and same_country(t.text, _country_word(a) or "") for t in speaker.subtree))]
            if authors:
                found.append((StatementType.DENY, authors, 0.6))
        if subj is not None and lex.content_class(subj.lemma_) == "accusation_noun" and not _speaker_side(subj, speaker):
            # "the U.S. accusations were part of a pressure policy": a denial aimed at the accuser
            authors = [v.doc[m.head] for m in _inner_actors(subj, lex)] or _agents_of(subj, events)
            found.append((StatementType.DENY, [a for a in authors if not _speaker_side(a, speaker)], 0.6))
            continue
        in_subject = {t.i for t in subj.subtree} if subj is not None else set()
        predicate = {t.i for t in _predicate_words(own, v)}
        # "the prime minister described the attack as a vicious assault": the negative words are the
        # subject's own speech, not an evaluation of the subject ("should have said ..." is one)
        reported_speech = _reports_speech(v, lex)
        # "the SDF suffered casualties", "troops were attacked": the subject underwent it, no evaluation of it
        undergoer = v.lemma_.lower() in EXPERIENCE_VERBS or any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)
        negative = [] if reported_speech else [t for t in own if lex.content_class(t.lemma_) == "negative" or (
            committed is None and t.pos_ in ("ADJ", "NOUN") and t.i not in in_subject and t.i in predicate
            and _strongly_negative(t, lex))]
        if negative:
            # "Trump's ignorant hate speech belongs in medieval times": criticism of the
            # actor the evaluation is about -- the subject, else the subject's possessor,
            # else the agent of the event the subject names, else who the state is "with"
            if not undergoer and not _speaker_side(subj, speaker) and is_actor_head(subj, lex) and not _is_pronoun(subj):
                found.append((StatementType.CRITICIZE, [subj], 0.6))
                continue
            inner = [v.doc[m.head] for m in _inner_actors(subj, lex)] if subj is not None else []
            inner = inner or (_agents_of(subj, events) if subj is not None and not _speaker_side(subj, speaker) else [])
            for t in negative:
                for p in _all_preps(t, {"with"}):
                    inner += [v.doc[m.head] for m in _inner_actors(p, lex)] if not is_actor_head(p, lex) else [p]
            for t in negative:
                # "to distort Trump's baseless remarks": the owner of what the evaluation qualifies
                if t.dep_ == "amod" and t.head.pos_ == "NOUN":
                    inner += [c for c in t.head.children if c.dep_ == "poss" and is_actor_head(c, lex) and not _is_pronoun(c)]
            inner = [t for t in inner if not _speaker_side(t, speaker) and not _own_possession(t)]
            if inner:
                found.append((StatementType.CRITICIZE, inner, 0.6))
                continue
        if depth < 2:
            for x in v.children:
                if x.dep_ == "xcomp":
                    for t, targets, ev in analyse_clause(x, lex, depth + 1, subj, speaker, events):
                        found.append((t, targets, ev * 0.9))
    return found


# ----------------------------------------------------------------------------- targets


def find_targets(
    cue_tok: Token, cue: Cue, cue_idx: list[int], lex: Lexicon,
    events: dict[str, list[tuple[int, Token]]] | None = None, speaker: Token | None = None,
) -> list[MentionRef]:
    """Target mentions of a speech-act cue (object, addressee, prepositional,
    inside the object), with coordination expanded."""
    doc = cue_tok.doc
    if cue.particle and len(cue_idx) > 1:
        part = doc[cue_idx[1]]
        heads = [c for c in part.children if c.dep_ == "pobj"]
        out = [m for h in heads for m in (_actor_mentions(h, lex) if is_actor_head(h, lex) else _inner_actors(h, lex))]
        if out:
            return out
    if cue.obj and len(cue_idx) > 1:
        obj = doc[cue_idx[1]]
        inner = _inner_actors(obj, lex)
        if inner:
            return inner
    out: list[MentionRef] = []
    if _passive_agent(cue_tok) is not None:
        for child in cue_tok.children:
            if child.dep_ == "nsubjpass" and is_actor_head(child, lex):
                out.extend(_actor_mentions(child, lex))
        if out:
            return out
    for child in cue_tok.children:
        if child.dep_ in ("dobj", "dative") and child.i not in cue_idx:
            if is_actor_head(child, lex) and not _own_possession(child):
                out.extend(_actor_mentions(child, lex))
    if out:
        return out
    preps = {"to", "with", "against", "of", "upon"}
    if cue.type == StatementType.ACCUSE:
        preps.add("on")  # "blame the attack on Tehran"
        on = _all_preps(cue_tok, {"on", "upon"}) or [
            p for o in cue_tok.children if o.dep_ == "dobj" for p in _all_preps(o, {"on", "upon"})]
        if on and cue_tok.lemma_.lower() == "blame":
            # "blamed US-Russia tensions on previous administrations": who is blamed is the on-phrase,
            # never an actor inside the thing blamed
            return [m for p in on for m in (_actor_mentions(p, lex) if is_actor_head(p, lex) else _inner_actors(p, lex))]
    pobjs = _all_preps(cue_tok, preps)
    for pobj in pobjs:
        if is_actor_head(pobj, lex):
            out.extend(_actor_mentions(pobj, lex))
    if not out and not any(c.dep_ == "dobj" for c in cue_tok.children) and cue.type != StatementType.DENY:
        for pobj in pobjs:  # "agreed to US mediation"
            out.extend(m for m in _inner_actors(pobj, lex) if m.label != "AGENT")
    if out:
        return out
    objects = [c for c in cue_tok.children if c.dep_ == "dobj" and c.i not in cue_idx]
    if cue.type == StatementType.DENY or cue.prior < 0.6:
        # "denied all knowledge of the journalist's fate", "ordered the closure of the consulate":
        # the actors inside the object are not addressed
        objects = []
    for child in objects:
        if cue.type in EVENT_TARGET_TYPES and _is_action_noun(child, lex):
            # "condemned the killing of the soldiers", "condemned the war in Ukraine": the doer of the
            # act (possessor, national modifier, by-phrase), not its victims or its place
            out.extend(_act_agents(child, lex))
            continue
        if cue.type == StatementType.REJECT:
            # "declined an invitation to the White House from Trump": who made the offer
            proposers = [p for p in _all_preps(child, {"from", "by"}) if is_actor_head(p, lex)]
            if proposers:
                out.extend(m for p in proposers for m in _actor_mentions(p, lex))
                continue
        out.extend(_inner_actors(child, lex))
    if not out and objects:
        # "rejected the proposal by Denmark": the by-phrase of the object, attached to the verb
        out.extend(m for p in _all_preps(cue_tok, {"by", "from"}) if is_actor_head(p, lex) for m in _actor_mentions(p, lex))
    if not out:
        # "offered to negotiate with X", "threatened to secede from X": the complement's partner
        for x in cue_tok.children:
            if x.dep_ == "xcomp" or (x.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)):
                heads = _partners(x, lex, {"with", "to", "from", "against", "on"})
                out.extend(m for h in heads for m in _actor_mentions(h, lex))
    if not out and cue.type == StatementType.REJECT:
        # "declined to resign despite growing pressure by X": who pressed for it
        for p in _all_preps(cue_tok, {"despite", "in"}) + [
                q for x in cue_tok.children if x.dep_ == "xcomp" for q in _all_preps(x, {"despite"})]:
            if p.lemma_.lower() in PRESSURE_NOUNS:
                out.extend(m for a in _all_preps(p, {"by", "from"}) if is_actor_head(a, lex) for m in _actor_mentions(a, lex))
    if not out and cue.type in (StatementType.APPEAL, StatementType.DEMAND):
        # "insisted on its demands that X grant ...": the subject of the demand's clause
        for p in _all_preps(cue_tok, {"on", "for"}):
            for c in p.children:
                if c.dep_ in ("acl", "ccomp", "relcl") and (s := _subject(c)) is not None and is_actor_head(s, lex) \
                        and not _is_pronoun(s) and s.lower_ not in RELATIVE:
                    out.extend(_actor_mentions(s, lex))
    if not out and cue.type in (StatementType.APPEAL, StatementType.DEMAND):
        # "appealed for peace in Ithilen": the cause's actors
        for p in _all_preps(cue_tok, {"for"}):
            out.extend(_actor_mentions(p, lex) if is_actor_head(p, lex) else _inner_actors(p, lex))
    if not out and cue.type in CLAUSE_TARGET_TYPES:
        # "demanding that President Mugabe abandon ...", "charged that the U.S. has abandoned ..."
        for c in cue_tok.children:
            if c.dep_ == "ccomp":
                s = _subject(c)
                if s is not None and is_actor_head(s, lex) and not _is_pronoun(s):
                    if not _speaker_side(s, speaker):  # "Saudi Arabia denied ..., but the Saudi prosecutor ..."
                        out.extend(_actor_mentions(s, lex))
                elif s is not None and s.pos_ == "NOUN" and cue.type == StatementType.WARN:
                    # "warned annexation would be a crime": the doer of the act warned about
                    out.extend(m for a in _agents_of(s, events) for m in _actor_mentions(a, lex))
    # appeals and demands: "urged X to", already object; "called for X to" handled by particle
    return out


def _content_range(cue_tok: Token, cue_idx: list[int], speaker: Token | None) -> tuple[int, int] | None:
    parts = [c for c in cue_tok.children if c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis", "dative", "prep", "attr")
             and c.i not in cue_idx]
    if len(cue_idx) > 1:
        parts.extend(c for c in cue_tok.doc[cue_idx[1]].children if c.dep_ in ("pobj", "xcomp"))
    if speaker is not None:
        parts = [p for p in parts if not (p.left_edge.i <= speaker.i <= p.right_edge.i)]
    parts = [p for p in parts if p.i > cue_tok.i or p.dep_ in ("ccomp", "parataxis")]
    if not parts:
        return None
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts) + 1
    doc = cue_tok.doc
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in QUOTE_CHARS:
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space) and doc[start].text not in QUOTE_CHARS:
        start += 1
    return (start, end) if end > start else None


def _mode(doc: Doc, content: tuple[int, int] | None, cue: Cue) -> Mode:
    if content is None:
        return Mode.SPEECH_ACT
    first, last = doc[content[0]], doc[content[1] - 1]
    before = doc[content[0] - 1] if content[0] > 0 else None
    if first.text in QUOTE_CHARS or last.text in QUOTE_CHARS or (before is not None and before.text in QUOTE_CHARS):
        return Mode.DIRECT
    return Mode.INDIRECT if cue.kind == "report" else Mode.SPEECH_ACT


#: Speech acts about an event whose agent is their target ("condemned the air strikes").
EVENT_TARGET_TYPES = frozenset({StatementType.CRITICIZE, StatementType.PRAISE, StatementType.WARN})


#: Nouns of violent acts whose "of" phrase names victims and "in" phrase the place ("the war in Ukraine").
VIOLENT_ACTS = frozenset({"war", "coup", "invasion", "occupation", "crackdown", "purge", "blockade", "massacre",
                          "killing", "execution", "arrest", "detention", "kidnapping", "torture", "siege"})


def _is_action_noun(tok: Token, lex: Lexicon) -> bool:
    """A noun naming an act, whose "of" phrase is its patient ("the killing of
    soldiers") and whose "in" phrase is its place ("the war in Ukraine")."""
    if tok.pos_ != "NOUN" or is_actor_head(tok, lex):
        return False
    low = tok.lemma_.lower()
    return (low in ATTACK_NOUNS or low in VIOLENT_ACTS or lex.content_class(low) in ("crime_noun", "terror")
            or (tok.lower_.endswith("ing") and valence(tok.lower_, low) <= STRONG_NEGATIVE))


def _act_agents(tok: Token, lex: Lexicon) -> list[MentionRef]:
    """The doers an act noun names itself: possessor ("Russia's invasion"),
    national or named modifier ("U.S. air strikes"), "by"/"from" phrase."""
    out: list[MentionRef] = []
    for c in tok.children:
        if c.dep_ == "poss" and is_actor_head(c, lex) and not (_is_pronoun(c) and c.lower_ in FIRST_PERSON):
            out.extend(_actor_mentions(c, lex))
        elif c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")):
            out.append(mention_for(c, lex))
    for p in _all_preps(tok, {"by", "from"}):
        if is_actor_head(p, lex):
            out.extend(_actor_mentions(p, lex))
    return out


def _event_index(doc: Doc, lex: Lexicon) -> dict[str, list[tuple[int, Token]]]:
    """Event nouns of the article with their agents, in text order:
    "U.S. air strikes" (a country modifier), "the U.S. military carried out air
    strikes" (the subject of the verb the noun is the object of), "attacks by X"."""
    index: dict[str, list[tuple[int, Token]]] = {}
    for tok in doc:
        if tok.pos_ != "NOUN" or is_actor_head(tok, lex):
            continue
        agent: Token | None = None
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < tok.i and c.ent_type_ in ("GPE", "NORP", "ORG") \
                    and not _is_pronoun(c):
                agent = c
        if agent is None:
            by = [p for p in _all_preps(tok, {"by"}) if is_actor_head(p, lex) and not _is_pronoun(p)]
            agent = by[0] if by else None
        if agent is None and tok.dep_ == "dobj" and match_cue(tok.head, lex) is None:
            # the doer, not someone who spoke about it ("X condemned the strikes")
            subj = _subject(tok.head)
            if subj is not None and is_actor_head(subj, lex) and not _is_pronoun(subj):
                agent = subj
        if agent is not None:
            index.setdefault(tok.lemma_.lower(), []).append((tok.i, agent))
    for tok in doc:
        # acts told by a verb: "Israel plans to annex ..." -> annex: Israel, for a later "annexation"
        if tok.pos_ != "VERB" or match_cue(tok, lex) is not None or _is_negated(tok):
            continue
        agent = None
        subj = _subject(tok)
        if subj is None and tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX"):
            subj = _subject(tok.head)  # "Israel plans to annex": the controller of the infinitive
        if subj is not None and is_actor_head(subj, lex) and not _is_pronoun(subj):
            agent = subj
        elif tok.dep_ in ("xcomp", "acl") and tok.head.pos_ == "NOUN":
            # "Israel's plans to annex": the agent of the plans
            owners = [a for i, a in index.get(tok.head.lemma_.lower(), []) if i == tok.head.i]
            agent = owners[0] if owners else None
        if agent is not None:
            index.setdefault(tok.lemma_.lower(), []).append((tok.i, agent))
    return index


#: Nouns of one military act: a later "the raids" is the act an earlier "U.S. air strikes" named.
ATTACK_NOUNS = frozenset({"strike", "airstrike", "raid", "attack", "bombing", "bombardment", "assault", "offensive", "shelling"})
#: Shortest shared stem by which an event noun finds an earlier verb or noun of the
#: same act ("annexation" ~ "annex", "occupation" ~ "occupy", "bombing" ~ "bomb").
EVENT_STEM = 5


def _event_key_matches(noun_lemma: str, key: str) -> bool:
    if noun_lemma == key:
        return True
    n = min(len(noun_lemma), len(key))
    return n >= EVENT_STEM and noun_lemma[:EVENT_STEM] == key[:EVENT_STEM] and (
        noun_lemma.startswith(key[:-1]) or key.startswith(noun_lemma[:-1]))


def _agents_of(noun: Token, events: dict[str, list[tuple[int, Token]]] | None) -> list[Token]:
    """The agent of an event noun from its latest earlier mention, if any."""
    if not events or not (noun.pos_ == "NOUN" or noun.tag_ == "VBG"):  # "bombing" may be tagged a gerund
        return []
    lemma = noun.lower_ if noun.tag_ == "VBG" else noun.lemma_.lower()
    earlier = sorted((i, a.i) for key, lst in events.items() if _event_key_matches(lemma, key) for i, a in lst if i < noun.i)
    if not earlier and lemma in ATTACK_NOUNS:
        # "the air raids" with no earlier "raids": the article's main act so far among the
        # attacks it reported ("U.S. air strikes")
        agent = _main_attack_agent(noun, events)
        return [agent] if agent is not None else []
    if not earlier and noun.dep_ == "compound":
        return []
    if not earlier:
        # "annexation plans", "any annexation": the noun's own compound modifier names the act
        for c in noun.children:
            if c.dep_ == "compound" and c.pos_ == "NOUN":
                return _agents_of(c, events)
        return []
    return [noun.doc[earlier[-1][1]]]


def _event_agents(cue_tok: Token, events: dict[str, list[tuple[int, Token]]], lex: Lexicon) -> list[MentionRef]:
    """The agent of the event a speech act is about, from an earlier mention of
    the same event noun: "condemned the air strikes" after "U.S. air strikes"."""
    objs = [o for o in cue_tok.children if o.dep_ == "dobj"] + _all_preps(cue_tok, {"of", "about", "against"})
    for obj in objs:
        if obj.pos_ != "NOUN":
            continue
        agents = _agents_of(obj, events)
        if agents:
            return _actor_mentions(agents[0], lex)
    return []


MEETING_NOUNS = frozenset({"call", "talk", "talks", "meeting", "conversation", "visit", "phone"})


def _meeting_partners(cue_tok: Token, lex: Lexicon) -> list[MentionRef]:
    """"said in a call with X", "told reporters after talks with X": the speaker
    consulted X (CAMEO 040-046)."""
    out: list[MentionRef] = []
    for prep in cue_tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "after", "for", "at"):
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in MEETING_NOUNS:
                for p in _all_preps(noun, {"with"}):
                    if is_actor_head(p, lex) and not _is_pronoun(p):
                        out.extend(_actor_mentions(p, lex))
    return out


def _asks_a_question(cue_tok: Token, sent: SpacySpan) -> bool:
    """"asked whether/why/how ...", or a quoted question before or after "asked"
    (not "asked X to ...", which is a request)."""
    if any(c.dep_ == "xcomp" for c in cue_tok.children):
        return False
    for c in cue_tok.children:
        if c.dep_ in ("ccomp", "advcl") and any(m.lower_ in ("whether", "if", "why", "how", "what", "who", "when")
                                                 for m in c.subtree if m.i < c.i):
            return True
    before = sent.doc[max(0, sent.start - 3):sent.start]  # "“Who will pay?” | she asked." split by the parser
    return "?" in sent.text or any(t.text == "?" for t in before)


def _or_face_threat(cue_tok: Token, lex: Lexicon) -> bool:
    """An appeal whose requested act has an alternative "or face X" with X a threat
    ("sanctions", "consequences", "retaliation")."""
    for x in cue_tok.children:
        if x.dep_ not in ("xcomp", "ccomp", "advcl"):
            continue
        for c in x.subtree:
            if c.lemma_.lower() == "face" and c.pos_ == "VERB" and any(
                    lex.content_class(o.lemma_) == "threat_verb" or o.lemma_.lower() in ("sanction", "consequence")
                    for o in c.children if o.dep_ == "dobj"):
                return any(a.lower_ == "or" for a in c.head.children) or any(a.lower_ == "or" for a in c.children)
    return False


def _meeting_speaker(verb: Token, lex: Lexicon) -> Token | None:
    """Who took part in the talks a verb's "for/in/during ... talks with X" phrase
    names: its subject (active or passive) or, in a relative clause, the antecedent;
    only named actors and pronouns."""
    s = _subject(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if s is None and verb.dep_ == "relcl":
        s = verb.head
    if s is not None and s.lower_ in RELATIVE and verb.dep_ == "relcl":
        s = verb.head
    if s is None or not is_actor_head(s, lex) or (_is_pronoun(s) and s.lower_ in FIRST_PERSON):
        return None
    return s


def _threat_in_complement(cue_tok: Token, lex: Lexicon) -> list[MentionRef] | None:
    """A promise whose complement is force ("vowed to wage war on X", "pledged to
    retaliate against X") is a THREATEN (CAMEO 13x); returns its targets."""
    for x in cue_tok.children:
        if x.dep_ != "xcomp" and not (x.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)):
            continue
        objs = _clause_objects(x)
        if lex.content_class(x.lemma_) in ("threat_verb", "wrong_verb") or any(
            lex.content_class(o.lemma_) == "threat_verb" for o in objs
        ):
            heads = [o for o in objs if is_actor_head(o, lex)]
            heads += [p for p in _all_preps(x, {"on", "against", "upon"}) if is_actor_head(p, lex)]
            for o in objs:
                heads += [p for p in _all_preps(o, {"on", "against", "upon"}) if is_actor_head(p, lex)]
            return [m for h in heads for m in _actor_mentions(h, lex)]
    return None


#: Report cues that state something only with a content: a clause, a quote or a topic ("spoke about X").
CONTENT_ONLY_CUES = frozenset({"speak", "talk", "wonder"})
#: Cues that need a subject of their own (their participles are comparisons, not statements).
OWN_SUBJECT_CUES = frozenset({"compare"})


def _says_something(tok: Token, cue_idx: list[int], sent: SpacySpan) -> bool:
    """The cue has a reported clause, a topic ("about", "of", "on"), or a quote or
    colon right after it ("spoke: “...”")."""
    if any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("about", "of", "on") for c in tok.children):
        return True
    after = [t for t in tok.doc[cue_idx[-1] + 1:min(sent.end, cue_idx[-1] + 3)] if not t.is_space]
    return any(t.text in QUOTE_CHARS or t.text in OPENING_QUOTES + CLOSING_QUOTES or t.text == ":" for t in after)


def _quoted(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks, paragraph by paragraph: marks
    pair up in order (curly ones by kind, straight ones two by two); a mark left
    unpaired opens a quotation to the paragraph's end only when it starts the
    paragraph (news style reopens a long quotation in every paragraph), and is
    ignored elsewhere (a stray mark in code or markup quotes nothing)."""
    inside: set[int] = set()
    paragraphs: list[list[Token]] = [[]]
    for t in doc:
        if t.is_space and "\n" in t.text:
            paragraphs.append([])
            continue
        paragraphs[-1].append(t)
        if "\n" in t.whitespace_:
            paragraphs.append([])
    for para in paragraphs:
        marks = [t for t in para if t.text in OPENING_QUOTES or t.text in CLOSING_QUOTES or t.text == '"']
        k = 0
        while k < len(marks):
            m = marks[k]
            closer = None
            for n in marks[k + 1:]:
                if (m.text == '"' and n.text == '"') or (m.text in OPENING_QUOTES and n.text in CLOSING_QUOTES):
                    closer = n
                    break
                if m.text in OPENING_QUOTES and n.text in OPENING_QUOTES:
                    break
            if m.text in CLOSING_QUOTES:
                k += 1
                continue
            if closer is None:
                if m.i == para[0].i:
                    inside.update(range(m.i + 1, para[-1].i + 1))
                k += 1
                continue
            inside.update(range(m.i + 1, closer.i))
            k = marks.index(closer) + 1
    return inside


#: Documents whose participle speaks for their issuer ("a resolution urging ...").
DOCUMENT_NOUNS = frozenset({"resolution", "statement", "letter", "declaration", "communique", "communiqué", "motion",
                            "petition", "report", "note", "memorandum"})
#: Modifiers that dismiss an accusation ("false claims"), beside the negative words of content.tsv.
DISMISSIVE = frozenset({"false", "fabricated", "bogus", "unproven", "fake", "absurd", "ridiculous"})
#: Nouns of pressure a refusal can be made despite ("despite growing pressure by X").
PRESSURE_NOUNS = frozenset({"pressure", "call", "demand", "request", "appeal", "urging", "plea"})
#: Verbs that name something with a label ("called X a dictatorship", "described it as a crime").
LABEL_VERBS = frozenset({"call", "dub", "describe", "label", "brand", "term", "include", "count", "list"})
#: Infinitives of "refused to ..." that withhold speech rather than reject anyone.
SILENCE_VERBS = frozenset({"comment", "elaborate", "speculate", "answer", "respond", "confirm", "specify"})


def _labeling(tok: Token, lex: Lexicon, events: dict[str, list[tuple[int, Token]]] | None) -> tuple[StatementType, list[MentionRef]] | None:
    """A pejorative label given to an actor or its act: "called its government a
    corrupt dictatorship", "dubbed him a villain", "raids which Lavrov described as
    a bloody crime" -> CRITICIZE (ACCUSE when the label names a crime) of the
    labelled actor, the possessor of the labelled thing, or the doer of the
    labelled act (CAMEO 111/112); None when the label is not negative."""
    # "called X a dictatorship", "described X as a crime", "included Iran among rogue regimes"
    label_preps = {"as", "among"} if tok.lemma_.lower() in ("include", "count", "list") else {"as"}
    if tok.lemma_.lower() in ("include", "count", "list"):
        labels = _all_preps(tok, label_preps)
    else:
        labels = [c for c in tok.children if c.dep_ in ("oprd", "attr")] + _all_preps(tok, label_preps)
    for o in (c for c in tok.children if c.dep_ == "dobj"):
        labels += ([] if tok.lemma_.lower() in ("include", "count", "list") else [c for c in o.children if c.dep_ in ("oprd", "appos")]) + _all_preps(o, label_preps)
    # the label noun and its own modifiers ("a corrupt socialist dictatorship"), not phrases hung on it
    heads = labels + [p for lab in labels for p in _all_preps(lab, {"of"})]  # "a group of rogue regimes"
    words = [w for lab in heads for w in [lab, *(c for c in lab.children if c.dep_ in ("amod", "compound"))]]
    negative = [w for w in words
                if w.i > tok.i and (lex.content_class(w.lemma_) in ("negative", "crime_noun", "terror") or _strongly_negative(w, lex))]
    if not negative:
        return None
    crime = any(lex.content_class(w.lemma_) in ("crime_noun", "terror") for w in negative)
    stype = StatementType.ACCUSE if crime else StatementType.CRITICIZE
    targets: list[MentionRef] = []
    for o in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
        if o.lower_ in RELATIVE or o.lower_ == "what":
            # "raids which Lavrov described as a crime": the antecedent
            o = tok.head if tok.dep_ == "relcl" else o
        if o.i in {w.i for w in negative}:
            continue
        owner = next((c for c in o.children if c.dep_ == "poss" and _is_pronoun(c) and c.lower_ not in FIRST_PERSON), None)
        if is_actor_head(o, lex) and owner is not None and o.pos_ == "NOUN":
            targets.append(mention_for(owner, lex))  # "calling its government a dictatorship": the country
        elif is_actor_head(o, lex) and not (o.lower_ in RELATIVE or o.lower_ == "what"):
            targets += _actor_mentions(o, lex)
        else:
            # "described Israel's plans as ...": the owner or doer of the labelled thing, not its victim
            owners = [c for c in o.children if c.dep_ == "poss" and is_actor_head(c, lex)]
            targets += [m for c in owners for m in _actor_mentions(c, lex)] or [
                m for a in _agents_of(o, events) for m in _actor_mentions(a, lex)]
    if not targets and tok.dep_ == "relcl" and tok.head.pos_ == "NOUN":
        targets = _inner_actors(tok.head, lex) or [m for a in _agents_of(tok.head, events) for m in _actor_mentions(a, lex)]
    return (stype, targets) if targets else None


def _dismissed_accusers(cue_tok: Token, lex: Lexicon, speaker: Token | None) -> list[MentionRef] | None:
    """Who made the accusations a rejection or denial dismisses: the object (or, in a
    relative clause, the antecedent: "the accusations Moscow has rejected") is an
    accusation noun; its author is its possessor or by/from actor, else the subject
    of the latest earlier accusing verb ("The U.S. has accused Russia of ...").
    None when the object is no accusation."""
    objs = [c for c in cue_tok.children if c.dep_ == "dobj"]
    if not objs and cue_tok.dep_ == "relcl" and cue_tok.head.pos_ in ("NOUN", "PRON"):
        objs = [cue_tok.head]
        if objs[0].lower_ in ("something", "which", "one") and objs[0].dep_ in ("appos", "npadvmod"):
            # "... accusations from X that ..., something Moscow denies": the accusation it sums up
            before = [t for t in cue_tok.sent if t.i < objs[0].i and lex.content_class(t.lemma_) == "accusation_noun"]
            objs = before[-1:] or objs
    acc = [o for o in objs if lex.content_class(o.lemma_) == "accusation_noun"]
    if not acc:
        return None
    authors: list[Token] = []
    for o in acc:
        authors += [c for c in o.children if c.dep_ == "poss" and is_actor_head(c, lex) and not _is_pronoun(c)]
        authors += [p for p in _all_preps(o, {"from", "by"}) if is_actor_head(p, lex)]
        authors += [c for c in o.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP", "ORG")]
    if not authors and any(o.lemma_.lower() != "claim" for o in acc):  # a "claim" may be one of responsibility
        doc = cue_tok.doc
        for t in reversed(doc[:cue_tok.i]):
            if t.pos_ == "VERB" and t.lemma_.lower() in ("accuse", "allege", "blame", "charge"):
                s = _subject(t)
                if s is not None and is_actor_head(s, lex) and not _is_pronoun(s):
                    authors = [s]
                    break
    authors = [a for a in authors if not _speaker_side(a, speaker)]
    return [m for a in authors for m in _actor_mentions(a, lex)]


def _threat_in_warning(cue_tok: Token, lex: Lexicon) -> list[MentionRef]:
    """A warning whose reported clause commits someone to force against an actor
    ("warned that the US was prepared to take action against it", "warned that
    Russia will retaliate against X"): the actors the force is aimed at."""
    for c in cue_tok.children:
        if c.dep_ != "ccomp" or _is_negated(c):
            continue
        committed = _commitment(c)
        if committed is None:
            continue
        if lex.content_class(committed.lemma_) == "threat_verb" or any(
                lex.content_class(o.lemma_) == "threat_verb" for o in _clause_objects(committed)):
            heads = _partners(committed, lex, {"on", "against", "upon"})
            return [m for h in heads for m in _actor_mentions(h, lex)]
    return []


# ----------------------------------------------------------------------------- sentences

#: Speech acts whose reported clause's subject is their target when they have no object.
CLAUSE_TARGET_TYPES = frozenset({StatementType.ACCUSE, StatementType.CRITICIZE, StatementType.DEMAND,
                                 StatementType.APPEAL, StatementType.WARN, StatementType.DENY})
#: Types that need a target: a meeting or a talk is always with someone.
DYADIC_ONLY = frozenset({StatementType.CONSULT, StatementType.SYMPATHIZE})
#: Cues of the reporting outlet ("Press TV reported"): at most a monadic STATEMENT.
MEDIA_CUES = frozenset({"report"})
#: Cue types whose infinitival complement is the requested or promised act, not a statement
#: of the speaker's own ("urged X to meet", "called on X to hold talks").
REQUEST_TYPES = frozenset({StatementType.APPEAL, StatementType.DEMAND, StatementType.PROMISE, StatementType.THREATEN})


def _is_requested_action(tok: Token, cue_matches: dict[int, tuple[Cue, list[int]]]) -> bool:
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "ccomp", "advcl") or cur.head.i == cur.i:
            return False
        head = cur.head
        if head.i in cue_matches and cue_matches[head.i][0].type in REQUEST_TYPES:
            return True
        if head.dep_ == "pobj" or head.pos_ == "ADP":
            cur = head
            continue
        cur = head
        if cur.pos_ in ("VERB", "AUX"):
            return False
    return False


def _headline_speaker(sent: SpacySpan, lex: Lexicon) -> tuple[Token, Token, Token | None] | None:
    """"Claim: Speaker" headlines -> (colon token, speaker head, clause verb)."""
    # the last ":" or spaced dash of a title line: "X: Speaker", "X - Speaker"
    seps = [t for t in sent if t.text == ":" or (
        t.text in ("-", "–", "—") and t.whitespace_ and t.i > 0 and t.doc[t.i - 1].whitespace_)]
    if not seps or (seps[-1].text != ":" and sent.text.rstrip().endswith(".")):
        return None
    colon = seps[-1]
    doc = sent.doc
    # the claim's speaker runs to the end of the line, even where the parser split the sentence
    end = colon.i + 1
    while end < len(doc) and "\n" not in doc[end].text and end - colon.i <= 8:
        end += 1
    if end - colon.i > 8:
        return None
    tail = [t for t in doc[colon.i + 1:end] if not (t.is_space or t.is_punct)]
    if not 1 <= len(tail) <= 4:
        return None
    head = max(tail, key=lambda t: (t.ent_type_ in ACTOR_ENTS, t.pos_ == "PROPN", t.i))
    if not is_actor_head(head, lex) or head.pos_ not in ("PROPN", "NOUN"):
        return None
    verb = next((t for t in sent if t.i < colon.i and t.pos_ in ("VERB", "AUX") and _subject(t) is not None), None)
    if verb is None:
        return None
    return colon, head, verb


def find_statements(doc: Doc, lex: Lexicon) -> Iterator[Draft]:
    """Yield one :class:`Draft` per (speaker, cue, type) found in ``doc``, in text order.

    Coordinated speakers ("Mordor, the Shire and Bree welcomed ...") give one
    draft each; for symmetric types (AGREE, CONSULT) without a target, each
    speaker targets the others.  Unnamed sources ("a senior official said")
    and news media ("AFP reported") give no STATEMENT: they attribute, they do
    not state (PETRARCH/CAMEO coding practice).
    """
    drafts = _warnings_with_threats(list(_raw_statements(doc, lex)))
    drafts += _quote_continuations(doc, lex, drafts)
    for d in drafts:
        if d.type == StatementType.STATEMENT and (is_anonymous(d.speaker, doc, lex) or is_media(d.speaker, doc, lex)):
            continue
        if not d.targets and is_anonymous(d.speaker, doc, lex):
            continue  # "defence officials cautioned that ...": an unnamed source without a target
        head = doc[d.speaker.head]
        conj = _coordinated(head, lex) if d.speaker.label != "PRON" else []
        # "the Islamic State of Iraq and the Levant": coordination inside one name is no list
        conj = [c for c in conj if not d.speaker.start <= c.i < d.speaker.end]
        if not conj:
            yield d
            continue
        speakers = sorted([head, *conj], key=lambda t: t.i)
        mentions = [mention_for(t, lex) for t in speakers]
        for m in mentions:
            targets = d.targets
            if not targets and d.type in SYMMETRIC:
                targets = [o for o in mentions if o is not m]
            yield Draft(d.sent_start, d.sent_end, d.cue_tokens, d.cue_lemma, d.type, d.prior, m, targets,
                        d.content, d.mode, d.negated, d.hypothetical, d.evidence)


OPENING_QUOTES = "“„«"
CLOSING_QUOTES = "”»"


def _quote_balance(text: str) -> int:
    """+1 when ``text`` leaves a quotation open, -1 when it closes one opened
    before it, 0 when its quotes are balanced (curly quotes by kind, straight
    quotes by parity and position)."""
    opening = sum(text.count(q) for q in OPENING_QUOTES)
    closing = sum(text.count(q) for q in CLOSING_QUOTES)
    if opening or closing:
        return (opening > closing) - (closing > opening)
    straight = text.count('"')
    if straight % 2 == 0:
        return 0
    # one unpaired straight quote: at the start it opens, elsewhere it closes
    return 1 if text.lstrip().startswith('"') else -1


def _quote_continuations(doc: Doc, lex: Lexicon, drafts: list[Draft]) -> list[Draft]:
    """Statements in the other sentences of a quotation that runs over several
    sentences or paragraphs: ""We treat this as a hostile act. Otherwise the USA
    will bear the blame," the ministry said." The sentences without a cue of their
    own inside the same quotation belong to the cue's speaker; their clauses are
    typed like a reported clause (:func:`analyse_clause`), and the content of the
    cue's statement is widened to the whole quotation."""
    sents = list(doc.sents)
    index = {s.start: k for k, s in enumerate(sents)}
    cued = {index[d.sent_start] for d in drafts if d.sent_start in index}
    events = _event_index(doc, lex)
    out: list[Draft] = []
    done: set[int] = set()
    for d in drafts:
        k = index.get(d.sent_start)
        if k is None or d.cue_lemma not in lex.report_lemmas or k in done:
            continue
        done.add(k)
        balance = _quote_balance(sents[k].text)
        span: list[int] = []
        step = 1 if balance > 0 else -1 if balance < 0 else 0
        j = k + step
        while step and 0 <= j < len(sents) and abs(j - k) <= 4 and j not in cued:
            span.append(j)
            b = _quote_balance(sents[j].text)
            if (step > 0 and b < 0) or (step < 0 and b > 0):
                break  # the sentence that closes (or, going back, opens) the quotation
            j += step
        else:
            if step and not (0 <= j < len(sents)) or j in cued:
                span = []  # no end of the quotation found before another cue: not one quotation
        if step <= 0:
            # a new quotation right after, with no cue of its own: ""...," X said. "More words.""
            j = k + 1
            if j < len(sents) and j not in cued and sents[j].text.lstrip()[:1] in OPENING_QUOTES + '"':
                run: list[int] = []
                while j < len(sents) and j not in cued and len(run) < 4:
                    run.append(j)
                    if _quote_balance(" ".join(sents[x].text for x in run)) == 0:
                        span += run
                        break
                    j += 1
        if not span:
            continue
        speaker_tok = doc[d.speaker.head]
        lo = min([sents[j].start for j in span] + [d.content[0] if d.content else sents[k].start])
        hi = max([sents[j].end for j in span] + [d.content[1] if d.content else sents[k].end])
        d.content = (lo, hi)
        for j in span:
            sent = sents[j]
            for stype, heads, ev in analyse_clause(sent.root, lex, speaker=speaker_tok, events=events):
                targets = [m for h in heads if is_actor_head(h, lex) for m in _actor_mentions(h, lex)]
                if stype == StatementType.STATEMENT or not targets:
                    continue
                out.append(Draft(sent.start, sent.end, d.cue_tokens, d.cue_lemma, stype, d.prior, d.speaker, targets,
                                 (lo, hi), Mode.DIRECT, False, _is_hypothetical(sent.root, sent), ev * 0.9))
    return out


def _warnings_with_threats(drafts: list[Draft]) -> list[Draft]:
    """A warning to X followed by the speaker's own threat without a target
    ("warned the US against deploying missiles, saying Russia will retaliate")
    is one THREATEN of X (CAMEO 13x): the warning takes the threat's type and
    the target-less threat is dropped."""
    out: list[Draft] = []
    merged: set[int] = set()
    for i, d in enumerate(drafts):
        if d.type != StatementType.THREATEN or d.targets or d.negated:
            continue
        for w in drafts:
            if (w.type == StatementType.WARN and w.targets and w.sent_start == d.sent_start
                    and w.speaker.head == d.speaker.head and not w.negated):
                w.type = StatementType.THREATEN
                merged.add(i)
                break
    for i, d in enumerate(drafts):
        if i not in merged:
            out.append(d)
    return out


def _coordinated(head: Token, lex: Lexicon) -> list[Token]:
    """Other actors coordinated with ``head``, including lists the parser hung on an
    apposition ("Mordor, the Shire, Fornost and Bree" -> Shire, Fornost, Bree)."""
    out = [c for c in head.conjuncts if is_actor_head(c, lex)]
    if head.dep_ == "nsubj":
        # a list the parser gave the verb as several subjects: "UN, Arab League call on Israel"
        out += [c for c in head.head.children if c.dep_ == "nsubj" and c.i != head.i and is_actor_head(c, lex)
                and not _is_pronoun(c)]
    if head.pos_ == "PROPN":
        for a in head.children:
            if a.dep_ == "appos" and a.pos_ == "PROPN" and any(c.dep_ == "conj" for c in a.children):
                out += [a] + [c for c in a.conjuncts if is_actor_head(c, lex)]
    return sorted(set(out), key=lambda t: t.i)


def _raw_statements(doc: Doc, lex: Lexicon) -> Iterator[Draft]:
    events = _event_index(doc, lex)
    cue_matches: dict[int, tuple[Cue, list[int]]] = {}
    for tok in doc:
        m = match_cue(tok, lex)
        if m is not None:
            cue_matches[tok.i] = m
    cue_set = set(cue_matches)
    in_quotes = _quoted(doc)
    for sent in doc.sents:
        hl = _headline_speaker(sent, lex)
        if hl is not None and not any(sent.start <= i < sent.end for i in cue_set):
            colon, spk, verb = hl
            found = analyse_clause(verb, lex) if verb is not None else []
            typed = found or [(StatementType.STATEMENT, [], 0.5)]
            for stype, heads, ev in typed:
                targets = [m for h in heads if is_actor_head(h, lex) for m in _actor_mentions(h, lex)]
                yield Draft(sent.start, max(sent.end, spk.i + 1), [colon.i], ":", stype, 0.6, mention_for(spk, lex), targets,
                            (sent.start, colon.i), Mode.DIRECT, False, False, ev)
        for i in range(sent.start, sent.end):
            if i not in cue_matches:
                tok = doc[i]
                if tok.pos_ in ("VERB", "AUX") and tok.i not in in_quotes:
                    partners = _meeting_partners(tok, lex)
                    spk_tok = _meeting_speaker(tok, lex) if partners else None
                    if spk_tok is not None:
                        # "arrived in the UAE for talks with X", "was told in a phone call with X" (CAMEO 04x)
                        yield Draft(sent.start, sent.end, [i], "talk with", StatementType.CONSULT, 0.6,
                                    mention_for(spk_tok, lex), partners, None, Mode.SPEECH_ACT, _is_negated(tok),
                                    _is_hypothetical(tok, sent), 0.6)
                if tok.pos_ == "VERB" and tok.lemma_.lower() in LABEL_VERBS:
                    # "calling its government a corrupt dictatorship", "dubbed him a villain"
                    label = _labeling(tok, lex, events)
                    spk_tok = find_speaker(tok, [i], lex, cue_set) if label is not None else None
                    if label is not None and spk_tok is not None and is_actor_head(spk_tok, lex):
                        yield Draft(sent.start, sent.end, [i], tok.lemma_.lower(), label[0], 0.7, mention_for(spk_tok, lex),
                                    label[1], None, Mode.SPEECH_ACT, _is_negated(tok), _is_hypothetical(tok, sent), 0.7)
                continue
            cue, cue_idx = cue_matches[i]
            tok = doc[i]
            if _is_requested_action(tok, cue_matches):
                continue
            if cue.kind == "act" and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in tok.children) and (
                    cue.type == StatementType.SUPPORT and (tok.dep_ == "relcl" or sent.start > 0)):
                # "Russia, which backs Assad, ...", "Iran backs Hezbollah": a standing relation in the
                # background, no statement (a headline's present tense tells an event: "X backs Y")
                continue
            if i in in_quotes:
                subj = _own_speaker(tok, lex)
                if subj is None or not (_is_pronoun(subj) and subj.lower_ in FIRST_PERSON):
                    continue  # a verb inside a quotation is the quoted speaker's words, not a statement of the text
            if cue.lemma in CONTENT_ONLY_CUES and not _says_something(tok, cue_idx, sent):
                continue  # "spoke at a rally", "speaking with advisers": no speech act without what was said
            if cue.lemma in OWN_SUBJECT_CUES and _own_speaker(tok, lex) is None:
                continue  # "trade grew 50 percent compared with last year": no one compares
            if cue.lemma in NEGATING_HEADS and cue.type == StatementType.REJECT and any(
                    x.dep_ == "xcomp" and (x.i in cue_matches or x.lemma_.lower() in SILENCE_VERBS) for x in tok.children):
                continue  # "declined to criticise X", "refused to comment": the inner act is negated, nothing rejected
            spk_tok = find_speaker(tok, cue_idx, lex, cue_set)
            if spk_tok is None or not is_actor_head(spk_tok, lex):
                continue
            speaker = mention_for(spk_tok, lex)
            label = _labeling(tok, lex, events) if tok.lemma_.lower() in LABEL_VERBS else None
            if label is not None:
                yield Draft(sent.start, sent.end, cue_idx, tok.lemma_.lower(), label[0], cue.prior, speaker, label[1],
                            _content_range(tok, cue_idx, spk_tok), Mode.SPEECH_ACT, _is_negated(tok),
                            _is_hypothetical(tok, sent), 0.7)
                continue
            negated = _is_negated(tok)
            hypo = _is_hypothetical(tok, sent)
            content = _content_range(tok, cue_idx, spk_tok)
            mode = _mode(doc, content, cue)
            lemma = " ".join(doc[j].lemma_.lower() for j in cue_idx) if cue.particle or cue.obj else tok.lemma_.lower()
            if cue.lemma == "according":
                lemma = "according to"
            base = dict(sent_start=sent.start, sent_end=sent.end, cue_tokens=cue_idx, cue_lemma=lemma,
                        prior=cue.prior, speaker=speaker, content=content, mode=mode,
                        negated=negated, hypothetical=hypo)
            consult = _meeting_partners(tok, lex) if cue.kind == "report" else []
            if consult:
                yield Draft(type=StatementType.CONSULT, targets=consult, evidence=0.7,
                            **{**base, "cue_lemma": "talk with", "content": None, "mode": Mode.SPEECH_ACT})
            if cue.kind == "report":
                clause_verbs = [c for c in tok.children if c.dep_ in ("ccomp", "parataxis")]
                if cue.lemma == "according":
                    clause_verbs = [tok.head] if tok.head.i != tok.i else []
                findings: list[tuple[StatementType, list[Token], float]] = []
                quoted = any(doc[j].text in QUOTE_CHARS or doc[j].text in OPENING_QUOTES + CLOSING_QUOTES
                             for j in range(sent.start, tok.i))
                for v in clause_verbs:
                    if v.i < tok.i and _past_event(v) and not quoted and not _own_pronoun(_subject(v)):
                        continue  # the trailing source of a reported past event states nothing of its own
                    findings.extend(analyse_clause(v, lex, speaker=spk_tok, events=events))
                for c in tok.children:
                    # "“We treat this as a hostile act, a grave violation by Washington,” the ministry said":
                    # a noun phrase of the quotation the parser hung on the cue
                    if c.dep_ in ("dep", "npadvmod", "appos", "dobj") and c.pos_ == "NOUN" and c.i in in_quotes and \
                            lex.content_class(c.lemma_) in ("crime_noun", "wrong_verb", "negative"):
                        by = [p for p in _all_preps(c, {"by"}) if is_actor_head(p, lex) and not _speaker_side(p, spk_tok)]
                        if by:
                            findings.append((StatementType.ACCUSE, by, 0.8))
                if cue.type == StatementType.DENY and not findings:
                    accusers = _dismissed_accusers(tok, lex, spk_tok)
                    if accusers:
                        # "..., something Moscow denies": a denial of the accusations' authors
                        yield Draft(type=StatementType.DENY, targets=accusers, evidence=0.7, **base)
                        continue
                if findings and cue.type in (StatementType.STATEMENT, StatementType.DEMAND):
                    seen: set[tuple[StatementType, tuple[int, ...]]] = set()
                    resolved = [
                        (stype, [m for h in heads if is_actor_head(h, lex) for m in _actor_mentions(h, lex)], ev)
                        for stype, heads, ev in findings
                    ]
                    with_targets = {stype for stype, targets, _ in resolved if targets}
                    for stype, targets, ev in resolved:
                        if not targets and stype in with_targets:
                            continue
                        key = (stype, tuple(sorted(m.head for m in targets)))
                        if key in seen:
                            continue
                        seen.add(key)
                        yield Draft(type=stype, targets=targets, evidence=ev, **base)
                    continue
                if (cue.type == StatementType.STATEMENT and clause_verbs and clause_verbs[0].i < tok.i and not quoted
                        and _past_event(clause_verbs[0]) and not _own_pronoun(_subject(clause_verbs[0]))):
                    # "Zambia extradited X to Britain, an official said": the source of a
                    # reported past event, not a statement (CAMEO codes the event itself)
                    continue
                targets = find_targets(tok, cue, cue_idx, lex, events, spk_tok) if cue.type != StatementType.STATEMENT else []
                if (cue.type == StatementType.STATEMENT and clause_verbs and cue.lemma not in MEDIA_CUES
                        and not (clause_verbs[0].i < tok.i and _past_event(clause_verbs[0]))):
                    s = _subject(clause_verbs[0])
                    if s is not None and is_actor_head(s, lex) and not _is_pronoun(s) and not _speaker_side(s, spk_tok):
                        # only named subjects: "said NATO would ..." (CAMEO 010), not "said the coalition ..."
                        targets = [m for m in _actor_mentions(s, lex) if m.label != "AGENT"]
                yield Draft(type=cue.type, targets=targets, evidence=0.6, **base)
            else:
                stype = cue.type
                if cue.lemma == "ask" and _asks_a_question(tok, sent):
                    # "“Who will pay?” she asked", "asked whether X would ...": a question, no request
                    yield Draft(type=StatementType.STATEMENT, targets=[], evidence=0.6, **base)
                    continue
                targets = find_targets(tok, cue, cue_idx, lex, events, spk_tok)
                if stype in (StatementType.REJECT, StatementType.DENY):
                    accusers = _dismissed_accusers(tok, lex, spk_tok)
                    if accusers is not None:
                        # "rejected the accusations", "the accusations Moscow has rejected": a denial
                        # aimed at the accuser (CAMEO 016)
                        stype, targets = StatementType.DENY, accusers
                if not targets and stype in EVENT_TARGET_TYPES:
                    targets = _event_agents(tok, events, lex)
                if stype == StatementType.PROMISE:
                    threat = _threat_in_complement(tok, lex)
                    if threat is not None:
                        stype, targets = StatementType.THREATEN, threat
                if stype == StatementType.WARN:
                    threat = _threat_in_warning(tok, lex)
                    if threat:
                        # "warned that the US was prepared to take action against it" (CAMEO 13x)
                        stype, targets = StatementType.THREATEN, threat
                if not targets and stype in DYADIC_ONLY:
                    continue
                yield Draft(type=stype, targets=targets, evidence=0.9 if targets else 0.6, **base)
                if stype in (StatementType.APPEAL, StatementType.DEMAND) and targets and _or_face_threat(tok, lex):
                    # "called on Moscow to defuse the crisis or face further sanctions": an ultimatum (CAMEO 13x)
                    yield Draft(type=StatementType.THREATEN, targets=targets, evidence=0.7, **base)
        # statements carried by nouns ("X's criticism of Y", "drew condemnation from Y"); late import:
        # kg.extract.nominal builds on this module
        from kg.extract.nominal import find_nominal_statements
        yield from find_nominal_statements(doc, sent, lex, cue_matches, events)
