"""Word knowledge from wordfreq, loaded once per language per run and cached compactly on disk.

wordfreq's own first lookup in a language decompresses a msgpack list and builds a dict; we
keep a pickle file of {word: zipf*100} per (wordfreq version, language, list) in the user cache
dir, which loads several times faster, and share one in-memory table per language per process.
"""

from __future__ import annotations

import math
import os
import pickle
import re
import tempfile
from array import array
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

# 2: the table is stored as (newline-joined words, array of zipf*100): ~30% faster to load
_CACHE_FORMAT = 2


_DISABLED = ("off", "none", "false", "0")


def cache_enabled() -> bool:
    """`TQCHECK_CACHE_DIR=off` (as for the embedding cache) keeps everything in memory."""
    return os.environ.get("TQCHECK_CACHE_DIR", "").strip().lower() not in _DISABLED


def cache_dir() -> Path:
    configured = os.environ.get("TQCHECK_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tqcheck", appauthor=False))


@cache
def _wordfreq_version() -> str:
    try:
        return metadata.version("wordfreq")
    except metadata.PackageNotFoundError:  # pragma: no cover - wordfreq is a dependency
        return "unknown"


def normalise(word: str) -> str:
    """The key wordfreq uses: casefolded, curly apostrophes straightened."""
    return word.replace("’", "'").casefold()


class Lexicon:
    """Zipf frequencies (0 = unknown, 3 = once per million words, 7 = 'the') of one language."""

    def __init__(self, language: str, table: dict[str, int]) -> None:
        self.language = language
        self._table = table

    def zipf(self, word: str) -> float:
        return self._table.get(normalise(word), 0) / 100

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and normalise(word) in self._table

    def __len__(self) -> int:
        return len(self._table)

    def words(self) -> dict[str, int]:
        """The raw table ({casefolded word: zipf*100}) for bulk algorithms."""
        return self._table


_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?")


def available(language: str | None) -> bool:
    """Whether wordfreq has a list for `language`; a cached table answers without importing
    wordfreq (its import alone costs ~0.1 s of a small file's budget)."""
    if not language or not _LANGUAGE_CODE.fullmatch(language):
        return False
    if _table_path(language, "best").is_file():
        return True
    return language in _available()


def _table_path(language: str, wordlist: str) -> Path:
    return cache_dir() / f"wordfreq-{_wordfreq_version()}-{wordlist}-{language}-v{_CACHE_FORMAT}.pickle"


@lru_cache(maxsize=1)
def _available() -> frozenset[str]:
    import wordfreq

    return frozenset(wordfreq.available_languages())


@cache
def lexicon(language: str, wordlist: str = "best") -> Lexicon:
    """The lexicon of a language; empty (knows nothing) when wordfreq has no list for it."""
    if not _LANGUAGE_CODE.fullmatch(language):
        return Lexicon(language, {})
    path = _table_path(language, wordlist)
    try:
        if not cache_enabled():
            raise OSError("cache disabled")
        with path.open("rb") as handle:
            words, zipfs = pickle.load(handle)
        if isinstance(words, str) and isinstance(zipfs, array):
            return Lexicon(language, dict(zip(words.split("\n"), zipfs, strict=True)) if words else {})
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
        pass
    table = _build(language, wordlist)
    _store(path, ("\n".join(table), array("H", table.values())))
    return Lexicon(language, table)


def _build(language: str, wordlist: str) -> dict[str, int]:
    import wordfreq

    if language not in wordfreq.available_languages(wordlist):
        return {}
    frequencies = wordfreq.get_frequency_dict(language, wordlist)
    return {
        word: round((math.log10(freq) + 9) * 100)
        for word, freq in frequencies.items()
        if freq > 0 and math.log10(freq) + 9 > 0
    }


def _store(path: Path, table: object) -> None:
    """Best effort: a read-only cache dir only costs speed. Atomic, so concurrent runs are safe."""
    if not cache_enabled():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(table, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp_name, path)
    except OSError:
        pass
