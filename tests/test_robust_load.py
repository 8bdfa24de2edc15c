"""RDF files with syntax errors, for every format kg reads (.nt .nq .ttl
.trig .jsonld, plain and gzip): `kg load` names the file, line and column,
loads nothing from that file, loads the other files, and leaves the graphs
already stored unchanged.  A UTF-8 byte-order mark is accepted."""

from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store.oxigraph import OxigraphStore

runner = CliRunner()
E = "https://example.org/"
KEEP = f'<{E}s> <{E}p> "kept" <{E}g/keep> .\n'

# format -> (good text of 2 triples/quads in graph g/new, broken text, (line, column) pyoxigraph reports)
CASES = {
    ".nt": (f'<{E}a> <{E}p> "1" .\n<{E}b> <{E}p> "2" .\n',
            f'<{E}a> <{E}p> "1" .\n<{E}b> <{E}p> "2 .\n', (2, 49)),
    ".nq": (f'<{E}a> <{E}p> "1" <{E}g/new> .\n<{E}b> <{E}p> "2" <{E}g/new> .\n',
            f'<{E}a> <{E}p> "1" <{E}g/new> .\n<{E}b> <{E}p> <{E}c> <{E}g/new .\n', (2, 73)),
    ".ttl": (f"@prefix e: <{E}> .\ne:a e:p 1 .\ne:b e:p 2 .\n",
             f"@prefix e: <{E}> .\ne:a e:p 1 .\ne:b e:p 2 ;\n  e:q }} .\n", (4, 7)),
    ".trig": (f"@prefix e: <{E}> .\ne:g\\/new {{ e:a e:p 1 . e:b e:p 2 }}\n",
              f"@prefix e: <{E}> .\ne:g\\/new {{ e:a e:p 1 . e:b e:p 2 \n", (3, 1)),
    ".jsonld": (json.dumps({"@id": f"{E}g/new", "@graph": [{"@id": f"{E}a", f"{E}p": "1"}, {"@id": f"{E}b", f"{E}p": "2"}]}),
                '{"@id": "' + E + 'g/new", "@graph": [\n  {"@id": "' + E + 'a", "' + E + 'p": "1"},\n  {"@id": "x" "y"}\n]}', (3, 15)),
}


def _write(path, text: str, gz: bool) -> None:
    data = text.encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("suffix", list(CASES))
def test_robust_load_syntax_error_names_file_line_column_loads_nothing(tmp_path, suffix, gz):
    good_text, bad_text, (line, column) = CASES[suffix]
    ext = suffix + (".gz" if gz else "")
    bad, good = tmp_path / f"broken{ext}", tmp_path / f"fine{ext}"
    _write(bad, bad_text, gz)
    _write(good, good_text, gz)
    store = tmp_path / "store"
    with OxigraphStore(store) as st:
        st.replace_graph(f"{E}g/keep", KEEP.replace(f" <{E}g/keep>", ""))
        before = st.count()
    res = runner.invoke(app, ["load", str(bad), str(good), "--store", str(store)])
    assert res.exit_code == 1, res.output
    (err,) = [x for x in res.output.splitlines() if "E012" in x]
    assert str(bad) in err and f"line {line}, column {column}" in err, err
    assert "Nothing from this file was loaded" in err and "Parser error" not in err
    with OxigraphStore(store, read_only=True) as st:
        assert st.count(f"{E}g/keep") == 1  # untouched
        assert st.count() == before + 2  # only the good file was added


@pytest.mark.parametrize("suffix", list(CASES))
def test_robust_load_utf8_bom_is_accepted(tmp_path, suffix):
    good_text, _, _ = CASES[suffix]
    path = tmp_path / f"bom{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + good_text.encode("utf-8"))
    with OxigraphStore(tmp_path / "store") as st:
        assert st.load_file(path) == 2
        assert st.count() == 2


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", b"\xff\xfe<\x00a\x00>\x00", "\ud800".encode("utf-8", "surrogatepass")])
def test_robust_load_empty_binary_and_undecodable_files(tmp_path, content):
    """An empty file loads nothing (no error); binary or non-UTF-8 bytes are E012 or load nothing."""
    path = tmp_path / "odd.nt"
    path.write_bytes(content)
    res = runner.invoke(app, ["load", str(path), "--store", str(tmp_path / "store")])
    assert "Traceback" not in res.output
    if content:
        assert res.exit_code == 1 and "E012" in res.output and str(path) in res.output, res.output
    else:
        assert res.exit_code == 0, res.output
    with OxigraphStore(tmp_path / "store", read_only=True) as st:
        assert st.count() == 0
