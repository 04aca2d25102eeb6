"""Word stems for inflection-tolerant matching (XL004 terms): Snowball stemmers (BSD), one per
language, loaded once. Languages without a stemmer fall back to a shared prefix: a form matches
when it starts with all but the last two letters of the other (never under four letters)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_ALGORITHMS = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech", "da": "danish",
    "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian", "fi": "finnish", "fr": "french",
    "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian", "id": "indonesian", "ga": "irish",
    "it": "italian", "lt": "lithuanian", "ne": "nepali", "nb": "norwegian", "no": "norwegian", "nn": "norwegian",
    "fa": "persian", "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}  # fmt: skip
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@lru_cache(maxsize=64)
def stemmer(language: str) -> Callable[[str], str]:
    """A casefolding stem function for the language."""
    algorithm = _ALGORITHMS.get(language)
    if algorithm is None:
        return _prefix
    import snowballstemmer

    stem = snowballstemmer.stemmer(algorithm).stemWord
    return lambda word: stem(word.casefold())


def _prefix(word: str) -> str:
    folded = word.casefold()
    return folded[: max(4, len(folded) - 2)]


def stems(text: str, language: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) of every word of `text`."""
    stem = stemmer(language)
    return [(stem(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]
