"""Embedded store: pyoxigraph (RocksDB) in a folder on disk.

Where it lives: ``--store PATH``, else env ``KG_STORE``, else
:func:`default_store_path` = ``platformdirs.user_data_dir("kg")/store``
(``~/.local/share/kg/store`` on Linux).  The CLI opens it per command and
closes it when the command ends.

Only one process can open the folder read-write at a time: RocksDB takes a
lock on ``PATH/LOCK``.  pyoxigraph 0.5 then raises ``OSError('IO error: While
lock file: PATH/LOCK: Resource temporarily unavailable')`` (no ``errno``);
kg maps it to :class:`kg.errors.StoreLockedError` (E010).  A read-only
instance (``read_only=True``, :meth:`pyoxigraph.Store.read_only`) can open a
store that another process holds.

Queries see only the *default graph* as their default graph
(``use_default_graph_as_union=False``, as on Fuseki and Oxigraph server by
default): kg keeps each article in its own named graph, so stored queries
use ``GRAPH ?g { ... }``.

This module imports pyoxigraph and the standard library only: never an HTTP
client, never spaCy.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from kg.errors import Msg, QueryError, StoreError, StoreLockedError

from . import _rdfio, edges
from .base import DATASET_FORMATS, QueryResult, Term, bind_query, resolve_format

__all__ = ["OxigraphStore", "default_store_path", "BULK_THRESHOLD"]

#: Files up to this size (bytes, as stored on disk) load in one transaction
#: with ``Store.load``; bigger ones go through the bulk loader
#: (``Store.bulk_load(path=...)``), which streams the file but is not atomic,
#: so kg validates them first in a streaming parse.
BULK_THRESHOLD = 32 * 1024 * 1024


def default_store_path() -> Path:
    """The embedded store's folder: env ``KG_STORE`` if set, else
    ``platformdirs.user_data_dir("kg") / "store"``."""
    env = os.environ.get("KG_STORE")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("kg", appauthor=False)) / "store"


def _is_lock_error(exc: OSError) -> bool:
    text = str(exc)
    return "lock file" in text.lower() or "/LOCK" in text or "Resource temporarily unavailable" in text


#: Names RocksDB writes into a store folder (a folder holding only these,
#: hidden files and ``lost+found`` may be opened as a new store).
_ROCKSDB_FILE = re.compile(r"^(CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+(\.dbtmp)?|\d+\.(log|sst|blob|dbtmp))$")


def _foreign_files(path: Path) -> list[str]:
    """Entries of an existing folder without a store (no ``CURRENT``) that
    RocksDB did not write: kg will not create its store among them."""
    if not path.is_dir() or (path / "CURRENT").exists():
        return []
    return sorted(e.name for e in path.iterdir()
                  if not e.name.startswith(".") and e.name != "lost+found" and not _ROCKSDB_FILE.match(e.name))


def _reason(exc: BaseException) -> str:
    """pyoxigraph's (RocksDB's) error text on one line."""
    return " ".join(str(exc).split()) or type(exc).__name__


def _damaged(exc: BaseException) -> str:
    return (f"the store is damaged or was not written by this kg/pyoxigraph version ({_reason(exc)}); "
            "restore it from a backup, or build a new one in another folder with --store (kg run / kg load)")


class OxigraphStore:
    """The embedded pyoxigraph store.

    :param path: folder of the store (created if missing, unless read-only);
        ``None`` opens a throwaway in-memory store (tests, dry runs).
    :param read_only: open a read-only instance (works while another process
        holds the store; writes then raise :class:`StoreError`).
    :raises StoreLockedError: E010 if another process has the store open.
    :raises StoreError: E011 if the folder cannot be opened: no permission, a
        read-only file system (for writing), a damaged store or one of another
        version (RocksDB "Corruption"), or an existing folder of other files
        that holds no store (kg never writes its store among them).

    Writes that fail (disk full, I/O error) raise :class:`StoreError` E014;
    each write is one transaction, so what was stored before stays whole.

    >>> with OxigraphStore(None) as s:
    ...     s.replace_graph("http://example.org/g", b'<http://e/s> <http://e/p> "o" .\\n')
    ...     s.count("http://example.org/g")
    1
    """

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path).expanduser() if path is not None else None
        self.read_only = read_only
        self.location = f"oxigraph:{self.path}" if self.path else "oxigraph:memory"
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(
                        Msg.E011, path=self.path,
                        reason="there is no store there yet; load articles first (kg run / kg load) or pass --store",
                    )
                self._store = ox.Store.read_only(str(self.path))
            else:
                foreign = _foreign_files(self.path)
                if foreign:
                    raise StoreError(
                        Msg.E011, path=self.path,
                        reason=f"the folder holds other files ({', '.join(foreign[:3])}{', ...' if len(foreign) > 3 else ''}) "
                               "and no kg store; pass --store with a new or empty folder",
                    )
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except StoreError:
            raise
        except OSError as exc:
            if _is_lock_error(exc):
                raise StoreLockedError(Msg.E010, path=self.path) from exc
            raise StoreError(Msg.E011, path=self.path, reason=_reason(exc)) from exc
        except RuntimeError as exc:  # RocksDB "Corruption: ..." (damaged or foreign store files)
            raise StoreError(Msg.E011, path=self.path, reason=_damaged(exc)) from exc
        self._closed = False
        self._len: int | None = None  # cached len(store): pyoxigraph counts by a full scan

    # -- context manager -------------------------------------------------
    def __enter__(self) -> "OxigraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store and its lock.  Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        store = self._store
        try:
            if not self.read_only and self.path is not None:
                store.flush()
        except (OSError, RuntimeError) as exc:
            raise StoreError(Msg.E014, path=self.path, reason=_reason(exc)) from exc
        finally:
            del self._store
            del store  # dropping the last reference closes RocksDB and frees the lock

    def flush(self) -> None:
        """Write the store's in-memory buffers to disk (bounds RocksDB's memory on
        long runs; :func:`kg.run.jobs.run_into_store` calls it every few hundred graphs).

        :raises StoreError: E014 when the disk is full or read-only.
        """
        if not self.read_only and self.path is not None:
            self._write(self._store.flush)

    def __repr__(self) -> str:
        return f"OxigraphStore({str(self.path) if self.path else None!r}, read_only={self.read_only})"

    # -- helpers ------------------------------------------------------------
    def _write(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        """Call a pyoxigraph write; I/O failures (disk full, read-only) -> E014."""
        self._len = None
        try:
            return fn(*args, **kwargs)
        except (OSError, RuntimeError) as exc:
            raise StoreError(Msg.E014, path=self.path or "memory", reason=_reason(exc)) from exc

    # -- Store protocol ------------------------------------------------------
    def replace_graph(self, graph_iri: str, data: bytes | str, fmt: str = "application/n-triples") -> None:
        """Replace a named graph in one transaction (one SPARQL update
        ``DROP SILENT GRAPH; INSERT DATA``), so readers never see it half-done.

        :raises RdfSyntaxError: E012 if ``data`` does not parse (store unchanged).
        """
        media = resolve_format(fmt)
        quads = _rdfio.parse_bytes(data, media, origin=f"<graph {graph_iri}>")
        g = Term.iri(graph_iri).n3()
        body = _rdfio.ntriples_of(quads) if quads else ""
        # the graph's direct edges are derived again in the same transaction (kg/store/edges.py);
        # a write into an empty store marks its edges complete
        sync = edges.sync_update([graph_iri], mark=self._is_empty())
        self._write(self._store.update, edges.prefixed(
            f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}}} }} ;\n{sync}"))

    def load_file(
        self,
        path: Path,
        fmt: str | None = None,
        *,
        graph_iri: str | None = None,
        replace: bool = False,
    ) -> int:
        """Load an RDF file (``.gz`` allowed).  The file is first validated in a
        streaming parse; small files then load in one transaction, big ones
        (> :data:`BULK_THRESHOLD`) with the bulk loader.

        :returns: the number of triples/quads loaded.
        :raises RdfSyntaxError: E012 with line and column; nothing is loaded.
        :raises InputError: E007 missing file, E001 unreadable, E013 unknown format.
        """
        path = Path(path)
        self._len = None
        if path.is_file() and self._is_empty():
            n = self._load_into_empty(path, fmt, graph_iri)
            self._write(self._store.update, edges.rebuild_update())
            self._len = n  # the quads loaded; the derived graphs are not counted
            return n
        media, n, per_graph = _rdfio.scan_file(path, fmt)
        to_graph = ox.NamedNode(graph_iri) if graph_iri and media not in DATASET_FORMATS else None
        # a dump of another kg store holds its edge graphs and control graph: replacing this store's edge
        # graphs with them would lose the edges of every other article (and its marker could claim edges
        # that are not there), so those are never dropped, and all edges are rebuilt after the load
        derived = to_graph is None and any(g and edges.is_derived(g) for g in per_graph)
        # the drop, the load and the edges' sync are separate writes: the marker is taken down first and put
        # back after the sync, so a load interrupted between them (Ctrl-C, SIGTERM) leaves a store whose queries
        # read the article graphs, never edges of graphs that were dropped or replaced since
        marked = edges.edges_ready(self)
        if marked:
            self._write(self._store.update, edges.marker_delete())
        if replace:
            # the default graph is never dropped implicitly
            targets = [graph_iri] if to_graph is not None else [g for g in per_graph if g and not g.startswith("_:")
                                                                and not edges.is_derived(g)]
            for i in range(0, len(targets), 500):
                ops = " ;\n".join(f"DROP SILENT GRAPH {Term.iri(g).n3()}" for g in targets[i : i + 500])
                self._write(self._store.update, ops)
        rdf_format = _rdfio.ox_format(media)
        gz = path.suffix.lower() == ".gz" or _rdfio.has_bom(path)  # streamed through open_rdf
        big = path.stat().st_size > BULK_THRESHOLD
        try:
            if gz:
                with _rdfio.open_rdf(path) as fh:
                    loader = self._store.bulk_load if big else self._store.load
                    loader(fh, rdf_format, to_graph=to_graph)
            elif big:
                self._store.bulk_load(path=str(path), format=rdf_format, to_graph=to_graph)
            else:
                self._store.load(path=str(path), format=rdf_format, to_graph=to_graph)
        except SyntaxError as exc:  # pragma: no cover - scan_file found none
            raise _rdfio.syntax_error(path, exc) from exc
        except (OSError, RuntimeError) as exc:
            raise StoreError(Msg.E014, path=self.path or "memory", reason=_reason(exc)) from exc
        if derived:
            self._write(self._store.update, edges.rebuild_update())
            return n
        written = [graph_iri] if to_graph is not None else [g for g in per_graph if g and not g.startswith("_:")]
        for i in range(0, len(written), 500):
            self._write(self._store.update, edges.prefixed(edges.sync_update(written[i : i + 500])))
        if marked:
            self._write(self._store.update, edges.prefixed(edges.marker_insert()))
        return n

    def _is_empty(self) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, None)), None) is None

    def _load_into_empty(self, path: Path, fmt: str | None, graph_iri: str | None) -> int:
        """A file into an empty store in one pass, with no separate validating parse
        (issue 17, "loading at the store's speed"): whatever its size, with the bulk
        loader (measured: twice as fast as a ``Store.load`` transaction even for 16k
        quads), whose strict parser checks the syntax while it loads; on an error the
        store, empty before, is cleared again, so a bad file loads nothing, and there is
        nothing to replace in an empty store.

        :returns: the number of quads in the store after the load.
        :raises RdfSyntaxError: E012 with line and column; the store is left empty.
        """
        _rdfio.check_readable(path)  # first: a missing file or a folder is E007 / E001, not an unknown format
        media = resolve_format(fmt, path)
        to_graph = ox.NamedNode(graph_iri) if graph_iri and media not in DATASET_FORMATS else None
        rdf_format = _rdfio.ox_format(media)
        try:
            if path.suffix.lower() == ".gz" or _rdfio.has_bom(path):
                with _rdfio.open_rdf(path) as fh:
                    self._store.bulk_load(fh, rdf_format, to_graph=to_graph)
            else:
                self._store.bulk_load(path=str(path), format=rdf_format, to_graph=to_graph)
        except SyntaxError as exc:
            self._write(self._store.clear)
            raise _rdfio.syntax_error(path, exc) from exc
        except (OSError, RuntimeError) as exc:
            raise StoreError(Msg.E014, path=self.path or "memory", reason=_reason(exc)) from exc
        return len(self._store)  # one scan (kg load counts after loading; the edges come after)

    def drop_graph(self, graph_iri: str) -> None:
        """Remove a named graph and the direct edges derived from it (one transaction)."""
        self._write(self._store.update,
                    edges.prefixed(f"DROP SILENT GRAPH {Term.iri(graph_iri).n3()} ;\n" + edges.delete_ops([graph_iri])))

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL 1.1 query (default graph = the store's default graph).

        :raises QueryError: E024 on a syntax or evaluation error.
        """
        try:
            return _rdfio.result_from_ox(self._store.query(bind_query(sparql, bindings)))
        except (SyntaxError, ValueError, OSError) as exc:
            raise QueryError(Msg.E024, reason=str(exc).replace("\n", " ")) from exc

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update in one transaction.  :raises QueryError: E024."""
        self._len = None
        try:
            self._store.update(sparql)
            # an update kg did not write may change article graphs without their edges: the stored
            # queries read the article graphs again until the edges are rebuilt (kg/store/edges.py)
            if not edges.writes_marker(sparql):
                self._store.update(edges.marker_delete())
        except (SyntaxError, ValueError) as exc:
            raise QueryError(Msg.E024, reason=str(exc).replace("\n", " ")) from exc
        except (OSError, RuntimeError) as exc:
            raise StoreError(Msg.E014, path=self.path or "memory", reason=_reason(exc)) from exc

    def count(self, graph_iri: str | None = None) -> int:
        if graph_iri is None:
            if self._len is None:
                # a full scan in pyoxigraph, kept until the next write; without kg's derived graphs
                # (the direct edges and their marker, kg/store/edges.py): the quads written to the store
                derived = sum(sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
                              for g in edges.derived_graphs())
                self._len = len(self._store) - derived
            return self._len
        g = ox.NamedNode(graph_iri)
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, g))

    def graphs(self) -> list[str]:
        out = []
        for g in self._store.named_graphs():
            if (isinstance(g, ox.NamedNode) and not edges.is_derived(g.value)
                    and next(iter(self._store.quads_for_pattern(None, None, None, g)), None)):
                out.append(g.value)
        return sorted(out)
