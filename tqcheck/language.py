"""Offline language detection by a word-frequency vote over a document's common words.

Why not a library: the maintained offline detectors (lingua, fasttext's lid.176) load tens or
hundreds of MB of models, which breaks the 0.5 s budget for one small file; news prose is
identified reliably by its function words. wordfreq (already a dependency) gives the most
frequent words of every language; their Zipf frequencies, cached on disk as one small
pickle, score the first few hundred words of a document. No full lexicon is loaded.
"""

from __future__ import annotations

import pickle
import re
from functools import lru_cache

from tqcheck.lexicon import _store, _wordfreq_version, cache_dir, normalise

# Languages we vote between: Latin-script European languages tqcheck targets, their close
# neighbours (so that Catalan is not called Spanish) and the Cyrillic ones.
CANDIDATES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "ca", "ro", "sv", "da", "nb", "pl", "cs",
    "fi", "hu", "tr", "ru", "uk", "bg",
)
TOP_N = 1000
SAMPLE_WORDS = 400
MIN_HITS = 2
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CACHE_FORMAT = 1


@lru_cache(maxsize=1)
def stop_words() -> dict[str, dict[str, int]]:
    """{language: {frequent word: zipf*100}} for the candidates, cached on disk."""
    path = cache_dir() / f"wordfreq-{_wordfreq_version()}-top{TOP_N}-v{_CACHE_FORMAT}.pickle"
    try:
        with path.open("rb") as handle:
            table = pickle.load(handle)
        if isinstance(table, dict) and set(table) == set(CANDIDATES):
            return table
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
        pass
    import wordfreq

    table = {}
    for language in CANDIDATES:
        words = wordfreq.top_n_list(language, TOP_N) if language in wordfreq.available_languages() else []
        table[language] = {w: round(wordfreq.zipf_frequency(w, language) * 100) for w in words}
    _store(path, table)
    return table


def detect(text: str, sample: int = SAMPLE_WORDS) -> str | None:
    """The most likely language of `text`, or None when the evidence is too thin.

    Each word of the sample adds its Zipf frequency to every language whose top words
    contain it; a language needs MIN_HITS distinct matches and to beat the runner-up.
    """
    words = [normalise(m.group(0)) for _, m in zip(range(sample), _WORD.finditer(text), strict=False)]
    if len(words) < MIN_HITS:
        return None
    table = stop_words()
    scores: dict[str, float] = {}
    hits: dict[str, int] = {}
    for language, top in table.items():
        score = 0
        count = 0
        for word in words:
            value = top.get(word)
            if value:
                score += value
                count += 1
        scores[language] = score
        hits[language] = count
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    best = ranked[0]
    if hits[best] < MIN_HITS or scores[best] <= scores[ranked[1]] * 1.1:
        return None
    return best
