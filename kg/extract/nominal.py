"""Statements carried by nouns: "Maduro's criticism of X", "a call by the UN
for X to ...", "X issued a warning to Y", "the drills drew condemnation from Y".

The noun cues and the verbs around them are data (``kg/extract/data/nouns.tsv``,
CAMEO 1.1b3 noun forms of its cue verbs; types of ``../shared/docs/taxonomy.md``),
read into :attr:`kg.extract.lexicon.Lexicon.nominal`.

Rules (each noun cue is a ``NOUN`` token whose lemma is in ``nouns.tsv``):

* speaker -- in the first filled slot the noun allows: the subject of a light
  verb whose object the noun is ("X renewed its call"), the possessor ("X's
  call"), a ``from``/``by`` phrase ("condemnation from X"), a name or
  nationality modifier ("U.S. criticism").  For a receiving verb ("drew",
  "faced", "sparked") the speaker is the ``from``/``by`` phrase and the
  target is the verb's subject, or the doer of the deed the subject names.
  A noun cue without an actor speaker gives nothing.
* targets -- objects of the noun's prepositions listed in the file ("of",
  "against", "on", "to"), else actors inside them ("criticism of Israel's
  plans"), else the doer of the event they name; the subject of a clause
  complement ("call for X to drop ...", "accusations that X meddled"); the
  partners of an infinitive complement for threats, refusals and pledges
  ("threat to impose sanctions on X").
* meetings -- a meeting noun without a meeting verb (:func:`meeting_noun_statements`):
  "Ghana's talks with Togo", "talks between X and Y", "X-Y talks" are CONSULT
  statements of each side (CAMEO 040-046, PLOVER CONSULT).
* precision -- strict nouns ("call", "threat", "charge") need a light verb, a
  complement or an actor target; nouns that are part or argument of a verbal
  cue ("express support", "rejected the accusations"), statements that a
  verbal cue of the sentence already makes (same speaker, same type) and
  recaps of a verbal act of the article (same speaker, type and target) are
  left to the verbal rules; a noun cue that is the topic of another act ("an
  investigation into X's allegation") asserts nothing; headline-colon
  sentences are left to the headline rule.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span as SpacySpan, Token

from kg.extract import weights
from kg.extract.events import agents_of, Events
from kg.extract.lexicon import ContentClass, Cue, Lexicon, NounCue
from kg.extract.mentions import actor_mentions, Draft, inner_actors, is_actor_head, mention_for, MentionRef
from kg.extract.speakers import find_speaker, headline_speaker
from kg.extract.syntax import FIRST_PERSON, is_hypothetical, is_negated, is_pronoun, participle_agents, prep_objects, subject_of
from kg.extract.targets import CLAUSE_TARGET_TYPES, act_partners, find_targets
from kg.model import Mode, StatementType

#: Types whose infinitive complement names the act, with its partners as targets
#: ("threat to impose sanctions on X", "refusal to cooperate with X", "pledge to help X").
ACT_TYPES = frozenset({StatementType.THREATEN, StatementType.REJECT, StatementType.PROMISE})
#: Object positions of a verb that make the noun the verb's object.
OBJECT_DEPS = ("dobj", "nsubjpass", "obj")
#: Prepositions that make a noun cue the topic of another act ("an investigation into X's
#: allegation", "a debate over X's call", "a denial of X's accusations"), not an act asserted here.
TOPIC_PREPS = frozenset({"into", "about", "over", "on", "of", "regarding", "concerning"})
#: Auxiliaries of talks still to come ("will resume talks with X", "could hold talks with X").
FUTURE_AUX = frozenset({"will", "would", "could", "may", "might", "shall", "should", "'ll", "must", "to"})
#: Modifiers of the noun that can name its speaker ("U.S. criticism", "Russian condemnation").
MOD_DEPS = ("compound", "nmod", "amod")
MOD_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def noun_cue(tok: Token, lex: Lexicon) -> NounCue | None:
    """The noun cue of ``tok`` (a ``NOUN`` token), by lemma or lower-cased form, or None."""
    if tok.pos_ != "NOUN":
        return None
    nouns = lex.nominal.nouns
    return nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_)


def find_nominal_statements(
    doc: Doc,
    sent: SpacySpan,
    lex: Lexicon,
    cue_matches: dict[int, tuple[Cue, list[int]]],
    events: Events | None = None,
) -> Iterator[Draft]:
    """Yield a :class:`~kg.extract.mentions.Draft` per noun cue of ``sent`` with an actor speaker.

    :param doc: the parsed document.
    :param sent: one sentence of ``doc``.
    :param lex: the lexicon (``lex.nominal`` holds the noun cues).
    :param cue_matches: the verbal cues of the doc, token index -> (cue, cue token indices),
        as :func:`kg.extract.syntax.match_cue` found them; used to leave to the verbal rules
        what they already cover.
    :param events: the event-noun index of :func:`kg.extract.events.event_index`, for the doer
        of a criticised event ("condemnation of the strikes" after "U.S. strikes"), or None.
    :returns: drafts with ``cue_tokens = [noun index]``, ``cue_lemma`` = the noun lemma,
        evidence :data:`~kg.extract.weights.NOUN_WITH_TARGET` with targets,
        :data:`~kg.extract.weights.NOUN_ALONE` without.
    """
    if not lex.nominal.nouns or headline_speaker(sent, lex) is not None:
        return
    cue_set = set(cue_matches)
    verbal_toks: set[int] = set()
    verbal_args: set[int] = set()
    same_sentence: set[tuple[StatementType, str]] = set()
    for i, (cue, idx) in cue_matches.items():
        if not sent.start <= i < sent.end:
            continue
        verbal_toks.update(idx)
        if cue.kind == "report" and cue.type == StatementType.STATEMENT:
            continue  # "Iranian TV reported Maduro's description of Trump as ...": the noun's act stands on its own
        for c in doc[i].children:
            if c.dep_ in OBJECT_DEPS + ("attr", "dative"):
                verbal_args.add(c.i)
            elif c.dep_ in ("prep", "agent"):
                verbal_args.update(p.i for p in c.children if p.dep_ == "pobj")
        spk = find_speaker(doc[i], idx, lex, cue_set)
        if spk is not None:
            same_sentence.add((cue.type, spk.lower_))
    said: set[tuple[StatementType, str, str]] | None = None
    for tok in sent:
        nc = noun_cue(tok, lex)
        if nc is None or tok.i in verbal_toks or tok.i in verbal_args:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in TOPIC_PREPS:
            continue
        draft = _noun_draft(tok, nc, sent, lex, cue_set, events)
        if draft is None:
            continue
        spk = doc[draft.speaker.head].lower_
        if (draft.type, spk) in same_sentence:
            continue  # "X warned Y, repeating its warning": the verbal cue already says it
        if said is None:
            said = _verbal_dyads(doc, lex, cue_matches)
        if any((draft.type, spk, key) in said for m in draft.targets for key in _name_keys(doc, m)):
            continue  # "Orban warned Brussels ... After delivering his stern warning to the EU": a recap
        yield draft


def _verbal_dyads(doc: Doc, lex: Lexicon, cue_matches: dict[int, tuple[Cue, list[int]]]) -> set[tuple[StatementType, str, str]]:
    """(type, speaker head in lower case, target name key) of the speech-act cues of the whole doc."""
    cue_set = set(cue_matches)
    out: set[tuple[StatementType, str, str]] = set()
    for i, (cue, idx) in cue_matches.items():
        if cue.kind != "act":
            continue
        spk = find_speaker(doc[i], idx, lex, cue_set)
        if spk is None:
            continue
        for m in find_targets(doc[i], cue, idx, lex):
            out.update((cue.type, spk.lower_, key) for key in _name_keys(doc, m))
    return out


def _name_keys(doc: Doc, m: MentionRef) -> set[str]:
    """Keys that match two spellings of one name: "the United States" -> {"united states", "us"},
    "the U.S." -> {"us"} (lower case, no dots, no leading article; initials of a multi-word name)."""
    start, end = (m.name_start, m.name_end) if m.name_start >= 0 else (m.start, m.end)
    words = [t.text.replace(".", "") for t in doc[start:end] if t.lower_ not in ("the", "'s", "’s")]
    words = [w for w in words if w]
    if not words:
        return set()
    keys = {" ".join(words).lower()}
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) > 1:
        keys.add("".join(w[0] for w in caps).lower())
    return keys


def _noun_draft(
    tok: Token, nc: NounCue, sent: SpacySpan, lex: Lexicon, cue_set: set[int], events: Events | None
) -> Draft | None:
    """The statement of one noun cue, or None when it has no actor speaker or fails its strictness."""
    verb = tok.head if tok.dep_ in OBJECT_DEPS and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX") else None
    vkind = lex.nominal.verbs.get(verb.lemma_.lower()) if verb is not None else None
    speaker: Token | None = None
    targets: list[MentionRef] = []
    light = False
    if vkind == "receive":
        froms = _from_actors(tok, lex) or (_from_actors(verb, lex) if verb is not None else [])
        if not froms:
            return None
        speaker = froms[0]
        subj = find_speaker(verb, [verb.i], lex, cue_set)
        if subj is not None:
            targets = _deed_actors(subj, lex, events)
        if not targets:
            return None  # who was criticised is unknown: leave it
        defied = verb is not None and verb.lemma_.lower() in lex.words.defiance_verbs
        if nc.strict == "yes" and not _has_complement(tok, verb if defied else None):
            return None  # "received a call from X": a phone call ("ignored calls by X to free Y": an appeal)
    else:
        if vkind == "light" and "light" in nc.slots:
            s = find_speaker(verb, [verb.i], lex, cue_set)
            if s is not None and is_actor_head(s, lex):
                speaker, light = s, True
        elif vkind == "carry":
            s = _speech_owner(verb, lex)
            if s is not None:
                speaker, light = s, True
        if speaker is None:
            speaker = _slot_speaker(tok, nc, lex)
        if speaker is None:
            return None
        targets = _targets(tok, nc, verb if light else None, lex, events)
    if nc.strict == "as-negative":
        if not _negative_as(tok, lex):
            return None
    elif nc.strict == "yes" and vkind != "receive" and not (targets or _has_complement(tok, verb if light else None)):
        return None  # "made a call", "Iran's threat": no request, no threat
    if not targets and not light:
        return None  # a monadic noun statement only when a light verb asserts it ("X issued a warning")
    if light and verb is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "summon the envoy to voice its disapproval": an intent, not an act
    head = verb if light and verb is not None else tok
    negated = is_negated(head, lex) or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
    content = (tok.i + 1, tok.right_edge.i + 1) if tok.right_edge.i > tok.i else None
    return Draft(
        sent_start=sent.start, sent_end=sent.end, cue_tokens=[tok.i], cue_lemma=nc.lemma, type=nc.type,
        prior=nc.prior, speaker=mention_for(speaker, lex), targets=targets, content=content,
        mode=Mode.SPEECH_ACT, negated=negated, hypothetical=is_hypothetical(head, sent),
        evidence=weights.NOUN_WITH_TARGET if targets else weights.NOUN_ALONE,
    )


def _speech_owner(verb: Token, lex: Lexicon) -> Token | None:
    """The owner of the speech or document that is the subject of a carrying verb (``nouns.tsv`` kind
    carry): "Lopez's speech contained praise for X" -> Lopez, "a letter from the ministry included
    criticism of Y" -> the ministry; None when the subject is no speech (``words.tsv`` ``speech_nouns``,
    ``document_nouns``: "the package contained praise" names no speaker) or has no actor owner."""
    subj = subject_of(verb)
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in lex.words.speech_nouns | lex.words.document_nouns:
        return None
    for c in subj.children:
        if c.dep_ == "poss" and is_actor_head(c, lex) and c.lower_ not in FIRST_PERSON:
            return c
    froms = _from_actors(subj, lex)
    return froms[0] if froms else None


def _from_actors(tok: Token, lex: Lexicon) -> list[Token]:
    """Actors of the noun's "from"/"by" phrase, also of a participle's agent ("criticism voiced by X")
    and of an "including" phrase ("defied calls, including by X, to ...", "drew criticism, including
    from X and Y"; the parser makes "by" the agent of "including")."""
    found = prep_objects(tok, {"from", "by"}) + participle_agents(tok)
    for inc in tok.children:
        if inc.dep_ == "prep" and inc.lower_ == "including":
            found += [p for c in inc.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
                      for q in c.children if q.dep_ == "pobj" for p in [q, *q.conjuncts]]
    return [p for p in found if is_actor_head(p, lex)]


def _slot_speaker(tok: Token, nc: NounCue, lex: Lexicon) -> Token | None:
    """The speaker in the noun's own slots: possessor, from/by phrase, name modifier."""
    if "poss" in nc.slots:
        for c in tok.children:
            if c.dep_ == "poss" and is_actor_head(c, lex) and c.lower_ not in FIRST_PERSON:
                return c
    if "from" in nc.slots:
        froms = _from_actors(tok, lex)
        if froms:
            return froms[0]
    if "mod" in nc.slots:
        for c in tok.children:
            if c.dep_ in MOD_DEPS and c.i < tok.i and c.ent_type_ in MOD_ENTS and is_actor_head(c, lex):
                return c
    return None


def _deed_actors(t: Token, lex: Lexicon, events: Events | None) -> list[MentionRef]:
    """Who a noun phrase or actor points at: the actor itself, actors inside it
    ("Trump's decision"), else the doer of the event it names ("the drills")."""
    if is_actor_head(t, lex):
        return actor_mentions(t, lex)
    inner = inner_actors(t, lex)
    if inner:
        return inner
    return [m for a in agents_of(t, events, lex) for m in actor_mentions(a, lex)]


def _targets(tok: Token, nc: NounCue, verb: Token | None, lex: Lexicon, events: Events | None) -> list[MentionRef]:
    """Targets of a noun cue: prepositional objects, clause subjects, act partners."""
    pobjs = prep_objects(tok, nc.preps)
    if verb is not None:
        pobjs += [p for p in prep_objects(verb, nc.preps) if p not in pobjs]
    out: list[MentionRef] = []
    for p in pobjs:
        if is_pronoun(p) and p.lower_ in FIRST_PERSON:
            continue
        out.extend(_deed_actors(p, lex, events))
    if out:
        return out
    holders = [tok] + ([verb] if verb is not None else [])
    if nc.type in CLAUSE_TARGET_TYPES:
        for h in holders:
            for c in h.children:
                if c.dep_ in ("acl", "advcl", "ccomp", "relcl") and c.i > tok.i:
                    s = subject_of(c)
                    if s is not None and is_actor_head(s, lex) and not is_pronoun(s):
                        out.extend(actor_mentions(s, lex))
        if not out and nc.type == StatementType.ACCUSE:
            # "accusations from US officials that Russia meddled": the small model hangs the
            # noun's that-clause on the from-phrase as a relative clause with its own subject
            for p in prep_objects(tok, {"from", "by"}):
                for c in p.children:
                    s = subject_of(c) if c.dep_ == "relcl" else None
                    if s is not None and s.lower_ not in ("that", "who", "which") and is_actor_head(s, lex) \
                            and not is_pronoun(s):
                        out.extend(actor_mentions(s, lex))
    if not out and nc.type in ACT_TYPES:
        for h in holders:
            for c in h.children:
                if c.dep_ in ("acl", "advcl", "xcomp") and c.i > tok.i and any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    heads = act_partners(c, lex, {"with", "to", "from", "against", "on"})
                    out.extend(m for x in heads for m in actor_mentions(x, lex))
    return out


def _has_complement(tok: Token, verb: Token | None) -> bool:
    """A clause, infinitive or "for"-phrase complement of the noun (or of its light
    verb): "call for calm", "threat to retaliate", "demand that X ...". A phone
    call or the threat of war has none."""
    for h in [tok] + ([verb] if verb is not None else []):
        for c in h.children:
            if c.dep_ in ("acl", "advcl", "ccomp", "xcomp") and c.i > tok.i and (
                    any(a.dep_ in ("aux", "mark") and a.lower_ in ("to", "that", "for") for a in c.children)
                    or subject_of(c) is not None):
                return True
            if h is tok and c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") and any(
                    p.dep_ == "pobj" for p in c.children):
                return True
    return False


