"""Statements kg did not find at all (issue 14, "not found"), more kinds of language, with the real
spaCy model: meetings held by a verb's subject or placed by a fronted phrase, support thrown behind
someone, speeches that carry a noun cue, labels in a free relative ("what X called ..."), a list of
subjects whose first name the parser hangs on the verb, names inside an organization's name, names
the tagger took for common nouns, and bodies that speak for someone ("his legal team").

Each table is one kind with its negatives beside it: the sentences where the same shape states
nothing.  The sentences are our own, written for these tests; none comes from the gold files.
"""

from __future__ import annotations

import pytest

from tests._extract_helpers import flat as _flat


def _types(result) -> set[str]:
    return {s.type.value for s in result.statements}


# ---- a meeting noun held by its verb's subject, or placed by a fronted phrase (nominal._meeting_holder,
# verbal.meeting_partners): CAMEO 040-046

MEETING_CASES = [
    ("Ambassador Okafor led two days of talks with Ghanaian officials in Accra.", ("Okafor", "CONSULT", "Ghanaian officials", False)),
    ("Norway concluded negotiations with Iceland on Friday.", ("Norway", "CONSULT", "Iceland", False)),
    ("Sweden resumed talks with Finland on Monday.", ("Sweden", "CONSULT", "Finland", False)),
    ("Following talks with Chilean President Gabriel Ortiz, Peru reaffirmed its commitment to the treaty.",
     ("Peru", "CONSULT", "Gabriel Ortiz", False)),
    ("In a phone call with Macron, Erdogan condemned the bombing.", ("Erdogan", "CONSULT", "Macron", False)),
    ("After a meeting with the Chilean foreign minister, Lula announced new tariffs.",
     ("Lula", "CONSULT", "Chilean foreign minister", False)),
]


