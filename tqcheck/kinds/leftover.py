"""`leftover` (BP001): a line that is only a web page's furniture, by class and language.

Scraped and syndicated copy drags along ad-slot placeholders, comment-form prompts, share /
follow / subscribe / newsletter widgets, translation-widget lines, "source" / "original
article" / "via" credit lines with page-number debris, copyright lines and "read more" links,
in Markdown or plain. The phrases of each class are per-language data (`scraping_leftovers`
in language/data/<lang>.yaml); this kind wraps them in what pages put around them (list
bullets, emphasis, brackets, a link target, page numbers, a headline after "Read more:") and
matches whole lines only, so prose that mentions "read more" is never touched. The finding
is the whole line; the fixer (engine/edits.py) removes an emptied line with its surplus blank
line, so no run of blank lines is left behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Kind, Option
from tqcheck.language.data import language_data

LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru")  # whose leftovers are also looked for elsewhere
# possessive: a deeply indented line is never backtracked over
_LEAD = r"^[ \t]*+(?:[>#*_+•|-]++[ \t]*+)*+[\[({<]*+[ \t]*+(?:[*_]{1,2})?"
_CLOSE = r"(?:[*_]{1,2})?[\])}>]*(?:\([^()\n]*\))?"
_DEBRIS = r"[ \t:>»|.\-–—0-9]*"  # page numbers and separators (`Source link -88-`)
_TAILS = {
    "more": rf"(?:{_DEBRIS}|[ \t]*[:—–-][ \t]*[^\n]{{1,150}})",  # Read more: <headline>
    "credit": rf"(?:{_DEBRIS}|[ \t]*:[ \t]*[^\n]{{1,80}}?[ \t]+[-–—]?\d{{1,4}}[-–—]?)",  # with numbers only
}


class Leftover(Kind):
    COST = 0.5
    # a whole line goes, with any markup on it (`[Read more](…)`): removing the line removes it
    READS_MARKUP: ClassVar[bool] = True
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "classes": Option(
            list,
            ["ad", "comment", "share", "translate", "credit", "copyright", "more"],
            help="classes of leftovers reported (from the language data's scraping_leftovers)",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.checkable
        languages = tuple(sorted({doc.language, "en"} & set(LANGUAGES))) if doc.language else LANGUAGES
        pattern = _pattern(languages, tuple(self.options["classes"]))
        if pattern is None:
            return
        for match in pattern.finditer(text):
            if not match.group(0).strip():
                continue
            kind = next(name for name, value in match.groupdict().items() if value is not None)
            start, end = _trimmed(doc.text, match.start(), match.end())
            line = match.group(0).strip()
            yield self.spec.finding(doc, start, end, suggestion="", leftover=line, kind=_CLASS_NAMES.get(kind, kind))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The line without the spaces around it, read in the original text (Markdown markup that
    the checkable text blanks, `[Read more](…)`, stays inside)."""
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    return start, end


@lru_cache(maxsize=32)
def _pattern(languages: tuple[str, ...], classes: tuple[str, ...]) -> re.Pattern[str] | None:
    groups = []
    for name in classes:
        phrases: list[str] = []
        for language in languages:
            found = dict(language_data(language).scraping_leftovers)
            phrases.extend(found.get(name, ()))
        if phrases:
            body = "|".join(f"(?:{p})" for p in sorted(set(phrases), key=len, reverse=True))
            tail = _TAILS.get(name, _DEBRIS)
            groups.append(f"(?P<{name}>(?:{body}){_CLOSE}{tail})")
    if not groups:
        return None
    return re.compile(rf"{_LEAD}(?:{'|'.join(groups)})[ \t]*(?=\r?$)", re.IGNORECASE | re.MULTILINE)


_CLASS_NAMES = {
    "ad": "ad slot",
    "comment": "comment form",
    "share": "share/follow/subscribe widget",
    "translate": "translation widget",
    "credit": "credit line",
    "copyright": "copyright line",
    "more": "read-more link",
}
