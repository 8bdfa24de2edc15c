"""benchmarks.bench runs end to end (a smoke test; no timing assertions)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests._scale_fixtures import ROOT
from tests.conftest import shared_path


@pytest.mark.slow
@pytest.mark.shared
def test_scale_bench_quick_run_prints_every_measure():
    corpus = shared_path("data", "news", "allsides_politics.jsonl")
    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench", "--articles", "5", "--quick", "--jobs", "2",
                           "--input", str(corpus)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for needle in ["bare spaCy", "kg / bare spaCy", "speed-up of kg --jobs 2", "load speed / bulk_load speed",
                   "peak RSS 10 / 5 articles"]:
        assert needle in proc.stdout, proc.stdout
