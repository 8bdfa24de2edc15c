"""Every message of the error catalogue formats, starts with its code and is one line."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from kg.errors import USAGE_CODES, KgError, Msg


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


ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "kg").rglob("*.py"))


def _codes_in_source() -> dict[str, set[str]]:
    """Code -> files: every ``Msg.Exxx`` used and every hand-written ``"Exxx: ..."`` message in kg."""
    found: dict[str, set[str]] = {}
    for path in SOURCES:
        if path.name == "errors.py":
            continue
        text = path.read_text(encoding="utf-8")
        for code in re.findall(r"\bMsg\.(E\d{3})\b", text) + re.findall(r"[\"'](E\d{3}): ", text):
            found.setdefault(code, set()).add(str(path.relative_to(ROOT)))
    return found


def test_errors_catalogue_every_code_used_is_documented():
    documented = {m.name for m in Msg}
    used = _codes_in_source()
    assert not set(used) - documented, {c: used[c] for c in set(used) - documented}


def test_errors_catalogue_every_message_is_used():
    unused = {m.name for m in Msg} - set(_codes_in_source())
    assert not unused, f"catalogued but never raised: {sorted(unused)}"


def test_errors_catalogue_usage_codes_are_messages():
    assert USAGE_CODES <= {m.name for m in Msg}
    for code in USAGE_CODES:  # a usage error says what to type instead
        assert any(w in Msg[code].value for w in ("Use ", "use ", "Run ", "Add ", "drop ", "It takes", "must", "{reason}")), code


def test_errors_readme_documents_exit_codes():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "Exit code 2" in readme and "Exit code 1" in readme
