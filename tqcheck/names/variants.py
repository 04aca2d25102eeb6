"""Is this the same name? The pairwise test on spellings alone, and the buckets it is asked in.

Two spellings are variants when their transliteration keys meet (normalise.keys), or they are
pinyin / Wade-Giles renderings of one syllable string, or they differ only in vowels with a high
Jaro-Winkler similarity (Mohammed / Muhammad). Morphological relatives (Russia / Russian), common
words of the document's language and different people sharing a surname are kept apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from tqcheck.names.normalise import consonants, fold, keys, readable, wade_giles_key

ZipfLookup = Callable[[str], float]
# Derivations and inflections: a longer spelling = shorter + one of these is a relative, not a variant.
_MAX_SUFFIX = 6
_TA_MARBUTA = re.compile(r"y{1,2}eh?")
_TRANSLIT_ENDINGS = set("yij")


@lru_cache(maxsize=262144)
def derived(a: str, b: str) -> bool:
    """True when one folded spelling is the other plus a suffix (Ukraine/Ukrainian, Putin/Putins),
    not when the extra letters are only a transliteration's (Nihadh / Nihad: dh = d)."""
    short, long = sorted((a, b), key=len)
    if len(short) == len(long) or (long == short + "h" and short[-1] in "cdgkstz"):
        return False
    for stem in (short, short[:-1] if short[-1:] in "aeiouy" else None):
        if stem and len(stem) >= 3 and long.startswith(stem):
            rest = long[len(stem) :]
            if rest and short[-1] in _TRANSLIT_ENDINGS and set(rest) <= _TRANSLIT_ENDINGS:
                return False  # Zelensky / Zelenskyy / Zelenskyi: a transliteration ending
            if (rest in ("ah", "eh") and short[-1] in "ae") or (rest == "h" and short[-1] in "aeiouy"):
                return False  # Arabic and Persian -a / -ah / -eh: Haniya / Haniyeh; a silent h: Goto / Gotoh
            if short.endswith("ie") and _TA_MARBUTA.fullmatch(rest):
                return False  # the Arabic and Persian ending spelled -ie, -iye, -iyeh: Hamie / Hamieyeh
            if rest == "e" and stem == short and short[-1] == "n" and len(short) >= 6:
                return False  # French -e after -n: Stalin / Staline, Salman / Salmane
            if rest == "u" and stem == short and short[-1] == "o":
                return False  # French ou for o or u: Kanso / Kansou
            vowels = rest[:-1] if rest.endswith("h") else rest  # with a silent h: Haniya / Haniyyah
            if stem != short and vowels and len(vowels) <= 2 and set(vowels) <= set("aeiouy"):
                return False  # a final vowel spelled two ways: Osanlu / Osanloo, Hamie / Hamiye
            if len(rest) <= _MAX_SUFFIX:
                return True
    return False


@lru_cache(maxsize=262144)
def why_same(a: str, b: str) -> str | None:
    """Why two different spellings could be one name, or None. (Lexicon and people checks come on top.)"""
    if a.casefold() == b.casefold():
        return None
    fa, fb = fold(a), fold(b)
    if min(len(fa), len(fb)) < 4:
        return None
    if fa == fb:
        # accents only (Sergueï / Serguei), or hyphenated syllables of a Chinese name (En-lai / Enlai);
        # other hyphenation differences (Re-enable / Reenable) are spelling, not names
        if _letters(a) != _letters(b):
            return "accents only" if _plain(a) == _plain(b) else "article or accents only"
        if _marks(a) != _marks(b):
            return "apostrophes only"  # ayn and hamza: Ju'aythini / Juaythini
        return "syllables hyphenated" if wade_giles_key(a) is not None and wade_giles_key(b) is not None else None
    if _DOUBLED.sub(r"\1", fa) == _DOUBLED.sub(r"\1", fb):
        return "doubled letters only"  # al-Sisi / al-Sissi
    if derived(fa, fb) or gendered(fa, fb):
        return None  # relatives, or feminine forms: Alexander / Alexandra, Zelensky / Zelenska
    ka, kb = keys(a), keys(b)
    shared = ka & kb
    if shared and max(len(k) for k in shared) >= 5:
        return f"same transliteration key '{readable(max(sorted(shared), key=len))}'"
    wa, wb = wade_giles_key(a), wade_giles_key(b)
    if wa and wb and wa[0] == wb[0] and (wa[1] or wb[1]) and len(wa[0]) >= 5:
        return f"pinyin and Wade-Giles of '{wa[0]}'"
    return "same consonants, vowels as transliterations vary" if _vowel_variant(ka, kb) else None


def same_name(a: str, b: str) -> bool:
    """Could two different spellings be one name? (Lexicon and people checks come on top.)"""
    return why_same(a, b) is not None


_DOUBLED = re.compile(r"(.)\1+")


