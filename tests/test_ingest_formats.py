"""kg.ingest: formats (txt, JSONL, gzip, JSON, folders, stdin), titles, normalization."""

from __future__ import annotations

import codecs
import gzip
import io
import json
from pathlib import Path

import pytest

from kg.ingest import Skipped, guess_title, hash_id, normalize_text, read_articles
from kg.model import Article

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "kg" / "data" / "articles"


def articles(items) -> list[Article]:
    out = list(items)
    assert all(isinstance(a, Article) for a in out), [a for a in out if isinstance(a, Skipped)]
    return out


def test_ingest_bundled_seed_article_reads_verbatim():
    path = BUNDLED / "seed_article.txt"
    (art,) = articles(read_articles([path]))
    assert art.id == "seed_article"
    assert art.title == "US Wants to Keep ISIS in Middle East: Iran"
    assert art.text == path.read_text(encoding="utf-8")  # clean UTF-8 reads back unchanged (NBSP kept)
    assert art.origin == str(path)
    i = art.text.index("Hossein Dehqan")
    assert art.text[i : i + 14] == "Hossein Dehqan"


def test_ingest_bundled_wikinews_sample_fields():
    path = BUNDLED / "wikinews_politics_sample.jsonl"
    arts = articles(read_articles([path]))
    assert len(arts) == 20
    assert len({a.id for a in arts}) == 20
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    a = arts[0]
    assert (a.id, a.title, a.date, a.publisher, a.url) == (first["id"], first["title"], first["date"], "Wikinews", first["url"])
    assert a.text == first["text"] and a.origin == f"{path}:1"
    assert all(x.id.startswith("wikinews-") and x.url.startswith("https://en.wikinews.org/wiki/") for x in arts)


