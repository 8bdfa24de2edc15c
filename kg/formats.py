"""The one list of kg's file and output formats, and which command takes which.

* :class:`Format` -- every format kg writes or reads by name: query-result
  formats (``table`` ... ``markdown``), RDF serializations (``turtle`` ...
  ``json-ld``) and pictures/graph files (``png`` ... ``gexf``).
* :class:`FormatChoice` -- the formats one command or option accepts, with
  their aliases; :meth:`FormatChoice.parse` reads a ``--format`` value and
  :meth:`FormatChoice.for_path` an output file's extension.  Both raise the
  one error for an unknown format, :class:`kg.errors.UsageError` E026 (a usage
  error: exit code 2 on the command line; it is also a ``ValueError``).
* The choices: :data:`QUERY_RESULTS` (``kg query``, ``kg sparql``),
  :data:`STATS` (``kg stats``), :data:`RDF` (``kg load``, the RDF writers),
  :data:`EXTRACT` (``kg extract``: RDF or JSON Lines), :data:`NETWORK`
  (``kg graph``), :data:`TIMELINE` (``kg timeline``).

This module imports nothing of kg but :mod:`kg.errors`, so the stages
(:mod:`kg.output`, :mod:`kg.rdf.serialize`, :mod:`kg.views`) and the CLI all
read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from kg.errors import Msg, UsageError

__all__ = ["Format", "FormatChoice", "QUERY_RESULTS", "STATS", "RDF", "EXTRACT", "NETWORK", "TIMELINE", "RDF_ALIASES"]


class Format(str, Enum):
    """A format by its canonical name (the ``--format`` value)."""

    # query results (kg.output)
    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"
    # RDF serializations (kg.rdf.serialize)
    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    NQUADS = "nquads"
    TRIG = "trig"
    JSON_LD = "json-ld"
    # pictures and graph files (kg.views)
    PNG = "png"
    SVG = "svg"
    HTML = "html"
    GRAPHML = "graphml"
    GEXF = "gexf"

    def __str__(self) -> str:
        return self.value


#: Other names of the RDF formats (lower case; short names and IANA media types) -> the format.
RDF_ALIASES: Mapping[str, Format] = MappingProxyType({
    "ttl": Format.TURTLE,
    "nt": Format.NTRIPLES,
    "n-triples": Format.NTRIPLES,
    "nq": Format.NQUADS,
    "n-quads": Format.NQUADS,
    "jsonld": Format.JSON_LD,
    "text/turtle": Format.TURTLE,
    "application/n-triples": Format.NTRIPLES,
    "application/n-quads": Format.NQUADS,
    "application/trig": Format.TRIG,
    "application/ld+json": Format.JSON_LD,
})


@dataclass(frozen=True)
class FormatChoice:
    """The formats one command or option accepts.

    :param what: the kind of format in messages (``"output"``, ``"RDF"``).
    :param formats: accepted formats, in the order messages list them.
    :param aliases: other accepted names (lower case) -> format.
    :param suffixes: file extension (lower case, with the dot) -> format, for
        :meth:`for_path`; default ``"." + name`` of each format.
    """

    what: str
    formats: tuple[Format, ...]
    aliases: Mapping[str, Format] = field(default_factory=dict)
    suffixes: Mapping[str, Format] | None = None

    def names(self) -> tuple[str, ...]:
        """The canonical names, e.g. ``("table", "json")``."""
        return tuple(f.value for f in self.formats)

    def __contains__(self, value: object) -> bool:
        try:
            self.parse(str(value))
        except UsageError:
            return False
        return True

    def parse(self, value: str, option: str = "--format") -> Format:
        """The format named ``value`` (a name or alias, case and surrounding
        blanks ignored).

        :raises kg.errors.UsageError: E026 naming ``option``, ``value`` and the choices.
        """
        key = value.strip().lower()
        for f in self.formats:
            if key == f.value:
                return f
        if key in self.aliases:
            return self.aliases[key]
        raise UsageError(Msg.E026, option=option, value=value, what=self.what, choices=", ".join(self.names()))

    def _suffixes(self) -> Mapping[str, Format]:
        return self.suffixes if self.suffixes is not None else {f".{f.value}": f for f in self.formats}

    def for_path(self, path: str | Path, option: str = "--output") -> Format:
        """The format an output file's extension names (case-insensitive).

        :raises kg.errors.UsageError: E026 naming ``option``, the file name and the extensions.
        """
        suffix = Path(str(path)).suffix.lower()
        table = self._suffixes()
        if suffix in table:
            return table[suffix]
        raise UsageError(Msg.E026, option=option, value=Path(str(path)).name, what=f"{self.what} file",
                         choices=", ".join(table))


#: ``kg query`` / ``kg sparql`` result formats (:func:`kg.output.render`).
QUERY_RESULTS = FormatChoice("output", (Format.TABLE, Format.CSV, Format.TSV, Format.JSON, Format.JSONL, Format.MARKDOWN))
#: ``kg stats``.
STATS = FormatChoice("output", (Format.TABLE, Format.JSON))
#: RDF serializations (:data:`kg.rdf.serialize.FORMATS`): ``kg load --format`` and the writers.
RDF = FormatChoice("RDF", (Format.TURTLE, Format.NTRIPLES, Format.NQUADS, Format.TRIG, Format.JSON_LD), RDF_ALIASES,
                   {".ttl": Format.TURTLE, ".nt": Format.NTRIPLES, ".nq": Format.NQUADS, ".trig": Format.TRIG,
                    ".jsonld": Format.JSON_LD})
#: ``kg extract``: an RDF serialization or JSON Lines records.
EXTRACT = FormatChoice("output", (*RDF.formats, Format.JSONL),
                       {**RDF_ALIASES, "json-lines": Format.JSONL, "jsonlines": Format.JSONL},
                       {**(RDF.suffixes or {}), ".jsonl": Format.JSONL})
#: ``kg graph`` (:func:`kg.views.network.write_network`), by the output file's extension.
NETWORK = FormatChoice("network", (Format.PNG, Format.SVG, Format.HTML, Format.GRAPHML, Format.GEXF))
#: ``kg timeline`` (:func:`kg.views.timeline.write_timeline`), by the output file's extension.
TIMELINE = FormatChoice("timeline", (Format.PNG, Format.SVG, Format.HTML))
