"""Word-level helpers and word lists of the coreference sieves (:mod:`kg.extract.coref`): the gender a
pronoun or an honorific gives, an organization's initials' function words, the entity
holding a token, whole-word tests on titles, subjects and dominance in the parse.

Split out of :mod:`kg.extract.coref` (at its size limit); they hold no resolver state.
"""

from __future__ import annotations

from kg.extract.lexicon import Lexicon

#: Collective nouns that "they"/"them" can refer to when no plural group is near.
COLLECTIVE_NOUNS = frozenset({"alliance", "coalition", "bloc", "group", "party", "movement", "militia", "faction", "government"})
#: Head nouns of a country's own state bodies ("South Korea's defense ministry"): the side of a speaker of that country.
STATE_BODIES = frozenset({"ministry", "government", "administration", "cabinet", "army", "military", "navy", "embassy",
                          "parliament", "presidency"})
#: Head nouns of role phrases that, in news, name the article's leading figure ("the US president").
LEADER_WORDS = frozenset({"president", "leader", "premier", "chancellor", "king"})
#: Head nouns of epithets that name a calling, not an office ("the French politician", "the veteran
#: diplomat"): news uses them, definite, for the article's main person, whatever that person's title.
EPITHET_WORDS = frozenset({"politician", "statesman", "stateswoman", "diplomat", "politico"})

LABEL_KIND = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "GPE", "AGENT": "GROUP", "PROPN": "OTHER"}


def pronoun_gender(pronoun: str) -> str | None:
    """"m" for he/him/his, "f" for she/her/hers, else None."""
    return "m" if pronoun in ("he", "him", "his", "himself") else "f" if pronoun in ("she", "her", "hers", "herself") else None


def honorific_gender(text: str, lex: Lexicon) -> str | None:
    """"m" for a mention led by a male honorific (Mr/Sir/King), "f" for a female one
    (Mrs/Ms/Miss/Madam/Queen; ``words.tsv``), else None."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    first = words[0].rstrip(".").lower() if words else ""
    return "m" if first in lex.words.male_honorifics else "f" if first in lex.words.female_honorifics else None


#: Function words left out of an organization's initials ("National Intelligence and Security Agency" = NISA).
NAME_LINKS = frozenset({"and", "of", "the", "for", "on", "in", "de", "du", "des", "la", "le", "et"})


def one_letter_off(a: str, b: str) -> bool:
    """Whether two surnames of six letters or more differ in exactly one letter, not the first
    ("Fernandez" / "Fernandes"): a misspelling of a name news gave in full before."""
    return len(a) == len(b) >= 6 and a[0] == b[0] and sum(x != y for x, y in zip(a, b)) == 1


def ent_of_token(ents, i: int):
    """The entity of ``ents`` holding token ``i``, or None (a linear scan; acronyms are rare)."""
    return next((e for e in ents if e.start <= i < e.end), None)


def role_holds(role: str, words: frozenset[str]) -> bool:
    """Whether a title ("U.N. Secretary-General", "Deputy Ambassador") holds one of ``words`` as whole words."""
    padded = " " + role.lower().replace(",", " ").replace("-", " ") + " "
    return any(" " + w.replace("-", " ") + " " in padded for w in words)


def subject_name(tok) -> bool:
    """The name whose first token is ``tok`` is a clause's subject ("Michel Barnier says")."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def dominates(a, b) -> bool:
    cur = b
    for _ in range(30):
        if cur.i == a.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False
