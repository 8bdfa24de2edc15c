"""Resumable runs: skip articles whose graph is already in the store, made with the same settings.

An article is *done* when the store holds its named graph
(:func:`kg.rdf.build.article_graph_iri`), that graph states the same
``kg:contentHash`` (SHA-256 of the text) as the article read now, and its
extraction run states the same ``kg:settingsDigest`` as this run
(:attr:`kg.model.ExtractionRun.settings_digest`: kg's version, the spaCy
model's name and version, the linking mode, and the names and SHA-256 of the
knowledge-base files linking loads).  Graphs are loaded one transaction each,
so a graph that is there is whole: after Ctrl-C, SIGTERM or a killed process,
re-running the same command loads only what is missing.  A changed article
(other text, same id) is redone; so is an article done with other settings
(another model, kg version or knowledge-base layers: leaving out the
non-commercial layer with ``KG_KB_LAYERS=open`` redoes the articles linked with
it), and :func:`skip_done` says how many and why (:func:`redo_reason`).  So is an article whose text is
the same but whose metadata changed (headline, date, publisher or URL: the date also picks who held a role
then, so the links may change; :func:`metadata_reason`, e.g. ``"metadata changed: headline, date"``).

The store is asked once per chunk of :data:`CHUNK` articles with SPARQL
``VALUES`` queries (one for the stored metadata of the articles otherwise done, and one
more only for articles to redo from other settings, for the reason),
so this works the same on the embedded store and on a remote server, and
memory does not grow with the corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Protocol

from kg.ingest import Skipped
from kg.model import Article, ExtractionRun
from kg.sparql_terms import iri, literal

__all__ = ["CHUNK", "METADATA_CHANGED", "done_graphs", "check_done", "redo_reason", "metadata_reason", "skip_done"]

#: Articles per store query.
CHUNK = 64

_KG = "https://w3id.org/kg-news/ontology#"
_PROV_USED = "http://www.w3.org/ns/prov#used"
_RUN_PROPS = ("softwareVersion", "modelName", "modelVersion", "linking", "settingsDigest")
#: How every reason of :func:`metadata_reason` starts (the CLI words its line by it).
METADATA_CHANGED = "metadata changed: "


class _Counter(Protocol):
    done: int
    redone: int
    redo_reasons: Counter


def _same_text(store, articles: list[Article]) -> set[str]:
    from kg.rdf.build import article_graph_iri

    rows = " ".join(f"({iri(str(article_graph_iri(a)))} {literal(a.content_hash)})" for a in articles)
    sparql = (f"SELECT DISTINCT ?g WHERE {{ VALUES (?g ?h) {{ {rows} }} "
              f"GRAPH ?g {{ ?a {iri(_KG + 'contentHash')} ?h }} }}")
    return {str(row[0].value) for row in store.query(sparql).rows if row[0] is not None}


def _same_settings(store, graphs: list[str], digest: str) -> set[str]:
    rows = " ".join(f"({iri(g)} {literal(digest)})" for g in graphs)
    sparql = (f"SELECT DISTINCT ?g WHERE {{ VALUES (?g ?d) {{ {rows} }} "
              f"GRAPH ?g {{ ?r {iri(_KG + 'settingsDigest')} ?d }} }}")
    return {str(row[0].value) for row in store.query(sparql).rows if row[0] is not None}


def _stored_runs(store, graphs: list[str]) -> dict[str, dict]:
    """Graph IRI -> what its extraction run states: ``{"softwareVersion": ..., ..., "files": {name: digest}}``."""
    values = " ".join(iri(g) for g in graphs)
    run_type = iri(_KG + "ExtractionRun")
    props = ", ".join(iri(_KG + p) for p in _RUN_PROPS)
    out: dict[str, dict] = {g: {"files": {}} for g in graphs}
    q1 = (f"SELECT ?g ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?r a {run_type} ; ?p ?o }} "
          f"FILTER (?p IN ({props})) }}")
    for g, p, o in store.query(q1).rows:
        if g is not None and p is not None and o is not None and g.value in out:
            out[g.value][p.value[len(_KG):]] = o.value
    q2 = (f"SELECT ?g ?n ?d WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?r a {run_type} ; {iri(_PROV_USED)} ?f . "
          f"?f {iri(_KG + 'fileName')} ?n ; {iri(_KG + 'fileDigest')} ?d }} }}")
    for g, n, d in store.query(q2).rows:
        if g is not None and n is not None and d is not None and g.value in out:
            out[g.value]["files"][n.value] = d.value
    return out


def redo_reason(stored: dict, run: ExtractionRun) -> str:
    """Why a graph made with ``stored`` settings (as :func:`check_done` reads them) is not done for
    ``run``: e.g. ``"KB layer kb-people-nc.json.gz left out"``, ``"model en_core_web_sm 3.7.1 -> 3.8.0"``."""
    if "settingsDigest" not in stored:
        return "made by a kg that recorded no settings"
    why = []
    if stored.get("softwareVersion") != run.software_version:
        why.append(f"kg {stored.get('softwareVersion')} -> {run.software_version}")
    old_model = f"{stored.get('modelName')} {stored.get('modelVersion')}"
    if old_model != f"{run.model_name} {run.model_version}":
        why.append(f"model {old_model} -> {run.model_name} {run.model_version}")
    if stored.get("linking") != run.linking:
        why.append(f"linking {stored.get('linking')} -> {run.linking}")
    old, new = stored.get("files", {}), dict(run.kb_files)
    why += [f"KB layer {n} left out" for n in old if n not in new]
    why += [f"KB layer {n} added" for n in new if n not in old]
    why += [f"KB file {n} changed" for n in new if n in old and old[n] != new[n]]
    return "; ".join(why) or "other settings"


def _stored_metadata(store, graphs: list[str]) -> dict[str, dict[str, set[str]]]:
    """Graph IRI -> its article's metadata values by name (:data:`kg.rdf.build.ARTICLE_METADATA`)."""
    from kg.rdf.build import ARTICLE_METADATA

    names = {str(p): name for name, p in ARTICLE_METADATA.items()}
    values = " ".join(iri(g) for g in graphs)
    props = ", ".join(iri(p) for p in names)
    sparql = (f"SELECT ?g ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?a a {iri(_KG + 'Article')} ; ?p ?o }} "
              f"FILTER (?p IN ({props})) }}")
    out: dict[str, dict[str, set[str]]] = {g: {} for g in graphs}
    for g, p, o in store.query(sparql).rows:
        if g is not None and p is not None and o is not None and g.value in out:
            out[g.value].setdefault(names[p.value], set()).add(o.value)
    return out


