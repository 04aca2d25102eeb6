"""`punct-spacing` (PN006): the space before ; : ! ? follows the document's language.

French puts a (narrow) no-break space before ; : ! ? and inside « »; English, German,
Spanish and most other languages put none, nor before a closing ”. Machine translation
between the two carries the wrong convention over. Times (12:30), URLs, ratios, emoticons and
`?!` runs are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Kind, Option
from tqcheck.language.data import language_data

# Both patterns start at the mark, so the regex engine skips ahead to the next ; : ! ? (a
# leading lookbehind would be tried at every position, 5-7x slower).
# English style: a space (not a French no-break one) before ; : ! ?, or before a closing ” that
# ends a phrase (the word before is checked in `_spaces_before`; an opening ” in Swedish or
# Finnish is followed by a letter)
_MARK_AFTER_SPACE = re.compile(r"[;:!?”](?:(?<=[ \t][;:!?])(?=[\s\"”»]|$)|(?<=[ \t]”)(?=[\s,.;:!?)\]]|$))")
# French style: a letter, digit or closing mark glued to ; : ! ?
_GLUED = re.compile(r"([;:!?])(?<=[^\W_)\]»”'’][;:!?])(?=[\s\"”»)\]]|$)")
NARROW_NBSP = "\u202f"
NBSP = "\u00a0"


class PunctSpacing(Kind):
    COST = 0.3  # the pattern starts at a rare character
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "french-space": Option(
            str, "narrow", help="no-break space before ; ! ? where the language wants one (French): 'narrow' or 'nbsp'"
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        language = doc.language
        if not language:
            return
        text = doc.checkable
        data = language_data(language)
        if data.spacing.before_marks == "no-break":
            narrow = NARROW_NBSP if self.options["french-space"] == "narrow" else NBSP
            for match in _GLUED.finditer(text):
                mark = match.group(1)
                if mark == ":" and _is_time_or_ratio(text, match.start()):
                    continue
                space = NBSP if mark == ":" else narrow
                yield self.spec.finding(
                    doc,
                    match.start(),
                    match.end(),
                    suggestion=space + mark,
                    message=data.name + " puts a no-break space before '{mark}'.",
                    mark=mark,
                )
            return
        for start, end in _spaces_before(text):
            mark = text[end]
            yield self.spec.finding(
                doc,
                start,
                end,
                suggestion="",
                message="No space before '{mark}' in this language.",
                mark=mark,
            )


def _spaces_before(text: str) -> Iterator[tuple[int, int]]:
    """Spans of spaces and tabs between a letter or digit and a following ; : ! ? or ”."""
    for match in _MARK_AFTER_SPACE.finditer(text):
        end = start = match.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        if start > 0 and text[start - 1].isalnum():
            yield start, end


def _is_time_or_ratio(text: str, index: int) -> bool:
    before = text[index - 1 : index]
    after = text[index + 1 : index + 2]
    return before.isdigit() and after.isdigit()
