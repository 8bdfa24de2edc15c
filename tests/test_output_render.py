"""kg.output: every format, readable vs full values, escaping."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.output import FORMATS, default_format, display_value, render
from kg.store.base import XSD, QueryResult, Term

WD = "http://www.wikidata.org/entity/"
RESULT = QueryResult(
    ["actor", "target", "quote", "n"],
    [
        (Term.iri(WD + "Q30"), Term.iri("https://example.org/kg/actor/name-dehqan"),
         Term.literal('He said "no",\tthen | left\nnext'), Term.literal("3", datatype=XSD + "integer")),
        (Term.iri(WD + "Q794"), None, Term.literal("[bold]not markup[/bold]", lang="en"),
         Term.literal("0.5", datatype=XSD + "decimal")),
    ],
)


def _render(fmt: str, **kw: object) -> str:
    buf = io.StringIO()
    render(RESULT, fmt, buf, **kw)  # type: ignore[arg-type]
    return buf.getvalue()


def test_output_render_csv_keeps_full_values() -> None:
    rows = list(csv.reader(io.StringIO(_render("csv"))))
    assert rows[0] == ["actor", "target", "quote", "n"]
    assert rows[1] == [WD + "Q30", "https://example.org/kg/actor/name-dehqan", 'He said "no",\tthen | left\nnext', "3"]
    assert rows[2][1] == ""  # unbound


def test_output_render_tsv_escapes_tabs_and_newlines() -> None:
    lines = _render("tsv").splitlines()
    assert len(lines) == 3
    cells = lines[1].split("\t")
    assert cells[0] == WD + "Q30"
    assert cells[2] == 'He said "no",\\tthen | left\\nnext'


def test_output_render_json_types_and_nulls() -> None:
    doc = json.loads(_render("json"))
    assert doc[0] == {"actor": WD + "Q30", "target": "https://example.org/kg/actor/name-dehqan",
                      "quote": 'He said "no",\tthen | left\nnext', "n": 3}
    assert doc[1]["target"] is None and doc[1]["n"] == 0.5
    lines = _render("jsonl").splitlines()
    assert [json.loads(line)["n"] for line in lines] == [3, 0.5]


def test_output_render_markdown_readable_and_escaped() -> None:
    out = _render("markdown", prefixes={"kga": "https://example.org/kg/actor/"})
    lines = out.splitlines()
    assert lines[0] == "| actor | target | quote | n |"
    assert lines[2].startswith("| Q30 | kga:name-dehqan | ")
    assert "then \\| left<br>next" in lines[2]
    assert len(lines) == 4


def test_output_render_table_shows_qids_and_no_markup() -> None:
    out = _render("table", title="who")
    assert "Q30" in out and "Q794" in out
    assert WD not in out
    assert "[bold]not markup[/bold]" in out  # printed literally, not styled
    assert "2 rows" in out


def test_output_render_boolean_and_graph_results() -> None:
    buf = io.StringIO()
    render(QueryResult.from_boolean(True), "json", buf)
    assert json.loads(buf.getvalue()) == [{"boolean": True}]
    triples = QueryResult.from_triples([(Term.iri("urn:s"), Term.iri("urn:p"), Term.bnode("b0"))])
    buf = io.StringIO()
    render(triples, "csv", buf)
    assert buf.getvalue().splitlines() == ["subject,predicate,object", "urn:s,urn:p,_:b0"]


def test_output_render_unknown_format() -> None:
    with pytest.raises(ValueError, match="E026: --format 'yaml' is not a known output format"):
        render(RESULT, "yaml", io.StringIO())
    assert set(FORMATS) >= {"table", "csv", "tsv", "json", "markdown"}


def test_output_render_default_format_by_terminal() -> None:
    assert default_format(io.StringIO()) == "tsv"


@pytest.mark.parametrize(
    ("iri", "shown"),
    [
        (WD + "Q42", "Q42"),
        ("http://www.wikidata.org/prop/direct/P31", "P31"),
        ("https://www.wikidata.org/wiki/Q1", "Q1"),
        ("http://www.wikidata.org/entity/Q42/x", "http://www.wikidata.org/entity/Q42/x"),
        ("https://example.org/other", "https://example.org/other"),
    ],
)
def test_output_render_display_value_wikidata(iri: str, shown: str) -> None:
    assert display_value(Term.iri(iri)) == shown
