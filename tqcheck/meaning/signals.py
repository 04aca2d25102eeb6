"""Word-level evidence for a sentence pair: content words, numbers, negation, divergent words.

A sentence cosine says *that* a pair drifted, not *where*. These helpers say where: words of
one side with no counterpart on the other (same language: exact/inflected match on folded
forms, then synonyms by word embedding; cross-lingual: names and numbers by spelling, other
words by cross-lingual word embedding), plus two cheap, precise signals the cosine misses:
numbers that differ and negation present on one side only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from tqcheck.language.data import all_language_data, language_data, union

_WORD = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*|[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_NUMBER = re.compile(r"(?<!\w)\d+(?:[.,\u00a0\u202f ]\d+)*")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+$")


@lru_cache(maxsize=1)
def _inflections() -> tuple[str, ...]:
    """Every language's `inflections` (data files), folded, longest first: the stemmer is blind
    to the language, and a longer suffix is always tried before the shorter ones it ends with."""
    folded = {fold(suffix) for suffix in union(lambda data: data.inflections)}
    return tuple(sorted(folded, key=lambda suffix: (-len(suffix), suffix)))


@lru_cache(maxsize=64)
def _negation(language: str | None) -> re.Pattern[str] | None:
    """Clause negation markers of the language (`negation` in its data file). "without"/"sans"
    are left out because faithful paraphrases swap them for "deprived of", "lacking"..."""
    pattern = language_data(language).negation.regex()
    return None if pattern is None else re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=1)
def confusables() -> tuple[frozenset[str], ...]:
    """Words that machine translation (and OCR, and tired typists) confuse: sound- or
    look-alikes with unrelated meanings (`confusables` in the data files). When the source has one
    and the back-translation another from the same set, the translation most likely took the
    wrong one (foulée "wake" -> foule "crowd"). Rules may add sets with the `confusables` option."""
    return tuple(group for data in all_language_data() for group in data.confusables)


class Word(NamedTuple):
    """A token with file offsets (a tuple: thousands are built per document)."""

    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return fold(self.text)

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()


@dataclass
class Divergent:
    """A word of one side ('source' or 'other') without a counterpart on the other side."""

    word: str
    side: str
    start: int
    end: int
    closest: str | None
    similarity: float
    strong: bool = False  # a rare word or unknown name: a counterpart would be expected
    signal: str = "word"  # word | name | number | negation | confusable | untranslated
    rare: bool = False  # wordfreq Zipf < 3 (unknown names included)
    score: float = 0.0  # back-translation words: P(changed by an editor) from the word model


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase without accents: 'Désescalade' -> 'desescalade'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def stem(folded: str) -> str:
    """A crude inflection strip so that 'accords'/'accord' and 'annoncée'/'annoncé' match."""
    for suffix in _inflections():
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 4:
            return folded[: -len(suffix)]
    return folded


def words(text: str, offset: int = 0) -> list[Word]:
    return [Word(m.group(0), m.start() + offset, m.end() + offset) for m in _WORD.finditer(text)]


@lru_cache(maxsize=32)
def stopwords(language: str | None) -> frozenset[str]:
    """The language's most frequent words, folded: function words, never divergent.

    The languages detection knows share its cached table; others (the model also reads ar, zh,
    ja, ko, th...) ask wordfreq, and English stands in where wordfreq has no list.
    """
    from tqcheck.language.detection import function_words

    code = language or "en"
    if language_data(code).function_words.detect:
        top: list[str] | frozenset[str] = function_words(code, 250)
    else:
        from wordfreq import available_languages, top_n_list

        top = top_n_list(code, 250) if code in available_languages() else function_words("en", 250)
    return frozenset(fold(w) for w in top)


def content_words(text: str, language: str | None, offset: int = 0) -> list[Word]:
    stop = stopwords(language)
    return [w for w in words(text, offset) if w.is_number or (len(w.text) >= 3 and w.folded not in stop)]


def numbers(text: str) -> set[str]:
    """Digit numbers in a canonical form: '2 000' = '2,000' = '2000'; '1,5' = '1.5'.

    Spelled-out numbers are left alone: 'les deux parties' is 'both sides', not a 2.
    """
    found: set[str] = set()
    for match in _NUMBER.finditer(text):
        raw = match.group(0).replace("\u00a0", " ").replace("\u202f", " ")
        if _THOUSANDS.match(raw):
            found.add(re.sub(r"\D", "", raw))
        else:
            found.update(part.replace(",", ".") for part in raw.split(" "))
    return found


def numbers_differ(source: str, other: str) -> tuple[set[str], set[str]]:
    """Numbers only in the source, numbers only in the other side."""
    a, b = numbers(source), numbers(other)
    return a - b, b - a


def negated(text: str, language: str | None) -> bool | None:
    """Whether the sentence contains a negation; None for languages we have no markers for."""
    pattern = _negation(language)
    return None if pattern is None else bool(pattern.search(text))


def negation_words(text: str, language: str | None, offset: int = 0) -> list[Word]:
    pattern = _negation(language)
    if pattern is None:
        return []
    return [Word(m.group(0), m.start() + offset, m.end() + offset) for m in pattern.finditer(text)]


def negation_differs(source: str, source_lang: str | None, other: str, other_lang: str | None) -> bool:
    a, b = negated(source, source_lang), negated(other, other_lang)
    return a is not None and b is not None and a != b


def lexical_unmatched(source: list[Word], other: list[Word]) -> tuple[list[Word], list[Word]]:
    """Words of each side with no equal or inflected counterpart (same-language comparison)."""
    source_stems = {stem(w.folded) for w in source} | {w.folded for w in source}
    other_stems = {stem(w.folded) for w in other} | {w.folded for w in other}
    return (
        [w for w in source if stem(w.folded) not in other_stems and w.folded not in other_stems],
        [w for w in other if stem(w.folded) not in source_stems and w.folded not in source_stems],
    )


def spelled_alike(a: str, b: str) -> bool:
    """Names and cognates keep (most of) their spelling across languages: Marchetti, quais/quays."""
    from rapidfuzz.fuzz import ratio

    return a == b or (len(a) >= 4 and len(b) >= 4 and ratio(a, b) >= 75)


def has_alike(word: str, others: list[str]) -> bool:
    """`spelled_alike` against many words at once (rapidfuzz's C loop)."""
    if word in others:
        return True
    if len(word) < 4:
        return False
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    long_enough = [o for o in others if len(o) >= 4]
    return bool(long_enough) and process.extractOne(word, long_enough, scorer=ratio, score_cutoff=75) is not None


@lru_cache(maxsize=16)
def _confusion_index(extra: tuple[frozenset[str], ...]) -> dict[str, list[frozenset[str]]]:
    index: dict[str, list[frozenset[str]]] = {}
    for group in confusables() + extra:
        for word in group:
            index.setdefault(word, []).append(group)
    return index


def confused(source: list[Word], other: list[Word], extra: tuple[frozenset[str], ...] = ()) -> list[tuple[Word, Word]]:
    """(source word, other word) pairs from one confusion set, where the source lacks the other's word."""
    index = _confusion_index(extra)
    source_hits = [(a, index[a.text.lower()]) for a in source if a.text.lower() in index]
    if not source_hits:
        return []
    source_forms = {w.text.lower() for w in source}
    found = []
    for a, groups in source_hits:
        for b in other:
            word = b.text.lower()
            if word != a.text.lower() and word not in source_forms and any(word in g for g in groups):
                found.append((a, b))
    return found
