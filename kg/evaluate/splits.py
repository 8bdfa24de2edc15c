"""A held-out part of every gold file, chosen by record id: :func:`split_of`, :func:`split_filter`.

``../shared/eval/README.md`` asks to keep a part of voa_dev aside, unseen,
while rules are written, and to report both parts.  The rule is fixed and
needs no list of ids, so it applies to any gold file (news_dev, voa_dev, ...):

    a record is **held out** when the first byte of the SHA-256 digest of its
    ``id`` (UTF-8) is divisible by 3; every other record is **dev**.

That holds out about a third of the records.  Of voa_dev's 16 articles it
holds out 5: ``voa-8004380``, ``voa-8009771``, ``voa-8009973``,
``voa-8010588``, ``voa-8010779`` (``tests/test_evaluate_splits.py`` checks
this).  Rule writers look at the dev part only; ``kg evaluate --split
heldout`` scores the rest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Literal

from kg.errors import Msg, UsageError

__all__ = ["SPLITS", "HELDOUT_MODULUS", "Part", "is_heldout", "split_of", "split_filter"]

#: The values of ``kg evaluate --split``: every record, the dev part, the held-out part.
SPLITS: tuple[str, ...] = ("all", "dev", "heldout")
#: A record is held out when ``sha256(id)[0] % HELDOUT_MODULUS == 0``.
HELDOUT_MODULUS = 3

#: The part a record belongs to.
Part = Literal["dev", "heldout"]


def is_heldout(record_id: str) -> bool:
    """True when the record ``record_id`` is in the held-out part (rule in the module docs)."""
    return hashlib.sha256(record_id.encode("utf-8")).digest()[0] % HELDOUT_MODULUS == 0


def split_of(record_id: str) -> Part:
    """``"heldout"`` or ``"dev"``: the part of the record ``record_id``."""
    return "heldout" if is_heldout(record_id) else "dev"


def split_filter(split: str, option: str = "--split") -> Callable[[str], bool] | None:
    """The record filter (``id -> bool``) of a split name, for the scorers' ``keep=``.

    :param split: ``"all"`` (gives ``None``: no filter), ``"dev"`` or ``"heldout"``;
        case and surrounding spaces are ignored.
    :param option: the option named in the error message.
    :raises UsageError: E071 (exit code 2) for any other value.
    """
    key = split.strip().lower()
    if key == "all":
        return None
    if key == "dev":
        return lambda record_id: not is_heldout(record_id)
    if key == "heldout":
        return is_heldout
    raise UsageError(Msg.E071, option=option, value=split, choices=", ".join(SPLITS))
