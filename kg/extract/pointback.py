"""Whom a pronoun of a statement points at (issue 14, "targets from content"): a participial
report's "their"/"its" -> the object of the act it hangs on ("X expelled the Croats, saying their
diplomats ..." -> the Croats: :func:`pointed_object`); a quoted appeal's "you" -> whom the quotation
is told to (""We urge you to act," X told the council" -> the council: :func:`quote_addressee`).
Used by :mod:`kg.extract.verbal` when the statement names no target itself."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.about import content_actor
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import is_actor_head, mention_for, MentionRef
from kg.extract.syntax import is_pronoun, with_conjuncts


#: Third-person pronouns by number, as a participial clause points back with them at the governing act's
#: object ("criticised the Croats, saying their refusal ...").
_PLURAL_BACK = frozenset({"they", "them", "their", "theirs"})
_SINGULAR_BACK = frozenset({"it", "its"})


def pointed_object(cue_tok: Token, clause_verbs: list[Token], lex: Lexicon, speaker: Token | None) -> list[MentionRef]:
    """Whom a participial report's clause points back at with a pronoun: the object of the act it hangs
    on ("X criticised the Croats, saying the deadlock was due to their refusal", "X praised Sweden, saying
    it had led the way"): "they"/"their" for a plural or coordinated object when the speaker is one, "it"/
    "its" for a singular object that is no person when the speaker is a person (so the pronoun cannot be
    the speaker's own side).  Only for a cue hung on a verb (``advcl``/``xcomp``/``conj``: "..., saying").

    :returns: the object's mentions; [] when the clause holds no such pronoun or the act no such object."""
    head = cue_tok.head
    if cue_tok.dep_ not in ("advcl", "xcomp", "conj") or head.i == cue_tok.i or head.pos_ != "VERB" or speaker is None:
        return []
    objs = [o for c in head.children if c.dep_ == "dobj" for o in with_conjuncts(c)
            if is_actor_head(o, lex) and content_actor(o, lex, speaker, frozenset())]
    if not objs:
        return []
    plural = len(objs) > 1 or objs[0].tag_ in ("NNS", "NNPS")
    speaker_plural = speaker.tag_ in ("NNS", "NNPS") or any(True for _ in speaker.conjuncts)
    words = {t.lower_ for v in clause_verbs if len(list(v.subtree)) <= 40 for t in v.subtree
             if t.pos_ == "PRON" and t.dep_ in ("poss", "nsubj", "nsubjpass", "dobj", "pobj")}
    if plural and not speaker_plural and words & _PLURAL_BACK:
        return [mention_for(o, lex) for o in objs]
    if not plural and speaker.ent_type_ == "PERSON" and objs[0].ent_type_ != "PERSON" and words & _SINGULAR_BACK:
        return [mention_for(o, lex) for o in objs]
    return []


#: Second-person pronouns by which a quoted appeal addresses whom the quotation is told to.
_YOU = frozenset({"you", "yourselves"})


def quote_addressee(cue_tok: Token, lex: Lexicon, cue_matches: dict, in_quotes: set[int]) -> list[MentionRef]:
    """Whom a first-person act in a quotation addresses with "you": ""We urge you to act now," X told
    the council", "X told the assembly: "I call on you to ..."" -> the object (or ``to`` phrase) of the
    reporting cue outside the quotation in the same sentence, when it is an actor and not the press
    (``words.tsv`` ``press_audiences``: "told reporters").

    :returns: the addressee's mentions; [] when the act addresses no "you" or the quotation no one."""
    near = list(cue_tok.children) + [g for c in cue_tok.children if c.dep_ in ("prep", "ccomp", "xcomp")
                                     for g in c.children]
    if cue_tok.i not in in_quotes or not any(t.lower_ in _YOU and t.dep_ in ("dobj", "pobj", "nsubj", "dative")
                                             for t in near):
        return []
    rep = cue_tok.head
    while rep.i != rep.head.i and not (rep.i in cue_matches and rep.i not in in_quotes):
        rep = rep.head
    m = cue_matches.get(rep.i)
    if m is None or m[0].kind != "report" or rep.i in in_quotes or rep.i == cue_tok.i:
        return []
    heads = [c for c in rep.children if c.dep_ in ("dobj", "dative")]
    heads += [p for c in rep.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    return [mention_for(h, lex) for h in heads if is_actor_head(h, lex) and not is_pronoun(h)
            and h.lower_ not in lex.words.press_audiences and h.lemma_.lower() not in lex.words.press_audiences]
