"""Typing a reported clause (:func:`analyse_clause`): wrongdoing by its subject
-> ACCUSE, negated cooperation -> REJECT, a commitment of the speaker's side -> PROMISE
or THREATEN, a negative evaluation of an actor -> CRITICIZE, dismissed accusations ->
DENY, a predicted harm ("X's plan could lead to war") -> WARN, support voiced by the speaker's
side ("said Russia supports the U.S. proposal") -> SUPPORT, a positive evaluation of an actor or its
act ("X's plan was a positive step") -> PRAISE, the speaker's side refusing to accept ("will not
accept X's plan") -> REJECT, an obligation put on another actor ("X should/must/needs to ...") -> APPEAL
(DEMAND when insistent), a reproach ("X should have ...") -> CRITICIZE, worry voiced by the speaker's side ("we
are concerned that X could ...") -> WARN, wrongdoing in the passive ("were killed by X") -> ACCUSE of the agent, an
act predicated "illegal" -> ACCUSE, a harm foreseen under could/may/might -> WARN (taxonomy notes:
"the content of the reported clause can raise STATEMENT to ACCUSE"; the taxonomy's
table, ``../shared/docs/taxonomy.md``: APPEAL = CAMEO 020-028 / NGEC REQUEST, DEMAND =
CAMEO 100-108 / PLOVER DEMAND; CAMEO 03x, 11x, 12x, 13x, 016).  Content words come from
``data/content.tsv`` (:meth:`kg.extract.lexicon.Lexicon.content_class`), strength of
negative meaning from VADER (:mod:`kg.extract.valence`).

Length: over 600 lines because every branch of :func:`analyse_clause` reads the same parsed
clause (subject, objects, modality, the speaker's side) and its small helpers test one kind of
content each; split by type they would pass that state around or recompute it.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import weights
from kg.extract.events import agents_of, Events, main_attack_agent
from kg.extract.lexicon import ContentClass, Lexicon
from kg.extract.mentions import bare_common_noun, country_word, inner_actors, is_actor_head, same_country, speaker_side
from kg.extract.syntax import (
    ACTOR_ENTS,
    clause_objects,
    is_negated,
    is_pronoun,
    match_cue,
    own_possession,
    prep_objects,
    subject_of,
)
from kg.extract.targets import act_partners
from kg.extract.valence import STRONG_NEGATIVE, WRONGDOING_NEGATIVE, valence
from kg.model import StatementType


def terror_like(tok: Token, lex: Lexicon) -> bool:
    """A phrase that names terrorists or terrorism (``content.tsv`` ``terror``): "terrorists in Syria"."""
    for t in tok.subtree:
        if lex.content_class(t.lemma_) == ContentClass.TERROR or lex.content_class(t.lower_) == ContentClass.TERROR:
            return True
    return False


def is_hypothetical_clause(v: Token) -> bool:
    """A clause under a condition or a question mark of its own ("if X must leave", "whether X should")."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in v.children)


FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})
#: Modals of a possibility foreseen ("X could raise tensions", "may spark a crisis"): a negative predicate under
#: them is a warning, not a criticism.
POSSIBILITY_MODALS = frozenset({"could", "may", "might"})


def commitment(v: Token, lex: Lexicon) -> Token | None:
    """The verb of a commitment: "will support", "would allow", "is prepared to
    lift", "is ready to talk" -> the committed verb; None for other clauses."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in v.children):
        if v.lemma_ == "be":
            for c in v.children:
                if c.dep_ == "acomp" and c.lower_ in lex.words.ready_words:
                    return next((x for x in c.children if x.dep_ == "xcomp"), None)
        return v
    for c in v.children:
        if c.dep_ == "acomp" and c.lower_ in lex.words.ready_words:
            return next((x for x in c.children if x.dep_ == "xcomp"), None)
    return None


def obligation(v: Token, lex: Lexicon) -> tuple[StatementType, Token] | None:
    """The obligation a clause puts on its subject, with the obliged act.

    "X should/must/ought to withdraw", "X needs to withdraw" -> (APPEAL, the
    act): a request addressed to X (taxonomy APPEAL, CAMEO 020-028); with an insistent
    adverb ("must withdraw immediately", ``words.tsv`` ``insistence_words``) -> DEMAND
    (CAMEO 100-108); "X should have consulted" -> (CRITICIZE, the act): a reproach of
    what X did not do (CAMEO 111).  A prohibition ("must not attack") is a request too;
    a negated need ("does not need to") is none.  None for other clauses.
    """
    modal = next((c for c in v.children if c.dep_ == "aux" and c.lower_ in lex.words.obligation_modals), None)
    act: Token | None = None
    if modal is not None:
        act = v
        if v.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in v.children):
            # "should have consulted": a reproach; "must have given the orders": an inference, none
            return (StatementType.CRITICIZE, v) if modal.lower_ != "must" else None
    elif (v.lower_ == "ought" or v.lemma_.lower() in lex.words.obligation_verbs) and not any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in v.children):
        # "X needs to withdraw", "X has to pay", "X ought to reconsider" (the parser heads the clause
        # with "ought"); not "X would need to remain strong" (a prediction of a need)
        act = next((x for x in v.children if x.dep_ == "xcomp" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in x.children)), None)
    elif v.lemma_.lower() in lex.words.obliging_verbs and any(c.dep_ == "auxpass" for c in v.children):
        # "X is obliged / required to return the paintings"
        act = next((x for x in v.children if x.dep_ == "xcomp" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in x.children)), None)
    if act is None and modal is None and v.lemma_.lower() in ("be", "have"):
        # "X is under an obligation to end ...", "X has a duty to protect ..."
        nouns = [c for c in v.children if c.dep_ == "dobj"] if v.lemma_.lower() == "have" else [
            p for p in prep_objects(v, {"under"})]
        act = next((x for n in nouns if n.lemma_.lower() in lex.words.obligation_nouns for x in n.children
                    if x.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)), None)
    if act is None or any(c.dep_ in ("auxpass", "nsubjpass") for c in act.children):
        return None  # "X must be punished": an obligation of someone else, unnamed
    if act.lemma_.lower() in lex.words.stative_acts:
        return None  # "X must understand that ...": no act requested
    insistent = any(c.dep_ == "advmod" and c.lower_ in lex.words.insistence_words for t in (v, act) for c in t.children)
    return (StatementType.DEMAND if insistent else StatementType.APPEAL), act


def predicted_harm(v: Token, own: list[Token], lex: Lexicon) -> bool:
    """A clause that predicts a harm as the consequence of something: a prediction modal
    and a consequence verb (``words.tsv``) with a strongly negative word in its predicate,
    or a verb that names the harm itself (``harm_verbs``) ("any strike would lead to all-out war", "the
    move could plunge the region into chaos", "the plan may endanger the truce").  The
    harm is outside the speaker's control: a WARN, not a THREATEN (taxonomy: "warns of
    consequences or danger without a direct threat"; PLOVER folds both into THREATEN)."""
    lemma = v.lemma_.lower()
    if lemma not in lex.words.consequence_verbs and lemma not in lex.words.harm_verbs:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in lex.words.prediction_modals for c in v.children):
        return False
    if lemma in lex.words.harm_verbs:
        return True
    return any(t.i != v.i and t.pos_ in ("NOUN", "ADJ") and strongly_negative(t, lex) for t in _predicate_words(own, v))


