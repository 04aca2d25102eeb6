"""Word knowledge from wordfreq, loaded once per language per run.

wordfreq's own first lookup in a language decompresses a msgpack list and builds a dict
(0.2-0.5 s); we store each language's list once as a marisa trie in the cache folder
(trie_store) and map it on every later run, so a language costs microseconds to open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from tqcheck.core.cache import cache_path
from tqcheck.language.trie_store import WordValues, word_values
from tqcheck.language.wordlists import languages, zipf_table

# 3: marisa trie + zipf array (2 was a pickle of a dict's packed form)
_CACHE_FORMAT = 3


def normalise(word: str) -> str:
    """The key wordfreq uses: casefolded, curly apostrophes straightened."""
    return word.replace("’", "'").casefold()


class Lexicon:
    """Zipf frequencies (0 = unknown, 3 = once per million words, 7 = 'the') of one language."""

    def __init__(self, language: str, table: WordValues | None) -> None:
        self.language = language
        self._table = table
        # zipf * 100 of a word already normalised: the fast path for loops over many tokens
        self.value = table.get if table is not None else _unknown
        # whether some listed word begins with a (normalised) text
        self.begins = table.begins if table is not None else _begins_nothing
        self._zipf: dict[str, float] = {}

    def zipf(self, word: str) -> float:
        """The word's Zipf frequency, remembered for the run: the word rules ask about the
        same words (a damaged word's neighbours in the text, its halves) again and again."""
        found = self._zipf.get(word)
        if found is None:
            if len(self._zipf) >= _REMEMBERED:
                self._zipf.clear()
            found = self._zipf[word] = self.value(normalise(word)) / 100
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.value(normalise(word)) > 0

    def __len__(self) -> int:
        return len(self._table) if self._table is not None else 0

    def items(self) -> Iterator[tuple[str, int]]:
        """(casefolded word, zipf * 100) for bulk derivations (accent indexes)."""
        return self._table.items() if self._table is not None else iter(())


_REMEMBERED = 50_000  # words whose zipf a lexicon keeps (about 6 MB)


def _unknown(key: str, default: int = 0) -> int:
    return default


def _begins_nothing(prefix: str) -> bool:
    return False


_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?")


@lru_cache(maxsize=256)
def available(language: str | None) -> bool:
    """Whether wordfreq has a list for `language`; a cached table answers without importing
    wordfreq (its import alone costs ~0.1 s of a small file's budget). Asked once per language
    per run."""
    if not language or not _LANGUAGE_CODE.fullmatch(language):
        return False
    if cache_path(_table_name(language, "best"), ".marisa").is_file():
        return True
    return language in word_list_languages()


def _table_name(language: str, wordlist: str) -> str:
    return f"{wordlist}-{language}-v{_CACHE_FORMAT}"


def word_list_languages() -> frozenset[str]:
    """The languages wordfreq has a word list for (read from its data folder, no import)."""
    return languages("best")


@cache
def lexicon(language: str, wordlist: str = "best") -> Lexicon:
    """The lexicon of a language; empty (knows nothing) when wordfreq has no list for it."""
    if not _LANGUAGE_CODE.fullmatch(language):
        return Lexicon(language, None)
    table = word_values(_table_name(language, wordlist), lambda: _build(language, wordlist))
    return Lexicon(language, table if len(table) else None)


def _build(language: str, wordlist: str) -> dict[str, int]:
    """{word: zipf*100} straight from wordfreq's packed list, without importing wordfreq or
    building its frequency dict (see wordlists)."""
    return zipf_table(language, wordlist)