def test_ingest_folder_recursive_sorted_hidden_ignored(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("Gondor praised Arnor.\n", encoding="utf-8")
    (tmp_path / "b" / "c.jsonl").write_text(json.dumps({"id": "c1", "text": "Rohan warned Harad."}) + "\n", encoding="utf-8")
    with gzip.open(tmp_path / "b" / "d.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "d1", "text": "Arnor denied it."}) + "\n")
    (tmp_path / "b" / "e.json").write_text(json.dumps([{"id": "e1", "text": "One."}, {"id": "e2", "text": "Two."}]), encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("hidden too", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article suffix", encoding="utf-8")
    arts = articles(read_articles([tmp_path]))
    assert [a.id for a in arts] == ["a", "c1", "d1", "e1", "e2"]
    assert arts[2].origin == f"{tmp_path / 'b' / 'd.jsonl.gz'}:1"
    assert arts[3].origin.endswith("e.json[0]")


def test_ingest_jsonl_gzip_streams_many_lines(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": f"n{i}", "text": f"Article number {i} says something." * 5}) + "\n")
    it = read_articles([path])
    assert next(it).id == "n0"
    rest = list(it)
    assert len(rest) == 2999 and rest[-1].origin == f"{path}:3000"


def test_ingest_stdin_is_read_lazily():
    class Lines(io.StringIO):
        """A text stream that fails if read past its second line."""

        def __iter__(self):
            yield json.dumps({"id": "s1", "text": "First."}) + "\n"
            yield json.dumps({"id": "s2", "text": "Second."}) + "\n"
            raise AssertionError("read too far")

    it = read_articles(["-"], stdin=Lines())
    assert next(it).id == "s1"
    assert next(it).id == "s2"


def test_ingest_stdin_autodetects_jsonl_and_plain_text():
    js = articles(read_articles(["-"], stdin=io.StringIO('\n  {"id": "x", "text": "Gondor urged Rohan to act."}\n{"text": "No id here."}\n')))
    assert [a.id for a in js] == ["x", hash_id("No id here.")]
    assert js[0].origin == "<stdin>:2" and js[1].origin == "<stdin>:3"
    (plain,) = articles(read_articles(["-"], stdin=io.StringIO("Rohan Slams Gondor\n\nThe king of Rohan criticized Gondor.\n")))
    assert plain.id == hash_id(plain.text) and plain.id.startswith("sha256:") and len(plain.id) == 7 + 16
    assert plain.title == "Rohan Slams Gondor"


def test_ingest_stdin_binary_stream_with_utf16_bom():
    data = codecs.BOM_UTF16_LE + '{"id": "u", "text": "Caf\u00e9 diplomacy."}\n'.encode("utf-16-le")
    (a,) = articles(read_articles(["-"], stdin=io.BytesIO(data)))
    assert (a.id, a.text) == ("u", "Caf\u00e9 diplomacy.")
    (b,) = articles(read_articles(["-"], stdin=io.BytesIO("Plain text from a pipe.".encode())))
    assert b.text == "Plain text from a pipe." and b.title is None


@pytest.mark.parametrize(
    ("raw", "encoded"),
    [
        ("Caf\u00e9 talks ended.", codecs.BOM_UTF8 + "Caf\u00e9 talks ended.".encode("utf-8")),
        ("Caf\u00e9 talks ended.", "Caf\u00e9 talks ended.".encode("utf-16")),  # with BOM
        ("Caf\u00e9 talks ended.", codecs.BOM_UTF16_BE + "Caf\u00e9 talks ended.".encode("utf-16-be")),
    ],
)
def test_ingest_txt_with_bom_is_decoded(tmp_path, raw, encoded):
    path = tmp_path / "bom.txt"
    path.write_bytes(encoded)
    (a,) = articles(read_articles([path]))
    assert a.text == raw


def test_ingest_normalization_and_offsets(tmp_path):
    raw = "Line one\r\nLine\x00 two\rthree\u200b four\u00a0five\x0cend\x07."
    assert normalize_text(raw) == "Line one\nLine two\nthree four\u00a0five\nend."
    path = tmp_path / "n.jsonl"
    path.write_text(json.dumps({"id": "n", "text": raw}) + "\n", encoding="utf-8")
    (a,) = articles(read_articles([path]))
    assert a.text == normalize_text(raw)
    i = a.text.index("three")
    assert a.text[i : i + 10] == "three four"  # offsets refer to the normalized text
    assert normalize_text("\u200cjoiner\u200d") == "\u200cjoiner\u200d"  # ZWNJ / ZWJ kept


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Iran Slams US: Minister\n\nThe minister said ...", "Iran Slams US: Minister"),
        ("|  |\n\n\nHeadline After Junk\n\nBody text.", "Headline After Junk"),
        ("The minister said the talks failed.\n\nMore.", None),  # ends with a period
        ("Headline without body\n", None),  # nothing follows
        ("Headline glued to\nthe next line.\n\nBody.", None),  # not a paragraph of its own
        ("  Spaced   Headline  \n\nBody.", "Spaced Headline"),
        (" ".join(["word"] * 31) + "\n\nBody.", None),  # too many words
    ],
)
def test_ingest_title_rule(text, title):
    assert guess_title(text) == title


def test_ingest_json_object_and_jsonl_in_json(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "o", "title": " Big  Title ", "text": "Text."}), encoding="utf-8")
    lines = tmp_path / "lines.json"
    lines.write_text(json.dumps({"id": "l1", "text": "A."}) + "\n" + json.dumps({"id": "l2", "text": "B."}) + "\n", encoding="utf-8")
    arts = articles(read_articles([one, lines]))
    assert [(a.id, a.title) for a in arts] == [("o", "Big Title"), ("l1", None), ("l2", None)]
    assert arts[2].origin == f"{lines}:2"


def test_ingest_jsonl_fields_and_id_rules(tmp_path, caplog):
    path = tmp_path / "f.jsonl"
    recs = [
        {"id": 7, "text": "Int id.", "date": "2020-01-02T10:00:00Z", "publisher": "Daily Planet"},
        {"id": "", "text": "Empty id."},
        {"id": ["x"], "text": "List id.", "title": 5, "date": "yesterday", "url": 3, "source": "Wire"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg.ingest"):
        arts = articles(read_articles([path]))
    assert (arts[0].id, arts[0].date, arts[0].publisher) == ("7", "2020-01-02", "Daily Planet")
    assert arts[1].id == hash_id("Empty id.")
    assert (arts[2].id, arts[2].title, arts[2].date, arts[2].url, arts[2].publisher) == (hash_id("List id."), None, None, None, "Wire")
    warnings = [r.getMessage() for r in caplog.records]
    assert any("E008" in w and f"{path}:3" in w and "'title'" in w for w in warnings)
    assert any("E008" in w and "'date'" in w and "yesterday" in w for w in warnings)
    assert any("'id'" in w for w in warnings)


def test_ingest_jsonl_published_is_the_date_when_date_is_absent(tmp_path, caplog):
    """Records named like VOA's (``published`` "2025-03-14 20:28:39Z", no ``date``) keep their date;
    ``date`` wins when both are there; a bad ``published`` is named in the E008 warning."""
    path = tmp_path / "voa.jsonl"
    recs = [
        {"id": "p1", "text": "Published only.", "published": "2025-03-14 20:28:39Z"},
        {"id": "p2", "text": "Both fields.", "date": "2024-01-02", "published": "2025-03-14"},
        {"id": "p3", "text": "Bad published.", "published": "last week"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg.ingest"):
        arts = articles(read_articles([path]))
    assert [a.date for a in arts] == ["2025-03-14", "2024-01-02", None]
    warnings = [r.getMessage() for r in caplog.records]
    assert any("E008" in w and f"{path}:3" in w and "'published'" in w and "last week" in w for w in warnings)
