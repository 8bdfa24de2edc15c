"""Who speaks: the token heading the speaker of a cue (:func:`find_speaker`): its
own subject or passive agent, the antecedent of a relative clause, the subject a
coordinated cue hangs on, the speaker of a governing reporting cue ("..., saying ..."),
the issuer of a document ("a resolution urging ..."); the speaker of a "Claim: Speaker"
headline; who took part in talks; actors coordinated with a speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import actor_mentions, is_actor_head, is_media, MentionRef
from kg.extract.quotes import QUOTE_CHARS
from kg.extract.syntax import (
    ACTOR_ENTS,
    FIRST_PERSON,
    PERSONAL_PRONOUNS,
    RELATIVE,
    SUBJECTS,
    is_pronoun,
    passive_agent,
    prep_objects,
    subject_of,
)


def own_speaker(verb: Token, lex: Lexicon) -> Token | None:
    """The speaker ``verb`` names itself: its passive agent, else (for an active verb) its
    subject -- the antecedent for a relative pronoun ("X, who said"), the name in
    apposition for a descriptor (:func:`_named_appositive`); None for an agentless passive."""
    subj = passive_agent(verb)
    if subj is not None:
        return subj
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    subj = _subject_after_quote(verb) or subject_of(verb)
    if subj is not None and subj.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return _named_appositive(subj, lex) if subj is not None else None


def _subject_after_quote(verb: Token) -> Token | None:
    """The subject after the closing quotation mark when the parser gave the verb a
    subject inside the quotation too: "“My answer, that was a mistake,” the senator's
    adviser said" -> adviser, not "answer"; None when the verb has one subject."""
    subs = [c for c in verb.children if c.dep_ in SUBJECTS]
    closing = [c.i for c in verb.children if c.dep_ == "punct" and c.text in QUOTE_CHARS and c.i < verb.i]
    if len(subs) < 2 or not closing:
        return None
    return next((c for c in subs if c.i > max(closing)), None)


def participle_agent(verb: Token) -> Token | None:
    """The ``by``-agent of a passive participle that has no passive subject of its own: a
    reduced relative on a noun ("a meeting requested by France", "the plan rejected by
    Iran") or a passive conjoined under another verb ("which favours X and was rejected by
    Y").  The agent acts, not the subject of the clause the noun stands in ("Iran slammed
    the plan rejected by Syria": Syria rejects).  None for other verbs."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("nsubjpass", *SUBJECTS) for c in verb.children):
        return None
    if verb.dep_ not in ("acl", "conj", "relcl"):
        return None  # not a fronted "Asked by VOA whether ..., X said": the asker asks a question
    for child in verb.children:
        if child.dep_ == "agent":
            return next((p for p in child.children if p.dep_ == "pobj"), None)
    return None


def participle_noun(verb: Token) -> Token | None:
    """The noun a passive participle with a ``by``-agent qualifies: "the plan rejected by
    Iran" and "the plan, which was rejected by X" -> plan; also through a conjunct ("a plan
    which favours X and was rejected by Y"); a name too ("a session of the Council requested
    by France" -> Council, the parser's attachment); None otherwise."""
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    cur = verb.head if verb.dep_ == "conj" else verb
    if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN"):
        return cur.head
    return None


def _is_document(tok: Token, lex: Lexicon) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.words.document_nouns


