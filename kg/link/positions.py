"""Positions held (offices) and the role keys that connect them to role phrases in news.

A :class:`Position` is one term of office: the position's title as the source gives it
("Minister of Defence and Armed Forces Logistics", "United States senator (KY, Republican)"),
the holder's country (QID), and start/end dates (ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``;
``None`` = open).  :func:`role_keys` maps both a position title and a role phrase of an article
("the Iranian defence minister", "U.S. Secretary of State", "Senator") to the same small set of
*role keys* (``"defence_minister"``, ``"secretary_of_state"``, ``"senator"``), so the linker can
ask "who held this role in this country on this date" (:meth:`kg.link.kb.KnowledgeBase.holders`).

The key table (:data:`ROLE_PATTERNS`) is kg's own, written from the position titles of
``../shared/data/wikidata/people/`` (Peppercat, US congress-legislators) and the titles news
use; a title no pattern covers has no role key (its holder links by name only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Position", "role_keys", "ROLE_PATTERNS", "TITLE_KEYS", "date_in"]


@dataclass(frozen=True, slots=True)
class Position:
    """One term of office.

    :param title: position title as the source gives it.
    :param keys: role keys of the title (:func:`role_keys`), a tuple of strings.
    :param country_qid: QID of the country the position belongs to (``None`` for IGOs).
    :param start: ISO start date (``YYYY[-MM[-DD]]``) or ``None``.
    :param end: ISO end date or ``None`` (still in office, or unknown).
    """

    title: str
    keys: tuple[str, ...] = ()
    country_qid: str | None = None
    start: str | None = None
    end: str | None = None

    def valid_on(self, date: str | None) -> bool:
        """True when ``date`` (ISO) lies in the term (a term without a start date never covers a date)."""
        return date_in(date, self.start, self.end)


def date_in(date: str | None, start: str | None, end: str | None) -> bool:
    """True when ISO ``date`` lies in ``[start, end]``; partial dates ("2017", "2017-06") compare by prefix.

    A missing ``date`` or ``start`` gives ``False``: an undated term cannot place anyone on a date.
    """
    if not date or not start:
        return False
    d = date[:10]
    if d < start[:len(d)] and not start.startswith(d[:len(start)]):
        return False
    if end and d > end and not d.startswith(end):
        return False
    return True


# (key, pattern) over the lower-cased text with "defense"->"defence", dots and a leading "the" removed.
# Patterns are anchored at the start, so "deputy minister of defence", "adviser to the prime minister"
# or "office of the president" get no key.  A text gets every key whose pattern matches.
_PRE = r"^(?:federal |national |union |first |chief |state |royal )?"
ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p)) for k, p in (
    ("president", r"^(?:us |united states )?president(?: of (?!(?:the )?(?:senate|chamber|province|"
                  r"national|assembly|parliament|council|commission|court|european|house|congress|bank|regional|"
                  r"government|state council|presidium|republic of srpska))(?:the )?[a-z ]+)?$"),
    ("vice_president", r"^(?:us |united states )?vice[- ]president(?: of (?!(?:the )?(?:senate|european|"
                       r"commission|council|government|national|assembly|parliament))(?:the )?[a-z ]+)?$"),
    ("prime_minister", r"^(?:(?:federal |first )?prime minister(?: of [a-z ]+)?|premier|"
                       r"(?:federal )?chancellor(?: of (?:germany|austria))?|taoiseach)$"),
    ("deputy_prime_minister", r"^(?:first )?(?:deputy|vice)[- ](?:prime minister|premier)\b"),
    ("foreign_minister", _PRE + r"(?:minister (?:of|for) (?:the )?(?:foreign|external) (?:affairs|relations)|"
                         r"foreign (?:affairs )?minister|foreign secretary|secretary of state for foreign|"
                         r"external affairs minister|minister of foreign affairs)\b|^secretary of state$"),
    ("secretary_of_state", r"^(?:us |united states )?secretary of state$"),
    ("defence_minister", _PRE + r"(?:minister (?:of|for) (?:the )?(?:national )?defence|(?:national )?defence minister|"
                         r"defence secretary|secretary of (?:state for )?defence|minister of defence)\b"),
    ("interior_minister", _PRE + r"(?:minister (?:of|for) (?:the )?(?:interior|home affairs|internal affairs)|"
                          r"interior minister|home secretary|home minister|home affairs minister|"
                          r"secretary of state for the home department)\b"),
    ("finance_minister", _PRE + r"(?:minister (?:of|for) (?:the )?(?:finance|economy and finance|finances)|"
                         r"finance minister|treasury secretary|secretary of the treasury|"
                         r"chancellor of the exchequer)\b"),
    ("justice_minister", _PRE + r"(?:minister (?:of|for) justice|justice minister|justice secretary)\b"),
    ("attorney_general", r"^(?:us |united states )?attorney[- ]general$"),
    ("central_bank_governor", r"^governor of the (?:central bank|bank of|reserve bank|national bank)|"
                              r"^central bank (?:governor|chief|head)$|^chair(?:man|woman)? of the federal reserve|"
                              r"^(?:fed|federal reserve) chair(?:man|woman)?$"),
    ("un_secretary_general", r"^secretary[- ]general of the united nations$|^(?:un|united nations) secretary[- ]general$"),
    ("nato_secretary_general", r"^secretary[- ]general of (?:the )?nato$|^nato secretary[- ]general$"),
    ("supreme_leader", r"^supreme leader\b"),
    ("monarch", r"^(?:king|queen|emir|sultan|monarch|grand duke)(?: of [a-z ]+)?$"),
    ("senator", r"^(?:us |united states )?senator$|^sen$"),
    ("representative", r"^(?:us |united states )?representative$|^rep$|^congress(?:wo)?man$"),
    ("speaker", r"^speaker of the (?:united states |us )?house(?: of representatives| of commons)?$|"
                r"^house speaker$"),
    ("un_ambassador", r"^(?:ambassador|permanent representative) to the united nations$|^(?:un|united nations) ambassador$"),
    ("press_secretary", r"^(?:white house )?press secretary$"),
    ("chief_of_staff", r"^white house chief of staff$"),
))

#: Courtesy and office titles written before a surname ("President Trump", "Sen. McConnell") -> role keys
#: ("Mr"/"Mrs"/"Ms" carry none: they only mark a person).
TITLE_KEYS: dict[str, tuple[str, ...]] = {
    "president": ("president",), "vice president": ("vice_president",), "prime minister": ("prime_minister",),
    "premier": ("prime_minister",), "chancellor": ("prime_minister",),
    "senator": ("senator",), "sen": ("senator",), "representative": ("representative",), "rep": ("representative",),
    "congressman": ("representative",), "congresswoman": ("representative",),
    "secretary of state": ("secretary_of_state", "foreign_minister"), "foreign minister": ("foreign_minister",),
    "foreign secretary": ("foreign_minister",), "defence minister": ("defence_minister",),
    "defence secretary": ("defence_minister",), "secretary of defence": ("defence_minister",),
    "interior minister": ("interior_minister",), "home secretary": ("interior_minister",),
    "finance minister": ("finance_minister",), "treasury secretary": ("finance_minister",),
    "attorney general": ("attorney_general",), "speaker": ("speaker",), "king": ("monarch",),
    "queen": ("monarch",), "emir": ("monarch",), "supreme leader": ("supreme_leader",),
    "ayatollah": ("supreme_leader",), "governor": ("governor",), "gov": ("governor",),
    "mr": (), "mrs": (), "ms": (), "dr": (),
}

_US_CONGRESS = re.compile(r"^united states (senator|representative) \(")


def _clean(text: str) -> str:
    t = text.lower().replace("defense", "defence").replace(".", "").replace("\u2019", "'")
    t = re.sub(r"\s+", " ", t).strip(" ,")
    return t


_USA = "Q30"


def role_keys(text: str, country_qid: str | None = None) -> tuple[str, ...]:
    """Role keys of a position title or a role phrase, sorted; ``()`` when none applies.

    ``"Minister of Defence and Armed Forces Logistics"`` -> ``("defence_minister",)``;
    ``"Secretary of State"`` -> ``("foreign_minister", "secretary_of_state")``;
    ``"United States senator (KY, Republican)"`` -> ``("senator",)``; ``"Deputy Prime Minister"`` ->
    ``("deputy_prime_minister",)``.  A role phrase should come without its country word
    (the caller strips "Iranian", "U.S."); ``country_qid`` is the position's country where known
    (a "Secretary of State" outside the United States is a junior minister: no key).
    """
    t = _clean(text)
    m = _US_CONGRESS.match(t)
    if m:
        return (m.group(1),)
    t = re.sub(r"\s*\((?:democrat|republican|independent|democratic)\)$", "", t)
    if "(" in t:  # "Secretary of State (North Carolina)", "Premier (Ontario)": a subnational office
        return ()
    t = re.sub(r"^the ", "", t)
    if not t or t.startswith(("former ", "ex-", "acting ", "shadow ", "interim ")):
        return ()
    keys = {k for k, p in ROLE_PATTERNS if p.search(t)}
    if "secretary_of_state" in keys and country_qid is not None and country_qid != _USA:
        keys -= {"secretary_of_state", "foreign_minister"}  # a junior minister ("Staatssekretär") elsewhere
    return tuple(sorted(keys))
