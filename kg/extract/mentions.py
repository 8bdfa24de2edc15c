"""Mentions of actors: which tokens can head an actor's noun phrase, the span of
that phrase (:class:`MentionRef`), coordinated and inner actors ("cooperation between
Ankara and Moscow"), unnamed sources, news media, and the speaker's own side.

:class:`Draft` -- the record a statement rule yields, still pointing at tokens -- lives
here too, beside the mentions it holds; :mod:`kg.extract.coref` resolves both to
article-level actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.extract.countries import (  # noqa: F401 (re-exported: country words lived here)
    COUNTRY_METONYMS, country_word, metonym_country, same_country,
)
from kg.extract.lexicon import ContentClass, Lexicon
from kg.extract.syntax import (
    ACTOR_ENTS,
    FIRST_PERSON,
    NON_ACTOR_ENTS,
    OTHER_PRONOUNS,
    PERSONAL_PRONOUNS,
    ent_of,
    is_pronoun,
    with_conjuncts,
)
from kg.model import Mode, StatementType


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
    if is_pronoun(tok):
        return low in PERSONAL_PRONOUNS or low in OTHER_PRONOUNS
    if low in lex.not_actors:
        return False
    if tok.ent_type_ in ACTOR_ENTS:
        return True
    if tok.ent_type_ in NON_ACTOR_ENTS and tok.ent_type_ != "LOC":
        # a mislabelled name ("Trump" as WORK_OF_ART): named as a person or organization elsewhere, or after a role noun ("spokesperson X")
        return tok.pos_ == "PROPN" and (tok.text in _actor_words(tok.doc) or any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and lex.is_agent(c.lemma_.lower()) for c in tok.lefts))
    if tok.ent_type_ == "LOC" and "kg_kb_spans" in tok.doc.user_data and _one_word_name(tok):
        # the small model often tags countries as LOC ("Cyprus"), which kg_kb_actors has relabelled
        # from the KB by now: a one-word LOC left is a region ("Europe", "the Sahel"); a longer one
        # may be a body named after its region ("the Middle East Quartet")
        return False
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        # without kg_kb_actors, LOC proper nouns count (regions rarely act as speakers or targets in
        # the positions the rules read)
        return True
    return tok.pos_ in ("NOUN", "PROPN") and (lex.is_agent(tok.lemma_.lower()) or lex.is_agent(tok.lower_)) or (
        tok.pos_ == "NOUN" or tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")) and tok.text[:1].isupper() \
        and not tok.ent_type_ and tok.text in _actor_words(tok.doc)  # "Mehdiyev says", "Lopez [ADJ] voiced ...": named elsewhere


def _one_word_name(tok: Token) -> bool:
    """The entity of ``tok`` is one word, hyphens aside ("Europe", "the Indo-Pacific")."""
    ent = ent_of(tok)
    toks = [t for t in ent if t.lower_ != "the"] if ent is not None else [tok]
    return not any(t.whitespace_ for t in toks[:-1])


#: Participles after a plural noun that name a group by its part in the matter ("the parties concerned").
POSTPOSED_GROUP_WORDS = frozenset({"concerned", "involved"})


def mention_for(tok: Token, lex: Lexicon) -> MentionRef:
    """The mention headed by ``tok``: its entity or its noun phrase (left modifiers)."""
    doc = tok.doc
    if is_pronoun(tok):
        return MentionRef(tok.i, tok.i + 1, tok.i, "PRON")
    ent = ent_of(tok)
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
    if end < len(doc) and doc[end].lower_ in POSTPOSED_GROUP_WORDS and doc[end].head.i == tok.i and tok.tag_ == "NNS":
        end += 1  # "the parties concerned", "all sides involved": the group named by its part in the matter
    if ent is not None and ent.label_ in ACTOR_ENTS:
        # clip entities that the small model ran into a verb ("Nepal Wants")
        es, ee = ent.start, ent.end
        while es < tok.i and (doc[es].pos_ in ("VERB", "AUX", "ADP") or not any(ch.isalnum() for ch in doc[es].text)):
            es += 1
        for j in range(tok.i + 1, ee):
            if (doc[j].pos_ in ("VERB", "AUX") and not (j < ee - 1 and doc[j].is_title and tok.is_ancestor(doc[j]))) or (
                    doc[j].pos_ == "PUNCT" and doc[j].text not in "-."):  # "Committee to Protect Journalists" stays whole
                ee = j
                break
        for j in range(tok.i - 1, es - 1, -1):
            if doc[j].pos_ in ("VERB", "AUX", "ADP") or doc[j].text in (",", ";"):  # or a list: "Arnor, Gondor"
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
            tok.lemma_.lower()):
        pp_end = _place_phrase_end(tok, end, lex)
        if pp_end > end:
            # "Opposition groups in Zimbabwe": the mention keeps the place, the name does not
            return MentionRef(start, pp_end, tok.i, "AGENT", start, end)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.words.spokes_nouns and doc[start].lower_ not in ("a", "an", "one"):
        # "Kosovo Municipality Association (AKK) officials": they speak for the organization
        # (CAMEO/PETRARCH code the organization), which is the actor; the noun is their role
        org = [e for e in (ent_of(doc[j]) for j in range(start, tok.i) if doc[j].ent_iob_ == "B")
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


def actor_mentions(tok: Token, lex: Lexicon) -> list[MentionRef]:
    """Mentions for ``tok`` and its coordinated actors; appositive names win
    over a common noun ("his counterparts, Sergei Shoigu and Fikri Isik")."""
    out: list[MentionRef] = []
    for t in with_conjuncts(tok):
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
                out.extend(mention_for(x, lex) for x in with_conjuncts(a) if is_actor_head(x, lex))
        else:
            out.append(mention_for(t, lex))
    return out


def inner_actors(tok: Token, lex: Lexicon, depth: int = 3) -> list[MentionRef]:
    """Actors inside a non-actor object: possessors, compounds, ``of``/``by``/
    ``between`` objects ("Washington's lack", "U.S. air strikes",
    "cooperation between Ankara and Moscow"); a one-word name that only says what
    kind of thing the object is ("Indo-Pacific stability": :func:`modifier_name`) is none."""
    if depth == 0:
        return []
    found: list[MentionRef] = []
    names = [a for a in tok.children if a.dep_ == "appos" and a.pos_ == "PROPN" and is_actor_head(a, lex)]
    if names:
        # "a U.S.-based moderate Islamic cleric, Fethullah Gulen": the name, not the cleric's modifiers
        return [m for a in names for m in actor_mentions(a, lex)]
    for child in tok.children:
        if child.dep_ in ("poss", "compound", "nmod") and child.i < tok.i:
            if is_actor_head(child, lex) and not (is_pronoun(child) and child.lower_ in FIRST_PERSON) \
                    and not modifier_name(child, lex):
                found.extend(actor_mentions(child, lex))
            elif child.dep_ == "compound" and child.pos_ == "NOUN":
                found.extend(inner_actors(child, lex, depth - 1))  # "a Security Council resolution ..."
        elif child.dep_ in ("amod",) and child.ent_type_ in ("NORP", "GPE") and child.i < tok.i:
            found.append(mention_for(child, lex))
    if found:
        return found
    for preps in (lex.words.inner_preps, frozenset({"in"})):
        # "closure of guest houses in Bree": a place inside the object only when nothing else is
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        if child.lower_ == "on" and _is_channel(pobj, lex):
                            continue  # "welcomed the move on Twitter": where it was said
                        if is_actor_head(pobj, lex):
                            found.extend(actor_mentions(pobj, lex))
                        else:
                            found.extend(inner_actors(pobj, lex, depth - 1))
        if found:
            break
    return found


def _is_channel(tok: Token, lex: Lexicon) -> bool:
    """A medium something is said on ("Twitter", "state television")."""
    return lex.content_class(tok.lower_) == ContentClass.MEDIA or lex.content_class(tok.lemma_) == ContentClass.MEDIA or is_media(
        mention_for(tok, lex), tok.doc, lex)


def is_media(m: MentionRef, doc: Doc, lex: Lexicon) -> bool:
    """A news outlet or agency ("AFP", "the official news agency WFNA", "Press TV")."""
    text = doc[m.start:m.end].text.lower().replace(".", "")
    words = text.split()
    if any(lex.content_class(" ".join(words[i:j])) == ContentClass.MEDIA for i in range(len(words)) for j in range(i + 1, len(words) + 1)):
        return True
    head = doc[m.head]
    if lex.agent_role(head.lemma_.lower()) == "MED" and not (m.label in ACTOR_ENTS and m.head < m.name_end - 1):
        return True  # not "Reporters Without Borders": a name whose first noun is a press word
    if masthead_name(m, doc, lex):
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in lex.words.outlet_nouns for c in head.children):
        return True  # "The Print, an Indian online publication, said ..."
    return head.lemma_.lower() in lex.words.broadcast_heads and any(
        t.lower_ in lex.words.news_modifiers for t in doc[m.start:m.head]
    )


def masthead_name(m: MentionRef, doc: Doc, lex: Lexicon) -> bool:
    """A newspaper's or news service's name: two proper nouns or more that end with a masthead word
    or start with "Daily" (``words.tsv`` ``masthead_words``: "The Financial Times", "Kyodo News",
    "the Daily Courier"); not a person's name ("Emily Post")."""
    ns, ne = (m.name_start, m.name_end) if m.name_start >= 0 else (m.start, m.end)
    words = [t for t in doc[ns:ne] if t.lower_ not in ("the", "'s", "’s")]
    if len(words) < 2 or not all(t.pos_ == "PROPN" or t.text[:1].isupper() for t in words):
        return False
    if any(t.ent_type_ == "PERSON" for t in words):
        return False
    return words[-1].lower_ in lex.words.masthead_words or words[0].lower_ == "daily"


