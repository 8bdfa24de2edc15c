"""Country words: which country a mention names or is of (:func:`country_word`), whether
two country words name one country (:func:`same_country`: "Iran" ~ "Iranian", "US" ~
"American"), and the capitals and seats of government that stand for a country's
government (:func:`metonym_country`: "Tehran", "the Kremlin").

Split out of :mod:`kg.extract.mentions` (which re-exports these names), where the
speaker's own side (:func:`kg.extract.mentions.speaker_side`) reads them.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Token

from kg.extract.syntax import ent_of


#: The table of capitals and seats of government standing for a country (``data/metonyms.tsv``).
METONYMS_PATH = Path(__file__).resolve().parent / "data" / "metonyms.tsv"


def read_metonyms(path: Path = METONYMS_PATH) -> dict[str, str]:
    """The metonym table: lower-cased name ("kremlin", "addis ababa") -> country key
    ("russia", "ethiopia"), from a TSV with the header ``name country source``
    (``#`` comments; ``source`` says where a row comes from: "kb capital", "kb seat", "kg").

    :raises ValueError: a row without three fields, naming file and line."""
    out: dict[str, str] = {}
    header = True
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise ValueError(f"{path}:{no}: expected name, country, source; got {line!r}")
        if header:
            header = False
            continue
        out[cols[0].strip().lower()] = cols[1].strip().lower()
    return out


#: Capitals and seats of government that stand for a country's government (metonymy) -> the country (a short
#: table, read once from :data:`METONYMS_PATH`).
COUNTRY_METONYMS: dict[str, str] = read_metonyms()


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
