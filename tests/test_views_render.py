"""kg graph / kg timeline / kg stats on the bundled articles: files are valid and show the data.

The store is built once from kg/data/articles (real spaCy model, offline
linker, kg.run.jobs.run_into_store), then the commands read it like a user
would (--store).  The HTML network page is opened in headless Chromium
(Debian package ``chromium``) to check that its script draws the nodes; the
test is skipped when chromium is absent, but fails when env CI=true.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from tests._queries_fixtures import pipeline

ARTICLES = Path(kg.__file__).resolve().parent / "data" / "articles"
runner = CliRunner()


@pytest.fixture(scope="module")
def store_dir(nlp, tmp_path_factory) -> Path:
    from kg.run.jobs import run_into_store
    from kg.store.oxigraph import OxigraphStore

    path = tmp_path_factory.mktemp("views") / "store"
    with OxigraphStore(path) as st:
        summary = run_into_store([ARTICLES], st, pipeline(nlp))
    assert summary.articles == 21 and not summary.failed
    return path


@pytest.fixture(scope="module")
def edges(store_dir):
    from kg.store.oxigraph import OxigraphStore
    from kg.views.data import network_edges

    with OxigraphStore(store_dir, read_only=True) as st:
        return network_edges(st)


def kg_cli(*args: str) -> str:
    res = runner.invoke(app, list(args))
    assert res.exit_code == 0, res.output
    return res.output


class _Texts(HTMLParser):
    """Collects the text of given elements (e.g. SVG <text>) and the attributes of <body>."""

    def __init__(self, tag: str) -> None:
        super().__init__()
        self.tag, self.inside, self.texts, self.body = tag, 0, [], {}

    def handle_starttag(self, tag, attrs):
        if tag == self.tag:
            self.inside += 1
            self.texts.append("")
        if tag == "body":
            self.body = dict(attrs)

    def handle_endtag(self, tag):
        if tag == self.tag and self.inside:
            self.inside -= 1

    def handle_data(self, data):
        if self.inside:
            self.texts[-1] += data


def test_views_network_png_svg(store_dir, edges, tmp_path):
    import matplotlib.image as mpimg

    png, svg = tmp_path / "net.png", tmp_path / "net.svg"
    kg_cli("graph", "-o", str(png), "--store", str(store_dir))
    img = mpimg.imread(png)
    assert img.shape[0] > 400 and img.shape[1] > 400 and img.shape[2] in (3, 4)
    assert img[..., :3].std() > 0.02  # not a blank picture
    kg_cli("graph", "-o", str(svg), "--store", str(store_dir), "--type", "ACCUSE", "--type", "CRITICIZE")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = ET.tostring(root, encoding="unicode")
    accused = {e.source_label for e in edges if e.type in ("ACCUSE", "CRITICIZE")}
    assert "Hossein Dehghan" in accused
    assert "ACCUSE" in text and "CRITICIZE" in text and "CONSULT" not in text  # legend of the types shown


def test_views_network_graphml_gexf(store_dir, edges, tmp_path):
    import networkx as nx

    gml, gexf = tmp_path / "net.graphml", tmp_path / "net.gexf"
    kg_cli("graph", "-o", str(gml), "--store", str(store_dir))
    kg_cli("graph", "-o", str(gexf), "--store", str(store_dir))
    g = nx.read_graphml(gml)
    assert g.number_of_edges() == len(edges)
    assert g.number_of_nodes() == len({e.source for e in edges} | {e.target for e in edges})
    dehqan = "https://w3id.org/kg-news/id/actor/wd-Q14514593"  # Hossein Dehghan, linked
    us = "https://w3id.org/kg-news/id/actor/wd-Q30"
    assert g.nodes[dehqan]["label"] == "Hossein Dehghan" and g.nodes[us]["qid"] == "Q30"
    accuse = [d for u, v, d in g.edges(data=True) if u == dehqan and v == us and d["type"] == "ACCUSE"]
    assert accuse and accuse[0]["weight"] == next(e.weight for e in edges if (e.source, e.target, e.type) == (dehqan, us, "ACCUSE"))
    assert accuse[0]["color"] == "#c62828"
    h = nx.read_gexf(gexf)
    assert h.number_of_edges() == len(edges) and h.nodes[dehqan]["label"] == "Hossein Dehghan"


def test_views_network_html_is_self_contained(store_dir, edges, tmp_path):
    page = tmp_path / "net.html"
    kg_cli("graph", "-o", str(page), "--store", str(store_dir), "--since", "2019-01-01")
    text = page.read_text(encoding="utf-8")
    parser = _Texts("script")
    parser.feed(text)  # parses
    assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://cdn" not in text
    assert "<script src" not in text and "<link" not in text
    data = json.loads(next(t for t in parser.texts if t.strip().startswith("{")))
    assert data["nodes"] and data["edges"]
    assert "Hossein Dehghan" not in {n["label"] for n in data["nodes"]}  # the seed article is undated: --since drops it
    assert "Donald Trump" in {n["label"] for n in data["nodes"]}


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_views_network_html_in_headless_chromium(store_dir, edges, tmp_path, in_ci):
    browser = _chromium()
    if browser is None:
        if in_ci:
            pytest.fail("CI=true but chromium is not installed (apt-get install -y chromium)")
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium); the page is not rendered")
    page = tmp_path / "net.html"
    kg_cli("graph", "-o", str(page), "--store", str(store_dir))
    profile = tmp_path / "chromium-profile"
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
           f"--user-data-dir={profile}", "--virtual-time-budget=3000", "--dump-dom", page.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = _Texts("text")
    dom.feed(proc.stdout)
    labels = {e.source_label for e in edges} | {e.target_label for e in edges}
    assert dom.body.get("data-kg-ready") == str(len({e.source for e in edges} | {e.target for e in edges}))
    shown = set(dom.texts)
    assert {"Hossein Dehghan", "Donald Trump", "United States"} <= shown
    assert labels <= shown  # every actor is drawn with its name


def test_views_timeline_png_svg_html(store_dir, tmp_path):
    import matplotlib.image as mpimg

    png, svg, page = tmp_path / "t.png", tmp_path / "t.svg", tmp_path / "t.html"
    kg_cli("timeline", "Trump", "-o", str(png), "--store", str(store_dir))
    assert mpimg.imread(png).shape[1] > 400
    kg_cli("timeline", "trump", "-o", str(svg), "--store", str(store_dir), "--since", "2020-01-01")
    svg_text = ET.tostring(ET.parse(svg).getroot(), encoding="unicode")
    assert "Donald Trump" in svg_text
    kg_cli("timeline", "Donald Trump", "-o", str(page), "--store", str(store_dir))
    cells = _Texts("td")
    cells.feed(page.read_text(encoding="utf-8"))
    assert "Donald Trump" in cells.texts and "2019-10-10" in cells.texts
    assert any(c.startswith("U.S. judge orders release") for c in cells.texts)


def test_views_timeline_says_how_many_statements_are_undated(store_dir, tmp_path):
    """The bundled seed article has no date, so its actor's timeline charts nothing: the command says so
    (how many rows were left out, and why) instead of only '0 dated statements'; a dated actor has no note."""
    res = runner.invoke(app, ["timeline", "Dehghan", "-o", str(tmp_path / "d.png"), "--store", str(store_dir)])
    flat = " ".join(res.output.split())
    assert res.exit_code == 0 and "0 dated statements" in flat, res.output
    assert re.search(r"; \d+ statement rows not charted: their articles have no date", flat), flat
    res = runner.invoke(app, ["timeline", "Trump", "-o", str(tmp_path / "t.png"), "--store", str(store_dir)])
    assert res.exit_code == 0 and "not charted" not in " ".join(res.output.split()), res.output


def test_views_timeline_unknown_actor_fails(store_dir, tmp_path):
    res = runner.invoke(app, ["timeline", "Zzyzx Qwerty", "-o", str(tmp_path / "t.png"), "--store", str(store_dir)])
    flat = " ".join(res.output.split())
    assert res.exit_code == 1 and "E028" in flat and "'Zzyzx Qwerty'" in flat and not (tmp_path / "t.png").exists()


def test_views_graph_bad_suffix_is_usage_error(store_dir, tmp_path):
    res = runner.invoke(app, ["graph", "-o", str(tmp_path / "net.jpg"), "--store", str(store_dir)])
    flat = " ".join(res.output.split())
    assert res.exit_code == 2 and "E026: --output 'net.jpg' is not a known network file format" in flat and ".gexf" in flat


def test_views_stats_json_and_table(store_dir):
    data = json.loads(kg_cli("stats", "--format", "json", "--store", str(store_dir)))
    assert data["articles"] == 21
    assert (data["first_date"], data["last_date"]) == ("2019-01-28", "2020-11-26")
    assert data["statements"] == sum(r["statements"] for r in data["by_type"])
    assert data["made"] == sum(r["made"] for r in data["by_type"])
    assert 0 < data["linked_actors"] < data["actors"]
    assert data["linked_share"] == round(data["linked_actors"] / data["actors"], 4)
    assert {r["kind"] for r in data["by_kind"]} <= {"Person", "Organization", "Country", "Group"}
    table = kg_cli("stats", "--store", str(store_dir))
    assert "Statements by type" in table and "Actors by kind" in table and "2019-01-28" in table


@pytest.mark.parametrize("command", [["graph"], ["timeline", "Trump"]])
@pytest.mark.parametrize("name", ["net.png", "net.html"])
def test_views_unwritable_output_is_e015_and_leaves_nothing(store_dir, tmp_path, command, name):
    """An output that cannot be written -- its folder is a file, or the name is taken by a folder (found only
    at the final rename, after the picture was drawn) -- is one E015 line naming it, exit 1, no traceback,
    and no temporary file left beside it."""
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / name).mkdir()
    for out in (tmp_path / "afile" / name, tmp_path / name):
        res = runner.invoke(app, [*command, "-o", str(out), "--store", str(store_dir)])
        flat = " ".join(res.output.split())
        assert res.exit_code == 1 and "E015" in flat and str(out) in flat, res.output
        assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", name]
    assert list((tmp_path / name).iterdir()) == []
