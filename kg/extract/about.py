"""Whom what a statement says is about (issue 14, "targets from content"):
:func:`content_targets` reads the reported or quoted clause -- its named subject,
whose its subject is, a passive agent, the speaker's stated attitude, "he"/"she" in
the speaker's own words, the content of a reporter or believer inside it ("said the
ministry had concluded that X ...", :func:`reported_content`), the other party of a
relation ("relations with X"), the party setting a condition ("we will respond if X
..."), whom a measure hits ("the sanctions would hurt X") (:func:`clause_actors`); whom a statement answers
("responding to X's criticism") is in :mod:`kg.extract.replies`.  None of them returns the speaker's own side: the
speaker, its pronouns, "we"/"our", its country, or its organisation named in its
description (:func:`of_speaker`; :func:`content_actor`).

Split out of :mod:`kg.extract.targets`, which uses it for the cue-centred rules.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.descriptions import described_antecedent, has_owner
from kg.extract.events import agents_of, Events
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import (
    is_actor_head,
    mention_for,
    MentionRef,
    modifier_name,
    same_country,
    speaker_side,
    TOPIC_NOUNS,
)
from kg.extract.syntax import (
    ACTOR_ENTS,
    FIRST_PERSON,
    RELATIVE,
    clause_objects,
    ent_of,
    is_pronoun,
    own_possession,
    passive_agent,
    prep_objects,
    subject_of,
    with_conjuncts,
)


def of_speaker(tok: Token, speaker: Token | None) -> bool:
    """A name that is part of the speaker's own description ("Kremlin spokesman
    Dmitry Peskov said the Kremlin ...", "Ali Nasser, a spokesman for Hamas, said
    Hamas ..."): the speaker's organisation (not the subject of an expert: "an Iran analyst said Iran ...")."""
    if speaker is None or tok.pos_ != "PROPN":
        return False
    own = [t for t in speaker.subtree if t.i != tok.i and not (t.dep_ == "compound" and t.head.lemma_.lower() in TOPIC_NOUNS)]
    return any(t.lower_ == tok.lower_ for t in own) if len(own) <= 40 else False


#: Clause dependents whose actors a reported clause is about, after its subject.
_CONTENT_OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
#: Prepositions whose objects a reported clause is about ("tough on X", "relations with X").
_CONTENT_PREPS = frozenset({"with", "against", "on", "upon", "to", "toward", "towards", "over", "of", "from", "by"})
#: Prepositions of an attitude of the speaker's ("skeptical over X", "concerned about X", "disappointed with X").
_ATTITUDE_PREPS = frozenset({"over", "about", "of", "with", "at", "toward", "towards"})
#: Nested clauses searched when a clause names no actor itself ("What matters is that X ...").
_NESTED_DEPS = frozenset({"ccomp", "xcomp", "conj"})
#: Question words heading a clausal subject ("what matters is ..."): no act of anyone's.
_WH_WORDS = frozenset({"what", "whatever", "who", "how", "why", "whether"})
#: Pronouns that, in a quotation, are someone other than the speaker.
_THIRD_PERSON = frozenset({"he", "she", "they"})
#: Subjects of a copular clause that stand for what the clause names ("it was a mistake by X").
_DUMMY_SUBJECTS = frozenset({"it", "this", "that"})
#: Entity labels that make a common noun phrase a named actor ("U.S. lawmakers", "the people of Chad").
_NAMING_ENTS = frozenset({"PERSON", "ORG", "GPE"})


