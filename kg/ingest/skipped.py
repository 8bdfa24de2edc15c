"""The :class:`Skipped` item: an input that was not read as an article, with its one-line message."""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import Msg

__all__ = ["Skipped", "skip"]


@dataclass(frozen=True)
class Skipped:
    """An input that was not read as an article.

    :param origin: where ("folder/a.jsonl:12", "b.txt", "<stdin>:3").
    :param reason: one-line user message from :class:`kg.errors.Msg`.
    :param code: the message code ("E003").
    """

    origin: str
    reason: str
    code: str

    def __str__(self) -> str:
        return self.reason


def skip(msg: Msg, origin: str, **fields: object) -> Skipped:
    """A :class:`Skipped` for ``origin`` with ``msg`` formatted (``origin``/``path`` filled in when the message names them)."""
    if "origin" in msg.value:
        fields.setdefault("origin", origin)
    if "{path}" in msg.value:
        fields.setdefault("path", origin)
    return Skipped(origin=origin, reason=msg.format(**fields), code=msg.name)
