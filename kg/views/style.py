"""Colours of the 18 statement types, shared by the network and timeline views.

Families (after the PLOVER categories in ontology/kg.ttl): reds for ACCUSE
(criticize, accuse, complain), dark reds/oranges for THREATEN (threaten,
warn), purples for REJECT (reject, deny), oranges/yellows for requests
(appeal, demand), greens for SUPPORT (praise, support, apologize), teal for
AGREE (agree, promise), blue for CONSULT and greys for plain statements.
"""

from __future__ import annotations

from kg.model import StatementType

__all__ = ["TYPE_COLORS", "MPL_RC", "type_color"]

#: matplotlib settings for kg's pictures (used with ``plt.rc_context``): SVG text as
#: real ``<text>`` (searchable, smaller) and stable SVG ids.
MPL_RC = {"svg.fonttype": "none", "svg.hashsalt": "kg"}

TYPE_COLORS: dict[str, str] = {
    "CRITICIZE": "#e8575a",
    "ACCUSE": "#c62828",
    "COMPLAIN": "#f08080",
    "THREATEN": "#7b1010",
    "WARN": "#e67e22",
    "REJECT": "#7e57c2",
    "DENY": "#b39ddb",
    "APPEAL": "#f4b400",
    "DEMAND": "#d35400",
    "PRAISE": "#2e9d49",
    "SUPPORT": "#66bb6a",
    "APOLOGIZE": "#a5d6a7",
    "AGREE": "#00897b",
    "PROMISE": "#4db6ac",
    "CONSULT": "#1e88e5",
    "STATEMENT": "#9e9e9e",
    "ACKNOWLEDGE": "#757575",
    "SYMPATHIZE": "#bdbdbd",
}
assert set(TYPE_COLORS) == {t.value for t in StatementType}


def type_color(type_: str) -> str:
    """The hex colour of a statement type name (grey for an unknown one)."""
    return TYPE_COLORS.get(type_.upper(), "#9e9e9e")