def named_enough(tok: Token, lex: Lexicon) -> bool:
    """A content actor worth a target: a name (an actor entity or an acronym), or a common
    noun phrase tied to a named country, organization or person ("U.S. lawmakers",
    "the people of Myanmar", "Kenya's government"); not a bare "the government",
    nor one with only a national adjective ("Palestinian officials", "the Iraqi
    government": whose they are is not said, and often it is the speaker's own)."""
    if tok.ent_type_ in ACTOR_ENTS:
        return True
    if tok.pos_ == "PROPN":
        # a name the model gave no actor label: an acronym ("ECOWAS") or a multi-word name, else a place or a thing
        # ("Incirlik was ...", "Europe's borderless zone", "Annexation could ...") far more often than an actor
        if tok.text.isupper() and len(tok.text) > 1:
            return True
        # a multi-word name without a label ("Human Rights Watch"), not a lone word or a labelled place
        m = mention_for(tok, lex)
        return not tok.ent_type_ and sum(1 for t in tok.doc[m.start:m.end] if t.pos_ == "PROPN" and not t.ent_type_) >= 2
    m = mention_for(tok, lex)
    return any((t.ent_type_ in _NAMING_ENTS or (t.pos_ == "PROPN" and t.ent_type_ != "NORP"))
               for t in tok.doc[m.start:m.end] if t.i != tok.i)


def content_actor(tok: Token, lex: Lexicon, speaker: Token | None, skip: frozenset[int] | set[int]) -> bool:
    """A content actor other than the speaker's own side: no pronoun, no "our X",
    not the speaker's name or country, not the speaker of another cue (``skip``:
    cue token indices; "..., the ministry said"), named enough."""
    if not is_actor_head(tok, lex) or is_pronoun(tok) or tok.lower_ in RELATIVE:
        return False
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i in skip:
        return False
    if not speaker_side(tok, speaker) and not own_possession(tok) and not of_speaker(tok, speaker) and named_enough(tok, lex):
        return True
    # "the army", "the bureau" pointing back at the one body of that kind named before (kg.extract.descriptions)
    ante = described_antecedent(tok, lex)
    return ante is not None and not speaker_side(ante, speaker) and not of_speaker(ante, speaker) and (
        named_enough(ante, lex) or ante.ent_type_ == "ORG" or has_owner(ante))


#: Armed bodies whose national adjective names the country that acts through them ("Russian troops").
FORCE_NOUNS = frozenset({"troop", "troops", "force", "forces", "soldier", "soldiers", "army", "military", "navy",
                         "jet", "jets", "warplane", "warplanes", "militia"})


#: Nouns by which a negotiation names a country after its national adjective ("the Chinese side").
SIDE_NOUNS = frozenset({"side"})


def actors_of(tok: Token, lex: Lexicon, speaker: Token | None, skip: frozenset[int] | set[int]) -> list[Token]:
    """``[tok]`` when it is a content actor (:func:`content_actor`); for an armed body or a
    negotiating side named only by a national adjective ("any crossing by Russian troops",
    "the Chinese side") the adjective,
    which names the country acting through it (CAMEO codes the country); else []."""
    if content_actor(tok, lex, speaker, skip):
        return [tok]
    nat = national_body(tok, speaker)
    return [nat] if nat is not None else []


def national_body(tok: Token, speaker: Token | None) -> Token | None:
    """The national adjective of an armed body or a negotiating side named by it
    ("Russian troops", "the American forces", "the Chinese side"): the country acting
    through it (CAMEO codes the country), unless it is the speaker's own; else None."""
    if not (tok.lemma_.lower() in FORCE_NOUNS or tok.lower_ in FORCE_NOUNS or tok.lemma_.lower() in SIDE_NOUNS):
        return None
    nat = [c for c in tok.children if c.dep_ == "amod" and c.ent_type_ == "NORP" and c.i < tok.i]
    if nat and not own_possession(tok) and not speaker_side(nat[0], speaker) and not (
            speaker is not None and any(t.ent_type_ in ("GPE", "NORP") and same_country(t.text, nat[0].text)
                                        for t in speaker.subtree)):
        return nat[0]
    return None


