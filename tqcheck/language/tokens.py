"""Words of a text as the word rules see them: tokens, their places, casing, and the document's
word table.

The token pattern keeps inner hyphens and apostrophes (`Jean-Stéphane`, `l'Assemblée`) and
stays out of paths, e-mail addresses, domains and numbers; the helpers find a few tokens' places
without scanning a whole document twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.core.model import Document
    from tqcheck.language.lexicon import Lexicon

# Letters/digits with inner hyphens/apostrophes: `Jean-Stéphane`, `l'Assemblée`, `c1imate`;
# not inside paths, e-mail addresses, domains or numbers like 3,5.
WORD = re.compile(r"(?<![\w@/.\\])[^\W_]+(?:[-'’][^\W_]+)*(?![\w@/\\]|[.,]\w)")
PART = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def distinct_tokens(text: str) -> frozenset[str]:
    """The distinct WORD tokens of a text, computed once for all the kinds that need them
    (they run one after another on the same document).

    No token spans whitespace and WORD's look-arounds treat whitespace like the ends of the
    text, so tokenising each distinct space-delimited run gives the same set; a run of letters
    only is one token as it stands. A quarter faster than one `findall` over the text.
    """
    runs = set(text.split())
    letters_only = {run for run in runs if run.isalpha()}
    tokens = set(letters_only)
    find = WORD.findall
    for run in runs - letters_only:
        tokens.update(find(run))
    return frozenset(tokens)


def occurrences(text: str, tokens: set[str], pattern: re.Pattern[str] = WORD) -> Iterator[re.Match[str]]:
    """Every `pattern` match of `text` that is one of `tokens` (found cheaply beforehand), in
    document order.

    Few tokens, few places: `str.find` locates the space-delimited runs that hold them and only
    those runs are tokenised (a match never spans a space or a line break, so tokenising a run
    gives exactly the matches a whole-text scan finds there). Many: one scan of the text.
    """
    runs = _runs_holding(text, tokens) if len(tokens) <= _FIND_TOKENS else None
    if runs is None:
        runs = [(0, len(text))]
    for start, end in runs:
        for match in pattern.finditer(text, start, end):
            if match.group(0) in tokens:
                yield match


_FIND_TOKENS = 32  # more distinct tokens than this: one scan of the text is cheaper
_FIND_RUNS = 256  # more places than this: likewise


def _runs_holding(text: str, tokens: set[str]) -> list[tuple[int, int]] | None:
    runs: set[tuple[int, int]] = set()
    for token in tokens:
        if not token:
            continue
        at = text.find(token)
        while at >= 0:
            start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
            ends = [i for i in (text.find(" ", at + len(token)), text.find("\n", at + len(token))) if i >= 0]
            end = min(ends, default=len(text))
            runs.add((start, end))
            if len(runs) > _FIND_RUNS:
                return None
            at = text.find(token, end)
    return sorted(runs)


def bounded(text: str, start: int, end: int) -> bool:
    """True when the token stands between spaces or ordinary punctuation, not inside debris
    such as mojibake (`Ã©nergie`) or code."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return (before.isspace() or before in _OPENING) and (after.isspace() or after in _CLOSING)


_OPENING = "([{\"'“‘«„‹‚»›¿¡-–—/"
_CLOSING = ".,;:!?)]}\"'”’»›“‘«‹-–—/…"


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or not word[1:].isupper())


def is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def document_lexicon(doc: Document) -> tuple[str, Lexicon] | None:
    """The document's base language and its word table, or None when word rules must skip it
    (language unknown, or no word list for it)."""
    from tqcheck.language.lexicon import available, lexicon

    language = doc.language
    if not language or not available(language):
        return None
    table = lexicon(language)
    return (language, table) if len(table) else None
