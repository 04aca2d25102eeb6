"""The shape of a language data file (`language/data/<code>.yaml`): its sections and their types.

Every file has every section and every key (an empty list or `false` says "nothing here"), so a
file read on its own tells a newcomer what the rules know about the language, and a typo or a
missing key is an error naming the file and the key, never a silently ignored setting.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any


class LanguageDataError(ValueError):
    """A language data file that does not follow the schema (message names file and key)."""


Check = Callable[[Any, str], Any]  # (value, key for messages) -> the typed value


def _fail(key: str, expected: str, value: Any) -> LanguageDataError:
    return LanguageDataError(f"key '{key}': expected {expected}, got {value!r}")


def words(value: Any, key: str) -> tuple[str, ...]:
    """A list of strings (quote `no`, `on`, `yes`: YAML reads them as booleans)."""
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise _fail(key, "a list of non-empty strings (quote no/on/off/yes)", value)
    return tuple(value)


def flag(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(key, "true or false", value)
    return value


def text(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise _fail(key, "a string", value)
    return value


def space(value: Any, key: str) -> str:
    if value not in ("none", "no-break"):
        raise _fail(key, "'none' or 'no-break'", value)
    return str(value)


def patterns(value: Any, key: str) -> tuple[str, ...]:
    """Regular expressions (checked here, so a bad one names its file)."""
    found = words(value, key)
    for pattern in found:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise LanguageDataError(f"key '{key}': invalid regular expression {pattern!r}: {exc}") from None
    return found


def weighted(value: Any, key: str) -> tuple[tuple[str, int], ...]:
    """[[regex, weight], ...]: transliteration habits."""
    ok = isinstance(value, list) and all(
        isinstance(item, list)
        and len(item) == 2
        and isinstance(item[0], str)
        and isinstance(item[1], int)
        and not isinstance(item[1], bool)
        for item in value
    )
    if not ok:
        raise _fail(key, "a list of [regex, integer weight] pairs", value)
    patterns([item[0] for item in value], key)
    return tuple((item[0], item[1]) for item in value)


def pairs(value: Any, key: str) -> tuple[tuple[str, str], ...]:
    """[[what OCR produced, what was printed], ...]."""
    ok = isinstance(value, list) and all(
        isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) and x for x in item) for item in value
    )
    if not ok:
        raise _fail(key, "a list of [misread, printed] string pairs", value)
    return tuple((item[0], item[1]) for item in value)


def groups(value: Any, key: str) -> tuple[tuple[str, ...], ...]:
    """[[word, word, ...], ...]: sets of at least two words."""
    ok = isinstance(value, list) and all(
        isinstance(item, list) and len(item) >= 2 and all(isinstance(x, str) and x for x in item) for item in value
    )
    if not ok:
        raise _fail(key, "a list of lists of at least two strings", value)
    return tuple(tuple(item) for item in value)


def number_words(value: Any, key: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """{value: [words]}: small numbers (and first ordinals) written as words."""
    ok = isinstance(value, dict) and all(isinstance(k, int) and not isinstance(k, bool) and k >= 0 for k in value)
    if not ok:
        raise _fail(key, "a mapping of numbers to lists of words", value)
    return tuple((k, words(v, f"{key}.{k}")) for k, v in sorted(value.items()))


# section -> a check for the whole section, or {key: check} for a section that is a mapping
SCHEMA: Mapping[str, Check | Mapping[str, Check]] = {
    "name": text,
    "abbreviations": {"words": words, "exact_case": words},
    "function_words": {"detect": flag, "conjunctions": words, "one_letter": words, "sentence_openers": words},
    "quotes": {"low_opening": flag, "reversed_guillemets": flag},
    "spacing": {"before_marks": space},
    "negation": {"words": words, "patterns": patterns},
    "particles": words,
    "titles": words,
    "compounding": {"one_word": flag},
    "transliteration": weighted,
    "ordinals": {"number_stop": flag},
    "letters": {"accented": text, "names": flag, "unaccented_capitals": flag, "optional": text},
    "ocr_confusions": pairs,
    "confusables": groups,
    "inflections": words,
    "number_words": number_words,
    "ocr_merged": pairs,
    "ocr_hyphens": words,
    "capitalised_nouns": flag,
    "genitive_s": flag,
    "elisions": words,
    "relative_times": patterns,
    "scraping_leftovers": {
        "ad": patterns,
        "comment": patterns,
        "share": patterns,
        "translate": patterns,
        "credit": patterns,
        "copyright": patterns,
        "more": patterns,
        "photo": patterns,
        "stamp": patterns,
    },
}


def validate(data: Any) -> dict[str, Any]:
    """The file's sections, typed; raises LanguageDataError naming the first wrong key."""
    if not isinstance(data, dict):
        raise LanguageDataError("expected a mapping of sections")
    unknown = sorted(set(data) - set(SCHEMA))
    if unknown:
        raise LanguageDataError(f"key '{unknown[0]}': unknown section (known: {', '.join(SCHEMA)})")
    typed: dict[str, Any] = {}
    for section, check in SCHEMA.items():
        if section not in data:
            raise LanguageDataError(f"key '{section}': missing section (write it empty if there is nothing)")
        value = data[section]
        if callable(check):
            typed[section] = check(value, section)
            continue
        if not isinstance(value, dict):
            raise _fail(section, f"a mapping with keys {', '.join(check)}", value)
        extra = sorted(set(value) - set(check))
        if extra:
            raise LanguageDataError(f"key '{section}.{extra[0]}': unknown key (known: {', '.join(check)})")
        missing = [key for key in check if key not in value]
        if missing:
            raise LanguageDataError(f"key '{section}.{missing[0]}': missing")
        typed[section] = {key: inner(value[key], f"{section}.{key}") for key, inner in check.items()}
    return typed
