"""Meaning-drift scoring of a source against its back-translation or its translation.

Per aligned pair: the cosine of the two sentence embeddings and, for the shipped encoders, a
learned quality in 0-1 (quality.py: a small head over the frozen embeddings, fitted on real
human judgements). A pair is flagged when its quality is below the head's threshold (chosen on
real dev data for a stated precision; the `threshold` option, `drift-threshold` or
`--threshold` changes it), or when an explicit detector whose precision on real dev data is
well above the base rate fires (FLAGGING). The other detectors never flag alone: they are
reasons shown with a flagged pair. Models without a head (other sentence-transformers models)
keep a cosine threshold and the document-outlier test.

Unaligned sentences are omissions (source only) or additions (other side only).
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median
from typing import TYPE_CHECKING

from tqcheck.meaning import evidence, pair_store
from tqcheck.meaning.alignment import Link, align
from tqcheck.meaning.encoders import canonical_name, components
from tqcheck.meaning.pairs import DriftReport, DriftSettings, PairResult, Side

if TYPE_CHECKING:
    import numpy as np

    from tqcheck.meaning.encoders import Embedder
    from tqcheck.meaning.quality import Head

# Models without a quality head: cosine thresholds calibrated on fixtures/drift.
THRESHOLDS = {("use", True): 0.65, ("use", False): 0.55, ("minilm", True): 0.60}
DEFAULT_THRESHOLD = (0.60, 0.50)  # other sentence-transformers models: (same language, cross-lingual)
# Word-level cuts (single words embedded alone), per model: (synonym, unrelated). At or above
# `synonym` an unmatched word counts as a paraphrase (hausse/augmentation); below `unrelated` it
# has no counterpart at all. MiniLM scores single words lower all round (quays/docks 0.44 vs
# 0.59 with USE), hence its lower cuts.
WORD_CUTS = {"use": (0.60, 0.50), "minilm": (0.50, 0.40)}
# Detectors that flag a pair on their own, per comparison (same language?): those whose precision
# on the pooled MLQE-PE dev data is about twice the base rate of bad segments or more, with 20
# firings or more (tests/benchmarks/bench_detectors.py; figures in the README). Same language
# (post-edits, base rate 0.29): negation 0.85, numbers 0.77, a name without counterpart 0.64, a
# name swapped 0.56, a rare word without counterpart 0.55. Cross-lingual (base rate 0.21):
# numbers 0.49; negation (0.28), rare words (0.30-0.43) and untranslated words (3 firings) are
# reasons only. Often-confused words never fired on dev: a list of known confusions, kept.
FLAGGING: dict[bool, frozenset[str]] = {
    True: frozenset({"numbers", "negation", "unmatched-name", "name", "rare", "confusable"}),
    False: frozenset({"numbers"}),
}
_SCORES = ("quality", "similarity", "outlier")


def word_cuts(model: str, settings: DriftSettings) -> tuple[float, float]:
    """(synonym, unrelated) word-similarity cuts: the rule's options, else calibrated per model."""
    synonym, unrelated = WORD_CUTS.get(canonical_name(model), WORD_CUTS["use"])
    return (
        synonym if settings.synonym_cut is None else settings.synonym_cut,
        unrelated if settings.unrelated_cut is None else settings.unrelated_cut,
    )


def quality_head(
    model: str, same_language: bool, languages: tuple[str | None, str | None] = (None, None)
) -> Head | None:
    """The shipped quality head of the model for the comparison (the language pair's own when
    it has one), if any."""
    from tqcheck.meaning.quality import head_for

    return head_for(canonical_name(model), same_language, languages)


def default_threshold(
    model: str, same_language: bool, languages: tuple[str | None, str | None] = (None, None)
) -> float:
    """The flag threshold: the quality head's (chosen on dev), else a cosine threshold."""
    head = quality_head(model, same_language, languages)
    if head is not None:
        return head.threshold
    name = canonical_name(model)
    return THRESHOLDS.get((name, same_language), DEFAULT_THRESHOLD[0 if same_language else 1])