def document_author(noun: Token, lex: Lexicon, _depth: int = 0) -> Token | None:
    """The author of a document noun (``lex.words.document_nouns``) that stands where a
    speaker would: its possessor ("the ministry's statement"), the object of "by"/"from"/"of"
    ("a report by Amnesty International", "a statement from the embassy"), or a name or
    nationality before it ("a Kremlin statement", "a U.N. report"), the agent of a participle
    on it ("a statement posted by X"), the subject of an issuing verb ("X issued a statement"); for "the/this statement", the author of the same
    document named in the two sentences before; None when the document names no actor
    ("a new report says": no one to attribute it to)."""
    for c in noun.children:
        if c.dep_ == "poss" and is_actor_head(c, lex) and c.lower_ not in ("its", "their"):
            return c
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
            for p in prep.children:
                if p.dep_ == "pobj" and is_actor_head(p, lex) and not is_pronoun(p):
                    return p
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and c.ent_type_ in ACTOR_ENTS and is_actor_head(c, lex):
            return c
    for c in noun.children:
        # "a statement posted by the news agency", "a letter signed by 40 lawmakers"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            for a in c.children:
                if a.dep_ == "agent":
                    p = next((x for x in a.children if x.dep_ == "pobj"), None)
                    if p is not None and is_actor_head(p, lex) and not is_pronoun(p):
                        return p
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.words.issuing_verbs:
        issuer = own_speaker(noun.head, lex)  # "X issued a statement"
        if issuer is not None and is_actor_head(issuer, lex) and not is_pronoun(issuer):
            return issuer
    if _depth == 0 and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        # "The statement threatened sanctions": the same document named with its author shortly before
        doc = noun.doc
        floor = doc[noun.sent.start - 1].sent.start if noun.sent.start > 0 else 0
        if floor > 0:
            floor = doc[floor - 1].sent.start
        for t in reversed(doc[floor:noun.i]):
            if t.pos_ == "NOUN" and t.lemma_.lower() == noun.lemma_.lower():
                author = document_author(t, lex, _depth=1)
                if author is not None:
                    return author
    return None


def _stranded_on_noun_root(cue_tok: Token) -> Token | None:
    """The speaker of a main verb the parser stranded as a participle on a sentence whose
    root is the speaker's name, often through the name's appositive: "Nigel Brand, a
    veteran lawmaker, joked that ..." (``joked`` an ``acl`` of "lawmaker", "Brand" the
    ROOT) -> the root.  Only with a reported clause of its own and no passive agent, so
    that "X, a man accused of fraud" stays a description."""
    if cue_tok.dep_ != "acl" or cue_tok.tag_ not in ("VBD", "VBN") or cue_tok.head.i > cue_tok.i:
        return None
    if not any(c.dep_ in ("ccomp", "parataxis") for c in cue_tok.children) or any(
            c.dep_ in ("agent", "auxpass", "nsubjpass") for c in cue_tok.children):
        return None
    head = cue_tok.head
    if head.dep_ == "appos":
        head = head.head
    if head.dep_ == "ROOT" and head.pos_ in ("PROPN", "NOUN"):
        return head
    return None


def _trailing_appositive(cue_tok: Token, lex: Lexicon) -> Token | None:
    """A trailing source the parser hung as an apposition on the clause's last noun:
    "Gondor will not yield, a close aide to the king said" (``aide`` an ``appos`` of
    "yield"'s noun, the reporting cue left without subject) -> the apposition's head;
    None when the cue has a subject or is no reporting verb, or nothing ends right before it."""
    if cue_tok.i == 0 or cue_tok.lemma_.lower() not in lex.report_lemmas or any(
            c.dep_ in (*SUBJECTS, "nsubjpass", "expl") for c in cue_tok.children):
        return None
    if not any(c.dep_ in ("ccomp", "parataxis") and c.i < cue_tok.i for c in cue_tok.children):
        return None
    prev = cue_tok.doc[cue_tok.i - 1]
    for t in [prev, *prev.ancestors]:
        if t.i >= cue_tok.i or t.right_edge.i != cue_tok.i - 1:
            break
        if t.dep_ == "appos" and t.head.i < t.i and t.left_edge.i > 0 and cue_tok.doc[t.left_edge.i - 1].text == ",":
            return t if is_actor_head(t, lex) else None
    return None


