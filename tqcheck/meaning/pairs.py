"""The records of meaning-drift scoring: the two sides compared, each aligned pair's result, the
report of one document pair, and the settings that shaped it."""

from __future__ import annotations

from dataclasses import dataclass, field

from tqcheck.language.detection import base_language
from tqcheck.language.sentences import Sentence
from tqcheck.meaning.alignment import IN_ORDER_MIN, MERGE, SKIP
from tqcheck.meaning.signals import Divergent, Word


@dataclass(frozen=True)
class DriftSettings:
    """How pairs are aligned, flagged and explained. The defaults here are the ones the
    `backtranslation` kind declares as its options (listed by `tqcheck rule BT001`); `tqcheck
    score` uses them as they are."""

    threshold: float | None = None  # None: the calibrated default for the model and mode
    outlier_k: float = 5.0
    min_mad: float = 0.04
    min_pairs_for_outlier: int = 6
    max_divergent: int = 4
    confusables: tuple[frozenset[str], ...] = ()
    rare_zipf: float = 3.0  # words rarer than this (unknown names too) with no counterpart are strong evidence
    name_zipf: float = 4.5  # capitalised words rarer than this are names (towns, people), not État or Union
    synonym_cut: float | None = None  # None: calibrated per model (comparison.WORD_CUTS)
    unrelated_cut: float | None = None
    align_skip: float = SKIP
    align_merge: float = MERGE
    align_in_order: float = IN_ORDER_MIN
    word_match: float = 0.45  # cross-lingual word similarity to point a back-translated word at the translation
    flagging: frozenset[str] | None = None  # detectors that flag alone (None: comparison.FLAGGING)


@dataclass
class Side:
    """One text: the string its offsets index, its sentences and its language."""

    text: str
    sentences: list[Sentence]
    language: str | None
    words: dict[int, list[Word]] = field(default_factory=dict)  # content words per sentence, memoised

    def __post_init__(self) -> None:
        self.language = base_language(self.language)  # `pt_BR` and `pt-BR` alike: one code from here on


@dataclass
class PairResult:
    index: int  # 1-based, as rows and sentences are counted in the file
    kind: str  # pair | omission | addition
    source: tuple[int, ...]
    other: tuple[int, ...]
    source_text: str
    other_text: str
    source_span: tuple[int, int] | None
    other_span: tuple[int, int] | None
    similarity: float | None
    flagged: bool = False
    reasons: list[str] = field(default_factory=list)
    divergent: list[Divergent] = field(default_factory=list)
    quality: float | None = None  # the learned head's 0-1 quality, when the model has one
    signals: list[str] = field(default_factory=list)  # which detector gave each reason (same order)

    def note(self, signal: str, reason: str) -> None:
        self.signals.append(signal)
        self.reasons.append(reason)


@dataclass
class DriftReport:
    model: str
    mode: str  # back_translation | target
    threshold: float
    pairs: list[PairResult]
    scored_by_quality: bool = False  # the threshold is on `quality` (a learned head), not the cosine

    @property
    def summary(self) -> dict[str, object]:
        sims = [p.similarity for p in self.pairs if p.similarity is not None]
        qualities = [p.quality for p in self.pairs if p.quality is not None]
        scored = [(p.quality if self.scored_by_quality else p.similarity) or 0.0 for p in self.pairs]
        return {
            "segments": len(self.pairs),
            "pairs": len(sims),
            "flagged": sum(p.flagged for p in self.pairs if p.kind == "pair"),
            "omissions": sum(p.kind == "omission" for p in self.pairs),
            "additions": sum(p.kind == "addition" for p in self.pairs),
            "mean_similarity": round(sum(sims) / len(sims), 4) if sims else None,
            "min_similarity": round(min(sims), 4) if sims else None,
            "mean_quality": round(sum(qualities) / len(qualities), 4) if qualities else None,
            # omissions and additions count as 0: a document missing a paragraph scores lower
            "document_score": round(sum(scored) / len(scored), 4) if scored else None,
            "threshold": self.threshold,
        }
