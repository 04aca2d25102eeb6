"""`substitution`: a word or phrase that has a preferred replacement (Kiev -> Kyiv).

A swap is right for the word, not always for the name the word is part of, so the fix is safe
only in a plain context (the guards are options, on by default):

- `name-guard`: a capitalised match next to another capitalised word that is not a function
  word (`Burma Road`, `Chicken Kiev`, `Kiev-Pechersk`) is part of a longer name: the swap is
  suggested, never applied by `--fix`;
- `qualifier-guard`: a match followed by a comma and a capitalised word (`Odessa, Texas`) may
  name another place of that name: suggested, never applied;
- `determiner-guard`: when the swap drops a leading function word (`the Ukraine` -> `Ukraine`)
  and a content word follows (`the Ukraine aid package`), the article belongs to that longer
  phrase: not flagged at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Kind, Option, literal_pattern, match_case
from tqcheck.kinds.context import followed_by_qualifier, is_capitalised, word_after, word_before
from tqcheck.kinds.patterns import compile_user_pattern
from tqcheck.language.detection import function_words


class Substitution(Kind):
    """Literal by default so editors need not know regex; `regex: true` opts in."""

    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "swap": Option(dict, required=True, help="map of unwanted form -> preferred form"),
        "ignore-case": Option(bool, False, help="match regardless of case"),
        "regex": Option(bool, False, help="treat keys as regular expressions"),
        "name-guard": Option(bool, True, help="next to another capitalised word (Burma Road): suggest only, never fix"),
        "qualifier-guard": Option(
            bool, True, help="before a comma and a capitalised word (Odessa, Texas): suggest only, never fix"
        ),
        "determiner-guard": Option(
            bool, True, help="a dropped leading article before a content word (the Ukraine aid): not flagged"
        ),
        "function-words": Option(
            int, 120, help="how many of the language's most frequent words count as function words in the guards"
        ),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        flags = re.IGNORECASE if self.options["ignore-case"] else 0
        self.swaps: list[tuple[re.Pattern[str], str]] = []
        for unwanted, preferred in self.options["swap"].items():
            if self.options["regex"]:
                pattern = compile_user_pattern(str(unwanted), ignore_case=bool(flags))
            else:
                pattern = literal_pattern(str(unwanted), ignore_case=bool(flags))
            self.swaps.append((pattern, str(preferred)))

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.checkable
        common: frozenset[str] | None = None
        for pattern, preferred in self.swaps:
            for match in pattern.finditer(text):
                found = match.group(0)
                suggestion = match.expand(preferred) if self.options["regex"] else match_case(found, preferred)
                if suggestion == found:
                    continue
                if common is None:
                    common = self._function_words(doc)
                start, end = match.span()
                if self.options["determiner-guard"] and _article_of_longer_phrase(text, found, suggestion, end, common):
                    continue
                safe = not (
                    (self.options["name-guard"] and _in_longer_name(text, found, start, end, common))
                    or (self.options["qualifier-guard"] and followed_by_qualifier(text, end))
                )
                yield self.spec.finding(doc, start, end, suggestion=suggestion, safe=safe)

    def _function_words(self, doc: Document) -> frozenset[str]:
        language = doc.language or (self.spec.languages[0] if self.spec.languages else None)
        return function_words(language, self.options["function-words"]) if language else frozenset()


def _in_longer_name(text: str, found: str, start: int, end: int, common: frozenset[str]) -> bool:
    if not any(c.isupper() for c in found):
        return False
    for word in (word_before(text, start), word_after(text, end)):
        if word and is_capitalised(word) and word.casefold() not in common:
            return True
    return False


def _article_of_longer_phrase(text: str, found: str, suggestion: str, end: int, common: frozenset[str]) -> bool:
    words = found.casefold().split()
    if len(words) < 2 or words[0] not in common or suggestion.casefold().split() != words[1:]:
        return False  # not a swap that only drops a leading function word
    following = word_after(text, end)
    return following is not None and text[end : end + 1] != "-" and following.casefold() not in common
