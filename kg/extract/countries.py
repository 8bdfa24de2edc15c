"""Country words: which country a mention names or is of (:func:`country_word`), whether
two country words name one country (:func:`same_country`: "Iran" ~ "Iranian", "US" ~
"American"), and the capitals and seats of government that stand for a country's
government (:func:`metonym_country`: "Tehran", "the Kremlin").

Split out of :mod:`kg.extract.mentions` (which re-exports these names), where the
speaker's own side (:func:`kg.extract.mentions.speaker_side`) reads them.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import ent_of


#: Capitals and seats of government that stand for a country's government (metonymy) -> the country (a short table).
COUNTRY_METONYMS = {n: c for e in (
    "russia:kremlin|moscow;iran:tehran|islamic republic;china:beijing;ukraine:kyiv|kiev;uk:london|downing street;france:paris|elysee|élysée;"
    "us:white house|pentagon;north korea:pyongyang;south korea:seoul;india:new delhi;saudi arabia:riyadh;turkey:ankara;germany:berlin;japan:tokyo;"
    "pakistan:islamabad;egypt:cairo;syria:damascus;iraq:baghdad;venezuela:caracas;cuba:havana;belarus:minsk;afghanistan:kabul;poland:warsaw;"
    "canada:ottawa;taiwan:taipei;nigeria:abuja;kenya:nairobi;ethiopia:addis ababa;sudan:khartoum;libya:tripoli;lebanon:beirut"
).split(";") for c, ns in [e.split(":")] for n in ns.split("|")}


def metonym_country(tok: Token) -> str | None:
    """The country whose capital or seat of government ``tok`` heads ("Tehran", "the Kremlin": :data:`COUNTRY_METONYMS`), or None."""
    text = ((ent.text if (ent := ent_of(tok)) is not None and tok.ent_type_ else tok.text).lower().removeprefix("the "))
    return COUNTRY_METONYMS.get(text.removesuffix("'s").removesuffix("’s").strip())


#: Spellings of the two countries whose demonyms share no stem with their names.
_COUNTRY_FORMS = {"us": "us", "u.s.": "us", "usa": "us", "america": "us", "american": "us", "united states": "us", "washington": "us",
                  "uk": "uk", "u.k.": "uk", "britain": "uk", "british": "uk", "united kingdom": "uk"}


def same_country(a: str, b: str) -> bool:
    """Whether two country words name one country: "Iran" ~ "Iranian" (a shared
    stem of four letters), "US" ~ "American"."""
    a = a.lower().removeprefix("the ").removesuffix("'s").removesuffix("’s")
    b = b.lower().removeprefix("the ").removesuffix("'s").removesuffix("’s")
    fa, fb = _COUNTRY_FORMS.get(a), _COUNTRY_FORMS.get(b)
    if fa or fb:
        return fa == fb
    return len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]


def country_word(tok: Token) -> str | None:
    """The country a mention headed by ``tok`` names or is of: the entity text
    of a GPE/NORP head ("Russia", "the United States"), else a GPE/NORP
    modifier ("Saudi prosecutor" -> "Saudi")."""
    if tok.ent_type_ in ("GPE", "NORP"):
        ent = ent_of(tok)
        return ent.text if ent is not None else tok.text
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in ("GPE", "NORP"):
            return c.text
    return None
