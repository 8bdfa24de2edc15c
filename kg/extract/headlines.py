"""Re-parse an article's headline so that its verb is tagged as a verb.

Small spaCy models are trained on running text: in a Title Case headline
("Senator Warns Pentagon Over Missile Budget") they tag the capitalised verb
as a proper noun (and NER may swallow it into a name, "Warns Pentagon"), and
in a wire headline whose plural subject is a list ("Rebels, army demand ...")
they read the present-tense verb as a noun.  Either way kg finds no
statement in the headline.  :class:`HeadlineReparser` (the ``kg_headlines``
component, after ``ner`` and before ``kg_statements``) fixes the parse of
the article's first line only:

1. **Headline** -- the first line of the text (up to the first newline),
   3 to :data:`MAX_TOKENS` tokens, not written in capitals (an all-caps
   line is left alone: casing tells nothing there), that is its own
   sentence(s) in the parse.  It is *title-cased* when at least
   :data:`TITLE_SHARE` of its content words (alphabetic, not function
   words, not the first word, not inside an entity, not a title noun of
   the lexicon's agents such as "Minister") start with a capital, and at
   least one does.
2. **Sentence case** (title-cased headlines only): every word except the
   first is lower-cased when it is written Capitalised and

   * outside a named entity (NER on the original, name labels only --
     not DATE, CARDINAL, ...): it is a function word
     (:data:`FUNCTION_WORDS`) or a known English word (its lower-case
     form lemmatizes, by the pipeline's own rule-lemmatizer tables, to an
     entry of the noun/verb/adjective/adverb index); unknown words
     ("Pelosi") are taken as names and kept;
   * inside a named entity: it is a statement cue form (a word whose verb
     lemma is a cue lemma of :mod:`kg.extract.lexicon`) at the entity's
     first or last token ("Rip Donald Trump" -> "rip Donald Trump"), or a
     function word that is not the entity's first token.

   Words in capitals ("UN") or with inner capitals ("McCain") are kept.
   The offline knowledge base is *not* consulted (``kg.extract`` does not
   import ``kg.link``).
3. **Re-parse** the sentence-cased copy (or, for a headline that is not
   title-cased, the line as written -- only when the parse of the line has
   no finite verb as its root) with the pipeline's own components that come before
   ``kg_headlines``, except those that set ``doc.ents`` and kg's own
   components (so no recursion, and the NER stays that of the original).
4. **Verb cue fallback**: when that parse still has no finite verb
   (no sentence root tagged VBD/VBP/VBZ/MD or with such an auxiliary),
   the first word after a noun whose verb lemma is a cue
   lemma ("call", "demands", "Questions") is replaced by the cue's past
   tense ("called": unambiguous for the tagger) and the copy is parsed again;
   the word keeps its present-tense tag (VBP, or VBZ for an -s form).
5. **Copy back** tags, POS, morphology, lemmas, dependency labels and heads
   (``Doc.to_array`` / ``Doc.from_array``) onto the original tokens, only
   when the copy tokenizes 1:1 with the original line, a sentence root of
   the copy is a finite verb and the copy has the sentence boundaries of
   the original line (a headline the parser split, "Claim: Speaker", stays
   split: :mod:`kg.extract.statements` reads those).  Whitespace tokens after the line keep
   their place in the headline's last sentence (attached to its new root).
   Sentence boundaries outside the headline and the entities are
   unchanged.

Not covered (the model cannot do it, or it needs more than casing): a
headline with no verb at all ("Russia: U.S. closure ... a 'hostile act'"),
a speaker at the end ("..., minister says"), a subject the small model
reads as a noun even in sentence case when no cue word follows it, and names
NER does not find in the title-cased line and that are also English words
("Trump" outside an entity is lower-cased).  Cost: one extra tagger+parser
pass over one short line per article whose first line qualifies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

#: Longest first line (in tokens) that is treated as a headline.
MAX_TOKENS = 30
#: Share of capitalised content words above which a line is title-cased.
TITLE_SHARE = 0.75
#: Penn tags of finite verbs: a parse with one of them has a predicate.
FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
#: NER labels of names (kept capitalised when sentence-casing).
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
#: Closed-class English words (articles, prepositions, conjunctions, pronouns,
#: auxiliaries, modals), lower-cased in title-cased headlines.
FUNCTION_WORDS = frozenset("""
a an the this that these those some any no every each all both either neither
of in on at by for from to with without into onto over under about above below after before
against among amid between through during despite towards toward upon via per than as like
up down out off near behind beyond within along across around
and or but nor so yet if when while because although though unless until whether since
i me my we us our you your he him his she her it its they them their who whom whose which what
is are was were be been being am do does did done has have had having
will would shall should can could may might must not
""".split())
_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
_CONTENT_POS = ("noun", "verb", "adj", "adv")


@dataclass(frozen=True)
class WordTables:
    """The rule-lemmatizer tables of a pipeline (spaCy's ``lemma_rules``,
    ``lemma_exc`` and ``lemma_index``, by coarse POS), to tell English
    words from names and verbs' forms from their lemmas.  Empty tables make
    every word unknown."""

    rules: dict[str, list[list[str]]] = field(default_factory=dict)
    exc: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    index: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, nlp: Language) -> WordTables:
        """The tables of ``nlp``'s ``lemmatizer`` (rule mode), or empty ones."""
        if "lemmatizer" not in nlp.component_names:
            return cls()
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is None or not all(lookups.has_table(t) for t in ("lemma_rules", "lemma_exc", "lemma_index")):
            return cls()
        rules, exc, index = (lookups.get_table(t) for t in ("lemma_rules", "lemma_exc", "lemma_index"))
        return cls(
            rules={p: list(rules.get(p, [])) for p in _CONTENT_POS},
            exc={p: dict(exc.get(p, {})) for p in _CONTENT_POS},
            index={p: frozenset(index.get(p, [])) for p in _CONTENT_POS},
        )

    def lemmas(self, word: str, pos: str) -> set[str]:
        """Lemmas of lower-case ``word`` as ``pos`` ("noun", "verb", ...) found in the index
        (exceptions first, then suffix rules, then the word itself)."""
        if word in self.exc.get(pos, {}):
            return set(self.exc[pos][word])
        index = self.index.get(pos, frozenset())
        out = {word} & index
        for old, new in self.rules.get(pos, []):
            if word.endswith(old) and len(word) > len(old):
                form = word[: len(word) - len(old)] + new
                if form in index:
                    out.add(form)
        return out

    def is_word(self, word: str) -> bool:
        """True when lower-case ``word`` is a known English noun, verb, adjective or adverb."""
        return any(self.lemmas(word, p) for p in _CONTENT_POS)

    def past(self, lemma: str) -> str:
        """Past tense of verb ``lemma``: an irregular form from the exceptions
        ("say" -> "said", "slam" -> "slammed"), else the regular -ed form."""
        forms = sorted((f for f, ls in self.exc.get("verb", {}).items()
                        if lemma in ls and not f.endswith(("ing", "s"))),
                       key=lambda f: (not f.endswith("ed"), len(f), f))
        if forms:
            return forms[0]
        if lemma.endswith("e"):
            return lemma + "d"
        if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
            return lemma[:-1] + "ied"
        return lemma + "ed"


