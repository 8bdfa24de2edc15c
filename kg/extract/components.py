"""kg's spaCy components (registered factories).

* ``kg_memo_lemmatizer`` -- takes the place (and the name ``lemmatizer``) of the
  pipeline's own rule lemmatizer and gives every token the lemma that lemmatizer
  gives it, computed once per (word, POS, morphology) (:class:`MemoLemmatizer`).
* ``kg_memo_attribute_ruler`` -- the same for the pipeline's attribute ruler (under the name
  ``attribute_ruler``): the same token attributes, its patterns tried once per distinct
  (tag, lower-case form, dependency, space) and only those that can match
  (:class:`MemoAttributeRuler`).
* ``kg_paragraphs`` -- runs before the parser and starts a sentence after every
  blank line, so a headline or dateline never merges with the first paragraph.
* ``kg_headlines`` -- runs after the NER and re-parses a title-cased or
  verbless first line (the headline) so that its verb is a verb
  (:mod:`kg.extract.headlines`).
* ``kg_kb_actors`` -- runs after ``kg_headlines`` and corrects ``doc.ents`` with the
  names of the knowledge base (:mod:`kg.extract.kbactors`): names the NER missed or
  mislabelled become actor entities.
* ``kg_statements`` -- finds statements (:mod:`kg.extract.statements`), resolves
  their actors within the document (:mod:`kg.extract.coref`) and stores the
  result on ``doc._.kg_statements`` as a list of :class:`ResolvedDraft`.

``kg_headlines``, ``kg_kb_actors`` and ``kg_statements`` are registered under the ``spacy_factories`` entry point (pyproject.toml),
so a saved pipeline loads them without importing kg first.  The rule data
(:class:`~kg.extract.lexicon.Lexicon`) is saved with ``to_disk``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Iterator

import re

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.coref import Cluster, Resolver
from kg.extract.headlines import HeadlineReparser
from kg.extract.kbactors import KBActorTagger
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.mentions import Draft, group_members
from kg.extract.statements import find_statements


@dataclass(slots=True)
class ResolvedDraft:
    """A :class:`~kg.extract.mentions.Draft` with its speaker and targets resolved.

    ``speaker_mention`` and ``target_mentions`` are token ranges in the doc.
    """

    draft: Draft
    speaker: Cluster
    speaker_mention: tuple[int, int]
    targets: list[Cluster]
    target_mentions: list[tuple[int, int]]


if not Doc.has_extension("kg_statements"):
    Doc.set_extension("kg_statements", default=None)
if not Doc.has_extension("kg_error"):
    Doc.set_extension("kg_error", default=None)

log = logging.getLogger("kg.extract")


DATELINE_DASHES = frozenset({"-", "--", "—", "–"})

def _dateline_months() -> frozenset[str]:
    """Month names and abbreviations of dateline dates ("MOSCOW, March 3", "Sept. 12"):
    ``months`` and ``month_abbreviations`` of the shipped ``words.tsv`` (``kg_paragraphs``
    runs before the parser and has no lexicon of its own)."""
    words = load_lexicon().words
    return words.months | words.month_abbreviations


def _dateline_dash(doc: Doc, i: int) -> int | None:
    """Index of the dash that ends a dateline starting at token ``i``, or None.

    A dateline is an upper-case place of up to 6 words (joined by ``/`` or an
    unspaced ``-``: "WASHINGTON/LONDON", "PORT-AU-PRINCE"), then up to three
    comma parts, each a date (month name, day, optional ``, YEAR``) or a
    title-case place of up to 3 words ("Ukraine", "New York"), then an optional
    agency in parentheses, then a dash: "MOSCOW, March 3 (Reuters) -",
    "WASHINGTON/LONDON (AP) —", "KYIV, Ukraine —"."""
    n = len(doc)
    months = _dateline_months()
    j, words = i, 0
    while j < n and words < 6:
        tok = doc[j]
        if tok.is_alpha and tok.text.isupper():
            words += 1
            j += 1
        elif words and j + 1 < n and doc[j + 1].is_alpha and doc[j + 1].text.isupper() and (
            tok.text == "/" or (tok.text == "-" and not doc[j - 1].whitespace_ and not tok.whitespace_)
        ):
            j += 1
        else:
            break
    if not words:
        return None
    for _ in range(3):
        if j >= n or doc[j].text != ",":
            break
        k = j + 1
        if k + 1 < n and doc[k].lower_ in months and doc[k + 1].is_digit and len(doc[k + 1]) <= 2:
            k += 2
            if k + 1 < n and doc[k].text == "," and doc[k + 1].is_digit and len(doc[k + 1]) == 4:
                k += 2
        else:
            start = k
            while k < n and k - start < 3 and doc[k].is_alpha and (doc[k].is_title or doc[k].text.isupper()):
                k += 1
            if k == start:
                return None
        j = k
    if j < n and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(j + 8, n)) if doc[k].text == ")"), None)
        if close is None:
            return None
        j = close + 1
    return j if j < n and doc[j].text in DATELINE_DASHES else None


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after each blank line, and after a dateline at the
    start of a paragraph (:func:`_dateline_dash`: "BAGHDAD (Reuters) -",
    "MOSCOW, March 3 (Reuters) -", "WASHINGTON/LONDON (AP) —",
    "KYIV, Ukraine —")."""
    starts = [0] + [tok.i + 1 for tok in doc[:-1] if tok.is_space and "\n" in tok.text]
    for i in starts[1:]:
        doc[i].is_sent_start = True
    for i in starts:
        dash = _dateline_dash(doc, i)
        if dash is not None and dash + 1 < len(doc):
            doc[dash + 1].is_sent_start = True
    return doc


