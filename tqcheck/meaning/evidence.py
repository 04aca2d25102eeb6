"""Word-level evidence of a sentence pair: the explicit detectors and the divergent words.

The detectors (numbers, negation, untranslated words, names swapped for other names,
often-confused words) are cheap; each is tagged in `pair.signals`, and comparison.FLAGGING says
which of them may flag a pair alone. `explain` finds the words of each side without a
counterpart on the other (exact or inflected match, spelling, then word embeddings); for a
back-translation's words the model learned from real post-edits decides (word_model.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tqcheck.meaning.pairs import DriftSettings, PairResult, Side
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
    from tqcheck.meaning.encoders import Embedder
    from tqcheck.meaning.word_model import WordModel

# untranslated: a word common in the source language (Zipf >= 3.5) and unknown in the target's (< 1)
UNTRANSLATED_SOURCE_ZIPF = 3.5
UNTRANSLATED_TARGET_ZIPF = 1.0


def detect(pairs: list[PairResult], source: Side, other: Side, same: bool, settings: DriftSettings) -> None:
    """The cheap signals of every pair: numbers, negation, untranslated words (cross-lingual),
    names swapped and often-confused words (same language). Each is tagged in `pair.signals`."""
    for pair in pairs:
        lost, gained = numbers_differ(pair.source_text, pair.other_text)
        if lost or gained:
            pair.note("numbers", f"numbers differ: {_listing(lost)} in the source, {_listing(gained)} here")
            pair.divergent += _number_words(words_of(source, pair.source), lost, "source")
            pair.divergent += _number_words(words_of(other, pair.other), gained, "other")
        if negation_differs(pair.source_text, source.language, pair.other_text, other.language):
            pair.note("negation", "a negation appears on one side only")
            for side_name, side, indexes in (("source", source, pair.source), ("other", other, pair.other)):
                for i in indexes:
                    sentence = side.sentences[i]
                    for w in negation_words(side.text[sentence.start : sentence.end], side.language, sentence.start):
                        pair.divergent.append(Divergent(w.text, side_name, w.start, w.end, None, 0.0, True, "negation"))
        if not same:
            _untranslated(pair, source, other)
        if same:
            _name_swap(pair, source, other)
            for a, b in confused(words_of(source, pair.source), words_of(other, pair.other), settings.confusables):
                pair.note("confusable", f"'{b.text}' where the source has '{a.text}' (often confused)")
                pair.divergent += [
                    Divergent(a.text, "source", a.start, a.end, b.text, 0.0, True, "confusable"),
                    Divergent(b.text, "other", b.start, b.end, a.text, 0.0, True, "confusable"),
                ]


def _name_swap(pair: PairResult, source: Side, other: Side) -> None:
    """Same language: a name only in the source and another only in the back-translation."""
    src_words, oth_words = words_of(source, pair.source), words_of(other, pair.other)
    lost = [w for w in _names(source, pair.source, src_words) if not has_alike(w.folded, [t.folded for t in oth_words])]
    new = [w for w in _names(other, pair.other, oth_words) if not has_alike(w.folded, [t.folded for t in src_words])]
    if lost and new:
        pair.note("name", f"name '{new[0].text}' where the source has '{lost[0].text}'")
        pair.divergent += [Divergent(w.text, "source", w.start, w.end, None, 0.0, True, "name") for w in lost]
        pair.divergent += [Divergent(w.text, "other", w.start, w.end, None, 0.0, True, "name") for w in new]


def _untranslated(pair: PairResult, source: Side, other: Side) -> None:
    """Cross-lingual: a common source-language word copied as it is into the translation, where
    the target language does not know it (names and shared words are known in both)."""
    from tqcheck.language.lexicon import lexicon

    if not source.language or not other.language:
        return
    src_table, oth_table = lexicon(source.language), lexicon(other.language)
    theirs = {w.text for w in words_of(other, pair.other)}
    copied = [
        w
        for w in words_of(source, pair.source)
        if w.text in theirs
        and not w.is_number
        and w.text[:1].islower()
        and len(w.text) >= 4
        and src_table.zipf(w.text) >= UNTRANSLATED_SOURCE_ZIPF
        and oth_table.zipf(w.text) < UNTRANSLATED_TARGET_ZIPF
    ]
    if copied:
        pair.note("untranslated", f"left untranslated: {', '.join(dict.fromkeys(repr(w.text) for w in copied))}")
        pair.divergent += [Divergent(w.text, "source", w.start, w.end, None, 0.0, True, "untranslated") for w in copied]


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


def explain(
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
    from tqcheck.meaning.word_model import load_word_model

    model = load_word_model() if same and not rare_only and embedder.model_id == _use_id() else None
    if model is not None:  # the back-translation's words: the model learned from real edits
        learned(pairs, source, other, embedder, model, settings.rare_zipf)
    rare_zipf, name_zipf = settings.rare_zipf, settings.name_zipf
    jobs = []
    vocabulary: set[str] = set()
    names: set[tuple[int, int]] = set()
    for pair in pairs:
        src_words, oth_words = words_of(source, pair.source), words_of(other, pair.other)
        for side, mine, theirs, language in (
            ("source", src_words, oth_words, source.language),
            ("other", oth_words, src_words, other.language),
        ):
            if side == "other" and model is not None:
                continue
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
            signal = "name" if is_name else "word"
            divergent = Divergent(word.text, side, word.start, word.end, closest, round(best, 4), strong, signal, rare)
            found.setdefault(id(pair), []).append(divergent)
    for pair in pairs:
        words = found.get(id(pair), [])
        if same:  # a rare word replaced by another rare word, neither with a synonym: strong too
            swapped = [d for d in words if d.rare and d.similarity < cuts[0]]
            if {d.side for d in swapped} == {"source", "other"}:
                for d in swapped:
                    d.strong = True
        seen = {(d.start, d.side) for d in pair.divergent}
        pair.divergent += sorted((d for d in words if (d.start, d.side) not in seen), key=telling)


def _use_id() -> str:
    from tqcheck.meaning.encoders import model_id

    return model_id("use")


def learned(
    pairs: list[PairResult], source: Side, other: Side, embedder: Embedder, model: WordModel, rare_zipf: float
) -> None:
    """Words of the back-translation whose P(changed by an editor) reaches the model's cut
    (word_model.py), every word of both sides embedded in one batch. A rare one is strong
    evidence; a common one with a synonym on the other side is dropped later as paraphrase."""
    import numpy as np

    from tqcheck.language.lexicon import lexicon
    from tqcheck.meaning.word_model import features

    table = lexicon(other.language or "en")
    jobs = []
    vocabulary: set[str] = set()
    for pair in pairs:
        mine, theirs = all_words(other, pair.other), all_words(source, pair.source)
        if mine and theirs:
            jobs.append((pair, mine, theirs))
            vocabulary.update(w.text.lower() for w in mine + theirs)
    if not jobs:
        return
    ordered = sorted(vocabulary)
    vectors = embedder.embed(ordered)
    index = {w: i for i, w in enumerate(ordered)}
    for pair, mine, theirs in jobs:
        a = vectors[[index[w.text.lower()] for w in mine]]
        b = vectors[[index[w.text.lower()] for w in theirs]]
        sims = a @ b.T
        best = sims.max(axis=1)
        cosine = pair.similarity if pair.similarity is not None else 1.0
        probability = model.probability(features(mine, theirs, best, other.language, cosine))
        seen = {(d.start, d.side) for d in pair.divergent}
        for k in np.argsort(-probability):
            word = mine[int(k)]
            if probability[k] < model.cut or word.is_number or (word.start, "other") in seen:
                continue
            closest = theirs[int(sims[k].argmax())].text
            rare = table.zipf(word.text) < rare_zipf
            similarity = round(float(best[k]), 4)
            found = Divergent(word.text, "other", word.start, word.end, closest, similarity, rare, "word", rare)
            found.score = round(float(probability[k]), 4)
            pair.divergent.append(found)


def all_words(side: Side, indexes: tuple[int, ...]) -> list[Word]:
    """Every word of the sentences (function words too), with file offsets."""
    from tqcheck.meaning.signals import words

    found: list[Word] = []
    for i in indexes:
        sentence = side.sentences[i]
        found += words(side.text[sentence.start : sentence.end], sentence.start)
    return found


def words_of(side: Side, indexes: tuple[int, ...]) -> list[Word]:
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


def telling(d: Divergent) -> tuple[bool, float, float]:
    """Strong signals first, then the words most likely changed, then the least similar."""
    return (not d.strong, -d.score, d.similarity)


def _listing(values: set[str]) -> str:
    return ", ".join(sorted(values)) if values else "none"