class HeadlineReparser:
    """The ``kg_headlines`` component (see the module docstring).

    :param nlp: the pipeline it belongs to; its components before this one
        (except NER-like and ``kg_*`` components) re-parse the headline.
    :param cue_lemmas: verb lemmas of statement cues ("accuse", "call", ...).
    :param titles: title nouns, lower case ("minister", "senator").
    """

    def __init__(self, nlp: Language, name: str, cue_lemmas: Iterable[str], titles: Iterable[str] = ()) -> None:
        self.nlp = nlp
        self.name = name
        self.cue_lemmas = frozenset(cue_lemmas)
        self.titles = frozenset(titles)
        self._tables: WordTables | None = None
        self._steps: list[Callable[[Doc], Doc]] | None = None

    # -- set-up (lazy: the pipeline may change after the component is added)
    def _parse_steps(self) -> list[Callable[[Doc], Doc]]:
        if self._steps is None:
            steps = []
            for pname, proc in self.nlp.pipeline:
                if pname == self.name:
                    break
                if pname.startswith("kg_") or "doc.ents" in self.nlp.get_pipe_meta(pname).assigns:
                    continue
                steps.append(proc)
            self._steps = steps
        return self._steps

    @property
    def tables(self) -> WordTables:
        if self._tables is None:
            self._tables = WordTables.of(self.nlp)
        return self._tables

    # -- the component
    def __call__(self, doc: Doc) -> Doc:
        line = headline(doc)
        if line is None or is_all_caps(line) or not _own_sentences(line):
            return doc
        words = _content_words(line)
        if words and sum(t.text[0].isupper() for t in words) >= TITLE_SHARE * len(words):
            # title-cased counting the words of entities too (the NER often runs such a line into names)
            doc.user_data[TITLE_LINE_KEY] = [line.start, line.end]
        titled = is_title_case(line, self.titles)
        if not titled and has_predicate(line):
            return doc
        if titled:
            words = sentence_case(line, self.tables, self.cue_lemmas)
            copy = self._parse(words, line)
            if copy is not None and not has_predicate(copy[:]):
                copy = self._with_past_cue(words, line, copy[:])
        else:
            copy = self._with_past_cue([t.text for t in line], line, line)
        if copy is None or not has_predicate(copy[:]) or _sent_starts(copy[:]) != _sent_starts(line):
            return doc
        _copy_parse(doc, line, copy)
        return doc

    def _parse(self, words: list[str], line: Span) -> Doc | None:
        text = "".join(w + t.whitespace_ for w, t in zip(words, line))
        copy = self.nlp.make_doc(text)
        if len(copy) != len(line) or any(c.text != w for c, w in zip(copy, words)):
            return None  # tokenization differs: leave the headline alone
        for step in self._parse_steps():
            copy = step(copy)
        return copy

    def _with_past_cue(self, words: list[str], line: Span, parsed: Span) -> Doc | None:
        """Re-parse with the first cue word after a noun in the past tense (step 4).

        :param parsed: the parse of ``words`` (the copy's, or the line itself).
        """
        for k in range(1, len(parsed)):
            t, prev = parsed[k], parsed[k - 1]
            low = t.lower_
            if not t.is_alpha or prev.pos_ not in ("NOUN", "PROPN") or low in FUNCTION_WORDS:
                continue
            lemmas = self.tables.lemmas(low, "verb") & self.cue_lemmas
            if not lemmas or (low not in lemmas and not low.endswith("s")):
                continue  # only present-tense forms: "call", "calls"
            lemma = min(lemmas)
            past = self.tables.past(lemma)
            reparsed = self._parse(words[:k] + [past] + words[k + 1:], line)
            if reparsed is None or reparsed[k].tag_ != "VBD":
                return None
            tok = reparsed[k]
            third = low != lemma
            tok.tag_ = "VBZ" if third else "VBP"
            tok.set_morph("Number=Sing|Person=3|Tense=Pres|VerbForm=Fin" if third else "Tense=Pres|VerbForm=Fin")
            tok.lemma_ = lemma
            return reparsed
        return None