def metadata_reason(stored: dict[str, set[str]], article: Article) -> str | None:
    """Why a graph whose article states the metadata ``stored`` (name -> values, as the store holds them)
    is not done for ``article`` read now, whose text is the same: ``"metadata changed: headline, date"``;
    None when the metadata is the same."""
    from kg.rdf.build import ARTICLE_METADATA, article_metadata

    now = article_metadata(article)
    changed = [name for name in ARTICLE_METADATA
               if stored.get(name, set()) != ({now[name]} if name in now else set())]
    return METADATA_CHANGED + ", ".join(changed) if changed else None


def check_done(store, articles: list[Article], run: ExtractionRun) -> tuple[set[str], dict[str, str]]:
    """Which of ``articles`` are done in ``store`` for ``run``.

    :returns: the graph IRIs that are done (same text, same settings digest, same metadata), and the
        graph IRIs the store holds with the same text but other settings or other metadata, each with the
        reason (:func:`redo_reason`, :func:`metadata_reason`).  Articles not in the store, or with other
        text, are in neither.
    :raises kg.errors.QueryError, kg.errors.StoreError: from the store.
    """
    if not articles:
        return set(), {}
    same_text = sorted(_same_text(store, articles))
    if not same_text:
        return set(), {}
    done = _same_settings(store, same_text, run.settings_digest)
    other = [g for g in same_text if g not in done]
    redo = {g: redo_reason(s, run) for g, s in _stored_runs(store, other).items()} if other else {}
    if done:
        from kg.rdf.build import article_graph_iri

        by_graph = {str(article_graph_iri(a)): a for a in articles}
        for g, stored in _stored_metadata(store, sorted(done)).items():
            why = metadata_reason(stored, by_graph[g])
            if why is not None:
                done.discard(g)
                redo[g] = why
    return done, redo


def done_graphs(store, articles: list[Article], run: ExtractionRun) -> set[str]:
    """IRIs of the graphs of ``articles`` that are done (:func:`check_done`).

    :raises kg.errors.QueryError, kg.errors.StoreError: from the store.
    """
    return check_done(store, articles, run)[0]


def skip_done(items: Iterable[Article | Skipped], store, counter: _Counter,
              run: ExtractionRun) -> Iterator[Article | Skipped]:
    """Pass ``items`` through, dropping articles already done in ``store`` for ``run``; each one
    dropped adds 1 to ``counter.done``, each one passed on because its stored graph was made with
    other settings or holds other metadata adds 1 to ``counter.redone`` and its reason to ``counter.redo_reasons``.  Order
    is kept."""
    from kg.rdf.build import article_graph_iri

    chunk: list[Article | Skipped] = []

    def flush() -> Iterator[Article | Skipped]:
        done, redo = check_done(store, [a for a in chunk if isinstance(a, Article)], run)
        for item in chunk:
            graph = str(article_graph_iri(item)) if isinstance(item, Article) else None
            if graph in done:
                counter.done += 1
                continue
            if graph in redo:
                counter.redone += 1
                counter.redo_reasons[redo[graph]] += 1
            yield item
        chunk.clear()

    n = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Article):
            n += 1
            if n >= CHUNK:
                yield from flush()
                n = 0
    yield from flush()
