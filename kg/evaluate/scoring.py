"""Counting pieces shared by the scorers: :class:`PRF`, span overlap, maximum one-to-one matching."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kg.model import Article, ArticleResult

__all__ = ["PRF", "Predictor", "rounded", "overlap", "max_matching"]

#: What the scorers call once with all gold texts: ``list[Article] -> list[ArticleResult]``.
Predictor = Callable[[list[Article]], list[ArticleResult]]


@dataclass(frozen=True)
class PRF:
    """Counts and precision / recall / F1.

    ``precision`` is ``None`` when nothing was predicted, ``recall`` when
    there is no gold; ``f1 = 2tp / (2tp + fp + fn)`` (``None`` when all are 0).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else None

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": rounded(self.precision),
            "recall": rounded(self.recall),
            "f1": rounded(self.f1),
        }


def rounded(x: float | None) -> float | None:
    """``x`` rounded to 4 places (``None`` stays ``None``)."""
    return None if x is None else round(x, 4)


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    """Characters shared by the spans ``[a0, a1)`` and ``[b0, b1)`` (0 when disjoint)."""
    return max(0, min(a1, b1) - max(a0, b0))


def max_matching(n_left: int, n_right: int, edge: Callable[[int, int], bool], init: dict[int, int] | None = None) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn's augmenting paths): left index -> right index."""
    adj = [[j for j in range(n_right) if edge(i, j)] for i in range(n_left)]
    match_r: dict[int, int] = {}
    match_l: dict[int, int] = {}
    for i, j in (init or {}).items():
        match_l[i] = j
        match_r[j] = i

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in match_r or augment(match_r[j], seen):
                match_r[j] = i
                match_l[i] = j
                return True
        return False

    for i in range(n_left):
        if i not in match_l:
            augment(i, set())
    return dict(match_l)
