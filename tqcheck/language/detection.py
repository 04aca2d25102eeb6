"""Offline language detection by a word-frequency vote over a document's common words.

Why not a library: the maintained offline detectors (lingua, fasttext's lid.176) load tens or
hundreds of MB of models, which breaks the 0.5 s budget for one small file; news prose is
identified reliably by its function words. wordfreq (already a dependency) gives the most
frequent words of every language; their Zipf frequencies, cached on disk as one small
pickle, score the first few hundred words of a document. No full lexicon is loaded.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from tqcheck.core.cache import disk_cached
from tqcheck.core.model import Document
from tqcheck.language.data import languages_where
from tqcheck.language.lexicon import normalise
from tqcheck.language.wordlists import zipf_table

TOP_N = 1000
SAMPLE_WORDS = 250
MIN_HITS = 2
# prose is 30-50% function words; a list of names or places has almost none
MIN_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CACHE_FORMAT = 2  # 2: zipf from the list's bucket, not zipf_frequency's tokenised lookup


@lru_cache(maxsize=1)
def candidates() -> tuple[str, ...]:
    """The languages we vote between (`function_words.detect` in their data files): the
    Latin-script European languages tqcheck targets, their close neighbours (so that Catalan is
    not called Spanish) and the Cyrillic ones."""
    return languages_where(lambda data: data.function_words.detect)


_CODE = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*")


def base_language(code: str | None) -> str | None:
    """`fr-FR`, `pt_BR`, ` EN ` -> `fr`, `pt`, `en`; None for anything that is not a language code.

    Word lists, conventions and rules' `languages:` are all per base language, so documents
    carry the base code from `engine.prepare` on.
    """
    match = _CODE.fullmatch(code.strip().lower()) if code else None
    return match.group(1) if match else None


def declared_language(doc: Document) -> str | None:
    """The base language a document's front matter declares (`lang:` or `language:`)."""
    declared = doc.meta.get("language") or doc.meta.get("lang")
    return base_language(declared) if isinstance(declared, str) else None


@lru_cache(maxsize=1)
def stop_words() -> dict[str, dict[str, int]]:
    """{language: {frequent word: zipf*100}} for the candidates, cached on disk."""

    def build() -> dict[str, dict[str, int]]:
        # wordfreq's packed lists read directly (wordlists): 0.3 s and ~60 MB for the 20
        # languages, against 8 s and ~800 MB through wordfreq's zipf_frequency. The small
        # lists hold the same top words in the same buckets as the large ones.
        return {language: zipf_table(language, "small", limit=TOP_N) for language in voters}

    voters = candidates()

    def valid(table: object) -> bool:
        return isinstance(table, dict) and set(table) == set(voters)

    return disk_cached(f"top{TOP_N}-v{_CACHE_FORMAT}", build, valid)


@lru_cache(maxsize=32)
def function_words(language: str, n: int = 60) -> frozenset[str]:
    """The `n` most frequent words of a language: articles, prepositions, pronouns, auxiliaries."""
    top = stop_words().get(language, {})
    return frozenset(sorted(top, key=top.__getitem__, reverse=True)[:n])


@lru_cache(maxsize=1)
def _by_word() -> dict[str, tuple[tuple[str, int], ...]]:
    """The stop-word table inverted: one lookup per distinct word of a document. Cached on
    disk as such: inverting it on every run cost a tenth of a small file's budget."""

    def build() -> dict[str, tuple[tuple[str, int], ...]]:
        inverted: dict[str, list[tuple[str, int]]] = {}
        for language, top in stop_words().items():
            for word, zipf in top.items():
                inverted.setdefault(word, []).append((language, zipf))
        return {word: tuple(pairs) for word, pairs in inverted.items()}

    return disk_cached(f"top{TOP_N}-by-word-v{_CACHE_FORMAT}", build)


def detect(text: str, sample: int = SAMPLE_WORDS) -> str | None:
    """The most likely language of `text`, or None when the evidence is too thin.

    Each word of the sample adds its Zipf frequency to every language whose top words
    contain it; a language needs MIN_HITS matches and to beat the runner-up by 10%.
    """
    head = normalise(text[: sample * 12])
    words = _WORD.findall(head)[:sample]
    if len(words) < MIN_HITS:
        return None
    table = _by_word()
    scores: dict[str, int] = {}
    hits: dict[str, int] = {}
    for word, count in Counter(words).items():
        for language, zipf in table.get(word, ()):
            scores[language] = scores.get(language, 0) + zipf * count
            hits[language] = hits.get(language, 0) + count
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if hits[best] < max(MIN_HITS, MIN_SHARE * len(words)) or score <= runner_up * 1.1:
        return None  # lists of names, tables and code have too few function words to tell
    return best
