"""Numbers of a text as values, read by the conventions of its language (XL001).

`100,000` in English, `100 000` in French and `100.000` in German are one value, as are `3.5`
and `3,5`; `12.03.2024` is three numbers (a date), `17:00` is 17 (a whole hour). Each language's
decimal and group separators and month names come from CLDR through Babel (cached on disk per
language, so Babel is imported once per machine); small numbers written as words come from
each language's data file (`number_words` in data/<code>.yaml). Words and month names never
make a number differ: they only explain a difference the digits show (`three` for 3, `March`
for 03).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from tqcheck.core.cache import disk_cached

_RUN = re.compile(r"(?<![\w.,])\d+(?:(?:[.,'’\u00a0\u202f\u2009 ])\d+)*(?![\d])")
_WHOLE_HOUR = re.compile(r"(?<=[:h.])00(?!\d)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_DIGITS = re.compile(r"\d+")


class Number(NamedTuple):
    """A number of a text (a tuple: thousands are made per file)."""

    value: Decimal
    start: int
    end: int
    text: str
    parts: tuple[Decimal, ...] = ()  # a time written 7.30: also read as 7 and 30


_TIME = re.compile(r"([01]?\d|2[0-4])[.,]([0-5]\d)")


@dataclass(frozen=True)
class Conventions:
    decimal: str
    group: str
    months: dict[str, int]  # casefolded month names and abbreviations -> 1..12


def conventions(language: str) -> Conventions:
    return _conventions(language)


@lru_cache(maxsize=64)
def _conventions(language: str) -> Conventions:
    def build() -> dict[str, object]:
        return _from_babel(language)

    data = disk_cached(f"numbers-{language}-v1", build)
    return Conventions(str(data["decimal"]), str(data["group"]), dict(data["months"]))  # type: ignore[call-overload]


def _from_babel(language: str) -> dict[str, object]:
    try:
        from babel import Locale, UnknownLocaleError
        from babel.dates import get_month_names
        from babel.numbers import get_decimal_symbol, get_group_symbol
    except ImportError:  # pragma: no cover - babel is a dependency
        return {"decimal": ".", "group": ",", "months": {}}
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return {"decimal": ".", "group": ",", "months": {}}
    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                months.setdefault(str(name).casefold().rstrip("."), int(number))
    return {"decimal": get_decimal_symbol(locale), "group": get_group_symbol(locale), "months": months}


def numbers(text: str, language: str) -> list[Number]:
    """Every number of `text` with its value under the language's conventions."""
    found: list[Number] = []
    conv = conventions(language)
    for match in _RUN.finditer(text):
        raw, offset = match.group(), match.start()
        if raw.isdigit():  # the common case: one plain number, neither a time nor read otherwise
            if raw.strip("0") or not _WHOLE_HOUR.match(text, offset):
                found.append(Number(Decimal(raw), offset, match.end(), raw))
            continue
        for start, end, value in _values(raw, conv):
            at = offset + start
            if value == 0 and _WHOLE_HOUR.match(text, at):
                continue  # 17:00 is "17 h": the zero minutes are not a number to carry over
            written = text[at : offset + end]
            time = _TIME.fullmatch(written)
            parts = (Decimal(time.group(1)), Decimal(time.group(2))) if time else ()
            found.append(Number(value, at, offset + end, written, parts))
    return found


def _values(raw: str, conv: Conventions) -> list[tuple[int, int, Decimal]]:
    """One value for a well-formed number, else each digit group on its own (dates, lists)."""
    if raw.isdigit():
        return [(0, len(raw), Decimal(raw))]
    for decimal, group in ((conv.decimal, conv.group), _other(conv)):
        value = _parse(raw, decimal, group)
        if value is not None:
            return [(0, len(raw), value)]
    parts: list[tuple[int, int, Decimal]] = []
    for match in _DIGITS.finditer(raw):
        parts.append((match.start(), match.end(), Decimal(match.group())))
    return parts


def readings(raw: str, language: str) -> set[Decimal]:
    """Every value a written number can have under the language's and the other convention
    (to explain a difference, never to make one)."""
    conv = conventions(language)
    found = {_parse(raw, decimal, group) for decimal, group in ((conv.decimal, conv.group), _other(conv))}
    return {value for value in found if value is not None}


def _other(conv: Conventions) -> tuple[str, str]:
    """The other common convention, for a number written the source's way in the target."""
    return (",", ".") if conv.decimal == "." else (".", ",")


def _parse(raw: str, decimal: str, group: str) -> Decimal | None:
    integer, _, fraction = raw.partition(decimal) if decimal in raw else (raw, "", "")
    if fraction and not fraction.isdigit():
        return None
    chunks = _group_splitter(decimal, group).split(integer)
    if len(chunks) > 1 and (not 1 <= len(chunks[0]) <= 3 or any(len(c) != 3 for c in chunks[1:])):
        return None
    if not all(c.isdigit() for c in chunks):
        return None
    try:
        return Decimal("".join(chunks) + ("." + fraction if fraction else ""))
    except InvalidOperation:
        return None


@lru_cache(maxsize=16)
def _group_splitter(decimal: str, group: str) -> re.Pattern[str]:
    groups = {group, "\u00a0", "\u202f", "\u2009", " ", "'", "’"} - {decimal}
    return re.compile("[" + re.escape("".join(sorted(groups))) + "]")


def values(found: list[Number]) -> Counter[Decimal]:
    return Counter(n.value for n in found)


@lru_cache(maxsize=64)
def _number_words(language: str) -> dict[str, int]:
    from tqcheck.language.data import language_data

    return {word.casefold(): value for value, words in language_data(language).number_words for word in words}


def word_values(text: str, language: str) -> Counter[Decimal]:
    """Small numbers written as words, and month names, as values (to explain differences)."""
    words = _number_words(language)
    months = conventions(language).months
    found: Counter[Decimal] = Counter()
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        if word in words:
            found[Decimal(words[word])] += 1
        elif word in months and len(word) >= 3:
            found[Decimal(months[word])] += 1
    return found
