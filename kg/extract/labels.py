"""Shapes of a cue's object that carry the statement's type and target: a pejorative label
given to an actor or its act ("called its government a corrupt dictatorship", CAMEO 111/112),
a quoted label ("described it as “a mess”") and the accusations a denial dismisses ("rejected
Moscow's accusations").  Used by :mod:`kg.extract.verbal`."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.clauses import strongly_negative
from kg.extract.events import agents_of, Events
from kg.extract.lexicon import ContentClass, Lexicon
from kg.extract.mentions import actor_mentions, inner_actors, is_actor_head, mention_for, MentionRef, speaker_side
from kg.extract.quotes import QUOTE_CHARS
from kg.extract.syntax import FIRST_PERSON, RELATIVE, is_pronoun, participle_agents, prep_objects, subject_of
from kg.model import StatementType

__all__ = ["labeling", "quoted_label", "dismissed_accusers", "denied_act_targets"]


def labeling(tok: Token, lex: Lexicon, events: Events | None) -> tuple[StatementType, list[MentionRef]] | None:
    """A pejorative label given to an actor or its act: "called its government a
    corrupt dictatorship", "dubbed him a villain", "raids which Lavrov described as
    a bloody crime" -> CRITICIZE (ACCUSE when the label names a crime) of the
    labelled actor, the possessor of the labelled thing, or the doer of the
    labelled act (CAMEO 111/112); None when the label is not negative."""
    # "called X a dictatorship", "described X as a crime", "included Iran among rogue regimes"
    label_preps = {"as", "among"} if tok.lemma_.lower() in lex.words.listing_verbs else {"as"}
    objects, direct = label_parts(tok)
    if tok.lemma_.lower() in lex.words.listing_verbs:
        labels = prep_objects(tok, label_preps)
    else:
        labels = direct + prep_objects(tok, label_preps)
    for o in objects:
        labels += ([] if tok.lemma_.lower() in lex.words.listing_verbs else [c for c in o.children if c.dep_ in ("oprd", "appos")]) + prep_objects(o, label_preps)
    # the label noun and its own modifiers ("a corrupt socialist dictatorship"), not phrases hung on it
    heads = labels + [p for lab in labels for p in prep_objects(lab, {"of"})]  # "a group of rogue regimes"
    words = [w for lab in heads for w in [lab, *(c for c in lab.children if c.dep_ in ("amod", "compound"))]]
    negative = [w for w in words
                if w.i > tok.i and (lex.content_class(w.lemma_) in (ContentClass.NEGATIVE, ContentClass.CRIME_NOUN, ContentClass.TERROR) or strongly_negative(w, lex))]
    if not negative:
        return None
    crime = any(lex.content_class(w.lemma_) in (ContentClass.CRIME_NOUN, ContentClass.TERROR) for w in negative)
    stype = StatementType.ACCUSE if crime else StatementType.CRITICIZE
    targets: list[MentionRef] = []
    objects = objects + [c for c in tok.children if c.dep_ == "nsubjpass"]
    if objects and all(lex.content_class(o.lemma_) == ContentClass.ACCUSATION_NOUN for o in objects):
        # "called X's assertions baseless": dismissing claims is a denial aimed at their author (taxonomy DENY)
        stype = StatementType.DENY
    for o in objects:
        if o.lower_ in RELATIVE or o.lower_ == "what":
            # "raids which Lavrov described as a crime": the antecedent
            o = tok.head if tok.dep_ == "relcl" else o
        if o.i in {w.i for w in negative}:
            continue
        if o.lower_ == "what" and tok.dep_ != "relcl":
            # "what X called Y's 'baseless claims'", "what X called a campaign of terror by Y": a free
            # relative names no thing of its own; the label does -- its owner, or the doer of its "by" phrase
            targets += [m for lab in labels for c in lab.children if c.dep_ == "poss" and is_actor_head(c, lex)
                        and c.lower_ not in FIRST_PERSON for m in actor_mentions(c, lex)]
            targets += [m for h in [tok, *labels] for a in prep_objects(h, {"by"}) if is_actor_head(a, lex)
                        and not is_pronoun(a) for m in actor_mentions(a, lex)]
            continue
        owner = next((c for c in o.children if c.dep_ == "poss" and is_pronoun(c) and c.lower_ not in FIRST_PERSON), None)
        if is_actor_head(o, lex) and owner is not None and o.pos_ == "NOUN":
            targets.append(mention_for(owner, lex))  # "calling its government a dictatorship": the country
        elif is_actor_head(o, lex) and not (o.lower_ in RELATIVE or o.lower_ == "what"):
            targets += actor_mentions(o, lex)
        else:
            # "described Israel's plans as ...": the owner or doer of the labelled thing, not its victim
            owners = [c for c in o.children if c.dep_ == "poss" and is_actor_head(c, lex)]
            targets += [m for c in owners for m in actor_mentions(c, lex)] or [
                m for a in agents_of(o, events, lex) for m in actor_mentions(a, lex)]
    if not targets and tok.dep_ == "relcl" and tok.head.pos_ == "NOUN":
        targets = inner_actors(tok.head, lex) or [m for a in agents_of(tok.head, events, lex) for m in actor_mentions(a, lex)]
    if not targets and tok.dep_ == "relcl":
        targets = clause_doer(tok, lex)
    return (stype, targets) if targets else None


def label_parts(tok: Token) -> tuple[list[Token], list[Token]]:
    """(objects, labels) of a labelling verb ``tok``: its direct objects and the ``oprd``/``attr``
    labels hung on it.  The small model often parses "called X “Y”" with two ``oprd`` and no
    object ("called Canada “one of the worst ...”", "called Kabul's assertions “baseless”"): the
    first of them is the object labelled, the others its labels."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    direct = [c for c in tok.children if c.dep_ in ("oprd", "attr")]
    oprds = [c for c in direct if c.dep_ == "oprd" and c.i > tok.i]
    if not objects and len(oprds) >= 2 and oprds[0].pos_ in ("NOUN", "PROPN", "PRON"):
        objects, direct = [oprds[0]], [c for c in direct if c is not oprds[0]]
    return objects, direct


