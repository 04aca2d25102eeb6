"""Which spelling of a name wins: the house glossary, else the majority, else the language's form.

On a tie the spelling established in the document's language wins: first by word frequency
(wordfreq knows 'Kadhafi' in French and 'Gaddafi' in English), then by that language's
transliteration conventions (English -sh-/-y/-ov, French -ch-/-ou-/-ï, German -sch-/-j/-ow/-w).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

ZipfLookup = Callable[[str], float]

_CONVENTIONS: dict[str, tuple[tuple[str, int], ...]] = {
    "en": ((r"sh|kh|zh", 1), (r"ou|tch|sch|ï|w$|ow$", -1), (r"y$", 1), (r"j(?=[aeiou])", -1)),
    "fr": ((r"ch|ou|ï|tch|kh", 1), (r"sh|w|sch|zh", -1), (r"i$", 1), (r"y$", -1)),
    "de": ((r"sch|tsch|ow$|w|j", 1), (r"sh|zh|ou|kh", -1), (r"ij$|yj$", 1), (r"y$", -1)),
    "es": ((r"j|ch", 1), (r"sh|zh|kh|w", -1)),
    "it": ((r"ch|sc", 1), (r"sh|w|kh", -1)),
    "nl": ((r"sj|oe|j", 1), (r"sh|zh|w", -1)),
}
_COMPILED = {lang: tuple((re.compile(p), w) for p, w in rules) for lang, rules in _CONVENTIONS.items()}


def convention_score(form: str, language: str | None) -> int:
    """How well a spelling follows the transliteration habits of a language (0 if unknown)."""
    rules = _COMPILED.get(language or "en", ())
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
