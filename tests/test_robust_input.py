"""Hostile article input: every kind is processed or skipped with a clear
reason, in ONE batch with the seed article, whose statements still load
whole.  Real spaCy model, real linker, real pyoxigraph store on disk."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import os
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import Skipped, read_articles
from kg.model import Article
from kg.run.guard import MAX_CHARS
from kg.run.jobs import run_into_store
from kg.rdf.build import article_graph_iri
from kg.store.oxigraph import OxigraphStore
from tests._robust_fixtures import SEED, graph_quads, one_line, pipe  # noqa: F401  (fixture)

SENTENCE = "Germany condemned Russia on Monday."
KG = "https://w3id.org/kg-news/ontology#"
KGT = "https://w3id.org/kg-news/statement-type/"

#: name -> (bytes, expected): "ok" = processed into a graph; "E0xx" = skipped with that code.
#: ``criticize`` marks inputs whose text still says SENTENCE: kg must find Germany CRITICIZE Russia in it.
HOSTILE_TEXT: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "E002"),
    "blank.txt": (b" \n\t\r\n  \n", "E002"),
    "only-zero-width.txt": (("\u200b\u2060\ufeff" * 40).encode(), "E002"),
    "one-megabyte.txt": (((SENTENCE + " ") * (1_048_576 // (len(SENTENCE) + 1) + 1)).encode()[:1_048_576], "E032"),
    "random-binary.txt": (random.Random(7).randbytes(4096), "E006"),
    "png-image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "E006"),
    "control-chars.txt": (bytes(range(1, 9)) * 200 + SENTENCE.encode(), "E006"),
    "latin-1.txt": ("Le ministre a critiqu\u00e9 la France \u00e0 Z\u00fcrich.".encode("latin-1"), "E005"),
    "cp1252-quotes.txt": (b"Germany \x93condemned\x94 Russia \x96 on Monday.", "E005"),
    "truncated-utf8.txt": (SENTENCE.encode() + "\u00e9".encode()[:1], "E005"),
    "utf16-le-bom.txt": (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "criticize"),
    "utf16-be-bom.txt": (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "criticize"),
    "utf32-bom.txt": (SENTENCE.encode("utf-32"), "criticize"),
    "utf8-bom.txt": (codecs.BOM_UTF8 + SENTENCE.encode(), "criticize"),
    "utf16-bad-surrogate.txt": (codecs.BOM_UTF16_LE + "Germany ".encode("utf-16-le") + b"\x00\xd8" + b"A\x00", "E005"),
    "mixed-line-endings.txt": (b"Headline\r\n\r\nFrance praised Italy.\rSpain criticized Portugal.\n"
                               + SENTENCE.encode() + b"\r\n", "criticize"),
    "zero-width-and-controls.txt": (("Ger\u200bmany\x07 condemned\u2060 Rus\u00adsia\x1b on Monday.\u200d\u200c "
                                    + SENTENCE + "\x0b\x0c\x85\u2028\u2029").encode(), "criticize"),
    "right-to-left.txt": (("\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 \u05e9\u05dc\u05d5\u05dd.\n\n"
                          + SENTENCE + "\n\n\u202e\u05e2\u05d1\u05e8\u05d9\u05ea \u200fabc\u202c \u0661\u0662.").encode(),
                          "criticize"),
    "emoji.txt": (("\U0001f1e9\U0001f1ea " + SENTENCE + " \U0001f44d\U0001f3fd\u200d\U0001f525 "
                  "\U0001f600" * 50).encode(), "criticize"),
    "mojibake.txt": (("Germany\u00e2\u20ac\u2122s minister condemned Russia\u00e2\u20ac\u201d "
                     "Ã© Ã¼ \ufffd\ufffd. " + SENTENCE).encode(), "criticize"),
    "html-as-text.txt": (b"<!DOCTYPE html><html><head><title>x</title><script>var s = '<p>' + \"\\\"\";</script>"
                         b"<style>p{}</style></head><body><p>" + SENTENCE.encode()
                         + b" &amp; &lt;b&gt; &#x1F600;</p><!-- -->]]></body></html>", "criticize"),
    "quotes-and-backslashes.txt": (b'"Germany" condemned \\Russia\\ on Monday. \'He said "}> ; DROP ALL ; #\'.\n'
                                   + SENTENCE.encode(), "criticize"),
    "very-long-line.txt": ((("word " * 4000) + ". " + SENTENCE).encode(), "criticize"),
    "only-punctuation.txt": (b"... --- !!! ??? ;;; " * 50, "ok"),
}

#: JSON Lines with broken lines, missing and wrong-typed fields, duplicate ids and keys.
JSONL_LINES: list[tuple[str, str]] = [
    (json.dumps({"id": "good-1", "title": "T", "date": "2016-10-11", "text": SENTENCE}), "ok"),
    ("{not json", "E003"),
    ('{"id": "trailing", "text": "x"} garbage', "E003"),
    (json.dumps({"id": "no-text"}), "E004"),
    (json.dumps({"id": "null-text", "text": None}), "E004"),
    (json.dumps({"id": "int-text", "text": 42}), "E004"),
    (json.dumps({"id": "list-text", "text": ["a", "b"]}), "E004"),
    (json.dumps({"id": "empty-text", "text": ""}), "E004"),
    (json.dumps({"id": "ws-text", "text": " \u200b\n "}), "E002"),
    (json.dumps(["not", "an", "object"]), "E004"),
    (json.dumps("a string"), "E004"),
    ("null", "E004"),
    ("[" * 100_000 + "]" * 100_000, "E003|E004"),  # nested too deeply for json, or a list
    (json.dumps({"id": True, "title": 7, "date": "yesterday", "url": ["x"], "source": {"a": 1},
                 "text": "France praised Italy."}), "ok"),
    (json.dumps({"id": 12.5, "date": "2016-02-30", "text": "Spain criticized Portugal."}), "ok"),
    (json.dumps({"id": "dup", "text": "Spain criticized Portugal on Friday."}), "ok"),
    (json.dumps({"id": "dup", "text": "Spain criticized Portugal on Friday."}), "E009"),  # same id, same text
    (json.dumps({"id": "dup", "text": "Norway praised Sweden."}), "ok"),  # same id, other text: renamed
    (json.dumps({"id": "Good 1", "text": "Norway praised Denmark."}), "ok"),  # same graph key as good-1: renamed
    (json.dumps({"id": "surr\ud800ogate", "title": "t\udfff", "url": "https://e.org/\ud800 x",
                 "text": "Germany condemned Russia on Monday. \ud800 \udc00x"}), "criticize"),
    ('{"id": "crlf", "text": "Chile praised Peru."}\r', "ok"),
    ('{"id": "no-newline-at-end", "text": "Peru praised Chile."}', "ok"),
]


def _write_batch(folder: Path) -> tuple[list[Path], dict[str, str]]:
    folder.mkdir()
    paths, expected = [], {}
    for name, (data, want) in HOSTILE_TEXT.items():
        p = folder / name
        p.write_bytes(data)
        paths.append(p)
        expected[str(p)] = want
    jl = folder / "malformed.jsonl"
    jl.write_bytes("\n".join(line for line, _ in JSONL_LINES).encode("utf-8", "surrogatepass"))
    paths.append(jl)
    for i, (_, want) in enumerate(JSONL_LINES, start=1):
        expected[f"{jl}:{i}"] = want
    missing = folder / "does-not-exist.txt"
    paths.append(missing)
    expected[str(missing)] = "E007"
    return paths, expected


def _types(store, graph: str) -> set[tuple[str, str, str]]:
    """(statement type, actor name, target name) in one graph."""
    res = store.query(
        f"SELECT ?t ?an ?tn WHERE {{ GRAPH <{graph}> {{ ?s <{KG}statementType> ?t ; <{KG}actor> ?a ; <{KG}target> ?x . "
        f"?a <{KG}name> ?an . ?x <{KG}name> ?tn }} }}")
    return {(r[0].value.rsplit("/", 1)[1], r[1].value, r[2].value) for r in res.rows}


def test_robust_input_hostile_batch_with_seed(pipe, tmp_path):  # noqa: F811
    paths, expected = _write_batch(tmp_path / "in")
    t0 = time.monotonic()
    with OxigraphStore(tmp_path / "store") as store:
        summary = run_into_store([*paths, SEED], store, pipe)
        elapsed = time.monotonic() - t0
        graphs = set(store.graphs())
        # the seed article is loaded whole: the same graph as a run on it alone
        with OxigraphStore(None) as ref:
            run_into_store([SEED], ref, pipe)
            (seed_graph,) = ref.graphs()
            assert graph_quads(store, seed_graph) == graph_quads(ref, seed_graph)
        seed_types = _types(store, seed_graph)
        assert ("ACCUSE", "Hossein Dehghan", "Saudi Arabia") in seed_types  # linked: the KB spelling
        assert ("PRAISE", "Hossein Dehghan", "Turkey") in seed_types

        skipped = {s.origin: s for s in summary.skipped}
        processed = [origin for origin, want in expected.items() if want in ("ok", "criticize")]
        assert summary.failed == []
        assert summary.articles == len(processed) + 1 == summary.graphs == len(graphs)
        for origin, want in expected.items():
            if want in ("ok", "criticize"):
                assert origin not in skipped, skipped.get(origin)
                continue
            assert origin in skipped, f"{origin} should be skipped with {want}"
            s = skipped[origin]
            assert s.code in want.split("|"), (origin, s.reason)
            assert s.reason.startswith(s.code + ":") and one_line(s.reason)
            name = origin.rsplit("/", 1)[-1]
            assert name in s.reason, s.reason  # names the file (and line)
        assert len(skipped) == len(expected) - len(processed)

        # inputs that still say SENTENCE give Germany CRITICIZE Russia; offsets refer to the normalized text
        by_origin = {a.origin: a for a in read_articles([*paths]) if isinstance(a, Article)}
        for origin, want in expected.items():
            if want != "criticize":
                continue
            art = by_origin[origin]
            g = str(article_graph_iri(art))
            assert g in graphs, origin
            found = _types(store, g)
            assert any(t == "CRITICIZE" and "Germany" in a and "Russia" in x for t, a, x in found), (origin, found)
            spans = store.query(
                f"SELECT ?b ?e ?t WHERE {{ GRAPH <{g}> {{ ?m <{KG}startOffset> ?b ; <{KG}endOffset> ?e ; <{KG}text> ?t }} }}")
            assert spans.rows, origin
            for b, e, t in spans.rows:
                assert art.text[int(b.value):int(e.value)] == t.value, origin
    assert elapsed < 120, f"the hostile batch took {elapsed:.0f} s"


def test_robust_input_one_megabyte_is_skipped_fast_with_reason(tmp_path):
    """A 1 MB article (> MAX_CHARS characters) is skipped before spaCy sees it."""
    from kg.run.guard import size_checked

    big = tmp_path / "big.txt"
    big.write_bytes(HOSTILE_TEXT["one-megabyte.txt"][0])
    t0 = time.monotonic()
    (item,) = list(size_checked(read_articles([big])))
    assert time.monotonic() - t0 < 5
    assert isinstance(item, Skipped) and item.code == "E032"
    assert f"{1_048_576:,}" in item.reason and f"{MAX_CHARS:,}" in item.reason and "big.txt" in item.reason


def test_robust_input_key_collision_keeps_both_articles(pipe, tmp_path, caplog):  # noqa: F811
    """Ids that differ but slug to the same graph name must not overwrite each other."""
    jl = tmp_path / "c.jsonl"
    recs = [{"id": "Foo Bar", "text": "Germany condemned Russia."}, {"id": "foo-bar", "text": "France praised Italy."},
            {"id": "FOO_BAR", "text": "Spain criticized Portugal."}]
    jl.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg.ingest"), OxigraphStore(tmp_path / "st") as store:
        summary = run_into_store([jl], store, pipe)
        assert summary.graphs == 3 and len(store.graphs()) == 3
        ids = {r[0].value for r in store.query(
            "SELECT ?id WHERE { GRAPH ?g { ?a <http://purl.org/dc/terms/identifier> ?id } }").rows}
    sha = [hashlib.sha256(r["text"].encode()).hexdigest()[:8] for r in recs]
    assert ids == {"Foo Bar", f"foo-bar~{sha[1]}", f"FOO_BAR~{sha[2]}"}
    assert sum("E009" in r.getMessage() and "renamed" in r.getMessage() for r in caplog.records) == 2


# --------------------------------------------------------------------------- fuzzing the readers

DOCUMENTED = {"E001", "E002", "E003", "E004", "E005", "E006", "E007", "E009", "E016"}


def _check_items(items: list) -> None:
    for it in items:
        if isinstance(it, Skipped):
            assert it.code in DOCUMENTED, it
            assert it.reason.startswith(it.code + ":") and "\n" not in it.reason
            continue
        assert isinstance(it, Article)
        assert it.text.strip() and it.id
        it.text.encode("utf-8")  # no lone surrogates: spaCy, JSON and RDF writers need real UTF-8
        it.id.encode("utf-8")
        for field in (it.title, it.url, it.publisher, it.date):
            if field is not None:
                field.encode("utf-8")
        assert "\r" not in it.text and "\x00" not in it.text


#: any character, lone surrogates and controls included (hypothesis leaves surrogates out by default)
_char = st.characters(exclude_categories=()) | st.sampled_from(["\ud800", "\udfff", "\x00", "\r", "\u2028", "\ufeff", "\u200b"])
_odd_text = st.text(alphabet=_char, max_size=40)
_fuzz = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                            HealthCheck.too_slow])
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | _odd_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=8,
)
_records = st.fixed_dictionaries({}, optional={k: _json_values | st.text() for k in
                                               ("id", "title", "date", "source", "publisher", "url", "text")})
_ids = st.sampled_from(["a", "A", "a-", "A B", "a b", "a~1", "", " "]) | _odd_text


@_fuzz
@given(data=st.binary(max_size=3000), kind=st.sampled_from([".txt", ".jsonl", ".jsonl.gz", ".json", ".ndjson"]))
def test_robust_input_fuzz_random_bytes_in_files(tmp_path, data, kind):
    path = tmp_path / f"fuzz{kind}"
    path.write_bytes(gzip.compress(data) if kind.endswith(".gz") else data)
    _check_items(list(read_articles([path])))
    if kind.endswith(".gz"):  # and a gzip stream cut anywhere
        path.write_bytes(gzip.compress(data)[: max(1, len(data) // 2)])
        _check_items(list(read_articles([path])))


@_fuzz
@given(data=st.binary(max_size=3000), prefix=st.sampled_from([b"", b"{", b"\xef\xbb\xbf{", b"\xff\xfe", b"\n\n{"]))
def test_robust_input_fuzz_random_bytes_on_stdin(data, prefix):
    _check_items(list(read_articles(["-"], stdin=io.BytesIO(prefix + data))))


@_fuzz
@given(text=st.text(alphabet=_char, max_size=500))
def test_robust_input_fuzz_random_text_on_stdin(text):
    _check_items(list(read_articles(["-"], stdin=io.StringIO(text))))


@_fuzz
@given(records=st.lists(_records | _json_values | st.builds(lambda i, t: {"id": i, "text": t}, _ids, _odd_text),
                        max_size=6),
       newline=st.sampled_from(["\n", "\r\n"]))
def test_robust_input_fuzz_jsonl_records(tmp_path, records, newline):
    path = tmp_path / "recs.jsonl"
    lines = [json.dumps(r, ensure_ascii=bool(i % 2)) for i, r in enumerate(records)]
    path.write_bytes(newline.join(lines).encode("utf-8", "surrogatepass"))
    items = list(read_articles([path, path]))  # twice: every record of the second pass is a duplicate
    _check_items(items)
    arts = [a for a in items if isinstance(a, Article)]
    assert len({a.id for a in arts}) == len(arts)  # ids unique in a run
    assert len({a.key for a in arts}) == len(arts)  # and so are graph names


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
def test_robust_input_unreadable_kinds_are_e001(tmp_path):
    """A folder given as a .txt name and a gzip that is not gzip: E001, the batch goes on."""
    d = tmp_path / "folder.txt"
    d.mkdir()
    (d / "inner.txt").write_text(SENTENCE, encoding="utf-8")
    notgz = tmp_path / "x.jsonl.gz"
    notgz.write_bytes(b"\x1f\x8b\x08\x00garbage")
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    items = list(read_articles([d, notgz, good]))
    _check_items(items)
    assert [i.id if isinstance(i, Article) else i.code for i in items] == ["inner", "E001", "good"]


def test_robust_input_ids_differing_in_case_with_one_text_keep_graph_names_unique(tmp_path):
    """Ids "B" and "b" are one graph name; renamed by the digest of one text they would be one again
    (found by the fuzz test above): the second such record is a duplicate, skipped with E009."""
    path = tmp_path / "recs.jsonl"
    recs = [{"id": "B", "text": "first text"}, {"id": "b", "text": "other text"}, {"id": "B", "text": "other text"}]
    path.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    items = list(read_articles([path]))
    arts = [a for a in items if isinstance(a, Article)]
    assert len({a.key for a in arts}) == len(arts) == 2
    assert [i.code for i in items if not isinstance(i, Article)] == ["E009"]
