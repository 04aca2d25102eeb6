"""Sentence alignment source <-> back-translation/target over embedding similarity.

In order when the counts match and every in-order pair is plausible; otherwise a dynamic
programme (Gale-Church shape, Vecalign-style costs) allowing 1-1, 1-2, 2-1, 1-0 and 0-1 links.
A 2-sentence side is scored by the normalised sum of its two vectors, so no extra encoding.

Costs: a 1-1 link costs 1 - sim; a skipped sentence costs SKIP; a merge costs 1 - sim + MERGE.
MERGE > SKIP, so a merge only wins when the merged side is clearly more similar than the best
single sentence: an omitted sentence stays an omission instead of being glued to a neighbour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SKIP = 0.35
MERGE = 0.40
BAND_MIN = 12  # cells further than this from the diagonal are never visited (long documents)
IN_ORDER_MIN = 0.35  # every in-order pair at least this similar: keep the trivial alignment


@dataclass(frozen=True)
class Link:
    """Indexes of the source and other sentences joined by one link (either may be empty)."""

    source: tuple[int, ...]
    other: tuple[int, ...]

    @property
    def kind(self) -> str:
        if not self.other:
            return "omission"
        if not self.source:
            return "addition"
        return "pair"


def align(
    source: np.ndarray,
    other: np.ndarray,
    *,
    skip: float = SKIP,
    merge: float = MERGE,
    in_order: float = IN_ORDER_MIN,
) -> list[Link]:
    """Align two sequences of L2-normalised vectors; returns links in document order (the cut-offs
    are the `align-*` options of the BT rules, through DriftSettings)."""
    import numpy as np

    n, m = source.shape[0], other.shape[0]
    if n == 0 or m == 0:
        return [Link((i,), ()) for i in range(n)] + [Link((), (j,)) for j in range(m)]
    sims = source @ other.T
    if n == m and all(float(sims[i, i]) >= in_order for i in range(n)):
        return [Link((i,), (i,)) for i in range(n)]
    src2 = _pair_sums(source)
    oth2 = _pair_sums(other)
    inf = float("inf")
    cost = np.full((n + 1, m + 1), inf)
    back: dict[tuple[int, int], tuple[int, int]] = {}
    cost[0, 0] = 0.0
    band = max(BAND_MIN, abs(n - m) + 4, (max(n, m) // 10))
    for i in range(n + 1):
        centre = round(i * m / n)
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if i == 0 and j == 0:
                continue
            best, move = inf, (0, 0)
            for di, dj in ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2)):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or cost[pi, pj] == inf:
                    continue
                step = _step_cost(di, dj, i, j, sims, source, other, src2, oth2, skip, merge)
                if cost[pi, pj] + step < best:
                    best, move = cost[pi, pj] + step, (di, dj)
            cost[i, j] = best
            back[(i, j)] = move
    links: list[Link] = []
    i, j = n, m
    if (i, j) not in back:
        raise AssertionError("alignment band too narrow")  # cannot happen: band >= |n - m| + 4
    while i > 0 or j > 0:
        di, dj = back[(i, j)]
        links.append(Link(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return links[::-1]


def _pair_sums(vectors: np.ndarray) -> np.ndarray:
    """Row k is the normalised sum of sentences k and k+1."""
    import numpy as np

    if vectors.shape[0] < 2:
        return np.zeros((0, vectors.shape[1]), dtype=vectors.dtype)
    sums = vectors[:-1] + vectors[1:]
    return sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)


def _step_cost(
    di: int,
    dj: int,
    i: int,
    j: int,
    sims: np.ndarray,
    source: np.ndarray,
    other: np.ndarray,
    src2: np.ndarray,
    oth2: np.ndarray,
    skip: float,
    merge: float,
) -> float:
    if di == 1 and dj == 1:
        return 1.0 - float(sims[i - 1, j - 1])
    if di == 0 or dj == 0:
        return skip
    if di == 2:  # two source sentences, one other
        return 1.0 - float(src2[i - 2] @ other[j - 1]) + merge
    return 1.0 - float(source[i - 1] @ oth2[j - 2]) + merge
