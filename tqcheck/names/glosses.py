"""Romanisation glosses: `Kim Jong Un (Kim Cho'ng-u'n)`, `Kim Tok Hun (Kim Tok-hun)`.

A name in brackets (round or square) right after a name is that name in another system, given on purpose: it is
not the document's spelling, so no TL rule may count it as a variant or suggest it. A name
stands in such a bracket when the bracket holds only that name and opens right after a name:
after a name word, with nothing between but capitalised words or hyphenated pieces of the same
name (`Kim Jong Un (…)` in French, where `Un` is no name word on its own).
"""

from __future__ import annotations

import re

from tqcheck.names.mentions import Run

_OPEN = re.compile(r"[(\[][ \u00a0]*")
_CLOSE = re.compile(r"[ \u00a0]*[)\];,]")  # the gloss may be followed by more: (Kim Cho'ng-u'n; KJU)
_GAP_WORD = re.compile(r"([ \u00a0]|[‑-]|['’])([^\W\d_]+)")


def _name_continues(text: str, start: int, end: int) -> bool:
    """Between a name word and a bracket: only more words of the name (capitalised after a space)."""
    position = start
    while position < end:
        word = _GAP_WORD.match(text, position, end)
        if word is None or (word.group(1) in " \u00a0" and not word.group(2)[0].isupper()):
            return False
        position = word.end()
    return True


def _before_spaces(text: str, position: int) -> int:
    while position > 0 and text[position - 1] in " \u00a0":
        position -= 1
    return position


def drop_glosses(runs: list[Run], text: str) -> list[Run]:
    """The runs without those that are a gloss of the name before them."""
    out: list[Run] = []
    previous_end = -1
    for run in runs:
        start, end = run.tokens[0].start, run.tokens[-1].end
        gloss = False
        if previous_end >= 0 and _CLOSE.match(text, end):
            bracket = max(text.rfind("(", previous_end, start), text.rfind("[", previous_end, start))
            opening = _OPEN.match(text, bracket) if bracket >= 0 else None
            gloss = (
                opening is not None
                and opening.end() == start
                and _name_continues(text, previous_end, _before_spaces(text, bracket))
            )
        if not gloss:
            out.append(run)
        previous_end = end
    return out
