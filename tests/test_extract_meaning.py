"""Statement types and targets read from the meaning of the reported clause, with
the real spaCy model: wrongdoing and negative evaluation (VADER valence), words
that undo a negative ("de-escalate tensions"), own-side targets, office holders,
the article's leading figure behind "the US president".

The sentences are our own, written for these tests; none comes from the gold files.
"""

from __future__ import annotations

import pytest

from kg.extract.valence import STRONG_NEGATIVE, valence
from tests._extract_helpers import flat as _flat


def test_extract_meaning_valence_comes_from_vader():
    assert valence("deception") <= STRONG_NEGATIVE
    assert valence("failed") <= STRONG_NEGATIVE
    assert valence("tough") > STRONG_NEGATIVE
    assert valence("no-such-word-xyz") == 0.0


ACCUSE_CASES = [
    # a named actor doing something strongly negative, reported: alleged wrongdoing
    ("Portugal says Spain has failed to honour the fishing agreement.", ("Portugal", "ACCUSE", "Spain", False)),
    ("Chile said Peru wanted to start a war over the border.", ("Chile", "ACCUSE", "Peru", False)),
    ('Norway said Denmark had "put its faith in deception and distraction".', ("Norway", "ACCUSE", "Denmark", False)),
]


@pytest.mark.parametrize("text,expected", ACCUSE_CASES)
def test_extract_meaning_reported_wrongdoing_is_an_accusation(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


NOT_ACCUSE_CASES = [
    # an announced future act is no allegation
    "Ghana will abandon its trade ties with Togo, a senior official said.",
    # a modal possibility is no allegation
    "Kenya may halt mediation among Somalia's feuding clans, the minister said.",
    # the negative word is undone by its verb
    "Austria said the Vienna meeting was a chance to de-escalate tensions.",
    # a negated negative word
    "Latvia said Estonia had organised a violence free rally.",
]


@pytest.mark.parametrize("text", NOT_ACCUSE_CASES)
def test_extract_meaning_no_accusation_or_criticism_without_alleged_wrongdoing(extract_text, text):
    found = {(a, t) for a, t, _, _ in _flat(extract_text(text))}
    assert not {t for _, t in found} & {"ACCUSE", "CRITICIZE"}, found


def test_extract_meaning_negative_word_inside_the_subject_is_no_evaluation(extract_text):
    res = extract_text("Terrorist groups are merely a tool in the hands of foreign powers, the minister said.")
    assert not [s for s in res.statements if s.type.value == "CRITICIZE" and any(t.name == "Terrorist groups" for t in s.targets)]


def test_extract_meaning_own_government_is_no_target(extract_text):
    res = extract_text("Minister Lena Holm said her cabinet's aim was to keep Finland out of the conflict.")
    assert not [s for s in res.statements if s.type.value == "CRITICIZE"]


def test_extract_meaning_statement_on_twitter_does_not_target_twitter(extract_text):
    res = extract_text("Mike Pompeo welcomed the move by Bahrain on Twitter.")
    names = {t.name for s in res.statements for t in s.targets}
    assert "Twitter" not in names


def test_extract_meaning_his_office_speaks_for_the_office_holder(extract_text):
    res = extract_text(
        "Archbishop Tomas Vidal condemned the bombings, yet his office also denounced raids by armed gangs."
    )
    speakers = {s.actor.name for s in res.statements if s.cue.text == "denounced"}
    assert speakers and all("Vidal" in n for n in speakers), speakers


def test_extract_meaning_leader_role_phrase_is_the_articles_main_person(extract_text):
    text = (
        "Trump's speech angers allies\n\nDonald Trump's first speech at the summit was denounced by some members. "
        "The US president said the US would \"completely destroy\" Cuba if pushed into a corner."
    )
    res = extract_text(text)
    assert ("Trump", "THREATEN", "Cuba", False) in _flat(res)


def test_extract_meaning_speaker_country_in_demonym_is_own_side(extract_text):
    # "Russian President ... said Russia will ...": Russia is the speaker's own side, not a target
    res = extract_text("Russian President Vladimir Putin said Russia will deploy new missiles next year.")
    assert not [s for s in res.statements if any(t.name == "Russia" for t in s.targets)]


def test_link_meaning_own_country_is_no_target_after_linking(extract_text, linker):
    res = linker.link(extract_text("U.S. officials said Washington had been patient but that Iran had failed to respond."))
    for s in res.statements:
        assert not any(t.qid == "Q30" for t in s.targets), [(s.actor.name, s.type.value, [t.name for t in s.targets])]


THREAT_CASES = [
    # the speaker's side commits to force: "our response", future tense, force noun as subject
    ('"Our response will be really severe on the Danish units," commander Jonas Lind said.',
     ("Lind", "THREATEN", "Danish", False)),  # the country acting through its forces (targets)
    # a passive answer by force threatens the agent of what is answered
    ("Anna Berg spoke on Monday. She said any attacks by Belarus would be answered with a decisive response.",
     ("Berg", "THREATEN", "Belarus", False)),
    # a warning that commits someone to force against X threatens X
    ("Sweden warned that Norway will impose sanctions on Denmark.", ("Sweden", "THREATEN", "Denmark", False)),
    ("Mr Olsen attacked Bolivia and warned that Canada was ready to take action against it.",
     ("Olsen", "THREATEN", "Bolivia", False)),
    # a warning to X with the speaker's own threat of retaliation is a threat to X
    ("Russian President Vladimir Putin warned the United States against deploying missiles, saying Russia will retaliate.",
     ("Putin", "THREATEN", "United States", False)),
]


@pytest.mark.parametrize("text,expected", THREAT_CASES)
def test_extract_meaning_force_commitments_are_threats(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


def test_extract_meaning_plain_warning_stays_a_warning(extract_text):
    assert ("Kenya", "WARN", "Uganda", False) in _flat(extract_text("Kenya warned Uganda that it will face hardship."))


def test_extract_meaning_answering_questions_is_no_threat(extract_text):
    res = extract_text("Iran said it will answer questions from the inspectors.")
    assert not [s for s in res.statements if s.type.value == "THREATEN"]


LABEL_CASES = [
    # a pejorative label given to an actor, its government or its act (CAMEO 111/112)
    ('Mr Olsen also targeted Cuba, calling its government a corrupt "socialist dictatorship".', ("Olsen", "CRITICIZE", "Cuba", False)),
    ("Karl Nilsson dubbed Sweden a rogue state.", ("Nilsson", "CRITICIZE", "Sweden", False)),
    ("Sweden's Karl Nilsson described Norway's plans as a grave violation of international law.",
     ("Nilsson", "ACCUSE", "Norway", False)),
]


@pytest.mark.parametrize("text,expected", LABEL_CASES)
def test_extract_meaning_pejorative_labels_are_criticism(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


def test_extract_meaning_neutral_label_is_no_statement(extract_text):
    assert not extract_text("Peru called the meeting a success.").statements


def test_extract_meaning_warning_about_an_act_targets_its_doer(extract_text):
    text = ("Serbia plans to annex part of the border valley. "
            "Croatian Foreign Minister Ivo Maric warned that any annexation would amount to a crime.")
    assert ("Maric", "WARN", "Serbia", False) in _flat(extract_text(text))


def test_extract_meaning_backing_and_declining(extract_text):
    assert ("Netanyahu", "SUPPORT", "Trump", False) in _flat(extract_text("Netanyahu backed Mr Trump during his speech."))
    res = extract_text("Lund says she declined an invitation to the Elysee Palace from President Emmanuel Macron.")
    assert ("Lund", "REJECT", "Emmanuel Macron", False) in _flat(res)
    assert not [s for s in res.statements for t in s.targets if t.name == "Elysee Palace"]


def test_extract_meaning_standing_support_and_silence_are_no_statements(extract_text):
    res = extract_text("Russia said the strike was unacceptable. Iran, which backs Assad, made no comment. Iran backs Hezbollah.")
    assert not [s for s in res.statements if s.type.value == "SUPPORT"]
    res = extract_text("The ministry refused to comment on the report.")
    assert not [s for s in res.statements if s.type.value == "REJECT"]


def test_extract_meaning_pronoun_speaker_inside_reported_clause_is_the_reporter(extract_text):
    text = ("Maria Lund says she has declined an offer from President Emmanuel Macron, "
            "accusing him of not being honest.")
    assert ("Lund", "ACCUSE", "Emmanuel Macron", False) in _flat(extract_text(text))


def test_extract_meaning_name_mislabelled_here_but_named_elsewhere_is_an_actor(extract_text):
    # the small model tags "Trump" in the second sentence as WORK_OF_ART
    res = extract_text("Donald Trump spoke on Monday. \"Look, it's a rigged game,\" Trump told Sean Hannity of Fox News on Friday.")
    assert [s for s in res.statements if s.cue.text == "told" and s.actor.name == "Donald Trump"]


def test_extract_meaning_participle_under_by_inherits_the_coordinated_subject(extract_text):
    res = extract_text("Ralph Nader later went on CNN on Friday and began by saying he would not blame anybody.")
    assert [s for s in res.statements if s.cue.text == "saying" and s.actor.name == "Ralph Nader"]


def test_extract_meaning_sources_tied_to_a_named_actor_are_not_anonymous(nlp):
    from kg.extract.lexicon import load_lexicon
    from kg.extract.mentions import is_anonymous, mention_for

    lex = load_lexicon()
    doc = nlp("Aides to Mr. Obama said the president was angry. Later, aides said the president was angry.")
    first = next(t for t in doc if t.lower_ == "aides")
    second = [t for t in doc if t.lower_ == "aides"][1]
    assert not is_anonymous(mention_for(first, lex), doc, lex)
    assert is_anonymous(mention_for(second, lex), doc, lex)


def test_extract_meaning_negated_apology_without_target_is_kept(extract_text):
    res = extract_text("Boris Johnson didn't apologize for his earlier remarks.")
    assert ("Johnson", "APOLOGIZE", None, True) in _flat(res)


QUOTE_CASES = [
    # a quotation over several sentences: the cue-less sentences belong to the cue's speaker
    ("“The talks went well. Britain has committed crimes in Iraq,” Iran’s army commander Ali Karimi said.",
     ("Karimi", "ACCUSE", "Britain", False)),
    ("“The talks went well,” Ali Karimi said. “Britain has committed crimes in Iraq. We will respond.”",
     ("Karimi", "ACCUSE", "Britain", False)),
    # a quoted past event before "X said" is the speaker's claim, not a sourced fact
    ("“Washington has committed a crime against Russia,” the Russian foreign ministry said.",
     ("ministry", "ACCUSE", "Washington", False)),
]


@pytest.mark.parametrize("text,expected", QUOTE_CASES)
def test_extract_meaning_quotes_over_several_sentences(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


def test_extract_meaning_unquoted_sentence_after_a_quote_is_not_attributed(extract_text):
    res = extract_text("“The talks went well,” Ali Karimi said. Britain has committed crimes in Iraq, the report found.")
    assert not [s for s in res.statements if any(t.name == "Britain" for t in s.targets)]


def test_extract_meaning_quotation_content_spans_all_its_sentences(extract_text):
    text = "“The talks went well. We will meet again,” Ali Karimi said."
    res = extract_text(text)
    said = [s for s in res.statements if s.cue.text == "said"]
    assert said and said[0].content is not None
    assert "talks went well" in said[0].content.text and "meet again" in said[0].content.text


PLOVER_STYLE_CASES = [
    # the organization its officials speak for is the actor (PETRARCH/CAMEO practice)
    ("Serbian Farmers Association (SFA) officials demanded support from the Belgrade City Assembly.",
     ("Association", "DEMAND", "Belgrade City Assembly", False)),
    # an organization inside a compound object ("a Security Council resolution")
    ("Russia on Friday vetoed a Security Council draft condemning as a breach of law its blockade.",
     ("Russia", "REJECT", "Security Council", False)),
    # a refusal despite pressure by X rejects X
    ("Deputy Mayor Piotr Nowak has declined to resign despite mounting pressure by the Polish Audit Office.",
     ("Nowak", "REJECT", "Polish Audit Office", False)),
    # "insisted on its demands that X grant ...": the subject of the demand's clause
    ("The opposition movement, Alliance for National Renewal (ANR), insisted on its demands that Chad's government release more prisoners.",
     ("Renewal", "DEMAND", "Chad's government", False)),
]


@pytest.mark.parametrize("text,expected", PLOVER_STYLE_CASES)
def test_extract_meaning_codebook_style_targets(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


def test_extract_meaning_one_unnamed_official_stays_anonymous(extract_text):
    res = extract_text("Arnor is about to restore ties with Gondor, a clearly inebriated Bree official said today.")
    assert not [s for s in res.statements if s.type.value == "STATEMENT"]


def test_extract_meaning_appositive_descriptor_is_a_mention_of_the_named_actor(extract_text):
    res = extract_text("The largest rebel group, Alliance for National Renewal (ANR), insisted on fresh talks with Chad.")
    actor = next(s.actor for s in res.statements)
    assert any(m.text.endswith("rebel group") for m in actor.mentions), [m.text for m in actor.mentions]


def test_extract_meaning_verbs_inside_a_quotation_are_its_speakers_words(extract_text):
    res = extract_text("“Taking revenge is the right of those groups that defend Iraq,” said Ali Karimi.")
    assert {s.actor.name for s in res.statements} == {"Ali Karimi"}
    assert not [s for s in res.statements if s.type.value == "SUPPORT"]
    # a first-person subject inside the quotation is the speaker acting
    res = extract_text("“We urge Iran to stop,” the ministry added.")
    assert ("ministry", "APPEAL", "Iran", False) in _flat(res)


def test_extract_meaning_speaking_without_saying_anything_is_no_statement(extract_text):
    assert not extract_text("Hillary Clinton spoke at a rally in Ohio.").statements
    assert extract_text("Hillary Clinton spoke about the election in Ohio.").statements


def test_extract_meaning_reported_speech_of_the_subject_is_not_its_wrongdoing(extract_text):
    res = extract_text("“The minister described the attack on the army as a vicious assault,” his office said.")
    assert not [s for s in res.statements if s.type.value in ("ACCUSE", "CRITICIZE") and
                any("minister" in t.name for t in s.targets)]


def test_extract_meaning_own_side_is_no_clause_target(extract_text):
    res = extract_text("Egypt at first denied any knowledge of her whereabouts but the Egyptian chief prosecutor now describes it as a kidnapping.")
    assert not [s for s in res.statements for t in s.targets if "prosecutor" in t.name]


def test_extract_meaning_rejected_accusations_are_a_denial_of_the_accuser(extract_text):
    assert ("Iran", "DENY", "US", False) in _flat(extract_text("Iran rejected the US accusations."))
    res = extract_text("The U.S. has accused China of violating the accord, the accusations Beijing has rejected.")
    assert ("Beijing", "DENY", "U.S.", False) in _flat(res)


def test_extract_meaning_crime_noun_hung_on_the_cue_inside_the_quote(extract_text):
    text = ("“We regard these steps as an openly hostile act, a serious violation by Ottawa of "
            "international norms,” the Indian foreign ministry said about the expulsions.")
    assert ("ministry", "ACCUSE", "Ottawa", False) in _flat(extract_text(text))


def test_extract_meaning_another_word_for_the_same_attack_finds_its_agent(extract_text):
    text = "Iraq condemned U.S. air strikes on Sunday. Iran has condemned the air raids as terrorism."
    assert ("Iran", "CRITICIZE", "U.S.", False) in _flat(extract_text(text))


def test_extract_meaning_talks_with_x_on_any_verb_are_a_consultation(extract_text):
    res = extract_text("Lavrov, who arrived in Qatar on Monday for talks with Doha's foreign minister, welcomed the decision.")
    assert ("Lavrov", "CONSULT", "Doha's foreign minister", False) in _flat(res)
    assert not [s for s in extract_text("Iran ended talks with France.").statements if s.type.value == "CONSULT"]


def test_extract_meaning_stray_quote_marks_quote_nothing(nlp):
    from kg.extract.quotes import quoted_tokens

    doc = nlp("var s = '<p>' + \"\\\"\"; Germany condemned Russia on Monday.")
    cue = next(t for t in doc if t.lower_ == "condemned")
    assert cue.i not in quoted_tokens(doc)
    doc = nlp("“Germany condemned Russia,” he said. “We will act.”")
    quoted = quoted_tokens(doc)
    assert next(t for t in doc if t.lower_ == "condemned").i in quoted
    assert next(t for t in doc if t.lower_ == "said").i not in quoted


def test_extract_meaning_condemning_a_reported_act_accuses_its_doer(extract_text):
    base = "Iraq condemned U.S. air strikes on Sunday. Washington said the strikes hit militia bases. "
    res = extract_text(base + "“This claim cannot justify bombing and killing people,” spokesman Ali Rabiei said.")
    assert ("Rabiei", "ACCUSE", "U.S.", False) in _flat(res)
    res = extract_text(base + "“Responding to this crime is our natural right,” said the Guard Corps commander Ali Karimi.")
    assert ("Karimi", "ACCUSE", "U.S.", False) in _flat(res)
    # a reported attack in a neutral clause accuses no one
    res = extract_text(base + "Ali Karimi said the strikes were aimed at deterring attacks.")
    assert not [s for s in res.statements if s.actor.name == "Ali Karimi" and s.type.value == "ACCUSE"]


def test_extract_meaning_appeal_with_or_face_sanctions_is_also_a_threat(extract_text):
    res = extract_text("Angela Merkel called on Belgrade to help ease the standoff or face more sanctions.")
    assert {("Merkel", "APPEAL", "Belgrade", False), ("Merkel", "THREATEN", "Belgrade", False)} <= _flat(res)
    assert ("Merkel", "THREATEN", "Belgrade", False) not in _flat(extract_text("Angela Merkel called on Belgrade to help ease the standoff."))


def test_extract_meaning_including_among_pejoratives_is_criticism(extract_text):
    assert ("Lee", "CRITICIZE", "Syria", False) in _flat(
        extract_text('Senator Ann Lee included Syria among "a tiny club of rogue governments".'))
    assert not extract_text("Barack Obama included Germany among the countries he will visit.").statements


def test_extract_meaning_negative_qualifier_of_an_actors_thing_criticizes_the_actor(extract_text):
    text = ('Lima MP Rosa Quispe wrote on Twitter: "Our unlucky interpreter struggled so hard trying to soften '
            "Bolsonaro's baseless claims on TV!!\"")
    assert ("Quispe", "CRITICIZE", "Bolsonaro", False) in _flat(extract_text(text))


def test_extract_meaning_list_parsed_as_several_subjects_gives_every_speaker(extract_text):
    res = extract_text("NATO, African Union call on Ethiopia to drop dam plans\n\nThe call came on Monday.")
    assert {("NATO", "APPEAL", "Ethiopia", False), ("Union", "APPEAL", "Ethiopia", False)} <= _flat(res)


def test_extract_meaning_list_headline_with_npadvmod_first_name(extract_text):
    res = extract_text("EU, African Union call on Ethiopia to drop dam plans\n\nThe call came on Monday.")
    assert ("EU", "APPEAL", "Ethiopia", False) in _flat(res)


def test_extract_meaning_place_phrase_hung_on_the_verb_stays_in_the_mention(extract_text):
    res = extract_text("Ms Lund praised the new authorities in Minsk, saying they had kept their promises.")
    target = next(t for s in res.statements if s.type.value == "PRAISE" for t in s.targets)
    assert any(m.text.endswith("in Minsk") for m in target.mentions), [m.text for m in target.mentions]


def test_extract_meaning_negation_on_the_adjective_of_a_positive_state(extract_text):
    res = extract_text('President Macron said he was "not satisfied" with the Turkish explanation.')
    assert ("Macron", "CRITICIZE", "Turkish", False) in _flat(res)


def test_extract_meaning_a_document_speaks_for_its_issuer(extract_text):
    res = extract_text("The Nordic Council on Friday adopted a non-binding motion urging a trade embargo on Belarus.")
    assert ("Council", "APPEAL", "Belarus", False) in _flat(res)


DENIAL_CASES = [
    ("“Our European partners should have raised it directly instead of making unfounded accusations against Hungary,” "
     "Hungarian Prime Minister Viktor Orban said.", ("Orban", "DENY", "European", False)),
    ("The expulsions follow accusations from British security officials that China tried to interfere in the "
     "vote, something Beijing denies.", ("Beijing", "DENY", "British security officials", False)),
]


@pytest.mark.parametrize("text,expected", DENIAL_CASES)
def test_extract_meaning_dismissing_accusations_denies_their_authors(extract_text, text, expected):
    assert expected in _flat(extract_text(text))


def test_extract_meaning_entity_and_sentence_lookups_match_spacy(nlp):
    """The O(1)/O(entity) lookups that keep long articles linear agree with spaCy's own."""
    from kg.extract.coref import Resolver
    from kg.extract.lexicon import load_lexicon
    from kg.extract.syntax import ent_of

    doc = nlp("Iranian Defense Minister Hossein Dehqan said the United States and Saudi Arabia support terrorists. "
              "Dehqan spoke in Tehran on Monday. The Russian foreign ministry said Moscow agreed.")
    for tok in doc:
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        got = ent_of(tok)
        assert (got is None) == (ent is None)
        if ent is not None:
            assert (got.start, got.end, got.label_) == (ent.start, ent.end, ent.label_)
    res = Resolver(doc, load_lexicon())
    for a in range(0, len(doc), 3):
        for b in range(a, len(doc), 5):
            assert res._sdist(a, b) == sum(1 for t in doc[a + 1:b + 1] if t.is_sent_start)


NEW_USER_CASES = [
    # who is blamed is the on-phrase, not an actor inside the thing blamed
    ("Senator Ann Lee blamed US-Russia tensions on the previous administrations.", "Russia", False),
    # the victims and the place of a condemned act are not its target
    ("John Kerry condemned the killing of the Israeli soldiers.", "Israeli soldiers", False),
    ("Pope Francis condemned the war in Ukraine.", "Ukraine", False),
    # an appositive name inside the object is the target, not the object's modifiers
    ("Erdogan blamed the coup attempt on a U.S.-based moderate Islamic cleric, Fethullah Gulen.", "Fethullah Gulen", True),
    ("Erdogan blamed the coup attempt on a U.S.-based moderate Islamic cleric, Fethullah Gulen.", "Islamic", False),
    # "pay a heavy price": a threat to whoever will pay
    ("Ayatollah Ali Khamenei said America would pay a heavy price.", "America", True),
]


@pytest.mark.parametrize("text,target,present", NEW_USER_CASES)
def test_extract_meaning_targets_from_new_user_reports(extract_text, text, target, present):
    targets = {t.name for s in extract_text(text).statements for t in s.targets}
    assert (target in targets) == present, targets


def test_extract_meaning_undergoing_is_no_wrongdoing(extract_text):
    res = extract_text("Brett McGurk said the SDF suffered thousands of casualties.")
    assert not [s for s in res.statements if s.type.value in ("ACCUSE", "CRITICIZE")]


def test_extract_meaning_avoiding_a_speech_act_negates_it(extract_text):
    res = extract_text("Governor Roy Cooper has avoided criticizing Donald Trump by name.")
    crit = [s for s in res.statements if s.type.value == "CRITICIZE"]
    assert crit and all(s.negated for s in crit)


def test_extract_meaning_plural_role_noun_is_no_single_person(extract_text):
    res = extract_text("Pope Francis met Ayatollah Ali Khamenei, Iran's Supreme Leader. "
                       "Later Pope Francis appealed to world leaders for peace.")
    assert not [s for s in res.statements if s.type.value == "APPEAL" and any("Khamenei" in t.name for t in s.targets)]


def test_extract_coref_names_match_across_diacritics(extract_text):
    res = extract_text("Recep Tayyip Erdoğan criticized Greece on Monday. Erdogan said Turkey would never negotiate with Syria.")
    names = {s.actor.name for s in res.statements if "rdo" in s.actor.name}
    assert len(names) == 1 and len([s for s in res.statements if "rdo" in s.actor.name]) == 2, names


@pytest.mark.parametrize("text,expected", [
    ('"Who will pay for this?" Senator Anna Berg asked.', "STATEMENT"),
    ("Senator Anna Berg asked whether Germany would pay.", "STATEMENT"),
    ("Germany asked France to pay.", "APPEAL"),
])
def test_extract_meaning_a_question_is_no_appeal(extract_text, text, expected):
    assert {s.type.value for s in extract_text(text).statements if s.cue.text == "asked"} == {expected}
