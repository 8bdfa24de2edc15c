"""kg's spaCy components (registered factories).

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