def compare(
    source: Side,
    other: Side,
    embedder: Embedder,
    settings: DriftSettings | None = None,
    *,
    mode: str = "back_translation",
    links: Sequence[Link] | None = None,
) -> DriftReport:
    """Align (unless `links` are given, e.g. TSV rows), score and explain every pair."""
    import numpy as np

    settings = settings or DriftSettings()
    same = _same_language(source.language, other.language) or mode == "back_translation"
    languages = (source.language, other.language)
    head = quality_head(embedder.model, same, languages)
    threshold = (
        settings.threshold if settings.threshold is not None else default_threshold(embedder.model, same, languages)
    )
    src_vecs = embedder.embed([s.text for s in source.sentences])
    oth_vecs = embedder.embed([s.text for s in other.sentences])
    if links is None:
        links = align(
            src_vecs, oth_vecs, skip=settings.align_skip, merge=settings.align_merge, in_order=settings.align_in_order
        )
    merged_texts = [_joined(source, link.source) for link in links if len(link.source) > 1]
    merged_texts += [_joined(other, link.other) for link in links if len(link.other) > 1]
    if merged_texts:
        embedder.embed(merged_texts)  # one batch for every 2-1 / 1-2 link
    vectors: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    pairs = [
        _pair(k, link, source, other, src_vecs, oth_vecs, embedder, vectors) for k, link in enumerate(links, start=1)
    ]
    candidates = [p for p in pairs if p.kind == "pair"]
    if head is not None and candidates:
        _qualities(head, candidates, vectors, (source.language, other.language))
    words = _word_embedder(embedder)
    cuts = word_cuts(words.model, settings)
    flagging = settings.flagging if settings.flagging is not None else FLAGGING[same]
    wanted = sorted(flagging & {"rare", "unmatched-name"})
    context = (
        words.model_id,
        same,
        cuts,
        sorted(sorted(g) for g in settings.confusables),
        (settings.rare_zipf, settings.name_zipf),
        wanted,
    )
    keys = {id(p): pair_store.key(p, source, other, context) for p in candidates}
    todo = pair_store.load(embedder.cache, candidates, [keys[id(p)] for p in candidates])
    evidence.detect(todo, source, other, same, settings)
    if wanted:  # word embeddings for every pair: only when these detectors may flag
        evidence.explain(todo, source, other, words, same, cuts, settings, rare_only=True)
        for pair in todo:
            for signal, kind in (("rare", "word"), ("unmatched-name", "name")):
                strong = [d for d in pair.divergent if d.strong and d.signal == kind]
                if strong:
                    pair.note(signal, f"no counterpart for {', '.join(dict.fromkeys(repr(d.word) for d in strong))}")
    pair_store.store(embedder.cache, todo, keys)
    if head is None:
        _cosine_flags(candidates, source, other, words, same, cuts, threshold, settings)
    for pair in candidates:
        if head is not None and pair.quality is not None and pair.quality < threshold:
            pair.note("quality", f"quality {pair.quality:.2f} is below {threshold:.2f}")
        pair.flagged = any(s in flagging or s in _SCORES for s in pair.signals)
        if not pair.flagged:  # a detector that cannot flag alone gives no reason either
            pair.reasons, pair.signals, pair.divergent = [], [], []
    flagged = [p for p in candidates if p.flagged]
    evidence.explain(flagged, source, other, words, same, cuts, settings, rare_only=False)  # flagged pairs only
    for pair in candidates:
        # words with a synonym on the other side are paraphrase, not divergence
        pair.divergent = [d for d in pair.divergent if d.strong or d.similarity < cuts[0]] if pair.flagged else []
        pair.divergent = sorted(pair.divergent, key=evidence.telling)[: settings.max_divergent * 2]
        if pair.similarity is not None:
            pair.similarity = round(float(np.clip(pair.similarity, -1.0, 1.0)), 4)
    return DriftReport(
        model=embedder.model, mode=mode, threshold=threshold, pairs=pairs, scored_by_quality=head is not None
    )


