"""Accent-stripped indexes of wordfreq lexicons, cached on disk, for lost-letter repair.

`Assemblee` must map to `Assemblée` and `Hnault` (in English text) to the French name
`Hénault` without loading six full lexicons per file: an index keeps only the words that
contain a letter outside ASCII, keyed by their stripped form.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

from tqcheck.language.data import LOST_LETTERS, language_data, languages_where
from tqcheck.language.lexicon import lexicon
from tqcheck.language.trie_store import WordTexts, word_texts

_CACHE_FORMAT = 4  # 3: marisa tries (2: pickled dicts); 4: ß filed under its loss
_SPECIAL = {"ß": "ss", "œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i"}
# Values are packed as "word zipf lang;word zipf lang" strings, one per stripped key.
INDEX = WordTexts


def strip_accents(word: str) -> str:
    """`Assemblée` -> `Assemblee`, `Straße` -> `Strasse`; ASCII passes through unchanged."""
    if word.isascii():
        return word
    return word.translate(_STRIPPED)


class _Stripped(dict[int, str]):
    """str.translate's table for strip_accents, filled one character at a time as characters
    are met: the word rules strip hundreds of thousands of words a run, and a Unicode
    decomposition per character per word cost more than all their lookups."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        lower = char.lower()
        if lower in _SPECIAL:
            repl = _SPECIAL[lower]
            found = repl if char == lower else repl.capitalize()
        else:
            found = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        self[code] = found
        return found


_STRIPPED = _Stripped()


def unpack(packed: str | None) -> list[tuple[str, float, str]]:
    """[(accented word, zipf, language), ...] from one index value."""
    if not packed:
        return []
    out = []
    for item in packed.split(";"):
        word, zipf, language = item.split(" ")
        out.append((word, int(zipf) / 100, language))
    return out


def _build(languages: tuple[str, ...], min_zipf: int, lost: bool = False) -> dict[str, str]:
    """{stripped key: packed words}; with `lost`, each word is also filed under its stripped
    form with one of its special letters taken out (`strasse` and `strae` for `straße`)."""
    groups: dict[str, list[str]] = {}
    for language in languages:
        eszett = lost and "ß" in letters_of(language)
        for word, zipf in lexicon(language).items():
            if eszett and "ss" in word and word.isalpha():
                # wordfreq casefolds ß to ss: `strasse` may be `straße`, and lose its ß (`strae`)
                at = word.find("ss")
                while at >= 0:
                    sharp = f"{word[:at]}ß{word[at + 2 :]} {zipf} {language}"
                    groups.setdefault(strip_accents(word[:at] + word[at + 2 :]), []).append(sharp)
                    at = word.find("ss", at + 1)
            if zipf < min_zipf or word.isascii() or not word.isalpha():
                continue
            stripped = strip_accents(word)
            if stripped == word:
                continue
            item = f"{word} {zipf} {language}"
            keys = {stripped}
            if lost:
                keys.update(strip_accents(word[:i] + word[i + 1 :]) for i, c in enumerate(word) if not c.isascii())
            for key in keys:
                groups.setdefault(key, []).append(item)
    return {key: ";".join(items) for key, items in groups.items()}


@cache
def accent_index(language: str) -> INDEX:
    """{stripped word: packed accented known forms} of one language."""
    return word_texts(f"accents-{language}-v{_CACHE_FORMAT}", lambda: _build((language,), 0))


def letters_of(language: str | None) -> str:
    """The accented letters a language uses (fewer variants to try, fewer accidental words);
    every letter GW001 knows (LOST_LETTERS) when its data file does not say."""
    return language_data(language).letters.accented or LOST_LETTERS


@cache
def name_languages() -> tuple[str, ...]:
    """Languages whose names and loanwords commonly appear in other languages' news copy
    (`letters.names` in their data files)."""
    return languages_where(lambda data: data.letters.names)


@cache
def restore_index(language: str) -> INDEX:
    """{stripped key: packed words} of one language, each word filed under its stripped form
    and under that form with one special letter lost: one lookup finds every word a damaged
    form may be restored to (no insertion of every letter at every place)."""
    return word_texts(f"restore-{language}-v{_CACHE_FORMAT}", lambda: _build((language,), 0, lost=True))


@lru_cache(maxsize=1)
def name_index(min_zipf: int = 150) -> INDEX:
    """Accented words of the name languages with zipf >= 1.5, for names in foreign copy, filed
    like `restore_index`."""
    languages = name_languages()
    key = f"names-lost-{min_zipf}-{'-'.join(languages)}-v{_CACHE_FORMAT}"
    return word_texts(key, lambda: _build(languages, min_zipf, lost=True))


def restored(lower: str, packed: str | None, letters: str) -> list[tuple[str, float, str]]:
    """The words of an index value that `lower` becomes when one lost letter among `letters`
    is put back, or when accents of `letters` are changed, added or removed (Russian и -> й,
    never е -> ё)."""
    out = []
    stripped = strip_accents(lower)
    for form, zipf, language in unpack(packed):
        if form == lower:
            continue
        if (
            len(form) == len(lower)
            and strip_accents(form) == stripped
            and all(a == b or a in letters or b in letters for a, b in zip(form, lower, strict=True))
        ) or any(c in letters and form[:i] + form[i + 1 :] == lower for i, c in enumerate(form)):
            out.append((form, zipf, language))
    return out


def variants(lower: str, letters: str) -> Iterator[str]:
    """One lost letter restored: inserted anywhere, or a plain letter given its accent."""
    for i in range(len(lower) + 1):
        for letter in letters:
            yield lower[:i] + letter + lower[i:]
    accented = _accented(letters)
    for i, char in enumerate(lower):
        for letter in accented.get(char, ""):
            yield lower[:i] + letter + lower[i + 1 :]


@lru_cache(maxsize=64)
def _accented(letters: str) -> dict[str, str]:
    """{plain letter: its accented forms among `letters`} ('e' -> 'éèêë')."""
    table: dict[str, str] = {}
    for letter in letters:
        plain = strip_accents(letter)
        if len(plain) == 1:
            table[plain] = table.get(plain, "") + letter
    return table
