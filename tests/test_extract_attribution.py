"""Attribution: speech-act cues and their speakers (issue 14).

Table-driven, on sentences written for these tests (invented people and places), with the
real model.  Each kind of language has its own table; the negatives hold belief and intention
verbs and the non-speech senses of the cue verbs.
"""

from __future__ import annotations

import pytest

from tests._extract_helpers import parse

#: (text, speaker's last name word, a word of the cue, type or None for any type)
Cue = tuple[str, str, str, str | None]

# --------------------------------------------------------------------------- reporting verbs (Levin 37)

REPORTING_VERBS: list[Cue] = [
    # 37.7 say verbs and PARC reporting verbs
    ("Senator Mara Quill contended that the bill would raise taxes.", "Quill", "contended", "STATEMENT"),
    ("Ambassador Teo Varga observed that the talks had stalled.", "Varga", "observed", "STATEMENT"),
    ("The minister, Dara Kell, mentioned that the border would reopen.", "Kell", "mentioned", "STATEMENT"),
    ("Dara Kell revealed that the ministry had lost the files.", "Kell", "revealed", "STATEMENT"),
    ("Mayor Ilse Borrow proclaimed that the city was safe.", "Borrow", "proclaimed", "STATEMENT"),
    ("Teo Varga affirmed that the treaty still stands.", "Varga", "affirmed", "STATEMENT"),
    ("Senator Mara Quill countered that the plan was too expensive.", "Quill", "countered", "STATEMENT"),
    ("Teo Varga retorted that the senator had never read the bill.", "Varga", "retorted", "STATEMENT"),
    ("Teo Varga boasted that his party would win every seat.", "Varga", "boasted", "STATEMENT"),
    ("Senator Mara Quill pointed out that the figures were wrong.", "Quill", "pointed", "STATEMENT"),
    # 37.3 manner of speaking
    ("Mayor Ilse Borrow shouted that the meeting was over.", "Borrow", "shouted", "STATEMENT"),
    ("Dara Kell whispered to reporters that the deal was done.", "Kell", "whispered", "STATEMENT"),
    ("Mayor Ilse Borrow joked that the roads were older than she was.", "Borrow", "joked", "STATEMENT"),
    # 37.4 instrument of communication
    ("Teo Varga posted on Facebook that the vote was rigged.", "Varga", "posted", "STATEMENT"),
    ("Senator Mara Quill emailed her staff that the office would close early.", "Quill", "emailed", "STATEMENT"),
    ("Senator Mara Quill tweeted that the debate was a farce.", "Quill", "tweeted", "STATEMENT"),
    # 37.9 advise
    ("Senator Mara Quill informed the committee that she would resign.", "Quill", "informed", "STATEMENT"),
    ("Mayor Ilse Borrow reminded voters that the tax had been cut.", "Borrow", "reminded", "STATEMENT"),
    ("Dara Kell notified the council that the contract had ended.", "Kell", "notified", "STATEMENT"),
    # verbs of public reaction that are speech acts
    ("Senator Mara Quill bristled at questions about her health.", "Quill", "bristled", "CRITICIZE"),
    ("Teo Varga scoffed at the proposal.", "Varga", "scoffed", "CRITICIZE"),
    ("Senator Dara Kell lashed out at the press.", "Kell", "lashed", "CRITICIZE"),
    ("Teo Varga railed against the new tax.", "Varga", "railed", "CRITICIZE"),
    # an attitude expressed or voiced in public
    ("Senator Mara Quill expressed concern about the new tax.", "Quill", "expressed", "STATEMENT"),
    ("Rural voters have voiced misgivings about the mayor.", "voters", "voiced", "STATEMENT"),
    ("Dara Kell expressed frustration with the pace of the talks.", "Kell", "expressed", "STATEMENT"),
]

# --------------------------------------------------------------------------- speakers the parser hangs elsewhere

SPEAKERS: list[Cue] = [
    # a quotation opening with a noun the parser takes for a second subject of the cue
    ("“My answer, that was a mistake,” the senator's former adviser said in an interview with a radio host.",
     "adviser", "said", None),
    ("“My answer, that was a mistake,” Senator Dara Kell said in an interview with a radio host.", "Kell", "said", None),
    ("“My first thought, that was absurd,” Mayor Teo Varga said in a statement.", "Varga", "said", None),
    ("“His remark, that was shameful,” the senator said during a debate.", "senator", "said", None),
    # staff nouns of political reporting name a speaker
    ("“We will not stop,” the mayor's chief strategist said on Tuesday.", "strategist", "said", None),
    ("“The plan is dead,” his top adviser told reporters.", "adviser", "told", None),
    ("Two aides to Senator Mara Quill said she would not run again.", "Quill", "said", None),
    # a trailing source the parser hangs as an apposition on the clause's last noun
    ("Gondor is opposed to talks with Rohan, a close aide to King Teo Varga said Wednesday.", "aide", "said", None),
    ("The plan has no support in Rohan, an aide to Senator Mara Quill said.", "aide", "said", None),
    ("The ministry will stay closed to Arnor, a senior adviser to Prime Minister Dara Kell said Monday.",
     "adviser", "said", None),
]

# --------------------------------------------------------------------------- labels in the speaker's own words

QUOTED_LABELS: list[Cue] = [
    ("Senator Mara Quill called the tax plan “a gift to the rich.”", "Quill", "called", "STATEMENT"),
    ("Mayor Ilse Borrow described the new bridge as “a triumph of engineering.”", "Borrow", "described", "STATEMENT"),
    ("Teo Varga dubbed the reform “the people's budget.”", "Varga", "dubbed", "STATEMENT"),
]


