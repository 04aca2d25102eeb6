"""Frequent words one edit away from a word, found through an index built once per language
(SymSpell).

Generating every insertion, deletion and substitution of an unknown word and looking each up
costs hundreds of lookups a word (0.7 MB/s on OCR'd text). SymSpell turns this round: every
frequent word is filed once under its accent-folded form and under each folded form with one
letter deleted, so the words within one edit of a query are found with len(query) + 1 lookups,
and changed accents (`â` for `à`, `è` for `é`) cost nothing extra. Each word is also filed under
its OCR shape (confusions.py), so misreadings of several letters as one (`rn` for `m`, `U` for
`ll`) or of every long s (`Gefellfchaft`) are found the same way. The index is a marisa trie in
the cache folder (built once from wordfreq, then memory-mapped), which symspellpy's in-memory
dictionary, rebuilt or unpickled by every process, cannot match for a command-line run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from tqcheck.language.accents import strip_accents
from tqcheck.language.confusions import shape, shape_of, undo_once, undo_twice
from tqcheck.language.lexicon import lexicon
from tqcheck.language.trie_store import WordTexts, word_texts

_CACHE_FORMAT = 1
INDEX_MIN_ZIPF = 300
LONG_WORD = 5  # a word this long misread in one place may be repaired into a rarer word
LONG_MIN_ZIPF = 130
TWICE_MIN_ZIPF = 400  # least frequency (zipf * 100) of a word two misreadings away
MIN_QUERY = 4  # only words at least this frequent (zipf * 100) are repairs worth proposing
_MIN_LENGTH = 3  # shortest indexed word
# shortest word looked up: a three-letter word has dozens of frequent neighbours (`hia`: his,
# him, hit, via), so no repair of one is ever clear, and their buckets are the largest


def fold(word: str) -> str:
    """Lowercase, accents stripped (`Élé` -> `ele`): the key space of the index."""
    return strip_accents(word.lower())


def _deletions(key: str) -> Iterator[str]:
    for i in range(len(key)):
        yield key[:i] + key[i + 1 :]


def _build(language: str) -> dict[str, str]:
    groups: dict[str, list[str]] = {}
    for word, zipf in lexicon(language).items():
        if zipf < INDEX_MIN_ZIPF or len(word) < _MIN_LENGTH or not word.isalpha():
            continue
        key = fold(word)
        item = f"{word} {zipf}"
        outline = shape(word, language)
        keys = {key, *_deletions(key)}
        if outline != key:
            keys.update((outline, *_deletions(outline)))
        for variant in keys:
            groups.setdefault(variant, []).append(item)
    return {key: ";".join(items) for key, items in groups.items()}


@cache
def edit_index(language: str) -> WordTexts:
    """{folded key: packed "word zipf;..."} of the frequent words of a language. The cached
    file's name carries a digest of the language's misreadings, which decide the shapes filed,
    so editing them in the language data rebuilds it."""
    digest = hashlib.sha1(repr(shape_of(language).table_key).encode("utf-8")).hexdigest()[:10]
    name = f"edits-{language}-{INDEX_MIN_ZIPF}-{digest}-v{_CACHE_FORMAT}"
    return word_texts(name, lambda: _build(language))


Neighbour = tuple[str, float, str]  # (frequent word, zipf, how it differs: see `neighbours`)


@lru_cache(maxsize=65536)
def neighbours(word: str, language: str) -> tuple[Neighbour, ...]:
    """Frequent words (zipf >= 3) that `word` may be a damaged form of, most frequent first,
    each with how it differs: 'accent' (accents only), 'ocr' (look-alike letters misread, and
    nothing else: one listed single-letter confusion, or any confusions the shape absorbs),
    'edit' (one other insertion, deletion, substitution or swap of neighbours) or 'ocr+edit'
    (misreadings the shape absorbs and one other edit). Never `word` itself."""
    key = fold(word)
    lower = word.lower()
    if len(key) < MIN_QUERY:
        return _misread_once(word, language, lower, {})
    index = edit_index(language)
    outline = shape(word, language)
    probes = {key, *_deletions(key)}
    if outline != key:
        probes.update((outline, *_deletions(outline)))
    single = shape_of(language).single
    distance = _osa()  # at most 1: one insertion, deletion, substitution or swap of neighbours
    seen: dict[str, Neighbour] = {}
    for probe in probes:
        packed = index.get(probe)
        if not packed:
            continue
        for item in packed.split(";"):
            form, zipf = item.split(" ")
            if form == lower or form in seen:
                continue
            plain = fold(form)
            if plain == key:
                how = "accent"
            elif distance(key, plain, score_cutoff=1) <= 1:
                how = "ocr" if _substituted(key, plain) in single else "edit"
            else:
                other = shape(form, language)
                if other == outline:
                    how = "ocr"
                elif distance(outline, other, score_cutoff=1) <= 1:
                    how = "ocr" if _substituted(outline, other) in single else "ocr+edit"
                else:
                    continue
            seen[form] = (form, int(zipf) / 100, how)
    return _misread_once(word, language, lower, seen)


def _misread_once(word: str, language: str, lower: str, seen: dict[str, Neighbour]) -> tuple[Neighbour, ...]:
    """`seen` and the frequent words with one misreading undone in one place, which a shape may
    not absorb (`besclilossen`: `cl` and `li` overlap) and short words are not looked up for."""
    lex = lexicon(language)
    value = lex.value
    # a long word misread in one place is rarely another word by chance: rarer repairs count
    floor = LONG_MIN_ZIPF if len(word) >= LONG_WORD else INDEX_MIN_ZIPF
    for repaired in undo_once(word, language):
        form = repaired.lower()
        # one confusion undone in one place is a pure misreading, even where overlapping
        # rewrites of the shape made it look like one more edit (`besclilossen`)
        if form != lower and (form not in seen or seen[form][2] != "ocr") and (found := value(form)) >= floor:
            seen[form] = (form, found / 100, "ocr")
    if not seen and len(word) >= MIN_QUERY + 1:
        # worn type misreads the same letter twice (`aulanl` for `autant`): only frequent repairs
        for repaired in undo_twice(word, language, lex.begins):
            form = repaired.lower()
            if form not in seen and form != lower and (found := value(form)) >= TWICE_MIN_ZIPF:
                seen[form] = (form, found / 100, "ocr")
    return tuple(sorted(seen.values(), key=lambda n: -n[1]))


def _substituted(a: str, b: str) -> tuple[str, str] | None:
    """(letter of a, letter of b) when a and b differ by one substituted letter."""
    if len(a) != len(b):
        return None
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (a[diff[0]], b[diff[0]]) if len(diff) == 1 else None


@cache
def _osa() -> Callable[..., int]:
    """rapidfuzz's optimal-string-alignment distance (imported when a word is first looked up)."""
    from rapidfuzz.distance import OSA

    return OSA.distance  # type: ignore[no-any-return]
