"""Threats and warnings inside other cues: an ultimatum's "or face X" on an appeal, force promised in a
promise's complement ("vowed to retaliate against X", CAMEO 13x), force committed in a warning's reported
clause, and what else a warning's clause says (taxonomy: the content of the reported clause can raise the
type).  Moved out of :mod:`kg.extract.verbal`, which calls them."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.clauses import analyse_clause, commitment
from kg.extract.events import Events
from kg.extract.lexicon import ContentClass, Lexicon
from kg.extract.mentions import actor_mentions, is_actor_head, MentionRef
from kg.extract.syntax import clause_objects, is_negated, prep_objects
from kg.extract.targets import act_partners
from kg.model import StatementType

__all__ = ["or_face_threat", "threat_in_complement", "threat_in_warning", "warning_content"]


def or_face_threat(cue_tok: Token, lex: Lexicon) -> bool:
    """An appeal whose requested act has an alternative "or face X" with X a threat
    ("sanctions", "consequences", "retaliation")."""
    for x in cue_tok.children:
        if x.dep_ not in ("xcomp", "ccomp", "advcl"):
            continue
        for c in x.subtree:
            if c.lemma_.lower() in lex.words.ultimatum_verbs and c.pos_ == "VERB" and any(
                    lex.content_class(o.lemma_) == ContentClass.THREAT_VERB or o.lemma_.lower() in lex.words.threat_objects
                    for o in c.children if o.dep_ == "dobj"):
                return any(a.lower_ == "or" for a in c.head.children) or any(a.lower_ == "or" for a in c.children)
    return False


def threat_in_complement(cue_tok: Token, lex: Lexicon) -> list[MentionRef] | None:
    """A promise whose complement is force ("vowed to wage war on X", "pledged to
    retaliate against X") is a THREATEN (CAMEO 13x); returns its targets."""
    for x in cue_tok.children:
        if x.dep_ != "xcomp" and not (x.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)):
            continue
        objs = clause_objects(x)
        if lex.content_class(x.lemma_) in (ContentClass.THREAT_VERB, ContentClass.WRONG_VERB) or any(
            lex.content_class(o.lemma_) == ContentClass.THREAT_VERB for o in objs
        ):
            heads = [o for o in objs if is_actor_head(o, lex)]
            heads += [p for p in prep_objects(x, {"on", "against", "upon"}) if is_actor_head(p, lex)]
            for o in objs:
                heads += [p for p in prep_objects(o, {"on", "against", "upon"}) if is_actor_head(p, lex)]
            return [m for h in heads for m in actor_mentions(h, lex)]
    return None


def threat_in_warning(cue_tok: Token, lex: Lexicon) -> list[MentionRef]:
    """A warning whose reported clause commits someone to force against an actor
    ("warned that Canada was ready to take action against it", "warned that
    Russia will retaliate against X"): the actors the force is aimed at."""
    for c in cue_tok.children:
        if c.dep_ != "ccomp" or is_negated(c, lex):
            continue
        committed = commitment(c, lex)
        if committed is None:
            continue
        if lex.content_class(committed.lemma_) == ContentClass.THREAT_VERB or any(
                lex.content_class(o.lemma_) == ContentClass.THREAT_VERB for o in clause_objects(committed)):
            heads = act_partners(committed, lex, {"on", "against", "upon"})
            return [m for h in heads for m in actor_mentions(h, lex)]
    return []


def warning_content(cue_tok: Token, lex: Lexicon, speaker: Token | None, events: Events | None
                    ) -> tuple[list[MentionRef], list[tuple[StatementType, list[MentionRef], float]]]:
    """What a warning's reported clause says (:func:`kg.extract.clauses.analyse_clause`):
    the actors a predicted harm is laid at ("warned that X's plan could lead to war") as
    the warning's targets, and the accusations or criticisms the clause makes ("warned that
    the cooperation between X and Y is illegal") as statements of their own (taxonomy:
    the content of the reported clause can raise the type)."""
    targets: list[MentionRef] = []
    extra: list[tuple[StatementType, list[MentionRef], float]] = []
    for c in cue_tok.children:
        if c.dep_ != "ccomp":
            continue
        for stype, heads, ev in analyse_clause(c, lex, speaker=speaker, events=events):
            mentions = [m for h in heads if is_actor_head(h, lex) for m in actor_mentions(h, lex)]
            if not mentions:
                continue
            if stype == StatementType.WARN:
                targets += mentions
            elif stype in (StatementType.ACCUSE, StatementType.CRITICIZE):
                extra.append((stype, mentions, ev))
    return targets, extra
