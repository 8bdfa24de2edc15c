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
    ("A meeting of the UN Human Rights Council requested by Norway opened on Friday.",
     ("Norway", "APPEAL", "UN Human Rights Council", False)),
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


def test_extract_found_a_participle_acts_on_its_noun_not_on_the_clause_around_it(extract_text):
    found = _flat(extract_text("The proposal by Peru, welcomed by Chile, angered Bolivia."))
    assert ("Chile", "PRAISE", "Peru", False) in found
    assert ("Chile", "PRAISE", "Bolivia", False) not in found


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


# ---- a document stands where the speaker would: its author speaks ("a report by X says", "X's statement urged")

# (an armed body named by a national adjective is its country as the target: "Ethiopian troops" -> Ethiopian)
DOCUMENT_CASES = [
    ("A new report by Human Rights Watch says Ethiopian troops killed civilians.",
     ("Watch", "ACCUSE", "Ethiopian", False)),
    ("A statement from the Chilean foreign ministry said Peru must stop the raids.", ("ministry", "APPEAL", "Peru", False)),
    ("The ministry's statement urged Peru to free the fishermen.", ("ministry", "APPEAL", "Peru", False)),
    ("A Kremlin statement said Ukraine had shelled a nuclear plant.", ("Kremlin", "ACCUSE", "Ukraine", False)),
    ("According to a statement from the ministry, Peru violated the truce.", ("ministry", "ACCUSE", "Peru", False)),
]


