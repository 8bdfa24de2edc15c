"""kg.link.wikidata_kinds: the one Wikidata class -> KB kind map, shared by online
linking (P279* tops) and kg kb update (direct P31 classes)."""

from __future__ import annotations

import pytest

from kg.link import online, update
from kg.link.kb import Entity
from kg.link.resolve import NER_COMPAT
from kg.link.wikidata_kinds import CLASS_KIND, CLASSES, KIND_ORDER, kind_of_classes, kind_of_kinds, load_classes


def test_link_wikidata_kinds_one_map_for_both_readers() -> None:
    assert online.TOP_CLASS_KIND is CLASS_KIND and update.CLASS_KIND is CLASS_KIND


def test_link_wikidata_kinds_every_class_is_documented_and_a_kb_kind() -> None:
    assert len(CLASSES) == len(CLASS_KIND) >= 20
    for c in CLASSES:
        assert c.label, c.qid
        assert c.kind in KIND_ORDER and c.kind in set().union(*NER_COMPAT.values()), c
    assert {c.kind for c in CLASSES} == set(KIND_ORDER)
    assert Entity.__dataclass_fields__["kind"].default in KIND_ORDER


@pytest.mark.parametrize(
    ("classes", "kind"),
    [
        (["Q5"], "person"),
        (["Q6256"], "country"),
        (["Q3624078", "Q6256"], "country"),
        (["Q35657"], "region"),          # a U.S. state is a region, not an organization
        (["Q486972"], "city"),
        (["Q1616075"], "media"),
        (["Q43229", "Q17149090"], "armed_group"),  # by priority, not by order of the rows
        (["Q17149090", "Q43229"], "armed_group"),
        (["Q7275"], None),                # "state" is not mapped (U.S. states are states)
        (["Q999999999"], None),
        ([], None),
    ],
)
def test_link_wikidata_kinds_kind_of_classes(classes: list[str], kind: str | None) -> None:
    assert kind_of_classes(classes) == kind


def test_link_wikidata_kinds_priority() -> None:
    assert kind_of_kinds(["organization", "person"]) == "person"
    assert kind_of_kinds(["other"]) is None
    assert online.kind_of({"kinds": ["media", "organization"]}) == "media"
    assert online.kind_of({"kinds": []}) == "other"


def test_link_wikidata_kinds_update_merge_uses_the_map() -> None:
    doc = {"entities": []}
    items = {"Q900000010": {"label": "Fooland State", "aliases": [], "classes": ["Q35657"], "country": "Q30", "roles": []},
             "Q900000011": {"label": "Unknown Thing", "aliases": [], "classes": ["Q999"], "country": None, "roles": []}}
    assert update.merge_items(doc, items) == (2, 0)
    kinds = {e["id"]: e["kind"] for e in doc["entities"]}
    assert kinds == {"Q900000010": "region", "Q900000011": "organization"}


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("Q5\tperson\thuman", "4 tab-separated"),
        ("X5\tperson\thuman\t-", "not a QID"),
        ("Q5\tpeople\thuman\t-", "unknown kind"),
        ("Q5\tperson\thuman\t-\nQ5\tperson\thuman\t-", "twice"),
    ],
)
def test_link_wikidata_kinds_bad_lines_are_rejected(line: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        load_classes("qid\tkind\tlabel\tnote\n" + line + "\n")