class MemoLemmatizer:
    """spaCy's rule lemmatizer with every lemma computed once per (word, coarse POS, morphology).

    spaCy's ``Lemmatizer`` in rule mode (``EnglishLemmatizer``: ``rule_lemmatize`` and ``is_base_form``)
    makes a token's lemma a function of its text, ``pos`` and ``morph`` only, yet runs Python code for
    every token of every document and looks words up in a list of up to 57,000 lemmas (together about
    6% of the time of ``nlp.pipe`` on news).  This component reads the three as one array
    (``Doc.to_array``), computes a lemma only for a combination it has not seen (by spaCy's steps, with
    the lemma index as a set: :meth:`_lemma`), and writes the lemmas back with ``Doc.from_array``: every
    lemma is the one the wrapped lemmatizer gives (tests/test_memo_lemmatizer.py compares them).  Tokens that
    already have a lemma (the attribute ruler's) keep it, as spaCy's does with ``overwrite=False``.

    :param lemmatizer: the pipeline's own ``lemmatizer`` component (``rule`` mode, ``overwrite=False``);
        its ``lookups`` stay reachable as this component's (``kg_headlines`` reads them).
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.wrap(lemmatizer)

    def wrap(self, lemmatizer: Any) -> None:
        """Repeat ``lemmatizer`` (forgetting the lemmas of any earlier one)."""
        self.lemmatizer = lemmatizer
        self._memo: dict[tuple[int, int, int], int] = {}
        self._tables: dict[str, tuple[frozenset[str], dict[str, list[str]], list[list[str]]] | None] = {}
        self._fast = self.applies_to(lemmatizer)

    def _pos_tables(self, univ_pos: str) -> tuple[frozenset[str], dict[str, list[str]], list[list[str]]] | None:
        """(index, exceptions, rules) of a coarse POS, the index as a set; None when the POS has none."""
        if univ_pos not in self._tables:
            lookups = self.lemmatizer.lookups
            index, exc, rules = (lookups.get_table(t, {}).get(univ_pos) for t in ("lemma_index", "lemma_exc", "lemma_rules"))
            self._tables[univ_pos] = (frozenset(index or ()), exc or {}, rules or []) if any((index, exc, rules)) else None
        return self._tables[univ_pos]

    def _lemma(self, token: Any) -> str:
        """The first lemma spaCy's ``Lemmatizer.rule_lemmatize`` (spaCy 3.8) gives ``token``, by the same steps,
        with the POS's lemma index as a set (spaCy scans it as a list: most of that lemmatizer's time)."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return self.lemmatizer.rule_lemmatize(token)[0]
        if self.lemmatizer.is_base_form(token):
            return string.lower()
        tables = self._pos_tables(univ_pos)
        if tables is None:
            return string if univ_pos == "propn" else string.lower()
        index, exceptions, rules = tables
        orig, string = string, string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [orig])[0]

    @property
    def lookups(self) -> Any:
        return self.lemmatizer.lookups

    @staticmethod
    def applies_to(lemmatizer: Any) -> bool:
        """True for a spaCy rule lemmatizer that keeps the lemmas it finds (the one this component repeats)."""
        from spacy.pipeline import Lemmatizer

        return isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule" and not lemmatizer.overwrite

    def __call__(self, doc: Doc) -> Doc:
        if not self._fast:
            return self.lemmatizer(doc)
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        memo, lemmatize, strings = self._memo, self._lemma, doc.vocab.strings
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma == 0:
                key = (orth, pos, morph)
                lemma = memo.get(key)
                if lemma is None:
                    lemma = memo[key] = strings.add(lemmatize(doc[i]))
            lemmas.append(lemma)
        rows[:, 3] = lemmas
        doc.from_array([LEMMA], rows[:, 3:4])
        return doc


    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        self.lemmatizer.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> "MemoLemmatizer":
        self.wrap(self.lemmatizer.from_disk(path, exclude=exclude))
        return self


