"""`unbalanced` (PN005): brackets and quotation marks that are opened and never closed.

Checked per paragraph (segment), because news style lets a quotation run over several
paragraphs: an opening quote left open is fine when the next paragraph opens with the same
quote (unless a complete quotation follows it in its own paragraph: then it was simply never
closed), and a quotation opened in one paragraph and closed in a later one without reopening
is balanced too. List markers (`1)`, `a)`) and emoticons are not brackets. Guillemets point
whichever way a paragraph's first one points (»…« in German and Danish, «…» elsewhere and in
Swiss German); German „…“ is paired by language (`quotes` in the
language data files). A quotation mark inside a word, or a low „
glued to a word, is OCR debris, not a quotation mark. Of an odd number of straight quotes,
the one that pairs with none is reported (by where it stands: an opener before a word, a
closer after one).
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
_QUOTED_AFTER = re.compile(r"[“«„»\"].*?[”»«“\"]", re.DOTALL)  # a complete quotation
_QUOTE_ANY = re.compile(r"[“”«»„\"]")
_CLOSER = {"“": "”“", "«": "»", "»": "«", "„": "“”", '"': '"'}
_QUOTE_PARAGRAPHS = 12  # a quotation running over more paragraphs than this is not matched up
_OPENING_CONTEXT = "([{—–-/"
_CLOSING_CONTEXT = ".,;:!?)]}—–-…/"


class Unbalanced(Kind):
    COST = 0.5  # only paragraphs with brackets or quotation marks
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "quotes": Option(bool, True, help="also check quotation marks"),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        segments = doc.segments
        checkable = doc.checkable
        found: list[tuple[int, int, str]] = []  # (segment index, position, mark)
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
                found.append((index, start, char))
        for _, start, char in _across_paragraphs(found, checkable):
            yield self.spec.finding(doc, start, start + 1, mark=char)

    def _unmatched(self, text: str, language: str | None, next_opening: str) -> list[tuple[int, str]]:
        # most paragraphs hold quotation marks only: no emoticons or list labels to look for
        brackets = "(" in text or ")" in text or "[" in text or "]" in text
        skipped = {i for m in _SKIP.finditer(text) for i in range(m.start(), m.end())} if brackets else set()
        markers = {m.end() - 1 for m in _LIST_MARKER.finditer(text)} if ")" in text else set()
        quotes = language_data(language).quotes
        # outside French typography a guillemet between spaces is not a quotation mark
        spaced_apart = language_data(language).spacing.before_marks == "none"
        german = quotes.low_opening or "„" in text
        first_right, first_left = text.find("»"), text.find("«")
        # the first guillemet shows which way they point: »…« (German, Danish), «…» (French,
        # Swiss German); a paragraph that opens with » continues a French quotation
        reversed_guillemets = (
            first_right >= 0
            and not 0 <= first_left < first_right
            and (
                quotes.reversed_guillemets or first_right > 0 or language_data(language).spacing.before_marks == "none"
            )
        )
        stack: list[tuple[int, str]] = []
        bad: list[tuple[int, str]] = []
        straight: list[int] = []
        for match in _MARKS.finditer(text):
            i, char = match.start(), match.group(0)
            if i in skipped:
                continue
            if char in _QUOTE_MARKS and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
                continue  # inside a word: OCR debris (`Schulg«lder`), never a quotation mark
            if char == "„" and i > 0 and text[i - 1].isalnum():
                continue  # a low mark glued to a word: a misread comma, not an opening quote
            if char in "«»" and spaced_apart and _between_spaces(text, i):
                continue  # `Read More »`, `Site « Section`: an arrow or separator, not a quote
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
            if opener in "“«„" and next_opening in ("“", "«", "„", "»") and not _QUOTED_AFTER.search(text, i + 1):
                continue  # a quotation that goes on in the next paragraph
            bad.append((i, text[i]))
        if len(straight) % 2 == 1:
            orphan = unpaired_straight(text, straight)
            if not (orphan == straight[-1] and next_opening == '"' and orphan_opens(text, orphan)):
                bad.append((orphan, '"'))
        return sorted(bad)


def _between_spaces(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isspace() and after.isspace()


def _starts_line(text: str, i: int) -> bool:
    """Only spaces between the previous line break and position `i` (and there is one)."""
    line = text.rfind("\n", 0, i)
    return line >= 0 and not text[line + 1 : i].strip()


def straight_shape(text: str, i: int) -> str:
    """'open' (space or start before, a non-space after), 'close' (the reverse) or '?'."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    open_before = before.isspace() or before in _OPENING_CONTEXT
    close_after = after.isspace() or after in _CLOSING_CONTEXT
    if open_before and not close_after:
        return "open"
    if close_after and not open_before:
        return "close"
    return "?"


def orphan_opens(text: str, i: int) -> bool:
    return straight_shape(text, i) != "close"


def pair_straight(text: str, positions: list[int]) -> tuple[list[tuple[int, int]], list[int]]:
    """(pairs of opening and closing straight quotes, the orphans), read left to right by where
    each stands: an opener followed by another opener leaves the first one alone, a closer with
    nothing open is alone."""
    pairs: list[tuple[int, int]] = []
    orphans: list[int] = []
    opened: int | None = None
    for i in positions:
        shape = straight_shape(text, i)
        if opened is None:
            if shape == "close":
                orphans.append(i)
            else:
                opened = i
        elif shape == "open":
            orphans.append(opened)
            opened = i
        else:
            pairs.append((opened, i))
            opened = None
    if opened is not None:
        orphans.append(opened)
    return pairs, orphans


def unpaired_straight(text: str, positions: list[int]) -> int:
    """Which of an odd number of straight quotes to report: the orphan of the pairing by
    position (`said "Violence is over. He left" and "peace`), else the last one."""
    _, orphans = pair_straight(text, positions)
    return orphans[0] if orphans else positions[-1]


def _across_paragraphs(found: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """Drop a quotation opened in one paragraph and closed in a later one (a long quotation
    whose middle paragraphs are not reopened), when no other quotation mark stands between."""
    kept = list(found)
    for a, (seg_a, start_a, mark_a) in enumerate(found):
        closer = _CLOSER.get(mark_a)
        if closer is None:
            continue
        for seg_b, start_b, mark_b in found[a + 1 :]:
            if seg_b == seg_a:
                continue
            near = seg_b - seg_a <= _QUOTE_PARAGRAPHS and not _QUOTE_ANY.search(text, start_a + 1, start_b)
            if mark_b in closer and near and (mark_a != '"' or straight_shape(text, start_b) != "open"):
                kept = [f for f in kept if f[1] not in (start_a, start_b)]
            break
    return kept
