"""Definite descriptions that point back at a body named earlier in the article (issue 14,
"targets from content"): "the army", "the junta", "the regime", "the bureau" after "the Ruritanian
military", "Ruritania's junta", "the Federal Bureau of Statistics" (:func:`described_antecedent`).

A description is read so only when the article named exactly one such body in the sentences
before it, and only across a type check: the description's CAMEO role (``agents.tsv``: "army",
"military" MIL; "regime", "government", "junta" GOV) must be the antecedent noun's role ("the
regime" never points back at a court or a rebel group; "regime" and "junta" also at a military
that rules), or the description's own word must be in an organization's name ("the bureau" ->
"... Bureau of ..."; the sieve of :meth:`kg.extract.coref.Resolver._org_phrase`).  This follows
the definite-description sieve of Lee et al. 2013 (Computational Linguistics 39(4)), restricted
to bodies.  :mod:`kg.extract.about` takes such a description as a named content actor;
:mod:`kg.extract.coref` resolves it to the antecedent's actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import Lexicon

#: Sentences before the description searched for its antecedent.
WINDOW_SENTENCES = 6
#: Tokens before the description searched at most (a bound on the cost).
WINDOW_TOKENS = 400
#: Descriptions of a ruling body that may point back at a military that rules ("the junta" after "the army").
_RULING = frozenset({"regime", "junta"})
#: Roles of the bodies a description can point back at (CAMEO role codes of ``agents.tsv``).
_BODY_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "REB", "OPP", "PTY"})
#: Dependencies of an adjective used as a noun ("the military" as a subject or an object).
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})
#: Modifiers of a description that still leave it a bare description ("the country's military" is not).
_BARE_DEPS = frozenset({"det", "amod", "punct"})


def _names_a_body(c: Token) -> bool:
    """A modifier that names whose a body is: a country, a nationality, an organization or a name
    ("the Ruritanian military", "Ruritania's army", "the Lothar junta")."""
    return c.dep_ in ("compound", "amod", "poss", "nmod") and (
        c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.pos_ == "PROPN")


def _bare_description(tok: Token, lex: Lexicon) -> str | None:
    """The CAMEO role of a bare singular definite description of a body ("the army" -> MIL), else None."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return None
    role = lex.agent_role(tok.lemma_.lower())
    if role not in _BODY_ROLES:
        return None
    kids = [c for c in tok.children if c.i < tok.i]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
            c.dep_ not in _BARE_DEPS or _names_a_body(c) for c in kids):
        return None
    if any(c.dep_ in ("prep", "appos", "acl", "relcl") for c in tok.children if c.i > tok.i):
        return None  # "the army of X", "the government that ...": it names itself
    return role


def _bare_org_noun(tok: Token) -> bool:
    """"the bureau", "the agency": a bare singular definite common noun, which may name an organization
    named before by a name holding it (the role check does not apply)."""
    kids = [c for c in tok.children if c.i < tok.i]
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and [c.lower_ for c in kids] == ["the"] and not any(
        c.dep_ in ("prep", "appos", "acl", "relcl") for c in tok.children if c.i > tok.i)


def has_owner(tok: Token) -> bool:
    """Whether a noun names whose it is by a modifier (:func:`_names_a_body`: "the Ruritanian military")."""
    return any(_names_a_body(c) for c in tok.children if c.i < tok.i)


def described_antecedent(tok: Token, lex: Lexicon) -> Token | None:
    """The head of the one body named before that a bare definite description points back at:
    "the army" after "the Ruritanian military" -> "military"; "the bureau" after "the Federal
    Bureau of Statistics" -> that organization's root; None when the description is no bare
    ``the`` + body noun (:func:`_bare_description`), when nothing fits the type check within
    :data:`WINDOW_SENTENCES` sentences before it, or when two different bodies do (a choice kg
    does not guess).  Cost: a scan of at most :data:`WINDOW_TOKENS` tokens.

    :returns: the antecedent's head token (a noun with a name modifier, or an ORG entity's root)."""
    role = _bare_description(tok, lex)
    if role is None and not _bare_org_noun(tok):
        return None
    doc = tok.doc
    lemma = tok.lemma_.lower()
    first = tok.sent.start
    for _ in range(WINDOW_SENTENCES):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    first = max(first, tok.i - WINDOW_TOKENS)
    found: dict[str, Token] = {}
    for c in doc[first:tok.i]:
        if c.ent_type_ == "ORG" and c.ent_iob_ == "B":
            ent = next((e for e in doc.ents if e.start == c.i), None)
            if ent is not None and lemma in {t.lemma_.lower() for t in ent} | {t.lower_ for t in ent}:
                found.setdefault(ent.text.lower().removeprefix("the "), ent.root)
            continue
        if not (c.pos_ == "NOUN" or (c.pos_ == "ADJ" and c.dep_ in _NOMINAL_DEPS)):
            continue  # (the small model tags "military" in "Ruritania's military seized ..." an adjective)
        c_role = lex.agent_role(c.lemma_.lower())
        if role is None or c_role is None or not (c_role == role or (lemma in _RULING and c_role in ("GOV", "MIL"))):
            continue
        owner = [m for m in c.children if m.i < c.i and _names_a_body(m)]
        if owner:
            found.setdefault(" ".join(m.lower_ for m in owner) + " " + c_role, c)
    return next(iter(found.values())) if len(found) == 1 else None
