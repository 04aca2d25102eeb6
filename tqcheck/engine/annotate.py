"""What the HTML report needs beyond the findings, put on the RunResult as core records: the
sentences around findings, and each translated document's scores against its source.

The report's reporter may import nothing but core, so it cannot split sentences or score
pairs; this does both, once, after the run. Scores come from the same per-document analysis
the BT rules use (cached in memory and on disk), so a report after a check costs little more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqcheck.core.config import Config
from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.core.pair_scores import BACK_TRANSLATION, DIRECT, PairScores, ScoredSegment, WordMark
from tqcheck.core.result import RunResult

if TYPE_CHECKING:
    from tqcheck.meaning.document_analysis import Analysis
    from tqcheck.meaning.signals import Divergent


def annotate(result: RunResult, config: Config, *, scores: bool = True) -> None:
    """Fill `result.sentences` and (when a BT rule ran) `result.scores`."""
    result.sentences = finding_sentences(result.documents, result.findings)
    if scores:
        result.scores = pair_scores(result.documents, result.rules, config)


def finding_sentences(docs: Sequence[Document], findings: Sequence[Finding]) -> dict[str, list[tuple[int, int]]]:
    """Sentence spans of the segments that hold a finding, per document (others are not split)."""
    from tqcheck.language.sentences import split_text

    starts: dict[str, set[int]] = defaultdict(set)
    for finding in findings:
        starts[finding.path].add(finding.start)
    out: dict[str, list[tuple[int, int]]] = {}
    for doc in docs:
        wanted = sorted(starts.get(doc.path, ()))
        if not wanted:
            continue
        spans: list[tuple[int, int]] = []
        k = 0
        for segment in doc.segments:
            while k < len(wanted) and wanted[k] < segment.start:
                k += 1
            if k < len(wanted) and wanted[k] <= segment.end:
                found = split_text(doc.segment_text(segment), doc.language, segment.start)
                spans.extend((s.start, s.end) for s in found)
        out[doc.path] = spans
    return out


def pair_scores(docs: Sequence[Document], rules: Sequence[RuleSpec], config: Config) -> dict[str, PairScores]:
    """Scores of every document with a side-car source, when a meaning (BT) rule is selected."""
    drift_rules = [spec for spec in rules if spec.kind == "backtranslation"]
    scored = [doc for doc in docs if "source" in doc.companions]
    if not drift_rules or not scored:
        return {}
    from tqcheck.kinds.backtranslation import BackTranslation
    from tqcheck.meaning.document_analysis import analyse

    # the settings of the rule that reports flagged pairs: the analysis the check made, reused
    main = next((spec for spec in drift_rules if spec.options.get("report") == "similarity"), drift_rules[0])
    kind = BackTranslation(main)
    kind.configure(config)
    out = {}
    for doc in scored:
        analysis = analyse(doc, kind.drift, kind.settings)
        if analysis is not None:
            out[doc.path] = _records(doc, analysis)
    return out


def _records(doc: Document, analysis: Analysis) -> PairScores:
    """The analysis of one translated document as core records."""
    report = analysis.report
    back = doc.companions.get("back_translation")
    source = doc.companions["source"]
    other_text = back.checkable if back is not None else doc.checkable
    metric = "quality" if report.scored_by_quality else "similarity"
    segments = []
    for pair, span, words in zip(report.pairs, analysis.spans, analysis.word_spans, strict=True):
        source_text = _slice(source.checkable, pair.source_span)
        other = _slice(other_text, pair.other_span)
        own = span if pair.kind != "omission" else None
        translation = _slice(doc.text, own)
        marks = _marks(pair.divergent, "source", "source", pair.source_span)
        if back is not None:
            marks += _marks(pair.divergent, "other", BACK_TRANSLATION, pair.other_span)
        if own is not None:
            marks += [WordMark("translation", start - own[0], end - own[0], word) for word, start, end in words]
        score = pair.quality if report.scored_by_quality else pair.similarity
        segments.append(
            ScoredSegment(
                index=pair.index,
                kind=pair.kind,
                source=source_text if pair.kind != "addition" else "",
                back_translation=other if back is not None else "",
                translation=translation,
                score=None if pair.kind != "pair" else score,
                flagged=bool(pair.flagged) or pair.kind != "pair",
                reasons=tuple(pair.reasons) or _gap_reason(pair.kind),
                marks=tuple(m for m in marks if m.start >= 0 and m.end > m.start),
                span=own,
            )
        )
    return PairScores(
        source_path=source.path,
        back_translation_path=back.path if back is not None else None,
        model=report.model,
        mode=BACK_TRANSLATION if report.mode == "back_translation" else DIRECT,
        metric=metric,
        threshold=report.threshold,
        segments=tuple(segments),
    )


def _marks(divergent: Sequence[Divergent], side: str, label: str, span: tuple[int, int] | None) -> list[WordMark]:
    """Divergent words of one side, their offsets made relative to the segment's text."""
    if span is None:
        return []
    return [WordMark(label, d.start - span[0], d.end - span[0], d.word) for d in divergent if d.side == side]


def _slice(text: str, span: tuple[int, int] | None) -> str:
    return text[span[0] : span[1]] if span is not None else ""


def _gap_reason(kind: str) -> tuple[str, ...]:
    if kind == "omission":
        return ("no counterpart in the translation: omitted",)
    if kind == "addition":
        return ("no counterpart in the source: added",)
    return ()
