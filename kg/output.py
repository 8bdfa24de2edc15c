"""Render a :class:`kg.store.QueryResult` for people or for pipes.

Formats (:data:`FORMATS`, from :data:`kg.formats.QUERY_RESULTS`):

* ``table`` -- a Rich table, the default on a terminal (:func:`default_format`).
  When the columns do not fit the console width without breaking words (Rich's
  own minimum width of the table, :class:`rich.measure.Measurement`), each row
  is printed as a record instead: one ``column  value`` line per column, values
  folded at the right edge (wide stored queries such as
  ``statements-with-evidence`` have 18 columns, which no 80-column table shows);
* ``markdown`` -- a GitHub-flavoured Markdown table;
* ``csv`` -- RFC 4180 with a header row (Python's ``csv`` module);
* ``tsv`` -- the SPARQL 1.1 Query Results TSV format (W3C Recommendation,
  2013-03-21, section 3): a header row of ``?variable`` names, then each value
  as an RDF term in Turtle syntax -- ``<IRI>``, ``"text"`` (with the escapes
  ``\\t \\n \\r \\" \\\\``), ``"text"@lang``, ``"lexical"^^<datatype>``,
  ``_:label``, and integers, decimals and doubles written bare (``3``,
  ``0.5``); unbound values are empty.  A row is always one line, and any SPARQL
  results parser reads it back (the ``/sparql`` endpoint of ``kg serve``
  writes the same format); plain values are the ``csv`` format's;
* ``json`` -- a JSON array of objects, one per row;
* ``jsonl`` -- one JSON object per line.

Readable vs full values: ``table`` and ``markdown`` show Wikidata IRIs as
their id (``http://www.wikidata.org/entity/Q30`` -> ``Q30``), other IRIs as
``prefix:local`` when a prefix is given, literals as their lexical value.
``csv``, ``tsv``, ``json`` and ``jsonl`` keep full IRIs (``tsv`` full RDF terms); ``json``/``jsonl``
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

__all__ = ["FORMATS", "render", "default_format", "display_value", "full_value", "tsv_term"]

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


#: Turtle's INTEGER, DECIMAL and DOUBLE productions (https://www.w3.org/TR/turtle/#grammar-production-INTEGER):
#: a numeric literal whose lexical form matches its datatype's production is written bare in TSV.
_TURTLE_NUMBERS = {
    "integer": re.compile(r"[+-]?[0-9]+"),
    "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    "double": re.compile(r"[+-]?(?:[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.[0-9]+[eE][+-]?[0-9]+|[0-9]+[eE][+-]?[0-9]+)"),
}
_XSD = "http://www.w3.org/2001/XMLSchema#"


def tsv_term(term: Term | None) -> str:
    """One value of the SPARQL 1.1 Query Results TSV format (W3C, section 3.2): the term in
    Turtle syntax (:meth:`Term.n3`: ``<IRI>``, ``"text"`` with ``\\t \\n \\r \\" \\\\``
    escaped, ``@lang``, ``^^<datatype>``, ``_:label``), integers, decimals and doubles in their
    bare Turtle form; ``""`` if unbound.

    >>> tsv_term(Term.literal("a\\tb")), tsv_term(Term.literal("3", datatype=_XSD + "integer"))
    ('"a\\\\tb"', '3')
    """
    if term is None:
        return ""
    if term.kind == "literal" and term.datatype and term.datatype.startswith(_XSD):
        number = _TURTLE_NUMBERS.get(term.datatype[len(_XSD):])
        if number is not None and number.fullmatch(term.value):
            return term.value
    return term.n3()


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
    width: int | None = None,
) -> None:
    """Write ``result`` to ``file`` (default stdout) in format ``fmt``.

    :param prefixes: prefix -> namespace IRI, for ``table``/``markdown`` display.
    :param title: optional table title (``table`` only).
    :param width: console width in characters for ``table`` (default: the terminal's; for a
        file or pipe, env ``COLUMNS`` when set, else 200).
    :raises kg.errors.UsageError: E026 (a ``ValueError``) if ``fmt`` is not one of :data:`FORMATS`.
    """
    out = file if file is not None else sys.stdout
    fmt = QUERY_RESULTS.parse(fmt).value
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([full_value(t) for t in row] for row in result.rows)
    elif fmt == "tsv":
        out.write("\t".join("?" + c for c in result.columns) + "\n")
        for row in result.rows:
            out.write("\t".join(tsv_term(t) for t in row) + "\n")
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
        _render_table(result, out, prefixes, title, width)


def _is_numeric(result: QueryResult, col: int) -> bool:
    return bool(result.rows) and all(
        t is None or (t.kind == "literal" and isinstance(t.to_python(), (int, float)) and not isinstance(t.to_python(), bool))
        for t in (row[col] for row in result.rows))


def _is_id(result: QueryResult, col: int, prefixes: Mapping[str, str] | None) -> bool:
    """A column of identifiers (IRIs shown as QIDs or ``prefix:local``, no spaces): never wrapped."""
    shown = [display_value(t, prefixes) for t in (row[col] for row in result.rows) if t is not None]
    return bool(shown) and all(t.kind == "iri" for row in result.rows if (t := row[col]) is not None) and \
        all(" " not in v and len(v) <= 24 for v in shown)


def _render_table(result: QueryResult, out: TextIO, prefixes: Mapping[str, str] | None, title: str | None,
                  width: int | None = None) -> None:
    """A Rich table; or, when its minimum width (no word broken) exceeds the console's width,
    one record per row (column name, value), so that wide results stay readable at 80 columns."""
    import os

    from rich.console import Console
    from rich.measure import Measurement
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    if width is None:
        is_tty = hasattr(out, "isatty") and out.isatty()
        # a terminal: Rich finds its width; a file or pipe: COLUMNS when set, else wide
        width = None if is_tty or os.environ.get("COLUMNS", "").strip().isdigit() else 200
    console = Console(file=out, width=width, soft_wrap=False, highlight=False)
    n = len(result.rows)
    caption = f"{n} row{'s' if n != 1 else ''}"
    cells = [[Text(display_value(t, prefixes)) for t in row] for row in result.rows]  # Text: never Rich markup
    table = Table(title=title, caption=caption, show_lines=False)
    for i, col in enumerate(result.columns):
        numeric = _is_numeric(result, i)
        table.add_column(col, justify="right" if numeric else "left", overflow="fold",
                         no_wrap=numeric or _is_id(result, i, prefixes))
    for row in cells:
        table.add_row(*row)
    # measured without the width limit (Measurement.get clamps to it): the width no word is broken at
    if Measurement.get(console, console.options.update_width(10**6), table).minimum <= console.width:
        console.print(table)
        return
    # records: too many or too wide columns for one line per row
    if title:
        console.print(Text(title, style="italic"), justify="center")
    key_width = max((len(c) for c in result.columns), default=0)
    for number, row in enumerate(cells, 1):
        console.print(Rule(Text(f"{number} / {n}"), align="left", style="dim"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True, min_width=key_width)
        grid.add_column(overflow="fold")
        for col, value in zip(result.columns, row):
            grid.add_row(col, value)
        console.print(grid)
    console.print(Text(caption, style="dim"))
