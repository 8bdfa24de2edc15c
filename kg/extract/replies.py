"""Whom a statement answers (issue 14, "targets from content"): "Responding to X's criticism, Y
said ...", "in response to the X proposal", "responded to X's remarks" (:func:`reply_targets`);
never the speaker's own side, nothing for a press query.

Split out of :mod:`kg.extract.about` (at its size limit), whose content actors and owners it reads;
:mod:`kg.extract.targets` re-exports :func:`reply_targets`.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.about import actors_of, content_actor
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import is_actor_head, mention_for, MentionRef
from kg.extract.syntax import ACTOR_ENTS, own_possession, prep_objects, with_conjuncts


#: Verbs and nouns of a reply, whose ``to`` phrase names whom the speaker answers ("responding to X's
#: criticism", "in response to X", "in reply to the X proposal").
REPLY_VERBS = frozenset({"respond", "react", "reply", "answer"})
REPLY_NOUNS = frozenset({"response", "reaction", "reply", "answer", "retort", "rebuttal"})
#: What a press query is: answering (or not answering) one is no act towards its sender ("did not reply to
#: VOA's email", "responding to a question from reporters").
QUERY_NOUNS = frozenset({"email", "e-mail", "inquiry", "enquiry", "query", "queries", "question", "request",
                         "message", "call", "interview", "comment"})


def _answered(p: Token, lex: Lexicon, speaker: Token | None) -> list[Token]:
    """Whose the thing answered ``p`` is: an actor itself, else its possessor, a national
    adjective, a named modifier (not of an attack, where it is the place: "the Tamale attack"), its
    ``by``/``of``/``from`` actor; nothing for a press query."""
    if content_actor(p, lex, speaker, frozenset()):
        return [p]
    if is_actor_head(p, lex) or p.lemma_.lower() in QUERY_NOUNS:
        return []
    violent = p.lemma_.lower() in lex.words.violent_acts or p.lemma_.lower() in lex.words.attack_nouns
    out = [h for c in p.children if c.dep_ == "poss" or (c.dep_ == "amod" and c.ent_type_ == "NORP") or (
        c.dep_ == "compound" and c.ent_type_ in ACTOR_ENTS and not violent)
        for h in with_conjuncts(c) if content_actor(h, lex, speaker, frozenset())]
    out += [a for q in prep_objects(p, {"by", "of", "from"}) for h in with_conjuncts(q) for a in actors_of(h, lex, speaker, frozenset())]
    return [] if own_possession(p) else out


def reply_targets(cue_tok: Token, lex: Lexicon, speaker: Token | None) -> list[MentionRef]:
    """Whom a statement answers, from a reply phrase on its cue: "Responding to
    Peru's criticism, the minister said ...", "Ecuador said in response to the
    Colombian proposal that ...", and the reply cue itself ("responded to X's
    remarks"): the actor of the ``to`` phrase, else its owner (:func:`_answered`);
    never the speaker's own side, nothing for a press query ("did not reply to
    VOA's email") nor for a negated reply.  A fallback for a statement that names
    no target otherwise.

    :returns: mentions in text order; [] without a reply phrase."""
    heads: list[Token] = []
    if cue_tok.lemma_.lower() in REPLY_VERBS and not any(c.dep_ == "neg" for c in cue_tok.children):
        heads += prep_objects(cue_tok, {"to"})
    for c in cue_tok.children:
        if c.dep_ == "advcl" and c.lemma_.lower() in REPLY_VERBS and not any(n.dep_ == "neg" for n in c.children):
            heads += prep_objects(c, {"to"})
        elif c.dep_ == "prep" and c.lower_ in ("in", "as"):
            heads += [q for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in REPLY_NOUNS
                      for q in prep_objects(p, {"to"})]
    out = [a for p in heads for h in with_conjuncts(p) for a in _answered(h, lex, speaker)]
    seen: set[int] = set()
    out = sorted((t for t in out if not (t.i in seen or seen.add(t.i))), key=lambda t: t.i)  # text order, once each
    return [mention_for(h, lex) for h in out]
