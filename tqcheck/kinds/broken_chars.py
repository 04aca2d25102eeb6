"""`broken-chars` (GW002): mojibake, replacement characters, invisible and mixed-script letters.

Mojibake (`CafÃ©`, `donâ€™t`) is UTF-8 decoded with the wrong code page; ftfy's badness
heuristic finds it and ftfy repairs it, so the repair is exact. U+FFFD means the letter is
gone (no repair). Control and zero-width characters are invisible leftovers (delete them).
A Latin word with a Cyrillic `о` (or the reverse) defeats search and spell checking; the
look-alike is mapped back to the word's own script.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Kind, Option

# A quick gate before ftfy: characters that mojibake of UTF-8 through Latin-1/CP1252/MacRoman
# produces, plus C1 controls. Most clean text has none of these sequences. (Patterns here start
# with one character class, which the regex engine scans for quickly.)
_SUSPECT = re.compile(
    r"[ÃÂÅÄÐÑÎÏâ\u0080-\u009f](?:(?<=[\u0080-\u009f])"
    r"|[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122])"
)
_TOKEN = re.compile(r"(?:[^\s]|Ã\u00a0)+")
_REPLACEMENT = re.compile("\ufffd+")
# C0 controls other than tab/newline/CR, DEL, zero-width space/joiners between letters,
# word joiner, BOM inside the text, soft hyphen between letters, bidi embedding controls.
_INVISIBLE = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u2060\ufeff\u202a-\u202e]")
# soft hyphen and zero-width (non-)joiners are legitimate in some scripts: only inside Latin words
# zero-width characters that stand for a word break (between letters: a lost space, or a stray)
_ZERO_WIDTH_BREAKS = "\u200b\u2060\ufeff"
_JOINERS = re.compile(r"(?<=[A-Za-z\u00c0-\u024f])[\u00ad\u200c\u200d](?=[A-Za-z\u00c0-\u024f])")
_LATIN = r"A-Za-z\u00c0-\u024f"
_CYRILLIC = r"\u0400-\u04ff"
_LETTERS = f"[{_LATIN}{_CYRILLIC}]"
# a Cyrillic letter next to a Latin one
_SCRIPT_SEAM = re.compile(f"[{_CYRILLIC}](?:(?<=[{_LATIN}][{_CYRILLIC}])|(?=[{_LATIN}]))")
_HAS_CYRILLIC = re.compile(f"[{_CYRILLIC}]")
_TO_LATIN = dict(zip("аеорсухіјѕԁАВЕКМНОРСТХІЈЅ", "aeopcyxijsdABEKMHOPCTXIJS", strict=True))
_TO_CYRILLIC = {
    "a": "а",
    "e": "е",
    "o": "о",
    "p": "р",
    "c": "с",
    "y": "у",
    "x": "х",
    "A": "А",
    "B": "В",
    "E": "Е",
    "K": "К",
    "M": "М",
    "H": "Н",
    "O": "О",
    "P": "Р",
    "C": "С",
    "T": "Т",
    "X": "Х",
}


class BrokenChars(Kind):
    COST = 0.7
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "mojibake": Option(bool, True, help="report text decoded with the wrong code page"),
        "replacement": Option(bool, True, help="report U+FFFD replacement characters"),
        "invisible": Option(bool, True, help="report control and zero-width characters"),
        "mixed-script": Option(bool, True, help="report words mixing Latin and Cyrillic letters"),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.checkable
        if self.options["mojibake"]:
            yield from self._mojibake(doc, text)
        if self.options["replacement"] and "\ufffd" in text:
            for match in _REPLACEMENT.finditer(text):
                start, end = _word_around(text, match.start(), match.end())
                yield self.spec.finding(
                    doc, start, end, message="'{match}' contains U+FFFD: a character was lost in decoding.", safe=False
                )
        if self.options["invisible"]:
            joiners = "\u00ad" in text or "\u200c" in text or "\u200d" in text
            matches = [*_INVISIBLE.finditer(text), *(_JOINERS.finditer(text) if joiners else ())]
            for match in sorted(matches, key=lambda m: m.start()):
                code = f"U+{ord(match.group(0)):04X}"
                start, end = match.span()
                if match.group(0) in _ZERO_WIDTH_BREAKS and _between_letters(text, start, end):
                    # a lost word break (the\u200bminister) or a stray one inside a word: never
                    # deleted silently; the word table may tell which
                    message = f"Zero-width character {code} between two letters: a lost space or a stray character."
                    suggestion = _break_or_join(doc, text, start, end)
                    yield self.spec.finding(doc, start, end, suggestion=suggestion, message=message, safe=False)
                    continue
                yield self.spec.finding(
                    doc, start, end, suggestion="", message=f"Invisible character {code}; delete it."
                )
        if self.options["mixed-script"] and not text.isascii():
            yield from self._mixed(doc, text)

    def _mojibake(self, doc: Document, text: str) -> Iterator[Finding]:
        if text.isascii() or not _SUSPECT.search(text):
            return
        import ftfy
        from ftfy.badness import is_bad

        config = ftfy.TextFixerConfig(
            uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False, normalization=None, explain=False
        )
        for match in _TOKEN.finditer(text):
            token = match.group(0)
            if not _SUSPECT.search(token) or not is_bad(token):
                continue
            fixed = ftfy.fix_text(token, config)
            if fixed != token:
                yield self.spec.finding(doc, match.start(), match.end(), suggestion=fixed)

    def _mixed(self, doc: Document, text: str) -> Iterator[Finding]:
        if not _HAS_CYRILLIC.search(text):
            return
        done = -1
        for seam in _SCRIPT_SEAM.finditer(text):
            if seam.start() < done:
                continue
            start, end = _word_around(text, seam.start(), seam.end(), letters=True)
            done = end
            word = text[start:end]
            cyrillic = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
            if cyrillic * 2 < len(word):
                fixed = "".join(_TO_LATIN.get(c, c) for c in word)
                clean = all(not "\u0400" <= c <= "\u04ff" for c in fixed)
            else:
                fixed = "".join(_TO_CYRILLIC.get(c, c) for c in word)
                clean = all("\u0400" <= c <= "\u04ff" for c in fixed)
            message = "'{match}' mixes Latin and Cyrillic letters that look alike."
            yield self.spec.finding(doc, start, end, suggestion=fixed if clean else None, message=message)


def _between_letters(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1].isalpha() and text[end].isalpha()


def _break_or_join(doc: Document, text: str, start: int, end: int) -> str | None:
    """' ' when both sides are words and together they are not, '' when only together they
    are a word; None when the word table cannot tell (or there is none)."""
    from tqcheck.language.tokens import document_lexicon

    settled = document_lexicon(doc)
    if settled is None:
        return None
    lex = settled[1]
    left_start, _ = _word_around(text, start, start, letters=True)
    _, right_end = _word_around(text, end, end, letters=True)
    left, right = text[left_start:start], text[end:right_end]
    apart = left in lex and right in lex
    together = (left + right) in lex
    if apart and not together:
        return " "
    if together and not apart:
        return ""
    return None


def _word_around(text: str, start: int, end: int, letters: bool = False) -> tuple[int, int]:
    """Widen a span to the surrounding non-space run (or letter run)."""

    def inside(char: str) -> bool:
        return char.isalpha() if letters else not char.isspace()

    while start > 0 and inside(text[start - 1]):
        start -= 1
    while end < len(text) and inside(text[end]):
        end += 1
    return start, end
