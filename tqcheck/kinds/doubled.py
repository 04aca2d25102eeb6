"""`doubled-word` (PN002): the same word twice in a row, reported on the second copy.

Deleting a doubled word is safe only where a double cannot be meant: a function word of the
document's language (`the the`, `of of`), both copies lowercase (the first may open the
sentence), no number just before (`12 in in length`: the first is a unit). A capitalised second
copy is never reported: reduplicated names (Bora Bora, Walla Walla, Duran Duran) are written
that way. Doubled content words are emphasis often enough (very very, bye bye) that they are
suggested, never fixed. Grammatical
doubles (`had had`, `nous nous`) are listed exceptions.

Python's `\\b` does not count combining marks as letters, so the last letter of a Devanagari
or Sinhala word can look like a word of its own; a copy that touches a combining mark is part
of a longer word and never a double.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Kind, Option
from tqcheck.kinds.context import starts_sentence
from tqcheck.language.detection import function_words

# the second copy with the space before it (within a paragraph: at most one line break), never
# numbers (table columns, scores), never a hyphenated reduplication (so-so), never a word and
# its contraction or possessive (`read it it's`: "it" and "it's")
_DOUBLED = re.compile(r"\b(?!\d+\b)(\w+)\b((?:[ \t]+|[ \t]*\r?\n[ \t]*)\1\b)(?!-|['’]\w)", re.IGNORECASE)
# a number just before the first copy: the first may be a unit (`12 in in length`)
_NUMBER_BEFORE = re.compile(r"\d[ \t\u00a0]*$")


class DoubledWord(Kind):
    COST = 2.0

    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "exceptions": Option(list, [], help="doubles that are grammatical (had had, nous nous), never flagged"),
        "function-words": Option(
            int, 60, help="how many of the language's most frequent words may be un-doubled by --fix"
        ),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.exceptions = {" ".join(str(e).casefold().split()) for e in self.options["exceptions"]}

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.checkable
        common: frozenset[str] | None = None
        for match in _DOUBLED.finditer(text):
            first, second = match.group(1), text[match.end(2) - len(match.group(1)) : match.end(2)]
            if _touches_mark(text, match.start(1), match.end(2)):
                continue
            if f"{first.casefold()} {second.casefold()}" in self.exceptions:
                continue
            if second[:1].isupper():
                continue  # reduplicated names (Bora Bora, Walla Walla): never a slip to report
            if common is None:
                common = function_words(doc.language, self.options["function-words"]) if doc.language else frozenset()
            safe = _plain_double(text, match.start(1), first, second, common) and not _NUMBER_BEFORE.search(
                text, max(0, match.start(1) - 8), match.start(1)
            )
            yield self.spec.finding(doc, match.start(2), match.end(2), suggestion="", safe=safe, group1=first)


def _touches_mark(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return any(c and unicodedata.category(c).startswith("M") for c in (before, after))


def _plain_double(text: str, start: int, first: str, second: str, common: frozenset[str]) -> bool:
    """A double nobody means: a lowercase function word (the first copy may open a sentence)."""
    if not second.islower() or second.casefold() not in common:
        return False
    return first.islower() or (first[:1].isupper() and first[1:].islower() and starts_sentence(text, start))