def _harm_doers(subj: Token, lex: Lexicon, events: Events | None, speaker: Token | None) -> list[Token]:
    """Who a predicted harm is laid at: the subject when it is an actor, else the actors
    inside it ("any attack by X", "X's plan"), else the doer of the act it names."""
    if is_actor_head(subj, lex):
        return [] if is_pronoun(subj) or speaker_side(subj, speaker) else [subj]
    heads = [subj.doc[m.head] for m in inner_actors(subj, lex)] or agents_of(subj, events, lex)
    return [h for h in heads if not speaker_side(h, speaker) and not own_possession(h)]


def backing(v: Token, lex: Lexicon) -> tuple[Token, list[Token]] | None:
    """The support a clause voices: a support verb (``words.tsv`` ``support_verbs``),
    or one carried on by a continuation verb ("will continue to support X"), with the
    actors it backs -- the object, the object's owner ("supports the U.S. proposal"),
    or the object of "with/by/behind" ("stands with X").  None for other clauses, a
    negated or passive support, or support without an actor to back."""
    act = v
    if v.lemma_.lower() in lex.words.continuation_verbs:
        act = next((x for x in v.children if x.dep_ == "xcomp"), v)
    if act.lemma_.lower() not in lex.words.support_verbs or is_negated(act, lex) or is_negated(v, lex):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in act.children):
        return None
    if act.lemma_.lower() in ("stand", "side") and not prep_objects(act, lex.words.support_preps):
        return None  # "stands firm", "stood aside"
    heads = act_partners(act, lex, set(lex.words.support_preps))
    return (act, heads) if heads else None


def passive_wrongdoers(v: Token, lex: Lexicon, speaker: Token | None) -> list[Token]:
    """The agents of wrongdoing told in the passive: a passive verb of wrongdoing (``content.tsv``
    ``wrong_verb``), or a passive verb with a participle of one ("are restricted by X, depriving them of ..."),
    with a "by" agent that is an actor ("civilians were killed by X soldiers").  Not when the ones acted on
    are armed or terrorists ("the militants were killed by the army": fighting, no alleged wrong), not the
    speaker's own side, not a pronoun; empty for other clauses."""
    if not any(c.dep_ == "auxpass" for c in v.children):
        return []
    wrong = lex.content_class(v.lemma_) == ContentClass.WRONG_VERB or any(
        c.dep_ == "advcl" and c.tag_ == "VBG" and lex.content_class(c.lemma_) == ContentClass.WRONG_VERB for c in v.children)
    if not wrong:
        return []
    undergoer = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if undergoer is not None and (terror_like(undergoer, lex) or lex.agent_role(undergoer.lemma_.lower()) in ("MIL", "REB")
                                  or undergoer.lemma_.lower() in lex.words.armed_nouns):
        return []
    out: list[Token] = []
    for agent in (c for c in v.children if c.dep_ == "agent"):
        for p in (o for o in agent.children if o.dep_ == "pobj"):
            for t in (p, *p.conjuncts):
                if is_actor_head(t, lex) and not is_pronoun(t) and not bare_common_noun(t):
                    out.append(t)
                else:
                    out += [v.doc[m.head] for m in inner_actors(t, lex)]
    return [t for t in out if not speaker_side(t, speaker) and not own_possession(t)]


