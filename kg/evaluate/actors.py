"""Matching actors between gold and predictions: head words, QIDs and CAMEO codes.

Actors match when the gold name and one of the predicted actor's names
(canonical :attr:`~kg.model.Actor.name`, the text of any of its mentions,
and the statement's own mention) share a **head word** (:func:`head_word`),
or both carry the same Wikidata QID or CAMEO actor code.  The head word is
the last word that is not a title ("President", "Minister", "General",
"Secretary", ... see :data:`kg.names.TITLE_WORDS`), case-insensitive, ignoring a
possessive ``'s``; "US", "U.S.", "USA", "U.S.A.", "United States" (of
America) all have the head ``"united states"``.  Lower-case "us" is a
pronoun and is not mapped.
"""

from __future__ import annotations

from kg.model import Actor, Span
from kg.names import TITLE_WORDS, head_word

__all__ = ["TITLE_WORDS", "head_word", "actor_heads", "actor_match"]

def actor_heads(actor: Actor, extra: Span | None) -> frozenset[str]:
    """Head words of an actor's names and mentions, and of ``extra`` (the statement's own mention)."""
    names = [actor.name, *(m.text for m in actor.mentions)]
    if extra is not None:
        names.append(extra.text)
    return frozenset(head_word(n) for n in names if n and n.strip())


def _same_code(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().upper() == b.strip().upper())


def actor_match(name: str, qid: str | None, code: str | None, heads: frozenset[str], pqid: str | None, pcode: str | None) -> bool:
    """True when a gold actor (``name``, ``qid``, ``code``) matches a predicted one (its ``heads``, ``pqid``, ``pcode``)."""
    if qid and pqid and qid == pqid:
        return True
    if _same_code(code, pcode):
        return True
    return head_word(name) in heads
