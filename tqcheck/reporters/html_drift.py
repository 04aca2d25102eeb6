"""The HTML report's meaning-drift view of a translated document: which model and mode scored
it, a chart with one bar per segment (flagged ones marked), and the source, back-translation
and translation side by side with the divergent words highlighted. Drawn as inline SVG and a
table: nothing is loaded from outside the page."""

from __future__ import annotations

import math
from html import escape

from tqcheck.core.pair_scores import BACK_TRANSLATION, PairScores, ScoredSegment, WordMark

CHART_HEIGHT = 140
PLOT_TOP, PLOT_BOTTOM = 10, 120  # y of score 1 and of score 0
LEFT = 34


def drift_view(scores: PairScores, doc_id: str) -> str:
    segments = scores.segments
    flagged = sum(s.flagged for s in segments)
    mode = "back-translation" if scores.mode == BACK_TRANSLATION else "direct (source against translation)"
    against = (
        f"; back-translation <code>{escape(scores.back_translation_path)}</code>"
        if scores.back_translation_path
        else ""
    )
    threshold = f", flagged below {scores.threshold:.2f}" if scores.threshold is not None else ""
    return (
        f"<div class='drift' id='{doc_id}-drift'>"
        f"<h3>Meaning against the source</h3>"
        f"<p class='scored-by'>Scored by model <b class='model'>{escape(scores.model)}</b>, mode "
        f"<b class='mode'>{escape(mode)}</b> ({escape(scores.metric)} per segment{threshold}): source "
        f"<code>{escape(scores.source_path)}</code>{against}. "
        f"<span class='flag-count'>{flagged} of {len(segments)} segment(s) flagged.</span></p>"
        f"{chart(scores, doc_id)}{_legend(scores)}"
        f"<label class='only-flagged'><input type='checkbox' data-flagged-only='{doc_id}'>"
        " flagged segments only</label>"
        f"{side_by_side(scores, doc_id)}</div>"
    )


def _floor(scores: PairScores) -> float:
    """The score at the chart's base: a tenth below the lowest score (and the threshold), so
    that differences between high scores stay visible; never below 0."""
    values = [s.score for s in scores.segments if s.score is not None]
    if scores.threshold is not None:
        values.append(scores.threshold)
    lowest = min(values, default=0.0)
    return max(0.0, round(math.floor(lowest * 10) / 10 - 0.1, 1))


def _y(score: float, floor: float) -> float:
    share = (min(1.0, max(floor, score)) - floor) / (1.0 - floor)
    return PLOT_BOTTOM - share * (PLOT_BOTTOM - PLOT_TOP)


def chart(scores: PairScores, doc_id: str) -> str:
    """One bar per segment: its height is the score; flagged bars (and gaps) are marked."""
    n = max(1, len(scores.segments))
    floor = _floor(scores)
    step = max(6.0, min(28.0, 900.0 / n))
    width = LEFT + step * n + 10
    parts = [
        f"<svg class='chart' width='{width:.0f}' height='{CHART_HEIGHT}'"
        f" viewBox='0 0 {width:.0f} {CHART_HEIGHT}' role='img'"
        f" aria-label='{escape(scores.metric)} of each segment'>",
        f"<line class='axis' x1='{LEFT}' y1='{PLOT_BOTTOM}' x2='{width - 5:.0f}' y2='{PLOT_BOTTOM}'/>",
        f"<text class='tick' x='{LEFT - 4}' y='{PLOT_TOP + 4}' text-anchor='end'>1</text>",
        f"<text class='tick' x='{LEFT - 4}' y='{PLOT_BOTTOM + 4}' text-anchor='end'>{floor:g}</text>",
    ]
    for k, segment in enumerate(scores.segments):
        x = LEFT + k * step + 1
        bar_width = max(2.0, step - 2)
        classes = "bar" + (" flagged" if segment.flagged else "") + (" gap" if segment.score is None else "")
        top = PLOT_TOP if segment.score is None else _y(segment.score, floor)
        height = max(1.0, PLOT_BOTTOM - top)
        parts.append(
            f"<a href='#{doc_id}-seg-{segment.index}'><rect class='{classes}' data-segment='{segment.index}'"
            f" x='{x:.1f}' y='{top:.1f}' width='{bar_width:.1f}' height='{height:.1f}'>"
            f"<title>{escape(_label(segment, scores.metric))}</title></rect></a>"
        )
        if n <= 40 or k % 5 == 0:
            parts.append(
                f"<text class='tick' x='{x + bar_width / 2:.1f}' y='{PLOT_BOTTOM + 14}'"
                f" text-anchor='middle'>{segment.index}</text>"
            )
    if scores.threshold is not None:
        y = _y(scores.threshold, floor)
        parts.append(
            f"<line class='threshold' x1='{LEFT}' y1='{y:.1f}' x2='{width - 5:.0f}' y2='{y:.1f}'>"
            f"<title>threshold {scores.threshold:.2f}</title></line>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _legend(scores: PairScores) -> str:
    threshold = "<i class='threshold'></i>threshold" if scores.threshold is not None else ""
    return (
        f"<div class='legend'><i class='ok'></i>{escape(scores.metric)} (bar height)<i class='flagged'></i>flagged"
        f"<i class='gap'></i>omitted or added{threshold}</div>"
    )


def _label(segment: ScoredSegment, metric: str) -> str:
    if segment.score is None:
        what = "omitted in the translation" if segment.kind == "omission" else "added in the translation"
    else:
        what = f"{metric} {segment.score:.2f}"
    flag = " (flagged: " + "; ".join(segment.reasons) + ")" if segment.flagged and segment.reasons else ""
    return f"segment {segment.index}: {what}{flag}"


def side_by_side(scores: PairScores, doc_id: str) -> str:
    back = scores.mode == BACK_TRANSLATION
    head = "<th>#</th><th>score</th><th>source</th>" + ("<th>back-translation</th>" if back else "")
    rows = [f"<table class='pairs'><thead><tr>{head}<th>translation</th></tr></thead><tbody>"]
    for segment in scores.segments:
        classes = "seg" + (" flagged" if segment.flagged else "")
        score = "—" if segment.score is None else f"{segment.score:.2f}"
        reasons = (
            f"<div class='reasons'>{escape('; '.join(segment.reasons))}</div>"
            if segment.flagged and segment.reasons
            else ""
        )
        cells = [
            _cell(segment.source, segment.marks, "source", "(added in the translation)"),
        ]
        if back:
            cells.append(_cell(segment.back_translation, segment.marks, "back_translation", "(nothing)"))
        cells.append(_cell(segment.translation, segment.marks, "translation", "(omitted in the translation)"))
        rows.append(
            f"<tr class='{classes}' id='{doc_id}-seg-{segment.index}' data-segment='{segment.index}'>"
            f"<td class='num'>{segment.index}</td><td class='num'>{score}{reasons}</td>{''.join(cells)}</tr>"
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def _cell(text: str, marks: tuple[WordMark, ...], side: str, missing: str) -> str:
    if not text.strip():
        return f"<td class='missing'>{escape(missing)}</td>"
    spans = sorted(
        {(m.start, m.end) for m in marks if m.side == side and 0 <= m.start < m.end <= len(text)},
    )
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(f"<mark class='div'>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return f"<td class='{side}'>{''.join(out)}</td>"
