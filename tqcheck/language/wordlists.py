"""wordfreq's packed word lists, read directly: the data behind every word table.

A list is a gzipped msgpack file in wordfreq's data folder: a header, then buckets of words by
frequency in centibels, most frequent first, so bucket i holds the words of Zipf frequency
(900 - i) / 100. Reading the buckets ourselves skips `import wordfreq` (its language-code
tables take most of a second) and its frequency dicts (hundreds of MB for many languages);
the values are exactly those of `wordfreq.get_frequency_dict`.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

_DATA_FILE = re.compile(r"(small|large)_([a-z]{2,3})\.msgpack\.gz")
# wordfreq leaves multi-digit tokens out of its top-n lists (it estimates numbers apart)
_MULTI_DIGIT = re.compile(r"\d[\d.,]+")


@lru_cache(maxsize=1)
def data_files() -> dict[tuple[str, str], Path]:
    """(wordlist, language) -> file, for the `small` and `large` lists wordfreq ships."""
    spec = importlib.util.find_spec("wordfreq")
    for folder in list(spec.submodule_search_locations or []) if spec else []:
        data = Path(folder) / "data"
        if data.is_dir():
            found = {}
            for path in data.iterdir():
                match = _DATA_FILE.fullmatch(path.name)
                if match:
                    found[(match[1], match[2])] = path
            return found
    return {}


def languages(wordlist: str = "best") -> frozenset[str]:
    lists = ("small", "large") if wordlist == "best" else (wordlist,)
    return frozenset(language for name, language in data_files() if name in lists)


def packed_list(language: str, wordlist: str = "best") -> list[list[str]]:
    """The buckets of a language's list (`best`: the large list where there is one); empty
    when wordfreq has none."""
    files = data_files()
    path = files.get(("large", language)) if wordlist == "best" else None
    path = path or files.get(("small" if wordlist == "best" else wordlist, language))
    if path is None:
        return []
    import msgpack

    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False)
    header = data[0] if data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: not a wordfreq cBpack list")
    return data[1:]  # type: ignore[no-any-return]


def zipf_table(language: str, wordlist: str = "best", limit: int | None = None) -> dict[str, int]:
    """{word: zipf * 100} of a language, most frequent first; with `limit`, only that many
    words and none with a digit sequence (as wordfreq.top_n_list)."""
    table: dict[str, int] = {}
    for index, bucket in enumerate(packed_list(language, wordlist)):
        value = 900 - index
        if value <= 0:
            break
        for word in bucket:
            if limit is not None and _MULTI_DIGIT.match(word):
                continue
            table.setdefault(word, value)
            if limit is not None and len(table) >= limit:
                return table
    return table
