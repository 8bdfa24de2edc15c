"""Helpers shared by the extraction tests (no fixtures: those live in conftest.py)."""

from __future__ import annotations


def flat(result) -> set[tuple[str, str, str | None, bool]]:
    """``(actor's last name word, type, target name or None, negated)`` for every
    statement and target of an :class:`~kg.model.ArticleResult`."""
    out = set()
    for s in result.statements:
        actor = s.actor.name.split()[-1]
        for t in s.targets or [None]:
            out.add((actor, s.type.value, t.name if t is not None else None, s.negated))
    return out
