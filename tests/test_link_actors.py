"""Linking real extraction output (real spaCy model, real bundled KB): demonym-headed groups keep
their own identity with the country and a CAMEO code; person names win over mis-attached mentions;
country context separates same-name places."""

from __future__ import annotations

import pytest

from kg.link.kb import default_kb
from kg.link.resolve import Linker
from kg.model import Actor, ActorKind, Article, ArticleResult, Span


@pytest.fixture(scope="module")
def lk() -> Linker:
    return Linker(default_kb())


def _by_code(result: ArticleResult) -> dict[str, Actor]:
    return {a.cameo_code: a for a in result.actors if a.cameo_code}


@pytest.mark.parametrize("text,code,country", [
    ("The Syrian military said on Sunday that it had retaken the town.", "SYRMIL", "Q858"),
    ("Iranian officials accused Washington of lying about the talks.", "IRNGOV", "Q794"),
    ("Turkish forces said on Monday that they had shelled the positions.", "TURMIL", "Q43"),
    ("Iraqi officials criticized the Syrian government for the attack.", "SYRGOV", "Q858"),
    ("Iraqi officials criticized the Syrian government for the attack.", "IRQGOV", "Q796"),
])
def test_link_actors_demonym_groups_on_extraction(lk: Linker, extract_text, text: str, code: str,
                                                  country: str) -> None:
    res = lk.link(extract_text(text))
    acts = _by_code(res)
    assert code in acts, [(a.name, a.cameo_code) for a in res.actors]
    a = acts[code]
    assert a.qid is None and a.country_qid == country and a.kind is ActorKind.GROUP
    # the group stays a separate actor from the country itself
    assert all(x.qid != country for x in res.actors if x is a)


def test_link_actors_country_and_group_are_distinct(lk: Linker, extract_text) -> None:
    res = lk.link(extract_text("Iranian officials accused Washington of lying about the talks."))
    names = {(a.qid, a.cameo_code) for a in res.actors}
    assert ("Q30", "USA") in names and (None, "IRNGOV") in names


def test_link_actors_syrian_government_is_not_assad(lk: Linker) -> None:
    # PETRARCH lists "Syria's Government" as an alias of Bashar al-Assad
    for s in ("Syrian government", "Syria's government", "the Syrian government"):
        c = lk.link_mention(s)
        assert c is not None and c.entity.kind == "group" and c.entity.cameo_code == "SYRGOV", (s, c)


@pytest.mark.parametrize("surface,code,country", [("Russians", "RUS", "Q159"), ("the Palestinians", "PSE", "Q407199"),
                                                  ("the Saudis", "SAU", "Q851")])
def test_link_actors_plural_demonym_is_the_people(lk: Linker, surface: str, code: str, country: str) -> None:
    c = lk.link_mention(surface, ner_label="NORP")
    assert c is not None and c.entity.qid is None and c.entity.kind == "group"
    assert c.entity.cameo_code == code and c.entity.country_qid == country


def test_link_actors_name_wins_over_misattached_mention(lk: Linker) -> None:
    text = "French Foreign Minister Jean-Yves Le Drian met Iran's foreign minister in Paris."
    m1, m2 = "French Foreign Minister Jean-Yves Le Drian", "Iran's foreign minister"
    a = Actor("Jean-Yves Le Drian", ActorKind.PERSON, mentions=[
        Span(text.index(m1), text.index(m1) + len(m1), m1),
        Span(text.index(m2), text.index(m2) + len(m2), m2)])  # a coreference error
    res = ArticleResult(Article("t", text), statements=[], actors=[a])
    lk.link(res)
    assert (a.cameo_code, a.country_qid) == ("FRAGOV", "Q142")
    assert a.qid == "Q559040" and a.kind is ActorKind.PERSON  # the name, never "Iran's foreign minister"


def test_link_actors_person_code_from_name_not_from_other_mentions(lk: Linker) -> None:
    text = "Nicolas Maduro said the sanctions had failed. The US president disagreed."
    m2 = "The US president"
    a = Actor("Nicolas Maduro", ActorKind.PERSON, mentions=[Span(0, 14, "Nicolas Maduro"),
                                                             Span(text.index(m2), text.index(m2) + len(m2), m2)])
    lk.link(ArticleResult(Article("t", text, date="2019-02-01"), statements=[], actors=[a]))
    assert a.cameo_code == "VENGOV" and a.country_qid == "Q717"


def test_link_actors_country_context_separates_same_name_places(lk: Linker) -> None:
    libya = "Clashes broke out in Tripoli, the Libyan capital, on Sunday."
    c = lk.link_mention("Tripoli", context=libya, start=libya.index("Tripoli"), ner_label="GPE", as_actor=False)
    assert c is not None and c.entity.qid == "Q3579"
    lebanon = "Clashes broke out in the Lebanese city of Tripoli on Sunday."
    ranked = lk.candidates("Tripoli", context=lebanon, start=lebanon.index("Tripoli"), ner_label="GPE",
                           as_actor=False)
    assert ranked[0].entity.country_qid == "Q822"
    bare = "Clashes broke out in Tripoli on Sunday."
    assert lk.link_mention("Tripoli", context=bare, start=bare.index("Tripoli"), ner_label="GPE",
                           as_actor=False) is None  # two Tripolis, no context: NIL
