"""kg.names, the one name normalizer: lookup key, transliteration key, head word."""

from __future__ import annotations

import pytest

from kg import names
from kg.names import head_word, is_acronym, norm, phonetic, tokens
from kg.queries import match_actor_names


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The U.S.", "us"),
        ("U.S.A.", "usa"),
        ("Côte d'Ivoire", "cote divoire"),
        ("Iran's", "iran"),
        ("Al-Qaeda", "al qaeda"),
        ("AT&T", "at and t"),
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
        ("  Da’esh  ", "daesh"),
        ("", ""),
    ],
)
def test_names_norm(name: str, key: str) -> None:
    assert norm(name) == key
    assert tokens(name) == key.split()


def test_names_phonetic_folds_romanizations() -> None:
    assert phonetic("Hossein Dehqan") == phonetic("Hosein Dehghan")
    assert phonetic("Rouhani") == phonetic("Rohani") == phonetic("Rowhani")
    assert phonetic("Mohammed") == phonetic("Muhammad") == phonetic("Mohammad")
    assert phonetic("Dehqan") != phonetic("Dehghani")


def test_names_is_acronym() -> None:
    assert is_acronym("NATO") and is_acronym("U.N.") and not is_acronym("Nato") and not is_acronym("")


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("Iranian Defense Minister Brigadier General Hossein Dehqan", "dehqan"),
        ("U.S.", "united states"),
        ("USA", "united states"),
        ("the United States of America", "united states"),
        ("us", "us"),
        ("Washington's", "washington"),
        ("Paraguay's President", "paraguay"),
        ("Secretary of State", "state"),
        ("Abu Bakr al-Baghdadi", "al-baghdadi"),
        ("Former President Jr.", "jr"),
        ("   ", ""),
    ],
)
def test_names_head_word(name: str, head: str) -> None:
    assert head_word(name) == head


def test_names_head_word_is_the_scorers() -> None:
    """The scorer's head word (kg.evaluate) and kg.names.head_word agree (the scorer is to import it)."""
    from kg import evaluate

    samples = ["Iranian Defense Minister Brigadier General Hossein Dehqan", "U.S.", "the United States", "US",
               "Washington's", "Al-Qaeda’s leader", "Secretary of State", "us", "", "Jr.", "O'Neil",
               "Sheikh Tamim bin Hamad Al Thani", "the U.S.A.", "Secretary-General Guterres", "Kim Jong-un"]
    for s in samples:
        assert head_word(s) == evaluate.head_word(s), s
    assert names.TITLE_WORDS == evaluate.TITLE_WORDS


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("The United States", ["iri:us"]),  # a leading "the" is not a word of the name
        ("U.S.", ["iri:us"]),
        ("Iran's", ["iri:iran"]),
        ("Daesh", ["iri:isis"]),
    ],
)
def test_names_stored_query_matching_uses_the_lookup_key(query: str, expected: list[str]) -> None:
    cands = [("iri:us", "United States", "Q30"), ("iri:us", "US", "Q30"), ("iri:iran", "Iran", "Q794"),
             ("iri:isis", "Da'esh", None)]
    assert match_actor_names(query, cands) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The U.S.", "us"),
        ("Riyad al-Malki's", "riyad al-malki"),   # the hyphenated surname stays one word
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
        ("  the  Hamas   movement ", "hamas movement"),
        ("Netanyahu’s", "netanyahu"),
    ],
)
def test_names_words_key(name: str, key: str) -> None:
    assert names.words_key(name) == key


def test_names_words_key_keeps_hyphens_so_surnames_find_full_names() -> None:
    """Coreference keys names with words_key, not norm: a later bare "al-Malki" must still find the cluster of
    "Riyad al-Malki" (norm splits the hyphen, Cluster.surname keeps it)."""
    from kg.extract import coref

    assert coref.words_key is names.words_key
    assert names.words_key("Riyad al-Malki").split()[-1] == names.words_key("al-Malki")
    assert names.norm("Riyad al-Malki").split()[-1] != names.words_key("al-Malki")