def document_name(m: MentionRef, doc: Doc, lex: Lexicon) -> bool:
    """The name of a document or an agreement ("the Copenhagen Charter", "the Paris Agreement",
    ``words.tsv`` ``document_names``): a thing, never a target actor."""
    ns, ne = (m.name_start, m.name_end) if m.name_start >= 0 else (m.start, m.end)
    words = [t for t in doc[ns:ne] if t.lower_ != "the"]
    return len(words) >= 2 and words[-1].text[:1].isupper() and words[-1].lower_ in lex.words.document_names


def storm_name(m: MentionRef, doc: Doc, lex: Lexicon) -> bool:
    """The name of a storm ("Cyclone Edna", "Hurricane Maria", ``words.tsv`` ``storm_words``),
    which the small model often labels as a person: never an actor."""
    ns = m.name_start if m.name_start >= 0 else m.start
    ne = m.name_end if m.name_start >= 0 else m.end
    words = [t for t in doc[ns:ne] if t.lower_ != "the"]
    return len(words) >= 2 and words[0].lower_ in lex.words.storm_words and words[0].text[:1].isupper()


def is_anonymous(m: MentionRef, doc: Doc, lex: Lexicon) -> bool:
    """An unnamed source: one indefinite person ("a senior official", "a Bree
    official"), or a bare plural of a source noun ("officials", "diplomats")
    without a name or a definite or possessive determiner.  Named groups
    ("top black lawmakers", "the Syrian military") are not anonymous."""
    if m.label != "AGENT":
        return False
    if lex.content_class(doc[m.head].lemma_) != ContentClass.SOURCE_NOUN and doc[m.start].lower_ not in ("a", "an"):
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


