"""Linking the people in the news: an article set written for this test (office holders by role and date,
titles with surnames, legislators, parties, a newspaper, namesakes, a person not in the KB), through the
real spaCy model and the bundled KB with its person, party and media layers."""

from __future__ import annotations

import pytest

from kg.link.kb import default_kb, iter_aliases
from kg.link.positions import role_keys
from kg.link.resolve import Linker
from kg.model import Actor, ActorKind, Article

# (id, date, text, {mention text: expected QID or None (NIL)})
ARTICLES = [
    ("role-defence-2016", "2016-05-10",
     "The Iranian defence minister accused the United States of destabilizing the region on Tuesday.",
     {"The Iranian defence minister": "Q14514593", "the United States": "Q30"}),
    ("role-president-2017", "2017-06-01",
     "The U.S. president criticized Germany over trade on Monday.",
     {"The U.S. president": "Q22686"}),
    ("role-president-2021", "2021-06-01",
     "The U.S. president criticized Germany over trade on Monday.",
     {"The U.S. president": "Q6279"}),
    ("title-president", "2017-06-01",
     "President Trump accused China of stealing American jobs on Monday.",
     {"President Trump": "Q22686"}),
    ("title-senator", "2017-06-01",
     "Senator McConnell accused Democrats of blocking the health bill.",
     {"Senator McConnell": "Q355522", "Democrats": "Q29552"}),
    ("title-prime-minister", "2017-06-01",
     "Prime Minister Abe accused North Korea of threatening the region on Wednesday.",
     {"Prime Minister Abe": "Q132345"}),
    ("legislator-full-name", "2018-03-01",
     "Elizabeth Warren criticized the bank regulators on Thursday.",
     {"Elizabeth Warren": "Q434706"}),
    ("surname-introduced", "2015-04-02",
     "Mohammad Javad Zarif said on Thursday that the talks had made progress. Zarif accused "
     "Washington of delaying the deal.",
     {"Mohammad Javad Zarif": "Q10296812", "Zarif": "Q10296812"}),
    ("short-name", "2015-04-02",
     "Javad Zarif praised the negotiators in Lausanne on Friday.",
     {"Javad Zarif": "Q10296812"}),
    ("surname-not-introduced", "2015-04-02",
     "Zarif said on Friday that the negotiators had done their work.",
     {"Zarif": None}),
    ("party", "2017-06-01",
     "Republicans accused the governor of wasting money on Tuesday.",
     {"Republicans": "Q29468"}),
    ("newspaper", "2017-06-01",
     "The New York Times criticized the White House over its handling of the crisis.",
     {"The New York Times": "Q9684"}),
    ("namesake-mali", "2015-03-01",
     "Malian Foreign Minister Abdoulaye Diop said on Monday that the peace talks would resume.",
     {"Malian Foreign Minister Abdoulaye Diop": "Q2821367"}),
    ("namesake-senegal", "2008-03-01",
     "Senegal's finance minister Abdoulaye Diop said on Monday that the budget deficit would shrink.",
     {"Senegal's finance minister Abdoulaye Diop": "Q2821369"}),
    ("namesake-unresolved", "2019-03-01",
     "Abdoulaye Diop said on Monday that the talks had failed.",
     {"Abdoulaye Diop": None}),
    ("not-in-kb", "2017-06-01",
     "Xavier Plumtrevel, a farmer from Iowa, accused the senators of ignoring rural voters.",
     {"Xavier Plumtrevel": None}),
]


@pytest.fixture(scope="module")
def people_linker() -> Linker:
    return Linker(default_kb())


def _actors_by_mention(result) -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    actors = list(result.actors) + [x for st in result.statements for x in [st.actor, *st.targets]]
    for a in actors:
        for m in a.mentions:
            out.setdefault(m.text, a)
    return out


@pytest.mark.parametrize("aid,date,text,expected", ARTICLES, ids=[a[0] for a in ARTICLES])
def test_link_people_article_set(nlp, people_linker: Linker, aid: str, date: str, text: str,
                                 expected: dict[str, str | None]) -> None:
    from kg.extract import extract_articles

    res = people_linker.link(next(extract_articles(nlp, [Article(aid, text, date=date)])))
    by_mention = _actors_by_mention(res)
    for mention, qid in expected.items():
        assert mention in by_mention, (mention, sorted(by_mention))
        assert by_mention[mention].qid == qid, (mention, by_mention[mention])


def test_link_people_one_actor_across_articles(nlp, people_linker: Linker) -> None:
    """The same QID gives the same actor key (and IRI) for "Mohammad Javad Zarif" and "Javad Zarif"."""
    from kg.extract import extract_articles

    a = people_linker.link(next(extract_articles(nlp, [Article("a", ARTICLES[7][2], date="2015-04-02")])))
    b = people_linker.link(next(extract_articles(nlp, [Article("b", ARTICLES[8][2], date="2015-04-02")])))
    za = _actors_by_mention(a)["Mohammad Javad Zarif"]
    zb = _actors_by_mention(b)["Javad Zarif"]
    assert za.key == zb.key == "wd-Q10296812"
    assert za is _actors_by_mention(a)["Zarif"]  # merged within the article


