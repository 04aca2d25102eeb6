"""`leftover` (BP001): a line that is only a web page's furniture, by class and language.

Scraped and syndicated copy drags along ad-slot placeholders, comment-form prompts, share /
follow / subscribe / newsletter widgets, translation-widget lines, "source" / "original
article" / "via" credit lines with page-number debris, copyright lines and "read more" links,
in Markdown or plain. The phrases of each class are per-language data (`scraping_leftovers`
in language/data/<lang>.yaml); this kind wraps them in what pages put around them (list
bullets, emphasis, brackets, a link target, page numbers, a headline after "Read more:") and
matches whole lines only, so prose that mentions "read more" is never touched. Two classes
take a slot the kind fills: photo credits (`Photo: {credit}`, a few short words and no
sentence) and publication stamps (`Published {when}`, a date and/or a time in the shapes
pages print them); a line that is only a time and a date (`08:12 11.06.2021`) is a stamp in
any language, a line that is only a date is not (letters and releases carry datelines). The finding
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
# a date as pages print it: numeric (25.03.2014, 2014-03-25, 20/05/22) or day, month word and
# year in either order (25 March 2014, 25 de marzo de 2014, March 25, 2014), with a weekday
_WORD = r"[^\W\d_]"
_NUMERIC_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"
_DAY = r"\d{1,2}(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?:[ \t]*,?[ \t]+(?:de[ \t]+)?\d{4})"
_WORD_DATE = (
    rf"(?:{_WORD}{{2,12}}\.?,?[ \t]+)?(?:{_DAY}[ \t]+(?:de[ \t]+)?{_WORD}{{3,10}}\.?{{YEAR}}"
    rf"|{_WORD}{{3,10}}\.?[ \t]+{_DAY}{{YEAR}})"
)
_DATE = rf"(?:{_NUMERIC_DATE}|{_WORD_DATE.replace('{YEAR}', _YEAR + '?')})"
_DATED = rf"(?:{_NUMERIC_DATE}|{_WORD_DATE.replace('{YEAR}', _YEAR)})"  # the year written
_TIME = (
    r"\d{1,2}(?:[:h.]\d{2}){1,2}(?:[ \t]*(?:[ap]\.?m\.?|uhr|hrs?|h|gmt|utc|cest|cet|mesz|mez|msk|edt|est|bst|et)\b)?"
)
# between a date and a time: a comma, dash or bar and up to two short words (à, at, um, a las, в)
_JOIN = rf"(?:[ \t]*[,|/–—-]?[ \t]*(?:{_WORD}{{1,4}}\.?[ \t]+){{0,2}})"
_WHEN = rf"(?:{_DATE}(?:{_JOIN}{_TIME})?|{_TIME}(?:{_JOIN}{_DATE})?)"
_BARE_STAMP = rf"(?:{_DATED}{_JOIN}{_TIME}|{_TIME}{_JOIN}{_DATED})"  # a time and a dated date only
# a credit after "Photo:": up to eight short words, so a caption sentence is never taken
_CREDIT = r"(?:[ \t]*+[^\s!?]{1,40}+){1,8}+"
_SLOTS = {"{when}": _WHEN, "{credit}": _CREDIT}
_BUILT_IN = {"stamp": (_BARE_STAMP,)}
_TAILS = {
    "more": rf"(?:{_DEBRIS}|[ \t]*[:—–-][ \t]*[^\n]{{1,150}})",  # Read more: <headline>
    "credit": rf"(?:{_DEBRIS}|[ \t]*:[ \t]*[^\n]{{1,80}}?[ \t]+[-–—]?\d{{1,4}}[-–—]?)",  # with numbers only
}


class Leftover(Kind):
    COST = 0.7  # one pass of a long alternation per line start; the photo and stamp classes add ~40%
    # a whole line goes, with any markup on it (`[Read more](…)`): removing the line removes it
    READS_MARKUP: ClassVar[bool] = True
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "classes": Option(
            list,
            ["ad", "comment", "share", "translate", "credit", "copyright", "more", "photo", "stamp"],
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
        phrases: list[str] = list(_BUILT_IN.get(name, ()))
        for language in languages:
            found = dict(language_data(language).scraping_leftovers)
            phrases.extend(found.get(name, ()))
        if phrases:
            body = "|".join(f"(?:{_filled(p)})" for p in sorted(set(phrases), key=len, reverse=True))
            tail = _TAILS.get(name, _DEBRIS)
            groups.append(f"(?P<{name}>(?:{body}){_CLOSE}{tail})")
    if not groups:
        return None
    return re.compile(rf"{_LEAD}(?:{'|'.join(groups)})[ \t]*(?=\r?$)", re.IGNORECASE | re.MULTILINE)


def _filled(phrase: str) -> str:
    """The phrase with its slots ({when}, {credit}) replaced by the kind's patterns."""
    for slot, pattern in _SLOTS.items():
        phrase = phrase.replace(slot, pattern)
    return phrase


_CLASS_NAMES = {
    "ad": "ad slot",
    "comment": "comment form",
    "share": "share/follow/subscribe widget",
    "translate": "translation widget",
    "credit": "credit line",
    "copyright": "copyright line",
    "more": "read-more link",
    "photo": "photo credit",
    "stamp": "publication stamp",
}
