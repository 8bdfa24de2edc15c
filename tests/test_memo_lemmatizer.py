"""kg_memo_attribute_ruler and kg_memo_lemmatizer give every token what spaCy's own attribute ruler and
rule lemmatizer give it (issue 17: they take their place in kg's pipeline for speed only), and kg's fuzzy
name tier finds what a scan of every key finds."""

from __future__ import annotations

import random

import pytest
from spacy.tokens import DocBin

from kg.extract.components import MemoAttributeRuler, MemoLemmatizer

#: Own sentences with the kinds of tokens the ruler's patterns single out: contractions ("ai n't",
#: "gon na", "let 's", "y' all"), pronouns as subject and object, auxiliaries, expletive "there is",
#: "but" as an adverb, determiners as pronouns, space tokens, and words the lemmatizer must inflect.
SENTENCES = [
    "The senators were running late, said the aides of Mr. Rask, who had been criticized by the unions.",
    "\"We ain't gonna let 's say y'all decide,\" she told them.  It was not what I meant, you know.",
    "There is no doubt that Brandt's ministers would have opposed it; there were talks, but they failed.",
    "That was the one which they chose.  Those who did vote got angrier and angrier.\n\nGets worse, he said.",
    "Did they do it? They did. He has had enough and does nothing. Is it you or me that they blamed?",
    "Gonna gotta wanna c'mon -- the leaders' better offers were the best, and the worst came later.",
    "Ministries warned: the striking workers' leaders are meeting the governors in Orlin on Tuesdays.",
]


def _parsed(nlp, texts):
    """``texts`` parsed up to the attribute ruler (the components before it), as a DocBin (fresh copies)."""
    names = nlp.pipe_names
    before = names[: names.index("attribute_ruler")]
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(texts))
    bin_ = DocBin(store_user_data=False)
    for d in docs:
        bin_.add(d)
    return bin_.to_bytes()


def _attrs(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def _texts(shared_dir=None, n=40):
    texts = list(SENTENCES)
    if shared_dir is not None:
        from kg.ingest import Skipped, read_articles

        path = shared_dir / "data" / "news" / "allsides_politics.jsonl"
        if path.exists():
            arts = [a for a in read_articles([path]) if not isinstance(a, Skipped)]
            texts += [a.text for a in arts[-n:]]  # the end of the corpus (the benchmark reads its start)
    return texts


def test_memo_components_replace_spacys_in_kg_pipeline(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), MemoAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)
    names = nlp.pipe_names
    assert names.index("parser") < names.index("attribute_ruler") < names.index("lemmatizer") < names.index("ner")


@pytest.mark.parametrize("with_corpus", [False, True])
def test_same_attributes_as_spacy(nlp, request, with_corpus):
    shared = request.getfixturevalue("shared_dir") if with_corpus else None
    texts = _texts(shared)
    data = _parsed(nlp, texts)
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    theirs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    for doc in theirs:
        lemmatizer.lemmatizer(ruler.ruler(doc))
    ours = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    for doc in ours:
        lemmatizer(ruler(doc))
    for a, b in zip(theirs, ours):
        assert _attrs(a) == _attrs(b)
    # what the patterns did shows: the expletive's verb, contractions' lemmas, a space token
    doc = ours[2]
    is_ = next(t for t in doc if t.lower_ == "is")
    assert is_.pos_ == "VERB" and is_.lemma_ == "be"
    assert any(t.lemma_ == "go" for t in ours[1] if t.lower_ == "gon")
    assert all(t.pos_ == "SPACE" for d in ours for t in d if t.is_space)


def test_memo_lemmatizer_empty_doc(nlp):
    doc = nlp("")
    assert len(doc) == 0


def test_saved_pipeline_keeps_memo_components(nlp, tmp_path):
    import spacy

    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert isinstance(loaded.get_pipe("lemmatizer"), MemoLemmatizer)
    text = SENTENCES[1]
    assert _attrs(loaded(text)) == _attrs(nlp(text))


def test_fuzzy_tier_same_as_full_scan():
    from rapidfuzz import fuzz, process

    from kg.link.kb import default_kb

    kb = default_kb()
    full: dict[str, list[str]] = {}
    for k in kb._exact:
        if len(k) >= 6:
            full.setdefault(k[0], []).append(k)
    rng = random.Random(17)
    keys = [k for k in rng.sample(sorted(kb._exact), 600) if len(k) >= 6]

    def typo(k: str) -> str:
        i = rng.randrange(1, len(k))
        return rng.choice([k[:i] + "e" + k[i:], k[:i] + k[i + 1:], k[:i] + "a" + k[i + 1:], k + "s"])

    queries = [q for q in keys + [typo(k) for k in keys] + [typo(typo(k)) for k in keys] if len(q) >= 6]
    found = 0
    for q in queries:
        want = [(k, sc) for k, sc, _ in process.extract(q, full.get(q[0], []), scorer=fuzz.ratio,
                                                        score_cutoff=92, limit=5)]
        assert kb._fuzzy_matches(q) == want, q
        found += bool(want)
    assert found > len(queries) // 3
