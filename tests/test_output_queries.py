"""kg query output for people and tools: every format on a real stored-query result.

Dates show as YYYY-MM-DD, QIDs as Q-ids, numbers as numbers (JSON), unbound
values as empty cells / null; --limit cuts rows; the query's --help works.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests._queries_fixtures import build_store

runner = CliRunner()


@pytest.fixture(scope="module")
def store_dir(nlp, tmp_path_factory):
    d = tmp_path_factory.mktemp("output-queries")
    build_store(nlp, d, path=d / "store").close()
    return d / "store"


def q(store_dir, *args: str) -> str:
    res = runner.invoke(app, ["query", *args, "--store", str(store_dir)])
    assert res.exit_code == 0, res.output
    return res.output


ARGS = ("top-targets", "--param", "since=2020-01-01", "--limit", "2")


def test_output_queries_json_types(store_dir):
    data = json.loads(q(store_dir, *ARGS, "--format", "json"))
    assert data == [
        {"target": "United States", "target_qid": "Q30", "statements": 3, "speakers": 1, "articles": 3,
         "first": "2020-01-10", "last": "2020-03-01"},
        {"target": "Greece", "target_qid": "Q41", "statements": 3, "speakers": 2, "articles": 1,
         "first": "2020-01-10", "last": "2020-01-10"},
    ]


def test_output_queries_csv_tsv_markdown(store_dir):
    rows = list(csv.reader(io.StringIO(q(store_dir, *ARGS, "--format", "csv"))))
    assert rows[0] == ["target", "target_qid", "statements", "speakers", "articles", "first", "last"]
    assert rows[1] == ["United States", "Q30", "3", "1", "3", "2020-01-10", "2020-03-01"]
    assert len(rows) == 3
    tsv = q(store_dir, *ARGS, "--format", "tsv").splitlines()
    assert tsv[0].split("\t") == ["?" + c for c in rows[0]]
    assert tsv[1].split("\t") == ['"United States"', '"Q30"', "3", "1", "3",
                                   '"2020-01-10"^^<http://www.w3.org/2001/XMLSchema#date>',
                                   '"2020-03-01"^^<http://www.w3.org/2001/XMLSchema#date>']
    md = q(store_dir, *ARGS, "--format", "markdown").splitlines()
    assert md[0] == "| target | target_qid | statements | speakers | articles | first | last |"
    assert md[2] == "| United States | Q30 | 3 | 1 | 3 | 2020-01-10 | 2020-03-01 |"


def test_output_queries_table_readable(store_dir):
    out = q(store_dir, "who-accused-whom", "--param", "actor=Dehghan", "--format", "table")
    assert "Who accused whom" in out and "Hossein Dehghan" in out and "Q846" in out
    assert "wikidata.org" not in out and "^^" not in out and "4 rows" in out
    empty = json.loads(q(store_dir, "publishers", "--format", "json"))
    assert {"publisher": None, "articles": 1, "statements": 19, "first": None, "last": None} in empty


def test_output_queries_help_describes_query(store_dir):
    out = q(store_dir, "actors-by-country", "--help")
    assert "Actors by country" in out and "country" in out and "cameo" in out
    assert "kg query actors-by-country --param country=Iran" in out
    general = runner.invoke(app, ["query", "--help"])
    assert general.exit_code == 0 and "--describe" in general.output and "--queries" in general.output


def test_output_queries_user_folder_from_env(store_dir, tmp_path, monkeypatch):
    (tmp_path / "count-articles.rq").write_text(
        "# title: Count articles\n# description: How many articles.\n# example: kg query count-articles\n"
        "PREFIX kg: <https://w3id.org/kg-news/ontology#>\n"
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?a a kg:Article } }\n", encoding="utf-8")
    monkeypatch.setenv("KG_QUERIES", str(tmp_path))
    assert json.loads(q(store_dir, "count-articles", "--format", "json")) == [{"n": 4}]


def test_output_queries_wide_table_readable_at_80_columns(store_dir, monkeypatch):
    """statements-with-evidence (18 columns) in an 80-column terminal: one record per row, no line wider."""
    monkeypatch.setenv("COLUMNS", "80")
    out = q(store_dir, "statements-with-evidence", "--param", "actor=Dehghan", "--format", "table")
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80, max(lines, key=len)
    assert lines[1].startswith("1 / ")
    assert any(line.startswith("actor         Hossein Dehghan") for line in lines)
    assert any(line.startswith("sentence      ") for line in lines)
