"""Word frequencies for the name rules.

Extraction only asks threshold questions (is this capitalised word common?), so `common` reads
words rarer than a floor (zipf 2.5 by default) as 0; ties between two spellings are broken by the exact frequency
(`exact`). Both read the language's lexicon, which is mapped from the cache, not loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from tqcheck.language import lexicon as lexicon_module

ZipfLookup = Callable[[str], float]
_MEMO_LIMIT = 200_000


def _language(language: str) -> str:
    """English when wordfreq has no list for the language."""
    return language if len(lexicon_module.lexicon(language)) else "en"


@lru_cache(maxsize=64)
def common(language: str, floor: float) -> ZipfLookup:
    """Zipf frequency for threshold tests (0 below `floor`, the TL rules' `floor-zipf`); English
    when the language has no list."""
    value = lexicon_module.lexicon(_language(language)).value
    normalise = lexicon_module.normalise
    known: dict[str, float] = {}  # the same capitalised words recur in file after file

    def zipf(word: str) -> float:
        found = known.get(word)
        if found is None:
            if len(known) >= _MEMO_LIMIT:
                known.clear()
            raw = value(normalise(word)) / 100  # word tables store zipf * 100
            found = known[word] = raw if raw >= floor else 0.0
        return found

    return zipf


@lru_cache(maxsize=64)
def exact(language: str) -> ZipfLookup:
    """Exact zipf frequency (ties between spellings)."""
    return lexicon_module.lexicon(_language(language)).zipf
