"""Statement-finding rules: pure functions over a parsed spaCy ``Doc``.

This is the driver: :func:`find_statements` runs the per-sentence rules
(:mod:`kg.extract.verbal`, :mod:`kg.extract.nominal`, the headline rule) and the
post-passes (quotations over several sentences, warnings joined with their threats,
coordinated speakers, unnamed sources).  It yields :class:`~kg.extract.mentions.Draft`
records that still point at tokens; :mod:`kg.extract.coref` then resolves the speaker
and target mentions to article-level actors.

Imports run one way: :mod:`~kg.extract.quotes`, :mod:`~kg.extract.syntax` <-
:mod:`~kg.extract.mentions` <- :mod:`~kg.extract.events` <- :mod:`~kg.extract.speakers`,
:mod:`~kg.extract.targets` <- :mod:`~kg.extract.clauses` <- :mod:`~kg.extract.verbal`,
:mod:`~kg.extract.nominal`, :mod:`~kg.extract.adjectival`, :mod:`~kg.extract.deadlines` <- this module <- :mod:`~kg.extract.components`.

What the rules cover (``../shared/docs/design.md``, "What the extractor must
get right"):

* reporting and speech-act cues from :mod:`kg.extract.lexicon`, single verbs
  and multi-word cues ("call on", "hold talks", "rule out", "according to");
* speakers before or after the cue, passive agents ("was condemned by X"),
  participial and coordinated cues that inherit the governing speaker
  ("..., saying ...", "..., urging X to ...", "said ... and called on ..."),
  headlines of the form "Claim: Speaker";
* targets from the content: the subject, owner or agent of the reported or
  quoted clause, also over a quotation of several sentences, the addressee of
  "X said Y should ..." (an APPEAL), the doer of the act "the move" points back
  at (:func:`kg.extract.targets.content_targets` and its neighbours);
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

from bisect import bisect_left
from typing import Iterator

import numpy as np
from spacy import symbols
from spacy.attrs import LEMMA, LOWER, ORTH, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.extract import weights
from kg.extract.clauses import analyse_clause, terror_like
from kg.extract.adjectival import adjective_statements
from kg.extract.deadlines import deadline_statements
from kg.extract.events import Events, event_index
from kg.extract.lexicon import Cue, Lexicon
from kg.extract.mentions import (
    actor_mentions, Draft, MentionRef, is_actor_head, is_anonymous, is_media, document_name, mention_for, nonspecific_mention, storm_name,
    thing_mention,
)
from kg.extract.nominal import find_nominal_statements, meeting_noun_statements
from kg.extract.quotes import OPENING_QUOTES, quote_balance, quoted_tokens
from kg.extract.speakers import coordinated_actors, example_members, headline_speaker, stance_subject
from kg.extract.syntax import clause_objects, is_hypothetical, match_cue, subject_of
from kg.extract.targets import content_targets, headline_capitals
from kg.extract.verbal import cue_statements, DocCues, in_reported_clause, uncued_verb_statements, viewpoint_owner
from kg.model import Mode, StatementType


#: Types a coordinated subject can hold among its own members ("X and Y agreed").
SYMMETRIC = frozenset({StatementType.AGREE, StatementType.CONSULT})


def find_statements(doc: Doc, lex: Lexicon) -> Iterator[Draft]:
    """Yield one :class:`Draft` per (speaker, cue, type) found in ``doc``, in text order.

    Coordinated speakers ("Mordor, the Shire and Bree welcomed ...") give one
    draft each; for symmetric types (AGREE, CONSULT) without a target, each
    speaker targets the others.  Unnamed sources ("a senior official said")
    and news media ("AFP reported") give no STATEMENT: they attribute, they do
    not state (PETRARCH/CAMEO coding practice).  No target is a title-cased headline's
    common noun (:func:`kg.extract.targets.headline_capitals`).
    """
    events, in_quotes = event_index(doc, lex), quoted_tokens(doc)  # once per doc, for both passes
    drafts = _warnings_with_threats(list(_raw_statements(doc, lex, events, in_quotes)))
    drafts += _quote_continuations(doc, lex, drafts, events, in_quotes)
    for d in drafts:
        # a title-cased headline's common noun, a name the article uses for a kind of thing ("the
        # Schengen zone"), is no target, whichever rule found it
        d.targets = [m for m in d.targets if not headline_capitals(doc[m.head], lex) and not thing_mention(m, doc, lex)
                     and not nonspecific_mention(m, doc, lex) and not first_person_owned(m, doc)
                     and not viewpoint_owner(doc[m.head])
                     and not (d.type == StatementType.STATEMENT and crowd_nationality(m, doc))]
        if d.type == StatementType.STATEMENT and (is_anonymous(d.speaker, doc, lex) or is_media(d.speaker, doc, lex)):
            continue
        if (not_speech(d, doc, lex) or storm_name(d.speaker, doc, lex) or document_name(d.speaker, doc, lex)
                or first_person_owned(d.speaker, doc)):
            continue
        if not d.targets and is_anonymous(d.speaker, doc, lex):
            continue  # "defence officials cautioned that ...": an unnamed source without a target
        head = doc[d.speaker.head]
        members = example_members(head, lex)
        if members:
            # "leaders such as X and Y condemned ...": the named examples speak, each on its own
            for m in members:
                yield Draft(d.sent_start, d.sent_end, d.cue_tokens, d.cue_lemma, d.type, d.prior, mention_for(m, lex),
                            d.targets, d.content, d.mode, d.negated, d.hypothetical, d.evidence)
            continue
        conj = coordinated_actors(head, lex) if d.speaker.label != "PRON" else []
        # "the Islamic State of Iraq and the Levant": coordination inside one name is no list
        conj = [c for c in conj if not d.speaker.start <= c.i < d.speaker.end]
        if not conj:
            if not interview_label(d, d.speaker, doc, lex):
                yield d
            continue
        speakers = sorted([head, *conj], key=lambda t: t.i)
        mentions = [mention_for(t, lex) for t in speakers]
        for m in mentions:
            if interview_label(d, m, doc, lex):
                continue
            targets = d.targets
            if not targets and d.type in SYMMETRIC:
                targets = [o for o in mentions if o is not m]
            yield Draft(d.sent_start, d.sent_end, d.cue_tokens, d.cue_lemma, d.type, d.prior, m, targets,
                        d.content, d.mode, d.negated, d.hypothetical, d.evidence)


#: Quantifiers of a crowd ("many Chinese teenagers", "some Egyptian officers"): nobody in particular.
CROWD_QUANTIFIERS = frozenset({"many", "most", "some", "few", "several", "numerous", "countless", "various", "all", "every", "more"})


def crowd_nationality(m: MentionRef, doc: Doc) -> bool:
    """A nationality adjective on a quantified common noun ("Many European consumers choose ...", "most Chinese
    teenagers", "some (Turkish and Egyptian) intelligence officers"): in a plain STATEMENT it says where an unnamed
    crowd is from, it names no actor the statement is about (issue 14, hand check).  The caller applies it to
    STATEMENT only: "criticized many Lumerian strikes" criticizes the country whose acts they are."""
    tok = doc[m.head]
    if tok.pos_ not in ("ADJ", "PROPN") or tok.ent_type_ != "NORP":
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "(Turkish and Egyptian) officers"
    noun = tok.head
    if tok.dep_ != "amod" or noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    return any(c.dep_ in ("amod", "det", "quantmod", "advmod") and c.lower_ in CROWD_QUANTIFIERS for c in noun.children)


def first_person_owned(m: MentionRef, doc: Doc) -> bool:
    """A mention owned by the first person ("our secretary of state", "my colleagues", "our allies"):
    inside someone's quotation it names the quoted speaker's own side, neither a target of that speaker
    nor an actor kg can name (:func:`kg.extract.mentions.speaker_side` treats "our X" so in clauses)."""
    return m.label == "AGENT" and any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in doc[m.head].children)


def not_speech(d: Draft, doc: Doc, lex: Lexicon) -> bool:
    """A draft whose cue word is used in a sense that states nothing (issue 14, kinds found on unseen news):

    * a physical act (:func:`physical_sense`: "rebels attacked nearly ten villages", "has been ripping off
      our farmers");
    * a reporting verb with a noun object instead of a report ("agreed to add two members", "turn to X to meet
      its defense requirements"; ``words.tsv`` ``object_sense_cues``): "add" with any noun object, "meet"
      with an object that is no actor;
    * a speaker quantified away ("no other country had offered ...", "none of the parties agreed");
    * a participle whose "speaker" underwent it (:func:`undergoer_speaker`: "stand accused of ...");
    * a CONSULT with the press only ("in a conversation with journalists", ``press_audiences``);
    * "offer" with information as object ("offered no evidence", ``information_nouns``): no PROMISE;
    * a reporter's request ("an email requesting comment", ``press_requests``), a plea in court ("pleaded
      not guilty"), a price charged ("was charging 25% more"), a race called ("called the election for X"), a legal appeal ("appeal the verdict", ``legal_objects``).
    """
    cue = doc[d.cue_tokens[0]]
    if d.type == StatementType.CONSULT and d.targets and all(
            doc[m.head].lower_ in lex.words.press_audiences for m in d.targets):
        return True  # "in a conversation with journalists": talking to the press consults no one
    if d.type == StatementType.APPEAL and any(c.dep_ == "dobj" and c.lemma_.lower() in lex.words.press_requests
                                              for c in cue.children):
        return True  # "an email requesting comment": a reporter's request
    if d.cue_lemma == "call for" and cue.lemma_.lower() == "call" and any(c.dep_ == "dobj" for c in cue.children):
        return True  # "the AP called the election for Biden": a projection, no appeal
    if d.cue_lemma == "appeal" and any(
            o.lemma_.lower() in lex.words.legal_objects for c in cue.children if c.dep_ in ("dobj", "prep")
            for o in ([c] if c.dep_ == "dobj" else [x for x in c.children if x.dep_ == "pobj"])):
        return True  # "will appeal the verdict", "appealed against the ruling": a legal appeal
    if d.cue_lemma == "plead" and any(c.lower_ in ("guilty", "innocent") for c in cue.children):
        return True  # "pleaded not guilty": a plea in court, no appeal
    if d.cue_lemma == "charge" and any(t.ent_type_ in ("MONEY", "PERCENT") or t.lower_ in ("more", "less", "fee", "fees")
                                       for c in cue.children if c.dep_ in ("dobj", "npadvmod") for t in c.subtree):
        return True  # "was charging 25% more for electricity": a price, no accusation
    if d.cue_lemma == "offer" and any(c.dep_ == "dobj" and c.lemma_.lower() in lex.words.information_nouns
                                      for c in cue.children):
        return True  # "offered no evidence", "to offer an impartial assessment": information, no promise
    if doc[d.speaker.start].lower_ in ("no", "none", "neither"):
        return True
    if d.cue_lemma in lex.words.object_sense_cues and cue.pos_ == "VERB":
        objs = [c for c in cue.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        if objs and (d.cue_lemma != "meet" or not any(is_actor_head(o, lex) for o in objs)):
            if not any(c.dep_ in ("ccomp", "parataxis") for c in cue.children):
                return True
    if undergoer_speaker(d, cue):
        return True
    if d.type == StatementType.CRITICIZE and cue.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ in ("into", "onto") for c in cue.children):
        return True  # "the cyclone slammed into the coast", "the truck ploughed into the crowd"
    return d.cue_lemma in lex.words.physical_cues and physical_sense(cue, lex)


def interview_label(d: Draft, m: MentionRef, doc: Doc, lex: Lexicon) -> bool:
    """A news outlet at the head of a line of an interview or a headline ("VOA: Putin recently visited
    China ..."): it asks or titles, it states nothing (one speaker of a draft; the others stay)."""
    after = doc[m.end] if m.end < len(doc) else None
    return (d.cue_lemma == ":" or (after is not None and after.text == ":")) and is_media(m, doc, lex)


def undergoer_speaker(d: Draft, cue: Token) -> bool:
    """A participle cue whose "speaker" is the one it was done to ("Two soldiers stand accused of the
    bombing", "Senator Lind, accused of fraud, denied ...", "remained criticized for ..."): a past
    participle without a "by" agent, modifying the speaker or predicated of it."""
    head = d.speaker.head
    stance = stance_subject(cue)
    if stance is not None and stance.i == head:
        return False  # "Brazil is opposed to the plan", "remains opposed to": the subject's own stance
    if any(c.dep_ == "nsubjpass" and c.i == head for c in cue.children) or (
            any(c.dep_ == "auxpass" for c in cue.children) and not any(
                c.dep_ == "agent" and any(o.i == head for o in c.children) for c in cue.children)):
        # "the province ... is threatened by the trade": the speaker is the passive subject (also one
        # inherited from a conjunct), not its agent
        return True
    if cue.tag_ == "VBN" and cue.dep_ == "advcl" and cue.i < head and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in cue.children) and subject_of(cue.head) is not None \
            and subject_of(cue.head).i == head:
        return True  # "Asked by VOA ..., Rubio said", "Pressed on how sure he was, X said": X was asked
    if cue.tag_ != "VBN" or any(c.dep_ == "agent" for c in cue.children):
        return False
    if any(c.dep_ == "ccomp" and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) for c in cue.children):
        return False  # "X, a key figure, joked [VBN] that Y is ...": a said clause, the speaker's own act
    if cue.dep_ == "acl" and cue.head.i == head:
        return True  # "Lind, accused of fraud, ..."
    if cue.dep_ in ("acomp", "oprd", "xcomp", "ccomp") and cue.head.lemma_.lower() in ("stand", "remain", "be", "become", "feel", "get", "seem"):
        subj = subject_of(cue.head)
        return subj is not None and subj.i == head
    return False


def physical_sense(cue: Token, lex: Lexicon) -> bool:
    """Whether an attack-like cue (``words.tsv`` ``physical_cues``) names a physical act rather than words.

    Words need a sign of speech: a reason ("attacked the paper for refusing ...", "over its remarks"),
    a said thing or policy as object (``criticized_things``: "attacked the decision"), or a person, party
    or organization as object of a subject that is not armed.  A noun ("the attack on the train"), a
    particle verb ("ripping off farmers"), an armed subject whatever follows (agents.tsv roles MIL/REB,
    ``armed_nouns``, terror words: "al-Shabab has been attacking Kenyan troops") or a place or a thing as object ("attacked
    nearly ten villages") is an act, not a statement (CAMEO codes it as 19x/18x, not 111).
    """
    if cue.pos_ != "VERB" or any(c.dep_ == "prt" and c.lower_ in ("off", "up", "apart") for c in cue.children):
        return True
    subj = subject_of(cue) or (cue.head if cue.dep_ in ("conj", "xcomp") else None)
    if subj is not None and subj.pos_ in ("VERB", "AUX"):
        subj = subject_of(subj)  # "has been attacking and fighting": the first verb's subject
    armed = subj is not None and (lex.agent_role(subj.lemma_.lower()) in ("MIL", "REB")
                                  or subj.lemma_.lower() in lex.words.armed_nouns or subj.lower_ in lex.words.armed_nouns
                                  or terror_like(subj, lex))
    if armed:
        return True  # "rebels could again attack villages for supplies"
    if any(c.dep_ == "prep" and c.lower_ in ("for", "over") for c in cue.children):
        return False
    for o in (c for c in cue.children if c.dep_ == "dobj"):
        if o.lemma_.lower() in lex.words.criticized_things:
            return False
        if not armed and (o.ent_type_ in ("PERSON", "ORG", "NORP") or o.pos_ == "PRON" or (
                not o.ent_type_ and is_actor_head(o, lex) and lex.agent_role(o.lemma_.lower()) not in ("MIL", "COP", "REB"))):
            return False  # "attacked Senator Lind", "attacked Belmora's leaders"; not "attacked the troops"
    return True


def _quote_continuations(doc: Doc, lex: Lexicon, drafts: list[Draft], events: Events | None = None,
                         in_quotes: set[int] | None = None) -> list[Draft]:
    """Statements in the other sentences of a quotation that runs over several
    sentences or paragraphs: ""We treat this as a hostile act. Otherwise the USA
    will bear the blame," the ministry said." The sentences without a cue of their
    own inside the same quotation belong to the cue's speaker; their clauses are
    typed like a reported clause (:func:`analyse_clause`), and the content of the
    cue's statement is widened to the whole quotation."""
    sents = list(doc.sents)
    index = {s.start: k for k, s in enumerate(sents)}
    cued = {index[d.sent_start] for d in drafts if d.sent_start in index}
    events = event_index(doc, lex) if events is None else events
    out: list[Draft] = []
    done: set[int] = set()
    in_quote: set[int] | None = in_quotes  # quoted_tokens(doc), computed once when needed
    for d in drafts:
        k = index.get(d.sent_start)
        if k is None or d.cue_lemma not in lex.report_lemmas or k in done:
            continue
        done.add(k)
        balance = quote_balance(sents[k].text)
        span: list[int] = []
        step = 1 if balance > 0 else -1 if balance < 0 else 0
        j = k + step
        while step and 0 <= j < len(sents) and abs(j - k) <= 4 and j not in cued:
            span.append(j)
            b = quote_balance(sents[j].text)
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
                    if quote_balance(" ".join(sents[x].text for x in run)) == 0:
                        span += run
                        break
                    j += 1
        if not span:
            continue
        speaker_tok = doc[d.speaker.head]
        lo = min([sents[j].start for j in span] + [d.content[0] if d.content else sents[k].start])
        hi = max([sents[j].end for j in span] + [d.content[1] if d.content else sents[k].end])
        d.content = (lo, hi)
        typed_before = len(out)
        for j in span:
            sent = sents[j]
            for stype, heads, ev in analyse_clause(sent.root, lex, speaker=speaker_tok, events=events):
                targets = [m for h in heads if is_actor_head(h, lex) for m in actor_mentions(h, lex)]
                if stype == StatementType.STATEMENT or not targets:
                    continue
                out.append(Draft(sent.start, sent.end, d.cue_tokens, d.cue_lemma, stype, d.prior, d.speaker, targets,
                                 (lo, hi), Mode.DIRECT, False, is_hypothetical(sent.root, sent), ev * weights.NESTED_STEP))
        if d.type == StatementType.STATEMENT and not d.targets and len(out) == typed_before:
            # ""Chile is no friend of ours. It has broken ...," X said": the cue's sentence points back with
            # "it"/"he"/"she"/"they" at whom the quotation is about, named as the subject of its first
            # sentence that names someone (kg.extract.targets.content_targets)
            if in_quote is None:
                in_quote = quoted_tokens(doc)
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("it", "he", "she", "they") and t.i in in_quote
                   for t in sents[k]):
                for j in sorted(span):
                    d.targets = content_targets([sents[j].root], lex, speaker_tok, subject_only=True)
                    if d.targets:
                        break
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


class _Columns:
    """Where one doc's tokens pass the first tests of the per-sentence rules, read with ``Doc.to_array``
    (numpy over hash ids; strings only for the doc's distinct lemmas): sorted token indices, for
    :func:`_raw_statements` to skip a rule pass on a sentence without a token the pass's own first
    test accepts, so the output is the same as running every pass on every sentence."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        strings = doc.vocab.strings
        arr = doc.to_array([POS, TAG, LEMMA, LOWER, ORTH])
        pos, tag, lemma, lower, orth = (arr[:, k] for k in range(5))
        verbal = np.isin(pos, [symbols.VERB, symbols.AUX])
        vb_tags = [h for h in np.unique(tag).tolist() if strings[h].startswith("VB")]
        lemma_ids, lemma_at = np.unique(lemma, return_inverse=True)
        lemma_low = [strings[h].lower() for h in lemma_ids.tolist()]
        lower_ids, lower_at = np.unique(lower, return_inverse=True)
        lower_str = [strings[h] for h in lower_ids.tolist()]

        def by_lemma(words) -> np.ndarray:
            return np.array([w in words for w in lemma_low], dtype=bool)[lemma_at] if len(doc) else np.zeros(0, bool)

        def by_form(words) -> np.ndarray:
            return np.array([w in words for w in lower_str], dtype=bool)[lower_at] if len(doc) else np.zeros(0, bool)

        def where(mask: np.ndarray) -> list[int]:
            return np.flatnonzero(mask).tolist()

        words = lex.words
        attitude = words.criticism_adjectives | words.support_adjectives
        nouns = lex.nominal.nouns
        noun, adj = pos == symbols.NOUN, pos == symbols.ADJ
        #: tokens match_cue can accept ("according", a verb by coarse or fine tag)
        self.cue_candidates = where(verbal | np.isin(tag, vb_tags) | (lower == get_string_id("according")))
        #: tokens uncued_verb_statements reads (verbs)
        self.verbal = set(where(verbal))
        self.separators = where(np.isin(orth, [get_string_id(w) for w in _HEADLINE_SEPARATORS]))
        self.nouns = where(noun & (by_lemma(nouns) | by_form(nouns))) if nouns else []
        self.attitude = where(adj & (by_lemma(attitude) | by_form(attitude)))
        self.deadline = where((pos == symbols.VERB) & by_lemma(words.deadline_verbs))
        self.meeting = where(noun & (by_lemma(words.consult_nouns) | by_form(words.consult_nouns)))

    @staticmethod
    def within(indices: list[int], start: int, end: int) -> list[int]:
        """The indices of ``indices`` (sorted) in ``start:end``."""
        return indices[bisect_left(indices, start):bisect_left(indices, end)]

    @staticmethod
    def any_in(indices: list[int], start: int, end: int) -> bool:
        """Whether one of ``indices`` (sorted) is in ``start:end``."""
        k = bisect_left(indices, start)
        return k < len(indices) and indices[k] < end


#: Separators :func:`kg.extract.speakers.headline_speaker` looks for (a sentence without one has no headline speaker).
_HEADLINE_SEPARATORS = frozenset({":", "-", "–", "—"})


def _raw_statements(doc: Doc, lex: Lexicon, events: Events | None = None,
                    in_quotes: set[int] | None = None) -> Iterator[Draft]:
    events = event_index(doc, lex) if events is None else events
    col = _Columns(doc, lex)
    cue_matches: dict[int, tuple[Cue, list[int]]] = {}
    for i in col.cue_candidates:
        m = match_cue(doc[i], lex)
        if m is not None:
            cue_matches[i] = m
    # "said Turkey supports terrorists, adding ...": a support verb inside a reported clause is
    # typed by the clause (kg.extract.clauses.backing), so it is no cue, nor a speaker for "adding"
    cue_matches = {i: m for i, m in cue_matches.items() if not (
        m[0].type == StatementType.SUPPORT and m[0].lemma in lex.words.support_verbs
        and (in_reported_clause(doc[i], cue_matches) or any(terror_like(o, lex) for o in clause_objects(doc[i]))))}
    cue_set = set(cue_matches)
    in_quotes = quoted_tokens(doc) if in_quotes is None else in_quotes
    ctx = DocCues(cue_matches, cue_set, in_quotes, events)
    for sent in doc.sents:
        s, e = sent.start, sent.end
        hl = headline_speaker(sent, lex) if col.any_in(col.separators, s, e) else None
        if hl is not None and not any(s <= i < e for i in cue_set):
            colon, spk, verb = hl
            found = analyse_clause(verb, lex) if verb is not None else []
            typed = found or [(StatementType.STATEMENT, [], weights.HEADLINE_UNTYPED)]
            for stype, heads, ev in typed:
                targets = [m for h in heads if is_actor_head(h, lex) for m in actor_mentions(h, lex)]
                yield Draft(s, max(e, spk.i + 1), [colon.i], ":", stype, weights.HEADLINE_PRIOR, mention_for(spk, lex), targets,
                            (s, colon.i), Mode.DIRECT, False, False, ev)
        # in text order, the tokens that can start a cue (the others start no cue and are no verbs)
        for i in col.within(col.cue_candidates, s, e):
            m = cue_matches.get(i)
            if m is None:
                if i in col.verbal:  # uncued_verb_statements reads verbs only
                    yield from uncued_verb_statements(doc[i], sent, lex, ctx)
                continue
            yield from cue_statements(doc[i], m[0], m[1], sent, lex, ctx)
        # statements carried by nouns ("X's criticism of Y", "drew condemnation from Y")
        if col.any_in(col.nouns, s, e):
            yield from find_nominal_statements(doc, sent, lex, cue_matches, events)
        # and by adjectives of attitude ("X was critical of Y", "While critical of Y, X said")
        if col.any_in(col.attitude, s, e):
            yield from adjective_statements(sent, lex, in_quotes)
        # and by deadlines ("gave Hamas 48 hours to release the hostages")
        if col.any_in(col.deadline, s, e):
            yield from deadline_statements(sent, lex, in_quotes)
        if hl is None and col.any_in(col.meeting, s, e):
            # "Ghana's talks with Togo", "talks between X and Y", "X-Y talks" (CAMEO 04x)
            yield from meeting_noun_statements(sent, lex, cue_matches)
