"""Evidence from the rest of a name: one person written two ways, or two people?

Within one document a shared word is strong evidence (item 3 of the name audit): `Blanca Mesa`
and `Blanca Meza`, or `Dzmitry Kuzmich` and `Dmitri Kuzmich`, are one person, so the
differing word only has to be close by the fitted edit distance (names.edits), not identical under
a transliteration key. The guards stay: feminine forms (Alexander / Alexandra, Zelensky /
Zelenska), morphological relatives (Putin / Putins) and given names that never agree (Arkady /
Boris Rotenberg, Igor Sechin / Ivan Setchin) keep people apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.names.edits import closeness, describe
from tqcheck.names.joined import ordinary_piece
from tqcheck.names.normalise import consonants, fold, keys, one_syllable, readable, wade_giles_key
from tqcheck.names.variants import ZipfLookup, close, derived, gendered, why_same


@dataclass(frozen=True)
class Limits:
    """How far one word of a name may be from another (fitted edit distance, bits per letter,
    names.edits) when the rest of the name is evidence of one person; TL001's options."""

    given: float  # given names of one surname (Dzmitry / Dmitri Kuzmich)
    surname: float  # surnames after one given name (Blanca Mesa / Meza)
    both: float  # each of the two words, when both differ (Abdallah Rajab / Abdullah Ragab)
    # a shared word this frequent (wordfreq zipf) or shorter than this is no evidence: many
    # people are called Kim, Ali or Smith
    common: float
    shortest: int
    # a shared word too common to be evidence (Ali, Kim) still vouches for spellings this close:
    # Ahmad / Ahmed Ali are one person, Yong / Song Kim are not
    weak: float = 0.0
    # a given name may carry a Latvian or Lithuanian nominative -s (Rolands / Roland); not in
    # languages whose names take a genitive -s (Kims Schwester)
    nominative_s: bool = True

    def evidence(self, shared: str, zipf: ZipfLookup) -> bool:
        """Is a word two names share rare enough to say they are one person?"""
        return len(fold(shared)) >= self.shortest and zipf(shared) < self.common


HYPHENS_ONLY = "hyphens or apostrophes only"


@lru_cache(maxsize=65536)
def apart(a: str, b: str, given: bool = False, nominative_s: bool = True) -> tuple[float, str] | None:
    """How far two words are as spellings of one name when the rest of the name vouches for the
    person: (bits per letter by the fitted costs, why), 0 for spellings alike on their own; None
    when a guard says they are different names (a feminine form, a derivation).

    Given names (`given`) also match as short pinyin / Wade-Giles syllables (Zhou / Chou) or by a
    key after y / j / i (Yuri / Youri), and may carry a Baltic nominative -s (Rolands / Roland)
    unless `nominative_s` is off.
    """
    if a.casefold() == b.casefold():
        return 0.0, "same word"
    found = why_same(a, b)
    if found is not None:
        return 0.0, found
    fa, fb = fold(a), fold(b)
    if fa == fb and len(fa) >= 3:
        return 0.0, HYPHENS_ONLY  # Mozaffari-Nia / Mozaffarinia
    if min(len(fa), len(fb)) < 2 or gendered(fa, fb):
        return None
    if given:
        if (fa[0] == fb[0] or {fa[0], fb[0]} <= set("yji")) and keys(a) & keys(b):
            return 0.0, "same transliteration key"  # Abu / Abou, Yuri / Youri
        wa, wb = wade_giles_key(a), wade_giles_key(b)
        if wa is None or wb is None:
            wa, wb = _short_wade_giles(a), _short_wade_giles(b)
        if wa and wb and wa[0] == wb[0]:
            return 0.0, f"pinyin and Wade-Giles of '{wa[0]}'"
        if min(len(fa), len(fb)) >= 6 and consonants(fa) == consonants(fb) and close(fa, fb, 0.85):
            return 0.0, "same consonants"  # Moammar / Mouammar
    allowed = (nominative_s and _nominative(fa, fb)) if given else _mute_e(fa, fb)
    if min(len(fa), len(fb)) < 3 or (derived(fa, fb) and not allowed):
        return None
    if one_syllable(a) and one_syllable(b):
        return None  # Chen / Shen, Yong / Song: different syllables, different names
    bits, x, y = closeness(a, b)
    if bits == 0.0:
        return bits, f"same transliteration key '{readable(x)}'"  # too short to count on its own
    return bits, f"spellings {bits:.2f} bits/letter apart ({describe(x, y)})"


