"""kg.ingest: bad input becomes Skipped items with one-line messages; the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from kg.ingest import Skipped, hash_id, read_articles
from kg.model import Article


def split(items) -> tuple[list[Article], list[Skipped]]:
    arts, skips = [], []
    for it in items:
        (skips if isinstance(it, Skipped) else arts).append(it)
    return arts, skips


def test_ingest_missing_path_e007_and_batch_continues(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Gondor praised Arnor.", encoding="utf-8")
    arts, skips = split(read_articles([tmp_path / "nope.txt", good]))
    assert [a.id for a in arts] == ["good"]
    (s,) = skips
    assert s.code == "E007" and "nope.txt" in s.reason and "\n" not in s.reason


def test_ingest_jsonl_bad_lines_name_file_and_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "Rohan warned Gondor."}),
        "{not json",
        json.dumps({"id": "notext"}),
        json.dumps({"id": "numtext", "text": 42}),
        json.dumps({"id": "blank", "text": " \n\t "}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "ok2", "text": "Harad denied it."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles([path]))
    got = [(i.id if isinstance(i, Article) else i.code, i.origin) for i in items]
    assert got == [
        ("ok1", f"{path}:1"),
        ("E003", f"{path}:2"),
        ("E004", f"{path}:3"),
        ("E004", f"{path}:4"),
        ("E002", f"{path}:5"),
        ("E004", f"{path}:6"),
        ("ok2", f"{path}:8"),
    ]
    assert all(f"{path}:" in i.reason for i in items if isinstance(i, Skipped))


def test_ingest_empty_txt_e002(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n\t", encoding="utf-8")
    _, (s,) = split(read_articles([path]))
    assert s.code == "E002" and "empty.txt" in s.reason


def test_ingest_non_utf8_e005(tmp_path):
    txt = tmp_path / "latin.txt"
    txt.write_bytes("Caf\u00e9 talks ended in Z\u00fcrich.".encode("latin-1"))
    jl = tmp_path / "latin.jsonl"
    jl.write_bytes(json.dumps({"id": "a", "text": "fine"}).encode() + b"\n" + '{"id": "b", "text": "Z\u00fcrich"}'.encode("latin-1") + b"\n")
    arts, skips = split(read_articles([txt, jl]))
    assert [s.code for s in skips] == ["E005", "E005"]
    assert "0xe9" in skips[0].reason and skips[1].origin == f"{jl}:2"
    assert [a.id for a in arts] == ["a"]


def test_ingest_binary_e006(tmp_path):
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    ctrl = tmp_path / "ctrl.jsonl"
    ctrl.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 100)
    nul_line = tmp_path / "nul.jsonl"
    nul_line.write_bytes(json.dumps({"id": "a", "text": "fine"}).encode() + b"\n" + b"x" * 9000 + b"\n" + b'{"id": "b", "te\x00xt": "x"}\n')
    arts, skips = split(read_articles([png, ctrl, nul_line]))
    assert [(s.code, s.origin) for s in skips] == [("E006", str(png)), ("E006", str(ctrl)), ("E003", f"{nul_line}:2"), ("E006", f"{nul_line}:3")]
    assert [a.id for a in arts] == ["a"]


def test_ingest_corrupt_gzip_e001(tmp_path):
    path = tmp_path / "broken.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps({"id": f"g{i}", "text": f"Text {i}."}) for i in range(2000)) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])  # truncated
    arts, skips = split(read_articles([path]))
    assert len(arts) > 0 and skips[-1].code == "E001" and "broken.jsonl.gz" in skips[-1].reason
    bad = tmp_path / "notgz.jsonl.gz"
    bad.write_bytes(b"plain text, not gzip")
    _, (s,) = split(read_articles([bad]))
    assert s.code == "E001"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read files without permission bits")
def test_ingest_unreadable_file_e001(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")
    path.chmod(0)
    try:
        _, (s,) = split(read_articles([path]))
        assert s.code == "E001"
    finally:
        path.chmod(0o600)


def test_ingest_bad_json_file_e003(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "id": "x",\n  "text": oops\n}', encoding="utf-8")
    _, (s,) = split(read_articles([path]))
    assert s.code == "E003" and s.origin == f"{path}:3"


def test_ingest_duplicate_ids(tmp_path, caplog):
    path = tmp_path / "dups.jsonl"
    recs = [
        {"id": "same", "text": "Gondor praised Arnor."},
        {"id": "same", "text": "Gondor praised Arnor."},  # exact copy -> skipped
        {"id": "same", "text": "Rohan criticized Gondor."},  # other text -> renamed
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    other = tmp_path / "same.txt"  # file stem collides too, with the first text
    other.write_text("Gondor praised Arnor.", encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg.ingest"):
        arts, skips = split(read_articles([path, other, path]))
    second = next(a for a in arts if a.text.startswith("Rohan"))
    assert [a.id for a in arts] == ["same", second.id]
    assert second.id == "same~" + __import__("hashlib").sha256(second.text.encode()).hexdigest()[:8]
    assert [s.code for s in skips] == ["E009"] * 5  # line 2, the .txt, and all three lines re-read
    assert any("renamed" in r.getMessage() and "E009" in r.getMessage() for r in caplog.records)
    assert "first read from" in skips[0].reason and f"{path}:1" in skips[0].reason


def test_ingest_stdin_empty_and_undecodable():
    _, (s,) = split(read_articles(["-"], stdin=io.StringIO("\n\n  \n")))
    assert s.code == "E002" and s.origin == "<stdin>"
    _, (t,) = split(read_articles(["-"], stdin=io.BytesIO(b"\xe9t\xe9 plain but not utf-8")))
    assert t.code == "E005"


def test_ingest_hash_id_stable():
    assert hash_id("abc") == "sha256:ba7816bf8f01cfea"
    assert hash_id("abc") == hash_id("abc") != hash_id("abd")


def test_ingest_skipped_str_is_one_line(tmp_path):
    _, (s,) = split(read_articles([Path(tmp_path) / "x" / "y.jsonl"]))
    assert str(s) == s.reason and s.reason.startswith("E007:") and "\n" not in s.reason


def _complete_lines_before_cut(data: bytes) -> int:
    """How many whole lines a truncated gzip stream holds (zlib, independent of kg's reader)."""
    import zlib

    return zlib.decompressobj(wbits=31).decompress(data).count(b"\n")


@pytest.mark.parametrize("keep", [0.3, 0.5, 0.9])
def test_ingest_truncated_gzip_keeps_every_complete_line(tmp_path, keep):
    """A .jsonl.gz cut mid-stream: every whole line before the cut is an article, then one E001 skip
    naming the file and the line that was cut."""
    path = tmp_path / "cut.jsonl.gz"
    lines = [json.dumps({"id": f"c{i}", "text": f"Story {i}: " + os.urandom(150).hex()}) for i in range(600)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    cut = data[: int(len(data) * keep)]
    path.write_bytes(cut)
    whole = _complete_lines_before_cut(cut)
    assert 0 < whole < 600
    arts, skips = split(read_articles([path]))
    assert [a.id for a in arts] == [f"c{i}" for i in range(whole)]
    (skip,) = skips
    assert skip.code == "E001" and skip.origin == f"{path}:{whole + 1}" and f"line {whole + 1}" in skip.reason


def test_ingest_gzip_members_empty_and_not_gzip(tmp_path):
    two = tmp_path / "two.jsonl.gz"  # two gzip members, as `cat a.gz b.gz` makes
    two.write_bytes(gzip.compress(b'{"id": "m1", "text": "One."}\n') + gzip.compress(b'{"id": "m2", "text": "Two."}\n'))
    arts, skips = split(read_articles([two]))
    assert [a.id for a in arts] == ["m1", "m2"] and not skips
    empty = tmp_path / "empty.jsonl.gz"
    empty.write_bytes(b"")
    assert split(read_articles([empty])) == ([], [])
    plain = tmp_path / "plain.jsonl.gz"
    plain.write_bytes(b'{"id": "p", "text": "not compressed"}\n')
    arts, (skip,) = split(read_articles([plain]))
    assert arts == [] and skip.code == "E001" and skip.origin == f"{plain}:1" and "corrupt or truncated" in skip.reason


def test_ingest_jsonl_line_cut_inside_a_string_says_unterminated(tmp_path):
    """A JSONL line cut off inside a string (a truncated export) is reported as an unterminated string
    with the column where it starts, not as the line break being a control character; the next line is read."""
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "c1", "text": "The minister said\n{"id": "c2", "text": "Kept."}\r\n', encoding="utf-8")
    arts, (s,) = split(read_articles([path]))
    assert [a.id for a in arts] == ["c2"]
    assert s.code == "E003" and s.origin == f"{path}:1"
    assert "Unterminated string starting at column 22" in s.reason, s.reason


def test_ingest_folder_without_article_files_is_skipped_with_e016(tmp_path):
    """A folder argument that holds no article files (only other suffixes, or nothing) is not silently
    empty: one E016 skip naming the folder and a few of its other files; other arguments are still read."""
    notes = tmp_path / "notes"
    (notes / "sub").mkdir(parents=True)
    (notes / "a.md").write_text("The minister said so.", encoding="utf-8")
    (notes / "sub" / "b.html").write_text("<p>The minister said so.</p>", encoding="utf-8")
    (notes / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    good = tmp_path / "good.txt"
    good.write_text("Harad denied it.", encoding="utf-8")
    arts, skips = split(read_articles([notes, empty, good]))
    assert [a.id for a in arts] == ["good"]
    assert [(s.code, s.origin) for s in skips] == [("E016", str(notes)), ("E016", str(empty))]
    assert "2 other files (a.md, b.html)" in skips[0].reason and ".txt" in skips[0].reason, skips[0].reason
    assert "other file" not in skips[1].reason and ".hidden" not in skips[0].reason
