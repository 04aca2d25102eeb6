"""`pair-numbers` (XL001): a number of the source missing from the target, or one added.

Numbers are compared as values under each side's language conventions (language.numbers):
`100,000` = `100 000` = `100.000`, `3.5` = `3,5`, `50 %` = `50 per cent`, `1st` = `1er`. A small
number written as a word on one side (`three` / `3`) or a month written as a name (`3 March` /
`03/03`) explains a difference instead of making one. Inline tags and placeholders are not
numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Option
from tqcheck.kinds.pairs import PairKind, pairs
from tqcheck.language.numbers import Number


class PairNumbers(PairKind):
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "ignore-years": Option(bool, False, help="leave four-digit years (1900-2099) out of the comparison"),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        from tqcheck.language.numbers import numbers, values, word_values

        source_language, target_language = self.languages(doc)
        for segment, pair in pairs(doc):
            source, target = pair.source.plain(), pair.target.plain()
            plain = _digits(source)
            if plain is not None and plain == _digits(target):
                continue  # the same plain numbers on both sides (or none): nothing to read
            src = [n for n in numbers(source, source_language) if self._counted(n.value)]
            tgt = [n for n in numbers(target, target_language) if self._counted(n.value)]
            if not src and not tgt:
                continue
            have, want = values(tgt), values(src)
            if have == want:
                continue
            # other readings explain a difference, never make one: a number split by tokenisation
            # ("40 , 6"), or written by the other side's convention ("40.000" in English copy)
            for number in _spaced(target, target_language) + _ambiguous(tgt, target_language):
                have = _better(have, want, number.parts, number.value)
            for number in _spaced(source, source_language) + _ambiguous(src, source_language):
                want = _better(want, have, number.parts, number.value)
            missing, added = want - have, have - want
            _times(src, missing, added)  # 7.30 on one side, 7:30 on the other
            _times(tgt, added, missing)
            _years(missing, added)
            _years(added, missing)
            if missing:  # the target may say "three" for 3, or "March" for 03
                missing -= word_values(pair.target.plain(), target_language)
            if added:
                added -= word_values(pair.source.plain(), source_language)
            if not missing and not added:
                continue
            shown: Counter[Decimal] = Counter()
            for number in tgt:
                if shown[number.value] < added[number.value]:
                    shown[number.value] += 1
                    yield self.target_finding(
                        doc,
                        segment,
                        (number.start, number.end),
                        message="Number {match} is not in the source{lost}.",
                        lost=_lost(missing),
                    )
            if missing and not added:
                yield self.target_finding(
                    doc,
                    segment,
                    message="The source's {numbers} {verb} missing from the target.",
                    numbers=", ".join(_text(src, v) for v in sorted(missing)),
                    verb="is" if sum(missing.values()) == 1 else "are",
                )

    def _counted(self, value: Decimal) -> bool:
        return not (self.options["ignore-years"] and value == value.to_integral() and 1900 <= value <= 2099)


_RUN = re.compile(r"\d[\d.,'’\u00a0\u202f\u2009 ]*")


def _digits(text: str) -> list[str] | None:
    """The digit runs of a text, sorted, when each is plain digits (else None: read them)."""
    runs = _RUN.findall(text)
    if any(not run.rstrip(".,'’\u00a0\u202f\u2009 ").isdigit() for run in runs):
        return None
    return sorted(run.rstrip(".,'’\u00a0\u202f\u2009 ") for run in runs)


_SPACED = re.compile(r"\d+(?: [.,] \d+)+")


def _spaced(text: str, language: str) -> list[Number]:
    """Numbers that tokenised text split around their separator (`40 , 6`), read whole."""
    from tqcheck.language.numbers import readings

    found = []
    for match in _SPACED.finditer(text):
        parts = tuple(Decimal(d) for d in re.findall(r"\d+", match.group()))
        for value in readings(match.group().replace(" ", ""), language):
            found.append(Number(value, match.start(), match.end(), match.group(), parts))
    return found


def _ambiguous(found: list[Number], language: str) -> list[Number]:
    """Each number's other possible value (1,500 = 1.5 or 1500), as a replacement for itself."""
    from tqcheck.language.numbers import readings

    return [
        Number(value, n.start, n.end, n.text, (n.value,))
        for n in found
        for value in readings(n.text, language)
        if value != n.value
    ]


def _better(
    mine: Counter[Decimal], other: Counter[Decimal], parts: tuple[Decimal, ...], value: Decimal
) -> Counter[Decimal]:
    """`mine` with `parts` read as `value`, when that brings it closer to `other`."""
    wanted = Counter(parts)
    if not parts or any(mine[p] < c for p, c in wanted.items()):
        return mine
    trial = mine - wanted
    trial[value] += 1
    return trial if _distance(trial, other) < _distance(mine, other) else mine


def _distance(a: Counter[Decimal], b: Counter[Decimal]) -> int:
    return sum((a - b).values()) + sum((b - a).values())


def _years(short: Counter[Decimal], full: Counter[Decimal]) -> None:
    """A year written with two digits on one side (1/1/08) and four on the other (2008)."""
    for value in list(short):
        if value < 100 and value == value.to_integral():
            for century in (2000, 1900):
                if full[value + century] and short[value]:
                    short[value] -= 1
                    full[value + century] -= 1
    short += Counter()
    full += Counter()


def _times(side: list[Number], lost: Counter[Decimal], other: Counter[Decimal]) -> None:
    """A time written with a dot (7.30) on one side and as hours and minutes on the other."""
    for number in side:
        if number.parts and lost[number.value] and all(other[p] for p in number.parts):
            lost[number.value] -= 1
            for part in number.parts:
                other[part] -= 1
    lost += Counter()  # drop zero counts
    other += Counter()


def _lost(missing: Counter[Decimal]) -> str:
    return f" (the source has {', '.join(_plain(v) for v in sorted(missing))})" if missing else ""


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


def _text(found: list, value: Decimal) -> str:  # type: ignore[type-arg]
    """The number as the source writes it."""
    return next((f"'{n.text}'" for n in found if n.value == value), _plain(value))