def _qualities(
    head: Head,
    pairs: list[PairResult],
    vectors: dict[int, tuple[np.ndarray, np.ndarray]],
    languages: tuple[str | None, str | None],
) -> None:
    import numpy as np

    from tqcheck.meaning.quality import features, surface_rows

    u = np.vstack([vectors[id(p)][0] for p in pairs])
    v = np.vstack([vectors[id(p)][1] for p in pairs])
    texts = ([p.source_text for p in pairs], [p.other_text for p in pairs])
    surface = surface_rows(texts) if head.boost is not None else None
    for pair, q in zip(pairs, head.quality(features(u, v, head.parts, texts, languages), surface), strict=True):
        pair.quality = round(float(q), 4)


def _word_embedder(embedder: Embedder) -> Embedder:
    """Single words are embedded by USE when the model includes it (the word cuts and the word
    model were fitted on USE word vectors), else by the model itself."""
    parts = components(embedder.model)
    if len(parts) == 1 or "use" not in parts:
        return embedder
    from tqcheck.meaning.encoders import Embedder as Plain

    return Plain("use", embedder.device, embedder.batch_size, embedder.cache)


def _cosine_flags(
    candidates: list[PairResult],
    source: Side,
    other: Side,
    embedder: Embedder,
    same: bool,
    cuts: tuple[float, float],
    threshold: float,
    settings: DriftSettings,
) -> None:
    """Models without a quality head: a cosine threshold, and (same language) robust outliers
    of the document that have word evidence."""
    sims = [p.similarity for p in candidates if p.similarity is not None]
    centre = median(sims) if sims else 1.0
    mad = median(abs(s - centre) for s in sims) if sims else 0.0
    outlier_cut = centre - settings.outlier_k * max(mad, settings.min_mad)
    enough = len(sims) >= settings.min_pairs_for_outlier
    low = [p for p in candidates if enough and same and (p.similarity or 1.0) < outlier_cut]
    evidence.explain(low, source, other, embedder, same, cuts, settings, rare_only=False)
    for pair in candidates:
        sim = pair.similarity if pair.similarity is not None else 1.0
        if sim < threshold:
            pair.note("similarity", f"similarity {sim:.2f} is below {threshold:.2f}")
        elif pair in low and pair.divergent:
            pair.note("outlier", f"similarity {sim:.2f} is an outlier in this document (median {centre:.2f})")


def _same_language(a: str | None, b: str | None) -> bool:
    return bool(a and a == b)


def _joined(side: Side, indexes: tuple[int, ...]) -> str:
    return " ".join(side.sentences[i].text for i in indexes)


def _span(side: Side, indexes: tuple[int, ...]) -> tuple[int, int] | None:
    if not indexes:
        return None
    return side.sentences[indexes[0]].start, side.sentences[indexes[-1]].end


def _pair(
    k: int,
    link: Link,
    source: Side,
    other: Side,
    src_vecs: np.ndarray,
    oth_vecs: np.ndarray,
    embedder: Embedder,
    vectors: dict[int, tuple[np.ndarray, np.ndarray]],
) -> PairResult:
    sim: float | None = None
    a = b = None
    if link.source and link.other:
        a = src_vecs[link.source[0]] if len(link.source) == 1 else embedder.embed([_joined(source, link.source)])[0]
        b = oth_vecs[link.other[0]] if len(link.other) == 1 else embedder.embed([_joined(other, link.other)])[0]
        sim = float(a @ b)
    result = PairResult(
        index=k,
        kind=link.kind,
        source=link.source,
        other=link.other,
        source_text=_joined(source, link.source),
        other_text=_joined(other, link.other),
        source_span=_span(source, link.source),
        other_span=_span(other, link.other),
        similarity=sim,
    )
    if a is not None and b is not None:
        vectors[id(result)] = (a, b)
    return result