def _fronted_appositive(cue_tok: Token, lex: Lexicon) -> Token | None:
    """A subject the parser swallowed into a fronted phrase as an apposition: "In an
    interview with VOA, Dodik's lawyer, Anto Nobilo, said ..." (``Nobilo`` an ``appos`` of
    "VOA", the cue left without subject) -> the name right before the cue; None when the
    cue has a subject or nothing but a comma separates the phrase from it."""
    if cue_tok.i < 2 or any(c.dep_ in (*SUBJECTS, "nsubjpass", "expl") for c in cue_tok.children):
        return None
    doc = cue_tok.doc
    if not any(c.dep_ in ("prep", "advcl", "npadvmod") and c.i < cue_tok.i and c.right_edge.i >= cue_tok.i - 2
               for c in cue_tok.children):
        return None
    j = cue_tok.i - 1
    while j > 0 and doc[j].is_punct and doc[j].text not in QUOTE_CHARS:
        j -= 1
    last = doc[j]
    for t in [last, *last.ancestors]:
        if t.i >= cue_tok.i:
            break
        if t.dep_ == "appos" and t.right_edge.i == j and (t.ent_type_ == "PERSON" or lex.is_agent(t.lemma_.lower())):
            return t if is_actor_head(t, lex) else None
    return None


def _name_after_quote(cue_tok: Token, lex: Lexicon) -> Token | None:
    """A name between a closing quotation mark and a cue left without subject, which the parser
    hung inside the quotation: "“... proud of the minister,” Senator Mark Olsen, told VOA"
    (``Olsen`` an ``attr`` of the quoted verb) -> the name's last word; None when more than a
    short name stands there."""
    if any(c.dep_ in (*SUBJECTS, "nsubjpass", "expl") for c in cue_tok.children):
        return None
    doc, sent = cue_tok.doc, cue_tok.sent
    j = cue_tok.i - 1
    while j > sent.start and doc[j].is_punct and doc[j].text not in QUOTE_CHARS:
        j -= 1
    k = j
    while k > sent.start and not doc[k].is_punct:
        k -= 1
    if k == j or doc[k].text not in ("”", '"', "»") or j - k > 6 or doc[j].pos_ != "PROPN":
        return None
    if doc[j].ent_type_ not in ("PERSON", "ORG", "GPE", "NORP") or any(
            doc[x].head.i == cue_tok.i or doc[x].pos_ not in ("PROPN", "NOUN", "ADJ", "DET") for x in range(k + 1, j + 1)):
        return None  # only a name phrase ("Republican Senator Mark Olsen"), not "X told VOA, adding"
    return doc[j] if is_actor_head(doc[j], lex) else None


def _named_appositive(tok: Token, lex: Lexicon) -> Token:
    """A descriptor subject with a name in apposition names its actor by that name:
    "Iraq's top cleric, Grand Ayatollah Ali al-Sistani, condemned" -> Sistani;
    "Lebanon's Shi'ite group Hezbollah" -> Hezbollah."""
    if tok.ent_type_ != "PERSON" and lex.is_title(tok.lemma_.lower()):
        # "Iraqi Prime Minister, Adel Abdul Mahdi," / "US Ambassador Kelly Craft" parsed with the title as head
        for child in tok.children:
            if child.dep_ in ("appos", "compound") and child.ent_type_ == "PERSON" and child.i > tok.i:
                return child
    named = _name_after_role_phrase(tok, lex)
    if named is not None:
        return named
    if tok.pos_ == "PROPN" or tok.ent_type_ in ACTOR_ENTS:
        return tok
    if tok.lemma_.lower() in lex.words.media_descriptors:
        return tok  # "the official news agency Ceteka": keep the descriptor that says it is media
    for child in tok.children:
        if child.dep_ == "appos" and (child.ent_type_ in ("PERSON", "ORG", "GPE") or child.pos_ == "PROPN"):
            return child
    return tok


def _name_after_role_phrase(tok: Token, lex: Lexicon) -> Token | None:
    """The person named at the end of a title's "to/for/at/of" phrase: "French Envoy to the
    EU Marie Duval told", "UN Special Envoy for Yemen Lars Moberg said" (the
    parser hangs the name on the place as the preposition's object) -> the name's head."""
    if tok.ent_type_ == "PERSON" or not (lex.is_title(tok.lemma_.lower()) or lex.is_title(tok.lower_)
                                         or lex.is_agent(tok.lemma_.lower())):
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "for", "at", "of", "in") or prep.i < tok.i:
            continue
        last = prep.right_edge
        if last.ent_type_ == "PERSON" and last.pos_ == "PROPN" and last.ent_iob_ in ("B", "I"):
            ent = next((e for e in last.doc.ents if e.start <= last.i < e.end), None)
            if ent is not None and ent.end == last.i + 1 and ent.start > prep.i + 1 and len(ent) >= 2:
                return ent.root
    return None


