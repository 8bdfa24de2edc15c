"""Guards between the reader and the workers: what must not reach a worker or
overwrite a stored graph by accident.

* :func:`size_checked`: articles longer than :data:`MAX_CHARS` become
  :class:`~kg.ingest.Skipped` items (E032) instead of exhausting memory.
* :func:`guard_stored`: an article whose graph name is taken in the store by
  another article id is renamed (:func:`renamed_id`) or skipped (E009), and a
  ``.txt`` article replacing a stored graph of another text is warned about.
* :func:`atomic_binary`: an output file is written under a temporary name
  and renamed only when complete, so an error or Ctrl-C leaves no half file.

(Interrupts are guarded elsewhere too: :mod:`kg.run.local` terminates its
workers, and a store loads one whole graph per transaction, so
:mod:`kg.run.resume` can pick up after a stop.)
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from kg.errors import KgError, Msg, OutputError
from kg.ingest import Skipped, text_file_of
from kg.model import Article
from kg.sparql_terms import iri

__all__ = ["MAX_CHARS", "too_long", "size_checked", "renamed_id", "guard_stored", "atomic_binary", "atomic_path"]

log = logging.getLogger(__name__)

#: Articles longer than this many characters are skipped with a reason
#: (spaCy's default ``nlp.max_length``; the small model needs ~1 GB per 1M chars).
MAX_CHARS = 1_000_000


def size_checked(items: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
    """Turn articles longer than :data:`MAX_CHARS` into Skipped items (E032)."""
    for item in items:
        if isinstance(item, Article) and len(item.text) > MAX_CHARS:
            yield too_long(item)
        else:
            yield item


def too_long(article: Article) -> Skipped:
    """The E032 :class:`~kg.ingest.Skipped` item of an article over :data:`MAX_CHARS`."""
    origin = article.origin or article.id
    return Skipped(origin, Msg.E032.format(origin=origin, chars=len(article.text), max=MAX_CHARS), "E032")


def renamed_id(article_id: str) -> str:
    """The id an article gets when its graph name is taken in the store by
    another article id: ``"<id>~<first 8 hex of SHA-256(id)>"`` (the id, not
    the text, is hashed, so an edited article keeps its renamed graph)."""
    return f"{article_id}~{hashlib.sha256(article_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def guard_stored(items: Iterable[Article | Skipped], store, chunk: int = 64) -> Iterator[Article | Skipped]:
    """Pass ``items`` through, keeping what the store holds from earlier runs.

    * An article whose graph name (:attr:`~kg.model.Article.key`, the slug of
      its id) names a stored graph that holds a **different article id**
      (``dcterms:identifier``; e.g. ``"reuters/2024/01/a"`` stored, then
      ``"reuters-2024-01-a"``) would replace that article: it is renamed to
      :func:`renamed_id` instead (deterministic, so a re-run replaces its own
      renamed graph) and E009 is logged naming its file and line.  If that
      name is taken by yet another id too, the article is skipped (E009).
    * An article read from a ``.txt`` file (id = file stem, :mod:`kg.ingest`)
      whose stored graph holds the same id but another text replaces it, as
      an edited file should; E009 is logged, since the graph may have come
      from another file of the same name (another folder, an earlier run).

    The same id (same JSON ``id``, same file name) always replaces its own
    graph.  One store query per ``chunk`` items.

    :raises kg.errors.QueryError, kg.errors.StoreError: from the store.
    """
    from kg.rdf.build import article_graph_iri, article_key, clean_text
    from kg.rdf.vocab import ID, KG

    def graph_of(article_id: str) -> str:
        return str(ID[f"graph/{article_key(article_id)}"])

    ident = "http://purl.org/dc/terms/identifier"
    pending: list[Article | Skipped] = []

    def stored(graphs: set[str]) -> dict[str, tuple[set[str], set[str]]]:
        """graph IRI -> (article ids, content hashes) it holds."""
        values = " ".join(iri(g) for g in sorted(graphs))
        res = store.query(f"SELECT ?g ?id ?h WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?a {iri(str(KG.contentHash))} ?h "
                          f"OPTIONAL {{ ?a {iri(ident)} ?id }} }} }}")
        found: dict[str, tuple[set[str], set[str]]] = {}
        for g_term, id_term, h_term in res.rows:
            if g_term is None:
                continue
            ids, hashes = found.setdefault(str(g_term.value), (set(), set()))
            if id_term is not None:
                ids.add(str(id_term.value))
            if h_term is not None:
                hashes.add(str(h_term.value))
        return found

    def taken(held: tuple[set[str], set[str]] | None, article_id: str) -> bool:
        return held is not None and bool(held[0]) and clean_text(article_id) not in held[0]

    def flush() -> Iterator[Article | Skipped]:
        arts = [a for a in pending if isinstance(a, Article)]
        if arts:
            graphs = {str(article_graph_iri(a)) for a in arts}
            graphs |= {graph_of(renamed_id(a.id)) for a in arts}
            found = stored(graphs)
            for i, item in enumerate(pending):
                if not isinstance(item, Article):
                    continue
                origin = item.origin or item.id
                held = found.get(str(article_graph_iri(item)))
                if taken(held, item.id):
                    owner = sorted(held[0])[0]  # type: ignore[index]
                    new_id = renamed_id(item.id)
                    if taken(found.get(graph_of(new_id)), new_id):
                        pending[i] = Skipped(origin, Msg.E009.format(
                            origin=origin, id=item.id, first="the store, from an earlier run",
                            action=(f"its graph name {item.key!r} is taken by id {owner!r} and "
                                    f"{new_id!r} by yet another id; skipped, give the article a distinct id")),
                            "E009")
                        continue
                    log.warning(Msg.E009.format(
                        origin=origin, id=item.id, first="the store, from an earlier run",
                        action=(f"its graph name {item.key!r} is taken by id {owner!r}, which is kept; "
                                f"renamed to {new_id!r}")))
                    item.id = new_id
                elif (held is not None and text_file_of(item) is not None and held[1]
                      and item.content_hash not in held[1]):
                    log.warning(Msg.E009.format(
                        origin=origin, id=item.id, first="the store, from an earlier run",
                        action=("the stored graph holds another text and is replaced; if it came from another "
                                "file of the same name (a .txt file's id is its name), rename one of the files "
                                "and run both again")))
        yield from pending
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= chunk:
            yield from flush()
    yield from flush()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_binary(output: Path) -> Iterator[IO[bytes]]:
    """A binary file written to a temporary name in the same folder and
    renamed over ``output`` only when the block ends without error
    (``-`` is standard output, written directly)."""
    if str(output) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    except OSError as exc:
        raise OutputError(Msg.E015, path=output, reason=exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the user's usual mode
        os.replace(tmp, output)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, KgError):  # disk full, I/O error
            raise OutputError(Msg.E015, path=output, reason=exc.strerror or str(exc)) from exc
        raise


@contextmanager
def atomic_path(output: Path) -> Iterator[Path]:
    """A temporary path in ``output``'s folder (same suffix, hidden name) for writers that take a path
    (matplotlib, networkx), renamed over ``output`` only when the block ends without error; on any error
    the temporary file is removed, so nothing half-written is left.

    :raises OutputError: E015 when the folder cannot be made or written, or a write fails (disk full).
    """
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{output.stem}.", suffix=f".tmp{output.suffix}", dir=output.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(Msg.E015, path=output, reason=exc.strerror or str(exc)) from exc
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the user's usual mode
        os.replace(tmp, output)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, KgError):
            raise OutputError(Msg.E015, path=output, reason=exc.strerror or str(exc)) from exc
        raise
