"""Disk cache of a sentence pair's word-level evidence, next to the vectors.

The evidence (numbers, negation, confusables, rare words without counterpart) depends only on
the two texts, their languages, the model and the settings, so a re-run over unchanged
documents recomputes none of it. Offsets are stored relative to each side's text, so a pair
that moved in its file is still a hit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqcheck.meaning.signals import Divergent

if TYPE_CHECKING:
    from tqcheck.meaning.pairs import PairResult, Side
    from tqcheck.meaning.vector_store import EmbeddingCache

VERSION = 2  # 2: the detector of each reason is stored with it


def key(pair: PairResult, source: Side, other: Side, context: Sequence[object]) -> str:
    parts = [
        VERSION,
        *context,
        source.language,
        other.language,
        _raw(source, pair.source_span),
        _raw(other, pair.other_span),
    ]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode()).hexdigest()


def load(cache: EmbeddingCache | None, pairs: list[PairResult], keys: list[str]) -> list[PairResult]:
    """Fill the pairs found in the cache; return the ones still to compute."""
    if cache is None:
        return pairs
    stored = cache.get_results(keys)
    missing = []
    for pair, k in zip(pairs, keys, strict=True):
        if k not in stored:
            missing.append(pair)
            continue
        data = json.loads(stored[k])
        pair.reasons += data["reasons"]
        pair.signals += data["signals"]
        for d in data["divergent"]:
            base = _base(pair, d["side"])
            pair.divergent.append(
                Divergent(
                    d["word"],
                    d["side"],
                    base + d["start"],
                    base + d["end"],
                    d["closest"],
                    d["similarity"],
                    d["strong"],
                    d["signal"],
                    d["rare"],
                )
            )
    return missing


def store(cache: EmbeddingCache | None, pairs: list[PairResult], keys: dict[int, str]) -> None:
    if cache is None:
        return
    items = {}
    for pair in pairs:
        divergent = []
        for d in pair.divergent:
            base = _base(pair, d.side)
            divergent.append(
                {
                    "word": d.word,
                    "side": d.side,
                    "start": d.start - base,
                    "end": d.end - base,
                    "closest": d.closest,
                    "similarity": d.similarity,
                    "strong": d.strong,
                    "signal": d.signal,
                    "rare": d.rare,
                }
            )
        items[keys[id(pair)]] = json.dumps(
            {"reasons": pair.reasons, "signals": pair.signals, "divergent": divergent}, ensure_ascii=False
        )
    cache.put_results(items)


def _raw(side: Side, span: tuple[int, int] | None) -> str:
    return side.text[span[0] : span[1]] if span else ""


def _base(pair: PairResult, side: str) -> int:
    span = pair.source_span if side == "source" else pair.other_span
    return span[0] if span else 0
