"""kg's one name normalizer: the keys under which names are compared.

Used by linking (:mod:`kg.link`), stored-query actor matching
(:mod:`kg.queries`), coreference and the scorer.  The variants, each for a
reason of its own:

* :func:`norm` -- the lookup key (KB aliases, actor names, coreference names);
* :func:`phonetic` -- the transliteration-tolerant key, tried when :func:`norm` keys differ;
* :func:`tokens` -- the words of :func:`norm`;
* :func:`is_acronym` -- all-capital short forms (``US``, ``NATO``);
* :func:`words_key` -- the coreference key: case and accents folded, dots,
  possessive ``'s`` and a leading "the" dropped, but the words kept as written
  (``"al-Malki"`` stays one word ``"al-malki"``, where :func:`norm` gives two),
  so a later bare surname finds its full name (``Cluster.surname`` in
  :mod:`kg.extract.coref` is the last such word);
* :func:`head_word` -- the head word of an actor name by the scorer's protocol
  (``kg evaluate``): the last word that is not a title (:data:`TITLE_WORDS`),
  with the US forms mapped to ``"united states"``.  It keeps case-folded
  original words (``"al-qaeda"``), unlike :func:`norm`, because the scoring
  protocol is defined on words as written.

The two keys of every name and alias:

* :func:`norm` -- the *exact key*: ASCII-folded with ``unidecode`` (diacritics,
  non-Latin letters), lower case, ``&`` -> ``and``, possessive ``'s`` removed,
  dots removed inside abbreviations (``U.S.`` / ``U.S.A.`` -> ``us`` / ``usa``),
  apostrophes removed ("Da'esh" -> "daesh"), other punctuation and hyphens -> space, a leading ``the`` dropped, spaces
  collapsed.  ``"The U.S."`` -> ``"us"``; ``"Al-Qaeda"`` -> ``"al qaeda"``.
* :func:`phonetic` -- the *transliteration key*, used when the exact key fails.
  It folds spelling variants common in romanized Arabic, Persian and Russian
  names (press, BGN/PCGN and Library of Congress styles differ): a separate
  Arabic article (``al``/``el``/``ash`` ...) is dropped; ``dj`` -> ``j``;
  ``ow`` before a vowel -> ``u``; ``kh``/``gh``/``ck``/``q``/``c`` (before a, o, u)
  -> ``k``; ``ph`` -> ``f``; ``dh`` -> ``d``; ``th`` -> ``t``; ``sch`` -> ``sh``;
  ``w`` -> ``v``; ``ou``/``oo``/``o`` -> ``u``; ``ee``/``ey``/``ei``/``y`` -> ``i``;
  a final ``ed``/``ad`` -> ``ad``; doubled letters collapse.  So ``Dehqan`` and
  ``Dehghan`` share the key ``dehkan``; ``Rouhani``/``Rohani``/``Rowhani`` ->
  ``ruhani``; ``Mohammed``/``Muhammad``/``Mohammad`` -> ``muhamad``.

Both functions are pure and cheap (a few microseconds per name).
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

__all__ = ["norm", "phonetic", "is_acronym", "tokens", "words_key", "head_word", "TITLE_WORDS"]

_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")
_ABBR_DOTS = re.compile(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]\b\.?)|(?<=\b[A-Za-z])\.(?=\s|$|[,;:)])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^the\s+")


@lru_cache(maxsize=200_000)
def norm(name: str) -> str:
    """Exact lookup key of a name (see module docstring).

    >>> norm("The U.S.")
    'us'
    >>> norm("Côte d'Ivoire")
    'cote divoire'
    >>> norm("Iran's")
    'iran'
    """
    s = unidecode(name).replace("&", " and ")
    s = _POSSESSIVE.sub("", s)
    # "U.S.A." -> "USA": drop dots that follow a single letter
    s = re.sub(r"\b([A-Za-z])\.", r"\1", s)
    s = s.replace("'", "").replace("\u2019", "").lower()
    s = _NON_ALNUM.sub(" ", s).strip()
    s = _LEADING_THE.sub("", s)
    return s


_PHON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\b(al|el|ul|ad|ar|as|ash|az)\s+", ""),  # Arabic article as a separate token
        (r"dj", "j"),
        (r"ow(?=[aeiouh])", "u"),
        (r"kh|gh|ck|q|c(?=[aou])", "k"),
        (r"ph", "f"),
        (r"dh", "d"),
        (r"th", "t"),
        (r"sch", "sh"),
        (r"w", "v"),
        (r"ou|oo|o", "u"),
        (r"ee|ey|ei|y", "i"),
        (r"(?<=[a-z])(ed|ad)\b", "ad"),
        (r"(.)\1+", r"\1"),
    )
)


@lru_cache(maxsize=200_000)
def phonetic(name: str) -> str:
    """Transliteration-tolerant key of a name (see module docstring).

    >>> phonetic("Hossein Dehqan") == phonetic("Hosein Dehghan")
    True
    >>> phonetic("Mohammed") == phonetic("Muhammad")
    True
    """
    s = norm(name)
    for pat, rep in _PHON_RULES:
        s = pat.sub(rep, s)
    return re.sub(r"\s+", " ", s).strip()


def tokens(name: str) -> list[str]:
    """Tokens of the exact key (``norm(name).split()``)."""
    return norm(name).split()


def is_acronym(surface: str) -> bool:
    """True for all-capital short forms such as ``US``, ``U.N.``, ``NATO``, ``ISIS``."""
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


def words_key(text: str) -> str:
    """The coreference key of a name (see module docstring): lower case, no diacritics
    ("Erdoğan" = "Erdogan"), no dots, no possessive ``'s``, no leading "the", spaces
    collapsed; hyphens and other punctuation kept.

    >>> words_key("The U.S."), words_key("Riyad al-Malki's")
    ('us', 'riyad al-malki')
    """
    t = unidecode(text).strip().replace(".", "").replace("’s", "").replace("'s", "")
    t = re.sub(r"^(the)\s+", "", t, flags=re.I)
    return re.sub(r"\s+", " ", t).lower()


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
    """The head word of an actor name (lower case, dots removed), the scorer's rule
    (``kg evaluate``, "Statement protocol"): the last word that is not a title
    (:data:`TITLE_WORDS`) nor ``the``/``of``/``for``/``and``, ignoring a possessive
    ``'s``; "US", "U.S.", "USA", "U.S.A.", "United States" (of America) all give
    ``"united states"`` (lower-case "us" is a pronoun and is not mapped).

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