#: ``doc.user_data`` key of the token range ``[start, end]`` of a title-cased headline (all its
#: content words counted, those of entities too), read by :func:`kg.extract.targets.headline_capitals`.
TITLE_LINE_KEY = "kg_title_line"


def headline(doc: Doc) -> Span | None:
    """The first line of ``doc`` (leading whitespace and the newline left out)
    when it is 3 to :data:`MAX_TOKENS` tokens long, else None."""
    start = 0
    while start < len(doc) and doc[start].is_space:
        start += 1
    end = start
    while end < len(doc) and end - start <= MAX_TOKENS and "\n" not in doc[end].text:
        end += 1
    if end - start > MAX_TOKENS or end - start < 3:
        return None
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


def _own_sentences(line: Span) -> bool:
    """True when ``line`` starts a sentence and the text after it (past
    whitespace) starts another one: the line's parse is self-contained."""
    doc = line.doc
    if not doc[line.start].is_sent_start:
        return False
    i = line.end
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i == len(doc) or bool(doc[i].is_sent_start)


def _sent_starts(span: Span) -> list[int]:
    """Offsets (from the span's start) of the tokens of ``span`` that start a sentence."""
    return [t.i - span.start for t in span if t.is_sent_start]


def _content_words(line: Span) -> list[Token]:
    return [t for t in line[1:] if t.is_alpha and t.lower_ not in FUNCTION_WORDS]


