"""Word frequencies for the name rules, cheap enough to load on every run.

Extraction only asks threshold questions (is this capitalised word common?), so it reads a compact
table of the words at or above zipf 2.5 (about 55k entries instead of 300k-600k), cached on disk
next to the lexicon cache. The full lexicon is loaded only when a tie between two spellings must be
broken by frequency (lazy_full), which happens in few documents.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from tqcheck import lexicon as lexicon_module

ZipfLookup = Callable[[str], float]
FLOOR = 250  # zipf * 100: rarer words read as 0 in the compact table
_FORMAT = 1


def _language(language: str) -> str:
    return language if len(_compact(language)) else "en"


@lru_cache(maxsize=64)
def _compact(language: str) -> dict[str, int]:
    def build() -> dict[str, int]:
        full = lexicon_module.lexicon(language).words()
        return {word: value for word, value in full.items() if value >= FLOOR}

    return lexicon_module.disk_cached(f"names-zipf-{language}-{FLOOR}-v{_FORMAT}", build)


@lru_cache(maxsize=64)
def common(language: str) -> ZipfLookup:
    """Zipf frequency for threshold tests (0 below 2.5); English when the language has no list."""
    table = _compact(_language(language))
    normalise = lexicon_module.normalise

    def zipf(word: str) -> float:
        return table.get(normalise(word), 0) / 100

    return zipf


@lru_cache(maxsize=64)
def lazy_full(language: str) -> ZipfLookup:
    """Exact zipf frequency, loading the full lexicon on the first call only."""
    loaded: list[ZipfLookup] = []

    def zipf(word: str) -> float:
        if not loaded:
            loaded.append(lexicon_module.lexicon(_language(language)).zipf)
        return loaded[0](word)

    return zipf
