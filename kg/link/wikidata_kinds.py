"""The one Wikidata class -> KB kind map of kg (``kg/link/data/wikidata_kinds.tsv``).

Both ways kg reads Wikidata use it:

* :mod:`kg.link.online` sends the classes as the *tops* that an item's ``P31``
  class reaches through ``wdt:P279*`` (so "company" reaches "organization");
* :mod:`kg.link.update` looks up an item's direct ``P31`` classes.

Each line of the TSV names the class's English Wikidata label (the source:
``https://www.wikidata.org/wiki/<qid>``) and why it is there.  When an item
reaches several kinds, :func:`kind_of_kinds` picks the first in
:data:`KIND_ORDER` (a human who founded a newspaper is a person).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

__all__ = ["KIND_ORDER", "WikidataClass", "CLASSES", "CLASS_KIND", "kind_of_kinds", "kind_of_classes", "load_classes"]

#: KB kinds in priority order (the first one an item reaches wins).
KIND_ORDER: tuple[str, ...] = ("person", "country", "region", "city", "armed_group", "media", "organization")


@dataclass(frozen=True, slots=True)
class WikidataClass:
    """One line of the map: ``qid`` (``"Q5"``), ``kind`` (a :data:`KIND_ORDER` kind), ``label``
    (English Wikidata label), ``note`` (why it is mapped, ``""`` if none)."""

    qid: str
    kind: str
    label: str
    note: str = ""


def load_classes(text: str | None = None) -> tuple[WikidataClass, ...]:
    """The classes of the TSV (``text``, default the packaged ``wikidata_kinds.tsv``), in file order.

    :raises ValueError: for a line without 4 fields, a QID not of the form ``Q<digits>``,
        a kind not in :data:`KIND_ORDER`, or a QID given twice.
    """
    if text is None:
        text = resources.files("kg.link").joinpath("data/wikidata_kinds.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    out: list[WikidataClass] = []
    seen: set[str] = set()
    for n, row in enumerate(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
        if len(row) != 4:
            raise ValueError(f"wikidata_kinds.tsv row {n}: expected 4 tab-separated fields, got {len(row)}")
        qid, kind, label, note = (x.strip() for x in row)
        if not (qid[:1] == "Q" and qid[1:].isdigit()):
            raise ValueError(f"wikidata_kinds.tsv row {n}: {qid!r} is not a QID")
        if kind not in KIND_ORDER:
            raise ValueError(f"wikidata_kinds.tsv row {n}: unknown kind {kind!r} (one of {', '.join(KIND_ORDER)})")
        if qid in seen:
            raise ValueError(f"wikidata_kinds.tsv row {n}: {qid} given twice")
        seen.add(qid)
        out.append(WikidataClass(qid, kind, label, "" if note == "-" else note))
    return tuple(out)


#: Every mapped class, in file order.
CLASSES: tuple[WikidataClass, ...] = load_classes()

#: QID -> KB kind (``{"Q5": "person", "Q6256": "country", ...}``).
CLASS_KIND: dict[str, str] = {c.qid: c.kind for c in CLASSES}


def kind_of_kinds(kinds: Iterable[str]) -> str | None:
    """The first of ``kinds`` in :data:`KIND_ORDER`, or ``None`` when none is a KB kind."""
    have = set(kinds)
    return next((k for k in KIND_ORDER if k in have), None)


def kind_of_classes(classes: Iterable[str]) -> str | None:
    """The KB kind of an item from its class QIDs (``["Q5"]`` -> ``"person"``), by
    :data:`KIND_ORDER`; ``None`` when no class is mapped."""
    return kind_of_kinds(CLASS_KIND[c] for c in classes if c in CLASS_KIND)
