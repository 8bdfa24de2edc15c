"""Matching actors between gold and predictions: head words, QIDs and CAMEO codes.

Actors match when the gold name and one of the predicted actor's names
(canonical :attr:`~kg.model.Actor.name`, the text of any of its mentions,
and the statement's own mention) share a **head word** (:func:`head_word`),
or both carry the same Wikidata QID or CAMEO actor code.  The head word is
the last word that is not a title ("President", "Minister", "General",
"Secretary", ... see :data:`kg.evaluate.actors.TITLE_WORDS`), case-insensitive, ignoring a
possessive ``'s``; "US", "U.S.", "USA", "U.S.A.", "United States" (of
America) all have the head ``"united states"``.  Lower-case "us" is a
pronoun and is not mapped.
"""

from __future__ import annotations

import re

from kg.model import Actor, Span

__all__ = ["TITLE_WORDS", "head_word", "actor_heads", "actor_match"]

#: Words skipped when finding the head word of a name (titles, ranks, honorifics, suffixes).
TITLE_WORDS: frozenset[str] = frozenset(
    """
    president vice prime minister ministers secretary general brigadier major lieutenant colonel captain admiral
    commander chief marshal sergeant gen col lt capt adm cmdr chancellor premier king queen prince princess emperor
    sultan emir sheikh shaikh ayatollah imam pope cardinal bishop archbishop rev reverend mr mrs ms miss dr sir lord
    lady dame senator sen rep representative congressman congresswoman governor gov mayor ambassador envoy
    spokesman spokeswoman spokesperson speaker leader deputy acting former secretary-general judge attorney
    jr sr ii iii iv
    """.split()
)

_US_FORMS = {"US", "U.S.", "U.S", "USA", "U.S.A.", "U.S.A"}
_US_HEAD = "united states"
_FUNCTION_WORDS = {"the", "of", "for", "and"}
_WORD = re.compile(r"[\w.'’\-]+")


def head_word(name: str) -> str:
    """The head word of an actor name (lower case, dots removed), per the module rules.

    >>> head_word("Iranian Defense Minister Brigadier General Hossein Dehqan")
    'dehqan'
    >>> head_word("U.S."), head_word("the United States"), head_word("Washington's")
    ('united states', 'united states', 'washington')
    """
    raw = [re.sub(r"['’]s?$", "", w.strip("-'’")) for w in _WORD.findall(name)]
    raw = [w for w in raw if w.strip(".")]
    if not raw:
        return name.strip().lower()
    keys = [w.replace(".", "").lower() for w in raw]
    core = [k for k in keys if k != "the"] or keys
    if " ".join(core) in ("united states", "united states of america"):
        return _US_HEAD
    for w, k in zip(reversed(raw), reversed(keys)):
        if k in _FUNCTION_WORDS or k in TITLE_WORDS:
            continue
        if w in _US_FORMS:
            return _US_HEAD
        return k
    return keys[-1]


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
