"""Whom a participial report points back at with a pronoun (issue 14, "targets from content"):
"X criticised the Croats, saying their refusal ..." -> the Croats (:func:`pointed_object`).
Used by :mod:`kg.extract.verbal` when the clause names no target itself."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.about import content_actor
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import is_actor_head, mention_for, MentionRef
from kg.extract.syntax import with_conjuncts


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
