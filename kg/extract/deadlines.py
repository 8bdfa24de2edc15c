"""Demands carried by a deadline: "Israel gave Hamas 48 hours to release the hostages", "the
army gave the rebels until Friday to lay down their arms", "Kenya had given the agency 14 days
to present a plan" (issue 14: statements without a speech verb).

A deadline verb (``words.tsv`` ``deadline_verbs``) whose object is the time given (a DATE/TIME
entity, a ``deadline_nouns`` word, or an "until" phrase) and that has the act to do as a
"to"-infinitive is a DEMAND of its addressee (CAMEO 1.1b3 10x: a request made insistent by
the deadline).  The speaker is the verb's subject; an "ultimatum" is left to the noun cues
(THREATEN, ``nouns.tsv``).
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span as SpacySpan, Token

from kg.extract import weights
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Draft, actor_mentions, is_actor_head, mention_for
from kg.extract.speakers import own_speaker
from kg.extract.syntax import is_hypothetical, is_negated, is_pronoun
from kg.model import Mode, StatementType

#: Prior of a deadline as a demand cue.
DEADLINE_PRIOR = 0.6


def _is_time(tok: Token, lex: Lexicon) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in lex.words.deadline_nouns


def _infinitive(verb: Token, time: Token | None) -> Token | None:
    """The act to do: a "to"-infinitive on the verb ("gave X 48 hours to release") or on the time noun
    ("gave X a deadline to respond")."""
    heads = [verb] + ([time] if time is not None else [])
    for h in heads:
        for c in h.children:
            if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.i > h.i and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return c
    return None


def deadline_statements(sent: SpacySpan, lex: Lexicon, in_quotes: set[int]) -> Iterator[Draft]:
    """The DEMAND drafts of the deadline verbs of ``sent`` (outside quotations)."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.words.deadline_verbs or verb.i in in_quotes:
            continue
        datives = [c for c in verb.children if c.dep_ == "dative"]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        time = next((o for o in objects if _is_time(o, lex)), None)
        until = any(c.dep_ == "prep" and c.lower_ == "until" for c in verb.children)
        if time is None and not until:
            continue
        addressees = datives or ([o for o in objects if not _is_time(o, lex)] if until else [])
        addressees = [a for a in addressees if is_actor_head(a, lex) and not is_pronoun(a)]
        if not addressees or _infinitive(verb, time) is None:
            continue
        speaker = own_speaker(verb, lex)
        if speaker is None or not is_actor_head(speaker, lex):
            continue
        targets = [m for a in addressees for m in actor_mentions(a, lex)]
        yield Draft(sent.start, sent.end, [verb.i], f"{verb.lemma_.lower()} deadline", StatementType.DEMAND, DEADLINE_PRIOR,
                    mention_for(speaker, lex), targets, None, Mode.SPEECH_ACT, is_negated(verb, lex),
                    is_hypothetical(verb, sent), weights.ACT_WITH_TARGET)
