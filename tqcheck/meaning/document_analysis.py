"""Glue between `tqcheck check` documents and drift scoring: one analysis per translated file.

With a back-translation the source is compared with it (same language: the sharper test) and
the result is carried over to the translated file's sentences through a second, cross-lingual
alignment back-translation <-> translation; without one, the source is compared with the
translation directly. Either way every result is positioned on the translated file.

A bilingual file (XLIFF, PO, TMX, TSV/CSV) needs no side-car: its segments are the pairs, taken
as they are (one unit = one aligned pair, never re-aligned), scored against the unit's
back-translation where the file has one, else against the target directly.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tqcheck.core.model import Document
from tqcheck.language.sentences import Sentence, document_sentences
from tqcheck.meaning.comparison import compare
from tqcheck.meaning.pairs import DriftReport, DriftSettings, PairResult, Side
from tqcheck.meaning.settings import DriftConfig
from tqcheck.readers.sidecars import language_from_name

if TYPE_CHECKING:
    from tqcheck.meaning.encoders import Embedder

_EMBEDDERS: dict[tuple[str, str, int, str | None], Embedder] = {}
_ANALYSES: dict[tuple[int, DriftConfig, DriftSettings], tuple[weakref.ref[Document], Analysis | None]] = {}
_SPACE = re.compile(r"\s+")


@dataclass
class Analysis:
    report: DriftReport
    translation: Side
    # per pair: the translated file's span and, for divergent words, their spans in that file
    spans: list[tuple[int, int] | None] = field(default_factory=list)
    word_spans: list[list[tuple[str, int, int]]] = field(default_factory=list)


def embedder_for(config: DriftConfig) -> Embedder:
    """One embedder (so one model load and one cache connection) per settings, per process."""
    from tqcheck.meaning.encoders import DEFAULT_MODEL, Embedder
    from tqcheck.meaning.vector_store import open_cache

    model = config.model or DEFAULT_MODEL
    key = (model, config.device, config.batch_size, config.cache_dir)
    if key not in _EMBEDDERS:
        _EMBEDDERS[key] = Embedder(model, config.device, config.batch_size, open_cache(config.cache_dir))
        follow_progress()
    return _EMBEDDERS[key]


def follow_progress() -> None:
    """Every embedder reports to the progress bar registered in settings (if any)."""
    from tqcheck.meaning.settings import EMBEDDING_PROGRESS

    for embedder in _EMBEDDERS.values():
        embedder.progress = EMBEDDING_PROGRESS[0] if EMBEDDING_PROGRESS else None


def language_of(doc: Document) -> str | None:
    if doc.language:
        return doc.language
    return language_from_name(doc.path)


def analyse(doc: Document, config: DriftConfig, settings: DriftSettings) -> Analysis | None:
    """The drift analysis of a translated document with side-cars, computed once for the BT rules
    that share settings (None when there is nothing to score, which is remembered too)."""
    if doc.companions.get("source") is None and not doc.pairs:
        return None
    key = (id(doc), config, settings)
    cached = _ANALYSES.get(key)
    if cached is not None and cached[0]() is doc:
        return cached[1]
    analysis = _analyse(doc, config, settings)
    if len(_ANALYSES) > 256:
        _ANALYSES.clear()
    _ANALYSES[key] = (weakref.ref(doc), analysis)
    return analysis


def _analyse(doc: Document, config: DriftConfig, settings: DriftSettings) -> Analysis | None:
    if doc.pairs:
        return _analyse_pairs(doc, config, settings)
    source = _side(doc.companions["source"])
    translation = _side(doc)
    if not source.sentences or not translation.sentences:
        return None  # an empty side is a broken side-car, not 40 omissions
    embedder = embedder_for(config)
    back = doc.companions.get("back_translation")
    if back is None:
        report = compare(source, translation, embedder, settings, mode="target")
        analysis = Analysis(report, translation)
        analysis.spans = _anchored([p.other_span for p in report.pairs])
        analysis.word_spans = [
            _words_in_translation(p, translation, p.other, embedder, settings.word_match, direct=True)
            for p in report.pairs
        ]
    else:
        bt = _side(back)
        report = compare(source, bt, embedder, settings, mode="back_translation")
        analysis = _carry_over(report, bt, translation, embedder, settings)
    return analysis


def _analyse_pairs(doc: Document, config: DriftConfig, settings: DriftSettings) -> Analysis | None:
    """A bilingual file: unit k of the source is pair k, scored against its back-translation
    when the file has them, else against the target (positions: the target in the file)."""
    from tqcheck.meaning.alignment import Link

    units = [s for s in doc.pairs if s.pair and s.pair.source.text.strip() and s.pair.target.text.strip()]
    with_bt = [s for s in units if s.pair and s.pair.back_translation and s.pair.back_translation.text.strip()]
    if with_bt:
        units = with_bt
    if not units:
        return None
    source_language = doc.source_language or language_from_name(doc.path)
    source = _joined_side([s.pair.source.plain() for s in units if s.pair], source_language)
    translation = Side(
        doc.checkable,
        [Sentence(s.start, s.end, _SPACE.sub(" ", doc.checkable[s.start : s.end]).strip()) for s in units],
        language_of(doc),
    )
    links = [Link((k,), (k,)) for k in range(len(units))]
    embedder = embedder_for(config)
    if with_bt:
        backs = [s.pair.back_translation.plain() for s in units if s.pair and s.pair.back_translation]
        report = compare(source, _joined_side(backs, source_language), embedder, settings, mode="back_translation",
                         links=links)  # fmt: skip
    else:
        report = compare(source, translation, embedder, settings, mode="target", links=links)
    analysis = Analysis(report, translation)
    analysis.spans = [(translation.sentences[k].start, translation.sentences[k].end) for k in range(len(units))]
    analysis.word_spans = [
        _words_in_translation(p, translation, (k,), embedder, settings.word_match, direct=not with_bt)
        for k, p in enumerate(report.pairs)
    ]
    return analysis


def _joined_side(texts: list[str], language: str | None) -> Side:
    """One sentence per unit text, joined with line breaks (offsets index the joined text)."""
    sentences: list[Sentence] = []
    parts: list[str] = []
    size = 0
    for text in texts:
        flat = _SPACE.sub(" ", text).strip()
        sentences.append(Sentence(size, size + len(flat), flat))
        parts.append(flat + "\n")
        size += len(flat) + 1
    return Side("".join(parts), sentences, language)


def _anchored(spans: list[tuple[int, int] | None]) -> list[tuple[int, int] | None]:
    """Omissions (no span of their own) sit on the previous translated sentence, else the next."""
    out = list(spans)
    last: tuple[int, int] | None = None
    for k, span in enumerate(out):
        if span is None:
            out[k] = last
        else:
            last = span
    following: tuple[int, int] | None = None
    for k in range(len(out) - 1, -1, -1):
        if out[k] is None:
            out[k] = following
        else:
            following = out[k]
    return out


def _side(doc: Document) -> Side:
    language = language_of(doc)
    return Side(doc.checkable, document_sentences(doc, language), language)


def _carry_over(
    report: DriftReport, bt: Side, translation: Side, embedder: Embedder, settings: DriftSettings
) -> Analysis:
    """Map back-translation sentences (and words) onto the translated file's sentences."""
    from tqcheck.meaning.alignment import align

    bt_vecs = embedder.embed([s.text for s in bt.sentences])
    tr_vecs = embedder.embed([s.text for s in translation.sentences])
    mapping: dict[int, tuple[int, ...]] = {}
    cuts = {"skip": settings.align_skip, "merge": settings.align_merge, "in_order": settings.align_in_order}
    for link in align(bt_vecs, tr_vecs, **cuts):
        for i in link.source:
            mapping[i] = link.other
    analysis = Analysis(report, translation)
    last: tuple[int, ...] = ()
    pending: list[int] = []  # omissions before the first mapped sentence anchor on the next one
    for k, pair in enumerate(report.pairs):
        targets = tuple(t for i in pair.other for t in mapping.get(i, ()))
        if pair.kind == "omission":
            targets = last
        if targets:
            last = targets
            analysis.spans.append(_span(translation, targets))
            for j in pending:
                analysis.spans[j] = analysis.spans[-1]
            pending = []
        else:
            analysis.spans.append(None)
            pending.append(k)
        words = _words_in_translation(pair, translation, targets, embedder, settings.word_match, direct=False)
        analysis.word_spans.append(words)
    return analysis