def _quoted_as_saying(cue_tok: Token) -> Token | None:
    """"X was quoted as saying ...", "Reuters quoted X as saying ...", "X is cited as
    saying": the one quoted speaks (the passive subject or the active object), not the
    outlet that quotes."""
    prep = cue_tok.head
    if cue_tok.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.i == prep.i:
        return None
    verb = prep.head
    if verb.lemma_.lower() not in ("quote", "cite"):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or next(
        (c for c in verb.children if c.dep_ == "dobj"), None)


def _governing_report_speaker(cue_tok: Token, cue_set: set[int], lex: Lexicon) -> Token | None:
    """The speaker of the reporting cue whose clause contains ``cue_tok``:
    ""We urge X ...," the ministry added" -> the ministry; "X said it would summon" -> X."""
    cur = cue_tok
    for _ in range(6):
        if cur.head.i == cur.i or cur.dep_ not in ("ccomp", "parataxis", "conj", "xcomp", "advcl"):
            return None
        cur = cur.head
        if cur.i in cue_set and cur.lemma_.lower() in lex.report_lemmas:
            s = own_speaker(cur, lex)
            if s is not None and not is_pronoun(s):
                return s
            return None
    return None


def _reporter_for_pronoun(own: Token, cue_tok: Token, cue_set: set[int], lex: Lexicon) -> Token:
    """A pronoun subject inside a reported clause or quote is its reporter
    ("X says she has declined ...", "“We urge ...,” the ministry added");
    other subjects stay."""
    if not is_pronoun(own):
        return own
    gov = _governing_report_speaker(cue_tok, cue_set, lex)
    if gov is not None and (own.lower_ not in PERSONAL_PRONOUNS or gov.ent_type_ == "PERSON" or (
            gov.pos_ == "PROPN" and gov.ent_type_ not in ("GPE", "NORP", "ORG"))):
        return gov
    return own


def find_speaker(
    cue_tok: Token, cue_idx: list[int], lex: Lexicon, cue_set: set[int], _depth: int = 0
) -> Token | None:
    """The token heading the speaker of a cue (:func:`_find_speaker`); an unnamed
    spokesperson for an actor speaks for that actor (:func:`_principal`)."""
    spk = _find_speaker(cue_tok, cue_idx, lex, cue_set, _depth)
    return _principal(spk, lex) if spk is not None else None


def _principal(spk: Token, lex: Lexicon) -> Token:
    """"A spokesperson for the Chilean president said" -> president: an unnamed spokes noun
    (``words.tsv`` ``spokes_nouns``) with a "for" actor speaks for it, as CAMEO codes the
    principal; a named one ("his spokesman, Ana Ruiz") stays, and so does any other speaker."""
    if spk.pos_ != "NOUN" or spk.lemma_.lower() not in lex.words.spokes_nouns or spk.ent_type_:
        return spk
    for p in prep_objects(spk, {"for"}):
        if is_actor_head(p, lex) and not is_pronoun(p):
            return p
    return spk


#: Participles whose "be VBN to" states the subject's own stance, not something done to it ("is opposed to").
STANCE_PARTICIPLES = frozenset({"oppose"})


