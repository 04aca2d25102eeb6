"""Name mentions in a document: capitalised tokens and multi-word names, with exact offsets.

Linear in the text: one regex pass finds runs of capitalised words. A capitalised word
is a name candidate unless the same word also occurs in lowercase in the document, or it stands
where any word is capitalised (sentence start, Title Case heading) and is a common word there.
ALL-CAPS words (acronyms, shouted headings) are never names here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any, NamedTuple

from tqcheck.language.data import union
from tqcheck.language.tokens import distinct_tokens


def _upper_class() -> str:
    """A regex class of every uppercase letter below U+2000 (re has no \\p{Lu})."""
    chars = [chr(c) for c in range(0x2000) if chr(c).isupper() and chr(c).isalpha()]
    return "".join(re.escape(c) for c in chars)


_UPPER = _upper_class()
_TAIL = r"[^\W\d_]*(?:(?:[‑-]['’]?|['’])[^\W\d_]+)*['’]?"  # Al-'Ali: a hyphen, then an ayn
# A capitalised word, possibly after a French elision (d'Alexandre) or an Arabic article (al-Assad).
# The pattern starts with the uppercase class so that re scans for it at C speed; the lookbehind
# after it rejects capitals inside words. A hyphen before (al-Assad) is checked in Python.
_CANDIDATE = re.compile(rf"[{_UPPER}](?<![\w].){_TAIL}")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’‑-])(?:al|el|ad|ar|as|ash|at|an|az|ul)[‑-]$")
_LOWER_LONG = re.compile(rf"(?<![\w'’‑-])[^\W\d_{_UPPER}][^\W\d_]{{3,}}")
_UPPER_LONG = re.compile(rf"(?<![\w'’‑-])[{_UPPER}][^\W\d_]{{3,}}")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_ELISION = re.compile(r"^(?:[dlnjmst]|qu|jusqu|lorsqu|puisqu)['’](?=[^\W\d_])")
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|an|az|ul)-(?=[A-ZÀ-ÞĀ-ſ])")
_CAMEL = re.compile(r"[^\W\d_][A-Z]|[A-Z]{2}")
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|O['’])[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?$")
_SENTENCE_END = set('.!?…:;"“”«»*•·–—([')
_HYPHENS = {"-", "‑"}
_OPENING_MARKS = "\"“”«»'‘’(*•·–—-["  # before a sentence: quotes, brackets, bullets, dashes
_OPENERS = frozenset(_OPENING_MARKS) | _SENTENCE_END  # one of these, a space, then a sentence
# around nearly every name: spaces and ordinary punctuation (no closer look needed)
_BOUNDARY = frozenset(" \n\t\r,.;:!?()[]\"'’“”«»\u00a0") | {""}
# what a mis-decoded letter leaves next to a word: Latin-1 punctuation and symbols (Ã§, Ã©, Â°)
# and the replacement character
# (not the no-break space, soft hyphen, guillemets, middle dot or Spanish ¡ ¿, which sit by names)
_DEBRIS = ({chr(c) for c in range(0x80, 0xC0)} - set("\u00a0\u00ad«»·¡¿")) | {"\ufffd"}


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Words before a surname that are titles, not given names (compared casefolded), from the
    `titles` of every language's data file: names in news copy come with any language's titles."""
    return union(lambda data: data.titles)


@lru_cache(maxsize=1)
def particles() -> frozenset[str]:
    """Lowercase words that may sit inside a name: de Gaulle, van Gogh, bin Salman, Ibn Khaldun
    (the `particles` of every language's data file)."""
    return union(lambda data: data.particles)


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern[str]:
    """Name words joined by one space, or by particles (Charles de Gaulle, Mohammed bin Salman)."""
    separator = "(?:[ \u00a0](?:" + "|".join(sorted(particles(), key=lambda p: (-len(p), p))) + "))*[ \u00a0]"
    return re.compile(rf"{_CANDIDATE.pattern}(?:{separator}{_CANDIDATE.pattern})*")


class Token(NamedTuple):
    """One name word: span of its base form (possessive and elision removed) and that text."""

    start: int
    end: int
    form: str


class Run(NamedTuple):
    """Consecutive name words: 'Alexander Grushko', 'Charles de Gaulle', or one word.

    Named tuples rather than dataclasses: extraction creates one per capitalised word, and tuple
    creation is several times cheaper than a frozen dataclass's __init__.
    """

    tokens: tuple[Token, ...]

    @property
    def last(self) -> Token:
        return self.tokens[-1]

    @property
    def given(self) -> Token | None:
        """The word before the last one, when it is not a title."""
        if len(self.tokens) < 2:
            return None
        token = self.tokens[-2]
        return None if token.form.casefold().rstrip(".") in titles() else token


