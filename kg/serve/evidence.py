"""Marking spans in a piece of article text, for the pages of ``kg serve``.

The store keeps every sentence and mention as a span of the article's text by character offsets
(``kg:startOffset`` / ``kg:endOffset``, Python ``str`` indices, i.e. Unicode code points:
``ontology/REFERENCE.md``, ``kg:TextSpan``).  :func:`mark` cuts a text into :class:`Segment` s,
each plain or marked with the roles of the spans over it (``speaker``, ``cue``, ``target``,
``mention``, ``sentence``); the templates write each segment's text through Jinja2's autoescaping,
so no text from an article ever reaches the page unescaped.  The cue is stored as text only
(``kg:cue``), so :func:`find_cue` looks it up in the sentence (whole words first).

Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Mark", "Segment", "mark", "find_cue"]


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to mark: ``text[start:end]`` (code points, relative to the text given to :func:`mark`)
    with a ``role`` (a CSS class: ``speaker``, ``cue``, ``target``, ``mention``, ``sentence``) and an
    optional ``anchor`` (an HTML id, e.g. ``s3`` for statement 3) and ``title`` (a tooltip)."""

    start: int
    end: int
    role: str
    anchor: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text and the roles over it (empty: plain text), the anchors that start there and
    the tooltips of its marks."""

    text: str
    roles: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        """The CSS classes of the segment (``"kg-speaker kg-cue"``)."""
        return " ".join(f"kg-{r}" for r in self.roles)


def mark(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """``text`` cut at every mark's start and end; marks outside the text are clipped or dropped,
    overlapping marks give segments with several roles.

    >>> [(s.text, s.roles) for s in mark("Iran accused the US", [Mark(0, 4, "speaker"), Mark(5, 12, "cue")])]
    [('Iran', ('speaker',)), (' ', ()), ('accused', ('cue',)), (' the US', ())]

    :returns: segments whose texts join to ``text``.
    """
    n = len(text)
    spans = [m for m in marks if m.end > m.start and m.start < n and m.end > 0]
    cuts = {0, n}
    for m in spans:
        cuts.add(max(0, m.start))
        cuts.add(min(n, m.end))
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(points, points[1:]):
        over = [m for m in spans if m.start <= a and m.end >= b]
        roles = tuple(sorted({m.role for m in over}))
        anchors = tuple(m.anchor for m in spans if m.anchor and max(0, m.start) == a)
        titles = tuple(dict.fromkeys(m.title for m in over if m.title))
        out.append(Segment(text[a:b], roles, anchors, titles))
    if not out:
        out.append(Segment(text))
    return out


def find_cue(sentence: str, cue: str, avoid: Iterable[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """Where the cue text occurs in the sentence: the first whole-word occurrence (case-insensitive)
    that overlaps none of the ``avoid`` spans (the speaker's and targets' mentions), else the first
    occurrence; ``None`` when the cue is not in the sentence.

    >>> find_cue("Iran accused the US of accusing it", "accused")
    (5, 12)
    """
    cue = cue.strip()
    if not cue:
        return None
    blocked = list(avoid)
    word = re.escape(cue)
    if cue[0].isalnum():
        word = r"\b" + word
    if cue[-1].isalnum():
        word += r"\b"
    found = [(m.start(), m.end()) for m in re.finditer(word, sentence, flags=re.IGNORECASE)]
    for s, e in found:
        if not any(s < b and e > a for a, b in blocked):
            return s, e
    return found[0] if found else None
