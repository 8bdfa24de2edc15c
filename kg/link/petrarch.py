"""Readers for TABARI/PETRARCH dictionaries (Phoenix actor and agent files).

Format (TABARI manual, ch. 5; the Phoenix files of openeventdata/petrarch2):

* ``NAME_WITH_UNDERSCORES_ [CODE]`` starts an entry; ``_`` separates words
  (a trailing ``_`` marks a word boundary); ``#`` starts a comment;
* ``+ALIAS`` lines add synonyms of the current entry;
* indented ``[CODE]`` / ``[CODE 050101-091231]`` / ``[CODE >080508]`` /
  ``[CODE <910409]`` lines give the entry's CAMEO codes with date ranges;
  dates are ``YYMMDD`` (two-digit years: ``<= 30`` -> 20xx) or ``YYYYMMDD``;
* agent files have ``NOUN [~ROLE]`` lines and ``!MACRO! = A, B`` macros.

The functions return plain data (no KB types), so the builder can decide what
to keep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ActorEntry", "CodeSpan", "read_actors", "read_agents", "parse_date"]

_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass(slots=True)
class CodeSpan:
    """One CAMEO actor code with an optional validity range (ISO dates)."""

    code: str
    start: str | None = None
    end: str | None = None


@dataclass(slots=True)
class ActorEntry:
    """One dictionary entry: primary name, aliases, codes, source comment."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)
    comment: str = ""
    line: int = 0


def parse_date(token: str) -> str | None:
    """``"080508"`` -> ``"2008-05-08"``, ``"19890604"`` -> ``"1989-06-04"``; bad input -> None."""
    token = token.strip()
    if len(token) == 6 and token.isdigit():
        yy = int(token[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        mm, dd = token[2:4], token[4:6]
    elif len(token) == 8 and token.isdigit():
        year, mm, dd = int(token[:4]), token[4:6], token[6:8]
    else:
        return None
    if not ("01" <= mm <= "12"):
        return None
    dd = dd if "01" <= dd <= "31" else "01"
    return f"{year:04d}-{mm}-{dd}"


def _parse_code(body: str) -> CodeSpan | None:
    parts = body.split()
    if not parts or parts[0].startswith("-") or parts[0].startswith("~"):
        return None
    code = parts[0].upper()
    if not re.fullmatch(r"[A-Z]{3,15}", code):
        return None
    start = end = None
    if len(parts) > 1:
        rng = parts[1]
        if rng.startswith(">"):
            start = parse_date(rng[1:])
        elif rng.startswith("<"):
            end = parse_date(rng[1:])
        elif "-" in rng:
            a, _, b = rng.partition("-")
            start, end = parse_date(a), parse_date(b)
    return CodeSpan(code, start, end)


def _clean_name(raw: str) -> str:
    raw = raw.strip().strip("+").strip()
    raw = re.sub(r"\{.*?\}", "", raw)
    name = raw.replace("_", " ").strip()
    return re.sub(r"\s+", " ", name)


def read_actors(path: Path) -> list[ActorEntry]:
    """Read a TABARI ``.actors`` file into entries (entries without codes are kept
    with ``codes == []``; callers decide).

    :raises OSError: if the file cannot be read.
    """
    entries: list[ActorEntry] = []
    cur: ActorEntry | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        text, _, comment = raw.partition("#")
        stripped = text.strip()
        codes = [c for c in (_parse_code(m) for m in _CODE.findall(text)) if c]
        name_part = _CODE.sub("", text).strip()
        if raw[0] in " \t" and stripped.startswith("["):
            if cur is not None:
                cur.codes.extend(codes)
            continue
        if stripped.startswith("+"):
            if cur is not None and name_part.strip("+ "):
                cur.aliases.append(_clean_name(name_part))
                cur.codes.extend(codes)
            continue
        if not name_part:
            continue
        cur = ActorEntry(_clean_name(name_part), [], codes, comment.strip(), lineno)
        entries.append(cur)
    return entries


def read_agents(path: Path) -> dict[str, str]:
    """Read a TABARI agents file: lower-case agent phrase -> role code (``"GOV"``).

    Macros (``!PERSON!``) are expanded; simple plurals (``-s``, ``-y`` -> ``-ies``)
    are added, as TABARI does for agents.

    :raises OSError: if the file cannot be read.
    """
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", text)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(text)
        if not codes or not codes[0].startswith("~"):
            continue
        role = codes[0][1:].strip()
        if not re.fullmatch(r"[A-Z]{3,9}", role):
            continue
        phrase = re.sub(r"\{.*?\}", "", _CODE.sub("", text)).strip()
        variants = [phrase]
        for mac, words in macros.items():
            if mac in phrase:
                variants = [phrase.replace(mac, w) for w in words]
        # TABARI stems: "DEFENSE_MINIST" matches minister, ministers, ministry, ministries
        variants = [x for v in variants for x in (
            [v[: -len("MINIST")] + w for w in ("MINISTER", "MINISTRY")] if v.rstrip("_").endswith("MINIST") else [v])]
        for v in variants:
            words = v.replace("_", " ").lower().split()
            if not words:
                continue
            base = " ".join(words)
            out.setdefault(base, role)
            last = words[-1]
            plural = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else last + "s"
            out.setdefault(" ".join(words[:-1] + [plural]), role)
    return out