@pytest.mark.parametrize("phrase,date,qid", [
    ("the Iranian defence minister", "2016-05-10", "Q14514593"),
    ("Iran's defense minister", "2018-05-10", "Q25424757"),
    ("the U.S. president", "2017-06-01", "Q22686"),
    ("the U.S. president", "2021-06-01", "Q6279"),
    ("U.S. Secretary of State", "2017-06-01", "Q331401"),
    ("the Secretary of State", "2017-06-01", "Q331401"),
    ("the Secretary of State", "2014-06-01", "Q22316"),
    ("the British prime minister", "2017-06-01", "Q264766"),
    ("the president of France", "2018-01-10", "Q3052772"),
    ("the president", "2017-06-01", None),  # no country: dozens of presidents
    ("the former U.S. president", "2017-06-01", None),
    ("the U.S. president", None, None),  # no date, no holder
    ("Defense Minister Hossein Dehghan", "2016-05-10", None),  # a name, not a role phrase
])
def test_link_people_role_holder(people_linker: Linker, phrase: str, date: str | None, qid: str | None) -> None:
    e = people_linker.role_holder(phrase, date)
    assert (e.qid if e is not None else None) == qid


@pytest.mark.parametrize("title,keys", [
    ("Minister of Defence and Armed Forces Logistics", ("defence_minister",)),
    ("Deputy Minister of Defence", ()),
    ("Principal Private Secretary to the Prime Minister", ()),
    ("President of the Senate", ()),
    ("United States senator (KY, Republican)", ("senator",)),
    ("Secretary of State (North Carolina)", ()),
    ("Chancellor of the Exchequer", ("finance_minister",)),
])
def test_link_people_role_keys(title: str, keys: tuple[str, ...]) -> None:
    assert role_keys(title) == keys


def test_link_people_secretary_of_state_outside_the_us_is_no_foreign_minister() -> None:
    assert role_keys("Secretary of State", "Q30") == ("foreign_minister", "secretary_of_state")
    assert role_keys("Secretary of State", "Q183") == ()


def test_link_people_title_and_short_surname(people_linker: Linker) -> None:
    """"Prime Minister May": a three-letter surname the KB does not index alone, found through the office."""
    from kg.model import ArticleResult, Span

    text = "Prime Minister May said the talks would go on."
    a = Actor("May", ActorKind.PERSON, [Span(0, 18, "Prime Minister May")], role="Prime Minister")
    people_linker.link(ArticleResult(Article("pm", text, date="2017-06-01"), [], [a]))
    assert a.qid == "Q264766" and a.name == "Theresa May" and a.cameo_code.startswith("GBRGOV")
    b = Actor("May", ActorKind.PERSON, [Span(0, 18, "Prime Minister May")], role="Prime Minister")
    people_linker.link(ArticleResult(Article("pm2", text, date="2021-06-01"), [], [b]))
    assert b.qid == "Q264766"  # no PM May in office in 2021, but only one ever: "Prime Minister May" still


def test_link_people_titled_surname_needs_the_office(people_linker: Linker) -> None:
    assert people_linker.titled_surname("McConnell", ("senator",), "2017-06-01").qid == "Q355522"
    assert people_linker.titled_surname("McConnell", ("president",), "2017-06-01") is None


def test_link_people_alias_iterator_for_entity_rulers() -> None:
    """kg.link.kb.iter_aliases: (alias, kind, entity) triples, filterable by alias kind."""
    seen = {(alias, e.qid) for alias, kind, e in iter_aliases(kinds={"label", "short", "members"})
            if e.kind in ("person", "party")}
    assert ("Mohammad Javad Zarif", "Q10296812") in seen and ("Javad Zarif", "Q10296812") in seen
    assert ("Republicans", "Q29468") in seen
    assert all(kind == "surname" for _, kind, _ in iter_aliases(kinds={"surname"}))


def test_link_people_layers_are_labelled() -> None:
    kb = default_kb()
    layers = {i["layer"]: i for i in kb.layers}
    assert "CC BY-NC" in layers["people-nc"]["licence"] and "CC0" in layers["open"]["licence"]
    assert kb.get("Q22686").layer == "open" and kb.get("Q14514593").layer == "people-nc"


def test_link_people_kg_info_and_kb_layers_name_the_licences(tmp_path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.store.oxigraph import OxigraphStore

    with OxigraphStore(tmp_path / "st"):
        pass
    monkeypatch.setenv("COLUMNS", "250")
    res = CliRunner().invoke(app, ["info", "--store", str(tmp_path / "st")])
    assert res.exit_code == 0, res.output
    flat = " ".join(res.output.split())
    assert "knowledge base layer people-nc: CC BY-NC 4.0" in flat and "knowledge base layer open: CC0" in flat
    monkeypatch.setenv("KG_KB_LAYERS", "open")  # the non-commercial layer left out
    res = CliRunner().invoke(app, ["kb", "layers"])
    assert res.exit_code == 0 and "people-nc" not in res.output and "open" in res.output


@pytest.mark.parametrize("name,aliases,label", [
    ("Andy Barr", ["Garland Barr"], "Andy Barr"),                    # the legal first name is the alias
    ("Joseph Robinette Biden Jr.", ["Joe Biden"], "Joe Biden"),      # the official name is the name
    ("Christopher Murphy", ["Chris Murphy"], "Chris Murphy"),        # the short form in use
    ("Adam Smith", ["Adam Smith (Washington politician)"], "Adam Smith"),
    ("A. Donald McEachin", ["A. McEachin", "Donald McEachin"], "Donald McEachin"),
    ("Abraham J. Hamadeh", ["Abraham Jamal Hamadeh"], "Abraham Hamadeh"),
])
def test_link_people_congress_label_is_the_name_in_use(name, aliases, label):
    from kg.link.people import person_label

    assert person_label(name, aliases) == label
