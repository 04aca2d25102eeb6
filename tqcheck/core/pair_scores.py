"""How a translation was scored against its source, segment by segment, as plain records.

The meaning checks compute far more; reporters (which may import nothing but core) need only
this: which model and which mode scored the pair, and per segment the texts side by side, the
score, whether it was flagged and why, and where the divergent words are.
"""

from __future__ import annotations

from dataclasses import dataclass

BACK_TRANSLATION = "back_translation"  # the source compared with a back-translation
DIRECT = "direct"  # the source compared with the translation itself, across languages


@dataclass(frozen=True)
class WordMark:
    """A divergent word: `side` is source, back_translation or translation; offsets are into
    that side's text of the segment."""

    side: str
    start: int
    end: int
    word: str


@dataclass(frozen=True)
class ScoredSegment:
    index: int
    kind: str  # pair | omission | addition
    source: str
    back_translation: str  # "" when scored directly
    translation: str
    score: float | None  # None for an omission or an addition
    flagged: bool
    reasons: tuple[str, ...] = ()
    marks: tuple[WordMark, ...] = ()
    span: tuple[int, int] | None = None  # the translation's offsets in its document


@dataclass(frozen=True)
class PairScores:
    """One translated document's scores; `metric` names what `score` is (similarity, or a
    learned quality estimate), `threshold` the value below which a pair is flagged."""

    source_path: str
    back_translation_path: str | None
    model: str
    mode: str  # BACK_TRANSLATION | DIRECT
    metric: str
    threshold: float | None
    segments: tuple[ScoredSegment, ...]

    @property
    def mode_label(self) -> str:
        return "back-translation" if self.mode == BACK_TRANSLATION else "direct (source with translation)"
