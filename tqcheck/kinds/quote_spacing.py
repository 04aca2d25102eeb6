"""`quote-spacing` (PN008): a space inside quotation marks (`said “ Violence`, `violence ”`).

Machine translation and copy-pasting between conventions leave a space after an opening or
before a closing quotation mark. Curly marks say which way they face; straight quotes are
paired by where they stand (balance.pair_straight), so only a quote that clearly opens or
closes a pair counts. Languages that put a space inside some marks (French « … ») list them
in the rule's `spaced` option.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.balance import pair_straight
from tqcheck.kinds.base import Kind, Option

_AFTER_OPENING = re.compile(r"([“«„])([ \t]+)(?=[^\W_])")
# a space before a closing ” is PN006's (language spacing); » and German “ close here
_BEFORE_CLOSING = re.compile(r"(?<=[^\W_]|[.,!?…])([ \t]+)([»“])")
_STRAIGHT = re.compile(r'"')
_PAIR = {"“": "”“", "«": "»", "„": "“”"}
_OPENER = {"»": "«", "“": "„"}


def _closed_after(text: str, start: int, closers: str) -> bool:
    """A closing mark later in the same paragraph."""
    end = text.find("\n\n", start)
    stretch = text[start : end if end >= 0 else len(text)]
    return any(mark in stretch for mark in closers)


def _opened_before(text: str, end: int, openers: str) -> bool:
    """An opening mark earlier in the same paragraph."""
    start = text.rfind("\n\n", 0, end)
    stretch = text[start + 1 if start >= 0 else 0 : end]
    return any(mark in stretch for mark in openers)


class QuoteSpacing(Kind):
    COST = 0.3
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "spaced": Option(dict, {}, help="language -> quotation marks that take a space inside (French « »)"),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.checkable
        if not any(mark in text for mark in '“”«»„"'):
            return
        spaced = set(self.options["spaced"].get(doc.language or "", []))
        german = "„" in text
        for match in _AFTER_OPENING.finditer(text):
            mark = match.group(1)
            if mark in spaced or (mark == "“" and german):
                continue  # (German “ closes)
            if not _closed_after(text, match.end(), _PAIR[mark]):
                continue  # no closing mark in the paragraph: a separator or PN005's business
            yield self._space(doc, match.start(2), match.end(2), mark, safe=True)
        for match in _BEFORE_CLOSING.finditer(text):
            mark = match.group(2)
            if mark in spaced or (mark == "«" and not german):
                continue
            if mark == "»" and doc.language in ("de", "da"):
                continue  # »…« faces the other way there: ` »` opens
            if mark == "“" and not german:
                continue  # an opening “ after a space
            if not _opened_before(text, match.start(), _OPENER[mark]):
                continue  # `Read More »`: an arrow, not the end of a quotation
            yield self._space(doc, match.start(1), match.end(1), mark, safe=True)
        if '"' in text:
            for segment in doc.segments:
                body = text[segment.start : segment.end]
                positions = [m.start() for m in _STRAIGHT.finditer(body)]
                if len(positions) < 2:
                    continue
                pairs, _ = pair_straight(body, positions)
                for opening, closing in pairs:
                    inside = body[opening + 1 : closing]
                    lead = len(inside) - len(inside.lstrip(" \t"))
                    trail = len(inside) - len(inside.rstrip(" \t"))
                    if not inside.strip() or "\n" in inside:
                        continue
                    if lead:
                        at = segment.start + opening + 1
                        yield self._space(doc, at, at + lead, '"', safe=False)
                    if trail:
                        at = segment.start + closing - trail
                        yield self._space(doc, at, at + trail, '"', safe=False)

    def _space(self, doc: Document, start: int, end: int, mark: str, *, safe: bool) -> Finding:
        return self.spec.finding(doc, start, end, suggestion="", mark=mark, safe=safe)