def concern(v: Token, lex: Lexicon) -> Token | None:
    """The adjective of a worry a clause predicates of its subject (``words.tsv`` ``concern_words``): "we are
    deeply concerned about X", "she was worried that X could ...", "remains alarmed by X" -> the adjective
    (or the participle the parser made of it).  None for other clauses and a modal one ("would be
    concerned if ...")."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children):
        return None
    if v.lower_ in lex.words.concern_words and any(c.dep_ == "auxpass" for c in v.children):
        return v  # "we are concerned", parsed as a passive
    if v.lemma_.lower() not in ("be", "feel", "remain", "grow", "become", "seem"):
        return None
    return next((c for c in v.children if c.dep_ == "acomp" and c.lower_ in lex.words.concern_words), None)


def _feared_actors(adj: Token, lex: Lexicon, speaker: Token | None) -> list[Token]:
    """Whom a worry is about: the actor subject of the feared clause ("concerned that X could invade") or the
    actors inside it or inside the object of "about/over/by/at" ("about the implications of the cooperation
    between X and Y"); not the speaker's own side, not a pronoun."""
    out: list[Token] = []
    for c in adj.children:
        phrases: list[Token] = []
        if c.dep_ == "ccomp":
            s = subject_of(c)
            phrases = [s] if s is not None else []
        elif c.dep_ == "prep" and c.lower_ in ("about", "over", "by", "at", "with"):
            phrases = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
        for ph in phrases:
            if ph.lemma_.lower() in lex.words.document_nouns:
                # "concerned about the latest agency report about X's program": what the document is about
                phrases += prep_objects(ph, {"about", "on", "into"})
                continue
            if is_actor_head(ph, lex) and not bare_common_noun(ph):
                out.append(ph)
            else:
                out += [adj.doc[m.head] for m in inner_actors(ph, lex)]
    return [t for t in out if not is_pronoun(t) and not speaker_side(t, speaker) and not own_possession(t)]


def nested_backing(v: Token, lex: Lexicon, speaker: Token | None) -> list[Token] | None:
    """Support voiced by the first person below the reported clause ("we are eager to explore how we can keep
    backing X", "we hope to keep standing with X"): a support verb under ``v`` whose own or
    controlling subject is "I"/"we" (:func:`backing`), with the actors it backs.  None when there is none."""
    for t in v.subtree:
        if t.i == v.i or t.lemma_.lower() not in lex.words.continuation_verbs | lex.words.support_verbs:
            continue
        if t.dep_ not in ("ccomp", "xcomp", "pcomp", "advcl", "conj"):
            continue
        s = subject_of(t) or (subject_of(t.head) if t.dep_ == "xcomp" else None)
        if s is None or s.lower_ not in FIRST_PERSON_WORDS:
            continue
        backed = backing(t, lex)
        if backed is not None and not any(terror_like(o, lex) for o in clause_objects(backed[0])):
            heads = [h for h in backed[1] if not speaker_side(h, speaker)]
            if heads:
                return heads
    return None


def _owners_of_wrongdoing(own: list[Token], lex: Lexicon, speaker: Token | None) -> list[Token]:
    """Actors named as the owners of a crime noun of the clause (``content.tsv``
    ``crime_noun``): "Russia's illegal aggression", "the regime's war crimes", "Iranian
    aggression" -- a reported accusation of the owner (taxonomy ACCUSE, CAMEO 112).
    Not the speaker's own side, not a pronoun ("its aggression"), not a victim ("crimes
    against X" is no owner)."""
    out: list[Token] = []
    for t in own:
        if t.pos_ != "NOUN" or lex.content_class(t.lemma_) != ContentClass.CRIME_NOUN:
            continue
        if any(c.dep_ == "neg" or c.lower_ in ("no", "without") for c in t.children):
            continue
        for c in t.children:
            owner = (c.dep_ == "poss" and is_actor_head(c, lex) and not is_pronoun(c)) or (
                c.dep_ in ("amod", "compound") and c.i < t.i and c.ent_type_ in ("GPE", "NORP") and is_actor_head(c, lex))
            if owner and not speaker_side(c, speaker) and not own_possession(c):
                out.append(c)
    return out


def _praised(v: Token, subj: Token, own: list[Token], lex: Lexicon, events: Events | None,
             speaker: Token | None) -> list[Token]:
    """Who a positive evaluation in the clause is about: an evaluation verb (``words.tsv``
    ``evaluation_verbs``: "was", "played a ... role") with a praise adjective (``praise_words``)
    as its complement or on its complement noun ("was an excellent idea", "a constructive
    role"); the subject when it is an actor, else the actors inside it ("Peru's proposal",
    "the Peruvian plan") or the doer of the act it names.  Not the speaker's own side, not
    under a modal or a negation ("would be a good idea", "was not helpful")."""
    if v.lemma_.lower() not in lex.words.evaluation_verbs or is_negated(v, lex):
        return []
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children):
        return []
    comps = [c for c in v.children if c.dep_ in ("acomp", "attr", "dobj", "oprd")]
    comps += [x for c in comps for x in c.conjuncts if x.i > c.i]  # "was honest, hardworking and a brilliant person"
    words = comps + [a for c in comps for a in c.children if a.dep_ == "amod"]
    if not any(w.lower_ in lex.words.praise_words and w.pos_ == "ADJ" for w in words):
        return []
    if is_actor_head(subj, lex):
        return [] if speaker_side(subj, speaker) or (is_pronoun(subj) and subj.lower_ in ("it", "this", "that")) else [subj]
    heads = [subj.doc[m.head] for m in inner_actors(subj, lex)] or agents_of(subj, events, lex)
    return [h for h in heads if not speaker_side(h, speaker) and not own_possession(h)]


