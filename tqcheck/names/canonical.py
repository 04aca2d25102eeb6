"""Which spelling of a name wins: the house glossary, else the majority, else the language's form.

On a tie the spelling established in the document's language wins: first by word frequency
(wordfreq knows 'Kadhafi' in French and 'Gaddafi' in English), then by that language's
transliteration conventions (English -sh-/-y/-ov, French -ch-/-ou-/-ï, German -sch-/-j/-ow/-w),
read from the `transliteration` section of the language's data file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from tqcheck.language.data import language_data

ZipfLookup = Callable[[str], float]


@lru_cache(maxsize=64)
def _conventions(language: str) -> tuple[tuple[re.Pattern[str], int], ...]:
    """The language's `transliteration` habits (its data file), compiled."""
    return tuple((re.compile(pattern), weight) for pattern, weight in language_data(language).transliteration)


def convention_score(form: str, language: str | None) -> int:
    """How well a spelling follows the transliteration habits of a language (0 if unknown)."""
    rules = _conventions(language or "en")
    lowered = form.casefold()
    return sum(weight * len(pattern.findall(lowered)) for pattern, weight in rules)


def choose(
    counts: Mapping[str, int],
    zipf: ZipfLookup,
    language: str | None,
    preferred: str | None = None,
    first_seen: Mapping[str, int] | None = None,
) -> str:
    """The canonical spelling among `counts` (spelling -> occurrences)."""
    if preferred is not None:
        return preferred
    order = first_seen or {}
    top = max(counts.values())
    tied = [form for form in counts if counts[form] == top]
    if len(tied) == 1:
        return tied[0]  # a clear majority: no frequency lookup

    def rank(form: str) -> tuple[float, int, bool, int]:
        accented = any(ord(c) > 127 for c in form)  # keep diacritics rather than their loss
        return (round(zipf(form), 1), convention_score(form, language), accented, -order.get(form, 0))

    return max(tied, key=rank)
