"""Statement-finding rules: pure functions over a parsed spaCy ``Doc``.

This is the driver: :func:`find_statements` runs the per-sentence rules
(:mod:`kg.extract.verbal`, :mod:`kg.extract.nominal`, the headline rule) and the
post-passes (quotations over several sentences, warnings joined with their threats,
coordinated speakers, unnamed sources).  It yields :class:`~kg.extract.mentions.Draft`
records that still point at tokens; :mod:`kg.extract.coref` then resolves the speaker
and target mentions to article-level actors.

Imports run one way: :mod:`~kg.extract.quotes`, :mod:`~kg.extract.syntax` <-
:mod:`~kg.extract.mentions` <- :mod:`~kg.extract.events` <- :mod:`~kg.extract.speakers`,
:mod:`~kg.extract.targets` <- :mod:`~kg.extract.clauses` <- :mod:`~kg.extract.verbal`,
:mod:`~kg.extract.nominal` <- this module <- :mod:`~kg.extract.components`.

What the rules cover (``../shared/docs/design.md``, "What the extractor must
get right"):

* reporting and speech-act cues from :mod:`kg.extract.lexicon`, single verbs
  and multi-word cues ("call on", "hold talks", "rule out", "according to");
* speakers before or after the cue, passive agents ("was condemned by X"),
  participial and coordinated cues that inherit the governing speaker
  ("..., saying ...", "..., urging X to ...", "said ... and called on ..."),
  headlines of the form "Claim: Speaker";
* targets from the content: the subject, owner or agent of the reported or
  quoted clause, also over a quotation of several sentences, the addressee of
  "X said Y should ..." (an APPEAL), the doer of the act "the move" points back
  at (:func:`kg.extract.targets.content_targets` and its neighbours);
* targets as object, possessor of the object ("slammed Washington's lack"),
  actors inside the object ("cooperation between Ankara and Moscow",
  "an attack by X soldiers"), addressees ("called on X", "condolences to X"),
  prepositional targets ("with", "against", "of") and coordinated targets;
* type from the reported clause: wrongdoing -> ACCUSE, negated cooperation ->
  REJECT (taxonomy notes: "the content of the reported clause can raise
  STATEMENT to ACCUSE");
* negation ("did not", "never", "refused to"), hypotheticals (``if``,
  ``unless``, ``whether``) and questions, and direct vs reported mode.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc

from kg.extract import weights
from kg.extract.clauses import analyse_clause, terror_like
from kg.extract.events import Events, event_index
from kg.extract.lexicon import Cue, Lexicon
from kg.extract.mentions import actor_mentions, Draft, is_actor_head, is_anonymous, is_media, mention_for, thing_mention
from kg.extract.nominal import find_nominal_statements, meeting_noun_statements
from kg.extract.quotes import OPENING_QUOTES, quote_balance, quoted_tokens
from kg.extract.speakers import coordinated_actors, headline_speaker
from kg.extract.syntax import clause_objects, is_hypothetical, match_cue
from kg.extract.targets import content_targets, headline_capitals
from kg.extract.verbal import cue_statements, DocCues, in_reported_clause, uncued_verb_statements
from kg.model import Mode, StatementType


#: Types a coordinated subject can hold among its own members ("X and Y agreed").
SYMMETRIC = frozenset({StatementType.AGREE, StatementType.CONSULT})


def find_statements(doc: Doc, lex: Lexicon) -> Iterator[Draft]:
    """Yield one :class:`Draft` per (speaker, cue, type) found in ``doc``, in text order.

    Coordinated speakers ("Mordor, the Shire and Bree welcomed ...") give one
    draft each; for symmetric types (AGREE, CONSULT) without a target, each
    speaker targets the others.  Unnamed sources ("a senior official said")
    and news media ("AFP reported") give no STATEMENT: they attribute, they do
    not state (PETRARCH/CAMEO coding practice).  No target is a title-cased headline's
    common noun (:func:`kg.extract.targets.headline_capitals`).
    """
    events, in_quotes = event_index(doc, lex), quoted_tokens(doc)  # once per doc, for both passes
    drafts = _warnings_with_threats(list(_raw_statements(doc, lex, events, in_quotes)))
    drafts += _quote_continuations(doc, lex, drafts, events, in_quotes)
    for d in drafts:
        # a title-cased headline's common noun, a name the article uses for a kind of thing ("the
        # Schengen zone"), is no target, whichever rule found it
        d.targets = [m for m in d.targets if not headline_capitals(doc[m.head], lex) and not thing_mention(m, doc, lex)]
        if d.type == StatementType.STATEMENT and (is_anonymous(d.speaker, doc, lex) or is_media(d.speaker, doc, lex)):
            continue
        if not d.targets and is_anonymous(d.speaker, doc, lex):
            continue  # "defence officials cautioned that ...": an unnamed source without a target
        head = doc[d.speaker.head]
        conj = coordinated_actors(head, lex) if d.speaker.label != "PRON" else []
        # "the Islamic State of Iraq and the Levant": coordination inside one name is no list
        conj = [c for c in conj if not d.speaker.start <= c.i < d.speaker.end]
        if not conj:
            yield d
            continue
        speakers = sorted([head, *conj], key=lambda t: t.i)
        mentions = [mention_for(t, lex) for t in speakers]
        for m in mentions:
            targets = d.targets
            if not targets and d.type in SYMMETRIC:
                targets = [o for o in mentions if o is not m]
            yield Draft(d.sent_start, d.sent_end, d.cue_tokens, d.cue_lemma, d.type, d.prior, m, targets,
                        d.content, d.mode, d.negated, d.hypothetical, d.evidence)


def _quote_continuations(doc: Doc, lex: Lexicon, drafts: list[Draft], events: Events | None = None,
                         in_quotes: set[int] | None = None) -> list[Draft]:
    """Statements in the other sentences of a quotation that runs over several
    sentences or paragraphs: ""We treat this as a hostile act. Otherwise the USA
    will bear the blame," the ministry said." The sentences without a cue of their
    own inside the same quotation belong to the cue's speaker; their clauses are
    typed like a reported clause (:func:`analyse_clause`), and the content of the
    cue's statement is widened to the whole quotation."""
    sents = list(doc.sents)
    index = {s.start: k for k, s in enumerate(sents)}
    cued = {index[d.sent_start] for d in drafts if d.sent_start in index}
    events = event_index(doc, lex) if events is None else events
    out: list[Draft] = []
    done: set[int] = set()
    in_quote: set[int] | None = in_quotes  # quoted_tokens(doc), computed once when needed
    for d in drafts:
        k = index.get(d.sent_start)
        if k is None or d.cue_lemma not in lex.report_lemmas or k in done:
            continue
        done.add(k)
        balance = quote_balance(sents[k].text)
        span: list[int] = []
        step = 1 if balance > 0 else -1 if balance < 0 else 0
        j = k + step
        while step and 0 <= j < len(sents) and abs(j - k) <= 4 and j not in cued:
            span.append(j)
            b = quote_balance(sents[j].text)
            if (step > 0 and b < 0) or (step < 0 and b > 0):
                break  # the sentence that closes (or, going back, opens) the quotation
            j += step
        else:
            if step and not (0 <= j < len(sents)) or j in cued:
                span = []  # no end of the quotation found before another cue: not one quotation
        if step <= 0:
            # a new quotation right after, with no cue of its own: ""...," X said. "More words.""
            j = k + 1
            if j < len(sents) and j not in cued and sents[j].text.lstrip()[:1] in OPENING_QUOTES + '"':
                run: list[int] = []
                while j < len(sents) and j not in cued and len(run) < 4:
                    run.append(j)
                    if quote_balance(" ".join(sents[x].text for x in run)) == 0:
                        span += run
                        break
                    j += 1
        if not span:
            continue
        speaker_tok = doc[d.speaker.head]
        lo = min([sents[j].start for j in span] + [d.content[0] if d.content else sents[k].start])
        hi = max([sents[j].end for j in span] + [d.content[1] if d.content else sents[k].end])
        d.content = (lo, hi)
        typed_before = len(out)
        for j in span:
            sent = sents[j]
            for stype, heads, ev in analyse_clause(sent.root, lex, speaker=speaker_tok, events=events):
                targets = [m for h in heads if is_actor_head(h, lex) for m in actor_mentions(h, lex)]
                if stype == StatementType.STATEMENT or not targets:
                    continue
                out.append(Draft(sent.start, sent.end, d.cue_tokens, d.cue_lemma, stype, d.prior, d.speaker, targets,
                                 (lo, hi), Mode.DIRECT, False, is_hypothetical(sent.root, sent), ev * weights.NESTED_STEP))
        if d.type == StatementType.STATEMENT and not d.targets and len(out) == typed_before:
            # ""Chile is no friend of ours. It has broken ...," X said": the cue's sentence points back with
            # "it"/"he"/"she"/"they" at whom the quotation is about, named as the subject of its first
            # sentence that names someone (kg.extract.targets.content_targets)
            if in_quote is None:
                in_quote = quoted_tokens(doc)
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("it", "he", "she", "they") and t.i in in_quote
                   for t in sents[k]):
                for j in sorted(span):
                    d.targets = content_targets([sents[j].root], lex, speaker_tok, subject_only=True)
                    if d.targets:
                        break
    return out


