"""Choosing one repair for a damaged word among its frequent neighbours (shared by GW003, GW004).

A repair is proposed only when it is clear: the best neighbour is frequent, much more frequent
than the damaged form, and no other neighbour of any kind comes close (`hia` could be `his`,
`him` or `hit`: no repair).
"""

from __future__ import annotations

from dataclasses import dataclass

from tqcheck.language.neighbours import neighbours


@dataclass(frozen=True)
class Repair:
    form: str
    zipf: float
    how: str  # 'accent', 'ocr', 'edit' or 'ocr+edit' (neighbours.neighbours)


# how plausible each way of differing is: a pure misreading or accent change before one edit,
# before a misreading plus an edit
TIER = {"accent": 0, "ocr": 0, "edit": 1, "ocr+edit": 2}


def clear_repair(word: str, language: str, least: float, lead: float) -> Repair | None:
    """The most frequent neighbour of `word` of the most plausible kind that has one at least
    `least` frequent, when it leads every neighbour of its kind by `lead` and no less plausible
    one is more frequent than it by `lead` per tier between them (TIER)."""
    found = neighbours(word, language)
    qualified = [n for n in found if n[1] >= least]
    if not qualified:
        return None
    tier = min(TIER[n[2]] for n in qualified)
    best = next(n for n in qualified if TIER[n[2]] == tier)
    marks = _accents(word)
    keeps = _accents(best[0]) == marks
    for rival in found:
        if rival is best or (keeps and _accents(rival[0]) != marks and rival[2] != "accent"):
            continue  # `clécidé`: `décidé` keeps the accents, `décide` would change them too
        if TIER[rival[2]] <= tier and best[1] - rival[1] < lead:
            return None
        if TIER[rival[2]] > tier and rival[1] - best[1] >= lead * (TIER[rival[2]] - tier):
            return None  # each step down in plausibility must be paid for in frequency
    return Repair(*best)


def _accents(word: str) -> str:
    if word.isascii():
        return ""
    return "".join(c for c in word.lower() if not c.isascii())
