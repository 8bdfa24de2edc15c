"""Tests of the ``kg_headlines`` component with the real spaCy model.

Each row: an invented headline, followed by a body paragraph -> the statement
expected in the headline (actor head word, type, target name or None).  The
headlines are our own, written in the style of US (Title Case) and wire
(plural subject, bare verb) headlines; none comes from the gold files.
"""

from __future__ import annotations

import pytest

from kg.extract.headlines import WordTables, headline, is_title_case

BODY = "\n\nThe story continues in a second paragraph, officials said on Monday."


def _headline_statements(nlp, text: str, *, with_component: bool = True):
    disable = [] if with_component else ["kg_headlines"]
    with nlp.select_pipes(disable=disable):
        doc = nlp(text)
    line = headline(doc)
    end = line.end if line is not None else 0
    found = set()
    for rd in doc._.kg_statements:
        if rd.draft.sent_start >= end:
            continue
        actor = rd.speaker.name.split()[-1]
        targets = [c.name for c in rd.targets] or [None]
        found.update((actor, rd.draft.type.value, t) for t in targets)
    return doc, found


CASES = [
    # Title Case: the verb is tagged PROPN, or NER swallows it into a name
    ("Farmers Slam Agriculture Minister Over Drought Aid", ("Farmers", "CRITICIZE", "Agriculture Minister")),
    ("Portugal Urges Spain To Reopen Border Crossings", ("Portugal", "APPEAL", "Spain")),
    ("Canada Rejects Offer From Denmark", ("Canada", "REJECT", "Denmark")),
    ("Senate Democrats Accuse Governor Greg Abbott Of Lying About Budget", ("Democrats", "ACCUSE", "Greg Abbott")),
    # Title Case with a final period, as some feeds write it
    ("Portugal Urges Spain To Reopen Border Crossings.", ("Portugal", "APPEAL", "Spain")),
    # wire headline: list subject and a bare verb the model reads as a noun
    ("Norway, Sweden call on Finland to join talks", ("Sweden", "APPEAL", "Finland")),
    # sentence case, but the name is read as a noun and the verb as a plural noun
    ("Trump questions the results of the count", ("Trump", "CRITICIZE", None)),
]


@pytest.mark.parametrize("head,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_headlines_statement_found(nlp, head, expected):
    doc, found = _headline_statements(nlp, head + BODY)
    assert expected in found, f"{head!r}: {found}"
    line = headline(doc)
    roots = [t for t in line if t.dep_ == "ROOT"]
    assert len(roots) == 1 and roots[0].pos_ == "VERB"


@pytest.mark.parametrize("head,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_headlines_needed_and_sentences_entities_unchanged(nlp, head, expected):
    """Without the component the statement is missed; with it, the sentences
    and the entities of the document are those of the plain parse."""
    plain, found_plain = _headline_statements(nlp, head + BODY, with_component=False)
    fixed, _ = _headline_statements(nlp, head + BODY)
    assert expected not in found_plain
    assert [(s.start, s.end) for s in fixed.sents] == [(s.start, s.end) for s in plain.sents]
    assert [(e.start, e.end, e.label_) for e in fixed.ents] == [(e.start, e.end, e.label_) for e in plain.ents]
    # the body is untouched
    line = headline(fixed)
    body = slice(line.end + 1, len(fixed))
    assert [(t.dep_, t.head.i, t.tag_) for t in fixed[body]] == [(t.dep_, t.head.i, t.tag_) for t in plain[body]]


XFAIL = [
    # the NER of the title-cased line puts the verb into the target's name ("Warns Argentina");
    # the component keeps the entities as they are
    pytest.param("Brazil Warns Argentina Against New Tariffs", ("Brazil", "WARN", "Argentina"),
                 marks=pytest.mark.xfail(strict=True, reason="NER swallows the verb into the target name")),
    # one ORG entity over the whole line: no name is left for the speaker
    pytest.param("Trump Blasts Pelosi Over Impeachment Push", ("Trump", "CRITICIZE", "Pelosi"),
                 marks=pytest.mark.xfail(strict=True, reason="NER finds one ORG over the whole headline")),
    # even "Macron questioned fairness ..." parses with the noun as root: nothing to copy
    pytest.param("Macron questions fairness of Hungarian election", ("Macron", "CRITICIZE", None),
                 marks=pytest.mark.xfail(strict=True, reason="the small model finds no verb root either way")),
    # no verb at all: "X: Y a hostile act" needs a headline grammar, not a re-parse
    pytest.param("Moldova: Romanian border closure an unfriendly act", ("Moldova", "CRITICIZE", "Romania"),
                 marks=pytest.mark.xfail(strict=True, reason="verbless headline")),
]


@pytest.mark.parametrize("head,expected", XFAIL)
def test_headlines_known_gaps(nlp, head, expected):
    _, found = _headline_statements(nlp, head + BODY)
    assert expected in found


NEGATIVE = [
    # a normal first sentence: not a headline, parse untouched
    "Finland said on Tuesday that Sweden has accused Norway of spying.",
    # a sentence full of names is not title-cased
    "On Friday, European Commission President Anna Lindqvist met Prime Minister Olaf Berg in Brussels.",
    # all capitals: casing tells nothing, left alone
    "GREECE ACCUSES TURKEY OF AIRSPACE VIOLATIONS",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_headlines_leaves_other_lines_alone(nlp, text):
    plain, found_plain = _headline_statements(nlp, text + BODY, with_component=False)
    fixed, found = _headline_statements(nlp, text + BODY)
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in fixed] == [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in plain]
    assert found == found_plain


def test_headlines_title_case_without_cue_gives_no_statement(nlp):
    doc, found = _headline_statements(nlp, "Heavy Rain Floods Streets Of Coastal Town" + BODY)
    assert found == set()
    assert is_title_case(headline(doc))


def test_headlines_title_case_detection(nlp):
    with nlp.select_pipes(disable=["kg_headlines", "kg_statements"]):
        title = nlp("Farmers Slam Agriculture Minister Over Drought Aid")
        plain = nlp("Farmers slam agriculture minister over drought aid")
    assert is_title_case(title[:]) and not is_title_case(plain[:])


def test_headlines_past_tense_forms(nlp):
    tables = WordTables.of(nlp)
    assert tables.past("urge") == "urged"
    assert tables.past("slam") == "slammed"
    assert tables.past("say") == "said"
    assert tables.past("question") == "questioned"
    assert "question" in tables.lemmas("questions", "verb")
    assert tables.is_word("lawmakers") and not tables.is_word("lindqvist")


def test_headlines_component_in_pipeline_and_saved(nlp, tmp_path):
    import spacy

    names = nlp.pipe_names
    assert names.index("ner") < names.index("kg_headlines") < names.index("kg_statements")
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert "kg_headlines" in loaded.pipe_names
    doc = loaded("Canada Rejects Offer From Denmark" + BODY)
    assert any(rd.draft.type.value == "REJECT" and rd.speaker.name == "Canada" for rd in doc._.kg_statements)
