"""More targets read from what a statement says (issue 14, "targets from content"), with the
real spaCy model; the same table style as tests/test_extract_targets.py.  The sentences are
our own, written for these tests.  Each positive row is ``(text, speaker's last name word,
type or None, target name)``; each negative row ``(text, a name no statement may target)``.
"""

from __future__ import annotations

import pytest

from tests._extract_helpers import all_targets as _all_targets, check_target as _check, speaker_targets as _targets


# -- "there is/are ..." with a relation named deeper in the thing said to exist

EXISTENTIAL_CASES = [
    ("Petra Lind said there were few choices short of a war with Romania.", "Lind", "STATEMENT", "Romania"),
    ("Petra Lind said there was no alternative to talks with the Taliban.", "Lind", "STATEMENT", "Taliban"),
    # the relation's "with X" hung on the verb
    ("Hanna Berg was careful, adding that there were still choices short of a war with Moldova.", "Berg",
     "STATEMENT", "Moldova"),
]

EXISTENTIAL_NEGATIVE = [
    # no relation noun: the place of the thing is no party
    ("Petra Lind said there were many hospitals short of staff in Romania.", "Romania"),
    ("Petra Lind said there were signs of progress in the talks.", "talks"),
    ("Hanna Berg said there were many hospitals short of staff, with Moldova worst hit.", "Moldova"),
]


@pytest.mark.parametrize("text,speaker,stype,target", EXISTENTIAL_CASES)
def test_extract_targets_existential_relation(extract_text, text, speaker, stype, target):
    _check(extract_text, text, speaker, stype, target)


@pytest.mark.parametrize("text,forbidden", EXISTENTIAL_NEGATIVE)
def test_extract_targets_existential_no_relation(extract_text, text, forbidden):
    assert forbidden not in _all_targets(extract_text(text))


# -- the speaker's own act in a condition: whom it is against

CONDITION_ACT_CASES = [
    ('"We will not stand idle if we have to defend ourselves against a Serbian attack," Kosovo President Vjosa Kerr said.',
     "Kerr", None, "Serbian"),
    ("Poland's foreign minister told reporters Warsaw would not hesitate if it had to act against Belarus.",
     "minister", None, "Belarus"),
]

CONDITION_ACT_NEGATIVE = [
    # a condition without an adversary
    ("Poland's foreign minister said Warsaw would respond if it had to defend itself.", "Warsaw"),
    ('Egypt\'s foreign minister told the BBC that Cairo "will not yield" if it has to protect itself.', "Cairo"),
    # the act in the condition is someone else's, not against anyone named
    ('"We will respond if they have to retreat," Vjosa Kerr said.', "Kerr"),
]


@pytest.mark.parametrize("text,speaker,stype,target", CONDITION_ACT_CASES)
def test_extract_targets_own_conditioned_act(extract_text, text, speaker, stype, target):
    _check(extract_text, text, speaker, stype, target)


@pytest.mark.parametrize("text,forbidden", CONDITION_ACT_NEGATIVE)
def test_extract_targets_own_conditioned_act_not_own_side(extract_text, text, forbidden):
    assert forbidden not in _all_targets(extract_text(text))


# -- a refusal or an acceptance of an act about someone's thing: whose the thing is

ANSWERED_THING_CASES = [
    ("Slovakia has declined to take part in the EU quota plan.", "Slovakia", "REJECT", "EU"),
    ("Hungary agreed to join the Polish initiative on grain.", "Hungary", "AGREE", "Polish"),
]

ANSWERED_THING_NEGATIVE = [
    # a thing nobody is named for, the speaker's own thing
    ("Hungary refused to attend the hearing.", "hearing"),
    ("Hungary refused to sign its own budget plan.", "Hungary"),
]


@pytest.mark.parametrize("text,speaker,stype,target", ANSWERED_THING_CASES)
def test_extract_targets_owner_of_refused_thing(extract_text, text, speaker, stype, target):
    _check(extract_text, text, speaker, stype, target)


@pytest.mark.parametrize("text,forbidden", ANSWERED_THING_NEGATIVE)
def test_extract_targets_refused_thing_without_owner(extract_text, text, forbidden):
    assert forbidden not in _all_targets(extract_text(text))


# -- "X criticised Y, saying their ...": the participial report points back at the act's object

POINTED_CASES = [
    ("Chancellor Ilsa Varga expelled the Croats, saying their diplomats had spied on her ministry.", "Varga",
     "STATEMENT", "Croats"),
    ("Chancellor Ilsa Varga sanctioned Belarus, saying its leaders had rigged the vote.", "Varga", "STATEMENT",
     "Belarus"),
]

POINTED_NEGATIVE = [
    # no pronoun pointing back
    ("Chancellor Ilsa Varga expelled the Croats, saying the deadlock was due to the weather.", "STATEMENT"),
    # plural speakers: "their" may be the speakers' own
    ("The ministers expelled the Croats, saying their patience had run out.", "STATEMENT"),
    # after a speech act the clause only goes on with it: no second record of the same target
    ("Ilsa Varga criticised the Croats, saying the deadlock was due to their refusal to compromise.", "STATEMENT"),
]


