"""Add or refresh knowledge-base entities from a SPARQL endpoint serving Wikidata-form data.

The endpoint may be the public Wikidata query service, a local mirror, or any
SPARQL 1.1 server loaded with Wikidata-form RDF (``wd:``/``wdt:``/``p:``/``ps:``/
``pq:`` prefixes, ``rdfs:label``, ``skos:altLabel``).  Stored queries live in
``queries/wikidata/*.rq``; a query must select ``?item`` and ``?label`` and may
select ``?alias``, ``?class`` (P31), ``?country`` (P17/P27), ``?position`` (P39)
with ``?start``/``?end`` (P580/P582 qualifiers).  Rows are grouped by item.

Merge rules: an item whose QID is in the KB gets the new label's aliases and
positions added; a new person whose label equals a QID-less PETRARCH person of
the KB takes over that entry (its CAMEO roles are kept and it gains the QID);
other items become new entities, their kind from ``?class``
(:data:`CLASS_KIND`, kg's one map from :mod:`kg.link.wikidata_kinds`, by kind
priority; ``organization`` when no class is mapped).  Positions are stored as
roles with code ``P39:<QID>``.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from pathlib import Path
from typing import Any

from kg.errors import EndpointError, KnowledgeBaseError, Msg
from kg.http import user_agent
from kg.names import norm
from kg.link.wikidata_kinds import CLASS_KIND, kind_of_classes

__all__ = ["update_kb", "merge_items", "read_kb_doc", "write_kb_doc", "CLASS_KIND", "select_rows", "sparqlwrapper_agent",
           "update_people_layer", "people_items", "user_people_layer", "PEOPLE_QUERY"]

#: The stored query of ``kg kb update --layer people``.
PEOPLE_QUERY = Path(__file__).resolve().parents[2] / "queries" / "wikidata" / "people.rq"

_QID = re.compile(r"(Q\d+)$")


def _qid(uri: str | None) -> str | None:
    if not uri:
        return None
    m = _QID.search(uri)
    return m.group(1) if m else None


def _date(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", value)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def sparqlwrapper_agent() -> str:
    """kg's User-Agent (:func:`kg.http.user_agent`) naming SPARQLWrapper as the library."""
    from SPARQLWrapper import __version__ as sw_version  # noqa: PLC0415

    return user_agent(library=f"SPARQLWrapper/{sw_version}")


def select_rows(endpoint: str, query: str, timeout: int) -> list[dict[str, str]]:
    """Rows of a SPARQL SELECT at ``endpoint`` (SPARQLWrapper, kg's User-Agent): ``[{var: value}]``.

    :raises EndpointError: E060 (unreachable), E063 (rejected), E064 (no answer within ``timeout`` s).
    """
    from SPARQLWrapper import JSON, SPARQLWrapper  # noqa: PLC0415
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException  # noqa: PLC0415

    sw = SPARQLWrapper(endpoint, agent=sparqlwrapper_agent())
    sw.setQuery(query)
    sw.setReturnFormat(JSON)
    sw.setTimeout(timeout)
    try:
        res = sw.queryAndConvert()
    except SPARQLWrapperException as exc:
        raise EndpointError(Msg.E063, endpoint=endpoint, status="?", reason=str(exc).splitlines()[0]) from exc
    except OSError as exc:  # urllib URLError / socket errors
        if isinstance(exc, TimeoutError) or isinstance(getattr(exc, "reason", None), TimeoutError):
            raise EndpointError(Msg.E064, endpoint=endpoint, timeout=timeout) from exc
        raise EndpointError(Msg.E060, endpoint=endpoint, reason=str(exc)) from exc
    rows = []
    for b in res.get("results", {}).get("bindings", []):  # type: ignore[union-attr]
        rows.append({k: v.get("value") for k, v in b.items()})
    return rows


