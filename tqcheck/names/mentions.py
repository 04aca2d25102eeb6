"""Name mentions in a document: capitalised tokens and multi-word names, with exact offsets.

Linear in the text: one regex pass for tokens, one pass to join them into runs. A capitalised word
is a name candidate unless the same word also occurs in lowercase in the document, or it stands
where any word is capitalised (sentence start, Title Case heading) and is a common word there.
ALL-CAPS words (acronyms, shouted headings) are never names here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+(?:['’‑-][^\W\d_]+)*['’]?")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_ELISION = re.compile(r"^(?:[dlnjmst]|qu|jusqu|lorsqu|puisqu)['’](?=[^\W\d_])")
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|an|az|ul)-(?=[A-ZÀ-ÞĀ-ſ])")
_CAMEL = re.compile(r"[^\W\d_][A-Z]|[A-Z]{2}")
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|O['’])[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?$")
_SENTENCE_END = set(".!?…:;\"“”«»*•·–—([")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lowercase words that may sit inside a name: de Gaulle, van Gogh, bin Salman, Ibn Khaldun.
PARTICLES = _words(
    "de du des da di del della dos das do van von der den ter ten zu la le bin ben ibn bint abu y e"
)
# Words before a surname that are titles, not given names (compared casefolded).
TITLES = _words(
    """mr mrs ms dr prof sir lord lady king queen prince princess sheikh shaikh emir colonel general gen
    senator chancellor president prime minister secretary deputy foreign defense defence interior finance
    ambassador spokesman spokeswoman pope saint st father rev governor mayor judge justice commissioner
    director chief chairman chairwoman leader patriarch marshal admiral major captain lieutenant sergeant
    crown vice premier herr frau m mme mlle monsieur madame président présidente ministre chef kanzler
    kanzlerin präsident präsidentin bundeskanzler außenminister premierminister général generał ayatollah
    imam rabbi cardinal archbishop bishop metropolitan tsar czar shah sultan"""
)


@dataclass(frozen=True)
class Token:
    """One name word: span of its base form (possessive and elision removed) and that text."""

    start: int
    end: int
    form: str


@dataclass(frozen=True)
class Run:
    """Consecutive name words: 'Alexander Grushko', 'Charles de Gaulle', or one word."""

    tokens: tuple[Token, ...]

    @property
    def last(self) -> Token:
        return self.tokens[-1]

    @property
    def given(self) -> Token | None:
        """The word before the last one, when it is not a title or particle."""
        for token in reversed(self.tokens[:-1]):
            lowered = token.form.casefold().rstrip(".")
            if lowered in PARTICLES:
                continue
            return None if lowered in TITLES else token
        return None


ZipfLookup = Callable[[str], float]
GIVEN_NAME_ZIPF = 4.8  # a capitalised sentence opener this rare, right before a name, is a given name


def extract(text: str, zipf: ZipfLookup) -> list[Run]:
    """Runs of name words in `text` (the document's checkable text)."""
    raw = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    lowercase = {word.casefold() for _, _, word in raw if word == word.lower()}
    title_lines = _title_case_lines(text, raw)
    candidates: list[tuple[Token, bool] | None] = []  # (token, strong) or None for a break
    strong_forms: set[str] = set()
    for start, end, word in raw:
        token = _name_token(start, end, word)
        if token is None or token.form.casefold() in lowercase:
            candidates.append(None if word.casefold() not in PARTICLES else _particle(start, end, word))
            continue
        weak = _sentence_initial(text, start) or _line_of(text, start) in title_lines
        if not weak:
            strong_forms.add(token.form)
        candidates.append((token, not weak))
    accepted = [_accepted(item, strong_forms, zipf) for item in candidates]
    for index in range(len(candidates) - 1):
        item, following = candidates[index], candidates[index + 1]
        if item is None or accepted[index] or following is None or not accepted[index + 1]:
            continue
        # "Ivan Setchin said": a sentence-initial given name before an accepted name word
        gap = text[item[0].end:following[0].start]
        if _joins(gap) and zipf(item[0].form) < GIVEN_NAME_ZIPF:
            accepted[index] = True
    runs: list[Run] = []
    current: list[Token] = []
    previous_end = -1
    for index, item in enumerate(candidates):
        if item is None or not accepted[index]:
            _close(current, runs)
            current = []
            continue
        token = item[0]
        is_particle = _is_particle(token)
        if current and not _joins(text[previous_end:token.start]):
            _close(current, runs)
            current = []
        if not (is_particle and not current):
            current.append(token)
        previous_end = token.end
    _close(current, runs)
    return runs


def _is_particle(token: Token) -> bool:
    return token.form[:1].islower() and token.form.casefold() in PARTICLES


def _accepted(item: tuple[Token, bool] | None, strong_forms: set[str], zipf: ZipfLookup) -> bool:
    if item is None:
        return False
    token, strong = item
    if _is_particle(token):
        return True
    if zipf(token.form) >= 5.8:
        return False  # function words in Title Case ("The", "Der")
    return strong or token.form in strong_forms or zipf(token.form) < 3.0


def _joins(gap: str) -> bool:
    return gap.strip() == "" and "\n" not in gap and len(gap) <= 2


def _particle(start: int, end: int, word: str) -> tuple[Token, bool]:
    return Token(start, end, word), False


def _close(current: list[Token], runs: list[Run]) -> None:
    while current and current[-1].form[:1].islower() and not _ARTICLE.match(current[-1].form):
        current.pop()  # a run never ends on a particle
    if current:
        runs.append(Run(tuple(current)))


def _name_token(start: int, end: int, word: str) -> Token | None:
    """The name word inside a raw token, or None when it cannot be a name."""
    possessive = _POSSESSIVE.search(word)
    if possessive:
        word = word[: possessive.start()]
    elision = _ELISION.match(word)
    if elision:
        start += elision.end()
        word = word[elision.end():]
    if len(word) < 2:
        return None
    if not (word[0].isupper() or _ARTICLE.match(word)):
        return None
    letters = [c for c in word if c.isalpha()]
    if all(c.isupper() for c in letters):
        return None  # NATO, OSCE, shouted headings
    if _CAMEL.search(word) and not _NAME_PREFIX.match(word):
        return None  # MacOSX, SocketThread, iPhone: identifiers and brands, not names
    return Token(start, start + len(word), word)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    saw_newline = False
    while i >= 0 and (text[i].isspace() or text[i] in "\"“”«»'‘’(*•·–—-["):
        if text[i] in "\n":
            saw_newline = True
        elif not text[i].isspace():
            return True  # opening quote, bullet or dash
        i -= 1
    if i < 0:
        return True
    char = text[i]
    if char in _SENTENCE_END:
        return True
    return saw_newline and not (char.isalpha() and char.islower()) and char != ","


def _line_of(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset)


def _title_case_lines(text: str, raw: list[tuple[int, int, str]]) -> set[int]:
    """Lines written in Title Case (headlines): capitals there say nothing about names."""
    stats: dict[int, list[int]] = {}
    for start, _, word in raw:
        if len(word) < 4:
            continue
        line = _line_of(text, start)
        counts = stats.setdefault(line, [0, 0])
        counts[0 if word[0].isupper() else 1] += 1
    return {line for line, (upper, lower) in stats.items() if upper >= 3 and lower == 0}
