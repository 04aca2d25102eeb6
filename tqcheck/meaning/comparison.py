"""Meaning-drift scoring of a source against its back-translation or its translation.

Per aligned pair: the cosine of the two sentence embeddings, then flags. The cosine alone is a
weak signal for subtle errors (a faithful paraphrase and a one-word mistranslation often score
alike), so a pair is flagged when any of these holds:

- its similarity is below the absolute threshold (gross drift; calibrated per model and mode);
- it is a robust outlier in its document (below median - k * MAD) and has a divergent word;
- its numbers differ, or a negation appears on one side only;
- a rare word (wordfreq Zipf < 3: also unknown names) appears on one side with no related word
  on the other (word similarity < 0.5), or (same language) a rare word replaced another rare one;
- same language only: a source word was swapped for a known confusable (foulée/foule,
  tâche/tache; the `confusables` of the language data files).

(A plain "word swapped for an unrelated word" signal was tried and dropped: with word-level
USE similarities it also fires on synonyms such as voté/adopté.)

Unaligned sentences are omissions (source only) or additions (other side only).
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median
from typing import TYPE_CHECKING

from tqcheck.meaning import pair_store
from tqcheck.meaning.alignment import Link, align
from tqcheck.meaning.encoders import canonical_name
from tqcheck.meaning.pairs import DriftReport, DriftSettings, PairResult, Side
from tqcheck.meaning.signals import (
    Divergent,
    Word,
    confused,
    content_words,
    has_alike,
    lexical_unmatched,
    negation_differs,
    negation_words,
    numbers_differ,
)

if TYPE_CHECKING:
    import numpy as np

    from tqcheck.meaning.encoders import Embedder

# Calibrated on fixtures/drift (see README "Calibration"): faithful pairs stay above these.
THRESHOLDS = {("use", True): 0.65, ("use", False): 0.55, ("minilm", True): 0.60}
DEFAULT_THRESHOLD = (0.60, 0.50)  # other sentence-transformers models: (same language, cross-lingual)
# Word-level cuts (single words embedded alone), per model: (synonym, unrelated). At or above
# `synonym` an unmatched word counts as a paraphrase (hausse/augmentation); below `unrelated` it
# has no counterpart at all. MiniLM scores single words lower all round (quays/docks 0.44 vs
# 0.59 with USE), hence its lower cuts.
WORD_CUTS = {"use": (0.60, 0.50), "minilm": (0.50, 0.40)}


def word_cuts(model: str, settings: DriftSettings) -> tuple[float, float]:
    """(synonym, unrelated) word-similarity cuts: the rule's options, else calibrated per model."""
    synonym, unrelated = WORD_CUTS.get(canonical_name(model), WORD_CUTS["use"])
    return (
        synonym if settings.synonym_cut is None else settings.synonym_cut,
        unrelated if settings.unrelated_cut is None else settings.unrelated_cut,
    )


def default_threshold(model: str, same_language: bool) -> float:
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
    threshold = settings.threshold if settings.threshold is not None else default_threshold(embedder.model, same)
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
    pairs = [_pair(k, link, source, other, src_vecs, oth_vecs, embedder) for k, link in enumerate(links, start=1)]
    sims = [p.similarity for p in pairs if p.similarity is not None]
    centre = median(sims) if sims else 1.0
    mad = median(abs(s - centre) for s in sims) if sims else 0.0
    outlier_cut = centre - settings.outlier_k * max(mad, settings.min_mad)
    use_outliers = len(sims) >= settings.min_pairs_for_outlier
    candidates = [p for p in pairs if p.kind == "pair"]
    cuts = word_cuts(embedder.model, settings)
    context = (
        embedder.model_id,
        same,
        cuts,
        sorted(sorted(g) for g in settings.confusables),
        (settings.rare_zipf, settings.name_zipf),
    )
    keys = {id(p): pair_store.key(p, source, other, context) for p in candidates}
    todo = pair_store.load(embedder.cache, candidates, [keys[id(p)] for p in candidates])
    _signals(todo, source, other, same, settings)
    _explain(todo, source, other, embedder, same, cuts, settings, rare_only=True)
    pair_store.store(embedder.cache, todo, keys)
    low = [p for p in candidates if use_outliers and same and (p.similarity or 1.0) < outlier_cut]
    _explain(low, source, other, embedder, same, cuts, settings, rare_only=False)  # outliers need word evidence
    for pair in candidates:
        sim = pair.similarity if pair.similarity is not None else 1.0
        strong = [d for d in pair.divergent if d.strong and d.signal == "word"]
        if sim < threshold:
            pair.reasons.append(f"similarity {sim:.2f} is below {threshold:.2f}")
        # cross-lingual word similarities are noisy: there only rare words and names count
        evidence = strong if not same else pair.divergent
        if use_outliers and sim < outlier_cut and evidence:
            pair.reasons.append(f"similarity {sim:.2f} is an outlier in this document (median {centre:.2f})")
        if strong:
            names = ", ".join(dict.fromkeys(f"'{d.word}'" for d in strong))
            pair.reasons.append(f"no counterpart for {names}")
        pair.flagged = bool(pair.reasons)
    low_ids = {id(p) for p in low}
    flagged = [p for p in candidates if p.flagged and id(p) not in low_ids]
    _explain(flagged, source, other, embedder, same, cuts, settings, rare_only=False)  # the full list, flagged only
    for pair in candidates:
        # words with a synonym on the other side are paraphrase, not divergence
        pair.divergent = [d for d in pair.divergent if d.strong or d.similarity < cuts[0]] if pair.flagged else []
        pair.divergent = sorted(pair.divergent, key=_telling)[: settings.max_divergent * 2]
        if pair.similarity is not None:
            pair.similarity = round(float(np.clip(pair.similarity, -1.0, 1.0)), 4)
    return DriftReport(model=embedder.model, mode=mode, threshold=threshold, pairs=pairs)