def _warnings_with_threats(drafts: list[Draft]) -> list[Draft]:
    """A warning to X followed by the speaker's own threat without a target
    ("warned the US against deploying missiles, saying Russia will retaliate")
    is one THREATEN of X (CAMEO 13x): the warning takes the threat's type and
    the target-less threat is dropped."""
    out: list[Draft] = []
    merged: set[int] = set()
    for i, d in enumerate(drafts):
        if d.type != StatementType.THREATEN or d.targets or d.negated:
            continue
        for w in drafts:
            if (w.type == StatementType.WARN and w.targets and w.sent_start == d.sent_start
                    and w.speaker.head == d.speaker.head and not w.negated):
                w.type = StatementType.THREATEN
                merged.add(i)
                break
    for i, d in enumerate(drafts):
        if i not in merged:
            out.append(d)
    return out


def _raw_statements(doc: Doc, lex: Lexicon, events: Events | None = None,
                    in_quotes: set[int] | None = None) -> Iterator[Draft]:
    events = event_index(doc, lex) if events is None else events
    cue_matches: dict[int, tuple[Cue, list[int]]] = {}
    for tok in doc:
        m = match_cue(tok, lex)
        if m is not None:
            cue_matches[tok.i] = m
    # "said Turkey supports terrorists, adding ...": a support verb inside a reported clause is
    # typed by the clause (kg.extract.clauses.backing), so it is no cue, nor a speaker for "adding"
    cue_matches = {i: m for i, m in cue_matches.items() if not (
        m[0].type == StatementType.SUPPORT and m[0].lemma in lex.words.support_verbs
        and (in_reported_clause(doc[i], cue_matches) or any(terror_like(o, lex) for o in clause_objects(doc[i]))))}
    cue_set = set(cue_matches)
    in_quotes = quoted_tokens(doc) if in_quotes is None else in_quotes
    ctx = DocCues(cue_matches, cue_set, in_quotes, events)
    for sent in doc.sents:
        hl = headline_speaker(sent, lex)
        if hl is not None and not any(sent.start <= i < sent.end for i in cue_set):
            colon, spk, verb = hl
            found = analyse_clause(verb, lex) if verb is not None else []
            typed = found or [(StatementType.STATEMENT, [], weights.HEADLINE_UNTYPED)]
            for stype, heads, ev in typed:
                targets = [m for h in heads if is_actor_head(h, lex) for m in actor_mentions(h, lex)]
                yield Draft(sent.start, max(sent.end, spk.i + 1), [colon.i], ":", stype, weights.HEADLINE_PRIOR, mention_for(spk, lex), targets,
                            (sent.start, colon.i), Mode.DIRECT, False, False, ev)
        for i in range(sent.start, sent.end):
            tok = doc[i]
            if i not in cue_matches:
                yield from uncued_verb_statements(tok, sent, lex, ctx)
                continue
            cue, cue_idx = cue_matches[i]
            yield from cue_statements(tok, cue, cue_idx, sent, lex, ctx)
        # statements carried by nouns ("X's criticism of Y", "drew condemnation from Y")
        yield from find_nominal_statements(doc, sent, lex, cue_matches, events)
        if hl is None:
            # "Ghana's talks with Togo", "talks between X and Y", "X-Y talks" (CAMEO 04x)
            yield from meeting_noun_statements(sent, lex, cue_matches)