def speaker_side(subj: Token | None, speaker: Token | None) -> bool:
    """The clause's subject is the speaker's own side: a pronoun ("it", "we", "they", "he") or the same name."""
    if subj is None:
        return False
    if is_pronoun(subj):
        return subj.lower_ != "you"
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subj.children):
        return True  # "our response will be ..."
    if speaker is None:
        return False
    if subj.i == speaker.i or subj.lower_ == speaker.lower_:
        return True
    # its country ("Russian President Putin said Russia / the Kremlin will ..."), not in its clauses ("the government, which believed X was Chinese")
    word = metonym_country(subj) or country_word(subj)
    cut = [c for c in speaker.children if c.dep_ in ("relcl", "acl", "advcl", "ccomp")]
    return word is not None and any(t.ent_type_ in ("GPE", "NORP") and same_country(t.text, word) for t in speaker.subtree
                                    if not any(c.left_edge.i <= t.i <= c.right_edge.i for c in cut)
                                    and not (t.dep_ == "compound" and t.head.lemma_.lower() in TOPIC_NOUNS))


#: Experts whose country modifier is what they study ("a senior Iran analyst"), not whose side they are on.
TOPIC_NOUNS = frozenset({"analyst", "expert", "specialist", "scholar", "researcher", "watcher", "correspondent"})
#: Number words of a counted group ("the three nations").
GROUP_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
#: Nouns for a counted group of countries or organizations; "trio" and "pair" count themselves.
GROUP_NOUNS = frozenset({"nation", "country", "state", "government", "member", "neighbor", "neighbour", "power",
                         "ally", "capital", "trio", "pair", "organization", "group", "side", "party", "republic",
                         "junta", "regime"})