def _same_language(a: str | None, b: str | None) -> bool:
    return bool(a and a == b)


def _joined(side: Side, indexes: tuple[int, ...]) -> str:
    return " ".join(side.sentences[i].text for i in indexes)


def _span(side: Side, indexes: tuple[int, ...]) -> tuple[int, int] | None:
    if not indexes:
        return None
    return side.sentences[indexes[0]].start, side.sentences[indexes[-1]].end


def _pair(
    k: int, link: Link, source: Side, other: Side, src_vecs: np.ndarray, oth_vecs: np.ndarray, embedder: Embedder
) -> PairResult:
    sim: float | None = None
    if link.source and link.other:
        a = src_vecs[link.source[0]] if len(link.source) == 1 else embedder.embed([_joined(source, link.source)])[0]
        b = oth_vecs[link.other[0]] if len(link.other) == 1 else embedder.embed([_joined(other, link.other)])[0]
        sim = float(a @ b)
    return PairResult(
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


def _signals(pairs: list[PairResult], source: Side, other: Side, same: bool, settings: DriftSettings) -> None:
    """The cheap, precise signals for every pair: numbers, negation, confusables."""
    for pair in pairs:
        lost, gained = numbers_differ(pair.source_text, pair.other_text)
        if lost or gained:
            pair.reasons.append(f"numbers differ: {_listing(lost)} in the source, {_listing(gained)} here")
            pair.divergent += _number_words(_words_of(source, pair.source), lost, "source")
            pair.divergent += _number_words(_words_of(other, pair.other), gained, "other")
        if negation_differs(pair.source_text, source.language, pair.other_text, other.language):
            pair.reasons.append("a negation appears on one side only")
            for side_name, side, indexes in (("source", source, pair.source), ("other", other, pair.other)):
                for i in indexes:
                    sentence = side.sentences[i]
                    for w in negation_words(side.text[sentence.start : sentence.end], side.language, sentence.start):
                        pair.divergent.append(Divergent(w.text, side_name, w.start, w.end, None, 0.0, True, "negation"))
        if same:
            _name_swap(pair, source, other)
            for a, b in confused(_words_of(source, pair.source), _words_of(other, pair.other), settings.confusables):
                pair.reasons.append(f"'{b.text}' where the source has '{a.text}' (often confused)")
                pair.divergent += [
                    Divergent(a.text, "source", a.start, a.end, b.text, 0.0, True, "confusable"),
                    Divergent(b.text, "other", b.start, b.end, a.text, 0.0, True, "confusable"),
                ]


def _name_swap(pair: PairResult, source: Side, other: Side) -> None:
    """Same language: a name only in the source and another only in the back-translation."""
    src_words, oth_words = _words_of(source, pair.source), _words_of(other, pair.other)
    lost = [w for w in _names(source, pair.source, src_words) if not has_alike(w.folded, [t.folded for t in oth_words])]
    new = [w for w in _names(other, pair.other, oth_words) if not has_alike(w.folded, [t.folded for t in src_words])]
    if lost and new:
        pair.reasons.append(f"name '{new[0].text}' where the source has '{lost[0].text}'")
        pair.divergent += [Divergent(w.text, "source", w.start, w.end, None, 0.0, True, "name") for w in lost]
        pair.divergent += [Divergent(w.text, "other", w.start, w.end, None, 0.0, True, "name") for w in new]


def _names(side: Side, indexes: tuple[int, ...], words: list[Word]) -> list[Word]:
    """Capitalised words that are not sentence-initial, unless the sentence is in Title Case."""
    starts = {side.sentences[i].start for i in indexes}
    capitalised = [w for w in words if w.text[:1].isupper() and not w.is_number]
    longer = [w for w in words if len(w.text) > 3 and not w.is_number]
    if longer and len([w for w in capitalised if len(w.text) > 3]) * 2 > len(longer):
        return []  # a headline in Title Case: capitals say nothing
    return [w for w in capitalised if w.start not in starts and _before(side, w) not in _OPENERS]


def _before(side: Side, word: Word) -> str:
    return side.text[max(0, word.start - 2) : word.start].strip()


_OPENERS = {"«", '"', "“", ":", "(", "—", "-", "'"}


def _explain(
    pairs: list[PairResult],
    source: Side,
    other: Side,
    embedder: Embedder,
    same: bool,
    cuts: tuple[float, float],
    settings: DriftSettings,
    *,
    rare_only: bool,
) -> None:
    """Add the words without counterpart to each pair's `divergent`, all words embedded in one batch.

    `rare_only` (the pass over every pair) looks only at rare words, the only word-level
    evidence that flags a pair by itself; flagged pairs then get the full list.
    """
    from tqcheck.language.lexicon import lexicon

    rare_zipf, name_zipf = settings.rare_zipf, settings.name_zipf
    jobs = []
    vocabulary: set[str] = set()
    names: set[tuple[int, int]] = set()
    for pair in pairs:
        src_words, oth_words = _words_of(source, pair.source), _words_of(other, pair.other)
        for side, mine, theirs, language in (
            ("source", src_words, oth_words, source.language),
            ("other", oth_words, src_words, other.language),
        ):
            candidates = _unmatched(mine, theirs, same)
            table = lexicon(language or "en")
            zipf = {w: table.zipf(w.text) for w in candidates}
            rated = [
                (w, zipf[w] < rare_zipf or (same and zipf[w] < name_zipf and w.text[:1].isupper())) for w in candidates
            ]
            if same:  # a name without counterpart in a same-language pair: no synonym can explain it
                side_of = source if side == "source" else other
                indexes = pair.source if side == "source" else pair.other
                names.update((id(pair), w.start) for w in _names(side_of, indexes, candidates) if zipf[w] < name_zipf)
            if rare_only:
                rated = [(w, rare) for w, rare in rated if rare]
            if not rated:
                continue
            opponents = [w for w in theirs if not w.is_number]
            jobs.append((pair, side, rated, opponents))
            vocabulary.update(w.text.lower() for w, _ in rated)
            vocabulary.update(w.text.lower() for w in opponents)
    if not jobs:
        return
    ordered = sorted(vocabulary)
    vectors = embedder.embed(ordered)
    index = {w: i for i, w in enumerate(ordered)}
    found: dict[int, list[Divergent]] = {}
    for pair, side, rated, opponents in jobs:
        for word, rare in rated:
            best, closest = 0.0, None
            if opponents:
                sims = vectors[[index[t.text.lower()] for t in opponents]] @ vectors[index[word.text.lower()]]
                k = int(sims.argmax())
                best, closest = float(sims[k]), opponents[k].text
            is_name = (id(pair), word.start) in names
            if best >= cuts[0] and not is_name:
                continue  # a synonym: paraphrase, not divergence
            # a rare word (unknown names too: Zipf 0) with no related word at all is strong evidence
            strong = (rare and best < cuts[1]) or is_name
            divergent = Divergent(word.text, side, word.start, word.end, closest, round(best, 4), strong, rare=rare)
            found.setdefault(id(pair), []).append(divergent)
    for pair in pairs:
        words = found.get(id(pair), [])
        if same:  # a rare word replaced by another rare word, neither with a synonym: strong too
            swapped = [d for d in words if d.rare and d.similarity < cuts[0]]
            if {d.side for d in swapped} == {"source", "other"}:
                for d in swapped:
                    d.strong = True
        seen = {(d.start, d.side) for d in pair.divergent}
        pair.divergent += sorted((d for d in words if (d.start, d.side) not in seen), key=_telling)


def _words_of(side: Side, indexes: tuple[int, ...]) -> list[Word]:
    found: list[Word] = []
    for i in indexes:
        if i not in side.words:
            sentence = side.sentences[i]
            side.words[i] = content_words(side.text[sentence.start : sentence.end], side.language, sentence.start)
        found += side.words[i]
    return found


def _unmatched(mine: list[Word], theirs: list[Word], same: bool) -> list[Word]:
    """Words of `mine` with no equal, inflected (same language) or alike-spelled counterpart."""
    if same:
        mine = lexical_unmatched(mine, theirs)[0]
    folded = [t.folded for t in theirs if not t.is_number]
    return [w for w in mine if not w.is_number and not has_alike(w.folded, folded)]


def _number_words(words: list[Word], numbers: set[str], side: str) -> list[Divergent]:
    from tqcheck.meaning.signals import numbers as numbers_in

    hits = [w for w in words if numbers_in(w.text) & numbers]
    return [Divergent(w.text, side, w.start, w.end, None, 0.0, True, "number") for w in hits]


def _telling(d: Divergent) -> tuple[bool, float]:
    """Strong signals first, then the least similar words."""
    return (not d.strong, d.similarity)


def _listing(values: set[str]) -> str:
    return ", ".join(sorted(values)) if values else "none"