def owners(tok: Token, lex: Lexicon, speaker: Token | None, skip: frozenset[int] | set[int]) -> list[Token]:
    """Whose a non-actor noun is: its possessor ("Israel's objective"), its
    ``of``/``by`` actor ("the decision of Congress", "any crossing by X"), a
    national or named modifier ("the U.S. proposal"), but not the place of a
    meeting ("the New York gathering"), nor a one-word name that says what kind of
    thing the noun is ("the Schengen system": :func:`kg.extract.mentions.modifier_name`)."""
    if own_possession(tok):
        return []  # "his government's policy": the speaker's own
    out: list[Token] = []
    meeting = tok.lemma_.lower() in lex.words.meeting_nouns or tok.lemma_.lower() in _GATHERINGS
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i and not meeting
                                and c.ent_type_ in ACTOR_ENTS and not modifier_name(c, lex)):
            out += [h for h in with_conjuncts(c) if content_actor(h, lex, speaker, skip)]
    preps = {"of", "by", "between", "like"} | ({"with"} if tok.lemma_.lower() in RELATION_NOUNS else set())
    for p in prep_objects(tok, preps):  # "cooperation between X and Y", "a tycoon like X", "relations with X"
        out += [a for h in with_conjuncts(p) for a in actors_of(h, lex, speaker, skip)]
    return out


#: Nouns of a relation between parties, whose ``with`` phrase names the other party ("relations with X had
#: improved", "the talks with X stalled"); as a clause's subject the statement is about that party.
RELATION_NOUNS = frozenset({"relation", "relations", "relationship", "tie", "ties", "talk", "talks", "negotiation",
                            "dialogue", "cooperation", "trade", "tension", "tensions", "dispute", "conflict",
                            "agreement", "deal", "partnership", "alliance", "friendship", "rift", "row", "standoff",
                            "contact", "contacts", "truce", "ceasefire", "rapprochement", "war", "confrontation",
                            "clash", "clashes"})


#: Event nouns whose place modifier is where they happen, not who holds them.
_GATHERINGS = frozenset({"gathering", "meeting", "summit", "conference", "session", "assembly", "forum"})


def _named_after(pron: Token) -> Token:
    """"he (Erdogan)": the name a writer put in brackets after a pronoun, else the pronoun."""
    doc = pron.doc
    if pron.i + 2 < len(doc) and doc[pron.i + 1].text == "(":
        for t in doc[pron.i + 2:min(len(doc), pron.i + 6)]:
            if t.text == ")":
                break
            if t.pos_ == "PROPN" and (t.i + 1 >= len(doc) or doc[t.i + 1].pos_ != "PROPN"):
                return t
    return pron


