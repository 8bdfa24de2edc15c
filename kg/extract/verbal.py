"""Statements carried by verbs: what one verb cue (or a labelling verb, or "talks
with X" on any verb) of a sentence states, with its speaker, type, targets, content
range and mode.  Helpers for special cue shapes: questions ("asked whether"),
ultimatums ("or face sanctions") and threats inside promises and warnings (:mod:`kg.extract.threats`), pejorative
labels ("called X a dictatorship"), dismissed accusations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc, Span as SpacySpan, Token

from kg.extract import weights
from kg.extract.clauses import analyse_clause, wanted_actors
from kg.extract.events import event_agents, Events
from kg.extract.labels import denied_act_targets, dismissed_accusers, labeling, quoted_label
from kg.extract.lexicon import ContentClass, Cue, Lexicon
from kg.extract.mentions import (
    actor_mentions,
    Draft,
    inner_actors,
    is_actor_head,
    is_media,
    mention_for,
    MentionRef,
    speaker_side,
)
from kg.extract.quotes import CLOSING_QUOTES, OPENING_QUOTES, QUOTE_CHARS
from kg.extract.speakers import (
    conversation_partners,
    coordinated_actors,
    example_members,
    find_speaker,
    placed_group_actors,
    meeting_speaker,
    state_voice,
    own_speaker,
    participle_agent,
    participle_noun,
)
from kg.extract.syntax import (
    FIRST_PERSON,
    hung_clauses,
    is_hypothetical,
    is_negated,
    is_pronoun,
    own_pronoun,
    past_event,
    prep_objects,
    subject_of,
)
from kg.extract.pointback import pointed_object, quote_addressee
from kg.extract.threats import or_face_threat, threat_in_complement, threat_in_warning, warning_content
from kg.extract.targets import EVENT_TARGET_TYPES, content_targets, find_targets, settle_targets
from kg.model import Mode, StatementType


def content_range(cue_tok: Token, cue_idx: list[int], speaker: Token | None) -> tuple[int, int] | None:
    """The token range ``[start, end)`` of what the cue says (its clause, object, complement
    or the particle's object), without the speaker and trimmed of outer punctuation other
    than quotation marks; None when there is none."""
    parts = [c for c in cue_tok.children if c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis", "dative", "prep", "attr")
             and c.i not in cue_idx]
    if len(cue_idx) > 1:
        part = cue_tok.doc[cue_idx[1]]
        parts.extend([part.head] if part.dep_ == "mark" else [c for c in part.children if c.dep_ in ("pobj", "xcomp")])
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


def content_mode(doc: Doc, content: tuple[int, int] | None, cue: Cue) -> Mode:
    """DIRECT when the content starts, ends or follows a quotation mark; else INDIRECT for a
    reporting cue, SPEECH_ACT for a speech-act cue or no content."""
    if content is None:
        return Mode.SPEECH_ACT
    first, last = doc[content[0]], doc[content[1] - 1]
    before = doc[content[0] - 1] if content[0] > 0 else None
    if first.text in QUOTE_CHARS or last.text in QUOTE_CHARS or (before is not None and before.text in QUOTE_CHARS):
        return Mode.DIRECT
    return Mode.INDIRECT if cue.kind == "report" else Mode.SPEECH_ACT


def meeting_partners(cue_tok: Token, lex: Lexicon) -> list[MentionRef]:
    """"said in a call with X", "told reporters after talks with X": the speaker
    consulted X (CAMEO 040-046)."""
    out: list[MentionRef] = []
    for prep in cue_tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in lex.words.meeting_time_preps | {"for", "following"}:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in lex.words.meeting_nouns:
                for p in prep_objects(noun, {"with"}):
                    if is_actor_head(p, lex) and not is_pronoun(p):
                        out.extend(actor_mentions(p, lex))
    return out


def pair_speaker(tok: Token) -> bool:
    """A speaker that names both sides of a meeting ("After talks with X, both leaders ...", "the two
    ministers"): X is one of them, no partner of theirs."""
    return any(c.dep_ in ("det", "predet", "nummod") and c.lower_ in ("both", "two") for c in tok.children)


def asks_a_question(cue_tok: Token, sent: SpacySpan) -> bool:
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






def says_something(tok: Token, cue_idx: list[int], sent: SpacySpan) -> bool:
    """The cue has a reported clause (or stands in it as a parenthetical), a topic
    ("about", "of", "on"), or a quote or colon right after it ("spoke: “...”")."""
    if any(c.dep_ in ("ccomp", "parataxis") for c in tok.children) or hung_clauses(tok):
        return True  # also "joked in an interview that ...", the clause hung on "interview"
    if tok.dep_ == "parataxis" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return True  # a parenthetical hung on the reported clause: "The plan, X contended, was doomed"
    if any(c.dep_ == "prep" and c.lower_ in ("about", "of", "on") and not any(
            o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in c.children) for c in tok.children):
        return True  # a topic, not a date ("revealed a phone on Monday")
    after = [t for t in tok.doc[cue_idx[-1] + 1:min(sent.end, cue_idx[-1] + 3)] if not t.is_space]
    return any(t.text in QUOTE_CHARS or t.text in OPENING_QUOTES + CLOSING_QUOTES or t.text == ":" for t in after)






def in_reported_clause(tok: Token, cue_matches: dict[int, tuple[Cue, list[int]]]) -> bool:
    """Whether ``tok`` is inside the reported clause of a reporting cue ("said it will support X"),
    within four steps up the parse through complements and conjuncts."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "xcomp", "conj", "acomp", "advcl", "parataxis") or cur.head.i == cur.i:
            return False
        cur = cur.head
        m = cue_matches.get(cur.i)
        if m is not None and m[0].kind == "report":
            return True
    return False


#: Types whose passive participle on a noun ("the plan rejected by X") acts on the noun's owner;
#: not SUPPORT ("forces backed by X" is material backing).
#: Objects of "oppose" that are proposals, requests or plans: opposing one is a REJECT
#: (../shared/docs/taxonomy.md, CAMEO 12x), opposing anything else a CRITICIZE.
PROPOSAL_NOUNS = frozenset({"proposal", "plan", "mediation", "offer", "initiative", "request", "bid"})


def opposes_a_proposal(tok: Token) -> bool:
    """Whether the cue "oppose" has a proposal noun (``PROPOSAL_NOUNS``) as its object or after "to"."""
    objs = [c for c in tok.children if c.dep_ == "dobj"] + [
        o for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in PROPOSAL_NOUNS for o in objs)


PARTICIPLE_TARGET_TYPES = frozenset({StatementType.REJECT, StatementType.CRITICIZE, StatementType.PRAISE,
                                     StatementType.DENY, StatementType.ACCUSE, StatementType.APPEAL,
                                     StatementType.DEMAND})
#: Types of an inner cue whose refusal is a rejection ("refused to support X"), unlike "declined to criticise X".
COOPERATIVE_TYPES = frozenset({StatementType.SUPPORT, StatementType.AGREE, StatementType.PROMISE})
#: Prepositions of a meeting's place ("held a summit in Nairobi"), never its partner.
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
#: Types that need a target: a meeting or a talk is always with someone.
DYADIC_ONLY = frozenset({StatementType.CONSULT, StatementType.SYMPATHIZE})
#: Cue types whose infinitival complement is the requested or promised act, not a statement
#: of the speaker's own ("urged X to meet", "called on X to hold talks").
REQUEST_TYPES = frozenset({StatementType.APPEAL, StatementType.DEMAND, StatementType.PROMISE, StatementType.THREATEN})


def is_requested_action(tok: Token, cue_matches: dict[int, tuple[Cue, list[int]]]) -> bool:
    """Whether ``tok`` is the act a governing APPEAL/DEMAND/PROMISE/THREATEN cue asks for or
    promises ("urged X to meet": meet), within four steps up the parse, also through a
    controlled verb ("asked X to stop criticizing Y") and from the act a requested act is
    about ("urged X to apologize for accusing Y")."""
    cur = tok
    if tok.dep_ == "pcomp" and tok.head.pos_ == "ADP" and tok.head.head.pos_ == "VERB" and tok.head.head.i != tok.head.i:
        # "urged X to apologize for accusing Y": the act the requested act is about is X's, not a statement
        return is_requested_action(tok.head.head, cue_matches)
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "ccomp", "advcl") or cur.head.i == cur.i:
            return False
        head = cur.head
        if head.i in cue_matches and cue_matches[head.i][0].type in REQUEST_TYPES:
            return True
        if head.dep_ == "pobj" or head.pos_ == "ADP":
            cur = head
            continue
        cur = head
        if cur.pos_ in ("VERB", "AUX") and not (cur.dep_ == "xcomp" and cur.i not in cue_matches):
            return False
    return False


#: Modals by which a reported act is someone's guess, not an act that took place ("analysts say X would welcome ...").
SPECULATION_MODALS = frozenset({"would", "could", "might", "may"})


def speculated(tok: Token, speaker: Token, cue_matches: dict[int, tuple[Cue, list[int]]]) -> bool:
    """A cue under a speculation modal inside another speaker's reported clause ("Analysts say Tehran would
    welcome the closure", "experts said Brussels could reject the plan"): the reporter's guess at what its
    subject might do, no statement the subject made -- marked hypothetical (PLOVER ``mode``), not asserted.
    Not when the subject is the first person ("we would welcome ..." in a quote is the speaker's own)."""
    if not any(c.dep_ == "aux" and c.lower_ in SPECULATION_MODALS for c in tok.children):
        return False
    if speaker.lower_ in FIRST_PERSON or not in_reported_clause(tok, cue_matches):
        return False
    subj = subject_of(tok)
    # "the ministry said it would summon the ambassador": the speaker's own announced act, not a guess
    return subj is not None and not speaker_side(subj, own_reporter(tok, cue_matches))


def own_reporter(tok: Token, cue_matches: dict[int, tuple[Cue, list[int]]]) -> Token | None:
    """The subject of the reporting cue whose clause holds ``tok`` (:func:`in_reported_clause`), or None."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        m = cue_matches.get(cur.i)
        if m is not None and m[0].kind == "report":
            return subject_of(cur)
    return None


#: Nouns of a point of view: "from X's perspective" names whose view the speaker takes, not whom it is about.
VIEWPOINT_NOUNS = frozenset({"perspective", "standpoint", "viewpoint", "view", "point", "vantage"})


def viewpoint_owner(t: Token) -> bool:
    """An actor token that owns the point of view of a "from" phrase ("From the United Nations' point of view,
    the crisis could worsen", "from Brussels' perspective"): the side the speaker speaks from, no target."""
    head = t.head
    if t.dep_ == "poss" and head.lemma_.lower() in VIEWPOINT_NOUNS:
        return head.dep_ == "pobj" and head.head.lower_ == "from"
    if t.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in VIEWPOINT_NOUNS:
        return head.head.dep_ == "pobj" and head.head.head.lower_ == "from"  # "from the point of view of X"
    return False


def partner_object(t: Token) -> bool:
    """An actor token that is (or is coordinated with) the object of "with", "between" or "among": the other
    side of a talk ("discussed the plan with X", "negotiations between X and Y")."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in ("with", "between", "among")


@dataclass(frozen=True, slots=True)
class DocCues:
    """What the per-sentence rules share about the whole doc.

    :param cue_matches: token index -> (cue, cue token indices) for every verbal cue
        :func:`kg.extract.syntax.match_cue` found in the doc.
    :param cue_set: the keys of ``cue_matches``.
    :param in_quotes: indices of the tokens inside quotation marks (:func:`kg.extract.quotes.quoted_tokens`).
    :param events: the event-noun index of the doc (:func:`kg.extract.events.event_index`).
    """

    cue_matches: dict[int, tuple[Cue, list[int]]]
    cue_set: set[int]
    in_quotes: set[int]
    events: Events


def uncued_verb_statements(tok: Token, sent: SpacySpan, lex: Lexicon, ctx: DocCues) -> Iterator[Draft]:
    """Statements of a token that starts no cue: "talks with X" on any verb (CONSULT,
    CAMEO 04x), "X wants Y to ..." (APPEAL, NGEC REQUEST) and pejorative labels ("calling its
    government a corrupt dictatorship")."""
    if tok.pos_ in ("VERB", "AUX") and tok.i not in ctx.in_quotes:
        partners = meeting_partners(tok, lex)
        spk_tok = meeting_speaker(tok, lex) if partners else None
        if spk_tok is not None and not pair_speaker(spk_tok):
            # "arrived in the UAE for talks with X", "was told in a phone call with X" (CAMEO 04x)
            yield Draft(sent.start, sent.end, [tok.i], "talk with", StatementType.CONSULT, weights.MEETING,
                        mention_for(spk_tok, lex), partners, None, Mode.SPEECH_ACT, is_negated(tok, lex),
                        is_hypothetical(tok, sent), weights.MEETING)
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.words.request_verbs and tok.i not in ctx.in_quotes \
            and not is_requested_action(tok, ctx.cue_matches) and not in_reported_clause(tok, ctx.cue_matches):
        wanted = wanted_actors(tok, lex)
        spk_tok = meeting_speaker(tok, lex) if wanted else None
        if spk_tok is not None and (spk_tok.pos_ == "PROPN" or spk_tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")) \
                and all(w.i != spk_tok.i for w in wanted):
            # "Washington wants Iran to stop supporting proxies": a request addressed to Iran (NGEC REQUEST)
            yield Draft(sent.start, sent.end, [tok.i], tok.lemma_.lower(), StatementType.APPEAL, weights.CLAUSE_OBLIGATION,
                        mention_for(spk_tok, lex), [m for w in wanted for m in actor_mentions(w, lex)], None,
                        Mode.SPEECH_ACT, is_negated(tok, lex), is_hypothetical(tok, sent), weights.CLAUSE_OBLIGATION)
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.words.label_verbs:
        # "calling its government a corrupt dictatorship", "dubbed him a villain"
        label = labeling(tok, lex, ctx.events)
        spk_tok = find_speaker(tok, [tok.i], lex, ctx.cue_set) if label is not None else None
        if label is not None and spk_tok is not None and is_actor_head(spk_tok, lex):
            yield Draft(sent.start, sent.end, [tok.i], tok.lemma_.lower(), label[0], weights.LABEL, mention_for(spk_tok, lex),
                        label[1], None, Mode.SPEECH_ACT, is_negated(tok, lex), is_hypothetical(tok, sent), weights.LABEL)
        quoted = quoted_label(tok, lex, ctx.in_quotes) if label is None else None
        spk_tok = find_speaker(tok, [tok.i], lex, ctx.cue_set) if quoted is not None else spk_tok
        if quoted is not None and spk_tok is not None and is_actor_head(spk_tok, lex):
            # "called the remarks “a wake-up call”": a label in the speaker's own words (PolNeAR cue)
            yield Draft(sent.start, sent.end, [tok.i], tok.lemma_.lower(), StatementType.STATEMENT, weights.LABEL,
                        mention_for(spk_tok, lex), [], quoted, Mode.DIRECT, is_negated(tok, lex),
                        is_hypothetical(tok, sent), weights.LABEL)


def cue_statements(
    tok: Token, cue: Cue, cue_idx: list[int], sent: SpacySpan, lex: Lexicon, ctx: DocCues
) -> Iterator[Draft]:
    """:func:`_cue_drafts`, their targets settled by :func:`kg.extract.targets.settle_targets`
    ("Responding to X's criticism, Y said ...", "tough on the American forces")."""
    for d in _cue_drafts(tok, cue, cue_idx, sent, lex, ctx):
        d.targets = settle_targets(tok, d.targets, lex, tok.doc[d.speaker.head])
        yield d


def _cue_drafts(
    tok: Token, cue: Cue, cue_idx: list[int], sent: SpacySpan, lex: Lexicon, ctx: DocCues
) -> Iterator[Draft]:
    """The drafts of one verbal cue ``tok`` of ``sent`` (``cue_idx``: the cue's token indices).

    Reporting cues (``cue.kind == "report"``) are typed by their reported clause
    (:func:`kg.extract.clauses.analyse_clause`); speech-act cues take their targets from
    :func:`kg.extract.targets.find_targets`, turned into DENY, THREATEN or an extra
    ultimatum by the shape helpers of this module.  Yields nothing for a requested act
    ("urged X to meet"), a background relation, a verb inside someone else's quotation,
    a content-only cue with no content, or a cue without an actor speaker.
    """
    doc = tok.doc
    if is_requested_action(tok, ctx.cue_matches):
        return
    if cue.kind == "act" and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in tok.children) and (
            cue.type == StatementType.SUPPORT and (tok.dep_ == "relcl" or sent.start > 0)):
        # "Russia, which backs Assad, ...", "Iran backs Hezbollah": a standing relation in the
        # background, no statement (a headline's present tense tells an event: "X backs Y")
        return
    if cue.kind == "act" and tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return  # "rejected Kenya's request to brief it", "a plan to condemn X": the act is the noun's content
    if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "csubjpass") and subject_of(tok) is None and tok.i > sent.start:
        # "because negotiating with armed groups is a crime": an act named as a thing, nobody's statement (at the
        # start of a sentence the parser also takes a participle for one: "Claiming X, Trump told Fox ...")
        return
    voice = None
    if tok.i in ctx.in_quotes:
        subj = own_speaker(tok, lex)
        if subj is None or not (is_pronoun(subj) and subj.lower_ in FIRST_PERSON):
            # ""Norway calls on X ...," envoy Berg said": the envoy voices her state's act
            voice = state_voice(tok, lex, ctx.cue_matches, ctx.in_quotes) if cue.kind != "report" else None
            if voice is None:
                return  # a verb inside a quotation is the quoted speaker's words, not a statement of the text
    consult_only = False
    if cue.lemma in lex.words.content_only_cues and cue.type != StatementType.CONSULT and not says_something(tok, cue_idx, sent):
        if cue.kind != "report" or not meeting_partners(tok, lex):
            return  # "spoke at a rally": no speech act without what was said ("spoke with X" is a conversation)
        consult_only = True  # "After talks with X, Y reaffirmed its commitment": the meeting, no statement
    if lex.words.obligation_modals & {c.lower_ for c in tok.children if c.dep_ == "aux"} and not (
            (sj := subject_of(tok)) is not None and sj.lower_ in FIRST_PERSON):
        return  # "X said Peru must apologize": the act asked of Peru, not one it made (clauses type the APPEAL)
    if cue.lemma in lex.words.own_subject_cues and own_speaker(tok, lex) is None:
        return  # "trade grew 50 percent compared with last year": no one compares
    if cue.lemma in lex.words.negating_heads and cue.type == StatementType.REJECT and any(
            x.dep_ == "xcomp" and ((x.i in ctx.cue_matches and ctx.cue_matches[x.i][0].type not in COOPERATIVE_TYPES)
                                   or x.lemma_.lower() in lex.words.silence_verbs) for x in tok.children):
        return  # "declined to criticise X", "refused to comment": the inner act is negated, nothing rejected
    spk_tok = voice or find_speaker(tok, cue_idx, lex, ctx.cue_set)
    if spk_tok is None or not (is_actor_head(spk_tok, lex) or example_members(spk_tok, lex)):
        return
    if cue.type == StatementType.SUPPORT and (agent := participle_agent(tok)) is not None and agent.i == spk_tok.i:
        return  # "forces backed by Iran": material backing, no voiced support
    speaker = mention_for(spk_tok, lex)
    label = labeling(tok, lex, ctx.events) if tok.lemma_.lower() in lex.words.label_verbs else None
    if label is not None:
        yield Draft(sent.start, sent.end, cue_idx, tok.lemma_.lower(), label[0], cue.prior, speaker, label[1],
                    content_range(tok, cue_idx, spk_tok), Mode.SPEECH_ACT, is_negated(tok, lex),
                    is_hypothetical(tok, sent), weights.LABEL)
        return
    negated = is_negated(tok, lex)
    hypo = is_hypothetical(tok, sent) or speculated(tok, spk_tok, ctx.cue_matches)
    content = content_range(tok, cue_idx, spk_tok)
    mode = content_mode(doc, content, cue)
    lemma = " ".join(doc[j].lemma_.lower() for j in cue_idx) if cue.particle or cue.obj else tok.lemma_.lower()
    if cue.lemma == "according":
        lemma = "according to"
    base = dict(sent_start=sent.start, sent_end=sent.end, cue_tokens=cue_idx, cue_lemma=lemma,
                prior=cue.prior, speaker=speaker, content=content, mode=mode,
                negated=negated, hypothetical=hypo)
    consult = meeting_partners(tok, lex) if cue.kind == "report" and not pair_speaker(spk_tok) else []
    if consult:
        yield Draft(type=StatementType.CONSULT, targets=consult, evidence=weights.REPORT_MEETING,
                    **{**base, "cue_lemma": "talk with", "content": None, "mode": Mode.SPEECH_ACT})
    if consult_only:
        return
    if cue.kind == "report":
        clause_verbs = [c for c in tok.children if c.dep_ in ("ccomp", "parataxis")] or hung_clauses(tok)
        if cue.lemma == "according":
            clause_verbs = [tok.head] if tok.head.i != tok.i else []
            while clause_verbs and clause_verbs[0].dep_ in ("ccomp", "xcomp") and clause_verbs[0].head.pos_ in ("VERB", "AUX"):
                # "X allowed Y to hold a rally, according to Z", the parser hanging the source on
                # "hold": Z is the source of the whole sentence, the clause of its main verb
                clause_verbs = [clause_verbs[0].head]
        findings: list[tuple[StatementType, list[Token], float]] = []
        quoted = any(doc[j].text in QUOTE_CHARS or doc[j].text in OPENING_QUOTES + CLOSING_QUOTES
                     for j in range(sent.start, tok.i))
        for v in clause_verbs:
            if v.i < tok.i and past_event(v) and not quoted and not own_pronoun(subject_of(v)):
                continue  # the trailing source of a reported past event states nothing of its own
            findings.extend(analyse_clause(v, lex, speaker=spk_tok, events=ctx.events))
        for c in tok.children:
            # "“We treat this as a hostile act, a grave violation by Washington,” the ministry said":
            # a noun phrase of the quotation the parser hung on the cue
            if c.dep_ in ("dep", "npadvmod", "appos", "dobj") and c.pos_ == "NOUN" and c.i in ctx.in_quotes and \
                    lex.content_class(c.lemma_) in (ContentClass.CRIME_NOUN, ContentClass.WRONG_VERB, ContentClass.NEGATIVE):
                by = [p for p in prep_objects(c, {"by"}) if is_actor_head(p, lex) and not speaker_side(p, spk_tok)]
                if by:
                    findings.append((StatementType.ACCUSE, by, weights.CLAUSE_EXPLICIT))
        if cue.type == StatementType.DENY and not findings:
            accusers = dismissed_accusers(tok, lex, spk_tok)
            if accusers:
                # "..., something Moscow denies": a denial of the accusations' authors
                yield Draft(type=StatementType.DENY, targets=accusers, evidence=weights.DISMISSED_ACCUSERS, **base)
                return
        if findings and cue.type in (StatementType.STATEMENT, StatementType.DEMAND):
            seen: set[tuple[StatementType, tuple[int, ...]]] = set()
            resolved = [
                (stype, [m for h in heads if is_actor_head(h, lex) for m in actor_mentions(h, lex)], ev)
                for stype, heads, ev in findings
            ]
            with_targets = {stype for stype, targets, _ in resolved if targets}
            if cue.type == StatementType.DEMAND:
                # "insisted that X must withdraw": the cue makes the request a demand (CAMEO 10x)
                resolved = [(StatementType.DEMAND if t == StatementType.APPEAL else t, ts, ev) for t, ts, ev in resolved]
            for stype, targets, ev in resolved:
                if not targets and stype in with_targets:
                    continue
                key = (stype, tuple(sorted(m.head for m in targets)))
                if key in seen:
                    continue
                seen.add(key)
                yield Draft(type=stype, targets=targets, evidence=ev, **base)
            return
        if (cue.type == StatementType.STATEMENT and clause_verbs and clause_verbs[0].i < tok.i and not quoted
                and past_event(clause_verbs[0]) and not own_pronoun(subject_of(clause_verbs[0]))
                and not any(v.i > tok.i for v in clause_verbs)):  # "X was ... and he stressed that ...": a clause of its own
            # "Zambia extradited X to Britain, an official said": the source of a
            # reported past event, not a statement (CAMEO codes the event itself)
            return
        targets = find_targets(tok, cue, cue_idx, lex, ctx.events, spk_tok) if cue.type != StatementType.STATEMENT else []
        if cue.type == StatementType.DENY:
            # "denied sending troops into X": a denial of the speaker's own act, aimed at the accuser
            targets = denied_act_targets(tok, targets, lex, spk_tok)
        if (cue.type == StatementType.STATEMENT and clause_verbs and cue.lemma not in lex.words.media_cues
                and (quoted or not (clause_verbs[0].i < tok.i and past_event(clause_verbs[0])))):
            # whom the reported or quoted clause is about (CAMEO 010): kg.extract.targets.content_targets
            # a cue inside the quotation states nothing itself unless its subject is "I"/"we" (cue_statements):
            # the quotation is about whoever it names as the doer ("he", "Berlin has criticised ..."), but
            # not the side a speaker speaks for in the present ("China calls on ...")
            others = {i for i in ctx.cue_set if i not in ctx.in_quotes or (
                (sj := subject_of(doc[i])) is not None and (sj.lower_ in FIRST_PERSON or (
                    doc[i].tag_ in ("VBZ", "VBP") and not is_pronoun(sj))))}
            targets = content_targets(clause_verbs, lex, spk_tok, skip=others, quoted=quoted or mode == Mode.DIRECT)
            if not targets and tok.head.i not in ctx.cue_matches:
                # "visited the Croats, saying their ...": the act's object the clause points back at (after a
                # speech act, "criticised the Croats, saying their ...", the clause only goes on with that act,
                # which already has its target: no second record of it)
                targets = pointed_object(tok, clause_verbs, lex, spk_tok)
        yield Draft(type=cue.type, targets=targets, evidence=weights.CUE_ALONE, **base)
    else:
        stype = cue.type
        if cue.lemma == "ask" and asks_a_question(tok, sent):
            # "“Who will pay?” she asked", "asked whether X would ...": a question, no request
            yield Draft(type=StatementType.STATEMENT, targets=[], evidence=weights.CUE_ALONE, **base)
            return
        targets = find_targets(tok, cue, cue_idx, lex, ctx.events, spk_tok)
        if not targets and stype in (StatementType.APPEAL, StatementType.DEMAND):
            # ""We urge you to act now," X told the council": the "you" is whom the quotation is told to
            targets = quote_addressee(tok, lex, ctx.cue_matches, ctx.in_quotes)
        if stype in (StatementType.REJECT, StatementType.DENY):
            accusers = dismissed_accusers(tok, lex, spk_tok)
            if accusers is not None:
                # "rejected the accusations", "the accusations Moscow has rejected": a denial
                # aimed at the accuser (CAMEO 016); "dismissed the experts' findings": at the owners
                # of the findings the target rules found, when no author is named
                stype, targets = StatementType.DENY, accusers or targets
        if cue.lemma == "oppose" and stype == StatementType.CRITICIZE and opposes_a_proposal(tok):
            stype = StatementType.REJECT  # "opposes the plan", "is opposed to X's mediation" (taxonomy: REJECT)
        acted_on = participle_noun(tok)
        if acted_on is not None:
            targets = []  # "a meeting of the Council requested by X to discuss Y": the Council is asked
        if not targets and stype in PARTICIPLE_TARGET_TYPES and acted_on is not None:
            # "Trump's plan, which was rejected by the Palestinians", "the U.S. plan rejected by Iran",
            # "a session of the Council requested by France": the owner of the thing acted on
            named = acted_on.pos_ == "PROPN" and is_actor_head(acted_on, lex)
            targets = [m for m in (actor_mentions(acted_on, lex) if named else inner_actors(acted_on, lex))
                       if not speaker_side(doc[m.head], spk_tok)]
        if not targets and stype in EVENT_TARGET_TYPES:
            targets = event_agents(tok, ctx.events, lex)
        if stype == StatementType.PROMISE:
            threat = threat_in_complement(tok, lex)
            if threat is not None:
                stype, targets = StatementType.THREATEN, threat
        extra: list[tuple[StatementType, list[MentionRef], float]] = []
        if stype == StatementType.WARN:
            threat = threat_in_warning(tok, lex)
            if threat:
                # "warned that Canada was ready to take action against it" (CAMEO 13x)
                stype, targets = StatementType.THREATEN, threat
            elif not targets:
                targets, extra = warning_content(tok, lex, spk_tok, ctx.events)
            else:
                # "warned that the cooperation between X and Y is illegal": the warning's targets stand, the
                # accusation or criticism in its clause is a statement of its own
                extra = warning_content(tok, lex, spk_tok, ctx.events)[1]
        if not targets and cue.text in lex.words.target_only_cues:
            return  # "the team hit back in the second half": a retort only at someone
        if cue.lemma in lex.words.dyadic_support_cues and (
                not targets or tok.dep_ in ("pcomp", "acl", "relcl", "amod", "advcl")
                or any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in tok.children)):
            return  # "supported education", "was supported by X", "by supporting X": no voiced support
        if stype == StatementType.CONSULT and cue.lemma in lex.words.topic_consult_cues:
            # "discussed China's role in the region": the topic and its owner are no partner; "discussed it
            # with X", "negotiated between X and Y" name one (CAMEO 04x)
            targets = [m for m in targets if partner_object(doc[m.head])]
        if stype == StatementType.CONSULT:
            # "held a summit in Nairobi": the place of a meeting is no partner of it; "briefed
            # reporters": the press is no party consulted (CAMEO 04x)
            targets = [m for m in targets if not (doc[m.head].dep_ == "pobj" and doc[m.head].head.lower_ in PLACE_PREPS)
                       and doc[m.head].lower_ not in lex.words.press_audiences and not is_media(m, doc, lex)]
            targets = placed_group_actors(targets, doc, lex)  # "met with officials in Germany": Germany
        if stype == StatementType.CONSULT and cue.particle == "with" and not conversation_partners(targets, speaker, doc, lex):
            return  # "speaking with advisers", "VOA spoke with X": no partner, or an interview
        if cue.text in lex.words.infinitive_cues and not [m for m in targets if doc[m.head].lower_ != spk_tok.lower_]:
            return  # "looking to X to ...": without an addressee (or with the speaker as one) no appeal
        if not targets and stype in DYADIC_ONLY and not (stype == StatementType.CONSULT and coordinated_actors(spk_tok, lex)):
            return  # "Kenya and Ethiopia held a summit": the speakers are each other's targets (statements.SYMMETRIC)
        yield Draft(type=stype, targets=targets, evidence=weights.ACT_WITH_TARGET if targets else weights.CUE_ALONE, **base)
        for xtype, xtargets, ev in extra:
            # "warned that the cooperation between X and Y is illegal": the warning accuses X and Y
            yield Draft(type=xtype, targets=xtargets, evidence=ev, **base)
        if stype in (StatementType.APPEAL, StatementType.DEMAND) and targets and or_face_threat(tok, lex):
            # "called on Moscow to defuse the crisis or face further sanctions": an ultimatum (CAMEO 13x)
            yield Draft(type=StatementType.THREATEN, targets=targets, evidence=weights.ULTIMATUM, **base)