ZipfLookup = Callable[[str], float]


# tuple.__new__ on the class: as Token(start, end, form), without a Python-level __new__ call
# (extraction makes one per accepted word)
_new_token = partial(tuple.__new__, Token)


@dataclass(frozen=True)
class NameCuts:
    """The frequencies (zipf) that decide what a name word is: the TL rules' options (declared by
    the name kinds, listed by `tqcheck rule TL001`)."""

    rare_zipf: float  # a capitalised word rarer than this is a name wherever it stands
    function_word_zipf: float  # "The", "Der" in Title Case: never name words at or above this
    given_name_zipf: float  # a capitalised sentence opener below this, right before a name, is a given name
    floor_zipf: float  # rarer words count as unknown (0) in every frequency test


class _Word(NamedTuple):
    """What a capitalised word is wherever it stands: its base form (possessive and elision
    removed), where that starts in the word, its frequency, and the lowercase form whose
    presence in a document makes it an ordinary word there."""

    offset: int
    form: str
    frequency: float
    lower: str


# per lexicon (zipf lookup): raw word -> _Word, or None when it cannot be a name word; shared by
# every document of a run, as the same capitalised words recur in file after file
_WORDS: dict[ZipfLookup, dict[str, _Word | None]] = {}
_WORDS_LIMIT = 200_000
# an item of a segment: (start of the base form, base form, frequency)
_Item = tuple[int, str, float]
_UNSEEN: Any = object()  # not looked up yet


def _words(zipf: ZipfLookup) -> dict[str, _Word | None]:
    table = _WORDS.get(zipf)
    if table is None or len(table) >= _WORDS_LIMIT:
        if len(_WORDS) >= 16:
            _WORDS.clear()  # lookups made for one test each: do not keep them all
        table = _WORDS[zipf] = {}
    return table


def extract(text: str, zipf: ZipfLookup, cuts: NameCuts) -> list[Run]:
    """Runs of name words in `text` (the document's checkable text).

    Regexes do the per-character work in C: one regex finds runs of capitalised words. What a
    word is on its own is decided once per run of tqcheck (_Word); per document only whether it
    is also written in lowercase (the document's distinct tokens) and, for a frequent word, where
    it stands. A frequent word is a name word wherever it is one anywhere in the document, so its
    place is only looked at until one place says so.
    """
    rare = cuts.rare_zipf
    words = _words(zipf)
    lowered: frozenset[str] | None = None  # the document's distinct tokens, fetched when first needed
    title_lines: dict[int, bool] = {}
    memo: dict[str, _Word | None] = {}  # raw word -> its _Word, or None: not a name word here
    segments: list[list[_Item]] = []  # adjacent name words
    strong_forms: set[str] = set()  # frequent words that stand somewhere only names are capitalised

    def judge(word: str) -> _Word | None:
        nonlocal lowered
        base = words.get(word, _UNSEEN)
        if base is _UNSEEN:
            base = words[word] = _word(word, zipf)
        if base is not None:
            if lowered is None:
                lowered = distinct_tokens(text)
            if base.lower in lowered:
                base = None  # also written in lowercase (Alliance / alliance): an ordinary word
        memo[word] = base
        return base

    def title(position: int) -> bool:
        line = text.rfind("\n", 0, position) + 1
        found = title_lines.get(line)
        if found is None:
            found = title_lines[line] = is_title_line(text, line)
        return found

    def item(word: str, start: int, run_start: int) -> _Item | None:
        """(where the name word starts, its form, its frequency), or None: not a name word here.
        A frequent one standing where only names are capitalised marks its form strong."""
        base = memo.get(word, _UNSEEN)
        if base is _UNSEEN:
            base = judge(word)
        if base is None:
            return None
        end = start + len(word)
        if not (text[end : end + 1] in _BOUNDARY and text[start - 1 : start] in _BOUNDARY) and _fragment(
            text, start, end
        ):
            return None
        offset, form, frequency, _ = base
        start += offset
        if (
            frequency >= rare
            and form not in strong_forms
            and not (start == run_start and _sentence_initial(text, start))
            and not title(run_start)
        ):
            strong_forms.add(form)
        return (start, form, frequency)

    for run in _run_pattern().finditer(text):
        matched = run.group()
        run_start = run.start()
        hyphen = run_start > 0 and text[run_start - 1] in _HYPHENS
        if not hyphen and " " not in matched and "\u00a0" not in matched:  # one word: most runs
            found = item(matched, run_start, run_start)
            if found is not None:
                segments.append([found])
            continue
        if hyphen:
            article = _ARTICLE_BEFORE.search(text, max(0, run_start - 5), run_start)
            if article is None:
                continue  # the capitalised half of a hyphenated word (ex-President)
            run_start = article.start()
        first = run.start()
        single = " " not in matched and "\u00a0" not in matched
        current: list[_Item] = []
        for match in (run,) if single else _CANDIDATE.finditer(text, first, run.end()):
            match_start, end = match.span()
            if match_start == first:
                match_start = run_start
            found = item(text[match_start:end], match_start, run_start)
            if found is None:
                if current:
                    segments.append(current)
                    current = []
                continue
            current.append(found)
        if current:
            segments.append(current)
    return _accepted(segments, strong_forms, cuts)


