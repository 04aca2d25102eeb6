"""`unbalanced` (PN005): brackets and quotation marks that are opened and never closed.

Checked per paragraph (segment), because news style lets a quotation run over several
paragraphs: an opening quote left open is fine when the next paragraph opens with the same
quote. List markers (`1)`, `a)`) and emoticons are not brackets. German „…“ and »…« are
paired by language (`quotes` in the language data files).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Kind, Option
from tqcheck.language.data import language_data

_BRACKETS = {")": "(", "]": "[", "}": "{"}
_QUOTES = {"”": "“", "»": "«"}
_MARKS = re.compile(r"[()\[\]{}“”«»„\"]")
_QUOTE_MARKS = '“”«»„"'
# emoticons and "(a)"-style labels; list markers ("a)", "2)") are handled in the loop
_SKIP = re.compile(r"(?<!\w)[:;=][-^']?[()\[\]]|\(\w{1,2}\)(?=\s|$)")
_LIST_MARKER = re.compile(r"(?m)(?:^|(?<=\s))\w{1,3}\)")


class Unbalanced(Kind):
    COST = 0.5  # only paragraphs with brackets or quotation marks
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "quotes": Option(bool, True, help="also check quotation marks"),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        segments = doc.segments
        checkable = doc.checkable
        for index, segment in enumerate(segments):
            if not _MARKS.search(checkable, segment.start, segment.end):
                continue
            text = checkable[segment.start : segment.end]
            following = ""
            if index + 1 < len(segments):
                following = doc.checkable[segments[index + 1].start : segments[index + 1].end].lstrip()[:1]
            for offset, char in self._unmatched(text, doc.language, following):
                start = segment.start + offset
                if doc.format == "md" and (char in "[]" or doc.is_masked(max(start - 1, 0), start + 2)):
                    continue  # Markdown link syntax, or a mark next to masked markup
                yield self.spec.finding(doc, start, start + 1, mark=char)

    def _unmatched(self, text: str, language: str | None, next_opening: str) -> list[tuple[int, str]]:
        # most paragraphs hold quotation marks only: no emoticons or list labels to look for
        brackets = "(" in text or ")" in text or "[" in text or "]" in text
        skipped = {i for m in _SKIP.finditer(text) for i in range(m.start(), m.end())} if brackets else set()
        markers = {m.end() - 1 for m in _LIST_MARKER.finditer(text)} if ")" in text else set()
        quotes = language_data(language).quotes
        german = quotes.low_opening or "„" in text
        first_right, first_left = text.find("»"), text.find("«")
        reversed_guillemets = quotes.reversed_guillemets or (first_right >= 0 and not 0 <= first_left < first_right)
        stack: list[tuple[int, str]] = []
        bad: list[tuple[int, str]] = []
        straight: list[int] = []
        for match in _MARKS.finditer(text):
            i, char = match.start(), match.group(0)
            if i in skipped:
                continue
            if char in _QUOTE_MARKS and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
                continue  # inside a word: OCR debris (`Schulg«lder`), never a quotation mark
            if i in markers and not any(o == "(" for _, o in stack):
                continue  # "a)", "2)" list labels, unless a "(" is open: "(exit 2)"
            if char == '"':
                if self.options["quotes"]:
                    if len(straight) % 2 == 1 and _starts_line(text, i):
                        straight.pop()  # a quotation going on in a new paragraph opens it again
                    straight.append(i)
                continue
            if char in "«»" and reversed_guillemets:
                char = "«" if char == "»" else "»"
            if stack and stack[-1][1] in "“«„" and _starts_line(text, i):
                # a quotation over several paragraphs (one per line here) opens each of them
                # again (“ « „), or in French continues them with »
                if char == stack[-1][1]:
                    stack.pop()
                elif char == "»" and stack[-1][1] == "«":
                    continue
            if char in "„":
                stack.append((i, char))
                continue
            if char in "“”" and stack and stack[-1][1] == "„":  # „…“ (German) or „…” (Dutch, Polish)
                stack.pop()
                continue
            if char in "([{“«":
                if char in "“«" and not self.options["quotes"]:
                    continue
                stack.append((i, char))
                continue
            if char in "”»" and not self.options["quotes"]:
                continue
            opener = _BRACKETS.get(char) or _QUOTES.get(char)
            if stack and stack[-1][1] == opener:
                stack.pop()
            elif any(o == opener for _, o in stack):
                # close the matching opener; what was opened inside it stays unmatched
                while stack and stack[-1][1] != opener:
                    bad.append(stack.pop())
                stack.pop()
            elif char == "”" and german:
                continue  # „…” (Polish, Dutch, Romanian) closes a „ already popped or is a quote mark
            else:
                bad.append((i, text[i]))
        for i, opener in stack:
            if opener in "“«„" and next_opening in ("“", "«", "„", "»"):
                continue  # a quotation that goes on in the next paragraph
            bad.append((i, text[i]))
        if len(straight) % 2 == 1 and next_opening != '"':
            bad.append((_unpaired_straight(text, straight), '"'))
        return sorted(bad)


def _starts_line(text: str, i: int) -> bool:
    """Only spaces between the previous line break and position `i` (and there is one)."""
    line = text.rfind("\n", 0, i)
    return line >= 0 and not text[line + 1 : i].strip()


def _unpaired_straight(text: str, positions: list[int]) -> int:
    """Which of an odd number of straight quotes to report: the last one of the last line that
    holds an odd number (quotes mostly pair within a line: `He said "yes" and "no`)."""
    per_line: dict[int, list[int]] = {}
    for i in positions:
        per_line.setdefault(text.count("\n", 0, i), []).append(i)
    odd = [found for found in per_line.values() if len(found) % 2 == 1]
    return odd[-1][-1] if odd else positions[-1]