def _earlier_person(pron: Token, lex: Lexicon, speaker: Token | None, skip: frozenset[int] | set[int]) -> Token:
    """""Orban has lost his way ... he is isolating Hungary"": the person a quoted "he"/"she" points back at,
    named as a subject earlier in the same sentence (the nearest such, not the speaker), else the pronoun
    (left to :mod:`kg.extract.coref`)."""
    if pron.lower_ not in ("he", "she"):
        return pron
    for t in reversed(pron.doc[pron.sent.start:pron.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and _person_like(t) and content_actor(t, lex, speaker, skip):
            return t
    return pron


def _person_like(t: Token) -> bool:
    """A person's name, or a one-word name the small model labels an organization (surnames often are: "Orban"),
    not an acronym."""
    if t.ent_type_ == "PERSON":
        return True
    ent = ent_of(t)
    return t.pos_ == "PROPN" and t.ent_type_ == "ORG" and ent is not None and len(ent) == 1 and not t.text.isupper()


def clause_actors(
    v: Token, lex: Lexicon, speaker: Token | None, *, objects: bool = False,
    skip: frozenset[int] | set[int] = frozenset(), depth: int = 0, subject_only: bool = False,
    quoted: bool = False,
) -> list[Token]:
    """Actor heads a reported or quoted clause headed by ``v`` is about, first found wins:

    0. when ``v`` reports or judges in turn and its subject is no named person
       ("said the ministry had concluded that X ...", "said he believes X ..."):
       what its own clause is about (:func:`reported_content`);
    1. its subject, when it is a named actor other than the speaker's side
       ("said Venezuela had violated ...");
    2. whose its subject is ("said Argentina's plan was ...", "said relations
       with X had ...": :func:`owners`); for a measure nobody is named for,
       whom it hits ("said the sanctions would hurt X": :func:`_patients`);
    3. the agent of a passive clause ("could be interpreted by Erdogan as ...");
    4. with ``objects``: its named objects, addressees and prepositional
       objects and their owners ("warned that X would attack Y" gives Y only
       when X is the speaker's own side); without: only the objects of the
       speaker's stated attitude ("he was skeptical over Moscow's will");
    5. when its subject is the speaker's side, the other party of its act
       ("said it would take measures against X", "had sent aid to X"), else
       who sets its condition ("we will respond if X attacks");
    6. the same in its nested clauses ("What matters is that Russia has ...").

    With ``quoted`` (the clause is the speaker's own words), a subject "he",
    "she" or "they" is someone else and a target (resolved by
    :mod:`kg.extract.coref`, which never resolves it to the speaker).
    With ``subject_only``, only 1. and only for a named entity (the other
    sentences of a quotation, which say less surely whom it is about).
    Pronouns, the speaker itself, "our"/"its" possessions, the speaker's
    country and the subjects of other cues (``skip``) are never returned
    (:func:`content_actor`).  Cost: a walk over the clause's direct dependents, two
    levels deep at most.

    :returns: head tokens, in text order, without duplicates; [] when the clause
        is about no one but the speaker.
    """
    out: list[Token] = []
    subj = subject_of(v) or next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if depth < 2 and not subject_only and not (subj is not None and _named_mind(subj) and content_actor(subj, lex, speaker, skip)):
        # "said the ministry had concluded that X ...", "said he believes X ...": the reporter or
        # believer is a source; the statement is about whom the nested content names (but "said
        # Hans Meier knows that ...": the mind of a person named is what the statement is about)
        for x in reported_content(v, lex, skip):
            out += clause_actors(x, lex, speaker, objects=objects, skip=skip, depth=depth + 1, quoted=quoted)
        if out:
            return _ordered(out)
    own_side = own_self = False
    if subj is not None and subj.dep_ != "csubj":
        heads = with_conjuncts(subj)
        out = [h for h in heads if content_actor(h, lex, speaker, skip)]
        if quoted and not subject_only:
            # in the speaker's own words "he", "she", "they" are someone else (the speaker says "I", "we")
            out += [_earlier_person(_named_after(h), lex, speaker, skip)
                    for h in heads if h.lower_ in _THIRD_PERSON and h.dep_ in ("nsubj", "nsubjpass")]
            heads = [h for h in heads if h.lower_ not in _THIRD_PERSON]
        if subject_only:
            return [h for h in out if h.ent_type_ in ACTOR_ENTS]
        copula = v.lemma_ == "be" and subj.lower_ in _DUMMY_SUBJECTS
        own_side = not copula and any(speaker_side(h, speaker) or (is_pronoun(h) and h.lower_ in FIRST_PERSON) for h in heads)
        own_self = not copula and any(_own_subject(h, speaker) for h in heads)
        if not out and not own_side and not any(is_actor_head(h, lex) for h in heads):
            out = [a for h in heads for a in owners(h, lex, speaker, skip)]
            if not out and v.lemma_ != "be" and any(h.lemma_.lower() in MEASURE_NOUNS for h in heads):
                # "said the sanctions would hurt Russia", "the operation dealt a blow to Hamas": whom
                # a measure nobody is named for is aimed at
                out = _patients(v, lex, speaker, skip)
            if not out and depth == 0 and any(points_back(h, strict=True) for h in heads):
                # "X closed the border. Y said the move was a mistake": who did the act pointed back at
                out = [d for h in heads if points_back(h, strict=True) for d in back_doers(h, lex, None, speaker)]
    elif subj is not None and not subject_only and subj.lemma_.lower() not in _WH_WORDS:
        # "expanding cooperation between X and Y is dangerous": whose the act of the clausal subject is
        out = [a for o in clause_objects(subj) for a in owners(o, lex, speaker, skip)]
    if not out:
        agent = passive_agent(v) or next((p for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
        if agent is not None:
            for h in with_conjuncts(agent):
                out += actors_of(h, lex, speaker, skip) or ([] if is_actor_head(h, lex) else owners(h, lex, speaker, skip))
    if not out and subj is None and not subject_only and any(c.dep_ == "expl" for c in v.children):
        # "there is no reason to fear relations with X", "there were talks with X": whose the thing is
        out = [a for c in v.children if c.dep_ == "attr" for h in with_conjuncts(c) for a in owners(h, lex, speaker, skip)]
        if not out:
            # "there were paths short of a war with X", "there is no alternative to talks with X": the other
            # party of a relation named deeper in the thing said to exist
            attrs = [c for c in v.children if c.dep_ == "attr"]
            out = [a for c in attrs for n in _relations_under(c, lex) for a in owners(n, lex, speaker, skip)]
            if not out:
                # (the parser often hangs the relation's "with X" on the thing or on the verb: "choices short of a
                # war with X")
                withs = [p for c in (*attrs, v) for p in prep_objects(c, {"with", "between"})]
                out = [a for p in withs if any(_relations_under(c, lex) for c in attrs)
                       for h in with_conjuncts(p) for a in actors_of(h, lex, speaker, skip)]
    if not out and v.lemma_ == "be" and subj is not None and (subj.lower_ in _DUMMY_SUBJECTS or subj.dep_ == "csubj"):
        # "it was the wrong decision by Estonia", "what matters is the decision of Congress": whose the thing named is
        for c in (c for c in v.children if c.dep_ == "attr"):
            for h in with_conjuncts(c):
                out += [h] if content_actor(h, lex, speaker, skip) else owners(h, lex, speaker, skip)
    if not out and (objects or own_side):
        cands: list[Token] = []
        if objects:
            cands += [c for c in v.children if c.dep_ in _CONTENT_OBJECT_DEPS]
            cands += prep_objects(v, _CONTENT_PREPS)
        for a in (c for c in v.children if c.dep_ == "acomp"):
            cands += prep_objects(a, _CONTENT_PREPS if objects else _ATTITUDE_PREPS)
            if depth < 2 and not cands:
                # "I am not surprised that X attacks ...", "we are worried that X will ...": the attitude's clause
                for x in (x for x in a.children if x.dep_ == "ccomp" and x.i not in skip):
                    out += clause_actors(x, lex, speaker, objects=objects, skip=skip, depth=depth + 1, quoted=quoted)
        for c in sorted(cands, key=lambda t: t.i):
            for h in with_conjuncts(c):
                if content_actor(h, lex, speaker, skip):
                    out.append(h)
                elif not is_actor_head(h, lex):
                    out += owners(h, lex, speaker, skip)
    if not out and own_side and not objects and v.lemma_.lower() not in MOTION_VERBS:
        # "said it would take measures against X", "said it had sent aid to X", "had given the agency 14
        # days": the other party of the speaker's own act (not where it goes: "return to Kyiv")
        objs = [c for c in v.children if c.dep_ == "dobj"]
        partners = [c for c in v.children if c.dep_ == "dative"] + prep_objects(v, _PARTNER_PREPS) + [
            p for o in objs for p in prep_objects(o, _PARTNER_PREPS)]
        out += [h for c in sorted(partners, key=lambda t: t.i) for h in with_conjuncts(c)
                if content_actor(h, lex, speaker, skip) and h.lower_ not in lex.words.press_audiences]
    if not out and own_side:
        # "we will retaliate if X attacks", "it will respond unless X withdraws": the speaker's
        # side acts on a condition set by the other party
        for a in v.children:
            if a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in a.children):
                cs = subject_of(a) or next((c for c in a.children if c.dep_ == "nsubjpass"), None)
                if cs is not None and cs.dep_ != "csubj":
                    out += [h for h in with_conjuncts(cs) if content_actor(h, lex, speaker, skip)]
                    if not out and _own_subject_or_it(cs, speaker):
                        # "we will stand firm if we must protect ourselves against an X raid": the
                        # condition is the speaker's own act; whom that act is against
                        out += _condition_partners(a, lex, speaker, skip)
    if not out and own_self:
        # "I am eager to talk about ways we might keep assisting X", "we want to work with X": the other party
        # of an act the speaker's side means to do
        out = _intended_partners(v, lex, speaker, skip, 0)
    if not out and depth < 2 and not own_side:
        for x in v.children:
            if x.dep_ in _NESTED_DEPS and x.pos_ in ("VERB", "AUX") and x.i not in skip:
                out = clause_actors(x, lex, speaker, objects=objects, skip=skip, depth=depth + 1, quoted=quoted)
                if out:
                    break
    return _ordered(out)


def _own_subject(h: Token, speaker: Token | None) -> bool:
    """The speaker itself as a clause's subject: "I"/"we", "our X", the speaker's name or country (not "he",
    "they": in a quotation they are someone else)."""
    if is_pronoun(h):
        return h.lower_ in FIRST_PERSON
    return speaker_side(h, speaker)


def _own_subject_or_it(h: Token, speaker: Token | None) -> bool:
    """A condition's subject that is the speaker's side: "I"/"we", "it" (the speaker's state or body, as in
    "Iran will respond if it is attacked"), the speaker's name or country."""
    return (is_pronoun(h) and h.lower_ in ("it", *FIRST_PERSON)) or (not is_pronoun(h) and speaker_side(h, speaker))


#: Prepositions of the party a speaker's own conditioned act is aimed at ("defend ourselves against X").
_AGAINST_PREPS = frozenset({"against"})


def _condition_partners(a: Token, lex: Lexicon, speaker: Token | None, skip: frozenset[int] | set[int]) -> list[Token]:
    """Whom the speaker's own act in a condition is against ("if we must protect ourselves against
    an X raid", "if we are forced to act against X"): the ``against`` objects of the condition's verb and of the
    verbs it governs (``xcomp``, two levels), the actor itself or whose the thing is (:func:`owners`)."""
    verbs = [a] + [x for x in a.children if x.dep_ == "xcomp"]
    verbs += [y for x in verbs[1:] for y in x.children if y.dep_ == "xcomp"]
    out: list[Token] = []
    for x in verbs:
        for p in prep_objects(x, _AGAINST_PREPS):
            for h in with_conjuncts(p):
                out += [h] if content_actor(h, lex, speaker, skip) else (
                    [] if is_actor_head(h, lex) else owners(h, lex, speaker, skip))
    return out


def _relations_under(tok: Token, lex: Lexicon, depth: int = 3) -> list[Token]:
    """Relation nouns (:data:`RELATION_NOUNS`: "war", "talks") down a noun phrase's ``prep``/``pobj``/``amod``
    chain, ``depth`` prepositions deep ("choices short of a war with X", "no alternative to talks with X")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "pobj" and c.lemma_.lower() in RELATION_NOUNS:
            out.append(c)
        if depth > 0 and c.dep_ in ("prep", "pobj", "amod", "advmod"):
            out += _relations_under(c, lex, depth - 1)
    return out


def _intended_partners(v: Token, lex: Lexicon, speaker: Token | None, skip: frozenset[int] | set[int],
                       depth: int) -> list[Token]:
    """Named parties of the acts nested under an act of the speaker's side (its ``xcomp``/``ccomp``, those of a
    predicate adjective, ``pcomp`` of its "to"/"about": "talk about how we can ...") done by that side too (no subject of their own, or the
    speaker's): their objects, addressees and ``with``/``against`` phrases, the named subject of a clause
    they govern ("help X rebuild"); four levels deep at most.  Cost: a walk over the nested verbs' dependents."""
    kids = list(v.children)
    nested = [c for c in kids if c.dep_ in ("xcomp", "ccomp")]
    nested += [x for a in kids if a.dep_ == "acomp" or (a.dep_ == "prep" and a.lower_ in ("to", "about"))
               for x in a.children if x.dep_ in ("xcomp", "pcomp")]
    out: list[Token] = []
    for x in nested:
        if x.pos_ not in ("VERB", "AUX") or x.i in skip or x.lemma_.lower() in MOTION_VERBS:
            continue
        xs = subject_of(x)
        if xs is not None and not _own_subject(xs, speaker):
            continue
        cands = [c for c in x.children if c.dep_ in ("dobj", "dative")] + prep_objects(x, _INTENT_PREPS)
        cands += [s for c in x.children if c.dep_ == "ccomp" for s in [subject_of(c)] if s is not None]
        out += [h for c in sorted(cands, key=lambda t: t.i) for h in with_conjuncts(c)
                if content_actor(h, lex, speaker, skip) and h.lower_ not in lex.words.press_audiences]
        if not out and depth < 3:
            out = _intended_partners(x, lex, speaker, skip, depth + 1)
        if out:
            break
    return out


#: Nouns of a measure or an operation taken against someone, whose clause's object is whom it hits
#: ("the sanctions would hurt X", "the operation dealt a blow to X").
MEASURE_NOUNS = frozenset({"sanction", "sanctions", "tariff", "tariffs", "embargo", "ban", "blockade", "operation",
                           "offensive", "campaign", "strike", "strikes", "airstrike", "raid", "attack", "measure",
                           "measures", "decision", "move", "policy", "restriction", "restrictions", "law", "ruling"})
#: Prepositions of the party a measure hits ("a blow to X", "pressure on X").
_PATIENT_PREPS = frozenset({"to", "on", "against", "upon"})


def _patients(v: Token, lex: Lexicon, speaker: Token | None, skip: frozenset[int] | set[int]) -> list[Token]:
    """The named parties a clause's verb acts on: its objects and addressees and their
    ``to``/``on``/``against`` phrases ("dealt a blow to X"), not the speaker's side."""
    objs = [c for c in v.children if c.dep_ in ("dobj", "dative")]
    cands = objs + prep_objects(v, _PATIENT_PREPS) + [p for o in objs for p in prep_objects(o, _PATIENT_PREPS)]
    return [h for c in sorted(cands, key=lambda t: t.i) for h in with_conjuncts(c) if content_actor(h, lex, speaker, skip)]


def _named_mind(tok: Token) -> bool:
    """A believer or reporter named by a proper name other than a country's ("said Tanaka
    knows that ...", "said the Kremlin believes ..."): the statement is about that mind."""
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ != "GPE")


def _ordered(toks: list[Token]) -> list[Token]:
    """``toks`` in text order without duplicates."""
    seen: set[int] = set()
    return sorted((t for t in toks if not (t.i in seen or seen.add(t.i))), key=lambda t: t.i)


#: Verbs of knowing and judging whose clause, reported in turn, says whom a statement is about
#: ("said the ministry had concluded that X ...", "said he believes X ..."), beside the reporting verbs.
ASSESS_VERBS = frozenset({"believe", "think", "conclude", "assess", "find", "determine", "estimate", "judge",
                          "suspect", "fear", "know", "expect", "hope", "feel", "learn", "establish", "discover"})
#: Prepositions of the other party of the speaker's own act ("measures against X", "aid to X", "a deal with X").
_PARTNER_PREPS = frozenset({"against", "with", "to", "toward", "towards"})
#: Verbs of going somewhere, whose "to" phrase is a destination, not a party ("return to Kyiv").
MOTION_VERBS = frozenset({"go", "travel", "return", "fly", "come", "move", "arrive", "head", "flee", "relocate",
                          "transfer", "deport", "expel", "evacuate"})
#: Prepositions of the other party of an act the speaker's side means to do ("work with X"; not "get to X").
_INTENT_PREPS = frozenset({"against", "with"})
#: Subordinators of a condition ("we will respond if X ...").
_CONDITION_MARKS = frozenset({"if", "unless"})


def reported_content(v: Token, lex: Lexicon, skip: frozenset[int] | set[int] = frozenset()) -> list[Token]:
    """The heads of the clause a reporting or assessing verb ``v`` reports ("the ministry
    has concluded that X ..." -> the head of "X ..."), when ``v`` is not a cue of its own
    (``skip``); [] for any other verb."""
    lemma = v.lemma_.lower()
    if v.i in skip or not (lemma in lex.report_lemmas or lemma in ASSESS_VERBS):
        return []
    return [c for c in v.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and c.i not in skip]


def content_targets(
    clause_verbs: list[Token], lex: Lexicon, speaker: Token | None, *, objects: bool = False,
    skip: frozenset[int] | set[int] = frozenset(), subject_only: bool = False, quoted: bool = False,
) -> list[MentionRef]:
    """Target mentions of a statement from what it says: :func:`clause_actors` of
    its reported or quoted clauses (``clause_verbs``: the cue's ``ccomp``/``parataxis``
    heads; a clause headed by another cue in ``skip`` is that cue's), each mention once."""
    out: list[MentionRef] = []
    seen: set[int] = set()
    for v in clause_verbs:
        if v.i in skip:
            continue
        for h in clause_actors(v, lex, speaker, objects=objects, skip=skip, subject_only=subject_only, quoted=quoted):
            if h.i not in seen:
                seen.add(h.i)
                out.append(mention_for(h, lex))
    return out




#: Nouns that stand for an act the article has just reported ("welcomed the move", "warned of such a step").
ANAPHORIC_ACTS = frozenset({"move", "decision", "step", "action", "measure", "plan", "announcement", "initiative",
                            "proposal", "withdrawal", "exit", "offer", "gesture", "ruling", "order", "ban"})
#: Determiners by which such a noun points back ("the move", "this decision", "such a step").
_BACK_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such"})
def points_back(noun: Token, *, strict: bool = False) -> bool:
    """"the move", "such a move", "this decision": an act noun with a pointing
    determiner and no owner of its own; with ``strict`` no party of its own either
    (not "the action against X")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ANAPHORIC_ACTS:
        return False
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "amod") and c.i < noun.i}
    if not dets & _BACK_DETERMINERS:
        return False
    return not any(c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ in (_OWN_PARTY_PREPS if strict else _OWNER_PREPS))
                   for c in noun.children)


#: Prepositions by which an act noun names its doer ("the decision by X"); with ``strict`` (a clause's
#: subject, where a party named after it is what the clause is about) any party ("the action against X").
_OWNER_PREPS = frozenset({"by", "of", "from"})
_OWN_PARTY_PREPS = frozenset({"by", "of", "from", "against", "on", "to", "with", "toward", "towards"})


def back_doers(noun: Token, lex: Lexicon, events: Events | None, speaker: Token | None) -> list[Token]:
    """Who did the act an act noun pointing back stands for (:func:`points_back`):
    the agent of the same event noun mentioned earlier (:func:`kg.extract.events.agents_of`;
    with ``events``), else the actor the article's previous sentence (or the one
    before) introduced as the subject of its main clause -- the subject of a reported
    clause when the main verb reports ("X said Y had closed the border") -- other than
    the speaker's side.  Cost: the roots of two sentences.

    :returns: the doer's head token, or []."""
    agents = agents_of(noun, events, lex)
    if agents and not speaker_side(agents[0], speaker):
        return agents[:1]
    doc = noun.doc
    sent = noun.sent
    for _ in range(2):
        if sent.start == 0:
            return []
        sent = doc[sent.start - 1].sent
        root = sent.root
        clauses = [root]
        if root.lemma_.lower() in lex.report_lemmas:
            clauses = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")] + [root]
        for v in clauses:
            subj = subject_of(v)
            if subj is not None and content_actor(subj, lex, speaker, frozenset()):
                return [subj]
    return []