def stance_subject(cue_tok: Token) -> Token | None:
    """The subject of a stance participle with "to" and no "by" agent ("Egypt is opposed to the plan",
    parsed as a passive or as an adjectival complement): the one whose stance it is; else None."""
    if cue_tok.lemma_.lower() not in STANCE_PARTICIPLES or cue_tok.tag_ != "VBN" or not any(
            c.dep_ == "prep" and c.lower_ == "to" for c in cue_tok.children) or any(c.dep_ == "agent" for c in cue_tok.children):
        return None
    subj = next((c for c in cue_tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None and cue_tok.dep_ in ("acomp", "oprd", "xcomp") and cue_tok.head.lemma_.lower() in ("be", "remain", "stand"):
        subj = next((c for c in cue_tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj


def _find_speaker(
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
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        return document_author(source, lex) if source is not None and _is_document(source, lex) else source
    stance = stance_subject(cue_tok)
    if stance is not None:
        return stance
    if any(c.dep_ == "nsubjpass" for c in cue_tok.children) and passive_agent(cue_tok) is None:
        return None
    own = own_speaker(cue_tok, lex)
    if own is not None and _is_document(own, lex):
        # "a report by X says ...", "the ministry's statement urged ...": the document's author speaks;
        # not across a line break ("X's video report" captions a picture above the next paragraph)
        if any("\n" in t.text or "\n" in t.whitespace_ for t in doc[min(own.i, cue_tok.i):max(own.i, cue_tok.i)]):
            return None
        return document_author(own, lex)
    if own is not None:
        return _reporter_for_pronoun(own, cue_tok, cue_set, lex)
    agent = participle_agent(cue_tok)
    if agent is not None:
        return agent
    if cue_tok.dep_ == "relcl":
        return cue_tok.head
    trailing = _trailing_appositive(cue_tok, lex) or _fronted_appositive(cue_tok, lex) or _name_after_quote(cue_tok, lex)
    if trailing is not None:
        return trailing
    if cue_tok.dep_ == "acl" and cue_tok.head.lemma_.lower() in lex.words.document_nouns and cue_tok.head.dep_ in ("dobj", "nsubjpass"):
        # "passed a resolution urging X to ...", "signed a letter denouncing X": whoever issued the document
        issuer = own_speaker(cue_tok.head.head, lex) or passive_agent(cue_tok.head.head)
        if issuer is not None:
            return issuer
    if cue_tok.dep_ == "acomp" and cue_tok.pos_ in ("ADJ", "VERB"):
        # "Israel is opposed to French mediation"
        s = own_speaker(cue_tok.head, lex)
        if s is not None:
            return _reporter_for_pronoun(s, cue_tok.head, cue_set, lex)
    if cue_tok.dep_ == "acl" and cue_tok.tag_ in ("VBD", "VBZ", "VBP") and cue_tok.head.i < cue_tok.i:
        # "The foreign minister called on X ..." parsed as a noun phrase with a clause
        if cue_tok.head.dep_ in ("ROOT", "nsubj") and is_actor_head(cue_tok.head, lex):
            return cue_tok.head
    stranded = _stranded_on_noun_root(cue_tok)
    if stranded is not None and is_actor_head(stranded, lex):
        return stranded
    if cue_tok.dep_ == "conj":
        s = own_speaker(cue_tok.head, lex)
        if s is not None and is_actor_head(s, lex):
            return s
    cur = cue_tok
    for _ in range(8):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.i in cue_set:
            s = own_speaker(cur, lex)
            if s is not None:
                return _reporter_for_pronoun(s, cur, cue_set, lex)
            if cur.i == cue_tok.i or _depth > 4:
                return None
            return _find_speaker(cur, [cur.i], lex, cue_set, _depth + 1)
    if cue_tok.dep_ in ("advcl", "xcomp", "conj"):
        s = own_speaker(cue_tok.head, lex)
        if s is not None:
            return s
    quoted = _quoted_as_saying(cue_tok)
    if quoted is not None:
        return quoted
    if cue_tok.dep_ == "pcomp" and cue_tok.head.head.i != cue_tok.head.i:
        # "pitched himself to voters by telling them that ...", "appeared on TV and began by saying ..."
        verb = cue_tok.head.head
        s = own_speaker(verb, lex)
        if s is None and verb.dep_ == "conj":
            s = own_speaker(verb.head, lex)
        return s
    return None


def meeting_speaker(verb: Token, lex: Lexicon) -> Token | None:
    """Who took part in the talks a verb's "for/in/during ... talks with X" phrase
    names: its subject (active or passive) or, in a relative clause, the antecedent;
    only named actors and pronouns."""
    s = subject_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if s is None and verb.dep_ == "relcl":
        s = verb.head
    if s is not None and s.lower_ in RELATIVE and verb.dep_ == "relcl":
        s = verb.head
    if s is None or not is_actor_head(s, lex) or (is_pronoun(s) and s.lower_ in FIRST_PERSON):
        return None
    return s


def headline_speaker(sent: SpacySpan, lex: Lexicon) -> tuple[Token, Token, Token | None] | None:
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
    verb = next((t for t in sent if t.i < colon.i and t.pos_ in ("VERB", "AUX") and subject_of(t) is not None), None)
    if verb is None:
        return None
    return colon, head, verb


def coordinated_actors(head: Token, lex: Lexicon) -> list[Token]:
    """Other actors coordinated with ``head``, including lists the parser hung on an
    apposition ("Mordor, the Shire, Fornost and Bree" -> Shire, Fornost, Bree; "Norway, Arab
    League call on X" -> Arab League) or on the verb ("EU, African Union call on X" -> EU)."""
    out = [c for c in head.conjuncts if is_actor_head(c, lex)]
    if head.dep_ == "nsubj":
        # a list the parser gave the verb as several subjects: "UN, Arab League call on Israel"
        out += [c for c in head.head.children if c.dep_ == "nsubj" and c.i != head.i and is_actor_head(c, lex)
                and not is_pronoun(c)]
        out += [c for c in head.head.children if _listed_before(c, head, lex)]
        if head.tag_ == "NNP" and head.head.tag_ == "VBP":
            # "Norway, Arab League call on X": a singular name with a plural verb; the name in apposition is a co-subject
            out += [a for a in head.children if a.dep_ == "appos" and a.pos_ == "PROPN" and is_actor_head(a, lex)]
    if head.pos_ == "PROPN":
        for a in head.children:
            if a.dep_ == "appos" and a.pos_ == "PROPN" and any(c.dep_ == "conj" for c in a.children):
                out += [a] + [c for c in a.conjuncts if is_actor_head(c, lex)]
    return sorted(set(out), key=lambda t: t.i)


def _listed_before(c: Token, head: Token, lex: Lexicon) -> bool:
    """A name the parser hung on the verb as a modifier (``npadvmod``, ``dep``) that opens a list of
    subjects ending in ``head``: "EU, African Union call on X" (the first name of a headline list),
    with only a comma between it and the subject's phrase."""
    if c.dep_ not in ("npadvmod", "dep") or c.pos_ != "PROPN" or c.i > head.i or is_pronoun(c) or not is_actor_head(c, lex):
        return False
    doc = head.doc
    between = doc[c.right_edge.i + 1:head.left_edge.i]
    return len(between) >= 1 and between[0].text == "," and all(t.text in (",", "and") for t in between)


#: Prepositions that introduce named examples of a group ("leaders such as X", "states, including X").
EXAMPLE_PREPS = frozenset({"as", "including"})


def example_members(head: Token, lex: Lexicon) -> list[Token]:
    """The named actors a plural common-noun speaker gives as its examples: "populist
    leaders, such as Prime Minister X, railed against ..." -> X; "Gulf states, including
    Qatar and Oman, welcomed ..." -> Qatar, Oman.  They speak, not the unnamed group (CAMEO
    codes the named actors).  Empty for names, singular nouns and examples that are no actors."""
    if head.pos_ != "NOUN" or head.tag_ not in ("NNS", "NNPS"):
        return []
    out: list[Token] = []
    for c in head.children:
        # "Orban and other populists have declined ...": the parser hangs the name before "and other"
        # on the group noun as a modifier; the named one speaks (PETRARCH2 codes "X and other Ns" as X)
        if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i and (c.pos_ == "PROPN" or c.ent_type_ in ACTOR_ENTS) \
                and any(a.dep_ == "cc" and a.lower_ == "and" for a in c.children) \
                and any(o.lower_ == "other" and o.dep_ == "amod" and o.i > c.i for o in head.children):
            out.append(c)
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in EXAMPLE_PREPS:
            continue
        if prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.children) and not (
                prep.i > 0 and head.doc[prep.i - 1].lower_ == "such"):
            continue
        for p in prep.children:
            if p.dep_ == "pobj" and (p.pos_ == "PROPN" or p.ent_type_ in ACTOR_ENTS) and is_actor_head(p, lex):
                out += [p] + [c for c in p.conjuncts if c.i > p.i and is_actor_head(c, lex)]
    return out


#: Prepositions by which a group noun names where its members belong ("officials in Germany", "delegates from Peru").
PLACE_OF_GROUP_PREPS = frozenset({"in", "from"})


def placed_group_actors(targets: list[MentionRef], doc: Doc, lex: Lexicon) -> list[MentionRef]:
    """``targets`` with each unnamed plural group of office holders replaced by the actors its
    "in"/"from" phrase names: "met with officials in Germany and Italy" -> Germany, Italy (CAMEO
    codes such a group by its country and role, DEUGOV; PETRARCH2 "officials of X").  A group
    with a name before it ("German officials") or without such a phrase stays as it is."""
    out: list[MentionRef] = []
    for m in targets:
        h = doc[m.head]
        places: list[MentionRef] = []
        if m.label == "AGENT" and h.pos_ == "NOUN" and h.tag_ == "NNS" and lex.agents.get(h.lemma_.lower(), ("-",))[0] != "-" \
                and not any(t.ent_type_ or t.pos_ == "PROPN" for t in doc[m.start:h.i]):
            for p in h.children:
                if p.dep_ == "prep" and p.lower_ in PLACE_OF_GROUP_PREPS:
                    for o in p.children:
                        if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "ORG", "NORP") and is_actor_head(o, lex):
                            places += [r for c in [o, *o.conjuncts] if is_actor_head(c, lex) for r in actor_mentions(c, lex)]
        out += places or [m]
    return out


def conversation_partners(targets: list[MentionRef], speaker: MentionRef, doc: Doc, lex: Lexicon) -> list[MentionRef]:
    """The partners of a conversation cue ("spoke by phone with X", cues.tsv talk verbs) that
    make it a consultation: named actors, office holders ("his Chilean counterpart", "the
    minister"), not the speaker's staff ("speaking with advisers"); none when a news outlet
    speaks ("VOA spoke with X" is an interview)."""
    if is_media(speaker, doc, lex):
        return []
    out = []
    for m in targets:
        h = doc[m.head]
        if h.pos_ == "PROPN" or h.ent_type_ or lex.is_title(h.lemma_.lower()) or any(
                c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ACTOR_ENTS for c in h.children):
            out.append(m)
    return out


def state_voice(cue_tok: Token, lex: Lexicon, cue_matches: dict, in_quotes: set[int]) -> Token | None:
    """The person who voices a state's or an organization's act in her own quotation: ""Norway calls on
    all parties to show restraint," envoy Lars Berg said" -> Berg (a diplomat speaking for her country says
    "Norway calls on", "the Union condemns" in the present; CAMEO codes the speaker's act).  Only for a
    speech-act cue (no reporting verb) in the present tense without an auxiliary, inside quotation marks,
    whose subject is a country's or an organization's name, not aimed at the first person ("Sweden calls
    on us to ..." is the other side's act), and whose quotation is reported in the same sentence by a
    person's reporting cue outside the quotation.

    :returns: the reporting cue's speaker (a person), or None."""
    if cue_tok.i not in in_quotes or cue_tok.tag_ not in ("VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass", "neg") for c in cue_tok.children):
        return None
    subj = subject_of(cue_tok)
    if subj is None or subj.ent_type_ not in ("GPE", "ORG") or subj.pos_ != "PROPN":
        return None
    near = [c for c in cue_tok.children] + [p for c in cue_tok.children if c.dep_ == "prep" for p in c.children]
    if any(is_pronoun(t) and t.lower_ in FIRST_PERSON for t in near):
        return None  # ""Sweden calls on us to surrender," Berg said": the act is aimed at the speaker's side
    rep = cue_tok.head
    while rep.i != rep.head.i and rep.i not in cue_matches:
        rep = rep.head
    m = cue_matches.get(rep.i)
    if m is None or m[0].kind != "report" or rep.i in in_quotes or rep.i == cue_tok.i:
        return None
    s = own_speaker(rep, lex)
    if s is None or s.ent_type_ != "PERSON" or s.i == subj.i:
        return None
    return s