def _span(side: Side, indexes: tuple[int, ...]) -> tuple[int, int]:
    return side.sentences[min(indexes)].start, side.sentences[max(indexes)].end


def _words_in_translation(
    pair: PairResult,
    translation: Side,
    targets: tuple[int, ...],
    embedder: Embedder,
    word_match: float,
    *,
    direct: bool,
) -> list[tuple[str, int, int]]:
    """Where each divergent word shows in the translated file, most telling first.

    Words of the translation itself (`direct`) are where they are; back-translated and source
    words are traced to the translated word that spells alike or is most similar (>= `word_match`).
    """
    from tqcheck.meaning.signals import content_words, fold, spelled_alike

    if not pair.divergent or not targets:
        return []
    start, end = _span(translation, targets)
    words = content_words(translation.text[start:end], translation.language, start)
    candidates = [w for w in words if not w.is_number]
    found: list[tuple[str, int, int]] = []
    for d in pair.divergent:
        if direct and d.side == "other":
            found.append((d.word, d.start, d.end))
        elif d.signal == "number":
            found += [(d.word, w.start, w.end) for w in words if w.is_number and w.text == d.word][:1]
        elif d.signal != "negation" and candidates:
            alike = [w for w in candidates if spelled_alike(w.folded, fold(d.word))]
            if alike:
                found.append((d.word, alike[0].start, alike[0].end))
                continue
            vectors = embedder.embed([d.word.lower()] + [w.text.lower() for w in candidates])
            sims = vectors[1:] @ vectors[0]
            best = int(sims.argmax())
            if float(sims[best]) >= word_match:
                found.append((d.word, candidates[best].start, candidates[best].end))
    return found
