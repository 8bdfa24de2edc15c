"""The rule data files: versions, the content-class enum and the word sets are checked
when a lexicon folder is read, and a lexicon saved with ``to_disk`` reads back the same."""

from __future__ import annotations

import shutil

import pytest

from kg.extract.lexicon import DATA_DIR, DATA_FILES, ContentClass, Lexicon, RuleWords


def _copy(tmp_path):
    folder = tmp_path / "lex"
    shutil.copytree(DATA_DIR, folder)
    return folder


#: Data files whose rows changed since version 1 (issue 14: types from content, statements without a
#: speech verb, reporting verbs by class, staff nouns as agents; words.tsv 4 and content.tsv 4: attitude adjectives,
#: deadlines, VOA as media (not-found work) joined with the precision sets of unseen news; cues.tsv 3: talk verbs with "with").
BUMPED = {"words.tsv": 7, "cues.tsv": 5, "nouns.tsv": 3, "content.tsv": 5, "agents.tsv": 4}


def test_extract_lexicon_every_file_is_versioned_and_classes_are_the_enum():
    lex = Lexicon.from_dir(DATA_DIR)
    assert lex.versions == {**{name: 1 for name in DATA_FILES}, **BUMPED}
    assert lex.content and all(isinstance(c, ContentClass) for c in lex.content.values())
    assert lex.content_class("Terrorists") is ContentClass.TERROR
    assert "refuse" in lex.words.negating_heads and "may" in lex.not_actors


@pytest.mark.parametrize("file,row,message", [
    ("content.tsv", "betray\twrong_verbs\n", "unknown content class 'wrong_verbs'"),
    ("words.tsv", "attack_noun\tsiege\n", "unknown word set 'attack_noun'"),
])
def test_extract_lexicon_unknown_names_raise_with_file_and_line(tmp_path, file, row, message):
    folder = _copy(tmp_path)
    path = folder / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines) + row, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        Lexicon.from_dir(folder)
    assert message in str(err.value)
    assert f"{path}:{len(lines) + 1}:" in str(err.value)


def test_extract_lexicon_word_set_missing_from_the_file_raises(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "words.tsv"
    kept = [ln for ln in path.read_text(encoding="utf-8").splitlines(keepends=True) if not ln.startswith("silence_verbs\t")]
    path.write_text("".join(kept), encoding="utf-8")
    with pytest.raises(ValueError, match="silence_verbs"):
        RuleWords.from_file(path)


def test_extract_lexicon_file_without_version_raises(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "cues.tsv"
    path.write_text(path.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    with pytest.raises(ValueError, match="version"):
        Lexicon.from_dir(folder)


def test_extract_lexicon_to_disk_round_trip_keeps_the_rule_words(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "words.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "silence_verbs\tdiscuss\n", encoding="utf-8")
    lex = Lexicon.from_dir(folder)
    lex.source_dir = folder
    saved = tmp_path / "saved"
    lex.to_disk(saved)
    assert sorted(p.name for p in saved.iterdir()) == sorted(DATA_FILES)
    again = Lexicon.from_dir(saved)
    assert "discuss" in again.words.silence_verbs
    assert again.words == lex.words and again.content == lex.content
