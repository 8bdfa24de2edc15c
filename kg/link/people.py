"""Knowledge-base layers of persons, parties and media, built from ``../shared/data/wikidata/people/``.

A *layer* is one gzip JSON file beside the base KB (``kg/link/data/``) with its own licence,
loaded on top of the base by :meth:`kg.link.kb.KnowledgeBase.load` (see :func:`kg.link.kb.layer_paths`).
The layers and what each may do by its licence (PROVENANCE.md of the source folder):

==============  =========================================================  ==================================
layer           sources                                                    licence
==============  =========================================================  ==================================
``open``        ``us_congress_legislators.tsv`` (persons, CC0),            CC0 1.0 + MIT (Party Facts
                ``hearvox_us_newspapers.tsv`` (media, CC0),                authors); ships and loads by
                ``partyfacts_parties.tsv`` (parties, MIT)                  default
``people-nc``   ``peppercat_leaders.tsv``, ``peppercat_current_2025.tsv``  CC BY-NC 4.0 (Peppercat / Tony
                (office holders since 2000 with dated positions)           Bowden): a separate, labelled
                                                                           file; leave it out with
                                                                           ``KG_KB_LAYERS=open``
``people``      the same person layer rebuilt from Wikidata itself         CC0 1.0 (Wikidata); written by
                (``kg kb update --layer people``), preferred over          ``kg kb update``, never shipped
                ``people-nc`` when present
==============  =========================================================  ==================================

``cld_legislators_2017.tsv`` (GPL-3 repository, data licence unchecked) and the 100,888
Peppercat legislators are *not* used: the first may not ship, the second would multiply the
file size and load time for national back-benchers news rarely quote.

Layer document: ``{"format": "kg-kb-layer", "version": 1, "layer": name, "licence": str,
"attribution": str, "sources": [str], "keys": fingerprint, "entities": [record]}``; a record is
``{"id", "qid", "label", "kind", "aliases": [[alias, alias kind]], "country_qid", "popularity",
"positions": [[title, start, end, country_qid, [role keys]]], "party_qid"}``, optionally with
``"keys": [[exact key, transliteration key]]`` per alias (:func:`layer_doc` ``with_keys``; then the
document's ``keys_fingerprint``, :func:`key_fingerprint`, tells the loader whether they are still valid).
The role keys of a position are :func:`kg.link.positions.role_keys` of its title, computed at build time.

Aliases of a person (kg's rules): the label and the source's own aliases (``name``); for names of
three or more words the name without middle names ("Mohammad Zarif") and the last two words
("Javad Zarif", "López Obrador") (``short``); a surname with its particle ("von der Leyen",
"al-Assad") (``surname``).  Single surnames ("Zarif") are indexed by the KB for every person
(:class:`kg.link.kb.KnowledgeBase`); "Mr X" and titles are stripped by the linker.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterator

from kg.errors import KnowledgeBaseError, Msg
from kg.link.positions import role_keys
from kg.names import norm, phonetic

__all__ = ["LAYERS", "build_layers", "person_records", "layer_doc", "write_layer", "read_layer", "key_fingerprint", "person_aliases",
           "party_member_aliases", "LAYER_FORMAT"]

LAYER_FORMAT = "kg-kb-layer"

#: layer name -> (file name, licence, attribution, source files)
LAYERS: dict[str, dict[str, Any]] = {
    "open": {
        "file": "kb-open.json.gz", "licence": "CC0 1.0 (unitedstates/congress-legislators, hearvox/wiki-media-cred); "
        "MIT (Party Facts authors, hdigital/partyfactsdata)",
        "attribution": "Party Facts (partyfacts.org), MIT; @unitedstates congress-legislators, CC0; "
                       "hearvox wiki-media-cred, CC0",
        "sources": ["us_congress_legislators.tsv", "hearvox_us_newspapers.tsv", "partyfacts_parties.tsv"],
    },
    "people-nc": {
        "file": "kb-people-nc.json.gz", "licence": "CC BY-NC 4.0 (non-commercial; Peppercat / Tony Bowden)",
        "attribution": "Peppercat / Tony Bowden (peppercatorg/site-build), CC BY-NC 4.0; facts from Wikidata (CC0)",
        "sources": ["peppercat_leaders.tsv", "peppercat_current_2025.tsv"],
        "non_commercial": True,
    },
}

#: Words that open a multi-word surname ("von der Leyen", "al-Assad", "de Mistura").
_PARTICLES = frozenset("van von der den de del della di da du le la al el bin ibn abu ben dos das".split())

#: Member nouns of major parties: a plural alias that names the party when the article means it
#: ("Republicans", "Democrats", "the Tories").  kg's own table; QIDs checked against Party Facts.
_PARTY_MEMBERS: dict[str, list[str]] = {
    "Q29468": ["Republicans", "GOP", "Republican Party", "the Republican Party"],
    "Q29552": ["Democrats", "Democratic Party", "the Democratic Party"],
    "Q9626": ["Conservatives", "Tories", "Conservative Party", "Tory party"],
    "Q9630": ["Labour", "Labour Party"],
    "Q49762": ["CDU", "Christian Democrats"],
    "Q49768": ["SPD", "Social Democrats"],
}

_KEY_PROBES = ("The U.S.", "Côte d'Ivoire", "Hossein Dehqan", "Mohammad Javad Zarif", "al-Assad", "Rouhani",
               "Ursula von der Leyen", "Mr. O'Neill", "Khamenei", "Zelenskyy")


def key_fingerprint() -> str:
    """A short hash of what :func:`kg.names.norm` and :func:`kg.names.phonetic` return for fixed probes.

    Stored in every layer; when it differs at load time the keys are recomputed.
    """
    probe = "|".join(f"{norm(p)}/{phonetic(p)}" for p in _KEY_PROBES)
    return hashlib.sha256(probe.encode("utf-8")).hexdigest()[:12]


def person_aliases(name: str, extra: list[str]) -> list[list[str]]:
    """``[[alias, kind]]`` of a person, by the rules of the module docstring (label first)."""
    out: list[list[str]] = []
    seen: set[str] = set()

    def add(a: str, kind: str) -> None:
        a = a.strip()
        k = norm(a)
        if a and k and k not in seen:
            seen.add(k)
            out.append([a, kind])

    add(name, "label")
    for a in extra:
        add(a, "name")
    for n in [name, *extra]:
        words = n.split()
        if len(words) >= 3 and not any(w.endswith(".") and len(w) > 2 for w in words[:1]):
            add(f"{words[0]} {words[-1]}", "short")
            if words[-2].lower() not in _PARTICLES:
                add(f"{words[-2]} {words[-1]}", "short")
        low = [w.lower() for w in words]
        for i in range(1, len(words) - 1):
            if low[i] in _PARTICLES:
                add(" ".join(words[i:]), "surname")
                break
        if words and re.match(r"^(?:al|el|as|ad|ash)-\w{3,}", words[-1], re.I):
            add(words[-1], "surname")
    # "Donald J. Trump" -> "Donald Trump"
    short = re.sub(r"\s+[A-Z]\.(?=\s)", "", name)
    if short != name:
        add(short, "name")
    last = norm(name).split()[-1:]
    if last and len(last[0]) >= 4:  # the bare surname ("Zarif"): resolved by the linker, never alone
        add(last[0], "surname")
    return out


def party_member_aliases(qid: str) -> list[str]:
    """Member nouns and common names of a major party ("Republicans", "GOP"), ``[]`` for others."""
    return list(_PARTY_MEMBERS.get(qid, []))


def _rows(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _date(v: str | None) -> str | None:
    v = (v or "").strip()
    return v if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v) else None


def _person_popularity(keys: set[str]) -> float:
    if keys & {"president", "prime_minister", "monarch", "supreme_leader", "un_secretary_general"}:
        return 0.6
    if keys & {"foreign_minister", "defence_minister", "finance_minister", "interior_minister", "vice_president",
               "secretary_of_state", "central_bank_governor", "nato_secretary_general", "senator"}:
        return 0.5
    return 0.4


_CONGRESS_PARTY = {"Democrat": "Q29552", "Republican": "Q29468"}


def person_label(name: str, aliases: list[str]) -> str:
    """The name a congress member is shown by: of the source's name and aliases, without middle
    initials and Wikipedia's disambiguation ("Adam Smith (Washington politician)"),
    the one of fewest words, then of fewest letters (on a full tie the source's name).  unitedstates/congress-legislators gives
    either the official name with the name in use as alias ("Joseph Robinette Biden Jr." | "Joe
    Biden") or the name in use with the legal first name as alias ("Andy Barr" | "Garland Barr"),
    so neither field is the label by itself."""
    def clean(x: str) -> str:
        x = re.sub(r"\s*\([^)]*\)$", "", x.strip())
        x = re.sub(r"\s+[A-Z]\.(?=\s)", "", x)  # "Donald J. Trump" -> "Donald Trump"
        return re.sub(r"^[A-Z]\.\s+(?=\S+\s)", "", x).strip()  # "A. Donald McEachin" -> "Donald McEachin"
    options = [clean(x) for x in [name, *aliases] if clean(x)]
    # fewest words, then fewest letters: the name in use is the short form ("Chris Murphy", not
    # "Christopher Murphy"; "Andy Barr", not "Garland Barr")
    # "Donald McEachin", not "A. McEachin": an initial for a first name is no name in use
    return min(options, key=lambda x: (len(x.split()), bool(re.match(r"[A-Z]\.", x)), len(x))) if options else name


def _persons(paths: list[Path], iso3_to_qid: dict[str, str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        for r in _rows(path):
            qid = (r.get("qid") or "").strip()
            if not re.fullmatch(r"Q\d+", qid) or (r.get("kind") or "person") != "person":
                continue
            country = iso3_to_qid.get((r.get("country") or "").strip())
            e = out.get(qid)
            extra = [a for a in (r.get("aliases") or "").split("|") if a.strip()]
            if e is None:
                label = (person_label(r["name"].strip(), extra) if "congress" in path.name
                         else re.sub(r"\s+[A-Z]\.(?=\s)", "", r["name"].strip()))  # "Donald J. Trump" -> "Donald Trump"
                extra = [x for x in [r["name"].strip(), *extra] if x != label]
                e = out[qid] = {"id": qid, "qid": qid, "label": label, "kind": "person",
                                "_names": [], "country_qid": country, "positions": [], "party_qid": None}
            for a in extra:
                if a not in e["_names"]:
                    e["_names"].append(a)
            e["country_qid"] = e["country_qid"] or country
            title = (r.get("position") or "").strip()
            if title:
                pos = [title, _date(r.get("start")), _date(r.get("end")), country]
                if pos not in e["positions"]:
                    e["positions"].append(pos)
                m = re.search(r"\((?:[A-Z]{2}(?:-\d+)?, )?(Democrat|Republican)\)$", title)
                if m:
                    e["party_qid"] = _CONGRESS_PARTY[m.group(1)]
    return out


def _finish(e: dict[str, Any]) -> dict[str, Any]:
    names = e.pop("_names", [])
    if "aliases" not in e:
        e["aliases"] = person_aliases(e["label"], names)
    e["positions"].sort(key=lambda p: (p[1] or "", p[0]))
    keys: set[str] = set()
    for p in e["positions"]:
        p.append(list(role_keys(p[0], p[3])))  # [title, start, end, country QID, role keys]
        keys.update(p[4])
    e["popularity"] = _person_popularity(keys)
    return e


def person_records(people: Any) -> list[dict[str, Any]]:
    """Finished person records (aliases, role keys on positions, popularity) from raw records
    ``{"id", "qid", "label", "kind", "_names": [alias], "country_qid", "positions": [[title, start, end,
    country QID]], "party_qid"}`` -- the one path for the TSV layers and ``kg kb update --layer people``."""
    return [_finish(e) for e in people]


def _parties(path: Path, iso3_to_qid: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for r in _rows(path):
        qid = (r.get("qid") or "").strip()
        if not re.fullmatch(r"Q\d+", qid):
            continue
        aliases: list[list[str]] = [[r["name"].strip(), "label"]]
        seen = {norm(r["name"])}
        for a in (r.get("aliases") or "").split("|"):
            a = a.strip()
            if not a or norm(a) in seen or "/" in a:
                continue
            letters = re.sub(r"[^A-Za-z]", "", a)
            if a.isupper() and len(letters) <= 2:
                continue  # "D", "SP": too short to name a party
            seen.add(norm(a))
            aliases.append([a, "abbr" if a.isupper() else "name"])
        for a in party_member_aliases(qid):
            if norm(a) not in seen:
                seen.add(norm(a))
                aliases.append([a, "members"])
        out.append({"id": qid, "qid": qid, "label": r["name"].strip(), "kind": "party", "aliases": aliases,
                    "country_qid": iso3_to_qid.get((r.get("country") or "").strip()),
                    "popularity": 0.7 if qid in _PARTY_MEMBERS else 0.35,
                    "positions": [], "party_qid": None,
                    "years": [_date(r.get("start")), _date(r.get("end"))]})
    return out


def _media(path: Path, iso3_to_qid: dict[str, str]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in _rows(path):
        qid = (r.get("qid") or "").strip()
        if not re.fullmatch(r"Q\d+", qid) or qid in out:
            continue
        aliases: list[list[str]] = [[r["name"].strip(), "label"]]
        seen = {norm(r["name"])}
        for a in (r.get("aliases") or "").split("|"):
            if a.strip() and norm(a) not in seen:
                seen.add(norm(a))
                aliases.append([a.strip(), "name"])
        national = qid in {"Q9684", "Q166032", "Q164746", "Q39681"}
        out[qid] = {"id": qid, "qid": qid, "label": r["name"].strip(), "kind": "media", "aliases": aliases,
                    "country_qid": iso3_to_qid.get((r.get("country") or "").strip()),
                    "popularity": 0.7 if national else 0.35, "positions": [], "party_qid": None,
                    "note": (r.get("position") or "").strip()}
    return list(out.values())


def _with_keys(e: dict[str, Any]) -> dict[str, Any]:
    e["keys"] = [[norm(a), phonetic(a) if k != "abbr" and len(norm(a)) >= 5 else ""] for a, k in e["aliases"]]
    return e


def build_layers(people_dir: Path, iso3_to_qid: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Layer documents (see module docstring) from the TSVs of ``people_dir``.

    :param people_dir: ``../shared/data/wikidata/people``.
    :param iso3_to_qid: ISO 3166 alpha-3 code -> country QID (from the base KB's countries).
    :returns: ``{layer name: document}`` for :data:`LAYERS`.
    :raises KnowledgeBaseError: (E040) when a source file is missing or unreadable.
    """
    src = Path(people_dir)
    try:
        congress = _persons([src / "us_congress_legislators.tsv"], iso3_to_qid)
        open_ents = [_finish(e) for e in congress.values()]
        open_ents += _parties(src / "partyfacts_parties.tsv", iso3_to_qid)
        open_ents += _media(src / "hearvox_us_newspapers.tsv", iso3_to_qid)
        nc = _persons([src / "peppercat_leaders.tsv", src / "peppercat_current_2025.tsv"], iso3_to_qid)
        nc_ents = [_finish(e) for e in nc.values()]
    except (OSError, KeyError, ValueError, csv.Error) as exc:
        raise KnowledgeBaseError(Msg.E040, path=src, reason=f"{type(exc).__name__}: {exc}") from exc
    return {"open": layer_doc("open", open_ents), "people-nc": layer_doc("people-nc", nc_ents)}


def layer_doc(name: str, entities: list[dict[str, Any]], *, with_keys: bool = False, **meta: Any) -> dict[str, Any]:
    """A layer document for ``entities``, with the licence of :data:`LAYERS` or ``meta``.

    :param with_keys: also store the lookup keys of every alias (about 40% more bytes; loading then does no
        string work).  kg ships its layers without keys: :func:`kg.link.kb.load_cached` caches the built
        index after the first load instead.
    """
    info = {k: v for k, v in LAYERS.get(name, {}).items() if k != "file"}
    info.update(meta)
    ents = sorted(entities, key=lambda e: e["id"])
    doc = {"format": LAYER_FORMAT, "version": 1, "layer": name, **info,
           "entities": [_with_keys(e) for e in ents] if with_keys else ents}
    if with_keys:
        doc["keys_fingerprint"] = key_fingerprint()
    return doc


def write_layer(doc: dict[str, Any], path: Path) -> dict[str, Any]:
    """Write a layer document atomically (reproducible gzip) and its ``.meta.json`` sidecar
    (everything but the entities, plus counts), which ``kg info`` reads without loading the layer.

    :returns: the sidecar content.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(payload)
    tmp.replace(path)
    counts: dict[str, int] = {}
    for e in doc["entities"]:
        counts[e["kind"]] = counts.get(e["kind"], 0) + 1
    meta = {k: v for k, v in doc.items() if k != "entities"}
    meta.update({"counts": dict(sorted(counts.items())), "size_bytes": path.stat().st_size})
    side = path.with_name(path.name.removesuffix(".json.gz") + ".meta.json")
    side.write_text(json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return meta


def read_layer(path: Path) -> dict[str, Any]:
    """The decoded layer document of ``path``.

    :raises KnowledgeBaseError: (E120) if the file is missing, unreadable or not a KB layer.
    """
    p = Path(path)
    try:
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            doc = json.load(fh)
        if doc.get("format") != LAYER_FORMAT or not isinstance(doc.get("entities"), list):
            raise ValueError(f"not a {LAYER_FORMAT} file")
    except (OSError, ValueError, EOFError, AttributeError) as exc:
        raise KnowledgeBaseError(Msg.E120, path=p, reason=f"{type(exc).__name__}: {exc}") from exc
    return doc
