"""Prior sentiment valence of words, from the VADER lexicon.

kg types a reported clause from its meaning as well as from its cue
(``../shared/docs/taxonomy.md``: "the content of the reported clause can raise
STATEMENT to ACCUSE or CRITICIZE").  Beside kg's own content classes
(``data/content.tsv``), the strength of a word's negative meaning comes from the
VADER sentiment lexicon: 7,500 English words rated by ten human raters on a
scale from -4 (extremely negative) to +4 (extremely positive), mean rating
(Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text", ICWSM; package ``vaderSentiment``, MIT licence).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

#: Mean rating at or below which a word counts as strongly negative ("deception"
#: -1.9, "fail" -2.5, "war" -2.9; not "tough" -0.5 or "propaganda" -1.0).
STRONG_NEGATIVE = -1.5
#: Mean rating at or below which a noun or verb names wrongdoing itself ("kill" -3.7,
#: "killing" -3.4, "terrorism" -3.6): with an attack noun in the same clause, the clause
#: condemns that act (``_doers_of_condemned_acts`` in :mod:`kg.extract.clauses`).  Stricter than
#: :data:`STRONG_NEGATIVE` on purpose: "war" (-2.9) or "fail" (-2.5) beside "strikes" does not
#: make a clause a condemnation of whoever struck.  The two stay apart: with this one set to
#: STRONG_NEGATIVE the extraction output changes (one dev set: typed-dyad F1 0.751 -> 0.735,
#: ACCUSE precision 0.94 -> 0.80).
WRONGDOING_NEGATIVE = -3.0


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """The VADER lexicon as ``{word: mean rating in [-4, 4]}`` (lower-case words).

    :raises ModuleNotFoundError: when ``vaderSentiment`` is not installed.
    """
    import vaderSentiment

    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    out: dict[str, float] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                try:
                    out[parts[0].lower()] = float(parts[1])
                except ValueError:
                    continue
    return out


def valence(*forms: str) -> float:
    """The VADER rating of the first of ``forms`` (e.g. lower-case text, lemma)
    that the lexicon holds, or 0.0 for none."""
    lex = vader_lexicon()
    for f in forms:
        v = lex.get(f.lower())
        if v is not None:
            return v
    return 0.0
