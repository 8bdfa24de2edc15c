"""Build kg's offline knowledge base from the Wikidata-derived files in
``../shared/data/wikidata/`` (see its PROVENANCE.md).

Sources and what each contributes (licences in ``kg/link/data/ATTRIBUTION.md``):

* ``dr5hn_countries.json`` (ODbL 1.0): the 250 countries and territories with
  their QIDs (``wikiDataId``), names, ISO 3166 codes, capital, nationality;
* ``mledoze_countries.json`` (ODbL 1.0), joined on ``cca3 == iso3``: common,
  official and alternative names, English demonyms, capitals, UN membership;
* ``dr5hn_cities_major.tsv`` (ODbL 1.0): cities with population >= 100,000 and
  capitals (with QIDs);
* ``dr5hn_states.csv`` (ODbL 1.0): only city-states and capital cities that
  the city file lacks (Moscow Q649, Berlin Q64, Paris Q90, ...); other
  subdivisions (US states, provinces) are *not* loaded, so "Georgia" or
  "Alabama" never link to a subdivision;
* ``supraverden_general_list.yaml`` (CC BY-SA 4.0): intergovernmental
  organizations with QIDs, names and abbreviations;
* ``curated_seed.tsv``: armed groups (ISIS, al-Qaeda, Hamas) with QIDs;
* ``petrarch2/Phoenix.*.actors.txt`` (MIT): CAMEO actor codes.  Country
  blocks give countries their CAMEO code and extra spellings (only spellings
  close to the country's own names, so cities such as Mashhad listed in the
  Iran block do *not* become aliases of Iran); IGO entries add codes to the
  matching SupraVerden organization; all other entries (leaders, ministries,
  armed groups, media) become QID-less entities with internal ids
  (``petr:<slug>``) and dated roles;
* ``petrarch2/Phoenix.agents.txt`` (MIT) plus a few documented additions
  (:data:`EXTRA_AGENTS`): agent nouns -> CAMEO role codes ("minister" -> GOV).

Output: one gzip-compressed JSON document (``kb.json.gz``, format version
:data:`FORMAT_VERSION`), read by :class:`kg.link.kb.KnowledgeBase`.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
import time
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from kg.errors import KnowledgeBaseError, Msg
from kg.names import is_acronym, norm
from kg.link.people import LAYERS, build_layers, write_layer
from kg.link.petrarch import ActorEntry, read_actors, read_agents
from kg.model import slugify

__all__ = ["build_kb", "default_kb_path", "FORMAT_VERSION", "SEATS_OF_GOVERNMENT", "EXTRA_AGENTS"]


def default_kb_path() -> Path:
    """The KB file bundled with kg (``kg/link/data/kb.json.gz``)."""
    return Path(__file__).resolve().parent / "data" / "kb.json.gz"

FORMAT_VERSION = 1

#: Seats of government used as metonyms for the country (ISO3 -> names).
#: kg convention (see kg.link.resolve): they link to the country's QID.
SEATS_OF_GOVERNMENT: dict[str, list[str]] = {
    "USA": ["White House", "Capitol Hill", "Foggy Bottom", "Washington, D.C.", "Washington DC"],
    "RUS": ["Kremlin"],
    "GBR": ["Downing Street", "Whitehall", "Westminster"],
    "FRA": ["Elysee", "Elysee Palace", "Quai d'Orsay"],
    "CHN": ["Zhongnanhai"],
    "KOR": ["Blue House"],
    "UKR": ["Kiev"],
    "IND": ["New Delhi"],
}

#: Agent nouns missing from Phoenix.agents.txt that news use all the time (kg additions).
EXTRA_AGENTS: dict[str, str] = {
    "official": "GOV", "officials": "GOV", "authorities": "GOV", "authority": "GOV",
    "administration": "GOV", "leadership": "GOV", "leader": "GOV", "leaders": "GOV",
    "foreign ministry": "GOV", "defense ministry": "GOVMIL", "defence ministry": "GOVMIL",
    "diplomat": "GOV", "diplomats": "GOV", "envoy": "GOV", "ambassador": "GOV",
    "forces": "MIL", "force": "MIL", "military": "MIL", "army": "MIL", "troops": "MIL",
    "navy": "MIL", "air force": "MIL", "security forces": "MIL", "armed forces": "MIL",
    "media": "MED", "state media": "GOVMED", "state television": "GOVMED", "news agency": "MED",
    "intelligence": "SPY", "intelligence officials": "SPY", "parliament": "LEG", "lawmakers": "LEG",
    "rebels": "REB", "militants": "UAF", "militias": "UAF", "militia": "UAF",
}

_ORG_WORDS = re.compile(
    r"\b(COUNCIL|ASSEMBLY|MINISTRY|MINISTER|PARTY|ARMY|FORCES?|GUARDS?|FRONT|ORGANI[SZ]ATION|"
    r"MOVEMENT|BRIGADES?|COMMITTEE|COURT|AGENCY|UNION|BANK|GOVERNMENT|ADMINISTRATION|OFFICE|"
    r"DEPARTMENT|SERVICE|POLICE|MILITARY|REGIME|CONGRESS|SENATE|PARLIAMENT|COMMISSION|"
    r"ALLIANCE|LEAGUE|ASSOCIATION|GROUP|CORPS|NAVY|MILITIA|NETWORK|INSTITUTE|FOUNDATION|"
    r"CABINET|PRESIDENCY|JUNTA|STATE|REPUBLIC|KINGDOM|FEDERATION|PEOPLE|PEOPLES?'?|OPPOSITION|"
    r"REBELS?|INSURGENTS?|SOLDIERS?|TROOPS|OFFICIALS?|AUTHORIT(Y|IES)|MEDIA|NEWS|TIMES|TV|RADIO)\b"
)


def _city(qid: str, row: dict[str, str], aliases: list[list[str]], country_qid: str | None, capital: bool) -> dict:
    """A city entity from a dr5hn row (cities or city-states): population prior, +0.1 for a capital."""
    try:
        pop = float(row.get("population") or 0)
    except ValueError:
        pop = 0.0
    return {
        "id": qid, "qid": qid, "label": row["name"], "kind": "city", "aliases": aliases,
        "country_qid": country_qid, "cameo_code": None,
        "popularity": _pop_prior(pop, base=0.1, span=0.4) + (0.1 if capital else 0),
        "roles": [],
    }


def _pop_prior(pop: float | None, *, base: float, span: float) -> float:
    if not pop or pop <= 0:
        return round(base, 3)
    return round(base + span * min(1.0, math.log10(pop) / 9.2), 3)


def _alias(out: list[list[str]], seen: set[str], name: Any, kind: str) -> None:
    if not isinstance(name, str):
        return
    name = name.strip()
    if not name or len(name) > 120:
        return
    n = norm(name)
    if not n or n in seen:
        return
    seen.add(n)
    out.append([name, kind])


def _title(name: str) -> str:
    """PETRARCH upper-case names -> display case ("VLADIMIR PUTIN" -> "Vladimir Putin")."""
    words = []
    for w in name.split():
        if is_acronym(w) and len(w) <= 4 and not w.isalpha() or w in {"US", "UN", "EU", "UK", "NATO"}:
            words.append(w)
        elif w.lower() in {"of", "the", "and", "for", "in", "al", "bin", "de", "la", "el"} and words:
            words.append(w.lower())
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


def _read_countries(src: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    dr = json.loads((src / "dr5hn_countries.json").read_text(encoding="utf-8"))
    ml = {c["cca3"]: c for c in json.loads((src / "mledoze_countries.json").read_text(encoding="utf-8"))}
    out: list[dict[str, Any]] = []
    iso3_to_qid: dict[str, str] = {}
    for c in dr:
        qid = c.get("wikiDataId")
        if not qid:
            continue
        iso3 = c["iso3"]
        m = ml.get(iso3, {})
        aliases: list[list[str]] = []
        seen: set[str] = set()
        # dr5hn's English short name ("Turkey", "United States") is the label; mledoze's
        # common name ("Türkiye") becomes an alias
        label = c["name"]
        _alias(aliases, seen, label, "label")
        _alias(aliases, seen, (m.get("name", {}) or {}).get("common"), "name")
        _alias(aliases, seen, (m.get("name", {}) or {}).get("official"), "name")
        demonyms: list[str] = []
        for d in re.split(r"[,/]| or ", c.get("nationality") or ""):
            if d.strip():
                demonyms.append(d.strip())
        for d in ((m.get("demonyms", {}) or {}).get("eng", {}) or {}).values():
            if d:
                demonyms.append(d)
        for d in demonyms:
            _alias(aliases, seen, d, "demonym")
        for alt in m.get("altSpellings", []) or []:
            kind = "abbr" if is_acronym(alt) else "name"
            if kind == "abbr" and len(alt) == 2 and alt != "US":
                continue  # 2-letter ISO codes ("IN", "IS", "TO") are words, not names
            _alias(aliases, seen, alt, kind)
        for iso in (iso3,):
            _alias(aliases, seen, iso, "abbr")
        capitals = [c.get("capital")] + list(m.get("capital", []) or [])
        for cap in capitals:
            _alias(aliases, seen, cap, "capital")
        for seat in SEATS_OF_GOVERNMENT.get(iso3, []):
            _alias(aliases, seen, seat, "capital")
        pop = c.get("population")
        sovereign = bool(m.get("unMember")) or bool(m.get("independent"))
        out.append({
            "id": qid, "qid": qid, "label": label, "kind": "country",
            "aliases": aliases, "country_qid": qid, "cameo_code": None,
            "popularity": _pop_prior(pop, base=0.55 if sovereign else 0.35, span=0.45),
            "roles": [], "iso3": iso3, "iso2": c.get("iso2"),
        })
        iso3_to_qid[iso3] = qid
    return out, iso3_to_qid


_CITYSTATE_TYPES = {"city", "autonomous city", "capital city", "state city", "special city",
                    "capital district", "federal district", "federal city", "city municipality"}
_CAPITAL_TYPES = {"land", "state", "municipality", "metropolitan collectivity with special status",
                  "special municipality", "city with county rights"}


def _read_cities(src: Path, iso2_to_qid: dict[str, str], capitals: dict[str, set[str]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen_qids: set[str] = set()
    with (src / "dr5hn_cities_major.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            qid = row["wikidata_id"].strip()
            if not qid or qid in seen_qids:
                continue
            seen_qids.add(qid)
            aliases: list[list[str]] = []
            seen: set[str] = set()
            _alias(aliases, seen, row["name"], "label")
            if row.get("native") and norm(row["native"]) != norm(row["name"]):
                _alias(aliases, seen, row["native"], "name")
            out.append(_city(qid, row, aliases, iso2_to_qid.get(row["country_iso2"]), row.get("is_capital") == "1"))
    with (src / "dr5hn_states.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            qid = (row.get("wikiDataId") or "").strip()
            typ = (row.get("type") or "").strip().lower()
            is_cap = norm(row["name"]) in capitals.get(row["country_code"], set())
            if not qid or qid in seen_qids:
                continue
            if not (typ in _CITYSTATE_TYPES or (is_cap and typ in _CAPITAL_TYPES)):
                continue
            if row["country_code"] == "US" and typ == "state":
                continue  # "Washington" the US state is not the capital (dr5hn's capital is the city)
            seen_qids.add(qid)
            aliases = [[row["name"], "label"]]
            out.append(_city(qid, row, aliases, iso2_to_qid.get(row["country_code"]), is_cap))
    return out


def _read_igos(src: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load((src / "supraverden_general_list.yaml").read_text(encoding="utf-8"))
    out: list[dict[str, Any]] = []
    for key, rec in (data or {}).items():
        if not isinstance(rec, dict):
            continue
        qid = str(rec.get("Wikidata_code") or "").strip()
        if not re.fullmatch(r"Q\d+", qid):
            continue
        aliases: list[list[str]] = []
        seen: set[str] = set()
        label = rec.get("Name_en") or key
        _alias(aliases, seen, label, "label")
        _alias(aliases, seen, key, "name")
        for f in ("Name_other_en", "Name_other_2_en"):
            v = rec.get(f)
            _alias(aliases, seen, v, "abbr" if isinstance(v, str) and is_acronym(v) else "name")
        ab = rec.get("Abbreviation_en")
        if isinstance(ab, str):
            for a in re.split(r"[;,/]", ab):
                a = a.strip()
                if a and len(re.sub(r"\W", "", a)) >= 2:
                    _alias(aliases, seen, a, "abbr" if is_acronym(a) else "name")
        out.append({
            "id": qid, "qid": qid, "label": label, "kind": "organization", "aliases": aliases,
            "country_qid": None, "cameo_code": None,
            "popularity": 0.45, "roles": [], "org_family": rec.get("Org_family"),
        })
    return out


def _read_curated(src: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    with (src / "curated_seed.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            aliases: list[list[str]] = []
            seen: set[str] = set()
            _alias(aliases, seen, row["label"], "label")
            for a in (row.get("aliases") or "").split("|"):
                _alias(aliases, seen, a, "abbr" if is_acronym(a) else "name")
            kind = "armed_group" if "armed" in row["type"] else "organization"
            out.append({
                "id": row["qid"], "qid": row["qid"], "label": row["label"], "kind": kind,
                "aliases": aliases, "country_qid": None, "cameo_code": None,
                "popularity": 0.7, "roles": [],
            })
    return out


def _kind_of(entry: ActorEntry, codes: list[str]) -> str:
    top = codes[-1] if codes else ""
    is_person = "CountryInfo" in entry.comment or (
        any(c for c in entry.codes if c.start or c.end) and not _ORG_WORDS.search(entry.name)
        and 2 <= len(entry.name.split()) <= 5
    )
    if is_person:
        return "person"
    if top.endswith("MED") or top == "MED":
        return "media"
    if top.startswith("IMG") or "REB" in top[3:] or top.startswith("REB") or "UAF" in top or "INS" in top[3:]:
        return "armed_group"
    if top.startswith(("IGO", "NGO", "MNC", "BUS")):
        return "organization"
    return "organization"


def _clean_petrarch_alias(a: str) -> str | None:
    a = re.sub(r"\(.*?\)", "", a).strip(" ,")
    if not a or len(a) < 2 or not re.search(r"[A-Za-z]", a):
        return None
    return a


def build_kb(source_dir: Path, out_path: Path, *, with_layers: bool = True) -> dict[str, Any]:
    """Build the knowledge base from ``source_dir`` (the ``data/wikidata`` folder)
    and write it to ``out_path`` (gzip JSON); with ``with_layers`` also the person, party and media
    layers of :mod:`kg.link.people` from ``source_dir/people``, beside ``out_path``
    (``kb-open.json.gz``, ``kb-people-nc.json.gz``, each with a ``.meta.json``).

    :param source_dir: folder with the files listed in the module docstring.
    :param out_path: output file (``.json.gz``); parent folders are created.
    :returns: stats ``{"layers": {name: {"counts", "size_bytes", "licence"}}, "counts": {kind: n},
        "entities": n, "aliases": n, "size_bytes": n, "seconds": s, "path": str}``.
    :raises KnowledgeBaseError: (E040) when a source file is missing or unreadable.
    """
    t0 = time.perf_counter()
    src = Path(source_dir)
    try:
        countries, iso3_to_qid = _read_countries(src)
        iso2_to_qid = {c["iso2"]: c["qid"] for c in countries if c.get("iso2")}
        capitals: dict[str, set[str]] = {}
        for c in countries:
            capitals.setdefault(c["iso2"], set()).update(norm(a) for a, k in c["aliases"] if k == "capital")
        cities = _read_cities(src, iso2_to_qid, capitals)
        igos = _read_igos(src)
        curated = _read_curated(src)
        pdir = src / "petrarch2"
        p_countries = read_actors(pdir / "Phoenix.Countries.actors.txt")
        p_intl = read_actors(pdir / "Phoenix.International.actors.txt")
        p_mil = read_actors(pdir / "Phoenix.MilNonState.actors.txt")
        agents = read_agents(pdir / "Phoenix.agents.txt")
    except (OSError, ValueError, KeyError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(Msg.E040, path=src, reason=f"{type(exc).__name__}: {exc}") from exc

    entities: dict[str, dict[str, Any]] = {}
    for e in countries + cities + igos + curated:
        if e["id"] in entities:  # same QID from two sources: keep the first, merge aliases
            have = {norm(a) for a, _ in entities[e["id"]]["aliases"]}
            entities[e["id"]]["aliases"] += [a for a in e["aliases"] if norm(a[0]) not in have]
            continue
        entities[e["id"]] = e

    # alias index of QID entities, to attach PETRARCH codes instead of duplicating them
    qid_alias: dict[str, list[str]] = {}
    for e in entities.values():
        if e["kind"] in ("organization", "armed_group", "country"):
            for a, k in e["aliases"]:
                if k in ("label", "name", "abbr") or (k == "capital" and e["kind"] == "country"):
                    qid_alias.setdefault(norm(a), []).append(e["id"])
    by_iso3 = {e["iso3"]: e for e in entities.values() if e.get("iso3")}
    country_names = {
        e["id"]: [norm(a) for a, k in e["aliases"] if k in ("label", "name", "demonym")] for e in by_iso3.values()
    }
    capital_names = {e["id"]: [norm(a) for a, k in e["aliases"] if k == "capital"] for e in by_iso3.values()}

    cameo_to_qid: dict[str, str] = {}
    petr: dict[str, dict[str, Any]] = {}
    for entry in p_countries + p_intl + p_mil:
        codes = [c.code for c in entry.codes]
        if not codes:
            continue
        last = codes[-1]
        # country blocks: a 3-letter code that is a known ISO3, or the entry names the country
        if len(last) == 3 and last in by_iso3 and norm(entry.name) in country_names[by_iso3[last]["id"]]:
            ce = by_iso3[last]
            ce["cameo_code"] = last
            cameo_to_qid[last] = ce["qid"]
            seen = {norm(a) for a, _ in ce["aliases"]}
            for raw in [entry.name] + entry.aliases:
                a = _clean_petrarch_alias(raw)
                if not a:
                    continue
                n = norm(a)
                inside = [x for x in country_names[ce["id"]] if len(n) >= 6 and re.search(rf"\b{re.escape(n)}\b", x)]
                if inside and sum(1 for names in country_names.values()
                                  for x in names if re.search(rf"\b{re.escape(n)}\b", x)) == len(inside):
                    _alias(ce["aliases"], seen, _title(a), "petrarch")  # "Britain" in "Great Britain" only
                elif any(fuzz.ratio(n, x) >= 80 or (len(x) > 3 and re.search(rf"\b{re.escape(x)}\b", n) and
                         len(n.split()) <= len(x.split()) + 3) for x in country_names[ce["id"]]):
                    _alias(ce["aliases"], seen, _title(a), "petrarch")
                elif any(fuzz.ratio(n, x) >= 75 for x in capital_names[ce["id"]]):
                    _alias(ce["aliases"], seen, _title(a), "capital")
            continue
        names = [n for n in (_clean_petrarch_alias(x) for x in [entry.name] + entry.aliases) if n]
        if not names:
            continue
        hits = {q for n in names[:1] for q in qid_alias.get(norm(n), [])}
        if len(hits) == 1:  # the QID entity already exists: add the CAMEO code only
            tgt = entities[hits.pop()]
            if not tgt.get("cameo_code") and tgt["kind"] != "country":
                tgt["cameo_code"] = last
            continue
        kind = _kind_of(entry, codes)
        ctry = iso3_to_qid.get(last[:3]) if len(last) >= 3 else None
        pid = f"petr:{slugify(names[0], max_len=60)}"
        roles = [[c.code, c.start, c.end] for c in entry.codes]
        if pid in petr:  # same name twice: merge
            p = petr[pid]
            have = {norm(a) for a, _ in p["aliases"]}
            p["aliases"] += [[_title(n), "petrarch"] for n in names if norm(n) not in have]
            p["roles"] += roles
            continue
        aliases: list[list[str]] = []
        seen2: set[str] = set()
        _alias(aliases, seen2, _title(names[0]), "label")
        for n in names[1:]:
            # ISIS-style blocks list leaders as aliases of the group: keep only alias names
            # that do not look like a different kind of actor
            _alias(aliases, seen2, _title(n), "petrarch")
        petr[pid] = {
            "id": pid, "qid": None, "label": _title(names[0]), "kind": kind, "aliases": aliases,
            "country_qid": ctry, "cameo_code": last, "popularity": 0.3 if kind == "person" else 0.35,
            "roles": roles,
        }
    # curated QID entities take the CAMEO code of a PETRARCH entry with the same name
    for e in curated:
        for a, _ in e["aliases"]:
            p = petr.get(f"petr:{slugify(a, max_len=60)}")
            if p and not entities[e["id"]].get("cameo_code"):
                entities[e["id"]]["cameo_code"] = p["cameo_code"]
    entities.update(petr)
    agents = {**agents, **EXTRA_AGENTS}

    doc = {
        "format": FORMAT_VERSION,
        "sources": "see ATTRIBUTION.md",
        "entities": sorted(entities.values(), key=lambda e: e["id"]),
        "agents": dict(sorted(agents.items())),
        "cameo_countries": dict(sorted(cameo_to_qid.items())),
    }
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with out_path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                                   compresslevel=9) as gz:
        gz.write(payload)
    counts: dict[str, int] = {}
    for e in entities.values():
        counts[e["kind"]] = counts.get(e["kind"], 0) + 1
    layers: dict[str, Any] = {}
    if with_layers:
        for name, ldoc in build_layers(src / "people", iso3_to_qid).items():
            meta = write_layer(ldoc, out_path.parent / LAYERS[name]["file"])
            layers[name] = {"counts": meta["counts"], "size_bytes": meta["size_bytes"], "licence": meta["licence"]}
    return {
        "layers": layers,
        "counts": dict(sorted(counts.items())),
        "entities": len(entities),
        "with_qid": sum(1 for e in entities.values() if e["qid"]),
        "aliases": sum(len(e["aliases"]) for e in entities.values()),
        "agents": len(agents),
        "size_bytes": out_path.stat().st_size,
        "seconds": round(time.perf_counter() - t0, 2),
        "path": str(out_path),
    }
