"""Statements kg did not find at all (issue 14, "not found": no statement there, or another
speaker there), by kind of language, with the real spaCy model.

Each table is one kind: where the speaker of a cue sits when the parser does not make it the
cue's subject (a passive participle's agent, a name stranded as the sentence root, the named
examples of a group), and cues that are no cues (a date taken for the particle of "call on").
Each kind has its negatives beside it: the sentences where the same shape states nothing.

The sentences are our own, written for these tests; none comes from the gold files.
"""

from __future__ import annotations

import pytest

from tests._extract_helpers import flat as _flat


def _speakers_types(result) -> set[tuple[str, str]]:
    """(actor's last name word, type) of every statement."""
    return {(s.actor.name.split()[-1], s.type.value) for s in result.statements}


# ---- a time adjunct is no particle: "call on X" is an appeal, "called X on Sunday" is not (syntax.match_cue)

PARTICLE_CASES = [
    ("Norway called on Sweden to release the prisoners.", ("Norway", "APPEAL", "Sweden", False)),
    ("The Chilean foreign minister called on Peru to reopen the border.", ("minister", "APPEAL", "Peru", False)),
]


@pytest.mark.parametrize("text,expected", PARTICLE_CASES)
def test_extract_found_call_on_is_an_appeal(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_PARTICLE_CASES = [
    "The minister called her mother on Sunday.",
    "Senator Lopez called the ambassador on Monday.",
    "The Chilean president called on Tuesday evening.",
]


@pytest.mark.parametrize("text", NOT_PARTICLE_CASES)
def test_extract_found_a_date_is_no_particle_of_call_on(extract_text, text):
    assert not {t for _, t in _speakers_types(extract_text(text))} & {"APPEAL", "DEMAND"}


# ---- a passive participle on a noun: its by-agent speaks ("a session requested by X", "the plan rejected by X")

PARTICIPLE_CASES = [
    ("A session of the U.N. Security Council requested by France opened on Monday.",
     ("France", "APPEAL", "U.N. Security Council", False)),
    ("An emergency meeting of the Arab League requested by Egypt and Jordan began in Cairo.",
     ("Jordan", "APPEAL", "Arab League", False)),
    ("Iran slammed the Turkish plan rejected by Syria.", ("Syria", "REJECT", "Turkish", False)),
    ("Canada's proposal, which favours Denmark and was rejected by Norway, was shelved.",
     ("Norway", "REJECT", "Canada", False)),
]


@pytest.mark.parametrize("text,expected", PARTICIPLE_CASES)
def test_extract_found_the_agent_of_a_participle_speaks(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_PARTICIPLE_CASES = [
    # the subject of the main clause does not do what the participle says
    ("Iran slammed the Turkish plan rejected by Syria.", ("Iran", "REJECT")),
    # material backing, no voiced support
    ("Forces backed by Iran attacked the town.", ("Iran", "SUPPORT")),
    ("Rebels supported by Rwanda seized the airport.", ("Rwanda", "SUPPORT")),
]


@pytest.mark.parametrize("text,unexpected", NOT_PARTICIPLE_CASES)
def test_extract_found_no_statement_of_the_wrong_doer(extract_text, text, unexpected):
    assert unexpected not in _speakers_types(extract_text(text))


# ---- a name left as the sentence root, the cue hung on its appositive ("X, a veteran lawmaker, joked that ...")

STRANDED_CASES = [
    ("Dutch politician Geert Boer, a key opposition figure, joked in response on Twitter that Rutte is becoming a socialist.",
     ("Boer", "STATEMENT")),
    ("Senator Maria Lopez, a former prosecutor, warned on television that Venezuela could default.",
     ("Lopez", "WARN")),
]


@pytest.mark.parametrize("text,expected", STRANDED_CASES)
def test_extract_found_a_stranded_cue_speaks_for_the_root_name(extract_text, text, expected):
    assert expected in _speakers_types(extract_text(text))


NOT_STRANDED_CASES = [
    "Jan Vries, a man accused of fraud in 2019, was released on Friday.",
    "Maria Lopez, a lawyer praised by her colleagues, left the firm.",
]


@pytest.mark.parametrize("text", NOT_STRANDED_CASES)
def test_extract_found_a_description_is_no_statement(extract_text, text):
    assert not extract_text(text).statements


# ---- the named examples of a group speak ("leaders such as X", "states, including X and Y")

EXAMPLE_CASES = [
    ("Western countries such as France and Germany condemned the coup.", {("France", "CRITICIZE"), ("Germany", "CRITICIZE")}),
    ("Several Gulf states, including Qatar and Oman, welcomed the deal.", {("Qatar", "PRAISE"), ("Oman", "PRAISE")}),
    ("Nationalist leaders, such as Polish President Andrzej Duda, have long railed against the quota.",
     {("Duda", "CRITICIZE")}),
]


@pytest.mark.parametrize("text,expected", EXAMPLE_CASES)
def test_extract_found_named_examples_of_a_group_speak(extract_text, text, expected):
    found = _speakers_types(extract_text(text))
    assert expected <= found
    assert not any(a in ("countries", "states", "leaders") for a, _ in found), found


NOT_EXAMPLE_CASES = [
    # an example that is no named actor leaves the group as it is
    ("Many economists, such as the one quoted here, say the plan fails.", "one"),
    # a group described "as" something names no example
    ("Western countries, acting as mediators, condemned the coup.", "mediators"),
]


@pytest.mark.parametrize("text,not_speaker", NOT_EXAMPLE_CASES)
def test_extract_found_no_example_speaker_without_a_named_example(extract_text, text, not_speaker):
    assert not_speaker not in {a for a, _ in _speakers_types(extract_text(text))}
