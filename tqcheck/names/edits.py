"""A weighted edit distance between name skeletons whose costs were fitted on real name lists.

Transliteration systems disagree in predictable ways (e / i, k / g, an `h` or a `y` that one
system writes and another drops), and two different names differ in unpredictable ones. The
cost of each edit is how surprising it is between two spellings of one name: -log2 of its
relative frequency in aligned pairs of real spellings (tests/benchmarks/fit_name_costs.py fits
the table on a training half of real name lists and writes `data/edit_costs.json`; nothing here
names a person). Distances are in bits: 0 for equal skeletons, about 4 for a routine vowel
change, 9 or more for an edit that spellings of one name rarely show, and infinite for one that
they never show (a first consonant that comes or goes, an edit not seen twice in training).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from tqcheck.names.normalise import readable, skeletons

# Where an inserted or deleted letter stands in its own spelling: word-initial and word-final
# edits behave differently (Yegor / Egor, Augusts / August) from those inside a word.
INITIAL, MEDIAL, FINAL = "^", "", "$"
# Skeleton letters that may come, go or change at the start of a name: vowels, h / kh (H) and
# the glides y / i (I), j, v / w. Any other first consonant changes only as training showed
# (k / q / g: Kadhafi / Qaddafi / Gaddafi), never as a name list's noise (Myong / Ryong).
FREE_FIRST = frozenset("aeiouHIjv")


@dataclass(frozen=True)
class Costs:
    """The fitted table: substitution costs by unordered letter pair, insertion (= deletion)
    costs by letter and position, and the price of an edit never seen in the training pairs."""

    substitute: dict[tuple[str, str], float]
    indel: dict[str, float]
    unseen_substitute: float
    unseen_indel: float
    first: dict[tuple[str, str], float] = field(default_factory=dict)  # first consonants changed

    def sub(self, x: str, y: str) -> float:
        return 0.0 if x == y else self.substitute.get((x, y), self.unseen_substitute)

    def sub_first(self, x: str, y: str) -> float:
        """A substitution of the first letters of both spellings."""
        if x == y or x in FREE_FIRST or y in FREE_FIRST:
            return self.sub(x, y)
        return self.first.get((x, y), self.unseen_substitute)

    def gap(self, letter: str, where: str) -> float:
        found = self.indel.get(where + letter if where == INITIAL else letter + where)
        if found is None:
            found = self.indel.get(letter, self.unseen_indel)
        return found

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Costs:
        substitute, first = _pairs(data["substitute"]), _pairs(data.get("first_substitute", {}))
        return cls(
            substitute=substitute,
            indel={k: _cost(v) for k, v in data["indel"].items()},
            unseen_substitute=_cost(data["unseen_substitute"]),
            unseen_indel=_cost(data["unseen_indel"]),
            first=first,
        )

    def as_json(self) -> dict[str, Any]:
        pairs = {" ".join(sorted(p)): round(c, 3) for p, c in self.substitute.items()}
        first = {" ".join(sorted(p)): round(c, 3) for p, c in self.first.items()}
        return {
            "substitute": dict(sorted(pairs.items())),
            "first_substitute": dict(sorted(first.items())),
            "indel": {k: _stored(v) for k, v in sorted(self.indel.items())},
            "unseen_substitute": _stored(self.unseen_substitute),
            "unseen_indel": _stored(self.unseen_indel),
        }


def _pairs(table: dict[str, float]) -> dict[tuple[str, str], float]:
    out: dict[tuple[str, str], float] = {}
    for pair, cost in table.items():
        x, y = pair.split(" ")
        out[(x, y)] = out[(y, x)] = float(cost)
    return out


def _cost(value: float | None) -> float:
    """null in the table: an edit that spellings of one name never show."""
    return math.inf if value is None else float(value)


def _stored(value: float) -> float | None:
    return None if math.isinf(value) else round(value, 3)


@cache
def fitted() -> Costs:
    """The shipped table (read once per process)."""
    text = resources.files("tqcheck.names").joinpath("data/edit_costs.json").read_text(encoding="utf-8")
    return Costs.from_json(json.loads(text))


def _where(index: int, length: int) -> str:
    return INITIAL if index == 0 else FINAL if index == length - 1 else MEDIAL


def align(a: str, b: str, costs: Costs) -> tuple[float, list[tuple[str, str, str]]]:
    """The cheapest alignment of two skeletons: (total cost, edits as (from, to, position));
    equal letters are not listed, an empty side is an insertion or deletion."""
    n, m = len(a), len(b)
    table = [[0.0] * (m + 1) for _ in range(n + 1)]
    back = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        table[i][0] = table[i - 1][0] + costs.gap(a[i - 1], _where(i - 1, n))
        back[i][0] = "d"
    for j in range(1, m + 1):
        table[0][j] = table[0][j - 1] + costs.gap(b[j - 1], _where(j - 1, m))
        back[0][j] = "i"
    for i in range(1, n + 1):
        x = a[i - 1]
        row, above = table[i], table[i - 1]
        delete = costs.gap(x, _where(i - 1, n))
        for j in range(1, m + 1):
            y = b[j - 1]
            best, move = above[j - 1] + (costs.sub_first(x, y) if i == j == 1 else costs.sub(x, y)), "s"
            candidate = above[j] + delete
            if candidate < best:
                best, move = candidate, "d"
            candidate = row[j - 1] + costs.gap(y, _where(j - 1, m))
            if candidate < best:
                best, move = candidate, "i"
            row[j] = best
            back[i][j] = move
    edits: list[tuple[str, str, str]] = []
    i, j = n, m
    while i or j:
        move = back[i][j]
        if move == "s":
            if a[i - 1] != b[j - 1]:
                edits.append((a[i - 1], b[j - 1], MEDIAL))
            i, j = i - 1, j - 1
        elif move == "d":
            edits.append((a[i - 1], "", _where(i - 1, n)))
            i -= 1
        else:
            edits.append(("", b[j - 1], _where(j - 1, m)))
            j -= 1
    edits.reverse()
    return table[n][m], edits


@lru_cache(maxsize=65536)
def distance(a: str, b: str) -> float:
    """The fitted distance between two skeletons, in bits (symmetric; cached)."""
    if a > b:
        a, b = b, a
    return _distance(a, b, fitted())


def _distance(a: str, b: str, costs: Costs) -> float:
    """The cost of `align` without the edit list (the hot path)."""
    n, m = len(a), len(b)
    gap_a = [costs.gap(x, _where(i, n)) for i, x in enumerate(a)]
    gap_b = [costs.gap(y, _where(j, m)) for j, y in enumerate(b)]
    previous = [0.0] * (m + 1)
    for j in range(m):
        previous[j + 1] = previous[j] + gap_b[j]
    sub = costs.sub
    for i, x in enumerate(a):
        current = [previous[0] + gap_a[i]]
        delete = gap_a[i]
        for j, y in enumerate(b):
            change = costs.sub_first(x, y) if i == j == 0 else sub(x, y)
            current.append(min(previous[j] + change, previous[j + 1] + delete, current[j] + gap_b[j]))
        previous = current
    return previous[m]


def describe(a: str, b: str) -> str:
    """The edits between two skeletons in words, for a finding's reason: 'e/i, kh dropped'."""
    _, edits = align(a, b, fitted())
    parts = []
    for x, y, _ in edits:
        if x and y:
            parts.append(f"{_shown(x)}/{_shown(y)}")
        else:
            parts.append(f"{_shown(x or y)} {'dropped' if x else 'added'}")
    return ", ".join(parts)


def _shown(letter: str) -> str:
    """Skeleton sound classes in their English spelling (S = sh/ch/sch...)."""
    return readable(letter)


@lru_cache(maxsize=65536)
def closeness(a: str, b: str) -> tuple[float, str, str]:
    """How far two spellings are per letter, in bits, over their closest readings
    (normalise.skeletons): (bits per letter of the longer skeleton, skeleton of a, of b)."""
    best = (float("inf"), "", "")
    for x in skeletons(a):
        for y in skeletons(b):
            if not x or not y:
                continue
            bits = distance(x, y) / max(len(x), len(y))
            if bits < best[0]:
                best = (bits, x, y)
    return best
