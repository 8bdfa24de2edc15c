"""`kg kb lookup NAME --format ...`: the candidates and the link kg would make, written by kg.output as
`kg query` writes its results (table, csv, tsv, json, jsonl, markdown), with the real bundled knowledge
base, through the real CLI (typer's CliRunner)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
COLUMNS = ["id", "label", "kind", "cameo", "score", "alias", "layer", "link"]


def _lookup(*args: str):
    res = runner.invoke(app, ["kb", "lookup", *args])
    assert res.exit_code == 0, res.output
    return res.stdout


def test_cli_kb_lookup_json_marks_the_link():
    rows = json.loads(_lookup("Tehran", "--format", "json", "--limit", "5"))
    assert rows and all(list(r) == COLUMNS for r in rows)
    linked = [r for r in rows if r["link"] is True]
    assert len(linked) == 1 and linked[0]["id"] == "Q794" and linked[0]["kind"] == "country"  # a capital as agent
    assert all(isinstance(r["score"], float) and 0 <= r["score"] <= 1 for r in rows)
    assert any(r["id"] == "Q3616" and r["link"] is False for r in rows)  # the city itself is a candidate


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "markdown"])
def test_cli_kb_lookup_other_formats(fmt):
    text = _lookup("Tehran", "-f", fmt, "--limit", "5")
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert list(rows[0]) == COLUMNS and {r["id"]: r["link"] for r in rows}["Q794"] == "true"
    elif fmt == "tsv":
        lines = text.splitlines()
        assert lines[0] == "\t".join("?" + c for c in COLUMNS)
        assert any(line.startswith('"Q794"\t"Iran"\t"country"') for line in lines[1:])
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        assert [r["id"] for r in rows if r["link"]] == ["Q794"]
    else:
        assert text.startswith("| id | label | kind | cameo | score | alias | layer | link |") and "| Q794 | Iran |" in text
    assert "link:" not in text  # the human line is for the table only


def test_cli_kb_lookup_table_and_nil():
    text = _lookup("Tehran", "-f", "table", "--limit", "3")
    assert "candidates for 'Tehran'" in text and "Q794" in text and "link: Iran (Q794), confidence" in text
    rows = json.loads(_lookup("Qwxzvbn Plorth", "-f", "json"))
    assert rows == []
    assert "link: NIL" in _lookup("Qwxzvbn Plorth", "-f", "table")


def test_cli_kb_lookup_unknown_format_is_e026():
    res = runner.invoke(app, ["kb", "lookup", "Tehran", "--format", "xml"])
    assert res.exit_code == 2 and "E026" in res.output and "table, csv, tsv, json, jsonl, markdown" in res.output
