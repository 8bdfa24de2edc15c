"""Coreference within an article: pronouns, surnames, role phrases, titles."""

from __future__ import annotations

import pytest

ARTICLE = (
    "Foreign Minister Anna Lindqvist has condemned Denmark's new border rules.\n\n"
    "Lindqvist said Denmark supports smugglers.\n\n"
    "She also praised Norway for its cooperation.\n\n"
    "The foreign minister called on Finland to join the talks."
)


def test_extract_coref_one_actor_for_name_surname_pronoun_role(extract_text):
    res = extract_text(ARTICLE)
    speakers = {s.actor.name for s in res.statements}
    assert speakers == {"Anna Lindqvist"}, speakers
    mentions = {s.actor_mention.text for s in res.statements}
    assert {"Lindqvist", "She", "The foreign minister"} <= mentions | {m.split()[-1] for m in mentions} | mentions


def test_extract_coref_title_kept_as_role(extract_text):
    res = extract_text(ARTICLE)
    actor = res.statements[0].actor
    assert actor.name == "Anna Lindqvist"
    assert actor.role and "Minister" in actor.role


def test_extract_coref_every_mention_listed_with_offsets(extract_text):
    res = extract_text(ARTICLE)
    actor = res.statements[0].actor
    assert len(actor.mentions) >= 4
    for m in actor.mentions:
        assert ARTICLE[m.start:m.end] == m.text


def test_extract_coref_unresolvable_they_is_dropped(extract_text):
    res = extract_text("They condemned the decision.")
    assert not res.statements


def test_extract_coref_role_phrase_before_the_name_cataphora(extract_text):
    text = ("Chile's foreign minister said: \u201cPeru's reckless policy is unacceptable.\u201d\n\n"
            "Foreign Minister Heraldo Munoz later repeated the criticism.")
    res = extract_text(text)
    crit = [s for s in res.statements if s.type.value == "CRITICIZE"]
    assert crit and crit[0].actor.name == "Heraldo Munoz"


def test_extract_coref_role_phrase_respects_country(extract_text):
    text = ("Swedish Foreign Minister Margot Wallstrom spoke first.\n\n"
            "Iranian Foreign Minister Javad Zarif spoke next.\n\n"
            "The Swedish foreign minister praised Norway.")
    res = extract_text(text)
    praise = [s for s in res.statements if s.type.value == "PRAISE"]
    assert praise and praise[0].actor.name == "Margot Wallstrom"


def test_extract_coref_they_refers_to_a_collective_and_its_chain(extract_text):
    text = ("Iraq's Fatih alliance condemned the air strikes. Their chief rival, cleric Hassan al-Amiri, said he was "
            "ready to cooperate with them. But he also called on them to rein in their militias.")
    res = extract_text(text)
    found = {(s.actor.name.split()[-1], s.type.value, t.name) for s in res.statements for t in s.targets}
    assert ("al-Amiri", "APPEAL", "Iraq's Fatih alliance") in found, found


def test_extract_coref_object_pronoun_is_not_its_clause_subject_and_follows_salience(extract_text):
    text = ("Donald Trump spoke at the UN on Tuesday. Critics said Mr Trump's speech was long. "
            "Ali Karimi said Trump had been rude. Ahmad Qanoon dubbed him a \"bully on the world stage\".")
    res = extract_text(text)
    found = {(s.actor.name.split()[-1], s.type.value, t.name) for s in res.statements for t in s.targets}
    assert ("Qanoon", "CRITICIZE", "Donald Trump") in found, found


def test_extract_coref_reported_description_stands_as_a_noun_statement(extract_text):
    res = extract_text("State radio also reported Cuban President Raul Diaz's description of Donald Trump as a \"new tyrant\".")
    found = {(s.actor.name.split()[-1], s.type.value, t.name) for s in res.statements for t in s.targets}
    assert ("Diaz", "CRITICIZE", "Donald Trump") in found, found


@pytest.mark.parametrize("text,speaker", [
    # "she" skips a person already called "he" (or "Mr"), even when he spoke last
    ("Hillary Clinton criticized Russia on Monday. Donald Trump praised Russia later, and he thanked Putin. "
     "She also urged Congress to act.", "Hillary Clinton"),
    ("Mrs Clinton criticized Russia on Monday. Mr Trump praised Russia later. She also urged Congress to act.", "Clinton"),
])
def test_extract_coref_pronoun_gender_from_earlier_pronouns_and_honorifics(extract_text, text, speaker):
    res = extract_text(text)
    assert [s.actor.name for s in res.statements if s.cue.text == "urged"] == [speaker]
