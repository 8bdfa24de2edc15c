"""Helpers shared by the extraction tests (no fixtures: those live in conftest.py)."""

from __future__ import annotations

from spacy.tokens import Doc


def flat(result) -> set[tuple[str, str, str | None, bool]]:
    """``(actor's last name word, type, target name or None, negated)`` for every
    statement and target of an :class:`~kg.model.ArticleResult`."""
    out = set()
    for s in result.statements:
        actor = s.actor.name.split()[-1]
        for t in s.targets or [None]:
            out.add((actor, s.type.value, t.name if t is not None else None, s.negated))
    return out


def parse(spec: str, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    """A parsed ``Doc`` from ``text/POS/TAG/dep/head[/lemma]`` tokens separated by spaces."""
    rows = [t.split("/") for t in spec.split()]
    iob = ["O"] * len(rows)
    for start, end, label in ents:
        iob[start] = f"B-{label}"
        for k in range(start + 1, end):
            iob[k] = f"I-{label}"
    return Doc(
        _vocab(),
        words=[r[0] for r in rows],
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        lemmas=[r[5] if len(r) > 5 else r[0].lower() for r in rows],
        ents=iob,
    )


def _vocab():
    """One blank English vocabulary for hand-built docs (spaCy's, created on first use)."""
    global _VOCAB
    if _VOCAB is None:
        import spacy

        _VOCAB = spacy.blank("en").vocab
    return _VOCAB


_VOCAB = None
