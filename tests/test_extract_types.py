"""Statement types read from the content, and statements without a speech verb (issue 14),
with the real spaCy model.

Each table is one kind of language (``../shared/docs/taxonomy.md`` gives the types and their
CAMEO/PLOVER codes): an obligation put on another actor is an APPEAL (DEMAND when insistent),
a reproach ("should have") a CRITICIZE, and so on.  Each kind has its negatives beside it:
neutral reports that stay STATEMENT, negated or hypothetical ones that state no act.

The sentences are our own, written for these tests; none comes from the gold files.
"""

from __future__ import annotations

import pytest

from tests._extract_helpers import flat as _flat


def _typed(result) -> set[tuple[str, str, str | None]]:
    """(actor's last name word, type, target) of the positive (not negated, not hypothetical) statements."""
    out = set()
    for s in result.statements:
        if s.negated or s.hypothetical:
            continue
        for t in s.targets or [None]:
            out.add((s.actor.name.split()[-1], s.type.value, t.name if t is not None else None))
    return out


# ---- obligation addressed to another actor -> APPEAL / DEMAND; reproach -> CRITICIZE (CAMEO 02x, 10x, 111)

OBLIGATION_CASES = [
    ("Portugal said Spain should withdraw its troops from the border.", ("Portugal", "APPEAL", "Spain")),
    ("Portugal said Spain needs to return the stolen paintings.", ("Portugal", "APPEAL", "Spain")),
    ("The Dutch minister said Belgium must reopen the canal to barges.", ("minister", "APPEAL", "Belgium")),
    ("Portugal said Spain must stop the dumping of waste immediately.", ("Portugal", "DEMAND", "Spain")),
    ("Portugal insisted that Spain must pay for the damage.", ("Portugal", "DEMAND", "Spain")),
    ("The judges said Britain is under an obligation to end its administration of the islands.", ("judges", "APPEAL", "Britain")),
    ("Portugal said Spain is obliged to return the paintings.", ("Portugal", "APPEAL", "Spain")),
    ("Portugal said Spain has a duty to protect the fishermen.", ("Portugal", "APPEAL", "Spain")),
    ("Portugal said Spain should have consulted its neighbours.", ("Portugal", "CRITICIZE", "Spain")),
    ("Norway said Sweden should have warned the fishermen earlier.", ("Norway", "CRITICIZE", "Sweden")),
    ("Finland said Estonia should not have closed the ferry line.", ("Finland", "CRITICIZE", "Estonia")),
]


@pytest.mark.parametrize("text,expected", OBLIGATION_CASES)
def test_extract_types_obligation_is_an_appeal_or_a_reproach(extract_text, text, expected):
    assert expected in _typed(extract_text(text))


NOT_OBLIGATION_CASES = [
    # the speaker's own obligation: no one else is asked
    "Portugal said it must protect its fishermen.",
    "Portugal said it has a duty to protect its fishermen.",
    # a plan or a coercion is no obligation put on anyone
    "Portugal said Spain has a plan to build a bridge.",
    "Portugal said Spain was forced to close the border.",
    # a negated need asks for nothing
    "Portugal said Spain does not need to pay.",
    # a predicted need, a stative "must understand", a passive with no one obliged
    "Portugal said NATO would need to remain strong.",
    "Portugal said Spain must understand the risks.",
    "Portugal said the border should be reopened.",
    # "must have done" infers, it does not reproach
    "Portugal said Spanish officers must have given the orders.",
    # a question
    "Portugal asked whether Spain should pay.",
]


@pytest.mark.parametrize("text", NOT_OBLIGATION_CASES)
def test_extract_types_no_appeal_without_an_obligation_on_another_actor(extract_text, text):
    found = {t for _, t, _ in _typed(extract_text(text))}
    assert not found & {"APPEAL", "DEMAND", "CRITICIZE"}, found


# ---- harm outside the speaker's control -> WARN; harm under it -> THREATEN (taxonomy WARN vs THREATEN, CAMEO 13x)

