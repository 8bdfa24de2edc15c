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


def speaker_targets(res, speaker: str) -> set[tuple[str, str]]:
    """``(type, target name)`` of every statement whose actor's name ends in ``speaker``."""
    return {(s.type.value, t.name) for s in res.statements if s.actor.name.split()[-1] == speaker for t in s.targets}


def all_targets(res) -> set[str]:
    """Every target name of every statement of an :class:`~kg.model.ArticleResult`."""
    return {t.name for s in res.statements for t in s.targets}


def check_target(extract_text, text: str, speaker: str, stype: str | None, target: str) -> None:
    """The statement of ``speaker`` in ``text`` has ``target`` (and type ``stype`` unless None)."""
    found = speaker_targets(extract_text(text), speaker)
    if stype is None:
        assert target in {t for _, t in found}, found
    else:
        assert (stype, target) in found, found


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
