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


def test_output_render_tsv_is_sparql_results_tsv() -> None:
    """--format tsv is the W3C SPARQL 1.1 Query Results TSV format: ?names, RDF terms, one row a line."""
    lines = _render("tsv").split("\n")
    assert lines[0] == "?actor\t?target\t?quote\t?n"
    assert len(lines) == 4 and lines[3] == ""  # two rows, each on one line, whatever the values hold
    cells = lines[1].split("\t")
    assert cells == [f"<{WD}Q30>", "<https://example.org/kg/actor/name-dehqan>",
                     '"He said \\"no\\",\\tthen | left\\nnext"', "3"]
    assert lines[2].split("\t") == [f"<{WD}Q794>", "", '"[bold]not markup[/bold]"@en', "0.5"]


def test_output_render_tsv_round_trips_through_a_sparql_results_parser() -> None:
    """A value with a tab, a newline, a carriage return, quotes and a backslash comes back as it was
    from pyoxigraph's own reader of the W3C TSV format; so do languages, datatypes, blank nodes, unbound."""
    import pyoxigraph as ox

    text = 'He said "no",\tthen\nleft \\ "quietly"\r\n'
    result = QueryResult(["quote", "n", "d", "when", "iri", "b", "none"], [(
        Term.literal(text, lang="en"), Term.literal("-3", datatype=XSD + "integer"),
        Term.literal("1", datatype=XSD + "decimal"), Term.literal("2016-10-12", datatype=XSD + "date"),
        Term.iri(WD + "Q30"), Term.bnode("b0"), None)])
    buf = io.StringIO()
    render(result, "tsv", buf)
    assert buf.getvalue().count("\n") == 2
    parsed = ox.parse_query_results(buf.getvalue().encode("utf-8"), format=ox.QueryResultsFormat.TSV)
    assert [v.value for v in parsed.variables] == result.columns
    (row,) = list(parsed)
    assert row["quote"] == ox.Literal(text, language="en")
    assert row["n"] == ox.Literal("-3", datatype=ox.NamedNode(XSD + "integer"))
    assert row["d"] == ox.Literal("1", datatype=ox.NamedNode(XSD + "decimal"))
    assert row["when"] == ox.Literal("2016-10-12", datatype=ox.NamedNode(XSD + "date"))
    assert row["iri"] == ox.NamedNode(WD + "Q30")
    assert isinstance(row["b"], ox.BlankNode) and row["none"] is None


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


def _evidence_result(rows: int = 2) -> QueryResult:
    """A result shaped like ``kg query statements-with-evidence`` (its 18 columns)."""
    cols = ("actor actor_qid type target target_qid cue content negated hypothetical confidence sentence start end "
            "article publisher date url statement").split()
    row = (Term.literal("Arnor Velloway"), Term.literal("Q14514593"), Term.literal("ACCUSE"), Term.literal("Ruritania"),
           Term.literal("Q30"), Term.literal("saying"), Term.literal("the border guards had fired first on the villagers"),
           Term.literal("false", datatype=XSD + "boolean"), Term.literal("false", datatype=XSD + "boolean"),
           Term.literal("0.85", datatype=XSD + "decimal"),
           Term.literal("The minister accused Ruritania on Sunday, saying the border guards had fired first on the "
                        "villagers near the old customs house."),
           Term.literal("120", datatype=XSD + "integer"), Term.literal("231", datatype=XSD + "integer"),
           Term.literal("Minister accuses Ruritania"), Term.literal("Example Wire"),
           Term.literal("2016-10-12", datatype=XSD + "date"), Term.iri("https://example.org/news/minister-accuses"),
           Term.iri("https://w3id.org/kg-news/statement/abc123def456/3"))
    return QueryResult(cols, [row] * rows)


def test_output_render_wide_table_at_80_columns_is_one_record_per_row() -> None:
    """18 columns do not fit 80 characters: each row is a record of 'column  value' lines, no word broken."""
    result = _evidence_result()
    buf = io.StringIO()
    render(result, "table", buf, title="Statements with evidence", width=80)
    lines = buf.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].strip() == "Statements with evidence"
    assert lines[1].startswith("1 / 2 ") and sum(line.startswith("2 / 2 ") for line in lines) == 1
    by_key = {}
    for line in lines[2:21]:
        key, _, value = line.partition(" ")
        if key:
            by_key[key] = value.strip()
    assert list(by_key) == result.columns  # every column, in order, once per record
    assert by_key["actor_qid"] == "Q14514593" and by_key["date"] == "2016-10-12" and by_key["confidence"] == "0.85"
    assert by_key["url"] == "https://example.org/news/minister-accuses"
    words = " ".join(line.split(maxsplit=1)[-1] if not line.startswith(" ") else line.strip() for line in lines).split()
    for word in ("Ruritania", "Sunday,", "villagers", "customs", "house."):
        assert word in words, word  # whole words: wrapped between words, never inside one
    assert lines[-1] == "2 rows"


def test_output_render_narrow_table_at_80_columns_stays_a_table() -> None:
    result = _evidence_result(1)
    narrow = QueryResult(result.columns[:5], [r[:5] for r in result.rows])
    buf = io.StringIO()
    render(narrow, "table", buf, width=80)
    lines = buf.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[1].split("┃")[1:-1] == [f" {c.ljust(w)} " for c, w in
                                          zip(narrow.columns, (14, 9, 6, 9, 10))]
    assert "│ Arnor Velloway │ Q14514593 │ ACCUSE │ Ruritania │ Q30        │" in lines
