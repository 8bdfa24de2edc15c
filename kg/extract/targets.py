"""Whom a speech act is aimed at (:func:`find_targets`): object, addressee,
prepositional objects, actors inside the object, the doer of a condemned act, the
subject of a demanded clause; and the partners of a committed or threatened act
(:func:`act_partners`).

Targets from what a statement says (issue 14) are read in :mod:`kg.extract.about`
(:func:`content_targets`; :func:`reply_targets` in :mod:`kg.extract.replies`; re-exported here); whom "X said Y
should ..." calls on is read with the clause's type in
:func:`kg.extract.clauses.obligation`.  :func:`previous_act_agents` finds who did the
act "welcomed the move" points back at; :func:`denied_claimants` who made the claim
"..., which X denied" answers.  None of them returns the speaker's own side: the
speaker, its pronouns, "we"/"our", its country, its own body ("her party":
:func:`own_body`) or its organisation named in its description
(:func:`kg.extract.about.of_speaker`).  :func:`proposal_authors` finds whom an objectless
refusal answers ("X proposed ..., but Y refused"), :func:`relative_doers` whose act "...,
which Y condemned" answers, and :func:`settle_targets` completes a verbal cue's targets.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import weights
from kg.extract.about import (  # noqa: F401 (content_targets, of_speaker re-exported)
    actors_of, back_doers, content_actor, content_targets, national_body, of_speaker, owners, points_back,
)
from kg.extract.events import act_agents, agents_of, Events, is_action_noun
from kg.extract.lexicon import Cue, Lexicon
from kg.extract.mentions import (
    actor_mentions,
    inner_actors,
    is_actor_head,
    kb_known,
    mention_for,
    MentionRef,
    speaker_side,
)
from kg.extract.replies import reply_targets  # noqa: F401 (re-exported)
from kg.extract.syntax import (
    ent_of,
    RELATIVE,
    clause_objects,
    is_pronoun,
    own_possession,
    passive_agent,
    prep_objects,
    subject_of,
    with_conjuncts,
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


#: Bodies a speaker belongs to: with the speaker's own possessive ("her party", "its army") they are its own side.
OWN_BODY_NOUNS = frozenset({"party", "government", "administration", "ministry", "cabinet", "army", "military",
                            "forces", "troops", "country", "nation", "people", "office", "campaign", "movement",
                            "organization", "organisation", "agency", "team", "coalition"})


def own_body(tok: Token) -> bool:
    """"her party", "its army", "their government": a body the speaker belongs to,
    named with a possessive pronoun (the pronoun being the speaker's; "your" is
    the addressee's)."""
    return tok.lemma_.lower() in OWN_BODY_NOUNS and any(
        c.dep_ == "poss" and is_pronoun(c) and c.lower_ not in ("your", "yours") for c in tok.children)


def find_targets(
    cue_tok: Token, cue: Cue, cue_idx: list[int], lex: Lexicon,
    events: Events | None = None, speaker: Token | None = None,
) -> list[MentionRef]:
    """Target mentions of a speech-act cue (object, addressee, prepositional,
    inside the object), with coordination expanded; never a body of the speaker's
    own ("praised her party's campaign": :func:`own_body`)."""
    doc = cue_tok.doc
    return [m for m in _find_targets(cue_tok, cue, cue_idx, lex, events, speaker) if not own_body(doc[m.head])]


def _find_targets(
    cue_tok: Token, cue: Cue, cue_idx: list[int], lex: Lexicon,
    events: Events | None = None, speaker: Token | None = None,
) -> list[MentionRef]:
    doc = cue_tok.doc
    if cue.particle and len(cue_idx) > 1:
        part = doc[cue_idx[1]]
        heads = [c for c in part.children if c.dep_ == "pobj"]
        if part.dep_ == "mark":  # "called for Iran to free ...": the subject of the for-clause (syntax.for_clause_mark)
            heads = [c for c in part.head.children if c.dep_ == "nsubj"]
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
    preps = {"to", "with", "against", "of", "upon"} | ({"at"} if cue.type == StatementType.CRITICIZE else set())  # "lashed out at X"
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
        # "denied any knowledge of the reporter's whereabouts", "ordered the closure of the consulate":
        # the actors inside the object are not addressed
        objects = []
    for child in objects:
        if cue.type in EVENT_TARGET_TYPES and is_action_noun(child, lex):
            # "condemned the killing of the soldiers", "condemned the war in Ukraine": the doer of the
            # act (possessor, national modifier, by-phrase), not its victims or its place
            out.extend(act_agents(child, lex))
            continue
        if cue.type == StatementType.REJECT:
            # "declined an invitation to the Elysee Palace from Macron": who made the offer
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
    if not out and cue.type in ANSWER_TYPES:
        # "declined to take part in the EU plan", "agreed to sign the Franco-German proposal": whose the
        # thing the refused or accepted act is about is (the owner of its object or prepositional object)
        for x in (x for x in cue_tok.children if x.dep_ == "xcomp" and x.pos_ == "VERB"):
            things = [o for o in clause_objects(x) if not is_actor_head(o, lex)]
            things += [p for p in prep_objects(x, {"in", "to", "on", "with"}) if not is_actor_head(p, lex)]
            out.extend(mention_for(h, lex) for o in things for h in owners(o, lex, speaker, frozenset()))
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
    if not out and cue.type == StatementType.DENY:
        # "X accused the army of torture, which Rwanda denied": who made the claim the relative points back at
        out.extend(denied_claimants(cue_tok, lex, speaker))
    if not out and cue.type in ANSWER_TYPES:
        # "Spain proposed a new deadline, but France refused": who made the proposal answered
        out.extend(proposal_authors(cue_tok, lex, speaker))
    if not out and cue.type in ANAPHORA_TYPES:
        # "ECOWAS lifted the sanctions. Adamu welcomed the move": who did the act the article just reported
        out.extend(previous_act_agents(cue_tok, lex, events, speaker))
    if not out and cue.type in CLAUSE_TARGET_TYPES:
        # "warned that such steps could be read by X as ...", "warned of attacks by X": whom the clause is about
        out.extend(content_targets([c for c in cue_tok.children if c.dep_ == "ccomp"], lex, speaker, objects=True))
    # appeals and demands: "urged X to", already object; "called for X to" handled by particle
    return out


#: Speech acts about an event whose agent is their target ("condemned the air strikes").
EVENT_TARGET_TYPES = frozenset({StatementType.CRITICIZE, StatementType.PRAISE, StatementType.WARN})
#: Speech acts whose reported clause's subject is their target when they have no object.
CLAUSE_TARGET_TYPES = frozenset({StatementType.ACCUSE, StatementType.CRITICIZE, StatementType.DEMAND,
                                 StatementType.APPEAL, StatementType.WARN, StatementType.DENY})


def headline_capitals(tok: Token, lex: Lexicon) -> bool:
    """A capitalized word of a title-cased headline that looks like a name only by its capitals
    ("More Solar Power Needed ..., Experts Warn"): not a country or nationality (GPE, NORP), not
    an actor noun of the agents table ("Agriculture Minister"), not a person's full name, not a name the KB knows (:func:`kg.extract.mentions.kb_known`), and not written with its capital
    in the article's body other than at a sentence's start.  Only the title-cased headline the
    ``kg_headlines`` component recorded (``user_data["kg_title_line"]``) is read so, and never
    one with no body (a single sentence to code)."""
    span = tok.doc.user_data.get("kg_title_line")  # recorded by the kg_headlines component
    if not span or not (span[0] <= tok.i < span[1]) or span[1] >= len(tok.doc) - 1:
        return False
    line = tok.doc[span[0]:span[1]]
    if tok.ent_type_ in ("GPE", "NORP") or not tok.text[:1].isupper() or kb_known(tok) or lex.is_agent(
            tok.lemma_.lower()) or lex.is_agent(tok.lower_):
        return False  # (an actor noun is one whatever its case: "Farmers Slam Agriculture Minister")
    ent = ent_of(tok)
    if ent is not None and ent.label_ == "PERSON" and len(ent) > 1:
        return False  # a person's full name ("Governor Greg Abbott")
    m = mention_for(tok, lex)
    words = {t.text for t in tok.doc[m.start:m.end] if t.text[:1].isupper()}
    return not any(t.text in words and not t.is_sent_start for t in tok.doc[line.end:])


#: Speech acts about an act whose doer is their target when the act is only pointed back at.
ANAPHORA_TYPES = frozenset({StatementType.PRAISE, StatementType.CRITICIZE, StatementType.WARN, StatementType.REJECT,
                            StatementType.SUPPORT})


def previous_act_agents(cue_tok: Token, lex: Lexicon, events: Events | None, speaker: Token | None) -> list[MentionRef]:
    """The doer of the act a speech act points back at ("welcomed the move",
    "warned of the implications of such a move", "criticised this decision"):
    the agent of the same event noun mentioned earlier (:func:`agents_of`), else
    the actor the article's previous sentence (or the one before) introduced as
    the subject of its main clause -- the subject of a reported clause when the
    main verb reports ("X said Y had closed the border"), other than the speaker.
    Cost: the objects of the cue and the roots of two sentences.

    :returns: the doer's mentions, or [] when the object points back at nothing."""
    objs = [o for o in cue_tok.children if o.dep_ == "dobj"] + prep_objects(cue_tok, {"of", "about", "against"})
    objs += [p for o in list(objs) for p in prep_objects(o, {"of"})]  # "the implications of such a move"
    back = [o for o in objs if points_back(o)]
    return [m for h in back_doers(back[0], lex, events, speaker) for m in actor_mentions(h, lex)] if back else []


def denied_claimants(cue_tok: Token, lex: Lexicon, speaker: Token | None) -> list[MentionRef]:
    """Who made the claim a relative denial points back at: "Amnesty accused the
    army of torture, which Rwanda denied", "experts detailed transfers in a report,
    which Moscow denied" -> the subject of the sentence's main clause (the main
    word itself when the parser made a noun the root), when it is a named actor
    other than the speaker (CAMEO 016, deny an accusation).

    :returns: the claimants' mentions; [] when the cue is no relative "which ..." denial."""
    rel = next((c for c in cue_tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("which", "that")), None)
    if rel is None or not (cue_tok.dep_ == "relcl" or (cue_tok.dep_ == "advcl" and cue_tok.left_edge.i == rel.i)):
        return []  # (the parser also hangs a sentential "..., which X denied" on the main verb as an advcl)
    root = cue_tok.sent.root
    head = root if root.pos_ in ("NOUN", "PROPN") else subject_of(root)
    if head is None or head.i == cue_tok.i:
        return []
    return [mention_for(h, lex) for h in with_conjuncts(head) if content_actor(h, lex, speaker, frozenset())]


#: Answers to a proposal whose target, when they name nothing, is who proposed.
ANSWER_TYPES = frozenset({StatementType.REJECT, StatementType.AGREE})
#: Verbs of a proposal or request an objectless refusal or acceptance answers.
PROPOSAL_VERBS = frozenset({"propose", "offer", "suggest", "ask", "request", "invite", "demand", "urge", "seek"})


def proposal_authors(cue_tok: Token, lex: Lexicon, speaker: Token | None) -> list[MentionRef]:
    """Who made the proposal an objectless refusal or acceptance answers: "Spain
    proposed a new deadline, but France refused" (the refusal coordinated with the
    proposal), "Spain asked France to extend it. Paris refused." (a refusal that is
    its sentence's main verb, after a sentence whose main verb proposes): the
    proposal's subject, a negotiating side by its national adjective ("the Spanish
    side": :func:`kg.extract.about.actors_of`), never the speaker's own side.

    :returns: mentions of the proposer; [] when the cue has an object or a complement
        of its own, or answers no proposal."""
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "nsubjpass") for c in cue_tok.children):
        return []
    prop = None
    if cue_tok.dep_ == "conj" and cue_tok.head.lemma_.lower() in PROPOSAL_VERBS:
        prop = cue_tok.head
    elif cue_tok.dep_ == "ROOT" and cue_tok.sent.start > 0:
        prev = cue_tok.doc[cue_tok.sent.start - 1].sent.root
        prop = prev if prev.lemma_.lower() in PROPOSAL_VERBS else None
    subj = subject_of(prop) if prop is not None else None
    if subj is None:
        return []
    return [mention_for(a, lex) for h in with_conjuncts(subj) for a in actors_of(h, lex, speaker, frozenset())]


