"""Hand-built spaCy ``Doc`` tests of the syntax and clause-typing helpers (no model loaded).

Each parse is written out token by token, the way spaCy's own tests build docs
(``Doc(vocab, words=..., heads=..., deps=..., pos=..., lemmas=..., ents=...)``), so a
test fails only when a rule changes, never when a model parses differently.  The
sentences are our own.

A token is written ``text/POS/TAG/dep/head[/lemma]``: ``head`` is the absolute index
of the head token (the root points at itself), the lemma defaults to the lower-case text.
Entities are ``(start, end, label)`` token ranges.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.clauses import analyse_clause, commitment
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import same_country, speaker_side
from kg.extract.quotes import quote_balance, quoted_tokens
from kg.extract.speakers import find_speaker
from kg.extract.syntax import (
    clause_objects,
    ent_of,
    is_hypothetical,
    is_negated,
    is_pronoun,
    match_cue,
    passive_agent,
    past_event,
    prep_objects,
    subject_of,
    with_conjuncts,
)
from kg.model import StatementType
from tests._extract_helpers import parse

VOCAB = spacy.blank("en").vocab

LEX = load_lexicon()




# ----------------------------------------------------------------------------- parses

CONDEMNED = parse("Germany/PROPN/NNP/nsubj/1 condemned/VERB/VBD/ROOT/1/condemn Russia/PROPN/NNP/dobj/1 ./PUNCT/./punct/1",
                  ((0, 1, "GPE"), (2, 3, "GPE")))
PASSIVE = parse("Russia/PROPN/NNP/nsubjpass/2 was/AUX/VBD/auxpass/2/be condemned/VERB/VBN/ROOT/2/condemn "
                "by/ADP/IN/agent/2 Germany/PROPN/NNP/pobj/3 ./PUNCT/./punct/2")
PASSIVE_NO_AGENT = parse("Russia/PROPN/NNP/nsubjpass/2 was/AUX/VBD/auxpass/2/be condemned/VERB/VBN/ROOT/2/condemn "
                         "./PUNCT/./punct/2")
NEGATED = parse("Austria/PROPN/NNP/nsubj/3 did/AUX/VBD/aux/3/do not/PART/RB/neg/3 criticize/VERB/VB/ROOT/3 "
                "Slovakia/PROPN/NNP/dobj/3 ./PUNCT/./punct/3")
REFUSED = parse("Iran/PROPN/NNP/nsubj/1 refused/VERB/VBD/ROOT/1/refuse to/PART/TO/aux/3 condemn/VERB/VB/xcomp/1 "
                "Israel/PROPN/NNP/dobj/3 ./PUNCT/./punct/1")
CONDITIONAL = parse("If/SCONJ/IN/mark/2/if Mexico/PROPN/NNP/nsubj/2 condemned/VERB/VBD/advcl/7/condemn "
                    "Brazil/PROPN/NNP/dobj/2 ,/PUNCT/,/punct/7 talks/NOUN/NNS/nsubj/7/talk would/AUX/MD/aux/7 "
                    "end/VERB/VB/ROOT/7 ./PUNCT/./punct/7")
QUESTION = parse("Did/AUX/VBD/aux/2/do Iran/PROPN/NNP/nsubj/2 condemn/VERB/VB/ROOT/2 Israel/PROPN/NNP/dobj/2 "
                 "?/PUNCT/./punct/2")
MET_WITH = parse("Spain/PROPN/NNP/nsubj/1 met/VERB/VBD/ROOT/1/meet with/ADP/IN/prep/1 Morocco/PROPN/NNP/pobj/2 "
                 "and/CCONJ/CC/cc/3 France/PROPN/NNP/conj/3 ./PUNCT/./punct/1")
TOLD = parse("Spain/PROPN/NNP/nsubj/1 told/VERB/VBD/ROOT/1/tell Morocco/PROPN/NNP/dative/1 "
             "nothing/PRON/NN/dobj/1 ./PUNCT/./punct/1")
LIST = parse("Sweden/PROPN/NNP/nsubj/1 criticized/VERB/VBD/ROOT/1/criticize Finland/PROPN/NNP/dobj/1 ,/PUNCT/,/punct/2 "
             "Estonia/PROPN/NNP/conj/2 and/CCONJ/CC/cc/4 Latvia/PROPN/NNP/conj/4 ./PUNCT/./punct/1")
NAMED = parse("Prime/PROPN/NNP/compound/1 Minister/PROPN/NNP/compound/3 Olaf/PROPN/NNP/compound/3 "
              "Scholz/PROPN/NNP/nsubj/4 spoke/VERB/VBD/ROOT/4/speak ./PUNCT/./punct/4", ((2, 4, "PERSON"),))
US_PRONOUNS = parse("The/DET/DT/det/1 US/PROPN/NNP/nsubj/2 told/VERB/VBD/ROOT/2/tell us/PRON/PRP/dative/2 "
                    "./PUNCT/./punct/2", ((1, 2, "GPE"),))
EXTRADITED = parse("Zambia/PROPN/NNP/nsubj/1 extradited/VERB/VBD/ROOT/1/extradite him/PRON/PRP/dobj/1 "
                   "./PUNCT/./punct/1")
WILL_EXTRADITE = parse("Zambia/PROPN/NNP/nsubj/2 will/AUX/MD/aux/2 extradite/VERB/VB/ROOT/2 him/PRON/PRP/dobj/2 "
                       "./PUNCT/./punct/2")
HAS_GRANTED = parse("Zambia/PROPN/NNP/nsubj/2 has/AUX/VBZ/aux/2/have granted/VERB/VBN/ROOT/2/grant "
                    "asylum/NOUN/NN/dobj/2 ./PUNCT/./punct/2")
CALLED_ON = parse("Norway/PROPN/NNP/nsubj/1 called/VERB/VBD/ROOT/1/call on/ADP/IN/prep/1 Sweden/PROPN/NNP/pobj/2 "
                  "to/PART/TO/aux/5 act/VERB/VB/xcomp/1 ./PUNCT/./punct/1")
NOUN_AS_VERB = parse("hostage/NOUN/NN/compound/1 takers/NOUN/NNS/nsubj/3/taker demands/VERB/VBZ/amod/3/demand "
                     "grew/VERB/VBD/ROOT/3/grow ./PUNCT/./punct/3")
ACCORDING = parse("Talks/NOUN/NNS/nsubj/1/talk failed/VERB/VBD/ROOT/1/fail ,/PUNCT/,/punct/1 "
                  "according/VERB/VBG/prep/1 to/ADP/IN/prep/3 Iran/PROPN/NNP/pobj/4 ./PUNCT/./punct/1")
OBJECTS = parse("Iran/PROPN/NNP/nsubj/1 named/VERB/VBD/ROOT/1/name him/PRON/PRP/dobj/1 envoy/NOUN/NN/oprd/1 "
                "./PUNCT/./punct/1")


def text(tokens) -> list[str] | str | None:
    """Token texts (a list for a list, one string for a token, None for None)."""
    if tokens is None:
        return None
    if isinstance(tokens, list):
        return [t.text for t in tokens]
    return tokens.text


SYNTAX_CASES = [
    # (id, function of the doc, expected)
    ("subject of an active verb", lambda: text(subject_of(CONDEMNED[1])), "Germany"),
    ("a passive subject is no subject", lambda: text(subject_of(PASSIVE[2])), None),
    ("passive agent", lambda: text(passive_agent(PASSIVE[2])), "Germany"),
    ("passive without agent", lambda: text(passive_agent(PASSIVE_NO_AGENT[2])), None),
    ("active verb has no passive agent", lambda: text(passive_agent(CONDEMNED[1])), None),
    ("negated by 'not'", lambda: is_negated(NEGATED[3], LEX), True),
    ("not negated", lambda: is_negated(CONDEMNED[1], LEX), False),
    ("complement of a negating head", lambda: is_negated(REFUSED[3], LEX), True),
    ("the negating head itself is asserted", lambda: is_negated(REFUSED[1], LEX), False),
    ("conditional 'if' clause", lambda: is_hypothetical(CONDITIONAL[2], CONDITIONAL[:]), True),
    ("plain assertion", lambda: is_hypothetical(CONDEMNED[1], CONDEMNED[:]), False),
    ("question", lambda: is_hypothetical(QUESTION[2], QUESTION[:]), True),
    ("objects of a preposition (not its conjuncts)", lambda: text(prep_objects(MET_WITH[1], {"with"})), ["Morocco"]),
    ("preposition not asked for", lambda: text(prep_objects(MET_WITH[1], {"against"})), []),
    ("a bare dative is an addressee", lambda: text(prep_objects(TOLD[1], {"to"})), ["Morocco"]),
    ("objects, attributes and predicates", lambda: text(clause_objects(OBJECTS[1])), ["him", "envoy"]),
    ("conjuncts after the token", lambda: text(with_conjuncts(LIST[2])), ["Finland", "Estonia", "Latvia"]),
    ("the last conjunct has none after it", lambda: text(with_conjuncts(LIST[6])), ["Latvia"]),
    ("entity span of a token", lambda: text(ent_of(NAMED[3])), "Olaf Scholz"),
    ("token outside any entity", lambda: ent_of(NAMED[0]), None),
    ("'US' is no pronoun", lambda: is_pronoun(US_PRONOUNS[1]), False),
    ("'us' is a pronoun", lambda: is_pronoun(US_PRONOUNS[3]), True),
    ("simple past is a past event", lambda: past_event(EXTRADITED[1]), True),
    ("future is no past event", lambda: past_event(WILL_EXTRADITE[2]), False),
    ("perfect is a past event", lambda: past_event(HAS_GRANTED[2]), True),
    ("single-verb cue", lambda: (match_cue(CONDEMNED[1], LEX)[0].text, match_cue(CONDEMNED[1], LEX)[1]), ("condemn", [1])),
    ("particle cue", lambda: (match_cue(CALLED_ON[1], LEX)[0].text, match_cue(CALLED_ON[1], LEX)[1]), ("call on", [1, 2])),
    ("a noun tagged as verb is no cue", lambda: match_cue(NOUN_AS_VERB[2], LEX), None),
    ("'according to'", lambda: (match_cue(ACCORDING[3], LEX)[0].text, match_cue(ACCORDING[3], LEX)[1]),
     ("according to", [3, 4])),
    ("speaker of a passive is its agent", lambda: text(find_speaker(PASSIVE[2], [2], LEX, {2})), "Germany"),
    ("agentless passive has no speaker", lambda: text(find_speaker(PASSIVE_NO_AGENT[2], [2], LEX, {2})), None),
    ("speaker of 'according to'", lambda: text(find_speaker(ACCORDING[3], [3, 4], LEX, {3})), "Iran"),
]


@pytest.mark.parametrize("fn,expected", [c[1:] for c in SYNTAX_CASES], ids=[c[0] for c in SYNTAX_CASES])
def test_extract_syntax_helpers(fn, expected):
    assert fn() == expected


# ----------------------------------------------------------------------------- clause typing

ACCUSE_CLAUSE = parse("Pakistan/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1/say India/PROPN/NNP/nsubj/3 "
                      "supports/VERB/VBZ/ccomp/1/support terrorists/NOUN/NNS/dobj/3/terrorist ./PUNCT/./punct/1",
                      ((0, 1, "GPE"), (2, 3, "GPE")))
REJECT_CLAUSE = parse("Cuba/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1/say it/PRON/PRP/nsubj/5 will/AUX/MD/aux/5 "
                      "never/ADV/RB/neg/5 cooperate/VERB/VB/ccomp/1 with/ADP/IN/prep/5 Panama/PROPN/NNP/pobj/6 "
                      "./PUNCT/./punct/1")
PROMISE_CLAUSE = parse("Iran/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1/say it/PRON/PRP/nsubj/4 will/AUX/MD/aux/4 "
                       "help/VERB/VB/ccomp/1 Kenya/PROPN/NNP/dobj/4 ./PUNCT/./punct/1")
THREAT_CLAUSE = parse("Iran/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1/say it/PRON/PRP/nsubj/4 will/AUX/MD/aux/4 "
                      "retaliate/VERB/VB/ccomp/1 against/ADP/IN/prep/4 Israel/PROPN/NNP/pobj/5 ./PUNCT/./punct/1")
OTHERS_THREAT = parse("Iran/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1/say India/PROPN/NNP/nsubj/4 will/AUX/MD/aux/4 "
                      "retaliate/VERB/VB/ccomp/1 against/ADP/IN/prep/4 Israel/PROPN/NNP/pobj/5 ./PUNCT/./punct/1")
CRITICIZE_CLAUSE = parse("Germany/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1/say Russia/PROPN/NNP/nsubj/3 "
                         "is/AUX/VBZ/ccomp/1/be reckless/ADJ/JJ/acomp/3 ./PUNCT/./punct/1")
NOT_SATISFIED = parse("Cuba/PROPN/NNP/nsubj/1 is/AUX/VBZ/ROOT/1/be not/PART/RB/neg/1 satisfied/ADJ/JJ/acomp/1 "
                      "with/ADP/IN/prep/3 Panama/PROPN/NNP/pobj/4 ./PUNCT/./punct/1")
NEUTRAL_CLAUSE = parse("Chile/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1/say Peru/PROPN/NNP/nsubj/3 "
                       "won/VERB/VBD/ccomp/1/win ./PUNCT/./punct/1")
READY = parse("Iran/PROPN/NNP/nsubj/1 is/AUX/VBZ/ROOT/1/be ready/ADJ/JJ/acomp/1 to/PART/TO/aux/4 "
              "talk/VERB/VB/xcomp/2 ./PUNCT/./punct/1")

CLAUSE_CASES = [
    # (id, doc, clause verb, speaker token, expected [(type, target texts)])
    ("support of terrorists is an accusation", ACCUSE_CLAUSE, 3, 0, [(StatementType.ACCUSE, ["India"])]),
    ("negated cooperation of the own side is a rejection", REJECT_CLAUSE, 5, 0, [(StatementType.REJECT, ["Panama"])]),
    ("the own side's help is a promise", PROMISE_CLAUSE, 4, 0, [(StatementType.PROMISE, ["Kenya"])]),
    ("the own side's force is a threat", THREAT_CLAUSE, 4, 0, [(StatementType.THREATEN, ["Israel"])]),
    ("another actor's force is no threat of the speaker", OTHERS_THREAT, 4, 0, []),
    ("a negative evaluation of an actor is a criticism", CRITICIZE_CLAUSE, 3, 0, [(StatementType.CRITICIZE, ["Russia"])]),
    ("'not satisfied with X' criticizes X", NOT_SATISFIED, 1, 0, [(StatementType.CRITICIZE, ["Panama"])]),
    ("a neutral clause types nothing", NEUTRAL_CLAUSE, 3, 0, []),
]


@pytest.mark.parametrize("doc,verb,speaker,expected", [c[1:] for c in CLAUSE_CASES], ids=[c[0] for c in CLAUSE_CASES])
def test_extract_syntax_analyse_clause(doc, verb, speaker, expected):
    found = analyse_clause(doc[verb], LEX, speaker=doc[speaker])
    assert [(stype, text(heads)) for stype, heads, _ in found] == expected
    assert all(0 < ev <= 1 for _, _, ev in found)


COMMITMENT_CASES = [
    ("'will' commits to the verb itself", PROMISE_CLAUSE, 4, "help"),
    ("'is ready to' commits to the infinitive", READY, 1, "talk"),
    ("a past act commits to nothing", ACCUSE_CLAUSE, 3, None),
]


@pytest.mark.parametrize("doc,verb,expected", [c[1:] for c in COMMITMENT_CASES], ids=[c[0] for c in COMMITMENT_CASES])
def test_extract_syntax_commitment(doc, verb, expected):
    assert text(commitment(doc[verb], LEX)) == expected


SIDE_CASES = [
    ("a pronoun subject is the speaker's side", REJECT_CLAUSE, 2, 0, True),
    ("another named actor is not", ACCUSE_CLAUSE, 2, 0, False),
    ("the speaker itself is", ACCUSE_CLAUSE, 0, 0, True),
]


@pytest.mark.parametrize("doc,subj,speaker,expected", [c[1:] for c in SIDE_CASES], ids=[c[0] for c in SIDE_CASES])
def test_extract_syntax_speaker_side(doc, subj, speaker, expected):
    assert speaker_side(doc[subj], doc[speaker]) is expected


@pytest.mark.parametrize("a,b,expected", [
    ("Iran", "Iranian", True), ("US", "American", True), ("the United States", "U.S.", True),
    ("UK", "British", True), ("US", "British", False), ("Iran", "Iraq", False), ("Russia's", "Russian", True),
])
def test_extract_syntax_same_country(a, b, expected):
    assert same_country(a, b) is expected


# ----------------------------------------------------------------------------- quotations

@pytest.mark.parametrize("sentence,expected", [
    ("\u201cWe will act,\u201d he said.", 0),
    ("\u201cWe will act.", 1),
    ("We will act,\u201d he said.", -1),
    ('"We will act.', 1),
    ('We will act," he said.', -1),
    ('"We will act," he said.', 0),
    ("He said nothing.", 0),
])
def test_extract_syntax_quote_balance(sentence, expected):
    assert quote_balance(sentence) == expected


def test_extract_syntax_quoted_tokens_pair_marks_in_order():
    doc = Doc(VOCAB, words=["\u201c", "We", "act", "\u201d", "he", "said", "\u201c", "Now", "\u201d"],
              spaces=[False, True, False, True, True, True, False, False, False])
    assert quoted_tokens(doc) == {1, 2, 7}
