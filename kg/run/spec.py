"""What a job runs with: the loaded pipeline and the spec a worker rebuilds it from.

* :class:`Pipeline`: the spaCy pipeline and the linker, loaded once per
  command (and once per worker process, :mod:`kg.run.local`, :mod:`kg.run.dask`).
* :class:`WorkerSpec`: the pipeline's options, the run's provenance and the
  :data:`Payload` to serialize; small and picklable, sent to every worker.
* :class:`Done`: one processed article, as a worker returns it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Literal

from kg import __version__
from kg.ingest import Skipped
from kg.model import Article, ArticleResult, ExtractionRun
from kg.run.guard import MAX_CHARS, too_long

__all__ = ["Payload", "Pipeline", "WorkerSpec", "Done", "spec_for"]

#: What a worker serializes per article: N-Triples (for a store's named
#: graph), N-Quads (lines for a quad file), or nothing (the parent builds
#: the output from the :class:`ArticleResult`, e.g. JSON Lines or Turtle).
Payload = Literal["ntriples", "nquads", "none"]


@dataclass(slots=True)
class Pipeline:
    """The NLP pipeline and the linker, loaded once per command.

    :param model: spaCy pipeline name or path.
    :param link: link actors to Wikidata with the offline knowledge base.
    :param online: also ask Wikidata online for actors the offline knowledge
        base cannot link (falls back to offline when there is no network).
    :param batch_size: documents per ``nlp.pipe`` batch.
    :param n_process: worker processes (:mod:`kg.run.local`); each does
        extraction, linking and RDF for whole batches.
    """

    model: str
    link: bool = True
    online: bool = False
    batch_size: int = 16
    n_process: int = 1
    nlp: object = None
    linker: object = None

    def load(self) -> "Pipeline":
        """Load the spaCy pipeline (and the linker when ``link``); returns ``self``."""
        from kg.extract import load_pipeline

        self.nlp = load_pipeline(self.model)
        if self.link:
            from kg.link.kb import default_kb
            from kg.link.resolve import Linker

            if self.online:
                from kg.link.online import online_linker

                self.linker = online_linker(default_kb())
            else:
                self.linker = Linker(default_kb())
        return self

    @property
    def run_info(self) -> ExtractionRun:
        """The provenance of a run starting now: software and model versions, UTC start time, the
        linking mode and the knowledge-base files (names and SHA-256 digests) linking uses: those of
        the loaded linker's KB, or, when the linker is not loaded here (``--engine dask``: the
        workers load it), the files :func:`kg.link.kb.default_kb` would load with this
        ``$KG_KB_LAYERS``.  :attr:`kg.model.ExtractionRun.settings_digest` of these decides whether
        a stored article is done (:mod:`kg.run.resume`).

        :raises kg.errors.KnowledgeBaseError: (E121) for an unknown layer name in ``$KG_KB_LAYERS``.
        """
        from kg.extract.pipeline import model_version

        name, version = model_version(self.nlp)  # type: ignore[arg-type]
        files: tuple[tuple[str, str], ...] = ()
        if self.link:
            from kg.link.kb import file_digest, kb_files

            files = tuple((p.name, file_digest(p)) for p in kb_files(getattr(self.linker, "kb", None)) if p.exists())
        return ExtractionRun(
            software_version=__version__,
            model_name=name,
            model_version=version,
            started=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            linking=("online" if self.online else "offline") if self.link else "none",
            kb_files=files,
        )

    def process(self, items: Iterable[Article | Skipped], skipped: list[Skipped]) -> Iterator[ArticleResult]:
        """Extract and link every article of ``items``; skips go to ``skipped``."""
        from kg.extract import extract_articles

        def articles() -> Iterator[Article]:
            for item in items:
                if isinstance(item, Skipped):
                    skipped.append(item)
                elif len(item.text) > MAX_CHARS:
                    skipped.append(too_long(item))
                else:
                    yield item

        for result in extract_articles(self.nlp, articles(), batch_size=self.batch_size,  # type: ignore[arg-type]
                                       n_process=self.n_process):
            if self.linker is not None:
                result = self.linker.link(result)  # type: ignore[attr-defined]
            yield result


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """Everything a worker needs to build the pipeline and the output.

    :param model: spaCy pipeline name or path.
    :param link: link actors offline; ``online`` also asks Wikidata.
    :param run: the run's provenance (one timestamp for the whole run).
    :param payload: what to serialize per article (:data:`Payload`).
    """

    model: str
    link: bool
    online: bool
    batch_size: int
    run: ExtractionRun
    payload: Payload = "ntriples"


@dataclass(slots=True)
class Done:
    """One processed article.

    :param result: the linked statements of the article.
    :param graph: the IRI of its named graph.
    :param data: its graph serialized as :attr:`WorkerSpec.payload` says
        (UTF-8 bytes), or ``None``.
    """

    result: ArticleResult
    graph: str
    data: bytes | None


def spec_for(pipeline: Pipeline, run: ExtractionRun, payload: Payload) -> WorkerSpec:
    """The :class:`WorkerSpec` of ``pipeline``'s options, ``run`` and ``payload``."""
    return WorkerSpec(model=pipeline.model, link=pipeline.link, online=pipeline.online,
                      batch_size=pipeline.batch_size, run=run, payload=payload)  # type: ignore[arg-type]