HARM_CASES = [
    ("Chile said any attack by Peru would lead to a wider war.", ("Chile", "WARN", "Peru")),
    ("Chile said Peru's decision could plunge the region into chaos.", ("Chile", "WARN", "Peru")),
    ("Chile said Bolivia could destabilise the region.", ("Chile", "WARN", "Bolivia")),
    ("Chile warned that Peru's new dam may endanger the truce.", ("Chile", "WARN", "Peru")),
    # the harm is the speaker's own to do: a threat
    ("Chile said it would retaliate against Peru.", ("Chile", "THREATEN", "Peru")),
    ("Chile said it will impose sanctions on Bolivia.", ("Chile", "THREATEN", "Bolivia")),
    ("Chile said it would strike Peru's ships.", ("Chile", "THREATEN", "Peru")),
]


@pytest.mark.parametrize("text,expected", HARM_CASES)
def test_extract_types_predicted_harm_is_a_warning_own_force_a_threat(extract_text, text, expected):
    assert expected in _typed(extract_text(text))


NOT_HARM_CASES = [
    # a good consequence, no harm
    "Chile said the new bridge would lead to more trade with Peru.",
    # a harm, but no prediction modal: a report of what happened
    "Chile said the flood caused great damage in Peru.",
    # the speaker's own side as the cause
    "Chile said its decision could lead to a crisis.",
]


@pytest.mark.parametrize("text", NOT_HARM_CASES)
def test_extract_types_no_warning_without_a_predicted_harm(extract_text, text):
    found = {(t, g) for _, t, g in _typed(extract_text(text))}
    assert not {t for t, _ in found} & {"WARN", "THREATEN", "ACCUSE"}, found


# ---- support voiced by the speaker's own side in a reported clause -> SUPPORT (CAMEO 052-053, PLOVER SUPPORT)

SUPPORT_CASES = [
    ("Russian President Vladimir Putin said Russia supports the Chilean ceasefire proposal in principle.",
     ("Putin", "SUPPORT", "Chilean")),
    ("Chile said it will continue to support Bolivia.", ("Chile", "SUPPORT", "Bolivia")),
    ('"We stand with the people of Bolivia," the Chilean president said.', ("president", "SUPPORT", "people")),
    ("Canada said it would keep backing Ukraine.", ("Canada", "SUPPORT", "Ukraine")),
]


@pytest.mark.parametrize("text,expected", SUPPORT_CASES)
def test_extract_types_voiced_support_is_a_support(extract_text, text, expected):
    assert expected in _typed(extract_text(text))


NOT_SUPPORT_CASES = [
    # someone else's support, reported: no support of the speaker
    ("Chile said Argentina supports the Peruvian peace proposal.", "Chile"),
    # negated support; support named as a mistake
    ("Chile said it does not support Bolivia's bid.", "Chile"),
    ('"It was a mistake to support the Bolivian junta," the Chilean minister said.', "minister"),
    # "stands firm": no one backed
    ("Chile said it stands firm on the border question.", "Chile"),
]


@pytest.mark.parametrize("text,speaker", NOT_SUPPORT_CASES)
def test_extract_types_no_support_without_the_speakers_backing(extract_text, text, speaker):
    found = {t for a, t, _ in _typed(extract_text(text)) if a == speaker}
    assert "SUPPORT" not in found, found


def test_extract_types_a_bare_future_support_stays_a_promise(extract_text):
    assert ("Chile", "PROMISE", "Bolivia") in _typed(extract_text("Chile said it will support Bolivia."))


def test_extract_types_an_inner_support_cue_is_not_doubled(extract_text):
    res = extract_text("Chile said it backs the Bolivian government.")
    assert sum(1 for s in res.statements if s.type.value == "SUPPORT") == 1


# ---- reported wrongdoing owned by an actor ("X's aggression") -> ACCUSE (taxonomy ACCUSE, CAMEO 112)

OWNED_WRONGDOING_CASES = [
    ("Canada said it would hold its ground against Russia's illegal aggression.", ("Canada", "ACCUSE", "Russia")),
    ("Canada said the court will examine Serbia's war crimes.", ("Canada", "ACCUSE", "Serbia")),
    ("Canada said the regime's corruption had ruined the economy.", ("Canada", "ACCUSE", "regime")),
]


