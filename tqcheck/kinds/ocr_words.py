"""Word-level tests that GW003 (ocr.py) makes around a candidate: line-break hyphen patterns,
plausible letter case, how much a repair changes, whether a word follows a name, the words after
an elided article, letters read as marks, and the paragraph a candidate shares with others."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from tqcheck.kinds.base import match_case
from tqcheck.language.accents import strip_accents
from tqcheck.language.confusions import confusions
from tqcheck.language.data import language_data
from tqcheck.language.lexicon import Lexicon, normalise
from tqcheck.language.tokens import distinct_tokens

_HYPHEN_BREAK = r"(?<![\w-])([^\W\d_]+)[{marks}](?:[ \t]+|[ \t]*\r?\n[ \t]*)([^\W\d_]+)(?![\w-])"
_MAYBE_BROKEN = r"\w[{marks}][ \t]*(?:[ \t]|\n)"
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[.]?[ \u00a0]$")


@lru_cache(maxsize=16)
def hyphen_patterns(marks: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a quick test, the full pattern) of words broken at a line end by one of `marks`."""
    escaped = "".join(re.escape(m) for m in marks)
    return re.compile(_MAYBE_BROKEN.format(marks=escaped)), re.compile(_HYPHEN_BREAK.format(marks=escaped))


@lru_cache(maxsize=16)
def _inner_capitals(language: str) -> frozenset[str]:
    """Capitals a scanner produces inside a lowercase word (`smaU` for `small`)."""
    return frozenset(c for read, _ in confusions(language) for c in read if c.isupper())


def changes(word: str, form: str) -> int:
    """Letters inserted, dropped or changed between a word and its repair, case and accents aside."""
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(strip_accents(word.lower()), strip_accents(form.lower())))


def after_name(text: str, start: int, language: str) -> bool:
    """Whether the word before `start`, across one space (and an initial's period), is
    capitalised and not a function word (`The`, `Le` open sentences, not names)."""
    from tqcheck.language.detection import function_words

    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if before is None or not before.group(1)[:1].isupper():
        return False
    return before.group(1).lower() not in function_words(language)


def plausible_case(token: str, language: str) -> bool:
    """Lowercase after the first letter, or with only capitals that are known misreadings."""
    rest = token[1:]
    return rest.islower() or not rest.isalpha() or all(c.islower() or c in _inner_capitals(language) for c in rest)


def recased(word: str, form: str) -> str:
    """The repair in the word's case; a capital I before lowercase letters is a misread l
    (`Ioved` -> `loved`), not a capital."""
    if word[:1] == "I" and word[1:2].islower() and form[:1] == "l":
        return form
    return match_case(word, form)


def is_compound(word: str, lex: Lexicon, right_zipf: float = 2.5) -> bool:
    """Two known words of at least three letters, with or without a linking s (`Arbeitsamt`);
    the right one at least `right_zipf` frequent (inflected heads are rare in word lists)."""
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        if lex.zipf(right) >= right_zipf and (
            lex.zipf(left) >= 2.5 or (left.endswith("s") and lex.zipf(left[:-1]) >= 2.5)
        ):
            return True
    return False


def foreign(word: str, language: str, least: float, english_only: bool = False) -> bool:
    """Whether `word` is at least `least` frequent in English or a language whose names and
    loanwords news copy carries (a word of that language, not a damaged one of this);
    `english_only`: English alone, the language that copy leaves untranslated most."""
    from tqcheck.language.accents import name_languages
    from tqcheck.language.lexicon import lexicon

    others = ("en",) if english_only else (*name_languages(), "en")
    return any(lexicon(other).zipf(word) >= least for other in others if other != language)


def name_like(word: str) -> bool:
    """A capitalised word, which GW003 repairs only like a name: letters after a capital (not a
    capital I, a misread l), or a model or product name ending in a digit (`Single8`, `A380`),
    as common as a noun with its final s misread; `On1y` is no name, its digit a misread letter."""
    if word[:1].isupper() and word[1:].isalpha():
        return not word.startswith("I")
    return word[:1].isupper() and word[-1:].isdigit() and word[1:].isalnum()


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def beside(candidates: list[int], found: list[int], text: str) -> set[int]:
    """The candidate positions whose paragraph holds one of the positions `found` (OCR damage
    clusters on a badly scanned page; a lone rare word in clean copy is left alone)."""
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    damaged = {bisect_left(breaks, at) for at in found}
    return {at for at in candidates if bisect_left(breaks, at) in damaged}


# a letter a scanner read as a mark inside a word (`my~elf`, `previous!y`); `|` is left out, as
# Markdown and plain tables put it between words
MARKED = re.compile(r"(?<![\w~!])[^\W\d_]+[~!][^\W\d_A-Z]+(?![\w~!])")


def mark_repair(word: str, lex: Lexicon, letters: str, least: float, lead: float) -> str | None:
    """The one word at least `least` frequent that `word` becomes with its mark read as a letter
    of the language, leading any other such word by `lead`."""
    at = next(i for i, c in enumerate(word) if c in "~!")
    found = sorted(
        ((lex.zipf(form.lower()), form) for c in letters if (form := word[:at] + c + word[at + 1 :])),
        reverse=True,
    )
    if not found or found[0][0] < least or (len(found) > 1 and found[0][0] - found[1][0] < lead):
        return None
    return found[0][1]


def elided_tokens(text: str, language: str, value: Callable[[str], int], floor: int) -> dict[str, int]:
    """{`l'insuflisance`: where the word after the elided article starts}, for the tokens
    whose word after an elision (`l'`, `d'`, `qu'`: language data) is unknown (`value` below
    `floor`)."""
    elisions = language_data(language).elisions
    if not elisions:
        return {}
    found = {}
    for token in distinct_tokens(text):
        head, mark, rest = token.partition("'") if "'" in token else token.partition("’")
        if (
            mark
            and head.lower() in elisions
            and rest.isalpha()
            and value(normalise(rest)) < floor
            and (rest[:1].islower() or rest[:1] in "I0125")
            and plausible_case(rest, language)
        ):
            found[token] = len(head) + 1
    return found