def _praise_denied(v: Token, subj: Token, lex: Lexicon, speaker: Token | None) -> bool:
    """A negated evaluation of a named actor with a praise word ("X is not a reliable partner", "X does
    not have a good record", "X was not helpful"): the subject is criticized (CAMEO 111).  Not under a
    modal ("would not be a good idea"), not a pronoun, not the speaker's side."""
    if v.lemma_.lower() not in lex.words.evaluation_verbs | {"have"} or any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children):
        return False
    if not is_actor_head(subj, lex) or is_pronoun(subj) or speaker_side(subj, speaker) or bare_common_noun(subj):
        return False
    comps = [c for c in v.children if c.dep_ in ("acomp", "attr", "dobj", "oprd")]
    words = comps + [a for c in comps for a in c.children if a.dep_ == "amod"]
    return any(w.lower_ in lex.words.praise_words | lex.words.trust_words for w in words if w.pos_ == "ADJ")


def wanted_actors(v: Token, lex: Lexicon) -> list[Token]:
    """The actors a request verb wants to act (``words.tsv`` ``request_verbs``): "wants Peru to
    release the prisoners", "expects X to comply" -- the subject of the infinitive clause or the
    object before it (NGEC REQUEST, taxonomy APPEAL).  Empty for other clauses, a negated want
    and a wanted thing ("wants peace")."""
    if v.lemma_.lower() not in lex.words.request_verbs or is_negated(v, lex):
        return []
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in ("ccomp", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            s = subject_of(c) or next((o for o in v.children if o.dep_ == "dobj" and o.i < c.i), None)
            if s is not None and is_actor_head(s, lex) and not is_pronoun(s):
                out.append(s)
    return out


def condition_actors(*verbs: Token, lex: Lexicon) -> list[Token]:
    """The actors whose act a conditional threat hangs on: the subject of an "if"/"unless"
    clause of the threatened act ("if they take negative steps, we will retaliate" -> they;
    CAMEO 13x: the threat is aimed at whoever would act so).  Not the first person."""
    out: list[Token] = []
    for v in verbs:
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "should") for m in c.children):
                s = subject_of(c)
                if s is not None and is_actor_head(s, lex) and s.lower_ not in FIRST_PERSON_WORDS:
                    out.append(s)
    return out


#: First-person words, never the target of the speaker's own threat.
FIRST_PERSON_WORDS = frozenset({"i", "we", "us", "me", "our", "my"})


def _clause_tokens(v: Token) -> list[Token]:
    """Tokens of the clause headed by ``v``, without nested clauses that have
    their own subject (those are analysed on their own)."""
    out: list[Token] = []
    stack = [v]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "conj") and subject_of(c) is not None:
                continue
            if concession(c):
                continue  # "despite the fighting, aid workers can reach ...": what the clause concedes evaluates no one
            stack.append(c)
    return out


#: Words that open a concession ("despite the fighting", "although prices rose"): what follows
#: is granted, not said of the clause's subject.
CONCESSIVE_WORDS = frozenset({"despite", "notwithstanding", "although", "though", "spite"})


def concession(c: Token) -> bool:
    """A concessive phrase or clause hung on a clause's verb: a "despite"/"in spite of"/"notwithstanding"
    phrase or an "although"/"though" clause ("despite the insecurity, workers reach most villages").  Its
    negative words are the circumstance the speaker grants, not an evaluation of the subject."""
    if c.dep_ == "prep" and c.lower_ in CONCESSIVE_WORDS:
        return True
    if c.dep_ == "prep" and c.lower_ == "in" and any(o.lower_ == "spite" for o in c.children):
        return True
    return c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONCESSIVE_WORDS for m in c.children)


def _answered_by_force(v: Token, lex: Lexicon) -> bool:
    """A passive clause whose means is force: "would be answered/met with a
    decisive response", "will be punished"."""
    if not any(c.dep_ == "auxpass" for c in v.children):
        return False
    if lex.content_class(v.lemma_) == ContentClass.THREAT_VERB:
        return True
    return any(lex.content_class(p.lemma_) == ContentClass.THREAT_VERB for p in prep_objects(v, {"with", "by"}))


def _reports_speech(v: Token, lex: Lexicon) -> bool:
    """A clause that reports someone's speech ("the minister described the attack as
    an assault"): its negative words are that speaker's, not an evaluation of them;
    a modal ("should have said") makes it an evaluation again."""
    return (match_cue(v, lex) is not None or v.lemma_.lower() in lex.words.label_verbs) and not any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in v.children)


def _doers_of_condemned_acts(own: list[Token], lex: Lexicon, events: Events | None,
                             speaker: Token | None) -> list[Token]:
    """Agents of the reported acts a clause condemns: an attack noun ("bombing",
    "strikes") in a clause that also holds a word of wrongdoing ("killing",
    "violation"), or a crime noun that points back at an act ("this crime") -> the
    agent of the latest earlier mention of that act (:func:`agents_of`)."""
    if not events:
        return []
    wrong = [t for t in own if t.pos_ in ("NOUN", "VERB") and (
        lex.content_class(t.lemma_) in (ContentClass.CRIME_NOUN, ContentClass.TERROR) or valence(t.lower_, t.lemma_) <= WRONGDOING_NEGATIVE)]
    if not wrong:
        return []
    out: list[Token] = []
    for t in own:
        if t.pos_ != "NOUN" and not (t.pos_ == "VERB" and t.tag_ == "VBG"):
            continue
        lemma = t.lower_ if t.tag_ == "VBG" else t.lemma_.lower()
        if lemma in lex.words.attack_nouns:
            out += agents_of(t, events, lex)
        elif lex.content_class(lemma) == ContentClass.CRIME_NOUN and any(c.lower_ in lex.words.anaphoric_determiners for c in t.children):
            agent = main_attack_agent(t, events, lex)  # "this crime": the article's main act so far
            out += [agent] if agent is not None else []
    seen: set[int] = set()
    return [a for a in out if not speaker_side(a, speaker) and not (a.i in seen or seen.add(a.i))]


