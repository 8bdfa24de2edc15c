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


# ---------------------------------------------------------------- one number, one meaning (static)

import ast  # noqa: E402

#: Callables whose first argument is a Msg and whose keywords are the template's fields.
_EXCEPTIONS_OR_HELPERS = ("Error", "fail", "skip")


def _msg_uses() -> list[tuple[str, str, str, frozenset[str] | None, str]]:
    """Every direct use of a catalogue message in kg: ``(code, kind, callee, keyword fields or None
    when ``**`` hides them, "file:line")``; kind is "usage" (exit code 2) or "other"."""
    uses = []
    for path in SOURCES:
        if path.name == "errors.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            keywords = {k.arg for k in node.keywords}
            fields = None if None in keywords else frozenset(keywords - {"usage"})
            func = node.func
            # Msg.Exxx.format(...): a warning's text, not an exit code
            if isinstance(func, ast.Attribute) and func.attr == "format" and isinstance(func.value, ast.Attribute) \
                    and isinstance(func.value.value, ast.Name) and func.value.value.id == "Msg":
                uses.append((func.value.attr, "other", "format", fields, where))
                continue
            if not node.args or not (isinstance(node.args[0], ast.Attribute) and isinstance(node.args[0].value, ast.Name)
                                     and node.args[0].value.id == "Msg"):
                continue
            code = node.args[0].attr
            callee = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "?"
            if not callee.endswith(_EXCEPTIONS_OR_HELPERS):
                continue
            explicit_usage = any(k.arg == "usage" and isinstance(k.value, ast.Constant) and k.value.value for k in node.keywords)
            usage = callee == "UsageError" or explicit_usage or code in USAGE_CODES
            if callee == "skip" and fields is not None:
                fields = fields | {"origin", "path"}  # skip() fills in the origin (and path) itself
            uses.append((code, "usage" if usage else "other", callee, fields, where))
    return uses


def test_errors_catalogue_uses_are_found():
    uses = _msg_uses()
    assert len(uses) > 100 and {u[2] for u in uses} >= {"UsageError", "InputError", "fail", "skip", "format"}


def test_errors_catalogue_one_number_is_one_kind_of_error():
    """A number raised as a usage error (exit code 2) is never also an input or runtime error (exit code 1):
    two meanings would need two numbers (E008 was a JSON Lines field and --timeout, now E067)."""
    kinds: dict[str, dict[str, list[str]]] = {}
    for code, kind, _callee, _fields, where in _msg_uses():
        kinds.setdefault(code, {}).setdefault(kind, []).append(where)
    mixed = {code: by_kind for code, by_kind in kinds.items() if len(by_kind) > 1}
    assert not mixed, mixed


def test_errors_catalogue_every_use_fills_its_own_template():
    """Each use passes exactly the fields of its message's template (no field left out or foreign to it):
    a call written for another message's template fails here.  (A use that fills the right fields with a
    meaning of its own -- E071 "--query '(none)' is not a valid choice" for a missing option, now E072 --
    cannot be told apart statically.)"""
    wrong = []
    for code, _kind, callee, fields, where in _msg_uses():
        if fields is None or code not in Msg.__members__:
            continue
        template = {name for _, name, _, _ in string.Formatter().parse(Msg[code].value) if name}
        given = fields & template if callee == "skip" else fields
        if given != template and not (callee == "skip" and template <= given | {"origin", "path"}):
            wrong.append((where, code, sorted(fields), sorted(template)))
    assert not wrong, wrong


def test_errors_catalogue_no_hand_written_copies():
    """Messages come from the catalogue (``Msg.Exxx``), never a hand-written "Exxx: ..." copy that could drift
    into a second template for the same number."""
    copies = []
    for path in SOURCES:
        if path.name == "errors.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and n.body
                      and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            parts = node.values if isinstance(node, ast.JoinedStr) else [node] if isinstance(node, ast.Constant) else []
            first = parts[0] if parts else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and re.match(r"E\d{3}: ", first.value) \
                    and id(node) not in docstrings:
                copies.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not copies, sorted(set(copies))
