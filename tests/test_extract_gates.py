"""The cheap gates of :func:`kg.extract.statements._raw_statements` (issue 17): the token indices
``_Columns`` finds from ``Doc.to_array`` are exactly the tokens the rules' own first tests accept,
and the drafts are the same as running every rule pass on every token and sentence.

Real model (the ``nlp`` fixture); the sentences are our own.
"""

from __future__ import annotations

import pytest

from kg.extract.adjectival import adjective_statements
from kg.extract.deadlines import deadline_statements
from kg.extract.events import event_index
from kg.extract.nominal import find_nominal_statements, meeting_noun_statements, noun_cue
from kg.extract.quotes import quoted_tokens
from kg.extract.speakers import headline_speaker
from kg.extract.statements import _Columns, _raw_statements
from kg.extract.syntax import match_cue
from kg.extract.verbal import DocCues, cue_statements, uncued_verb_statements

TEXTS = [
    "Mordor's criticism of the Shire drew condemnation from Bree. Gondor was highly critical of Rohan.",
    "Elrond gave the Dwarves 48 hours to release the hostages, according to a statement.",
    "Talks between Gondor and Rohan resumed on Monday. Ghana's talks with Togo were cancelled.",
    "Saruman slams Rohan: Wormtongue\n\nSaruman said Rohan was “a failed state” and urged it to surrender.",
    "The minister was not supportive of the plan - officials said. Who knows?",
    "\"We will retaliate,\" the ministry warned. \"The blame lies with them.\"",
    "Rohan has failed its people: Gondor\n\nThe army left.",
    "",
]


def _reference(doc, lex):
    """The drafts of every rule pass over every token and sentence, no gates (the code before the gates)."""
    events, in_quotes = event_index(doc, lex), quoted_tokens(doc)
    cue_matches = {t.i: m for t in doc if (m := match_cue(t, lex)) is not None}
    ctx = DocCues(cue_matches, set(cue_matches), in_quotes, events)
    out = []
    for sent in doc.sents:
        hl = headline_speaker(sent, lex)
        if hl is not None and not any(sent.start <= i < sent.end for i in cue_matches):
            out.append(("headline", hl[0].i, hl[1].i))  # the gated code's headline draft, by its tokens
        for tok in sent:
            if tok.i in cue_matches:
                out += cue_statements(tok, *cue_matches[tok.i], sent, lex, ctx)
            else:
                out += uncued_verb_statements(tok, sent, lex, ctx)
        out += find_nominal_statements(doc, sent, lex, cue_matches, events)
        out += adjective_statements(sent, lex, in_quotes)
        out += deadline_statements(sent, lex, in_quotes)
        if hl is None:
            out += meeting_noun_statements(sent, lex, cue_matches)
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_extract_gates_find_the_tokens_the_rules_accept(nlp, text):
    lex = nlp.get_pipe("kg_statements").lexicon
    doc = nlp(text)
    col = _Columns(doc, lex)
    w = lex.words
    assert col.cue_candidates == [t.i for t in doc if t.lower_ == "according" or t.pos_ in ("VERB", "AUX")
                                  or t.tag_.startswith("VB")]
    assert all(match_cue(t, lex) is None for t in doc if t.i not in col.cue_candidates)
    assert col.verbal == {t.i for t in doc if t.pos_ in ("VERB", "AUX")}
    assert col.separators == [t.i for t in doc if t.text in (":", "-", "–", "—")]
    assert col.nouns == [t.i for t in doc if noun_cue(t, lex) is not None]
    att = w.criticism_adjectives | w.support_adjectives
    assert col.attitude == [t.i for t in doc if t.pos_ == "ADJ" and (t.lemma_.lower() in att or t.lower_ in att)]
    assert col.deadline == [t.i for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in w.deadline_verbs]
    assert col.meeting == [t.i for t in doc if t.pos_ == "NOUN" and (
        t.lemma_.lower() in w.consult_nouns or t.lower_ in w.consult_nouns)]


def test_extract_gates_give_the_drafts_of_the_ungated_passes(nlp):
    lex = nlp.get_pipe("kg_statements").lexicon
    found = 0
    for text in TEXTS:
        doc = nlp(text)
        # the reference skips the support-verb filter of _raw_statements: none of these texts has one
        gated = list(_raw_statements(doc, lex))
        mine = [("headline", d.cue_tokens[0], d.speaker.head) if d.cue_lemma == ":" else repr(d) for d in gated]
        assert mine == [d if isinstance(d, tuple) else repr(d) for d in _reference(doc, lex)], text
        found += len(gated)
    assert found >= 5  # the texts do give drafts (a gate that skipped everything would fail above)