def is_all_caps(line: Span) -> bool:
    """True when most alphabetic words of more than one letter are in capitals."""
    words = [t for t in line if t.is_alpha and len(t) > 1]
    return bool(words) and sum(t.is_upper for t in words) * 2 > len(words)


def is_title_case(line: Span, titles: frozenset[str] = frozenset()) -> bool:
    """True when at least :data:`TITLE_SHARE` (and at least one) of the
    content words after the first are capitalised, not counting words of
    entities (of any label) and title nouns (``titles``: "minister"), which
    are capitalised in running text too (a sentence full of names, dates and
    titles is not a title-cased headline)."""
    words = [t for t in _content_words(line) if not t.ent_type_ and t.lower_ not in titles]
    caps = sum(t.text[0].isupper() for t in words)
    return caps >= 1 and caps >= TITLE_SHARE * len(words)


def has_predicate(span: Span) -> bool:
    """True when a sentence root in ``span`` is a finite verb
    (:data:`FINITE_TAGS`) or has a finite auxiliary ("has condemned")."""
    for t in span:
        if t.dep_ != "ROOT" and t.head.i != t.i:
            continue
        if t.tag_ in FINITE_TAGS or any(c.dep_.startswith("aux") and c.tag_ in FINITE_TAGS for c in t.children):
            return True
    return False


def sentence_case(line: Span, tables: WordTables, cue_lemmas: frozenset[str]) -> list[str]:
    """The words of a title-cased ``line`` in sentence case (rules in the module docstring).

    :returns: one string per token of ``line``, differing from the token's
        text by case only.
    """
    out = []
    for t in line:
        word = t.text
        if t.i == line.start or not (t.is_alpha and word.istitle()):
            out.append(word)
            continue
        low = t.lower_
        ent = _name_entity(t)
        if ent is None:
            lower = low in FUNCTION_WORDS or tables.is_word(low) or bool(tables.lemmas(low, "verb") & cue_lemmas)
        else:
            is_cue = bool(tables.lemmas(low, "verb") & cue_lemmas)
            lower = (is_cue and t.i in (ent.start, ent.end - 1)) or (low in FUNCTION_WORDS and t.i != ent.start)
        out.append(low if lower else word)
    return out


def _name_entity(t: Token) -> Span | None:
    if not t.ent_type_ or t.ent_type_ not in NAME_LABELS:
        return None
    return next((e for e in t.doc.ents if e.start <= t.i < e.end), None)


def _copy_parse(doc: Doc, line: Span, copy: Doc) -> None:
    """Write the copy's tags, POS, morphology, lemmas, labels and heads onto ``line``'s tokens."""
    arr = doc.to_array(_ATTRS)
    arr[line.start:line.end] = copy.to_array(_ATTRS)
    root = line.start + copy[len(copy) - 1].sent.root.i
    col = _ATTRS.index(HEAD)
    # whitespace after the line stays in the headline's sentence, under its new root
    i = line.end
    while i < len(doc) and doc[i].is_space and not doc[i].is_sent_start:
        arr[i, col] = numpy.int64(root - i).astype(numpy.uint64)
        i += 1
    doc.from_array(_ATTRS, arr)
