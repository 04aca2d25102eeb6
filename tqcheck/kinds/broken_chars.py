"""`broken-chars` (GW002): mojibake, replacement characters, invisible and mixed-script letters.

Mojibake (`CafÃ©`, `donâ€™t`, MacRoman `caf√©`, cp1251 `вЂ“`, a C1 control for an
apostrophe) is text decoded with the wrong code page: ftfy decides, line by line, with no gate
of ours in front of it; a line it repairs with an encoding step is a finding, and its repair is
ftfy's. A `â€` left at a word's end is a ” whose last byte was lost (no exact repair). U+FFFD means the letter is
gone (no repair). Control and zero-width characters are invisible leftovers (delete them).
A Latin word with a Cyrillic `о` (or the reverse) defeats search and spell checking; the
look-alike is mapped back to the word's own script.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Kind, Option

if TYPE_CHECKING:
    import ftfy

# a line ending in `â€` (UTF-8 of ” read as cp1252, its last byte 0x9D undefined there and lost)
_WORDS = re.compile(r"\S+")
_LOST_QUOTE = re.compile(r"â€(?=[\s)\]]|$)")
# ftfy steps that undo a wrong decoding (the others, such as curling quotes, are style)
_ENCODING_STEPS = {"encode", "decode", "transcode"}
_ENCODING_FIXES = {"decode_inconsistent_utf8", "fix_c1_controls", "restore_byte_a0", "replace_lossy_sequences"}
# what ftfy's fixers other than fix_encoding change: C1 controls and surrogates
_FTFY_OTHERS = re.compile("[\x80-\x9f\ud800-\udfff]")
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
        """Each line ftfy repairs with an encoding step is mojibake; the changed stretches,
        widened to whole words, are the findings and ftfy's text their repair."""
        if text.isascii():
            return  # ftfy leaves ASCII as it is
        config = ftfy_config()
        at = 0
        for line in text.splitlines(keepends=True):
            start, at = at, at + len(line)
            if line.isascii():
                continue
            covered: list[tuple[int, int]] = []
            if _ftfy_may_change(line):
                covered = yield from self._repaired_line(doc, start, line, config)
            if "â€" in line:
                # the last byte of ” was lost, which ftfy cannot undo: ” is the one such character
                for match in _LOST_QUOTE.finditer(line):
                    if any(a < match.end() and match.start() < b for a, b in covered):
                        continue
                    message = "'{match}' is mojibake of a closing quotation mark; it should read '{suggestion}'."
                    where = start + match.start()
                    yield self.spec.finding(doc, where, where + 2, suggestion="”", message=message, safe=False)

    def _repaired_line(
        self, doc: Document, start: int, line: str, config: ftfy.TextFixerConfig
    ) -> Generator[Finding, None, list[tuple[int, int]]]:
        """ftfy's repair of a line, and for what it leaves, of each word; returns the spans found."""
        import ftfy

        fixed, steps = ftfy.fix_and_explain(line, config)
        covered: list[tuple[int, int]] = []
        if fixed != line and any(_is_encoding_step(step) for step in steps or ()):
            for finding in self._changes(doc, start, line, fixed):
                covered.append((finding.start - start, finding.end - start))
                yield finding
        # a line mixing right letters and mojibake (`Café` beside `caf√©`) cannot be read back
        # as one code page: ftfy then decides word by word for what is left
        for token in _WORDS.finditer(line):
            word = token.group(0)
            if word.isascii() or any(a < token.end() and token.start() < b for a, b in covered):
                continue
            fixed, steps = ftfy.fix_and_explain(word, config)
            if fixed != word and any(_is_encoding_step(step) for step in steps or ()):
                yield from self._changes(doc, start + token.start(), word, fixed)
        return covered

    def _changes(self, doc: Document, start: int, line: str, fixed: str) -> Iterator[Finding]:
        from difflib import SequenceMatcher

        blocks = SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes()
        merged: list[list[int]] = []
        for tag, i1, i2, _, _ in blocks:
            if tag == "equal":
                continue
            a, b = _word_span(line, i1, i2)
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        for span in merged:
            span += [_mapped(blocks, span[0], start=True), _mapped(blocks, span[1], start=False)]
        for a, b, c, d in merged:
            repair = fixed[c:d]
            if "†" in repair and "â€ " in line[a : b + 1]:
                # `â€` + space is a ” that lost its last byte, not the † ftfy reads there
                message = "'{match}' is mojibake of a closing quotation mark; it should read '{suggestion}'."
                repair = repair.replace("†", "” ")
                yield self.spec.finding(doc, start + a, start + b, suggestion=repair, message=message, safe=False)
                continue
            yield self.spec.finding(doc, start + a, start + b, suggestion=repair)

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


@cache
def ftfy_config() -> ftfy.TextFixerConfig:
    """ftfy with its encoding fixers only: HTML entities, ligatures, width, quotes, line breaks,
    controls and normalisation are other rules' business (or none)."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
    )


def _ftfy_may_change(line: str) -> bool:
    """Whether ftfy may repair an encoding in `line` or in one of its words. ftfy's own first
    test decides: fix_encoding returns text in which `badness.is_bad` finds nothing as it is,
    and as those patterns look only at the characters they match (no look-around; the one
    anchored pattern needs a space), a word of the line holds none the line does not. The other
    fixers used change only C1 controls and surrogates. Most lines of accented prose pass this
    one regular-expression search instead of a full ftfy run for the line and each word."""
    from ftfy.badness import is_bad

    return is_bad(line) or _FTFY_OTHERS.search(line) is not None


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


def _mapped(blocks: Sequence[tuple[str, int, int, int, int]], pos: int, *, start: bool) -> int:
    """Where a word boundary of the line falls in ftfy's text (a start maps to the start of a
    changed block, an end to its end)."""
    for tag, i1, i2, j1, j2 in blocks:
        if (i1 <= pos < i2) if start else (i1 < pos <= i2):
            return j1 + (pos - i1) if tag == "equal" else (j1 if start else j2)
    return blocks[-1][4] if blocks else pos


def _is_encoding_step(step: tuple[str, str]) -> bool:
    kind, name = step
    return kind in _ENCODING_STEPS or (kind == "apply" and name in _ENCODING_FIXES)


def _word_span(line: str, start: int, end: int) -> tuple[int, int]:
    """The changed stretch widened to the whitespace around it (the line end excluded)."""
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    while end < len(line) and not line[end].isspace():
        end += 1
    return start, end


def _word_around(text: str, start: int, end: int, letters: bool = False) -> tuple[int, int]:
    """Widen a span to the surrounding non-space run (or letter run)."""

    def inside(char: str) -> bool:
        return char.isalpha() if letters else not char.isspace()

    while start > 0 and inside(text[start - 1]):
        start -= 1
    while end < len(text) and inside(text[end]):
        end += 1
    return start, end
