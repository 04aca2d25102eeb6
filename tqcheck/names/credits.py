"""Credit and dateline lists: `(with Tom Balmforth, Darya Korsunskaya and Andrew Osborn Moscow;`.

Wire copy lists its reporters with the desk's city glued to the last name, so the capitalised
run `Andrew Osborn Moscow` reads as one person whose surname is `Moscow`. The city is told
apart by three things together: the run stands in a list (a comma, a conjunction or a bracket
before it; a comma, semicolon, bracket or stop after it), its last word is used alone elsewhere
in the document and never ends another name, and that word is more common in the language than
the word before it (cities are frequent words, surnames rarely are). Then the last word is a
name of its own, and the person is the rest of the run.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from tqcheck.language.data import union
from tqcheck.names.mentions import Run

_BEFORE = re.compile(r"(?:[,;(]|\b(?P<word>\w+))[ \t\u00a0]*\Z")
_AFTER = re.compile(r"[ \t\u00a0]*[,;).]")


@lru_cache(maxsize=1)
def _conjunctions() -> frozenset[str]:
    """`and`, `et`, `und`...: the conjunctions of every language's data file."""
    return union(lambda data: data.function_words.conjunctions)


def split_credits(runs: list[Run], text: str, zipf: Callable[[str], float]) -> list[Run]:
    """The runs, with a place glued to the last name of a listed person split off."""
    if all(len(run.tokens) < 3 for run in runs):
        return runs  # a person and a place: three words at least
    alone = Counter(run.last.form for run in runs if len(run.tokens) == 1)
    ending = Counter(run.last.form for run in runs if len(run.tokens) > 1)
    out: list[Run] = []
    for run in runs:
        last, before = run.tokens[-1], run.tokens[-2] if len(run.tokens) >= 3 else None
        if (
            before is not None
            and alone[last.form] >= 2
            and ending[last.form] == 1
            and zipf(last.form) > zipf(before.form)
            and _listed(text, run)
        ):
            out.append(Run(run.tokens[:-1]))
            out.append(Run(run.tokens[-1:]))
        else:
            out.append(run)
    return out


def _listed(text: str, run: Run) -> bool:
    start, end = run.tokens[0].start, run.tokens[-1].end
    before = _BEFORE.search(text, max(0, start - 12), start)
    if before is None or (before["word"] is not None and before["word"].casefold() not in _conjunctions()):
        return False
    return _AFTER.match(text, end) is not None