@pytest.mark.parametrize("text,expected", MEETING_CASES)
def test_extract_found_a_meeting_held_or_placed(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_MEETING_CASES = [
    "Germany will resume talks with Poland next week.",  # talks to come
    "Lopez hopes to settle the dispute during talks on Tuesday with Chilean officials.",
    "Japan postponed talks with Korea.",  # a meeting that did not take place
    "Protesters rallied against talks with Iran.",  # no placing preposition
    "Following talks with Ruto, both leaders reaffirmed their commitment to peace.",  # Ruto is one of both
    "Following the talks, Kenya signed the deal.",  # no partner
    "Barak agreed to Egyptian mediation in the talks with the Palestinians.",  # "in" after the verb places nothing
]


@pytest.mark.parametrize("text", NOT_MEETING_CASES)
def test_extract_found_no_meeting_without_a_held_meeting_and_a_partner(extract_text, text):
    assert "CONSULT" not in _types(extract_text(text))


# ---- support thrown or lent behind someone (nouns.tsv: "behind", light verbs throw/lend, "weight"; CAMEO 052)

SUPPORT_CASES = [
    ("The union threw its support behind the striking dockworkers' leaders.", ("union", "SUPPORT", "striking dockworkers' leaders", False)),
    ("Senator Ruiz lent his backing to Governor Diaz.", ("Ruiz", "SUPPORT", "Diaz", False)),
    ("Kenya threw its weight behind Uganda.", ("Kenya", "SUPPORT", "Uganda", False)),
]


@pytest.mark.parametrize("text,expected", SUPPORT_CASES)
def test_extract_found_support_thrown_behind_an_actor(extract_text, text, expected):
    found = _flat(extract_text(text))
    assert any(f[:2] == expected[:2] and f[2] is not None and f[2].endswith(expected[2].split()[-1]) for f in found), found


NOT_SUPPORT_CASES = [
    "The goalkeeper threw the ball behind the goal.",
    "The wrestler put his weight behind the push.",  # a weight behind a thing, no one backed
    "The senator threw support behind the bill.",  # backing a bill names no actor supported
]


@pytest.mark.parametrize("text", NOT_SUPPORT_CASES)
def test_extract_found_no_support_behind_a_thing(extract_text, text):
    assert "SUPPORT" not in _types(extract_text(text))


# ---- a speech or document that carries a noun cue: its owner speaks (nouns.tsv kind carry)

CARRY_CASES = [
    ("The speech by Lopez contained warm praise for the World Bank.", ("Lopez", "PRAISE", "World Bank", False)),
    ("Lopez's letter included sharp criticism of the World Bank.", ("Lopez", "CRITICIZE", "World Bank", False)),
    ("The report by Amnesty International included harsh criticism of Bolivian police.",
     ("International", "CRITICIZE", "Bolivian police", False)),
]


@pytest.mark.parametrize("text,expected", CARRY_CASES)
def test_extract_found_a_speech_carries_a_noun_cue(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_CARRY_CASES = [
    "The package contained praise for the World Bank.",  # no speech, no speaker
    "The plan includes support for Peru.",  # a plan's support is material
]


@pytest.mark.parametrize("text", NOT_CARRY_CASES)
def test_extract_found_a_thing_carries_no_statement(extract_text, text):
    assert not _types(extract_text(text)) & {"PRAISE", "SUPPORT", "CRITICIZE"}


# ---- a label in a free relative: "what X called Y's 'baseless claims'" (labels.labeling; CAMEO 111/112)

FREE_RELATIVE_CASES = [
    ('This is what the newspaper El Tiempo called the minister\'s "reckless and baseless claims."',
     ("newspaper", "CRITICIZE", "minister", False)),
    ('He denounced what Amnesty International called a "campaign of terror" by Bolivian police.',
     ("International", "ACCUSE", "Bolivian police", False)),
]


@pytest.mark.parametrize("text,expected", FREE_RELATIVE_CASES)
def test_extract_found_a_label_in_a_free_relative(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_FREE_RELATIVE_CASES = [
    "What Lopez called a fair deal was signed on Monday.",  # no negative label
    'Critics attacked what the senator called a "misguided policy."',  # a label of no one's thing
]


@pytest.mark.parametrize("text", NOT_FREE_RELATIVE_CASES)
def test_extract_found_no_target_for_a_label_of_nobody(extract_text, text):
    assert not _types(extract_text(text)) & {"CRITICIZE", "ACCUSE"}


# ---- a list of subjects whose first name the parser hangs on the verb (speakers._listed_before)

LIST_CASES = [
    ("Chile, Peru condemn Bolivian border closure", {("Chile", "CRITICIZE"), ("Peru", "CRITICIZE")}),
    ("Norway, Arab League call on Iran to free the sailors", {("Norway", "APPEAL"), ("League", "APPEAL")}),
]


@pytest.mark.parametrize("text,expected", LIST_CASES)
def test_extract_found_every_name_of_a_headline_list_speaks(extract_text, text, expected):
    assert expected <= {(a, t) for a, t, _, _ in _flat(extract_text(text))}


def test_extract_found_an_apposition_of_a_singular_verb_is_no_co_speaker(extract_text):
    found = _flat(extract_text("Kenya, a member of the African Union, calls on Sudan to stop fighting."))
    assert ("Kenya", "APPEAL", "Sudan", False) in found
    assert not any(a == "Union" for a, *_ in found)


def test_extract_found_a_fronted_date_is_no_speaker_of_a_list(extract_text):
    found = _flat(extract_text("Monday, the union called on Peru to act."))
    assert ("union", "APPEAL", "Peru", False) in found
    assert not any(a == "Monday" for a, *_ in found)


# ---- a verb inside an organization's name is part of the name ("Committee to Protect Journalists")

@pytest.mark.parametrize("text,name", [
    ("The Committee to Protect Journalists (CPJ) said the arrests were unjust.", "Committee to Protect Journalists"),
    ("The group Save the Children said Israel had blocked aid.", "Save the Children"),
])
def test_extract_found_an_organization_name_keeps_its_verb(extract_text, text, name):
    assert name in {s.actor.name for s in extract_text(text).statements}


# ---- a name the tagger took for a common noun, named elsewhere in the article (mentions.is_actor_head)

def test_extract_found_a_surname_tagged_as_a_noun_speaks_when_named_elsewhere(extract_text):
    res = extract_text("Analyst Karel Smeets follows Iran. Smeets said the deal was weak.")
    assert any(s.actor.name.endswith("Smeets") and s.type.value == "STATEMENT" for s in res.statements)


def test_extract_found_a_capitalized_noun_named_nowhere_is_no_actor(extract_text):
    # "Survivors" heads the sentence like a name, but the article names no one so
    assert not [s for s in extract_text("Survivors said the militia had burned the homes.").statements
                if s.actor.name == "Survivors"]


# ---- bodies that speak for someone (agents.tsv version 4: team, committee, watchdog, mission)

BODY_CASES = [
    ("Quispe's legal team has rejected all the accusations.", ("team", "DENY")),
    ("The parliamentary committee condemned the arrests.", ("committee", "CRITICIZE")),
    ("The media watchdog said conditions for journalists had worsened.", ("watchdog", "STATEMENT")),
]


@pytest.mark.parametrize("text,expected", BODY_CASES)
def test_extract_found_a_body_that_speaks_for_someone(extract_text, text, expected):
    assert expected in {(a, t) for a, t, _, _ in _flat(extract_text(text))}


def test_extract_found_a_sports_team_states_nothing(extract_text):
    assert not extract_text("The team won the match on Sunday.").statements


# ---- criticism idioms and solidarity (cues.tsv version 5: "hit back", "take aim" at X; "express solidarity")

IDIOM_CASES = [
    ("Peru hit back at Chile, calling the accusations absurd.", ("Peru", "CRITICIZE", "Chile", False)),
    ("Chile lashed out at Peru over the closure.", ("Chile", "CRITICIZE", "Peru", False)),
    ("Senator Hale took aim at the Chilean president in a speech on Monday.", ("Hale", "CRITICIZE", "Chilean president", False)),
    ("Senator Hale expressed solidarity with Chile.", ("Hale", "SUPPORT", "Chile", False)),
]


@pytest.mark.parametrize("text,expected", IDIOM_CASES)
def test_extract_found_criticism_idioms_and_solidarity(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_IDIOM_CASES = [
    "The batter hit back at the pitcher's fastball.",
    "The goalkeeper took aim at the net.",
    "The team hit back in the second half.",  # a retort only at someone
]


@pytest.mark.parametrize("text", NOT_IDIOM_CASES)
def test_extract_found_no_criticism_in_a_game(extract_text, text):
    assert "CRITICIZE" not in _types(extract_text(text))


def test_extract_found_a_surname_tagged_as_an_adjective_speaks_when_named_elsewhere(extract_text):
    res = extract_text("Peruvian President Andres Lopez spoke on Monday. Lopez voiced support for the Chilean president.")
    assert any(s.actor.name.endswith("Lopez") and s.type.value == "SUPPORT" for s in res.statements)


# ---- "called X 'Y'" parsed with two predicative complements and no object (labels.label_parts)

def test_extract_found_a_label_whose_object_the_parser_made_a_complement(extract_text):
    res = extract_text('Peru\'s Ministry of Foreign Affairs called Chile\'s claims "baseless" in a statement Friday.')
    # the object is found; dismissing someone's claims as baseless is a denial aimed at their author
    # (taxonomy: DENY, "dismiss claims"; labels.labeling)
    assert ("Affairs", "DENY", "Chile", False) in _flat(res)


def test_extract_found_a_call_on_a_day_labels_nothing(extract_text):
    assert "CRITICIZE" not in _types(extract_text("The minister called Chile on Friday."))


# ---- "in a call with X, Y ..." is a conversation, "in a call for calm" an appeal

def test_extract_found_in_a_call_with_someone_is_a_conversation(extract_text):
    assert ("Erdogan", "CONSULT", "Macron", False) in _flat(extract_text("In a call with Macron, Erdogan condemned the bombing."))


def test_extract_found_in_a_call_for_calm_is_no_conversation(extract_text):
    assert "CONSULT" not in _types(extract_text("In a call for calm, Erdogan urged both sides to stop."))


# ---- a name whose first noun is a press word is no news outlet ("Reporters Without Borders")

def test_extract_found_a_press_freedom_group_states(extract_text):
    res = extract_text("The media watchdog Reporters Without Borders said conditions had improved.")
    assert ("Borders", "STATEMENT") in {(a, t) for a, t, _, _ in _flat(res)}


def test_extract_found_a_news_agency_still_only_reports(extract_text):
    assert not extract_text("The state news agency said the harvest had improved.").statements


# ---- the author of a dismissed accusation in a participle's agent ("the allegations made by X", syntax.participle_agents)

@pytest.mark.parametrize("text,expected", [
    ("Peru rejected the accusations made by Chile.", ("Peru", "DENY", "Chile", False)),
    ('"We firmly reject the false allegations leveled by Bolivia," the Peruvian foreign minister told reporters.',
     ("minister", "DENY", "Bolivia", False)),
])
def test_extract_found_the_author_of_a_dismissed_accusation_in_a_participle(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


def test_extract_found_a_dismissed_accusation_made_by_nobody_named(extract_text):
    found = _flat(extract_text("Peru rejected the accusations made in the press."))
    assert not any(t == "DENY" and target is not None for _, t, target, _ in found)


# ---- lawsuits (nouns.tsv version 3: "lawsuit", "suit" against X; CAMEO 115, the taxonomy's ACCUSE "sues")

@pytest.mark.parametrize("text,expected", [
    ("The ACLU filed a lawsuit against the Department of Homeland Security.", ("ACLU", "ACCUSE", "Department of Homeland Security", False)),
    ("Greenpeace filed suit against the Dutch government on Monday.", ("Greenpeace", "ACCUSE", "Dutch government", False)),
])
def test_extract_found_a_lawsuit_accuses(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


@pytest.mark.parametrize("text", [
    "The senator wore a dark suit.",
    "The ACLU filed a lawsuit on Monday.",  # against no one named
    "The lawsuit against Peru was dismissed.",  # no one files it here
])
def test_extract_found_no_accusation_without_a_filer_and_a_defendant(extract_text, text):
    assert "ACCUSE" not in _types(extract_text(text))


# ---- a name the NER mislabelled (PRODUCT, WORK_OF_ART) after a role noun is an actor (mentions.is_actor_head)

def test_extract_found_a_mislabelled_name_after_a_role_noun_is_an_actor():
    from kg.extract.lexicon import load_lexicon
    from kg.extract.mentions import is_actor_head
    from tests._extract_helpers import parse

    lex = load_lexicon()
    doc = parse("ministry/NOUN/NN/compound/1 spokesperson/NOUN/NN/compound/3 Ravi/PROPN/NNP/compound/3 "
                "Varma/PROPN/NNP/nsubj/4 spoke/VERB/VBD/ROOT/4", ents=((3, 4, "PRODUCT"),))
    assert is_actor_head(doc[3], lex)
    gadget = parse("the/DET/DT/det/2 new/ADJ/JJ/amod/2 Zephyr/PROPN/NNP/nsubj/3 sold/VERB/VBD/ROOT/3", ents=((2, 3, "PRODUCT"),))
    assert not is_actor_head(gadget[2], lex)


# ---- the speaker of a received noun cue in an "including" phrase (nominal._from_actors)

@pytest.mark.parametrize("text,expected", [
    ("The junta continues to defy calls, including by the Arab League, to release the prisoners.",
     ("League", "APPEAL", "junta", False)),
    ("The Chilean plan drew criticism, including from Bolivia and Peru.", ("Peru", "CRITICIZE", "Chilean", False)),
])
def test_extract_found_a_speaker_in_an_including_phrase(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


def test_extract_found_an_including_phrase_without_an_actor_gives_no_speaker(extract_text):
    assert not extract_text("The junta ignored calls, including some from its own ranks, to step down.").statements