def _negative_as(tok: Token, lex: Lexicon) -> bool:
    """An "as" phrase under the noun holding a negative word ("as reckless", "as a threat")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            if any(lex.content_class(t.lemma_) == ContentClass.NEGATIVE for t in c.subtree):
                return True
    return False


def meeting_noun_statements(
    sent: SpacySpan, lex: Lexicon, cue_matches: dict[int, tuple[Cue, list[int]]]
) -> Iterator[Draft]:
    """CONSULT statements carried by a meeting noun (``words.tsv`` ``consult_nouns``) without a
    meeting verb: "Ghana's talks with Togo" (the owner consulted the "with" partners),
    "talks between Ghana and Togo" and "Ghana-Togo talks" (each side consulted the others,
    as the taxonomy's CONSULT is symmetric: CAMEO 040-046, PLOVER CONSULT).

    A "call" is a meeting only as a "phone call" (``call_modifiers``); a meeting noun that is
    the object or argument of a cue ("held talks", "called for talks"), under a verb by
    which it did not take place ("cancelled the talks", ``unheld_verbs``) or with an unheld
    modifier ("possible talks") gives nothing; "arrived for talks with X" is left to the
    verbal rule (:func:`kg.extract.verbal.meeting_partners`).  Yields drafts with
    ``cue_lemma`` = the noun lemma and evidence :data:`~kg.extract.weights.MEETING`; a draft
    for "between" sides has no targets and is spread over its coordinated speakers by
    :func:`kg.extract.statements.find_statements`.
    """
    doc = sent.doc
    taken: set[int] = set()
    for i, (cue, idx) in cue_matches.items():
        if sent.start <= i < sent.end:
            taken.update(idx)
            for c in doc[i].children:
                if c.dep_ in OBJECT_DEPS + ("attr", "dative"):
                    taken.add(c.i)
                elif c.dep_ in ("prep", "agent", "prt"):
                    if cue.kind == "act" and cue.type != StatementType.CONSULT and _placing_prep(c, doc[i], lex):
                        continue  # "After talks with X, Y condemned Z": the meeting is this rule's (a report cue's is verbal)
                    taken.update(p.i for p in c.children if p.dep_ == "pobj")
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or tok.i in taken or (lemma not in lex.words.consult_nouns and tok.lower_ not in lex.words.consult_nouns):
            continue
        if lemma == "call" and not any(c.dep_ in ("compound", "amod") and c.lower_ in lex.words.call_modifiers for c in tok.children) \
                and not (tok.dep_ == "pobj" and tok.head.lower_ in lex.words.meeting_time_preps and prep_objects(tok, {"with"})):
            continue  # "a call for calm" is an appeal, not a conversation ("in a call with X" is one)
        if any(c.dep_ in ("amod", "compound") and c.lower_ in lex.words.unheld_modifiers for c in tok.children):
            continue
        head = tok.head if tok.head.i != tok.i else tok
        holder = _meeting_holder(tok, lex, cue_matches)
        if tok.dep_ == "pobj":
            if head.head.pos_ in ("VERB", "AUX") and holder is None:
                continue  # "arrived for talks with X": the verbal rule
            head = head.head
        if head.pos_ in ("VERB", "AUX") and (head.lemma_.lower() in lex.words.unheld_verbs or is_negated(head, lex)):
            continue
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            continue
        hypo = is_hypothetical(head, sent)
        yield from _meeting_drafts(tok, sent, lex, hypo, holder)


def _placing_prep(prep: Token, verb: Token, lex: Lexicon) -> bool:
    """A preposition that places the clause of ``verb`` at a meeting: "after", "following", "during"
    anywhere, "in" and "at" before the verb ("In a call with X, Y agreed ...", not "agreed to a plan
    in talks with X", where the talks may be the plan's)."""
    low = prep.lower_
    return low in lex.words.meeting_time_preps | {"following"} and (prep.i < verb.i or low in ("after", "following", "during"))


def _meeting_holder(tok: Token, lex: Lexicon, cue_matches: dict[int, tuple[Cue, list[int]]]) -> Token | None:
    """Who held the meeting noun ``tok`` when no owner names it (CAMEO 040-046):

    * the subject of a holding verb (``words.tsv`` ``holding_verbs``) whose object it is, or whose
      object measures it: "X led talks with Y", "X concluded negotiations with Y", "X held a
      second round of talks with Y";
    * the subject of a speech-act cue whose clause a meeting phrase places (``meeting_time_preps``,
      :func:`_placing_prep`): "In a phone call with Y, X condemned ...", "After talks with Y, X
      urged ..." -- a report cue's meeting and an uncued verb's are
      :func:`kg.extract.verbal.meeting_partners`'; other prepositions place none ("protested
      against talks with Y").

    Returns an actor head that is no pronoun of the first person, or None.
    """
    verb = None
    held = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" and tok.head.head.dep_ == "dobj":
        held = tok.head.head  # "led two days of talks with Y", "held a second round of negotiations with Y"
    if held.dep_ == "dobj":
        v = held.head
        if v.lemma_.lower() in lex.words.holding_verbs and not any(
                a.dep_ == "aux" and a.lower_ in FUTURE_AUX for a in v.children):
            verb = v  # not "will resume talks with Y": talks to come
    elif tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX") and _placing_prep(tok.head, tok.head.head, lex):
        verb = tok.head.head
        match = cue_matches.get(verb.i)
        if match is None or match[0].kind == "report":
            return None  # a report cue's meeting, and any other verb's, is kg.extract.verbal.meeting_partners
    if verb is None or any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX for a in verb.children):
        return None  # "hopes to settle it during talks with Y": talks to come
    subj = subject_of(verb)
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        subj = subject_of(verb.head)  # "X arrived and led talks with Y"
    if subj is None or not is_actor_head(subj, lex) or (is_pronoun(subj) and subj.lower_ in FIRST_PERSON):
        return None
    if any(c.dep_ in ("det", "predet", "nummod") and c.lower_ in ("both", "two") for c in subj.children):
        return None  # "Following talks with Y, both leaders ...": Y is one of them
    return subj


def _meeting_drafts(tok: Token, sent: SpacySpan, lex: Lexicon, hypo: bool, holder: Token | None = None) -> Iterator[Draft]:
    """The drafts of one meeting noun: owner (or ``holder``, :func:`_meeting_holder`) with partners,
    "between" sides, compound sides."""

    def draft(speaker: Token, targets: list[MentionRef]) -> Draft:
        return Draft(sent_start=sent.start, sent_end=sent.end, cue_tokens=[tok.i], cue_lemma=tok.lemma_.lower(),
                     type=StatementType.CONSULT, prior=weights.MEETING, speaker=mention_for(speaker, lex),
                     targets=targets, content=None, mode=Mode.SPEECH_ACT, negated=False, hypothetical=hypo,
                     evidence=weights.MEETING)

    partners = [p for p in prep_objects(tok, {"with"}) if is_actor_head(p, lex) and not is_pronoun(p)]
    owner = next((c for c in tok.children if c.dep_ == "poss" and is_actor_head(c, lex) and c.lower_ not in FIRST_PERSON), holder)
    if owner is not None and owner is holder and partners:
        partners = [p for p in partners if p.i != holder.i and not any(p.i == c.i for c in holder.conjuncts)]
    if owner is not None and partners:
        # "Ghana's talks with Togo"
        yield draft(owner, [m for p in partners for m in actor_mentions(p, lex)])
        return
    sides = [p for p in prep_objects(tok, {"between"}) if is_actor_head(p, lex) and not is_pronoun(p)]
    if sides and (len(sides) > 1 or any(is_actor_head(c, lex) for c in sides[0].conjuncts)):
        # "talks between Ghana and Togo": each side consulted the others
        yield draft(sides[0], [m for s in sides[1:] for m in actor_mentions(s, lex)])
        return
    mods = [t for t in tok.subtree if t.i < tok.i and t.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss")
            and t.ent_type_ in MOD_ENTS and is_actor_head(t, lex)]
    names: dict[str, Token] = {}
    for t in mods:
        names.setdefault(t.lower_, t)
    if len(names) >= 2:
        # "Russia-Ukraine talks": each side consulted the other; a hyphenated pair the mention
        # rules join into one name ("Kenyan-Ethiopian") is split into its words
        sides = list(names.values())
        refs = [mention_for(t, lex) for t in sides]
        if any(o.start < r.end and r.start < o.end for k, r in enumerate(refs) for o in refs[:k]):
            doc = tok.doc
            if not all(any(doc[j].text in ("-", "–") for j in range(a.i + 1, b.i)) for a, b in zip(sides, sides[1:])):
                return  # "the U.N. General Assembly meeting": one name, not two sides
            refs = [MentionRef(t.i, t.i + 1, t.i, t.ent_type_ or "PROPN", t.i, t.i + 1) for t in sides]
        for t, r in zip(sides, refs):
            yield Draft(sent_start=sent.start, sent_end=sent.end, cue_tokens=[tok.i], cue_lemma=tok.lemma_.lower(),
                        type=StatementType.CONSULT, prior=weights.MEETING, speaker=r, targets=[o for o in refs if o is not r],
                        content=None, mode=Mode.SPEECH_ACT, negated=False, hypothetical=hypo, evidence=weights.MEETING)