@pytest.mark.parametrize("text,expected", OWNED_WRONGDOING_CASES)
def test_extract_types_owned_wrongdoing_is_an_accusation(extract_text, text, expected):
    assert expected in _typed(extract_text(text))


@pytest.mark.parametrize("text", [
    "Canada said there was no evidence of Russian aggression.",
    "Canada said the meeting with Russia was useful.",
    "Canada said its own aggression in the trade talks was a mistake.",
])
def test_extract_types_no_accusation_of_an_owner_without_owned_wrongdoing(extract_text, text):
    found = {(t, g) for _, t, g in _typed(extract_text(text))}
    assert not {g for t, g in found if t == "ACCUSE" and g is not None}, found


# ---- statements without a speech verb: meetings, briefings, support verbs, noun cues (CAMEO 04x, 052, 12x)

NO_SPEECH_VERB_CASES = [
    # meeting nouns: the owner consulted the "with" partner; "between" and hyphenated sides consulted each other
    ("Ghana's talks with Togo ended on Monday.", {("Ghana", "CONSULT", "Togo")}),
    ("Talks between Ghana and Togo ended on Monday.", {("Ghana", "CONSULT", "Togo"), ("Togo", "CONSULT", "Ghana")}),
    ("Russia-Ukraine talks ended on Monday without a deal.",
     {("Russia", "CONSULT", "Ukraine"), ("Ukraine", "CONSULT", "Russia")}),
    ("Ghana's phone call with Togo lasted an hour.", {("Ghana", "CONSULT", "Togo")}),
    ("The phone call between Kenya and Ethiopia lasted two hours.",
     {("Kenya", "CONSULT", "Ethiopia"), ("Ethiopia", "CONSULT", "Kenya")}),
    # meeting verbs with a meeting object; the place of a summit is no partner
    ("Kenya held a phone call with Ethiopia on Monday.", {("Kenya", "CONSULT", "Ethiopia")}),
    ("Kenya and Ethiopia held a summit in Nairobi.", {("Kenya", "CONSULT", "Ethiopia"), ("Ethiopia", "CONSULT", "Kenya")}),
    ("Kenya had talks with Ethiopia on the dam.", {("Kenya", "CONSULT", "Ethiopia")}),
    # a briefing: the briefer consulted the one briefed
    ("The Nigerian president was briefed by Ghana's foreign minister on the crisis.",
     {("minister", "CONSULT", "Nigerian president")}),
    ("Ghana's foreign minister briefed the Nigerian president on the crisis.",
     {("minister", "CONSULT", "Nigerian president")}),
    # support verbs and noun cues
    ("Kenya supported the Ethiopian proposal.", {("Kenya", "SUPPORT", "Ethiopian")}),
    ("Kenya sided with Ethiopia in the dispute.", {("Kenya", "SUPPORT", "Ethiopia")}),
    ("Spain's dismissal of the Moroccan plan angered Rabat.", {("Spain", "REJECT", "Moroccan")}),
]


@pytest.mark.parametrize("text,expected", NO_SPEECH_VERB_CASES)
def test_extract_types_statements_without_a_speech_verb(extract_text, text, expected):
    found = _typed(extract_text(text))
    assert expected <= found, found


NOT_HELD_CASES = [
    # cancelled, requested or possible talks took no place; the press is no party consulted
    "Kenya cancelled its talks with Ethiopia.",
    "Possible talks between Ghana and Togo were discussed.",
    "There were no talks between Ghana and Togo.",
    "Ghana briefed reporters on the crisis.",
    # a call for calm is no conversation; one organisation's name is no two sides
    "Togo made a call for calm.",
    "The minister said the crisis would be a major focus of the annual U.N. General Assembly meeting.",
    # hypothetical talks
    "If Kenya holds talks with Ethiopia, the crisis may end.",
]