def clause_doer(relcl: Token, lex: Lexicon) -> list[MentionRef]:
    """The doer of the clause a comma-set "which" sums up ("X launched raids on the port, which Y described as
    a crime": X): the subject of the verb the relative clause's noun hangs under, when it is an actor other
    than the labelling speaker.  Empty for a restrictive relative clause (no comma before "which")."""
    rel = next((c for c in relcl.children if c.lower_ in RELATIVE and c.i < relcl.i), None)
    doc = relcl.doc
    if rel is None or rel.i == 0 or doc[rel.i - 1].text != ",":
        return []
    verb = relcl.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    for _ in range(3):
        # "X launched raids to regain the port, which ...": the doer of the infinitive's governing verb
        if verb.pos_ not in ("VERB", "AUX") or subject_of(verb) is not None or verb.dep_ not in ("xcomp", "advcl", "conj"):
            break
        verb = verb.head
    subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    spk = subject_of(relcl)
    if subj is None or not is_actor_head(subj, lex) or is_pronoun(subj) or (spk is not None and subj.lower_ == spk.lower_):
        return []
    return actor_mentions(subj, lex)


def quoted_label(tok: Token, lex: Lexicon, in_quotes: set[int]) -> tuple[int, int] | None:
    """The token range of a label in quotation marks that a labelling verb gives its object
    ("called the plan “a gift”", "described it as “a mess”"), or None; listing verbs
    ("included X among ...") give no label."""
    if tok.lemma_.lower() in lex.words.listing_verbs:
        return None
    objs, direct = label_parts(tok)
    labels = [c for c in direct if c.i > tok.i] + prep_objects(tok, {"as"})
    labels += [c for o in objs for c in o.children if c.dep_ in ("oprd", "appos")] + [
        p for o in objs for p in prep_objects(o, {"as"})]
    for lab in labels:
        if lab.i in in_quotes and (objs or lab.dep_ == "pobj"):
            start, end = lab.left_edge.i, lab.right_edge.i + 1
            doc = tok.doc
            if start > 0 and doc[start - 1].text in QUOTE_CHARS:
                start -= 1
            if end < len(doc) and doc[end].text in QUOTE_CHARS:
                end += 1
            return (start, end)
    return None