_SELF_COUNTED = {"trio": 3, "pair": 2}
#: How many sentences back a counted group looks for its members.
GROUP_WINDOW = 6


def group_members(m: MentionRef, doc: Doc, lex: Lexicon) -> list[MentionRef]:
    """The members a counted group names: "the three military-led nations", "both
    countries", "the trio" -> the latest earlier list of exactly that many named
    countries or organizations ("Burkina Faso, Mali and Niger withdrew ..."), within
    :data:`GROUP_WINDOW` sentences; [] when there is none (or ``m`` is no such group).

    CAMEO/PLOVER code each member of a group named earlier as its own actor.
    """
    if m.label != "AGENT":
        return []
    head = doc[m.head]
    lemma = head.lemma_.lower()
    if lemma not in GROUP_NOUNS:
        return []
    n = _SELF_COUNTED.get(lemma)
    if n is None:
        if head.tag_ not in ("NNS", "NNPS"):
            return []
        counts = [GROUP_COUNTS[c.lower_] for c in head.children
                  if c.dep_ in ("nummod", "det", "predet", "quantmod") and c.lower_ in GROUP_COUNTS]
        n = counts[0] if counts else None
    if n is None or any(c.dep_ in ("poss",) for c in head.children):
        return []
    sents = 0
    i = m.start - 1
    while i >= 0 and sents <= GROUP_WINDOW:
        tok = doc[i]
        if tok.is_sent_start:
            sents += 1
        if tok.dep_ != "conj" and any(c.dep_ == "conj" for c in tok.children) and _is_named_member(tok):
            members = [tok, *tok.conjuncts]
            if all(_is_named_member(t) for t in members) and len(members) == n:
                return [mention_for(t, lex) for t in sorted(members, key=lambda t: t.i)]
        i -= 1
    return []


def _is_named_member(tok: Token) -> bool:
    """A named country or organization of a list (the small model labels invented country
    names PERSON as often as GPE, so any capitalized proper noun that is no date or number)."""
    return tok.ent_type_ in ("GPE", "ORG") or (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ in (
        "", "PERSON", "NORP", "LOC"))


