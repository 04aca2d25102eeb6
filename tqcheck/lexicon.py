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
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# 2: the table is stored as (newline-joined words, array of zipf*100): ~30% faster to load
_CACHE_FORMAT = 2


CACHE_ENV = "TQCHECK_CACHE_DIR"
DISABLED = ("off", "none", "false", "0")


def cache_enabled() -> bool:
    """`TQCHECK_CACHE_DIR=off` (as for the embedding cache) keeps everything in memory."""
    return os.environ.get(CACHE_ENV, "").strip().lower() not in DISABLED


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
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
    if _cache_path(_table_name(language, "best")).is_file():
        return True
    return language in _available()


def _table_name(language: str, wordlist: str) -> str:
    return f"{wordlist}-{language}-v{_CACHE_FORMAT}"


def _cache_path(name: str) -> Path:
    return cache_dir() / f"wordfreq-{_wordfreq_version()}-{name}.pickle"


@lru_cache(maxsize=1)
def _available() -> frozenset[str]:
    import wordfreq

    return frozenset(wordfreq.available_languages())


@cache
def lexicon(language: str, wordlist: str = "best") -> Lexicon:
    """The lexicon of a language; empty (knows nothing) when wordfreq has no list for it."""
    if not _LANGUAGE_CODE.fullmatch(language):
        return Lexicon(language, {})

    def packed() -> tuple[str, array[int]]:
        table = _build(language, wordlist)
        return "\n".join(table), array("H", table.values())

    words, zipfs = disk_cached(_table_name(language, wordlist), packed, _is_packed)
    return Lexicon(language, dict(zip(words.split("\n"), zipfs, strict=True)) if words else {})


def _is_packed(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], array)


def _is_dict(value: object) -> bool:
    return isinstance(value, dict)


def disk_cached(name: str, build: Callable[[], T], valid: Callable[[object], bool] = _is_dict) -> T:
    """A table derived from wordfreq: loaded from the cache dir, else built once and stored.

    The file name carries wordfreq's version, so an upgrade rebuilds every table; `name`
    carries the caller's own format version.
    """
    path = _cache_path(name)
    if cache_enabled():
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)
            if valid(value):
                return value  # type: ignore[no-any-return]
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            pass
    value = build()
    _store(path, value)
    return value


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


def _store(path: Path, table: object) -> None:  # only disk_cached writes
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