@pytest.mark.parametrize("text,speaker,stype,target", POINTED_CASES)
def test_extract_targets_participle_points_back_at_object(extract_text, text, speaker, stype, target):
    _check(extract_text, text, speaker, stype, target)


@pytest.mark.parametrize("text,stype", POINTED_NEGATIVE)
def test_extract_targets_participle_without_pointing(extract_text, text, stype):
    res = extract_text(text)
    assert not [s for s in res.statements if s.type.value == stype and s.targets], res.statements


# -- definite descriptions pointing back at the one body of that kind named before (kg.extract.descriptions)

DESCRIPTION_CASES = [
    ('The Ruritanian military seized power in May. "The army has been in charge for years," UN envoy Hanna Berg said.',
     "Berg", "STATEMENT", "Ruritanian military"),
    ("The Ruritanian military seized power in May. Hanna Berg said the junta had failed the people.", "Berg", None,
     "Ruritanian military"),
    ("The Federal Bureau of Statistics published new figures on Monday. Senator Tom Reyes said the bureau would "
     "publish more.", "Reyes", "STATEMENT", "Federal Bureau of Statistics"),
]

DESCRIPTION_NEGATIVE = [
    # two bodies of the kind: no guess
    ("The Ruritanian military seized power in May. The Lotharian army massed troops on the border. Hanna Berg said "
     "the army would not hold elections.", "Ruritanian military"),
    # the type check: a regime is no court
    ("The Ruritanian supreme court ruled on Monday. Hanna Berg said the regime would not hold elections.",
     "Ruritanian supreme court"),
    # the speaker's own side
    ("The Ruritanian military seized power in May. Ruritanian General Hanna Berg said the army would not hold "
     "elections.", "Ruritanian military"),
]


@pytest.mark.parametrize("text,speaker,stype,target", DESCRIPTION_CASES)
def test_extract_targets_definite_description(extract_text, text, speaker, stype, target):
    _check(extract_text, text, speaker, stype, target)


@pytest.mark.parametrize("text,forbidden", DESCRIPTION_NEGATIVE)
def test_extract_targets_definite_description_not_guessed(extract_text, text, forbidden):
    assert forbidden not in _all_targets(extract_text(text))


# -- a person voicing her state's act in her own quotation ("Norway calls on X ...," envoy Berg said)

VOICE_CASES = [
    ('"Norway calls on Sweden to show restraint and return to the talks," envoy Lars Berg said.', "Berg", "APPEAL",
     "Sweden"),
    ('"Norway strongly condemns the raid by the rebels on the convoy," Lars Berg told reporters.', "Berg",
     "CRITICIZE", "rebels"),
    # a group named by its part in the matter, the participle after the noun ("the parties concerned")
    ('"Norway calls on parties concerned to be patient," envoy Lars Berg said.', "Berg", "APPEAL", "parties concerned"),
    ("Lars Berg urged the sides involved to show restraint.", "Berg", "APPEAL", "sides involved"),
]

VOICE_NEGATIVE = [
    # the other side's act aimed at the speaker's side
    ('"Sweden calls on us to surrender, but we will not," Lars Berg said.', "APPEAL"),
    # a past or future act is reported, not voiced
    ('"Norway called on Sweden to act," Lars Berg said.', "APPEAL"),
    ('"Norway will call on Sweden to act," Lars Berg said.', "APPEAL"),
]


@pytest.mark.parametrize("text,speaker,stype,target", VOICE_CASES)
def test_extract_targets_voiced_state_act(extract_text, text, speaker, stype, target):
    _check(extract_text, text, speaker, stype, target)


@pytest.mark.parametrize("text,stype", VOICE_NEGATIVE)
def test_extract_targets_no_voice_for_other_acts(extract_text, text, stype):
    res = extract_text(text)
    assert not [s for s in res.statements if s.type.value == stype], res.statements


def test_extract_targets_postposed_participle_only_after_its_noun(extract_text):
    res = extract_text("Lars Berg said the parties were concerned about the delay.")
    assert "parties concerned" not in _all_targets(res)


# -- a quoted appeal's "you": whom the quotation is told to

ADDRESSEE_CASES = [
    ('"We urge you to act now," Lars Berg told the Security Council.', "Berg", "APPEAL", "Security Council"),
    ('Lars Berg told the Security Council: "We ask that you hold the rebels accountable."', "Berg", "APPEAL",
     "Security Council"),
]

ADDRESSEE_NEGATIVE = [
    # the press is no addressee of an appeal; no "you"; no one told
    ('"We urge you to report the truth," Lars Berg told reporters.', "reporters"),
    ('"We urge them to act now," Lars Berg told the Security Council.', "Security Council"),
]


@pytest.mark.parametrize("text,speaker,stype,target", ADDRESSEE_CASES)
def test_extract_targets_quoted_you_is_the_addressee(extract_text, text, speaker, stype, target):
    _check(extract_text, text, speaker, stype, target)


@pytest.mark.parametrize("text,forbidden", ADDRESSEE_NEGATIVE)
def test_extract_targets_quoted_you_without_addressee(extract_text, text, forbidden):
    assert forbidden not in _all_targets(extract_text(text))
