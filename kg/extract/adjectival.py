"""Statements carried by adjectives of attitude predicated of the speaker: "X was highly
critical of Y", "While critical of Y, X said ...", "X has been supportive of Y" (issue 14:
statements without a speech verb).

The adjectives are the adjective forms of CAMEO 1.1b3 cue verbs (``words.tsv``:
``criticism_adjectives`` -> CRITICIZE, code 111; ``support_adjectives`` -> SUPPORT, 051-052).
The target is the object of "of" (or the actors inside it: "critical of Britain's decision");
the speaker is the subject of the copula ("was", "became") or, for a clause "While critical of Y,"
the subject of the clause it qualifies.  An adjective on a name ("Lopez, long critical of the
government, resigned") describes a standing attitude and states nothing.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span as SpacySpan, Token

from kg.extract import weights
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Draft, MentionRef, actor_mentions, inner_actors, is_actor_head, mention_for, speaker_side
from kg.extract.speakers import own_speaker
from kg.extract.syntax import FIRST_PERSON, is_hypothetical, is_negated, is_pronoun, with_conjuncts
from kg.model import Mode, StatementType

#: Prior of an attitude adjective as a cue (between a reporting verb's 0.6 and a speech-act verb's).
ADJECTIVE_PRIOR = 0.6


def _type_of(tok: Token, lex: Lexicon) -> StatementType | None:
    lemma = tok.lemma_.lower()
    if lemma in lex.words.criticism_adjectives or tok.lower_ in lex.words.criticism_adjectives:
        return StatementType.CRITICIZE
    if lemma in lex.words.support_adjectives or tok.lower_ in lex.words.support_adjectives:
        return StatementType.SUPPORT
    return None


def _holder(adj: Token, lex: Lexicon) -> Token | None:
    """Whose attitude the adjective states: the copula's subject ("X was critical of"), or
    for an adverbial clause ("While critical of Y, X said") the subject of the verb it
    qualifies; None for other uses (attributive, on a name)."""
    if adj.dep_ in ("acomp", "oprd") and adj.head.pos_ in ("AUX", "VERB"):
        return own_speaker(adj.head, lex)
    if adj.dep_ == "advcl" and adj.head.pos_ in ("AUX", "VERB") and adj.head.i > adj.i:
        return own_speaker(adj.head, lex)
    return None


def _reported(adj: Token) -> bool:
    """Inside a reported clause ("told reporters that Beijing was not supportive of X"): the
    reporter's content, which the reporting cue's rules type, not a statement of its own."""
    cur = adj if adj.dep_ == "advcl" else adj.head
    for _ in range(6):
        if cur.dep_ in ("ccomp", "parataxis"):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def adjective_statements(sent: SpacySpan, lex: Lexicon, in_quotes: set[int]) -> Iterator[Draft]:
    """The drafts of the attitude adjectives of ``sent`` that have an "of" object naming an actor.

    Outside quotations only (inside one they are the quoted speaker's words), unless the
    holder is the quoted speaker's own "I"/"we".
    """
    for adj in sent:
        if adj.pos_ != "ADJ":
            continue
        stype = _type_of(adj, lex)
        if stype is None:
            continue
        holder = _holder(adj, lex)
        if holder is None or not is_actor_head(holder, lex) or _reported(adj):
            continue
        if adj.i in in_quotes and not (is_pronoun(holder) and holder.lower_ in FIRST_PERSON):
            continue
        objects = [p for prep in adj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for p in prep.children if p.dep_ == "pobj"]
        targets: list[MentionRef] = []
        for o in (x for obj in objects for x in with_conjuncts(obj)):
            found = actor_mentions(o, lex) if is_actor_head(o, lex) else inner_actors(o, lex)
            targets += [m for m in found if not speaker_side(sent.doc[m.head], holder)]
        if not targets:
            continue
        copula = adj.head if adj.dep_ in ("acomp", "oprd") else adj
        yield Draft(sent.start, sent.end, [adj.i], adj.lemma_.lower(), stype, ADJECTIVE_PRIOR, mention_for(holder, lex),
                    targets, None, Mode.SPEECH_ACT, is_negated(copula, lex) or is_negated(adj, lex),
                    is_hypothetical(copula, sent), weights.ACT_WITH_TARGET)
