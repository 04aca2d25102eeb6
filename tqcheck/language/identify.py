"""Which of two languages a short text is in: XL003 asks whether a target is still in the
source language.

Two methods, measured on real short segments by tests/benchmarks/bench_language_id.py: the
word-frequency vote of `detection` restricted to the pair, and py3langid's character n-gram
model (BSD, the model inside the package, loaded only when a check needs it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tqcheck.language.detection import _by_word
from tqcheck.language.lexicon import normalise

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def vote_between(text: str, languages: tuple[str, str]) -> str | None:
    """The word-frequency vote between two languages (None: no frequent word of either)."""
    weights = _pair_weights(languages)
    score = sum(weights.get(word, 0) for word in _WORD.findall(normalise(text)))
    if score == 0:
        return None
    return languages[0] if score > 0 else languages[1]


@lru_cache(maxsize=16)
def _pair_weights(languages: tuple[str, str]) -> dict[str, int]:
    """Each frequent word's vote for the first language (its zipf there minus its zipf in the
    second): made once per pair, since XL003 asks for every segment."""
    first = languages[0]
    weights: dict[str, int] = {}
    for word, entries in _by_word().items():
        weight = sum(zipf if language == first else -zipf for language, zipf in entries if language in languages)
        if weight:
            weights[word] = weight
    return weights


def in_language(text: str, language: str, other: str, confirm: float, alone: float) -> bool:
    """Whether `text` is in `language` rather than `other`: the vote, confirmed by py3langid
    (its share for `language` at least `confirm` when the vote says so, at least `alone` when the
    vote cannot tell: few frequent words, or a language outside detection.candidates()).

    Measured on real short segments (tests/benchmarks/bench_language_id.py): the vote alone
    misses a quarter of two-word segments; py3langid alone calls one translation in ten the
    source language at two words; together they keep py3langid's recall at the vote's precision.
    """
    from tqcheck.language.detection import candidates

    voters = candidates()
    voted = vote_between(text, (language, other)) if language in voters and other in voters else None
    if voted == other:
        return False
    share = langid_share(text, language, other)
    if share is None:
        return False
    return share >= (confirm if voted == language else alone)


def langid_share(text: str, language: str, other: str) -> float | None:
    """py3langid's probability of `language` against `other` (None: it knows neither)."""
    import math

    scores = _langid_scores(text)
    if language not in scores or other not in scores:
        return None
    difference = scores[other] - scores[language]
    if difference > 700:
        return 0.0
    return 1.0 / (1.0 + math.exp(difference))


def _langid_scores(text: str) -> dict[str, float]:
    return dict(_identifier().rank(text))


_MODEL: list[object] = []


def _identifier():  # type: ignore[no-untyped-def]
    """The model, loaded once per process and only when a check needs it (it imports numpy)."""
    if not _MODEL:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _MODEL.append(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False))
    return _MODEL[0]
