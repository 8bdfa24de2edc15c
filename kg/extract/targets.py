"""Whom a speech act is aimed at (:func:`find_targets`): object, addressee,
prepositional objects, actors inside the object, the doer of a condemned act, the
subject of a demanded clause; and the partners of a committed or threatened act
(:func:`act_partners`).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import weights
from kg.extract.events import act_agents, agents_of, Events, is_action_noun
from kg.extract.lexicon import Cue, Lexicon
from kg.extract.mentions import actor_mentions, inner_actors, is_actor_head, MentionRef, speaker_side
from kg.extract.syntax import (
    RELATIVE,
    clause_objects,
    is_pronoun,
    own_possession,
    passive_agent,
    prep_objects,
    subject_of,
)
from kg.model import StatementType


def act_partners(v: Token, lex: Lexicon, preps: set[str]) -> list[Token]:
    """Actor heads a committed or threatened act is directed at: object,
    addressee, prepositional objects (also of a predicate adjective: "tough on
    X"), actors inside the object."""
    heads = [o for o in clause_objects(v) + [c for c in v.children if c.dep_ == "dative"]
             if is_actor_head(o, lex) and not own_possession(o)]
    heads += [p for p in prep_objects(v, preps) if is_actor_head(p, lex)]
    for a in (c for c in v.children if c.dep_ == "acomp"):
        for p in prep_objects(a, preps):
            heads += [p] if is_actor_head(p, lex) else [v.doc[m.head] for m in inner_actors(p, lex)]
    if not heads:
        for o in clause_objects(v):
            heads += [doc_tok for m in inner_actors(o, lex) for doc_tok in [v.doc[m.head]]]
            for p in prep_objects(o, preps):
                if is_actor_head(p, lex):
                    heads.append(p)
    return heads


def find_targets(
    cue_tok: Token, cue: Cue, cue_idx: list[int], lex: Lexicon,
    events: Events | None = None, speaker: Token | None = None,
) -> list[MentionRef]:
    """Target mentions of a speech-act cue (object, addressee, prepositional,
    inside the object), with coordination expanded."""
    doc = cue_tok.doc
    if cue.particle and len(cue_idx) > 1:
        part = doc[cue_idx[1]]
        heads = [c for c in part.children if c.dep_ == "pobj"]
        out = [m for h in heads for m in (actor_mentions(h, lex) if is_actor_head(h, lex) else inner_actors(h, lex))]
        if out:
            return out
    if cue.obj and len(cue_idx) > 1:
        obj = doc[cue_idx[1]]
        inner = inner_actors(obj, lex)
        if inner:
            return inner
    out: list[MentionRef] = []
    if passive_agent(cue_tok) is not None:
        for child in cue_tok.children:
            if child.dep_ == "nsubjpass" and is_actor_head(child, lex):
                out.extend(actor_mentions(child, lex))
        if out:
            return out
    for child in cue_tok.children:
        if child.dep_ in ("dobj", "dative") and child.i not in cue_idx:
            if is_actor_head(child, lex) and not own_possession(child):
                out.extend(actor_mentions(child, lex))
    if out:
        return out
    preps = {"to", "with", "against", "of", "upon"}
    if cue.type == StatementType.ACCUSE:
        preps.add("on")  # "blame the attack on Tehran"
        on = prep_objects(cue_tok, {"on", "upon"}) or [
            p for o in cue_tok.children if o.dep_ == "dobj" for p in prep_objects(o, {"on", "upon"})]
        if on and cue_tok.lemma_.lower() in lex.words.blame_on_verbs:
            # "blamed US-Russia tensions on previous administrations": who is blamed is the on-phrase,
            # never an actor inside the thing blamed
            return [m for p in on for m in (actor_mentions(p, lex) if is_actor_head(p, lex) else inner_actors(p, lex))]
    pobjs = prep_objects(cue_tok, preps)
    for pobj in pobjs:
        if is_actor_head(pobj, lex):
            out.extend(actor_mentions(pobj, lex))
    if not out and not any(c.dep_ == "dobj" for c in cue_tok.children) and cue.type != StatementType.DENY:
        for pobj in pobjs:  # "agreed to US mediation"
            out.extend(m for m in inner_actors(pobj, lex) if m.label != "AGENT")
    if out:
        return out
    objects = [c for c in cue_tok.children if c.dep_ == "dobj" and c.i not in cue_idx]
    if cue.type == StatementType.DENY or cue.prior < weights.ADDRESSING_PRIOR:
        # "denied all knowledge of the journalist's fate", "ordered the closure of the consulate":
        # the actors inside the object are not addressed
        objects = []
    for child in objects:
        if cue.type in EVENT_TARGET_TYPES and is_action_noun(child, lex):
            # "condemned the killing of the soldiers", "condemned the war in Ukraine": the doer of the
            # act (possessor, national modifier, by-phrase), not its victims or its place
            out.extend(act_agents(child, lex))
            continue
        if cue.type == StatementType.REJECT:
            # "declined an invitation to the White House from Trump": who made the offer
            proposers = [p for p in prep_objects(child, {"from", "by"}) if is_actor_head(p, lex)]
            if proposers:
                out.extend(m for p in proposers for m in actor_mentions(p, lex))
                continue
        out.extend(inner_actors(child, lex))
    if not out and objects:
        # "rejected the proposal by Denmark": the by-phrase of the object, attached to the verb
        out.extend(m for p in prep_objects(cue_tok, {"by", "from"}) if is_actor_head(p, lex) for m in actor_mentions(p, lex))
    if not out:
        # "offered to negotiate with X", "threatened to secede from X": the complement's partner
        for x in cue_tok.children:
            if x.dep_ == "xcomp" or (x.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)):
                heads = act_partners(x, lex, {"with", "to", "from", "against", "on"})
                out.extend(m for h in heads for m in actor_mentions(h, lex))
    if not out and cue.type == StatementType.REJECT:
        # "declined to resign despite growing pressure by X": who pressed for it
        for p in prep_objects(cue_tok, {"despite", "in"}) + [
                q for x in cue_tok.children if x.dep_ == "xcomp" for q in prep_objects(x, {"despite"})]:
            if p.lemma_.lower() in lex.words.pressure_nouns:
                out.extend(m for a in prep_objects(p, {"by", "from"}) if is_actor_head(a, lex) for m in actor_mentions(a, lex))
    if not out and cue.type in (StatementType.APPEAL, StatementType.DEMAND):
        # "insisted on its demands that X grant ...": the subject of the demand's clause
        for p in prep_objects(cue_tok, {"on", "for"}):
            for c in p.children:
                if c.dep_ in ("acl", "ccomp", "relcl") and (s := subject_of(c)) is not None and is_actor_head(s, lex) \
                        and not is_pronoun(s) and s.lower_ not in RELATIVE:
                    out.extend(actor_mentions(s, lex))
    if not out and cue.type in (StatementType.APPEAL, StatementType.DEMAND):
        # "appealed for peace in Ithilen": the cause's actors
        for p in prep_objects(cue_tok, {"for"}):
            out.extend(actor_mentions(p, lex) if is_actor_head(p, lex) else inner_actors(p, lex))
    if not out and cue.type in CLAUSE_TARGET_TYPES:
        # "demanding that President Mugabe abandon ...", "charged that the U.S. has abandoned ..."
        for c in cue_tok.children:
            if c.dep_ == "ccomp":
                s = subject_of(c)
                if s is not None and is_actor_head(s, lex) and not is_pronoun(s):
                    if not speaker_side(s, speaker):  # "Saudi Arabia denied ..., but the Saudi prosecutor ..."
                        out.extend(actor_mentions(s, lex))
                elif s is not None and s.pos_ == "NOUN" and cue.type == StatementType.WARN:
                    # "warned annexation would be a crime": the doer of the act warned about
                    out.extend(m for a in agents_of(s, events, lex) for m in actor_mentions(a, lex))
    # appeals and demands: "urged X to", already object; "called for X to" handled by particle
    return out


#: Speech acts about an event whose agent is their target ("condemned the air strikes").
EVENT_TARGET_TYPES = frozenset({StatementType.CRITICIZE, StatementType.PRAISE, StatementType.WARN})
#: Speech acts whose reported clause's subject is their target when they have no object.
CLAUSE_TARGET_TYPES = frozenset({StatementType.ACCUSE, StatementType.CRITICIZE, StatementType.DEMAND,
                                 StatementType.APPEAL, StatementType.WARN, StatementType.DENY})