@Language.factory("kg_memo_lemmatizer", assigns=["token.lemma"], requires=["token.pos", "token.morph"])
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    """Factory of ``kg_memo_lemmatizer``: around a new rule lemmatizer of ``nlp``'s language (its tables
    come with ``from_disk`` of a saved pipeline); :func:`kg.extract.pipeline.load_pipeline` wraps the
    loaded pipeline's own instead."""
    return MemoLemmatizer(_inner(nlp, "lemmatizer", {"mode": "rule", "overwrite": False}))


def _inner(nlp: Language, factory: str, config: dict) -> Any:
    """A new component of spaCy's ``factory`` for ``nlp``, not added to it (the memo components' inner one)."""
    return nlp.create_pipe(factory, config=config)


#: Token attributes :class:`MemoAttributeRuler` reads in patterns, as (spaCy attribute, column of its array).
_RULER_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
#: Attributes it writes (all that the attribute ruler of spaCy's English pipelines sets), in array order.
_RULER_OUT = (TAG, POS, MORPH, LEMMA, DEP)


class MemoAttributeRuler:
    """spaCy's ``AttributeRuler`` with its matches found once per distinct token, same attributes.

    spaCy's ruler runs a ``Matcher`` of all its patterns (179 in en_core_web_sm) over every token of
    every document, then sets the attributes of each match in pattern order (a later pattern wins),
    about 8% of the time of ``nlp.pipe`` on news.  Its one-token patterns depend only on the token's
    tag, lower-case form, dependency label and whether it is a space: this component finds which of
    them match once per distinct such tuple (trying only the patterns whose exact ``TAG`` or ``LOWER``
    can fit, and those without one), finds the few longer patterns ("gon na") by a scan, applies the
    matches of each token in pattern order and writes tag, POS, morphology, lemma and dependency back
    with one ``Doc.from_array`` -- what spaCy's ``set_token_attrs`` sets for each match
    (tests/test_memo_lemmatizer.py compares every attribute with spaCy's ruler).

    :param ruler: the pipeline's own ``attribute_ruler``; :meth:`applies_to` tells whether its
        patterns are of the kinds handled here (exact values, ``IN``, ``NOT_IN``, ``REGEX`` on these
        four attributes, no operators, attributes among tag, POS, morphology, lemma, dependency).
    """

    def __init__(self, ruler: Any) -> None:
        self.wrap(ruler)

    def wrap(self, ruler: Any) -> None:
        """Repeat ``ruler`` (forgetting what was found for any earlier one)."""
        self.ruler = ruler
        self._single: list[tuple[int, tuple]] = []       # (pattern id, token spec) of one-token patterns
        self._by_lower: dict[str, list[tuple[int, tuple]]] = {}
        self._by_tag: dict[str, list[tuple[int, tuple]]] = {}
        self._generic: list[tuple[int, tuple]] = []
        self._longer: list[tuple[int, list[tuple]], int] = []  # type: ignore[valid-type]
        self._memo: dict[tuple[int, int, int, int], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._out: dict[tuple, tuple[int, ...]] = {}
        self._fast = self.applies_to(ruler)
        if self._fast:
            self._compile()

    @staticmethod
    def _spec(token: dict) -> tuple | None:
        """A token pattern as ((column, kind, value), ...), or None when it uses anything else."""
        out = []
        for key, val in token.items():
            col = _RULER_FIELDS.get(key)
            if col is None:
                return None
            if isinstance(val, dict):
                if len(val) != 1:
                    return None
                (op, arg), = val.items()
                if op == "IN" or op == "NOT_IN":
                    out.append((col, op, frozenset(arg)))
                elif op == "REGEX":
                    out.append((col, op, re.compile(arg)))
                else:
                    return None
            elif isinstance(val, (str, bool)):
                out.append((col, "==", val))
            else:
                return None
        return tuple(out)

    @staticmethod
    def applies_to(ruler: Any) -> bool:
        """True for a spaCy ``AttributeRuler`` whose patterns and attributes this component handles."""
        from spacy.pipeline import AttributeRuler

        if not isinstance(ruler, AttributeRuler):
            return False
        for p in ruler.patterns:
            if any(k not in ("TAG", "POS", "MORPH", "LEMMA", "DEP") for k in p["attrs"]):
                return False
            if any(MemoAttributeRuler._spec(t) is None for pat in p["patterns"] for t in pat):
                return False
        return True

    def _compile(self) -> None:
        for k, p in enumerate(self.ruler.patterns):
            for pat in p["patterns"]:
                specs = [self._spec(t) for t in pat]
                if len(specs) > 1:
                    self._longer.append((k, specs, self.ruler.indices[k]))
                    continue
                spec = specs[0]
                exact = {col: v for col, op, v in spec if op == "=="}
                entry = (k, spec)
                if isinstance(exact.get(1), str):
                    self._by_lower.setdefault(exact[1], []).append(entry)
                elif isinstance(exact.get(0), str):
                    self._by_tag.setdefault(exact[0], []).append(entry)
                else:
                    self._generic.append(entry)

    @staticmethod
    def _fits(spec: tuple, values: tuple) -> bool:
        for col, op, v in spec:
            x = values[col]
            if op == "==":
                if x != v:
                    return False
            elif op == "IN":
                if x not in v:
                    return False
            elif op == "NOT_IN":
                if x in v:
                    return False
            elif v.search(x) is None:  # REGEX, as spaCy's Matcher: re.search
                return False
        return True

    def _matches(self, values: tuple) -> tuple[int, ...]:
        """Ids of the one-token patterns that match a token with ``values`` (tag, lower, dep, is_space), ascending."""
        cands = self._by_lower.get(values[1], []) + self._by_tag.get(values[0], []) + self._generic
        return tuple(sorted({k for k, spec in cands if self._fits(spec, values)}))

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not self._fast:
            return self.ruler(doc)
        if not n:
            return doc
        ruler, strings = self.ruler, doc.vocab.strings
        inp = doc.to_array([TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA])
        rows = inp.tolist()
        memo = self._memo

        def values(row: list[int]) -> tuple:
            return (strings[row[0]] if row[0] else "", strings[row[1]] if row[1] else "",
                    strings[row[2]] if row[2] else "", bool(row[3]))

        matched: list[tuple[int, ...]] = []
        starts: list[tuple[int, int]] = []  # (position, index in self._longer) where a longer pattern's first token fits
        for i, row in enumerate(rows):
            key = (row[0], row[1], row[2], row[3])
            m = memo.get(key)
            if m is None:
                v = values(row)
                m = memo[key] = (self._matches(v), tuple(j for j, (_, specs, _) in enumerate(self._longer)
                                                         if self._fits(specs[0], v)))
            matched.append(m[0])
            if m[1]:
                starts += [(i, j) for j in m[1]]
        for i, j in starts:
            k, specs, index = self._longer[j]
            width = len(specs)
            if i + width <= n and all(self._fits(spec, values(rows[i + d])) for d, spec in enumerate(specs[1:], 1)):
                t = i + index if index >= 0 else i + width + index
                matched[t] = tuple(sorted((*matched[t], k)))
        out = self._out
        cols = []
        for row, m in zip(rows, matched):
            key = (row[0], row[2], row[4], row[5], row[6], m)
            res = out.get(key)
            if res is None:
                vals = {TAG: row[0], POS: row[4], MORPH: row[5], LEMMA: row[6], DEP: row[2]}
                for k in m:
                    vals.update(ruler.attrs[k])
                res = out[key] = tuple(vals[a] for a in _RULER_OUT)
            cols.append(res)
        import numpy

        doc.from_array(list(_RULER_OUT), numpy.array(cols, dtype=numpy.uint64).reshape(n, len(_RULER_OUT)))
        return doc


    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        self.ruler.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> "MemoAttributeRuler":
        self.wrap(self.ruler.from_disk(path, exclude=exclude))
        return self


@Language.factory("kg_memo_attribute_ruler", assigns=["token.tag", "token.pos", "token.morph", "token.lemma"],
                  requires=["token.tag", "token.dep"])
def make_memo_attribute_ruler(nlp: Language, name: str) -> MemoAttributeRuler:
    """Factory of ``kg_memo_attribute_ruler``: around a new attribute ruler (its patterns come with
    ``from_disk`` of a saved pipeline); :func:`kg.extract.pipeline.load_pipeline` wraps the loaded
    pipeline's own instead."""
    return MemoAttributeRuler(_inner(nlp, "attribute_ruler", {}))


class StatementExtractor:
    """The ``kg_statements`` component: ``doc._.kg_statements`` <- resolved statements."""

    def __init__(self, nlp: Language, name: str, lexicon_path: str | None = None) -> None:
        self.name = name
        self.lexicon: Lexicon = load_lexicon(lexicon_path)

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.kg_statements = resolve_statements(doc, self.lexicon)
        except Exception as exc:  # noqa: BLE001 -- one odd document must not stop a batch
            # the rules met a parse they do not handle: keep the article, without statements,
            # and say so (doc._.kg_error), rather than losing the rest of the batch
            log.warning("statement extraction failed on a document (%s: %s); it gets no statements",
                        type(exc).__name__, exc)
            doc._.kg_statements = []
            doc._.kg_error = f"{type(exc).__name__}: {exc}"
        return doc

    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        self.lexicon.to_disk(Path(path))

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> "StatementExtractor":
        self.lexicon = load_lexicon(str(path))
        return self


@Language.factory(
    "kg_statements",
    default_config={"lexicon_path": None},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.kg_statements"],
)
def make_statement_extractor(nlp: Language, name: str, lexicon_path: str | None) -> StatementExtractor:
    """Factory of the ``kg_statements`` component (``lexicon_path``: a folder
    with the data files of :data:`kg.extract.lexicon.DATA_FILES` -- cues.tsv, content.tsv,
    agents.tsv, nouns.tsv, words.tsv; None = the lexicon shipped with kg)."""
    return StatementExtractor(nlp, name, lexicon_path)


@Language.factory(
    "kg_headlines",
    default_config={"lexicon_path": None},
    requires=["token.tag", "token.dep", "doc.ents"],
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep", "token.head"],
)
def make_headline_reparser(nlp: Language, name: str, lexicon_path: str | None) -> HeadlineReparser:
    """Factory of the ``kg_headlines`` component (``lexicon_path`` as for
    ``kg_statements``: its cue lemmas decide which headline words are verbs,
    its title nouns are not counted when telling a title-cased line).
    The component has no state of its own to save."""
    lex = load_lexicon(lexicon_path)
    return HeadlineReparser(nlp, name, lex.by_lemma.keys(), (n for n in lex.agents if lex.is_title(n)))


@Language.factory(
    "kg_kb_actors",
    default_config={"kb_path": None},
    requires=["token.pos", "doc.ents"],
    assigns=["doc.ents"],
)
def make_kb_actor_tagger(nlp: Language, name: str, kb_path: str | None) -> KBActorTagger:
    """Factory of the ``kg_kb_actors`` component (``kb_path``: a KB file written by
    ``kg kb build``; None = the KB bundled with kg).

    :raises kg.errors.KnowledgeBaseError: (E040) when the KB file cannot be read.
    """
    return KBActorTagger(nlp, name, kb_path)


def resolve_statements(doc: Doc, lex: Lexicon) -> list[ResolvedDraft]:
    """Find the statements of ``doc`` and resolve their actors, in text order.

    Drafts whose speaker cannot be resolved (e.g. "they") are dropped; targets
    that cannot be resolved or that are the speaker are removed.
    """
    resolver = Resolver(doc, lex)
    out: list[ResolvedDraft] = []
    seen: set[tuple] = set()
    for d in _with_group_members(doc, lex, find_statements(doc, lex)):
        spk = resolver.resolve(d.speaker, is_speaker=True)
        if spk is None:
            continue
        targets: list[Cluster] = []
        t_mentions: list[tuple[int, int]] = []
        for m in [x for t in d.targets for x in (group_members(t, doc, lex) or [t])]:  # "relations with the trio"
            c = resolver.resolve(m, speaker_of=spk)
            if c is None or c is spk or c in targets or resolver.same_side(spk, c):
                continue
            targets.append(c)
            t_mentions.append((m.start, m.end))
        key = (d.cue_tokens[0], d.type, spk.id, tuple(c.id for c in targets))
        if key in seen:
            continue
        seen.add(key)
        out.append(ResolvedDraft(d, spk, (d.speaker.start, d.speaker.end), targets, t_mentions))
    return out


def _with_group_members(doc: Doc, lex: Lexicon, drafts: Iterable[Draft]) -> Iterator[Draft]:
    """Each draft, but one per member for a speaker that is a counted group named
    earlier ("Burkina Faso, Mali and Niger withdrew ... The three military-led nations
    accused ..." -> Burkina Faso, Mali, Niger; :func:`~kg.extract.mentions.group_members`)."""
    for d in drafts:
        members = group_members(d.speaker, doc, lex)
        if not members:
            yield d
            continue
        for m in members:
            yield replace(d, speaker=m, targets=[t for t in d.targets if (t.start, t.end) != (m.start, m.end)])