#: Prepositions through which an actor inside a clause's subject is a place or a recipient, not the
#: one an evaluation is about ("aid to Belmora", "families in Karvania", "the road from Tolvia").
PLACE_PREPS = frozenset({"in", "into", "to", "from", "at", "across", "toward", "towards", "through", "near",
                         "inside", "within", "throughout", "around", "on", "against"})


def place_reached(tok: Token) -> bool:
    """An actor token that is (or is coordinated with) the object of a preposition of place or
    direction (:data:`PLACE_PREPS`): "moving relief from the coast to Belmora" -> Belmora."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS


def kind_modifier(t: Token) -> bool:
    """A noun that only says what kind of thing its head is ("emergency kits", "disaster relief",
    "crisis talks"): a compound modifier of another noun, which names no act of the subject."""
    return t.dep_ == "compound" and t.pos_ == "NOUN" and t.head.pos_ == "NOUN" and t.i < t.head.i and not t.ent_type_


#: CAMEO actor roles (``agents.tsv``) of the nouns that name a speaker's own forces or staff
#: behind a possessive pronoun ("his forces", "its army", "their government", "her ministry").
OWN_FORCE_ROLES = frozenset({"MIL", "COP", "GOV"})


def own_forces(subj: Token, lex: Lexicon) -> bool:
    """The speaker's own forces or government named with a possessive pronoun ("the army chief said
    his forces had killed 300 rebels"): what they did is reported, not alleged against anyone
    (:func:`kg.extract.syntax.own_possession`, narrowed to :data:`OWN_FORCE_ROLES`; "his rivals
    had lied" stays an accusation)."""
    return own_possession(subj) and lex.agent_role(subj.lemma_.lower()) in OWN_FORCE_ROLES


def _wrongdoing_phrase(tok: Token, lex: Lexicon) -> bool:
    """A phrase that names wrongdoing: a crime noun, an attack noun, a wrongdoing verb's noun or a
    strongly negative noun or adjective in it ("the massacre", "corrupt acts", "the bombing")."""
    for t in tok.subtree:
        lemma = t.lemma_.lower()
        if lex.content_class(lemma) in (ContentClass.CRIME_NOUN, ContentClass.WRONG_VERB, ContentClass.TERROR):
            return True
        if lemma in lex.words.attack_nouns or lex.content_class(t.lower_) == ContentClass.CRIME_NOUN:
            return True
        if t.pos_ in ("NOUN", "ADJ") and (strongly_negative(t, lex) or (
                t.dep_ == "amod" and lex.content_class(lemma) == ContentClass.NEGATIVE)):
            return True  # "the killings", "corrupt acts"
    return False


def culpable(v: Token, lex: Lexicon) -> Token | None:
    """The subject a clause lays wrongdoing at with "be": a culpability adjective or participle
    (``words.tsv`` ``culpability_words``) whose phrase names wrongdoing ("X was responsible for the
    massacre", "X was involved in corrupt acts"), or "behind" a wrongdoing ("X was behind the
    bombing").  None for other clauses, a negated one, one under a modal ("could be responsible")
    or a question of it ("whether X was involved")."""
    if v.lemma_.lower() != "be" and v.lower_ not in lex.words.culpability_words:
        return None  # the cheap test first: this runs for every reported clause
    if is_negated(v, lex) or is_hypothetical_clause(v) or any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children):
        return None

    def names_wrong(word: Token) -> bool:
        return any(_wrongdoing_phrase(o, lex) for p in word.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")

    if v.lower_ in lex.words.culpability_words and any(c.dep_ == "auxpass" for c in v.children):
        # "X was involved in corrupt acts", parsed as a passive
        psubj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        return psubj if psubj is not None and names_wrong(v) else None
    if v.lemma_.lower() != "be":
        return None
    for c in v.children:
        if (c.dep_ == "acomp" and c.lower_ in lex.words.culpability_words and names_wrong(c)) or (
                c.dep_ == "prep" and c.lower_ == "behind" and any(_wrongdoing_phrase(o, lex) for o in c.children if o.dep_ == "pobj")):
            return subject_of(v)
    return None


def strongly_negative(t: Token, lex: Lexicon) -> bool:
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
    return lex.content_class(head.lemma_) != ContentClass.REVERSE_VERB and lex.content_class(head.lower_) != ContentClass.REVERSE_VERB


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
    if v.lemma_.lower() in lex.words.experience_verbs or any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        return []  # "the SDF suffered casualties", "troops were attacked": the subject underwent it
    return [t for t in _predicate_words(own, v, _PREDICATE_DEPS)
            if t.pos_ in ("NOUN", "VERB", "PROPN") and not kind_modifier(t) and strongly_negative(t, lex)]


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
    events: Events | None = None,
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
    subj0 = subject_of(verb) or subject
    for v in verbs:
        subj = subject_of(v) or subj0
        lemma = v.lemma_.lower()
        cls = lex.content_class(lemma)
        neg = is_negated(v, lex)
        objs = clause_objects(v)
        obliged = obligation(v, lex)
        if obliged is not None and subject_of(v) is None:
            subj = next((c for c in v.children if c.dep_ == "nsubjpass"), subj)  # "X is obliged to"
        if (obliged is not None and subj is not None and is_actor_head(subj, lex)
                and not speaker_side(subj, speaker) and not (obliged[0] != StatementType.CRITICIZE and is_hypothetical_clause(v))):
            # "said Spain should withdraw its troops": an appeal to Spain; "Spain should have
            # consulted its neighbours": a reproach of Spain
            found.append((obliged[0], [subj], weights.CLAUSE_OBLIGATION))
            continue
        wanted = wanted_actors(v, lex) if speaker_side(subj, speaker) else []
        if wanted:
            # "said it wants Peru to release the prisoners": a request addressed to Peru (CAMEO 02x)
            found.append((StatementType.APPEAL, [w for w in wanted if not speaker_side(w, speaker)], weights.CLAUSE_OBLIGATION))
            continue
        worried = concern(v, lex) if not neg and (subj is None or speaker_side(subj, speaker) or own_possession(subj)) else None
        if worried is not None:
            # "we are deeply concerned about the implications of X's cooperation", "said she was worried that
            # X could invade": worry voiced by the speaker's side, a warning of danger (taxonomy WARN)
            found.append((StatementType.WARN, _feared_actors(worried, lex, speaker), weights.CLAUSE_INFERRED))
            continue
        committed = commitment(v, lex)
        backed = backing(v, lex) if depth == 0 and speaker_side(subj, speaker) and (
            committed is None or lemma in lex.words.continuation_verbs) else None
        if backed is not None:
            # "Putin said Russia supports the U.S. proposal", "said it will continue to support X",
            # "we stand with X": support voiced by the speaker's side (CAMEO 052); a bare future
            # "will support X" stays the PROMISE above
            if not any(terror_like(o, lex) for o in clause_objects(backed[0])):
                found.append((StatementType.SUPPORT, [h for h in backed[1] if not speaker_side(h, speaker)], weights.CLAUSE_COMMITMENT))
                continue
        if committed is not None and speaker_side(subj, speaker):
            ccls = lex.content_class(committed.lemma_)
            obj_cls = {lex.content_class(o.lemma_) for o in clause_objects(committed)}
            subj_cls = lex.content_class(subj.lemma_) if subj is not None else None
            if not neg and (ccls == ContentClass.THREAT_VERB or ContentClass.THREAT_VERB in obj_cls or subj_cls == ContentClass.THREAT_VERB):
                # "will retaliate against X", "will impose sanctions on X", "our response will be tough on X"
                partners = act_partners(committed, lex, {"on", "against", "with", "from", "upon"})
                found.append((StatementType.THREATEN, partners or condition_actors(committed, v, lex=lex), weights.CLAUSE_COMMITMENT))
                continue
            if ccls in (ContentClass.PROMISE_VERB, ContentClass.COOP_VERB, ContentClass.AID_VERB):
                kind = StatementType.REJECT if neg or is_negated(committed, lex) else StatementType.PROMISE
                found.append((kind, act_partners(committed, lex, {"to", "with", "for"}), weights.CLAUSE_COMMITMENT))
                continue
        if (committed is not None and not neg and committed.lemma_.lower() in lex.words.pay_verbs and subj is not None
                and any(o.lemma_.lower() in lex.words.price_nouns for o in clause_objects(committed))
                and is_actor_head(subj, lex) and not speaker_side(subj, speaker)):
            # "America would pay a heavy price": a threat to the one who will pay (CAMEO 13x)
            found.append((StatementType.THREATEN, [subj], weights.CLAUSE_COMMITMENT))
            continue
        psubj = next((c for c in committed.children if c.dep_ == "nsubjpass"), None) if committed is not None else None
        if psubj is not None and not neg and _answered_by_force(committed, lex):
            # "any attacks by X would be answered with a decisive response": a threat to the attacker
            agents = [v.doc[m.head] for m in inner_actors(psubj, lex)]
            if not agents and is_actor_head(psubj, lex) and not is_pronoun(psubj) and not bare_common_noun(psubj):
                agents = [psubj]  # "the rebels will be crushed", "Belmora would be punished": the one threatened
            agents = [a for a in agents if not speaker_side(a, speaker)]
            if agents:
                found.append((StatementType.THREATEN, agents, weights.CLAUSE_INFERRED))
                continue
        if (neg or (committed is not None and is_negated(committed, lex))) and speaker_side(subj, speaker) and (
                (committed or v).lemma_.lower() in lex.words.acceptance_verbs):
            # "said it will not accept X's plan", "would never recognize X": a refusal (CAMEO 12x)
            refused = act_partners(committed or v, lex, {"by", "from", "of"})
            if refused:
                found.append((StatementType.REJECT, [h for h in refused if not speaker_side(h, speaker)], weights.CLAUSE_EXPLICIT))
                continue
        if cls == ContentClass.COOP_VERB or any(lex.content_class(o.lemma_) == ContentClass.COOP_VERB for o in objs) or (
            any(o.lemma_.lower() in lex.words.cooperation_nouns for o in objs)
        ):
            if neg:
                partners = prep_objects(v, {"with"})
                for o in objs:
                    partners.extend(prep_objects(o, {"with"}))
                found.append((StatementType.REJECT, partners, weights.CLAUSE_EXPLICIT))
                continue
        unhappy = [t for t in v.children if t.dep_ == "acomp" and lex.content_class(t.lemma_) == ContentClass.POSITIVE_STATE]
        if unhappy and (neg or any(c.dep_ == "neg" for t in unhappy for c in t.children)):
            # "is not satisfied", "is “not satisfied”" (the negation may hang on the adjective)
            # "not satisfied with the Saudi account": criticism of whom the state is "with"
            heads: list[Token] = []
            for p in (p for t in unhappy for p in prep_objects(t, {"with"})):
                heads += [p] if is_actor_head(p, lex) else [v.doc[m.head] for m in inner_actors(p, lex)]
            heads = [h for h in heads if not speaker_side(h, speaker)]
            if heads:
                found.append((StatementType.CRITICIZE, heads, weights.CLAUSE_INFERRED))
            continue
        if neg and subj is not None and _praise_denied(v, subj, lex, speaker):
            # "X is not a reliable partner", "X does not have a good record of ...": a negative evaluation
            found.append((StatementType.CRITICIZE, [subj], weights.CLAUSE_INFERRED))
            continue
        if neg and lemma in lex.words.condone_verbs:
            # "this claim cannot justify bombing and killing people": condemnation of the act's doer
            doers = _doers_of_condemned_acts(_clause_tokens(v), lex, events, speaker)
            if doers:
                found.append((StatementType.ACCUSE, doers, weights.CLAUSE_INFERRED))
                continue
        if neg:
            continue
        culprit = culpable(v, lex)
        if (culprit is not None and is_actor_head(culprit, lex) and not is_pronoun(culprit)
                and not speaker_side(culprit, speaker) and not bare_common_noun(culprit)):
            # "X was responsible for the massacre", "X was involved in corrupt acts", "X was behind the bombing"
            found.append((StatementType.ACCUSE, [culprit], weights.CLAUSE_EXPLICIT))
            continue
        wrongdoers = passive_wrongdoers(v, lex, speaker)
        if wrongdoers:
            # "civilians were killed by X", "movements are restricted by X, depriving them of their land":
            # wrongdoing reported in the passive accuses its agent (taxonomy ACCUSE)
            found.append((StatementType.ACCUSE, wrongdoers, weights.CLAUSE_EXPLICIT))
            continue
        if subj is None:
            continue
        own = _clause_tokens(v)
        if predicted_harm(v, own, lex):
            # "said any attack by X would lead to war": a warning of X, no accusation (the act is
            # hypothetical) and no threat (the war is not the speaker's to wage)
            doers = _harm_doers(subj, lex, events, speaker)
            if doers:
                found.append((StatementType.WARN, doers, weights.CLAUSE_INFERRED))
            continue
        by_actors = [
            p for o in own if o.pos_ == "NOUN" and lex.content_class(o.lemma_) in (ContentClass.CRIME_NOUN, ContentClass.WRONG_VERB, ContentClass.NEGATIVE)
            for p in prep_objects(o, {"by"}) if is_actor_head(p, lex) and not speaker_side(p, speaker)
        ]
        by_actors += [a for a in _owners_of_wrongdoing(own, lex, speaker) if a not in by_actors]
        if by_actors:
            # "a serious breach by Oslo of the treaty", "Russia's illegal aggression"
            found.append((StatementType.ACCUSE, by_actors, weights.CLAUSE_EXPLICIT))
            continue
        doers = _doers_of_condemned_acts(own, lex, events, speaker)
        if doers:
            # "this claim cannot justify bombing and killing people", "responding to this crime": an
            # accusation of whoever did the act the article reported
            found.append((StatementType.ACCUSE, doers, weights.CLAUSE_INFERRED))
            continue
        accuse = False
        if cls == ContentClass.WRONG_VERB:
            accuse = True
        elif cls == ContentClass.AID_VERB and any(terror_like(o, lex) for o in objs):
            accuse = True
        elif any(lex.content_class(o.lemma_) == ContentClass.CRIME_NOUN and o.pos_ == "NOUN" for o in own):
            accuse = not speaker_side(subj, speaker)  # "Russia put its faith in deception and destabilisation"
        elif (v.lemma_ != "be" and committed is None and not _reports_speech(v, lex)
              and is_actor_head(subj, lex) and not is_pronoun(subj)
              and not speaker_side(subj, speaker) and _wrongdoing_words(own, v, lex)):
            # "Russia has failed to live up to the agreement", "Russia wanted to start a war":
            # a named actor doing something strongly negative is alleged wrongdoing (an
            # announced future act, "X will abandon ties", is not)
            accuse = True
        if accuse and not bare_common_noun(subj) and not own_forces(subj, lex) and not (
                is_pronoun(subj) and subj.lower_ in ("it", "we") and speaker is not None and not is_pronoun(speaker)):
            # "the military said it killed 33 rebels", "we destroyed their camps": the speaker's own act
            accused = [subj]
            if not is_actor_head(subj, lex) and v.lemma_.lower() == "be":
                # "X's raids were a crime", "corruption in X is pervasive": the owner or doer of the act the
                # subject names (not "strikes by X killed 50 militants": an act reported, no label given it)
                accused = [h for h in ([v.doc[m.head] for m in inner_actors(subj, lex)] or agents_of(subj, events, lex))
                           if not speaker_side(h, speaker) and not own_possession(h)] or [subj]
            found.append((StatementType.ACCUSE, accused, weights.CLAUSE_EXPLICIT))
            continue
        dismissed = [t for t in own if lex.content_class(t.lemma_) == ContentClass.ACCUSATION_NOUN and t.i != subj.i and any(
            c.dep_ == "amod" and (lex.content_class(c.lemma_) == ContentClass.NEGATIVE or c.lower_ in lex.words.dismissive) for c in t.children)]
        if dismissed:
            # "our neighbours should talk to us rather than spreading unfounded accusations against Hungary":
            # dismissing accusations as unfounded is a denial aimed at their author (CAMEO 016)
            authors = [c for t in dismissed for c in t.children if c.dep_ == "poss" and is_actor_head(c, lex)]
            authors += [p for t in dismissed for p in prep_objects(t, {"by", "from"}) if is_actor_head(p, lex)]
            if not authors and is_actor_head(subj, lex) and not is_pronoun(subj):
                authors = [subj]
            elif not authors:  # "our American partners"
                authors = [c for c in subj.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP")]
            authors = [a for a in authors if not is_pronoun(a) and not (
                country_word(a) and speaker is not None and any(
                    t.ent_type_ in ("GPE", "NORP") and same_country(t.text, country_word(a) or "") for t in speaker.subtree))]
            if authors:
                found.append((StatementType.DENY, authors, weights.CLAUSE_INFERRED))
        if subj is not None and lex.content_class(subj.lemma_) == ContentClass.ACCUSATION_NOUN and not speaker_side(subj, speaker):
            # "the U.S. accusations were part of a pressure policy": a denial aimed at the accuser
            authors = [v.doc[m.head] for m in inner_actors(subj, lex)] or agents_of(subj, events, lex)
            found.append((StatementType.DENY, [a for a in authors if not speaker_side(a, speaker)], weights.CLAUSE_INFERRED))
            continue
        in_subject = {t.i for t in subj.subtree} if subj is not None else set()
        predicate = {t.i for t in _predicate_words(own, v)}
        # "the prime minister described the attack as a vicious assault": the negative words are the
        # subject's own speech, not an evaluation of the subject ("should have said ..." is one)
        reported_speech = _reports_speech(v, lex)
        # "the SDF suffered casualties", "troops were attacked": the subject underwent it, no evaluation of it
        undergoer = v.lemma_.lower() in lex.words.experience_verbs or any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)
        negative = [] if reported_speech else [t for t in own if lex.content_class(t.lemma_) == ContentClass.NEGATIVE or (
            committed is None and t.pos_ in ("ADJ", "NOUN") and t.i not in in_subject and t.i in predicate
            and not kind_modifier(t) and strongly_negative(t, lex))]
        if negative:
            # "the senator's ignorant hateful rhetoric belongs in another century": criticism of the
            # actor the evaluation is about -- the subject, else the subject's possessor,
            # else the agent of the event the subject names, else who the state is "with"
            # "X's blockade is illegal": an act predicated unlawful is alleged wrongdoing (taxonomy ACCUSE:
            # "accuses of wrongdoing (crime ...)"), any other negative evaluation a criticism (CAMEO 111)
            evaluation = StatementType.ACCUSE if any(
                t.lower_ in lex.words.unlawful_words and t.i in predicate for t in negative) else StatementType.CRITICIZE
            if any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in v.children):
                # "the regime could raise tensions with missile launches": a harm foreseen, not an evaluation
                # made -- a warning (taxonomy WARN: danger without a direct threat)
                evaluation = StatementType.WARN
            if not undergoer and not speaker_side(subj, speaker) and is_actor_head(subj, lex) and not is_pronoun(subj) \
                    and not bare_common_noun(subj):
                found.append((evaluation, [subj], weights.CLAUSE_INFERRED))
                continue
            # "children in Karvania are suffering from the war", "moving aid to Belmora was difficult": what the
            # subject underwent, or a place it names, is no evaluation of anyone
            inner = [] if undergoer else [h for h in (v.doc[m.head] for m in inner_actors(subj, lex)) if not place_reached(h)]
            inner = inner or (agents_of(subj, events, lex) if not undergoer and not speaker_side(subj, speaker) else [])
            for t in negative:
                for p in prep_objects(t, {"with"}):
                    inner += [v.doc[m.head] for m in inner_actors(p, lex)] if not is_actor_head(p, lex) else [p]
            for t in negative:
                # "to distort Trump's baseless remarks": the owner of what the evaluation qualifies
                if t.dep_ == "amod" and t.head.pos_ == "NOUN":
                    inner += [c for c in t.head.children if c.dep_ == "poss" and is_actor_head(c, lex) and not is_pronoun(c)]
            inner = [t for t in inner if not speaker_side(t, speaker) and not own_possession(t)]
            if inner:
                found.append((evaluation, inner, weights.CLAUSE_INFERRED))
                continue
        praised = _praised(v, subj, own, lex, events, speaker) if committed is None and not reported_speech else []
        if praised:
            # "X's proposal was an excellent idea", "X played a constructive role": praise (CAMEO 051)
            found.append((StatementType.PRAISE, praised, weights.CLAUSE_INFERRED))
            continue
        inner = nested_backing(v, lex, speaker) if depth == 0 and not neg else None
        if inner is not None:
            # "we are eager to explore how we can keep backing X": the speaker's side backing X
            # in a clause nested below the reported one (CAMEO 052)
            found.append((StatementType.SUPPORT, inner, weights.CLAUSE_INFERRED))
            continue
        if depth < 2:
            for x in v.children:
                if x.dep_ == "xcomp":
                    for t, targets, ev in analyse_clause(x, lex, depth + 1, subj, speaker, events):
                        found.append((t, targets, ev * weights.NESTED_STEP))
    return found
