"""Quotation marks: which tokens of a doc are inside a quotation, and whether a
sentence opens or closes one.

Curly marks pair by kind (``“`` ... ``”``, ``«`` ... ``»``), straight marks two by two;
news style reopens a long quotation at the start of every paragraph.  Bottom layer of
:mod:`kg.extract`: imports nothing of kg.
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc, Token


QUOTE_CHARS = "\"“”«»„"


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks, paragraph by paragraph: marks
    pair up in order (curly ones by kind, straight ones two by two); a mark left
    unpaired opens a quotation to the paragraph's end only when it starts the
    paragraph (news style reopens a long quotation in every paragraph), and is
    ignored elsewhere (a stray mark in code or markup quotes nothing)."""
    inside: set[int] = set()
    # one pass with Doc.to_array: each paragraph as its first and last token index with its quotation
    # marks (Token objects only for the marks).  A token's whitespace_ is "" or " " (spaCy keeps
    # a line break as a space token), so only a space token with a line break ends a paragraph.
    paragraphs: list[tuple[int, int, list[Token]]] = []
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IS_SPACE]).tolist() if len(doc) else []
    first = last = -1
    found: list[Token] = []
    for i, (orth, space) in enumerate(rows):
        text = strings[orth]
        if space and "\n" in text:
            if first >= 0:
                paragraphs.append((first, last, found))
            first, found = -1, []
            continue
        if first < 0:
            first = i
        last = i
        if text in OPENING_QUOTES or text in CLOSING_QUOTES or text == '"':
            found.append(doc[i])
    if first >= 0:
        paragraphs.append((first, last, found))
    for para_first, para_last, marks in paragraphs:
        k = 0
        while k < len(marks):
            m = marks[k]
            closer = None
            for n in marks[k + 1:]:
                if (m.text == '"' and n.text == '"' and not (_straight_side(m) == _straight_side(n) == "open")) or (
                        m.text in OPENING_QUOTES and n.text in CLOSING_QUOTES):
                    closer = n
                    break
                if (m.text in OPENING_QUOTES and n.text in OPENING_QUOTES) or (
                        m.text == '"' and _straight_side(m) == "open" and _straight_side(n) == "open"):
                    # a second opening mark before any closing one: the first quotation was never
                    # closed (a typo, common in news copy); it quotes nothing rather than the rest
                    break
            if m.text in CLOSING_QUOTES:
                k += 1
                continue
            if closer is None:
                if m.i == para_first:
                    inside.update(range(m.i + 1, para_last + 1))
                k += 1
                continue
            inside.update(range(m.i + 1, closer.i))
            k = marks.index(closer) + 1
    return inside


def _straight_side(t: Token) -> str | None:
    """Which side of a quotation a straight mark stands on, from its spacing: "open" when
    it follows a space (or starts the text) and sticks to the next word (`` "We`` ), "close"
    when it sticks to the word before (`` said."`` ), None when it cannot be told."""
    doc = t.doc
    before_space = t.i == 0 or bool(doc[t.i - 1].whitespace_) or doc[t.i - 1].is_space
    if before_space and not t.whitespace_:
        return "open"
    if not before_space:
        return "close"
    return None


OPENING_QUOTES = "“„«"
CLOSING_QUOTES = "”»"


def quote_balance(text: str) -> int:
    """+1 when ``text`` leaves a quotation open, -1 when it closes one opened
    before it, 0 when its quotes are balanced (curly quotes by kind, straight
    quotes by parity and position)."""
    opening = sum(text.count(q) for q in OPENING_QUOTES)
    closing = sum(text.count(q) for q in CLOSING_QUOTES)
    if opening or closing:
        return (opening > closing) - (closing > opening)
    straight = text.count('"')
    if straight % 2 == 0:
        return 0
    # one unpaired straight quote: at the start it opens, elsewhere it closes
    return 1 if text.lstrip().startswith('"') else -1
