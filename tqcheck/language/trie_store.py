"""Word tables as marisa tries, memory-mapped from the cache folder.

Building a Python dict of a 300k-700k word list costs 0.1-0.3 s on every run and 50-100 MB per
process; a trie file maps in microseconds, is shared between processes by the page cache, and
answers a lookup in under a microsecond. Each table is built once (from wordfreq) and stored.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Iterator, Mapping
from typing import BinaryIO

import marisa_trie

from tqcheck.core.cache import building, cache_enabled, cache_path, store

_TRIE = ".marisa"
_VALUES = ".values"


class WordValues:
    """{word: small integer} (zipf * 100 for lexicons); 0 for a word it does not hold."""

    def __init__(self, trie: marisa_trie.Trie, values: array[int]) -> None:
        self._trie = trie
        self._values = values
        self._id = trie.get

    def get(self, key: str, default: int = 0) -> int:
        index = self._id(key)
        return default if index is None else self._values[index]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._trie

    def begins(self, prefix: str) -> bool:
        """Whether some key begins with `prefix`."""
        return next(self._trie.iterkeys(prefix), None) is not None

    def __len__(self) -> int:
        return len(self._trie)

    def items(self) -> Iterator[tuple[str, int]]:
        values = self._values
        for key, index in self._trie.iteritems():
            yield key, values[index]


class WordTexts:
    """{key: text}; None for a key it does not hold."""

    def __init__(self, trie: marisa_trie.BytesTrie) -> None:
        self._trie = trie

    def get(self, key: str) -> str | None:
        found = self._trie.get(key)
        return found[0].decode("utf-8") if found else None

    def __len__(self) -> int:
        return len(self._trie)


def word_values(name: str, build: Callable[[], Mapping[str, int]]) -> WordValues:
    """The named table from the cache folder, else built, stored and returned."""
    if cache_enabled():
        loaded = _load_values(name)
        if loaded is not None:
            return loaded
    building(name)
    table = build()
    trie = marisa_trie.Trie(table.keys())
    values = array("H", bytes(2 * len(trie)))
    for key, value in table.items():
        values[trie[key]] = min(max(value, 0), 0xFFFF)
    # values first: a reader accepts a pair only when both sizes agree
    if store(cache_path(name, _VALUES), lambda out: _write_values(values, out)):
        store(cache_path(name, _TRIE), lambda out: out.write(trie.tobytes()))
    return WordValues(trie, values)


def word_texts(name: str, build: Callable[[], Mapping[str, str]]) -> WordTexts:
    if cache_enabled():
        try:
            return WordTexts(marisa_trie.BytesTrie().mmap(str(cache_path(name, _TRIE))))
        except RuntimeError:  # missing or damaged: rebuild
            pass
    building(name)
    trie = marisa_trie.BytesTrie((key, text.encode("utf-8")) for key, text in build().items())
    store(cache_path(name, _TRIE), lambda out: out.write(trie.tobytes()))
    return WordTexts(trie)


def _load_values(name: str) -> WordValues | None:
    try:
        trie = marisa_trie.Trie().mmap(str(cache_path(name, _TRIE)))
        raw = cache_path(name, _VALUES).read_bytes()
    except (OSError, RuntimeError):  # marisa reports a missing or damaged file as RuntimeError
        return None
    values = array("H")
    if len(raw) != 2 * len(trie):
        return None
    values.frombytes(raw)
    if sys.byteorder == "big":
        values.byteswap()
    return WordValues(trie, values)


def _write_values(values: array[int], out: BinaryIO) -> None:
    stored = array("H", values)
    if sys.byteorder == "big":  # the file is little-endian on every machine
        stored.byteswap()
    out.write(stored.tobytes())