def _accepted(segments: list[list[_Item]], strong_forms: set[str], cuts: NameCuts) -> list[Run]:
    """The runs of name words. A word is one when it is rarer than `rare_zipf`, or stands
    somewhere in the document where only names are capitalised (`strong_forms`: so where one
    mention stands decides for them all); never a word as frequent as `function_word_zipf`."""
    rare, function_word = cuts.rare_zipf, cuts.function_word_zipf
    runs: list[Run] = []
    for segment in segments:
        if len(segment) == 1:  # most runs are one word
            start, form, frequency = segment[0]
            if frequency < function_word and (frequency < rare or form in strong_forms):
                runs.append(Run((_new_token((start, start + len(form), form)),)))
            continue
        accepted = [
            frequency < function_word and (frequency < rare or form in strong_forms) for _, form, frequency in segment
        ]
        # "Ivan Setchin said": a sentence-initial given name before an accepted name word
        if not accepted[0] and accepted[1] and segment[0][2] < cuts.given_name_zipf:
            accepted[0] = True
        current_run: list[Token] = []
        for (start, form, _), ok in zip(segment, accepted, strict=True):
            if ok:
                current_run.append(_new_token((start, start + len(form), form)))
            elif current_run:
                runs.append(Run(tuple(current_run)))
                current_run = []
        if current_run:
            runs.append(Run(tuple(current_run)))
    return runs


def _word(word: str, zipf: ZipfLookup) -> _Word | None:
    """What a raw capitalised word is on its own (see _Word), or None when it cannot be a name."""
    found = _name_token(0, len(word), word)
    if found is None:
        return None
    return _Word(found.start, found.form, zipf(found.form), found.form.lower())


def is_title_line(text: str, line: int) -> bool:
    """A headline in Title Case: at least three capitalised long words and no lowercase one."""
    end = text.find("\n", line)
    content = text[line : end if end != -1 else len(text)]
    return not _LOWER_LONG.search(content) and len(_UPPER_LONG.findall(content)) >= 3


def _name_token(start: int, end: int, word: str) -> Token | None:
    """The name word inside a raw token, or None when it cannot be a name."""
    if word[-1] in "'’s":
        possessive = _POSSESSIVE.search(word)
        if possessive:
            word = word[: possessive.start()]
    if word[:1].islower():
        elision = _ELISION.match(word)
        if elision:
            start += elision.end()
            word = word[elision.end() :]
        if not word[:1].isupper() and not _ARTICLE.match(word):
            return None
    if len(word) < 2 or word.isupper():
        return None  # initials; NATO, OSCE, shouted headings
    if _CAMEL.search(word) and not _NAME_PREFIX.match(word):
        return None  # MacOSX, SocketThread, iPhone: identifiers and brands, not names
    return Token(start, start + len(word), word)


def _fragment(text: str, start: int, end: int) -> bool:
    """A capitalised piece cut out of a longer garbled token, not a name: mojibake (`FranÃ§ois`
    gives `FranÃ` before a symbol), OCR debris with digits or symbols glued on (`Lavr0v`), the
    first half of a word broken at a line end (`Gorba-` then `chev`)."""
    after, before = text[end : end + 1], text[start - 1 : start] if start else ""
    if after in _HYPHENS:
        return True  # the pattern takes a hyphen only with letters after it
    return any(c and (c in _DEBRIS or unicodedata.category(c)[0] in "NS") for c in (after, before))


def _sentence_initial(text: str, start: int) -> bool:
    """Whether a word stands where any word is capitalised: at the start of the text or of a
    sentence, after an opening quote, bullet or dash, or alone at the start of a line."""
    if start >= 2 and text[start - 1] == " ":  # the usual case: one space, then what decides
        char = text[start - 2]
        if not char.isspace():
            return char in _OPENERS
    i = start - 1
    saw_newline = False
    while i >= 0 and (text[i].isspace() or text[i] in _OPENING_MARKS):
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
