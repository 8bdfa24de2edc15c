"""The capitals and seats of government that stand for a country (``kg/extract/data/metonyms.tsv``,
:func:`kg.extract.countries.metonym_country`): the table read from its file is the one kg used
before it moved there, and its rows sourced from the knowledge base are in the bundled KB."""

from __future__ import annotations

import gzip
import json

import pytest

from kg.extract.countries import COUNTRY_METONYMS, METONYMS_PATH, read_metonyms, same_country
from kg.link.build import default_kb_path

#: The table as it was written in mentions.py before it became a data file (behaviour kept equal).
_BEFORE = {n: c for e in (
    "russia:kremlin|moscow;iran:tehran|islamic republic;china:beijing;ukraine:kyiv|kiev;uk:london|downing street;"
    "france:paris|elysee|élysée;us:white house|pentagon;north korea:pyongyang;south korea:seoul;india:new delhi;"
    "saudi arabia:riyadh;turkey:ankara;germany:berlin;japan:tokyo;pakistan:islamabad;egypt:cairo;syria:damascus;"
    "iraq:baghdad;venezuela:caracas;cuba:havana;belarus:minsk;afghanistan:kabul;poland:warsaw;canada:ottawa;"
    "taiwan:taipei;nigeria:abuja;kenya:nairobi;ethiopia:addis ababa;sudan:khartoum;libya:tripoli;lebanon:beirut"
).split(";") for c, ns in [e.split(":")] for n in ns.split("|")}


def test_extract_countries_metonym_table_unchanged():
    assert COUNTRY_METONYMS == _BEFORE


def _rows() -> list[tuple[str, str, str]]:
    rows = [tuple(line.split("\t")) for line in METONYMS_PATH.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert rows[0] == ("name", "country", "source")
    return rows[1:]


def test_extract_countries_kb_rows_are_in_the_kb():
    doc = json.load(gzip.open(default_kb_path(), "rt", encoding="utf-8"))
    caps: dict[str, list[str]] = {}
    for r in doc["entities"]:
        if r.get("kind") == "country":
            for alias, kind in r.get("aliases", []):
                if kind == "capital":
                    caps.setdefault(alias.lower(), []).append(r["label"])
    rows = _rows()
    assert {src for _, _, src in rows} <= {"kb capital", "kb seat", "kg"}
    for name, country, src in rows:
        if src.startswith("kb"):
            assert any(same_country(country, label) for label in caps.get(name, [])), (name, country)


def test_extract_countries_bad_row_names_the_line(tmp_path):
    p = tmp_path / "m.tsv"
    p.write_text("# c\nname\tcountry\tsource\nkremlin\trussia\n", encoding="utf-8")
    with pytest.raises(ValueError, match=":3:"):
        read_metonyms(p)