def update_kb(endpoint: str, query_path: Path, kb_path: Path, *, timeout: int = 60) -> dict[str, Any]:
    """Run the stored query at ``endpoint`` and merge its entities into the KB file ``kb_path`` (rewritten).

    :param endpoint: SPARQL query endpoint URL (``http://127.0.0.1:7878/query``).
    :param query_path: a ``.rq`` file (see module docstring for its variables).
    :param kb_path: KB file to update in place (gzip JSON written by :func:`kg.link.build.build_kb`).
    :param timeout: HTTP timeout in seconds.
    :returns: ``{"rows": n, "items": n, "added": n, "updated": n, "size_bytes": n, "seconds": s}``.
    :raises KnowledgeBaseError: (E040) if the KB or the query file cannot be read.
    :raises EndpointError: (E060/E063/E064) if the endpoint is unreachable, rejects the query or does not answer in time.
    """
    t0 = time.perf_counter()
    kb_path, query_path = Path(kb_path), Path(query_path)
    try:
        query = query_path.read_text(encoding="utf-8")
        with gzip.open(kb_path, "rt", encoding="utf-8") as fh:
            doc = json.load(fh)
    except (OSError, ValueError, EOFError) as exc:
        raise KnowledgeBaseError(Msg.E040, path=kb_path if not isinstance(exc, FileNotFoundError)
                                 or query_path.exists() else query_path, reason=str(exc)) from exc
    rows = select_rows(endpoint, query, timeout)
    items: dict[str, dict[str, Any]] = {}
    for r in rows:
        q = _qid(r.get("item"))
        if not q or not r.get("label"):
            continue
        it = items.setdefault(q, {"label": r["label"], "aliases": [], "classes": [], "country": None, "roles": []})
        if r.get("alias") and r["alias"] not in it["aliases"]:
            it["aliases"].append(r["alias"])
        c = _qid(r.get("class"))
        if c and c not in it["classes"]:
            it["classes"].append(c)
        it["country"] = it["country"] or _qid(r.get("country"))
        pos = _qid(r.get("position"))
        if pos:
            role = [f"P39:{pos}", _date(r.get("start")), _date(r.get("end"))]
            if role not in it["roles"]:
                it["roles"].append(role)
    added, updated = merge_items(doc, items)
    doc.setdefault("updates", []).append({"endpoint": endpoint, "query": query_path.name,
                                          "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                          "items": len(items)})
    write_kb_doc(doc, kb_path)
    return {"rows": len(rows), "items": len(items), "added": added, "updated": updated,
            "size_bytes": kb_path.stat().st_size, "seconds": round(time.perf_counter() - t0, 2)}


def merge_items(doc: dict[str, Any], items: dict[str, dict[str, Any]], *, source: str | None = None) -> tuple[int, int]:
    """Merge Wikidata items into a decoded KB document (in place), by the rules of the module docstring.

    :param doc: KB document (``{"entities": [...], ...}``) as written by :func:`kg.link.build.build_kb`.
    :param items: QID -> ``{"label": str, "aliases": [str], "classes": [QID], "country": QID | None,
        "roles": [[code, start, end]]}``; an optional ``"kind"`` (KB kind) overrides the kind from
        ``classes``, an optional ``"popularity"`` (in [0, 1]) is used for new entities, and an optional
        ``"replaces"`` (id of a QID-less KB entry, e.g. ``"petr:hosein-dehqan"``) names the entry that
        takes the QID.
    :param source: provenance recorded on added or updated entities (``"source"`` field), e.g.
        ``"wikidata-online 2025-01-31"``.
    :returns: ``(added, updated)`` entity counts.
    """
    ents: list[dict[str, Any]] = doc["entities"]
    by_id = {e["id"]: e for e in ents}
    petr_persons: dict[str, list[dict[str, Any]]] = {}
    for e in ents:
        if e["kind"] == "person" and not e.get("qid"):
            petr_persons.setdefault(norm(e["label"]), []).append(e)
    added = updated = 0
    for q, it in sorted(items.items()):
        kind = it.get("kind") or kind_of_classes(it["classes"]) or "organization"
        target = by_id.get(q)
        old = by_id.get(it.get("replaces") or "")
        if target is None and old is not None and not old.get("qid"):  # a known QID-less entry takes the QID
            target = old
            by_id.pop(target["id"], None)
            target["id"] = target["qid"] = q
            by_id[q] = target
        if target is None and kind == "person":
            same = petr_persons.get(norm(it["label"]), [])
            if len(same) == 1:  # a unique PETRARCH person of that name takes the QID
                target = same[0]
                by_id.pop(target["id"], None)
                target["id"] = target["qid"] = q
                by_id[q] = target
        if target is None:
            target = {"id": q, "qid": q, "label": it["label"], "kind": kind, "aliases": [],
                      "country_qid": it["country"] if kind != "country" else q, "cameo_code": None,
                      "popularity": float(it.get("popularity", 0.4)), "roles": []}
            ents.append(target)
            by_id[q] = target
            added += 1
        else:
            updated += 1
        have = {norm(a) for a, _ in target["aliases"]} | {norm(target["label"])}
        for a in [it["label"], *it["aliases"]]:
            if norm(a) and norm(a) not in have:
                target["aliases"].append([a, "name"])
                have.add(norm(a))
        target["country_qid"] = target.get("country_qid") or it["country"]
        for role in it["roles"]:
            if role not in target["roles"]:
                target["roles"].append(role)
        if source:
            target["source"] = source
    doc["entities"] = sorted(ents, key=lambda e: e["id"])
    return added, updated


def read_kb_doc(kb_path: Path) -> dict[str, Any]:
    """The decoded KB document of ``kb_path`` (gzip JSON).

    :raises KnowledgeBaseError: (E040) if the file is missing or unreadable.
    """
    try:
        with gzip.open(kb_path, "rt", encoding="utf-8") as fh:
            doc = json.load(fh)
        if not isinstance(doc.get("entities"), list):
            raise KeyError("entities")
    except (OSError, ValueError, EOFError, KeyError, TypeError) as exc:
        raise KnowledgeBaseError(Msg.E040, path=kb_path, reason=f"{type(exc).__name__}: {exc}") from exc
    return doc


def write_kb_doc(doc: dict[str, Any], kb_path: Path) -> None:
    """Write a KB document to ``kb_path`` atomically (temporary file, then rename; reproducible gzip)."""
    kb_path = Path(kb_path)
    payload = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    tmp = kb_path.with_suffix(kb_path.suffix + ".tmp")
    with tmp.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(payload)
    tmp.replace(kb_path)


def user_people_layer() -> Path:
    """Where ``kg kb update --layer people`` writes the CC0 person layer: ``$KG_KB_DIR/kb-people.json.gz``
    (default ``~/.local/share/kg/kb``); :func:`kg.link.kb.layer_paths` loads it in place of ``people-nc``."""
    from kg.link.kb import user_layer_dir  # noqa: PLC0415

    return user_layer_dir() / "kb-people.json.gz"


def people_items(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Person records of a layer (:mod:`kg.link.people`) from the rows of ``queries/wikidata/people.rq``
    (``?item ?label ?alias ?position ?positionLabel ?start ?end ?country ?party``): one record per item,
    positions ``[title, start, end, country QID]`` (dates as ``YYYY-MM-DD``), the same aliases and
    popularity rules as the layers built from the TSVs (:func:`kg.link.people.person_records`)."""
    from kg.link.people import person_records  # noqa: PLC0415

    people: dict[str, dict[str, Any]] = {}
    for r in rows:
        q = _qid(r.get("item"))
        if not q or not r.get("label"):
            continue
        e = people.setdefault(q, {"id": q, "qid": q, "label": r["label"], "kind": "person", "_names": [],
                                  "country_qid": None, "positions": [], "party_qid": None})
        if r.get("alias") and r["alias"] not in e["_names"] and r["alias"] != e["label"]:
            e["_names"].append(r["alias"])
        country = _qid(r.get("country"))
        e["country_qid"] = e["country_qid"] or country
        e["party_qid"] = e["party_qid"] or _qid(r.get("party"))
        if r.get("positionLabel"):
            pos = [r["positionLabel"], _date(r.get("start")), _date(r.get("end")), country]
            if pos not in e["positions"]:
                e["positions"].append(pos)
    return person_records(people.values())


def update_people_layer(endpoint: str, query_path: Path, out_path: Path, *, timeout: int = 60) -> dict[str, Any]:
    """Rebuild the person layer from a SPARQL endpoint serving Wikidata (CC0) and write it to ``out_path``
    (with its ``.meta.json``), replacing the file atomically.

    :param endpoint: SPARQL query endpoint URL (``https://query.wikidata.org/sparql``, a local mirror).
    :param query_path: the stored query (``queries/wikidata/people.rq`` or one of the same variables).
    :param out_path: layer file to write (``kb-people.json.gz``).
    :param timeout: HTTP timeout in seconds.
    :returns: ``{"rows", "persons", "positions", "size_bytes", "seconds", "path"}``.
    :raises KnowledgeBaseError: (E040) if the query file cannot be read.
    :raises EndpointError: (E060/E063/E064) as :func:`select_rows`.
    """
    from kg.link.people import layer_doc, write_layer  # noqa: PLC0415

    t0 = time.perf_counter()
    try:
        query = Path(query_path).read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeBaseError(Msg.E040, path=query_path, reason=str(exc)) from exc
    rows = select_rows(endpoint, query, timeout)
    ents = people_items(rows)
    doc = layer_doc("people", ents, licence="CC0 1.0 (Wikidata)",
                    attribution=f"Wikidata (CC0), from {endpoint} with {Path(query_path).name}",
                    sources=[endpoint, Path(query_path).name],
                    updated=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    meta = write_layer(doc, Path(out_path))
    return {"rows": len(rows), "persons": len(ents), "positions": sum(len(e["positions"]) for e in ents),
            "size_bytes": meta["size_bytes"], "seconds": round(time.perf_counter() - t0, 2), "path": str(out_path)}