@pytest.mark.parametrize("text", NOT_HELD_CASES)
def test_extract_types_no_consult_without_a_meeting_held(extract_text, text):
    found = {t for _, t, _ in _typed(extract_text(text))}
    assert "CONSULT" not in found, found


@pytest.mark.parametrize("text", [
    "Kenya did not support the Ethiopian proposal.",
    "The minister said the US and Qatar are supporting terrorists in Syria.",
    "Kenya, which supports the rebels, denied the report.",
])
def test_extract_types_no_support_from_a_negated_material_or_background_support(extract_text, text):
    found = {t for _, t, _ in _typed(extract_text(text))}
    assert "SUPPORT" not in found, found


def test_extract_types_support_of_terrorists_stays_an_accusation(extract_text):
    found = _typed(extract_text("The minister said the US and Qatar are supporting terrorists in Syria."))
    assert {("minister", "ACCUSE", "US"), ("minister", "ACCUSE", "Qatar")} <= found


# ---- refusal by the speaker's side -> REJECT (CAMEO 12x); positive evaluation -> PRAISE (CAMEO 051);
# ---- a commitment to keep a relation -> PROMISE (CAMEO 03x)

EVALUATION_CASES = [
    ("Chile said it will not accept Peru's proposal.", ("Chile", "REJECT", "Peru")),
    ("Chile said it would never recognize the Bolivian election.", ("Chile", "REJECT", "Bolivian")),
    ("Chile said it will not sign the Peruvian treaty.", ("Chile", "REJECT", "Peruvian")),
    ("Chile said the Peruvian plan was a positive step.", ("Chile", "PRAISE", "Peruvian")),
    ("Chile said Peru's proposal was an excellent idea.", ("Chile", "PRAISE", "Peru")),
    ("Chile said Peru had played a constructive role.", ("Chile", "PRAISE", "Peru")),
    ("Chile said it will maintain trade relations with Peru.", ("Chile", "PROMISE", "Peru")),
]


@pytest.mark.parametrize("text,expected", EVALUATION_CASES)
def test_extract_types_refusal_praise_and_commitment_from_the_clause(extract_text, text, expected):
    assert expected in _typed(extract_text(text))


NOT_EVALUATION_CASES = [
    # neutral reports that stay STATEMENT
    "Chile said the weather was good.",
    "Chile said its own plan was a positive step.",
    # a hypothetical or negated evaluation praises no one
    "Chile said Peru's plan would be a good idea.",
    "Chile said Peru's plan was not helpful.",
    # an acceptance is no refusal
    "Chile said it will accept Peru's proposal.",
]


@pytest.mark.parametrize("text", NOT_EVALUATION_CASES)
def test_extract_types_no_praise_or_refusal_without_one(extract_text, text):
    found = {t for _, t, _ in _typed(extract_text(text))}
    assert not found & {"PRAISE", "REJECT"}, found


# ---- rejecting or dismissing a charge or finding -> DENY of its author (CAMEO 016); a proposal stays REJECT

DENY_CASES = [
    ("Serbia rejected the findings of the Croatian inquiry.", ("Serbia", "DENY", "Croatian")),
    ("Serbia dismissed assertions by Croatia that its troops had crossed the border.", ("Serbia", "DENY", "Croatia")),
    ("Serbia said the accusations by Croatia were baseless.", ("Serbia", "DENY", "Croatia")),
]


@pytest.mark.parametrize("text,expected", DENY_CASES)
def test_extract_types_dismissed_charge_is_a_denial(extract_text, text, expected):
    assert expected in _typed(extract_text(text))


@pytest.mark.parametrize("text,expected", [
    ("Serbia rejected the Croatian proposal.", ("Serbia", "REJECT", "Croatian")),
    ("Serbia rejected the plan of the Croatian government.", ("Serbia", "REJECT", "Croatian government")),
])
def test_extract_types_rejected_proposal_stays_a_rejection(extract_text, text, expected):
    found = _typed(extract_text(text))
    assert expected in found and not {t for _, t, _ in found} & {"DENY"}, found


