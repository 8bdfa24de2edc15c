"""Every message of the error catalogue formats, starts with its code and is one line."""

from __future__ import annotations

import string

import pytest

from kg.errors import KgError, Msg


class _Any(str):
    """A field value that formats under any format spec ("{chars:,}")."""

    def __format__(self, spec: str) -> str:
        return "X"


@pytest.mark.parametrize("msg", list(Msg), ids=[m.name for m in Msg])
def test_errors_catalogue_every_message_formats(msg):
    fields = {name for _, name, _, _ in string.Formatter().parse(msg.value) if name}
    text = msg.format(**{f: _Any("X") for f in fields})
    assert text.startswith(f"{msg.name}: ")
    assert "\n" not in text and "{" not in text


def test_errors_catalogue_codes_are_unique():
    assert len({m.name for m in Msg}) == len({m.value.split(":")[0] for m in Msg})


def test_errors_kgerror_carries_code_and_fields():
    err = KgError(Msg.E007, path="missing.txt")
    assert err.code == "E007" and "missing.txt" in str(err)
