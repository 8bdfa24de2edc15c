"""Events of an article and their agents: the event-noun index ("U.S. air strikes",
"the Turkish army launched drone strikes", "attacks by X", "Serbia plans to annex"),
act nouns ("the killing of soldiers") and the doers they name, and the agent a later
mention of the same act points back to ("condemned the raids" -> the United States).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.lexicon import ContentClass, Lexicon
from kg.extract.mentions import actor_mentions, is_actor_head, mention_for, MentionRef, same_country
from kg.extract.syntax import FIRST_PERSON, is_negated, is_pronoun, match_cue, prep_objects, subject_of
from kg.extract.valence import STRONG_NEGATIVE, valence


#: The event-noun index of :func:`event_index`: lemma -> [(token index, agent token)], in text order.
Events = dict[str, list[tuple[int, Token]]]


def main_attack_agent(tok: Token, events: Events, lex: Lexicon) -> Token | None:
    """The agent most of the article's attack mentions before ``tok`` name (ties: the
    latest), as its latest mention; None when no attack had an agent."""
    earlier = [(i, a) for key, lst in events.items() if key in lex.words.attack_nouns for i, a in lst if i < tok.i]
    if not earlier:
        return None
    votes: Events = {}
    for i, a in earlier:
        key = next((k for k in votes if same_country(k, a.text) or k == a.lower_), a.lower_)
        votes.setdefault(key, []).append((i, a))
    best = max(votes.values(), key=lambda v: (len(v), max(i for i, _ in v)))
    return max(best, key=lambda x: x[0])[1]


def is_action_noun(tok: Token, lex: Lexicon) -> bool:
    """A noun naming an act, whose "of" phrase is its patient ("the killing of
    soldiers") and whose "in" phrase is its place ("the war in Ukraine")."""
    if tok.pos_ != "NOUN" or is_actor_head(tok, lex):
        return False
    low = tok.lemma_.lower()
    return (low in lex.words.attack_nouns or low in lex.words.violent_acts or lex.content_class(low) in (ContentClass.CRIME_NOUN, ContentClass.TERROR)
            or (tok.lower_.endswith("ing") and valence(tok.lower_, low) <= STRONG_NEGATIVE))


def act_agents(tok: Token, lex: Lexicon) -> list[MentionRef]:
    """The doers an act noun names itself: possessor ("Russia's invasion"),
    national or named modifier ("U.S. air strikes"), "by"/"from" phrase."""
    out: list[MentionRef] = []
    for c in tok.children:
        if c.dep_ == "poss" and is_actor_head(c, lex) and not (is_pronoun(c) and c.lower_ in FIRST_PERSON):
            out.extend(actor_mentions(c, lex))
        elif c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")):
            out.append(mention_for(c, lex))
    for p in prep_objects(tok, {"by", "from"}):
        if is_actor_head(p, lex):
            out.extend(actor_mentions(p, lex))
    return out


def event_index(doc: Doc, lex: Lexicon) -> Events:
    """Event nouns of the article with their agents, in text order:
    "U.S. air strikes" (a country modifier), "the Turkish army launched drone
    strikes" (the subject of the verb the noun is the object of), "attacks by X"."""
    index: Events = {}
    for tok in doc:
        if tok.pos_ != "NOUN" or is_actor_head(tok, lex):
            continue
        agent: Token | None = None
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < tok.i and c.ent_type_ in ("GPE", "NORP", "ORG") \
                    and not is_pronoun(c):
                agent = c
        if agent is None:
            by = [p for p in prep_objects(tok, {"by"}) if is_actor_head(p, lex) and not is_pronoun(p)]
            agent = by[0] if by else None
        if agent is None and tok.dep_ == "dobj" and match_cue(tok.head, lex) is None:
            # the doer, not someone who spoke about it ("X condemned the strikes")
            subj = subject_of(tok.head)
            if subj is not None and is_actor_head(subj, lex) and not is_pronoun(subj):
                agent = subj
        if agent is not None:
            index.setdefault(tok.lemma_.lower(), []).append((tok.i, agent))
    for tok in doc:
        # acts told by a verb: "Israel plans to annex ..." -> annex: Israel, for a later "annexation"
        if tok.pos_ != "VERB" or match_cue(tok, lex) is not None or is_negated(tok, lex):
            continue
        agent = None
        subj = subject_of(tok)
        if subj is None and tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX"):
            subj = subject_of(tok.head)  # "Israel plans to annex": the controller of the infinitive
        if subj is not None and is_actor_head(subj, lex) and not is_pronoun(subj):
            agent = subj
        elif tok.dep_ in ("xcomp", "acl") and tok.head.pos_ == "NOUN":
            # "Israel's plans to annex": the agent of the plans
            owners = [a for i, a in index.get(tok.head.lemma_.lower(), []) if i == tok.head.i]
            agent = owners[0] if owners else None
        if agent is not None:
            index.setdefault(tok.lemma_.lower(), []).append((tok.i, agent))
    return index


#: Shortest shared stem by which an event noun finds an earlier verb or noun of the
#: same act ("annexation" ~ "annex", "occupation" ~ "occupy", "bombing" ~ "bomb").
EVENT_STEM = 5


def _event_key_matches(noun_lemma: str, key: str) -> bool:
    if noun_lemma == key:
        return True
    n = min(len(noun_lemma), len(key))
    return n >= EVENT_STEM and noun_lemma[:EVENT_STEM] == key[:EVENT_STEM] and (
        noun_lemma.startswith(key[:-1]) or key.startswith(noun_lemma[:-1]))


def agents_of(noun: Token, events: Events | None, lex: Lexicon) -> list[Token]:
    """The agent of an event noun from its latest earlier mention, if any."""
    if not events or not (noun.pos_ == "NOUN" or noun.tag_ == "VBG"):  # "bombing" may be tagged a gerund
        return []
    lemma = noun.lower_ if noun.tag_ == "VBG" else noun.lemma_.lower()
    earlier = sorted((i, a.i) for key, lst in events.items() if _event_key_matches(lemma, key) for i, a in lst if i < noun.i)
    if not earlier and lemma in lex.words.attack_nouns:
        # "the air raids" with no earlier "raids": the article's main act so far among the
        # attacks it reported ("U.S. air strikes")
        agent = main_attack_agent(noun, events, lex)
        return [agent] if agent is not None else []
    if not earlier and noun.dep_ == "compound":
        return []
    if not earlier:
        # "annexation plans", "any annexation": the noun's own compound modifier names the act
        for c in noun.children:
            if c.dep_ == "compound" and c.pos_ == "NOUN":
                return agents_of(c, events, lex)
        return []
    return [noun.doc[earlier[-1][1]]]


def event_agents(cue_tok: Token, events: Events, lex: Lexicon) -> list[MentionRef]:
    """The agent of the event a speech act is about, from an earlier mention of
    the same event noun: "condemned the air strikes" after "U.S. air strikes"."""
    objs = [o for o in cue_tok.children if o.dep_ == "dobj"] + prep_objects(cue_tok, {"of", "about", "against"})
    for obj in objs:
        if obj.pos_ != "NOUN":
            continue
        agents = agents_of(obj, events, lex)
        if agents:
            return actor_mentions(agents[0], lex)
    return []
