"""`glued-furniture` (BP006): page furniture recognised by shape, not by words, in any language.

When a scraper flattens a page, the separate boxes of a widget lose the space between them, and
two shapes result that running text never has:
- a ticker or live-feed teaser: a clock time, or how long ago the story was posted, glued to
  the capitalised first word of a headline at the start of a line (`07h41Storm closes the
  port`, `- 18:22Ferries resume`, `5 hours agoLONDON (Wire) - …`); the "ago" phrases are
  language data (`relative_times` in language/data/<lang>.yaml, the document's and English);
- a label or logo printed twice with nothing between (`Harbour TimesHarbour Times`), the text
  of a logo and its alt text, or the two states of a toggle.
A time followed by a unit or zone (`10:30AM`, `14:00Uhr`, `09:15GMT`) is not a teaser, a teaser
needs a headline of a few words, and a repeated unit must be long enough and start the way a
label does (reduplicated words such as `couscous` are not labels). BP001 finds furniture by
its phrases in each language; this rule needs none, so it is its own rule, with its own
options, and can be turned off on its own. The finding is the whole line, deleted by the fix
(engine/edits.py takes the emptied line and any surplus blank line with it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Kind, Option
from tqcheck.language.data import language_data

_LINE = re.compile(r"^[^\n]*", re.MULTILINE)
_BULLETS = " \t-*•·▪>|"
_TICKER = re.compile(r"(\d{1,2})[:h.](\d{2})(\S+)")
# what may follow a time with no space and still be a plain time: a unit, a zone, a half-day
_NOT_HEADLINE = re.compile(
    r"(?:[ap]\.?m\.?|uhr|h|hrs?|gmt|utc|cet|cest|mez|mesz|msk|est|edt|pst|pdt|bst|et|z)\b", re.IGNORECASE
)
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru")  # whose "ago" phrases are looked for elsewhere
_CLASS_NAMES = {"ticker": "ticker teaser", "doubled": "label printed twice"}


class GluedFurniture(Kind):
    COST = 0.4
    READS_MARKUP: ClassVar[bool] = True
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "classes": Option(list, ["ticker", "doubled"], help="shapes reported: ticker, doubled"),
        "headline-words": Option(int, 3, help="words a ticker teaser's headline needs after its time"),
        "label-chars": Option(int, 5, help="shortest unit (in characters) of a label printed twice"),
        "label-words": Option(
            int, 4, help="most words of a label printed twice (a longer unit is a sentence: content, not furniture)"
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        classes = set(self.options["classes"])
        ago = _ago(tuple(sorted({doc.language, "en"})) if doc.language else LANGUAGES)
        text = doc.checkable
        for match in _LINE.finditer(text):
            line = match.group(0).rstrip("\r")
            found = ""
            if "ticker" in classes and self._teaser(line, ago):
                found = "ticker"
            elif "doubled" in classes and self._doubled(line):
                found = "doubled"
            if not found:
                continue
            start = match.start() + len(line) - len(line.lstrip(" \t"))
            end = match.start() + len(line.rstrip(" \t"))
            shown = doc.text[start:end]
            yield self.spec.finding(doc, start, end, suggestion="", leftover=shown, kind=_CLASS_NAMES[found])

    def _teaser(self, line: str, ago: re.Pattern[str] | None) -> bool:
        """A time at the start of the line glued to a capitalised word opening a headline."""
        body = line.lstrip(_BULLETS)
        match = _TICKER.match(body)
        if match is not None and int(match.group(1)) <= 23 and int(match.group(2)) <= 59:
            headline = body[match.start(3) :]
            if _NOT_HEADLINE.match(headline):
                return False
        else:
            match = ago.match(body) if ago is not None else None
            if match is None:
                return False
            headline = body[match.end() :]
        return headline[:1].isupper() and len(headline.split()) >= self.options["headline-words"]

    def _doubled(self, line: str) -> bool:
        """The line is one label twice over, with nothing between the copies."""
        body = line.strip().lstrip(_BULLETS).strip()
        half, odd = divmod(len(body), 2)
        if odd or half < self.options["label-chars"]:
            return False
        unit = body[:half]
        if unit != body[half:] or unit != unit.strip():
            return False
        if len(unit.split()) > self.options["label-words"]:
            return False  # a sentence written twice is copy to de-duplicate, not a line to delete
        first = unit[0]
        return any(c.isalpha() for c in unit) and not first.islower() and first not in "-=_*#~.,;:"


@lru_cache(maxsize=32)
def _ago(languages: tuple[str, ...]) -> re.Pattern[str] | None:
    """The languages' "5 hours ago" phrases, one of which must end right before a letter."""
    phrases = sorted({p for code in languages for p in language_data(code).relative_times}, key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(rf"(?:{'|'.join(f'(?:{p})' for p in phrases)})(?=[^\W\d_])", re.IGNORECASE)