def relative_doers(cue_tok: Token, lex: Lexicon, speaker: Token | None) -> list[MentionRef]:
    """Whose act a relative clause's speech act answers: "Serbia closed the border,
    which Kosovo condemned", "Spain offered talks, which France rejected", "X raided
    the buildings, which Y described as a crime" -> whose the antecedent is when it
    names an owner ("the Serbian plan, which Kosovo condemned" -> Serbian:
    :func:`kg.extract.about.owners`), else, when the antecedent is what the main clause
    did (its object), the subject of the main clause (:func:`denied_claimants`) when that
    clause is no speech act itself; never the speaker's own side.

    :returns: mentions; [] when the cue is no relative "which ..." clause."""
    rel = next((c for c in cue_tok.children if c.dep_ == "dobj" and c.lower_ in ("which", "that")), None)
    if rel is None:
        return []  # (a passive "which was backed by X" is read by the cue rules: kg.extract.verbal)
    root = cue_tok.sent.root
    if cue_tok.dep_ == "relcl" and cue_tok.head.pos_ == "NOUN":
        ante = cue_tok.head
        own = owners(ante, lex, speaker, frozenset())
        if own:
            return [mention_for(h, lex) for h in own]
        verb = ante.head
        while verb.dep_ in ("xcomp", "advcl") and verb.i != root.i:
            verb = verb.head  # "launched raids to retake the buildings, which ..."
        if ante.dep_ != "dobj" or verb.i != root.i:
            return []  # "is on trial on charges which Y dismissed": the relative is about the charges only
    if root.lemma_.lower() in lex.by_lemma and root.lemma_.lower() not in PROPOSAL_VERBS:
        return []  # "X criticised the plan, which Y condemned": X made no plan ("X offered talks, which ...": X did)
    return denied_claimants(cue_tok, lex, speaker)


def settle_targets(cue_tok: Token, targets: list[MentionRef], lex: Lexicon, speaker: Token | None) -> list[MentionRef]:
    """The targets of a verbal cue's draft, settled: without any, whom the cue answers
    ("Responding to X's criticism, Y said ...": :func:`kg.extract.replies.reply_targets`) or
    whose act its relative clause answers ("X closed the border, which Y condemned":
    :func:`relative_doers`); an armed body named by a national adjective becomes its
    country ("tough on the American forces": :func:`kg.extract.about.national_body`).

    :returns: the settled targets (a new list)."""
    if not targets:
        targets = reply_targets(cue_tok, lex, speaker) or relative_doers(cue_tok, lex, speaker)
    doc = cue_tok.doc
    return [mention_for(n, lex) if (n := national_body(doc[m.head], speaker)) is not None else m for m in targets]