def test_extract_types_negated_denial_is_not_positive(extract_text):
    res = extract_text("Serbia did not reject the findings of the Croatian inquiry.")
    assert not {t for _, t, _ in _typed(res)} & {"DENY", "REJECT"}
    assert any(s.negated for s in res.statements)


# ---- wanting another actor to act, defying someone's call -> APPEAL (CAMEO 02x, NGEC REQUEST)

REQUEST_CASES = [
    ("Brazil wants Peru to stop funding the rebels.", ("Brazil", "APPEAL", "Peru")),
    ("Brazil said it wants Peru to release the prisoners.", ("Brazil", "APPEAL", "Peru")),
    ("The Burmese junta ignored calls by the African Union to free the president.", ("Union", "APPEAL", "Burmese junta")),  # "junta": agents.tsv v3
]


@pytest.mark.parametrize("text,expected", REQUEST_CASES)
def test_extract_types_wanting_another_to_act_is_an_appeal(extract_text, text, expected):
    assert expected in _typed(extract_text(text))


@pytest.mark.parametrize("text", [
    "Brazil wants peace in the region.",
    "Brazil expects the economy to grow.",
    "A Brazilian general said he expects Peru to test a new missile.",
    "Voters want their leaders to act.",
    "Brazil does not want Peru to leave the bloc.",
])
def test_extract_types_no_appeal_from_a_wanted_thing_or_an_unnamed_wanter(extract_text, text):
    found = {t for _, t, _ in _typed(extract_text(text))}
    assert "APPEAL" not in found, found


# ---- a conditional threat is aimed at whoever the condition names (CAMEO 13x)

@pytest.mark.parametrize("text,expected", [
    ('"If Peru moves its troops, we will retaliate," the Chilean minister said.', ("minister", "THREATEN", "Peru")),
    ("Chile said it would strike back if Peru crossed the border.", ("Chile", "THREATEN", "Peru")),
    ("Bolivia said it would impose sanctions if Paraguay closed the river.", ("Bolivia", "THREATEN", "Paraguay")),
])
def test_extract_types_conditional_threat_targets_the_condition(extract_text, text, expected):
    assert expected in _typed(extract_text(text))


def test_extract_types_a_conditional_report_is_not_positive(extract_text):
    res = extract_text("If Chile threatens Peru, Bolivia could condemn Chile.")
    assert not [s for s in res.statements if not s.hypothetical and s.type.value in ("THREATEN", "CRITICIZE")]


def test_extract_types_rejection_in_a_relative_clause_targets_the_owner(extract_text):
    found = _typed(extract_text("Peru's plan, which was rejected by Bolivia, was drafted last year."))
    assert ("Bolivia", "REJECT", "Peru") in found


def test_extract_types_material_backing_in_a_participle_is_no_support_of_the_owner(extract_text):
    found = _typed(extract_text("Somalia's army, which was backed by Kenyan troops, retook the town."))
    assert not [x for x in found if x[1] == "SUPPORT" and x[2] is not None], found


@pytest.mark.parametrize("text", [
    "The festival was supported financially by the Ghanaian government.",
    "Ghana has long supported education and healthcare.",
    "Critics accused Ghana of prolonging the war by supporting Togo's rebels.",
    "Ghana arranged a meeting between Togo and Benin.",
])
def test_extract_types_no_support_or_consult_from_material_background_or_arranged_acts(extract_text, text):
    found = {(t, g) for _, t, g in _typed(extract_text(text))}
    assert not {t for t, _ in found} & {"SUPPORT", "CONSULT"}, found


def test_extract_types_refusing_to_support_is_a_rejection(extract_text):
    res = extract_text("Brazil refused to support Argentina's bid.")
    assert ("Brazil", "REJECT", "Argentina") in _typed(res) or any(
        s.type.value == "REJECT" and not s.negated for s in res.statements)


def test_extract_types_a_requested_briefing_is_no_consult(extract_text):
    found = _typed(extract_text("The judge rejected Kenya's request to brief the court before the hearing."))
    assert "CONSULT" not in {t for _, t, _ in found}, found
