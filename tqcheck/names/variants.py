"""Is this the same name? Pairwise test plus bucketed grouping (never all pairs).

Two spellings are variants when their transliteration keys meet (normalise.keys), or they are
pinyin / Wade-Giles renderings of one syllable string, or they differ only in vowels with a high
Jaro-Winkler similarity (Mohammed / Muhammad). Morphological relatives (Russia / Russian), common
words of the document's language and different people sharing a surname are kept apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from tqcheck.names.normalise import consonants, fold, keys, split_article, wade_giles_key

ZipfLookup = Callable[[str], float]
# Derivations and inflections: a longer spelling = shorter + one of these is a relative, not a variant.
_MAX_SUFFIX = 6
_TRANSLIT_ENDINGS = set("yij")


@lru_cache(maxsize=262144)
def derived(a: str, b: str) -> bool:
    """True when one folded spelling is the other plus a suffix (Ukraine/Ukrainian, Putin/Putins)."""
    short, long = sorted((a, b), key=len)
    if len(short) == len(long):
        return False
    for stem in (short, short[:-1] if short[-1:] in "aeiouy" else None):
        if stem and len(stem) >= 3 and long.startswith(stem):
            rest = long[len(stem) :]
            if rest and short[-1] in _TRANSLIT_ENDINGS and set(rest) <= _TRANSLIT_ENDINGS:
                return False  # Zelensky / Zelenskyy / Zelenskyi: a transliteration ending
            if rest in ("h", "ah", "eh") and short[-1] in "ae":
                return False  # Arabic and Persian -a / -ah / -eh: Haniya / Haniyeh
            if rest == "e" and stem == short and short[-1] == "n" and len(short) >= 6:
                return False  # French -e after -n: Stalin / Staline, Salman / Salmane
            if len(rest) <= _MAX_SUFFIX:
                return True
    return False


@lru_cache(maxsize=262144)
def same_name(a: str, b: str) -> bool:
    """Could two different spellings be one name? (Lexicon and people checks come on top.)"""
    if a.casefold() == b.casefold():
        return False
    fa, fb = fold(a), fold(b)
    if min(len(fa), len(fb)) < 4:
        return False
    if fa == fb:
        # accents only (Sergueï / Serguei), or hyphenated syllables of a Chinese name (En-lai / Enlai);
        # other hyphenation differences (Re-enable / Reenable) are spelling, not names
        return _letters(a) != _letters(b) or (wade_giles_key(a) is not None and wade_giles_key(b) is not None)
    if _DOUBLED.sub(r"\1", fa) == _DOUBLED.sub(r"\1", fb):
        return True  # doubled letters only: al-Sisi / al-Sissi
    if derived(fa, fb) or _feminine(fa) != _feminine(fb):
        return False  # relatives, or feminine forms: Alexander / Alexandra, Zelensky / Zelenska
    ka, kb = keys(a), keys(b)
    shared = ka & kb
    if shared and max(len(k) for k in shared) >= 5:
        return True
    wa, wb = wade_giles_key(a), wade_giles_key(b)
    if wa and wb and wa[0] == wb[0] and (wa[1] or wb[1]) and len(wa[0]) >= 5:
        return True
    return _vowel_variant(ka, kb)


_DOUBLED = re.compile(r"(.)\1+")


def _feminine(folded: str) -> bool:
    """-a (and Arabic/Persian -ah/-eh) endings: Alexandra is not Alexander, Haniyeh is Haniya."""
    return folded.endswith(("a", "ah", "eh"))


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalpha())


def _vowel_variant(ka: frozenset[str], kb: frozenset[str]) -> bool:
    """Same consonants, vowels differing only as transliterations do (Mohammed / Muhammad,
    Zawahiri / Zawahri); textdistance gates the pair first so unrelated keys cost nothing."""
    for x in ka:
        for y in kb:
            if min(len(x), len(y)) < 6 or x[0] != y[0]:
                continue
            if min(len(x), len(y)) >= 7 and _one_vowel_dropped(x, y) and _close(x, y):
                return True
            skeleton = consonants(x)
            if len(skeleton) < 3 or skeleton != consonants(y):
                continue
            vowels_x, vowels_y = _VOWEL_RUNS.split(x), _VOWEL_RUNS.split(y)
            if (
                len(vowels_x) == len(vowels_y)
                and all(_similar_vowels(a, b) for a, b in zip(vowels_x, vowels_y, strict=True))
                and _close(x, y)
            ):
                return True
    return False


def _close(x: str, y: str, floor: float = 0.8) -> bool:
    """Jaro-Winkler similarity (textdistance, rapidfuzz backend), imported only for real candidates."""
    from textdistance import jaro_winkler

    return bool(jaro_winkler.normalized_similarity(x, y) >= floor)


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


def candidate_pairs(forms: Iterable[str]) -> set[tuple[str, str]]:
    """Pairs of spellings that share a bucket: the only pairs ever compared."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        for key in bucket_keys(form):
            buckets[key].append(form)
    pairs: set[tuple[str, str]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > 50:
            continue  # a huge bucket is a degenerate key, not one name
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a != b:
                    pairs.add((a, b) if a < b else (b, a))
    return pairs


def _all_pairs(forms: list[str]) -> set[tuple[str, str]]:
    """Every pair: only for the handful of given names attached to one surname."""
    return {(a, b) if a < b else (b, a) for i, a in enumerate(forms) for b in forms[i + 1 :] if a != b}


def compatible_people(given_a: set[str], given_b: set[str]) -> bool:
    """Igor Sechin vs Ivan Setchin: given names on both sides that never agree mean two people."""
    if not given_a or not given_b:
        return True
    return any(x == y or same_given_name(x, y) for x in given_a for y in given_b)


@lru_cache(maxsize=65536)
def same_given_name(a: str, b: str) -> bool:
    """Given names of one person (same surname): Zhou / Chou, Deng / Teng, Abdelaziz / Abdulaziz.

    The shared surname is strong evidence, so short pinyin / Wade-Giles syllables and freer vowel
    changes count here, never between words in general.
    """
    if same_name(a, b):
        return True
    fa, fb = fold(a), fold(b)
    if a.casefold() == b.casefold() or min(len(fa), len(fb)) < 2 or _feminine(fa) != _feminine(fb):
        return False
    if (fa[0] == fb[0] or {fa[0], fb[0]} <= set("yji")) and keys(a) & keys(b):
        return True  # Abu / Abou, Yuri / Youri
    wa, wb = wade_giles_key(a), wade_giles_key(b)
    if wa is None or wb is None:
        wa, wb = _short_wade_giles(a), _short_wade_giles(b)
    if wa and wb and wa[0] == wb[0]:
        return True
    if min(len(fa), len(fb)) >= 6 and consonants(fa) == consonants(fb):
        return _close(fa, fb, 0.85)
    return False


def _short_wade_giles(name: str) -> tuple[str, bool] | None:
    """The pinyin key of a one-syllable name (Hsi, Xi, Chou, Zhou), which wade_giles_key skips."""
    padded = wade_giles_key(name + name)  # doubled to pass the length floor; syllable check intact
    return (padded[0][: len(padded[0]) // 2], padded[1]) if padded else None


def group(
    forms: Iterable[str],
    zipf: ZipfLookup,
    givens: Mapping[str, set[str]] | None = None,
    same: Callable[[str, str], bool] = same_name,
    *,
    common_word: float,
) -> list[list[str]]:
    """Clusters (of two or more spellings) of one name, via union-find over accepted pairs;
    two spellings both at least `common_word` frequent are ordinary words (Defense / Defence)."""
    forms = list(dict.fromkeys(forms))
    parent = {form: form for form in forms}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = candidate_pairs(forms) if same is same_name else _all_pairs(forms)
    for a, b in sorted(pairs):
        if not same(a, b):
            continue
        if zipf(a) >= common_word and zipf(b) >= common_word:
            continue
        if givens is not None and not compatible_people(givens.get(a, set()), givens.get(b, set())):
            continue
        parent[find(a)] = find(b)
    clusters: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        clusters[find(form)].append(form)
    return [members for members in clusters.values() if len(members) > 1 and not _article_only(members)]


def _article_only(forms: list[str]) -> bool:
    """`Mustafa Al-Kadhimi`, later `Kadhimi`: the article comes and goes, the spelling is one
    (but `al-Assad` / `el-Assad` spell the article two ways)."""
    articles, rests = zip(*map(split_article, forms), strict=True)
    return len(set(rests)) == 1 and len(set(articles) - {""}) == 1