@pytest.mark.parametrize("text,actor,cue,stype", QUOTED_LABELS)
def test_extract_attribution_quoted_labels(extract_text, text, actor, cue, stype):
    res = extract_text(text)
    assert _has(res, actor, cue, stype), (text, _show(res))


# --------------------------------------------------------------------------- acts inside a requested act

#: (text, the request's cue word, a cue word of the requested act that is no statement of the requester)
NESTED_ACTS = [
    ("Senator Dara Kell called on Teo Varga to apologize for accusing her of fraud.", "called", "accusing"),
    ("The council urged the mayor to apologize for insulting the judges.", "urged", "insulting"),
    ("Teo Varga asked Ilse Borrow to stop criticizing the police.", "asked", "criticizing"),
    ("The judges pressed the minister to stop attacking the courts.", "pressed", "attacking"),
]

# --------------------------------------------------------------------------- parentheticals

PARENTHETICALS: list[Cue] = [
    ("The plan, Teo Varga contended, was doomed from the start.", "Varga", "contended", "STATEMENT"),
    ("The economy, Dara Kell said, was in trouble.", "Kell", "said", "STATEMENT"),
    ("The bridge, the mayor observed, was older than the town.", "mayor", "observed", "STATEMENT"),
    ("The talks, aides to Senator Mara Quill say, have stalled.", "Quill", "say", "STATEMENT"),
]


@pytest.mark.parametrize("text,actor,cue,stype", PARENTHETICALS)
def test_extract_attribution_parentheticals(extract_text, text, actor, cue, stype):
    res = extract_text(text)
    assert _has(res, actor, cue, stype), (text, _show(res))


# --------------------------------------------------------------------------- "according to X"

ACCORDING_TO: list[Cue] = [
    ("According to Senator Mara Quill, the budget is balanced.", "Quill", "According to", "STATEMENT"),
    ("The budget will be balanced next year, according to Senator Mara Quill.", "Quill", "according to", "STATEMENT"),
    ("According to the Interior Ministry, the rebels must lay down their arms.", "Ministry", "According to", None),
]


def test_extract_attribution_according_to_sources_the_main_clause():
    """"Gondor allowed Rohan to cross the river, according to Arnor", the parser hanging
    "according" on "cross": Arnor sources a reported past event (the main clause), no
    statement about Rohan."""
    from kg.extract.lexicon import load_lexicon
    from kg.extract.statements import find_statements

    doc = parse("Gondor/PROPN/NNP/nsubj/1 allowed/VERB/VBD/ROOT/1/allow Rohan/PROPN/NNP/nsubj/4 to/PART/TO/aux/4 "
                 "cross/VERB/VB/ccomp/1 the/DET/DT/det/6 river/NOUN/NN/dobj/4 ,/PUNCT/,/punct/4 "
                 "according/VERB/VBG/prep/4/accord to/ADP/IN/prep/8 Arnor/PROPN/NNP/pobj/9 ./PUNCT/./punct/1",
                 ((0, 1, "GPE"), (2, 3, "GPE"), (10, 11, "GPE")))
    assert [d.cue_lemma for d in find_statements(doc, load_lexicon())] == []


#: sentences without a speech act: belief/intention verbs and non-speech senses of cue verbs
NO_SPEECH_ACT = [
    "She added sugar to the tea.",
    "The town is noted for its old bridges.",
    "The minister believes that the plan will work.",
    "The party plans to hold a rally in May.",
    "Voters are afraid that prices will rise.",
    "Teo Varga posted a photo of his dog.",
    "The company revealed a new phone on Monday.",
    "The crowd roared as the team scored.",
    "Mayor Ilse Borrow maintained the roads for ten years.",
    "Senator Mara Quill observed the birds from her porch.",
    "Dara Kell pointed to the map on the wall.",
    "The river wound through the valley while the wind howled.",
    "The band called its album “Blue Roads.”",
    "The letter expressed the views of the board.",
]


def _has(result, actor: str, cue_word: str, stype: str | None) -> bool:
    return any(
        s.actor.name.split()[-1] == actor and cue_word in s.cue.text and (stype is None or s.type.value == stype)
        for s in result.statements
    )


def _show(result) -> list[tuple[str, str, str]]:
    return [(s.actor.name, s.cue.text, s.type.value) for s in result.statements]


@pytest.mark.parametrize("text,actor,cue,stype", REPORTING_VERBS)
def test_extract_attribution_reporting_verbs(extract_text, text, actor, cue, stype):
    res = extract_text(text)
    assert _has(res, actor, cue, stype), (text, _show(res))


@pytest.mark.parametrize("text,actor,cue,stype", SPEAKERS)
def test_extract_attribution_speakers(extract_text, text, actor, cue, stype):
    res = extract_text(text)
    assert _has(res, actor, cue, stype), (text, _show(res))


@pytest.mark.parametrize("text,asking,inner", NESTED_ACTS)
def test_extract_attribution_acts_inside_a_request_are_not_statements(extract_text, text, asking, inner):
    res = extract_text(text)
    cues = [s.cue.text for s in res.statements]
    assert any(asking in c for c in cues) and not any(inner in c for c in cues), (text, _show(res))


@pytest.mark.parametrize("text,actor,cue,stype", ACCORDING_TO)
def test_extract_attribution_according_to(extract_text, text, actor, cue, stype):
    res = extract_text(text)
    assert _has(res, actor, cue, stype), (text, _show(res))


@pytest.mark.parametrize("text", NO_SPEECH_ACT)
def test_extract_attribution_no_speech_act(extract_text, text):
    res = extract_text(text)
    assert not res.statements, (text, _show(res))
