"""No evaluation sentence is copied into the project: no line of kg/, tests/, benchmarks/, queries/ or the
top-level docs shares a run of 8 words with a sentence of ../shared/eval (the gold files are read here only to
compare; the bundled seed article and Wikinews sample in kg/data/articles may be quoted, with attribution).
A rule is tested on sentences we write ourselves, never on the gold ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
RUN = 8


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _runs(words: list[str]) -> set[str]:
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_gold_text_in_the_project():
    if not EVAL.is_dir():
        pytest.skip(f"{EVAL} is absent: the gold files are needed to compare against")
    gold: set[str] = set()
    for f in EVAL.rglob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else {}
            for key in ("text", "sentence"):
                if isinstance(record.get(key), str):
                    gold |= _runs(_words(record[key]))
    for f in (ROOT / "kg" / "data" / "articles").iterdir():
        gold -= _runs(_words(f.read_text(encoding="utf-8", errors="ignore")))
    files = [p for pattern in ("kg/**/*.py", "kg/**/*.tsv", "tests/**/*.py", "benchmarks/**/*.py", "benchmarks/**/*.md",
                               "queries/**/*.rq", "*.md")
             for p in ROOT.glob(pattern) if ".venv" not in p.parts]
    found = []
    for f in sorted(set(files)):
        # every word with its line, so that a run over a line break is found too
        words = [(w, n) for n, line in enumerate(f.read_text(encoding="utf-8", errors="ignore").splitlines(), 1)
                 for w in _words(line)]
        for i in range(len(words) - RUN + 1):
            if " ".join(w for w, _ in words[i:i + RUN]) in gold:
                found.append(f"{f.relative_to(ROOT)}:{words[i][1]}")
    assert not found, "lines sharing 8 words with an evaluation sentence (write your own): " + ", ".join(found[:20])