def _mute_e(a: str, b: str) -> bool:
    """French-style transliteration adds a mute -e to a surname: Badji / Badjie, Tabari /
    Tabarie. (Given names already allow it through their keys: Isidor / Isidore.)"""
    short, long = sorted((a, b), key=len)
    return long == short + "e" and len(short) >= 4


def _nominative(a: str, b: str) -> bool:
    """Latvian and Lithuanian given names end in -s: Rolands = Roland, Augusts = August."""
    short, long = sorted((a, b), key=len)
    return long == short + "s" and short[-1] not in "aeiouys"


@lru_cache(maxsize=65536)
def why_same_given(a: str, b: str, limits: Limits | None, evidence: bool = True) -> str | None:
    """Given names of one person (same surname): Zhou / Chou, Deng / Teng, Abdelaziz / Abdulaziz,
    Dzmitry / Dmitri. A shared surname that is `evidence` (not Kim or Smith) lets short pinyin /
    Wade-Giles syllables count, and with `limits` (one document) fitted edits; never between
    words in general."""
    found = why_same(a, b)
    if found is not None:
        return found
    if not evidence:  # a common surname: only the weak-evidence limit, when it is set
        if limits is None or limits.weak <= 0:
            return None
        weak = apart(a, b)
        return weak[1] if weak is not None and weak[0] <= limits.weak else None
    near = apart(a, b, given=True, nominative_s=limits.nominative_s if limits is not None else True)
    if near is None or near[0] > (limits.given if limits is not None else 0.0):
        return None
    return near[1]


def compatible_people(given_a: Iterable[str], given_b: Iterable[str], limits: Limits | None) -> bool:
    """Igor Sechin vs Ivan Setchin: given names on both sides that never agree mean two people
    (`limits`: see why_same_given)."""
    given_a, given_b = set(given_a), set(given_b)
    if not given_a or not given_b:
        return True
    return any(x == y or why_same_given(x, y, limits) is not None for x in given_a for y in given_b)


def why_same_person(
    a: str, b: str, given_a: Iterable[str], given_b: Iterable[str], zipf: ZipfLookup, limits: Limits
) -> str | None:
    """Two surnames of one person: a rare given name is shared and the surnames are close
    (Blanca Mesa / Blanca Meza), or both words differ and each is close (Abdallah Rajab /
    Abdullah Ragab)."""
    surname = apart(a, b)
    if surname is None or (surname[1] == HYPHENS_ONLY and ordinary_piece((a, b), zipf, limits.common)):
        return None  # a compound noun written joined and hyphenated (Ukrainekrieg), not a name
    best: tuple[float, str] | None = None
    for x in sorted(set(given_a)):
        for y in sorted(set(given_b)):
            if x.casefold() == y.casefold():
                if limits.evidence(x, zipf) and surname[0] <= limits.surname:
                    return f"{surname[1]}; same given name {x}"
                if surname[0] <= limits.weak:
                    return f"{surname[1]}; same given name {x} (a common one: only close spellings)"
                continue
            given = apart(x, y, given=True, nominative_s=limits.nominative_s)
            if given is not None and 0.0 in (given[0], surname[0]):
                # one word alike on its own (Mohammed / Muhammad) is as good as shared: the other
                # word gets the limit it has beside a shared word
                alike = (x, y) if given[0] == 0.0 else (a, b)
                limit = limits.surname if given[0] == 0.0 else limits.given
                rare = limits.evidence(alike[0], zipf) and limits.evidence(alike[1], zipf)
                if max(surname[0], given[0]) <= (limit if rare else limits.weak):
                    return f"{surname[1]}; given names {x} / {y}: {given[1]}"
                continue
            farther = max(surname[0], given[0]) if given is not None else float("inf")
            if given is not None and farther <= limits.both and (best is None or farther < best[0]):
                best = farther, f"{surname[1]}; given names {x} / {y}: {given[1]}"
    return best[1] if best is not None else None


@lru_cache(maxsize=65536)
def given_buckets(given: str) -> frozenset[str]:
    """Keys under which a person's surname is filed by its given name: the folded name and its
    consonant skeleton (Abdallah / Abdullah, Iyad / Eyad share one)."""
    found = {"g:" + fold(given)}
    for key in keys(given):
        found.add("gc:" + consonants(key))
    return frozenset(found)


def _short_wade_giles(name: str) -> tuple[str, bool] | None:
    """The pinyin key of a one-syllable name (Hsi, Xi, Chou, Zhou), which wade_giles_key skips."""
    padded = wade_giles_key(name + name)  # doubled to pass the length floor; syllable check intact
    return (padded[0][: len(padded[0]) // 2], padded[1]) if padded else None