def weak_person_mention(tok: Token) -> bool:
    """A one-word PERSON entity used as a modifier of a common noun ("the Schengen
    system", "Brexit negotiations", "the Cherry orchard"): the small model's PERSON label
    is least reliable there, and such a mention is no antecedent for "he"/"she" (a person
    named in full elsewhere still is, by that mention)."""
    ent = ent_of(tok)
    if ent is None or ent.label_ != "PERSON":
        return False
    core = [t for t in ent if t.lower_ not in ("the", "'s", "’s")]
    return len(core) == 1 and core[0].dep_ in ("compound", "nmod", "amod") and core[0].head.pos_ == "NOUN" \
        and core[0].head.i > core[0].i


def kb_known(tok: Token) -> bool:
    """Whether ``tok`` lies in a name the knowledge base knows as an actor (the token ranges
    ``kg_kb_actors`` recorded on the doc as ``user_data["kg_kb_spans"]``; False without that component)."""
    return any(s <= tok.i < e for s, e in tok.doc.user_data.get("kg_kb_spans", ()))


#: An acronym of capitals, digits and periods ("U.N.", "G7", "AKK"; not "COVID-19").
_ACRONYM = re.compile(r"[A-Z][A-Z0-9.&]+")


def modifier_name(tok: Token, lex: Lexicon) -> bool:
    """A one-word name used as a modifier of a common noun that names no actor ("the
    Schengen system", "Brexit negotiations", "the COVID-19 pandemic", "Indo-Pacific
    stability"): such a name is the kind of thing the noun is, not whose it is.

    Only names the model labels PERSON or ORG are read so.  The name still is an actor when
    it stands for a country or city (a GPE or NORP entity, or an unlabelled proper noun, as
    invented countries often are: "the U.S. proposal", "the Tolvian plan"), when the knowledge base knows it as an actor
    ("the Hamas leadership", "a NATO plan": :func:`kb_known`), when it is an acronym
    ("the AKK proposal", "the U.N. plan"), or when the noun it modifies is an actor noun
    ("Kremlin spokesman", "Zorbu officials": :func:`is_actor_head`), a group noun
    (:data:`GROUP_NOUNS`: "the Zorbu junta") or an attack or crime the name did ("the Zorbu
    raid": the doer, as :func:`kg.extract.events.act_agents` reads it).
    """
    ent = ent_of(tok)
    toks = [t for t in ent if t.lower_ not in ("the", "'s", "’s")] if ent is not None else [tok]
    if ent is None or ent.label_ not in ("PERSON", "ORG") or not toks:
        return False  # a country or city, or a name without a label (invented countries often have none)
    if any(t.whitespace_ for t in toks[:-1]):
        return False  # a name of several words ("the Human Rights Watch report")
    last = toks[-1]
    if last.dep_ not in ("compound", "nmod", "amod") or last.head.i <= last.i:
        return False
    head = last.head
    # (the small model tags some nouns after a name as adjectives: "The COVID-19 pandemic/ADJ has ...")
    nominal = head.pos_ == "NOUN" or (head.pos_ == "ADJ" and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"))
    if not nominal or is_actor_head(head, lex) or head.i in {t.i for t in toks}:
        return False
    low = head.lemma_.lower()
    if low in GROUP_NOUNS or low in lex.words.attack_nouns or low in lex.words.violent_acts or lex.content_class(low) in (
            ContentClass.CRIME_NOUN, ContentClass.TERROR):
        return False  # a group ("the Zorbu junta") or an act the name did ("the Zorbu attack")
    text = "".join(t.text_with_ws for t in toks).strip()
    if _ACRONYM.fullmatch(text):
        return False  # "the U.N. plan", "a G7 statement", "the AKK proposal"
    return not any(kb_known(t) for t in toks)


#: Dependents that make a common noun phrase a definite group ("the people of Tolvia", "its citizens").
_DEFINING_DEPS = frozenset({"det", "poss", "amod", "compound", "nmod", "nummod", "quantmod", "predet", "appos", "prep",
                            "acl", "relcl"})


def bare_common_noun(tok: Token) -> bool:
    """A plural or mass common noun with no determiner, owner, modifier or phrase of its own
    ("people", "civilians", "residents"): people in general, whom a statement describes
    rather than addresses -- no target of a criticism or accusation read from a clause
    ("he says people are subject to attacks").  "The people of Tolvia", "Tolvian
    officials", "its citizens" are not bare."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and tok.tag_ in ("NNS", "NN") and not any(
        c.dep_ in _DEFINING_DEPS for c in tok.children)


def thing_names(doc: Doc, lex: Lexicon) -> frozenset[str]:
    """Names the article itself uses as the kind of a thing (:func:`modifier_name` at one of
    their mentions: "the Schengen zone", "Brexit talks"), so that their bare mentions are no
    actor either ("railed against Schengen", "Brexit would not have happened").  Kept on the
    doc's ``user_data`` as a sorted list.  Cost: one pass over the doc's entities."""
    key = "kg_thing_names"
    names = doc.user_data.get(key)
    if names is None:
        names = sorted({e.text.removeprefix("the ") for e in doc.ents if e.label_ in ("PERSON", "ORG")
                        and modifier_name(e[-1], lex)})
        doc.user_data[key] = names
    return frozenset(names)


def thing_mention(m: MentionRef, doc: Doc, lex: Lexicon) -> bool:
    """A mention of one of the article's :func:`thing_names` ("Schengen" after "the Schengen
    system"), but not of a name the KB knows as an actor."""
    ns, ne = (m.name_start, m.name_end) if m.name_start >= 0 else (m.start, m.end)
    names = thing_names(doc, lex)
    return bool(names) and doc[ns:ne].text in names and not any(kb_known(doc[i]) for i in range(ns, ne))


def nonspecific_mention(m: MentionRef, doc: Doc, lex: Lexicon) -> bool:
    """A target mention that names no particular actor: an indefinite, counted or quantified common
    noun ("called for an inclusive government", "agreed to add two members", "each company"), a
    singular noun without determiner ("threatened to use force", "called for accountable leadership"),
    a storm's name (:func:`storm_name`) or a document's (:func:`document_name`).  A name before the head
    keeps it ("an Iranian official", "two Tolvian soldiers"): that one can be resolved or coded.

    :param m: the mention; :param doc: its doc.  Source: the taxonomy's target ("who it is about or
        addressed to", ``../shared/docs/taxonomy.md``) is an actor; a kind of actor is none.
    """
    if storm_name(m, doc, lex) or document_name(m, doc, lex):
        return True
    head = doc[m.head]
    if m.label not in ("AGENT",) or head.pos_ != "NOUN" or head.ent_type_:
        return False
    before = doc[m.start:head.i]
    if any(t.ent_type_ in ACTOR_ENTS or t.pos_ == "PROPN" for t in before):
        return False
    if any(c.dep_ == "appos" or (c.dep_ == "acl" and c.lemma_.lower() in ("know", "call", "name")) for c in head.children):
        return False  # "a rebel group known as 3R": named after all
    first = doc[m.start]
    if first.lower_ in ("a", "an", "each", "every", "any"):
        return True  # "an inclusive government", "each company must fend for itself", "corruption by any party"
    if head.tag_ == "NN" and head.dep_ not in ("nsubj", "nsubjpass") and not any(
            c.dep_ in ("det", "poss", "compound", "nmod", "appos") for c in head.children):
        # "called for accountable leadership": a kind of leadership, nobody's; a subject without
        # determiner is the journalese of a particular one ('says "illegal" government is confiscating')
        return True
    if first.like_num and first.dep_ == "nummod" and first.head.i == head.i:
        return True
    return head.tag_ == "NN" and not any(c.dep_ in _DEFINING_DEPS for c in head.children)

