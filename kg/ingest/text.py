"""Text of an input: decoding (BOMs, binary data), normalization, the title rule, hash ids (rules in :mod:`kg.ingest`)."""

from __future__ import annotations

import codecs
import hashlib
import re

from kg.errors import Msg
from kg.ingest.skipped import Skipped, skip

__all__ = ["SNIFF_BYTES", "normalize_text", "hash_id", "guess_title", "no_surrogates", "looks_binary", "bom_encoding", "decode_whole"]

#: Bytes read to sniff an input's encoding and whether it is binary.
SNIFF_BYTES = 8192
_BINARY_SHARE = 0.10
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30


_NEWLINE_LIKE = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u2060\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """Lone surrogates (from JSON escapes like ``"\\ud800"``) -> U+FFFD, one for one."""
    return _SURROGATE.sub("\ufffd", text)


def normalize_text(text: str) -> str:
    """Minimal normalization of article text (see the module docs).

    CR LF / CR -> LF; VT, FF, NEL, U+2028, U+2029 -> LF; other control
    characters except TAB and LF, U+200B, U+2060 and U+FEFF removed.

    >>> normalize_text("a\\r\\nb\\x00c\\u200bd")
    'a\\nbcd'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _NEWLINE_LIKE.sub("\n", text)
    return no_surrogates(_DROP.sub("", text))


def hash_id(text: str) -> str:
    """``"sha256:<first 16 hex digits of SHA-256(text)>"``, the id of articles without one."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def guess_title(text: str) -> str | None:
    """The headline of a plain-text article, or ``None`` (rule in the module docs).

    >>> guess_title("US Wants Out: Iran\\n\\nThe minister said ...")
    'US Wants Out: Iran'
    >>> guess_title("The minister said so.\\n\\nMore text.") is None
    True
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not _LETTER.search(line):
            continue
        cand = " ".join(line.split())
        following = lines[i + 1] if i + 1 < len(lines) else None
        rest = "\n".join(lines[i + 1 :]).strip()
        if (
            following is not None
            and not following.strip()
            and rest
            and len(cand) <= _TITLE_MAX_CHARS
            and len(cand.split()) <= _TITLE_MAX_WORDS
            and not cand.endswith((".", ",", ";", ":"))
        ):
            return cand
        return None
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or more than 10 % control bytes (other than TAB, LF, CR, FF)."""
    if not data:
        return False
    if b"\x00" in data:
        return True
    ctrl = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13)) + data.count(b"\x7f")
    return ctrl / len(data) > _BINARY_SHARE


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) when ``head`` starts with a byte-order mark."""
    for mark, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(mark):
            return enc, len(mark)
    return None


def decode_whole(data: bytes, origin: str) -> str | Skipped:
    """Decode a whole file's bytes by the encoding rules, or explain why not."""
    bom = bom_encoding(data[:4])
    if bom is not None:
        try:
            text = data.decode(bom[0])
        except UnicodeDecodeError as exc:
            return skip(Msg.E005, origin, reason=f"{bom[0]} with a BOM, but {exc.reason} at byte {exc.start}")
    else:
        if looks_binary(data[:SNIFF_BYTES]):
            return skip(Msg.E006, origin)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return skip(Msg.E005, origin, reason=f"byte 0x{data[exc.start]:02x} at offset {exc.start} is not UTF-8")
    sample = text[:SNIFF_BYTES]
    if sample and sum(1 for c in sample if c < " " and c not in "\t\n\r\x0c") / len(sample) > _BINARY_SHARE:
        return skip(Msg.E006, origin)
    return text