def dismissed_accusers(cue_tok: Token, lex: Lexicon, speaker: Token | None) -> list[MentionRef] | None:
    """Who made the accusations a rejection or denial dismisses: the object (or, in a
    relative clause, the antecedent: "the accusations Moscow has rejected") is an
    accusation noun; its author is its possessor or by/from actor, else the subject
    of the latest earlier accusing verb ("The U.S. has accused Russia of ...").
    None when the object is no accusation."""
    objs = [c for c in cue_tok.children if c.dep_ == "dobj"]
    if not objs and cue_tok.dep_ == "relcl" and cue_tok.head.pos_ in ("NOUN", "PRON"):
        objs = [cue_tok.head]
        if objs[0].lower_ in ("something", "which", "one") and objs[0].dep_ in ("appos", "npadvmod"):
            # "... accusations from X that ..., something Moscow denies": the accusation it sums up
            before = [t for t in cue_tok.sent if t.i < objs[0].i and lex.content_class(t.lemma_) == ContentClass.ACCUSATION_NOUN]
            objs = before[-1:] or objs
    objs += [p for o in objs for p in prep_objects(o, {"of"})]  # "dismissed the panel of experts' findings"
    acc = [o for o in objs if lex.content_class(o.lemma_) == ContentClass.ACCUSATION_NOUN]
    if not acc:
        return None
    authors: list[Token] = []
    for o in acc:
        authors += [c for c in o.children if c.dep_ == "poss" and is_actor_head(c, lex) and not is_pronoun(c)]
        authors += [p for p in prep_objects(o, {"from", "by"}) + participle_agents(o) if is_actor_head(p, lex)]
        authors += [c for c in o.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP", "ORG")]
    if not authors and any(o.lemma_.lower() != "claim" for o in acc):  # a "claim" may be one of responsibility
        doc = cue_tok.doc
        for t in reversed(doc[:cue_tok.i]):
            if t.pos_ == "VERB" and t.lemma_.lower() in lex.words.accusing_verbs:
                s = subject_of(t)
                if s is not None and is_actor_head(s, lex) and not is_pronoun(s):
                    authors = [s]
                    break
    authors = [a for a in authors if not speaker_side(a, speaker)]
    return [m for a in authors for m in actor_mentions(a, lex)]


#: Pronoun objects of a denial that point back at an accusation ("Karvania denied it").
_BACK_POINTERS = frozenset({"it", "this", "that", "them", "these"})


def denied_act_targets(cue_tok: Token, targets: list[MentionRef], lex: Lexicon, speaker: Token | None) -> list[MentionRef]:
    """The targets of a denial of the speaker's own act ("denied sending troops into X", "deny providing
    weapons to X", "denied it"): the participants of the denied act are no target (taxonomy DENY: the target
    is the accuser or the denied claim's subject, here the speaker); the accuser is the subject of the
    latest accusing verb (``words.tsv`` ``accusing_verbs``) in this or the previous sentence ("X accused Y
    of ..., but Y denied it" -> X).  Other denials keep ``targets``."""
    comp = [c for c in cue_tok.children if (c.dep_ in ("xcomp", "dobj", "pcomp") and c.tag_ == "VBG")
            or (c.dep_ == "dobj" and c.lower_ in _BACK_POINTERS)]
    if not comp:
        return targets
    inside = {t.i for c in comp for t in c.subtree}
    kept = [m for m in targets if m.head not in inside]
    if kept:
        return kept
    sent = cue_tok.sent
    doc = cue_tok.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in reversed(doc[start:cue_tok.i]):
        if t.pos_ == "VERB" and t.lemma_.lower() in lex.words.accusing_verbs:
            s = subject_of(t)
            if s is not None and is_actor_head(s, lex) and not is_pronoun(s) and not speaker_side(s, speaker):
                return actor_mentions(s, lex)
            break
    return []