# Endings: -a is feminine in Slavic, Romance and Arabic names (Zelenska, Alexandra, Hamida), and so
# is a French doubled consonant before -e (Julianne, Danielle); the
# spellings of the Arabic and Persian ta marbuta (-ah, -eh, -ie, -ye, -yh) go with -a and with
# consonants alike; a consonant, -y, -i or a French -e after a consonant is masculine.
_OPEN_ENDING = re.compile(r"(?:[aeiouy]h|[iy]e)$")


_DOUBLED_E = re.compile(r"([^aeiou])\1e$")


def _ending(folded: str) -> str:
    if folded.endswith("a") or _DOUBLED_E.search(folded):
        return "feminine"  # -a, and French -nne, -lle, -tte: Julianne = Julianna
    return "open" if _OPEN_ENDING.search(folded) else "masculine"


_FEMININE_END = re.compile(r"(?:aya|ya|a|e)$")
_MASCULINE_END = re.compile(r"(?:iy|ij|yi|ii|y|i|e)$")


@lru_cache(maxsize=65536)
def gendered(a: str, b: str) -> bool:
    """One folded spelling is the feminine of the other: Alexandra / Alexander or Alexandre,
    Zelenska / Zelensky, Zelenskaya, Hamida / Hamid; not Haniya / Haniyeh or Hamieh / Hamiye
    (one ending spelled two ways), nor Khanfora / Khanfuran (the stems differ, -a is no gender)."""
    endings = {a: _ending(a), b: _ending(b)}
    if set(endings.values()) != {"feminine", "masculine"}:
        return False
    female, male = (a, b) if endings[a] == "feminine" else (b, a)
    from rapidfuzz.distance import Levenshtein

    stem_f, stem_m = _FEMININE_END.sub("", female), _MASCULINE_END.sub("", male)
    return bool(Levenshtein.distance(stem_f, stem_m) <= 1)


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalpha())


def _marks(text: str) -> str:
    """Letters and apostrophes, without hyphens: tells an apostrophe (ayn, hamza) from a hyphen."""
    return "".join(c for c in text.casefold().replace("’", "'") if c.isalpha() or c == "'")


def _plain(text: str) -> str:
    """Letters and marks as written, accents removed: tells an accent from an article or apostrophe."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if c.isalpha())


def _vowel_variant(ka: frozenset[str], kb: frozenset[str]) -> bool:
    """Same consonants, vowels differing only as transliterations do (Mohammed / Muhammad,
    Zawahiri / Zawahri); the skeletons gate the pair first so unrelated keys cost nothing."""
    for x in ka:
        for y in kb:
            if min(len(x), len(y)) < 6 or x[0] != y[0]:
                continue
            if min(len(x), len(y)) >= 7 and _one_vowel_dropped(x, y) and close(x, y):
                return True
            skeleton = consonants(x)
            if len(skeleton) < 3 or skeleton != consonants(y):
                continue
            vowels_x, vowels_y = _VOWEL_RUNS.split(x), _VOWEL_RUNS.split(y)
            if (
                len(vowels_x) == len(vowels_y)
                and all(_similar_vowels(a, b) for a, b in zip(vowels_x, vowels_y, strict=True))
                and close(x, y)
            ):
                return True
    return False


def close(x: str, y: str, floor: float = 0.8) -> bool:
    """Jaro-Winkler similarity (prefix weight 0.1) from rapidfuzz, only for pairs that passed the
    skeleton gates. Called directly, not through textdistance, whose import pulls in numpy
    (about 0.2 s in every worker process); `1 - (1 - s)` keeps textdistance's
    normalized_similarity to the last bit, so no boundary case moves."""
    from rapidfuzz.distance import JaroWinkler

    similarity = 1.0 if x == y else JaroWinkler.similarity(x, y) if x and y else 0.0
    return bool(1 - (1 - similarity) >= floor)


def _one_vowel_dropped(x: str, y: str) -> bool:
    short, long = sorted((x, y), key=len)
    if len(long) != len(short) + 1:
        return False
    return any(long[i] in "aeiouIH" and long[:i] + long[i + 1 :] == short for i in range(len(long)))


_VOWEL_RUNS = re.compile(r"[^aeiouI]+")
# o/u (Mohammed / Muhammad, Rohani / Rouhani), e/a (Mohammed / Mohammad), e/i (Khaled / Khalid)
_VOWEL_SWAPS = {frozenset(pair) for pair in (("o", "u"), ("e", "a"), ("e", "I"), ("a", "o"))}


def _similar_vowels(a: str, b: str) -> bool:
    return len(a) == len(b) and all(x == y or frozenset((x, y)) in _VOWEL_SWAPS for x, y in zip(a, b, strict=True))


@lru_cache(maxsize=65536)
def bucket_keys(form: str) -> frozenset[str]:
    """Every key under which a spelling is filed; variants always share at least one. (Cached:
    the same spellings recur in file after file.)"""
    found = {"f:" + fold(form)}
    for key in keys(form):
        found.add("k:" + key)
        found.add("c:" + key[:1] + consonants(key))
    wade_giles = wade_giles_key(form)
    if wade_giles:
        found.add("w:" + wade_giles[0])
    return frozenset(found)