@pytest.mark.parametrize("text,expected", DOCUMENT_CASES)
def test_extract_found_the_author_of_a_document_speaks(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_DOCUMENT_CASES = [
    # a document that names no author: no one to attribute it to
    "A new report says the economy is shrinking.",
    "The letter urged Peru to free the fishermen.",
    # a caption line: the possessor above the line break is no author of what follows
    "Anna Berg's video report\nMembers of the opposition say the vote was unfair.",
]


@pytest.mark.parametrize("text", NOT_DOCUMENT_CASES)
def test_extract_found_no_author_no_document_speaker(extract_text, text):
    assert not any(s.actor.name.split()[-1] in ("report", "letter", "Berg") for s in extract_text(text).statements)


# ---- a reported clause the parser hung on the noun of "in a statement", "during a visit to X" (syntax.hung_clauses)

HUNG_CLAUSE_CASES = [
    ("Chile's foreign ministry said in a statement that Peru must stop the raids.", ("ministry", "APPEAL", "Peru", False)),
    ("Ruto said during a visit to Paris that France had betrayed Africa.", ("Ruto", "ACCUSE", "France", False)),
    ("Lopez argued at a rally that Venezuela must hold elections.", ("Lopez", "APPEAL", "Venezuela", False)),
]


@pytest.mark.parametrize("text,expected", HUNG_CLAUSE_CASES)
def test_extract_found_a_clause_hung_on_the_phrase_noun_is_reported(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_HUNG_CLAUSE_CASES = [
    # a relative clause that describes the place is no content of the verb
    "The minister spoke in a hall that was full.",
    "The minister spoke in a hall that the army had built.",
]


@pytest.mark.parametrize("text", NOT_HUNG_CLAUSE_CASES)
def test_extract_found_a_describing_clause_is_not_reported(extract_text, text):
    assert not extract_text(text).statements


# ---- a quotation mark left open by a typo quotes nothing after the next quotation opens (quotes.quoted_tokens)

def test_extract_found_an_unclosed_straight_quote_does_not_swallow_the_cues_after_it(extract_text):
    text = ('In the past, the council "was run by a small group of states, Ruiz said. "That time is over." '
            '"Brazil and Chile now lead the region," he added.')
    found = _flat(extract_text(text))
    assert ("Ruiz", "STATEMENT", "Brazil", False) in found
    assert ("Ruiz", "STATEMENT", "Chile", False) in found


QUOTED_VERB_CASES = [
    # verbs inside closed quotations stay the quoted speaker's words, not statements of the text
    ('"Brazil condemned the plan and Chile praised it," the minister said.', {"Brazil", "Chile"}),
    ('The senator said "Brazil condemned the plan" and left.', {"Brazil"}),
]


@pytest.mark.parametrize("text,not_speakers", QUOTED_VERB_CASES)
def test_extract_found_verbs_in_a_closed_quotation_state_nothing(extract_text, text, not_speakers):
    assert not not_speakers & {s.actor.name for s in extract_text(text).statements}


def test_extract_found_straight_marks_pair_by_spacing(nlp):
    from kg.extract.quotes import quoted_tokens

    doc = nlp('He said "the talks failed. Then "we left," she said.')
    inside = {doc[i].text for i in quoted_tokens(doc)}
    assert "we" in inside and "left" in inside
    assert "talks" not in inside  # the first mark was never closed: it quotes nothing


# ---- adjectives of attitude predicated of the speaker (kg.extract.adjectival)

ADJECTIVE_CASES = [
    ("The Chilean minister was highly critical of Peru.", ("minister", "CRITICIZE", "Peru", False)),
    ("While highly critical of Peru and its leaders, the Chilean minister said the talks would continue.",
     ("minister", "CRITICIZE", "Peru", False)),
    ("The senator became increasingly critical of Venezuela and its leaders.", ("senator", "CRITICIZE", "Venezuela", False)),
    ("Chile has been supportive of Argentina.", ("Chile", "SUPPORT", "Argentina", False)),
    ("The senator was not critical of Venezuela.", ("senator", "CRITICIZE", "Venezuela", True)),
]


@pytest.mark.parametrize("text,expected", ADJECTIVE_CASES)
def test_extract_found_an_attitude_adjective_is_a_statement(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_ADJECTIVE_CASES = [
    # "critical for/to" is "important"; an attitude on a name is background; no actor holds the attitude
    "Water is critical for the region.",
    "Lopez, long critical of the government, resigned.",
    "The election is critical of Peru's future.",
    "The vote is critical to Chile.",
]


@pytest.mark.parametrize("text", NOT_ADJECTIVE_CASES)
def test_extract_found_no_attitude_statement(extract_text, text):
    assert not {t for _, t in _speakers_types(extract_text(text))} & {"CRITICIZE", "SUPPORT"}


# ---- a clause the parser put before the cue is no "trailing source" when the cue has a that-clause of its own

def test_extract_found_a_cue_with_its_own_clause_is_no_trailing_source(extract_text):
    text = ("Dutch minister Anna Berg led the talks. Berg, too, was a strong advocate of the treaty and during "
            "the negotiations she stressed that the four freedoms are indivisible.")
    assert ("Berg", "STATEMENT") in _speakers_types(extract_text(text))


def test_extract_found_a_trailing_source_of_a_past_event_still_states_nothing(extract_text):
    assert not extract_text("Zambia extradited the banker to Britain, an official said.").statements


# ---- a surname the NER left untagged is an antecedent of the pronouns after it (kg.extract.coref)

def test_extract_found_he_refers_to_the_untagged_surname_not_to_the_last_tagged_name(extract_text):
    text = ("Former commissioner Karel Dvorak says the bloc must change. Commission President Ingrid Solberg "
            "has argued that the bloc is strong. Dvorak, too, was a keen defender of the bloc and during the "
            "talks he stressed that the common rules apply to everyone. “Half measures will not do,” he warned.")
    warns = {s.actor.name for s in extract_text(text).statements if s.type.value == "WARN"}
    assert warns == {"Karel Dvorak"}


def test_extract_found_an_attitude_inside_a_reported_clause_is_the_reporters_content(extract_text):
    found = _speakers_types(extract_text("China's ambassador told reporters that Beijing was not supportive of the Security Council."))
    assert ("Beijing", "SUPPORT") not in found


# ---- a subject swallowed into a fronted phrase; a document named again ("the statement")

def test_extract_found_a_name_hung_as_an_apposition_on_a_fronted_phrase_speaks(extract_text):
    text = "In an interview on Monday with VOA, Lopez's lawyer, Marta Ruiz, said Lopez does not recognize the court."
    assert ("Ruiz", "STATEMENT") in _speakers_types(extract_text(text))


DOCUMENT_AGAIN_CASES = [
    ("The European Union issued a statement on Somalia on Monday. The statement threatened sanctions against Farmajo.",
     ("Union", "THREATEN", "Farmajo", False)),
    ("Peru released a report on Monday. The report said Chilean troops tortured detainees.",
     ("Peru", "ACCUSE", "Chilean", False)),
]


@pytest.mark.parametrize("text,expected", DOCUMENT_AGAIN_CASES)
def test_extract_found_the_document_named_again_speaks_for_its_issuer(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


def test_extract_found_a_document_named_again_without_an_issuer_states_nothing(extract_text):
    assert not extract_text("A report was published on Monday. The report said Peru tortured detainees.").statements


# ---- "U.S.-Ukraine talks": a hyphen after an abbreviation joins two names (pipeline.split_abbreviation_hyphens)

def test_extract_found_an_abbreviation_hyphen_splits_into_two_sides(extract_text, nlp):
    assert [t.text for t in nlp("U.S.-Ukraine talks")][:3] == ["U.S.", "-", "Ukraine"]
    assert [t.text for t in nlp("the U.S.-led coalition")][1] == "U.S.-led"  # a participle stays one word
    found = _flat(extract_text("U.K.-Norway talks in Oslo ended on Tuesday."))
    assert ("U.K.", "CONSULT", "Norway", False) in found and ("Norway", "CONSULT", "U.K.", False) in found


# ---- a conversation is a consultation (cues.tsv talk verbs with "with"); an interview or staff talk is not

CONVERSATION_CASES = [
    ("Milei spoke by phone with Lula on Monday.", ("Milei", "CONSULT", "Lula", False)),
    ("Ruto talked with Somali President Hassan Sheikh Mohamud about the border.", ("Ruto", "CONSULT", "Mohamud", False)),
]


@pytest.mark.parametrize("text,expected", CONVERSATION_CASES)
def test_extract_found_a_conversation_is_a_consultation(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_CONVERSATION_CASES = [
    "VOA spoke with Armitage about his trip to Taiwan.",
    "Lopez, who spoke with VOA on condition of anonymity, left the country.",
    "The nominee has been speaking with a number of advisers.",
    "Ruto spoke with reporters in Nairobi.",
]


@pytest.mark.parametrize("text", NOT_CONVERSATION_CASES)
def test_extract_found_an_interview_is_no_consultation(extract_text, text):
    assert "CONSULT" not in {t for _, t in _speakers_types(extract_text(text))}


# ---- an act asked of someone ("X said Peru must apologize") is not that actor's act; a spokesperson's principal speaks

def test_extract_found_an_obliged_act_is_not_a_statement_of_the_obliged(extract_text):
    found = _speakers_types(extract_text("The Chilean president said Peru must apologize."))
    assert ("president", "APPEAL") in found and ("Peru", "APOLOGIZE") not in found
    assert ("president", "CRITICIZE") in _speakers_types(extract_text("“We must condemn this attack by Peru,” the Chilean president said."))


SPOKESPERSON_CASES = [
    ("A spokesperson for the Chilean president said Peru must apologize.", ("president", "APPEAL", "Peru", False)),
    ("A spokesman for the Peruvian army said Chilean troops had killed civilians.", ("army", "ACCUSE", "Chilean", False)),
]


@pytest.mark.parametrize("text,expected", SPOKESPERSON_CASES)
def test_extract_found_an_unnamed_spokesperson_speaks_for_the_principal(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


def test_extract_found_a_named_spokesperson_speaks_for_herself(extract_text):
    found = _speakers_types(extract_text("The Kremlin's spokeswoman, Anna Petrova, said Ukraine had shelled the plant."))
    assert any(a == "Petrova" for a, _ in found)


# ---- a deadline is a demand of its addressee (kg.extract.deadlines)

DEADLINE_CASES = [
    ("Israel gave Hamas 48 hours to release the hostages.", ("Israel", "DEMAND", "Hamas", False)),
    ("The army gave the rebels until Friday to lay down their arms.", ("army", "DEMAND", "rebels", False)),
    ("The court gave Peru a deadline to respond.", ("court", "DEMAND", "Peru", False)),
    ("Kenya had given the United Nations 14 days to present a plan.", ("Kenya", "DEMAND", "United Nations", False)),
]


@pytest.mark.parametrize("text,expected", DEADLINE_CASES)
def test_extract_found_a_deadline_is_a_demand(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_DEADLINE_CASES = [
    "The minister gave the students two hours of his time.",
    "Peru gave Chile three days of talks.",
    "Israel gave Hamas the documents on Monday.",
]


@pytest.mark.parametrize("text", NOT_DEADLINE_CASES)
def test_extract_found_time_given_without_an_act_to_do_is_no_demand(extract_text, text):
    assert "DEMAND" not in {t for _, t in _speakers_types(extract_text(text))}


def test_extract_found_a_name_after_the_closing_quote_speaks(extract_text):
    text = '"This is a very good deal for farmers and I am proud of the minister," Republican Senator Mark Olsen, told VOA.'
    assert ("Olsen", "STATEMENT") in _speakers_types(extract_text(text))


def test_extract_found_a_cue_after_another_cue_keeps_its_speaker(extract_text):
    found = [s for s in extract_text('"We are the last colony," Evenor told VOA, adding that there could be no link.').statements]
    assert {s.cue.text for s in found} == {"told", "adding"} and {s.actor.name for s in found} == {"Evenor"}


# ---- "called for X to do Y": the parser takes "for" as the subordinator of the clause (syntax.for_clause_mark)

FOR_CLAUSE_CASES = [
    ("The foreign minister called for Iran to free the journalists.", ("minister", "APPEAL", "Iran", False)),
    ("Senator Maria Lopez called for Iran to free the journalists.", ("Lopez", "APPEAL", "Iran", False)),
    ("The opposition leader called for the president to resign.", ("leader", "APPEAL", "president", False)),
    ("Norway called for Sweden to release the prisoners.", ("Norway", "APPEAL", "Sweden", False)),
]


@pytest.mark.parametrize("text,expected", FOR_CLAUSE_CASES)
def test_extract_found_the_subject_of_a_for_clause_is_appealed_to(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_FOR_CLAUSE_CASES = [
    # a passive "called for" (a foul) and a "for" that is no subordinator state no appeal
    "The coach was called for a foul.",
    "The mayor waited for the governor to arrive.",
]


@pytest.mark.parametrize("text", NOT_FOR_CLAUSE_CASES)
def test_extract_found_a_for_clause_without_call_is_no_appeal(extract_text, text):
    assert "APPEAL" not in {t for _, t in _speakers_types(extract_text(text))}


def test_extract_found_the_for_clause_is_the_content_of_the_call(extract_text):
    (s,) = [s for s in extract_text("The senator called for Iran to free the journalists.").statements]
    assert s.content is not None and "free the journalists" in s.content.text


# ---- role nouns of political reporting name actors (agents.tsv version 3: PETRARCH2 roles GOV/LEG/JUD/OPP/PTY)

ROLE_NOUN_CASES = [
    ("The French politician says the European Union is failing.", "politician"),
    ("The dissident accused the government of torture.", "dissident"),
    ("Opponents of the plan accused the mayor of lying.", "Opponents"),
    ("The magistrate criticized the police for the raid.", "magistrate"),
    ("Several parliamentarians urged the minister to resign.", "parliamentarians"),
]


@pytest.mark.parametrize("text,speaker", ROLE_NOUN_CASES)
def test_extract_found_a_political_role_noun_speaks(extract_text, text, speaker):
    assert speaker in {a for a, _ in _speakers_types(extract_text(text))}


def test_extract_found_a_state_noun_is_no_actor(extract_text):
    # "exile" is left out of agents.tsv: a place one goes into, not a speaker
    found = _flat(extract_text("The writer went into exile after the president criticized his books."))
    assert not any(t == "exile" for _, _, t, _ in found)


# ---- an offer of one's own act: "proposed to <verb>" is a PROMISE (words.tsv offer_verbs); a clause stays a report

OFFER_CASES = [
    ("Brazil proposed to cut tariffs on Argentina.", ("Brazil", "PROMISE", "Argentina", False)),
    ("The Korean side proposed to fix a floor price.", ("side", "PROMISE", None, False)),
    ("Germany offered to mediate between Serbia and Kosovo.", ("Germany", "PROMISE", None, False)),
]


@pytest.mark.parametrize("text,expected", OFFER_CASES)
def test_extract_found_proposing_ones_own_act_is_a_promise(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_OFFER_CASES = [
    "Brazil proposed that Argentina cut tariffs.",  # a proposal for someone else's act
    "The minister proposed a new law.",
    "He proposed to his girlfriend in Paris.",  # "to" a preposition, no infinitive
]


@pytest.mark.parametrize("text", NOT_OFFER_CASES)
def test_extract_found_a_proposal_without_an_own_infinitive_is_no_promise(extract_text, text):
    assert "PROMISE" not in {t for _, t in _speakers_types(extract_text(text))}


# ---- "X is looking to Y to do Z": an appeal to Y (cues.tsv "look to", only with the infinitive: words.tsv infinitive_cues)

LOOK_TO_CASES = [
    ("Ankara is looking to Washington to veto the sanctions.", ("Ankara", "APPEAL", "Washington", False)),
    ("Seoul will likely be looking to President Joe Biden to block new tariffs against Korea.",
     ("Seoul", "APPEAL", "Joe Biden", False)),
]


@pytest.mark.parametrize("text,expected", LOOK_TO_CASES)
def test_extract_found_looking_to_someone_to_act_is_an_appeal(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_LOOK_TO_CASES = [
    "The party looked to the future.",
    "Ankara is looking to avoid a crisis.",
    "Investors are looking to the central bank for guidance.",
]


@pytest.mark.parametrize("text", NOT_LOOK_TO_CASES)
def test_extract_found_looking_to_without_an_infinitive_is_no_appeal(extract_text, text):
    assert "APPEAL" not in {t for _, t in _speakers_types(extract_text(text))}


# ---- "X and other Ns": the parser hangs the name on the group noun as a modifier; the named one speaks
# (speakers.example_members)

AND_OTHER_CASES = [
    ("Orban and other populists have declined to join the EU asylum plan.", ("Orban", "REJECT", "EU", False)),
    ("Dupont and other populists criticized the European Commission.", ("Dupont", "CRITICIZE", "European Commission", False)),
]


@pytest.mark.parametrize("text,expected", AND_OTHER_CASES)
def test_extract_found_the_named_one_of_x_and_other_ns_speaks(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


def test_extract_found_x_and_other_things_are_no_speakers(extract_text):
    assert not extract_text("Apples and other fruits were praised at the fair.").statements


# ---- "lobby X to do Y" is an appeal (cues.tsv "lobby"); a document's findings are its author's statement
# (words.tsv finding_verbs: "a report by X finds that ...")

LOBBY_AND_FINDING_CASES = [
    ("The minister traveled to Brussels to lobby the EU to drop the tariffs.", ("minister", "APPEAL", "EU", False)),
    ("Japan lobbied Washington to lift the sanctions.", ("Japan", "APPEAL", "Washington", False)),
    ("A new report by the World Bank finds that countries must cut subsidies.", ("Bank", "APPEAL", "countries", False)),
    ("A report by Amnesty International concludes that the army tortured prisoners.",
     ("International", "ACCUSE", "army", False)),
]


@pytest.mark.parametrize("text,expected", LOBBY_AND_FINDING_CASES)
def test_extract_found_lobbying_and_a_documents_findings(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_FINDING_CASES = [
    "Police found the bodies of two journalists.",  # no document finds anything
    "The minister showed the visitors the new harbour.",
    "The gun lobby opposed the bill.",  # "lobby" a noun
]


@pytest.mark.parametrize("text", NOT_FINDING_CASES)
def test_extract_found_finding_verbs_without_a_document_state_nothing(extract_text, text):
    assert not {t for _, t in _speakers_types(extract_text(text))} & {"STATEMENT", "APPEAL", "ACCUSE"}


# ---- a meeting with an unnamed group of office holders "in"/"from" a country consults that country
# (speakers.placed_group_actors; CAMEO codes "officials in Germany" as DEUGOV)

PLACED_GROUP_CASES = [
    ("The minister met with officials in Germany and Italy.", {"Germany", "Italy"}),
    ("The minister met with officials from Peru.", {"Peru"}),
    ("The minister met with German officials.", {"German officials"}),
]


@pytest.mark.parametrize("text,targets", PLACED_GROUP_CASES)
def test_extract_found_a_meeting_with_officials_of_a_country_consults_it(extract_text, text, targets):
    assert {t for _, ty, t, _ in _flat(extract_text(text)) if ty == "CONSULT"} == targets


def test_extract_found_staff_in_a_country_are_no_partners(extract_text):
    # "advisers" have no CAMEO role (agents.tsv "-"): no meeting partner, and the country is only the place
    assert "CONSULT" not in {t for _, t in _speakers_types(extract_text("The minister met with advisers in Germany."))}
