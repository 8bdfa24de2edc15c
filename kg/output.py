"""Render a :class:`kg.store.QueryResult` for people or for pipes.

Formats (:data:`FORMATS`, from :data:`kg.formats.QUERY_RESULTS`):

* ``table`` -- a Rich table, the default on a terminal (:func:`default_format`);
* ``markdown`` -- a GitHub-flavoured Markdown table;
* ``csv`` -- RFC 4180 with a header row (Python's ``csv`` module);
* ``tsv`` -- tab-separated with a header row; tabs, newlines and backslashes
  in values are written as ``\\t``, ``\\n``, ``\\\\``;
* ``json`` -- a JSON array of objects, one per row;
* ``jsonl`` -- one JSON object per line.

Readable vs full values: ``table`` and ``markdown`` show Wikidata IRIs as
their id (``http://www.wikidata.org/entity/Q30`` -> ``Q30``), other IRIs as
``prefix:local`` when a prefix is given, literals as their lexical value.
``csv``, ``tsv``, ``json`` and ``jsonl`` keep full IRIs; ``json``/``jsonl``
give numbers and booleans as JSON numbers and booleans.  Unbound values are
empty cells, or ``null`` in JSON.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Mapping
from typing import TextIO

from kg.formats import QUERY_RESULTS
from kg.store.base import QueryResult, Term

__all__ = ["FORMATS", "render", "default_format", "display_value", "full_value"]

#: The format names, those of :data:`kg.formats.QUERY_RESULTS`.
FORMATS: tuple[str, ...] = QUERY_RESULTS.names()

_WIKIDATA = re.compile(r"^https?://www\.wikidata\.org/(?:entity|wiki|prop/direct|prop)/(?:statement/)?([QPL]\d+)$")


def default_format(file: TextIO | None = None) -> str:
    """``"table"`` when ``file`` (default stdout) is a terminal, else ``"tsv"``."""
    file = file or sys.stdout
    try:
        return "table" if file.isatty() else "tsv"
    except (AttributeError, ValueError):
        return "tsv"


def full_value(term: Term | None) -> str:
    """The complete value: the IRI, lexical form, or ``_:label``; ``""`` if unbound."""
    if term is None:
        return ""
    if term.kind == "bnode":
        return f"_:{term.value}"
    return term.value


def display_value(term: Term | None, prefixes: Mapping[str, str] | None = None) -> str:
    """A short readable value: Wikidata IRIs as QIDs/PIDs, other IRIs as
    ``prefix:local`` for the longest matching prefix in ``prefixes``
    (``{"kg": "https://example.org/kg/"}``), literals as their lexical form."""
    if term is None:
        return ""
    if term.kind != "iri":
        return full_value(term)
    m = _WIKIDATA.match(term.value)
    if m:
        return m.group(1)
    if prefixes:
        best = max(((p, ns) for p, ns in prefixes.items() if term.value.startswith(ns)), key=lambda x: len(x[1]), default=None)
        if best is not None:
            local = term.value[len(best[1]):]
            if re.fullmatch(r"[\w.\-]*", local):
                return f"{best[0]}:{local}"
    return term.value


def _tsv_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _md_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")


def _json_value(term: Term | None) -> object:
    if term is None:
        return None
    if term.kind == "bnode":
        return f"_:{term.value}"
    return term.to_python()


def render(
    result: QueryResult,
    fmt: str = "table",
    file: TextIO | None = None,
    *,
    prefixes: Mapping[str, str] | None = None,
    title: str | None = None,
) -> None:
    """Write ``result`` to ``file`` (default stdout) in format ``fmt``.

    :param prefixes: prefix -> namespace IRI, for ``table``/``markdown`` display.
    :param title: optional table title (``table`` only).
    :raises kg.errors.UsageError: E026 (a ``ValueError``) if ``fmt`` is not one of :data:`FORMATS`.
    """
    out = file if file is not None else sys.stdout
    fmt = QUERY_RESULTS.parse(fmt).value
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([full_value(t) for t in row] for row in result.rows)
    elif fmt == "tsv":
        out.write("\t".join(result.columns) + "\n")
        for row in result.rows:
            out.write("\t".join(_tsv_escape(full_value(t)) for t in row) + "\n")
    elif fmt in ("json", "jsonl"):
        records = [{c: _json_value(t) for c, t in zip(result.columns, row)} for row in result.rows]
        if fmt == "json":
            json.dump(records, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            for rec in records:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elif fmt == "markdown":
        out.write("| " + " | ".join(_md_escape(c) for c in result.columns) + " |\n")
        out.write("|" + "|".join(" --- " for _ in result.columns) + "|\n")
        for row in result.rows:
            out.write("| " + " | ".join(_md_escape(display_value(t, prefixes)) for t in row) + " |\n")
    else:
        _render_table(result, out, prefixes, title)


def _render_table(result: QueryResult, out: TextIO, prefixes: Mapping[str, str] | None, title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    n = len(result.rows)
    table = Table(title=title, caption=f"{n} row{'s' if n != 1 else ''}", show_lines=False)
    for col in result.columns:
        numeric = bool(result.rows) and all(
            t is None or (t.kind == "literal" and isinstance(t.to_python(), (int, float)) and not isinstance(t.to_python(), bool))
            for t in (row[result.columns.index(col)] for row in result.rows)
        )
        table.add_column(col, justify="right" if numeric else "left", overflow="fold")
    for row in result.rows:
        # Text() so that values are never read as Rich markup ("[bold]" stays literal)
        table.add_row(*(Text(display_value(t, prefixes)) for t in row))
    is_tty = hasattr(out, "isatty") and out.isatty()
    console = Console(file=out, width=None if is_tty else 200, soft_wrap=False, highlight=False)
    console.print(table)
