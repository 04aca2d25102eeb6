"""`tqcheck score` output: a JSON document (stable field names) or a rich table."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tqcheck.meaning.pairs import DriftReport, PairResult
from tqcheck.meaning.score_inputs import ScoreInput

BAR_WIDTH = 10


def _relative(span: tuple[int, int] | None, starts: list[int] | None, indexes: tuple[int, ...]) -> list[int] | None:
    """File offsets as they are; table offsets relative to the row's cell."""
    if span is None:
        return None
    if starts is None or not indexes:
        return [span[0], span[1]]
    base = starts[indexes[0]]
    return [span[0] - base, span[1] - base]


def segments(report: DriftReport, data: ScoreInput) -> list[dict[str, Any]]:
    other_key = "back_translation" if report.mode == "back_translation" else "target"
    src_starts, oth_starts = data.offsets if data.offsets else (None, None)
    out = []
    for k, pair in enumerate(report.pairs):
        divergent = []
        for d in pair.divergent:
            starts, indexes = (src_starts, pair.source) if d.side == "source" else (oth_starts, pair.other)
            divergent.append(
                {
                    "word": d.word,
                    "side": "source" if d.side == "source" else other_key,
                    "span": _relative((d.start, d.end), starts, indexes),
                    "closest": d.closest,
                    "similarity": d.similarity,
                    "signal": d.signal,
                }
            )
        labelled = {"id": data.labels[k]} if data.labels is not None else {}
        out.append(
            {
                "index": pair.index,
                **labelled,
                "kind": pair.kind,
                "source": pair.source_text,
                other_key: pair.other_text,
                "similarity": pair.similarity,
                "quality": pair.quality,
                "flagged": _flagged(pair),
                "reasons": pair.reasons or _gap_reason(pair),
                "divergent": divergent,
                "source_span": _relative(pair.source_span, src_starts, pair.source),
                "other_span": _relative(pair.other_span, oth_starts, pair.other),
            }
        )
    return out


def _flagged(pair: PairResult) -> bool:
    return pair.flagged or pair.kind != "pair"


def _gap_reason(pair: PairResult) -> list[str]:
    if pair.kind == "omission":
        return ["no counterpart: omitted"]
    if pair.kind == "addition":
        return ["no counterpart in the source: added"]
    return []


def to_json(report: DriftReport, data: ScoreInput) -> str:
    summary = dict(report.summary)
    summary["mode"] = report.mode
    document = {"version": 1, "model": report.model, "segments": segments(report, data), "summary": summary}
    return json.dumps(document, ensure_ascii=False, indent=2)


def render_text(
    report: DriftReport, console: Console, flagged_only: bool = False, labels: list[str] | None = None
) -> None:
    """A table of the segments; rows labelled by the table's `id` column when it has one."""
    other_label = "back-translation" if report.mode == "back_translation" else "target"
    mode = "back-translation" if report.mode == "back_translation" else "direct (source against translation)"
    table = Table(show_lines=True, expand=True, title=f"Meaning drift, scored by model {report.model}, mode {mode}")
    table.add_column("id" if labels is not None else "#", justify="right", no_wrap=True)
    table.add_column("quality" if report.scored_by_quality else "similarity", no_wrap=True)
    table.add_column("source", ratio=1)
    table.add_column(other_label, ratio=1)
    for k, pair in enumerate(report.pairs):
        if flagged_only and not _flagged(pair):
            continue
        style = "red" if _flagged(pair) else ""
        marks = [d for d in pair.divergent]
        source = _highlight(pair.source_text, pair.source_span, [d for d in marks if d.side == "source"])
        other = _highlight(pair.other_text, pair.other_span, [d for d in marks if d.side == "other"])
        if pair.reasons:
            other.append("\n" + "; ".join(pair.reasons), style="italic yellow")
        label = labels[k] if labels is not None and labels[k] else str(pair.index)
        table.add_row(label, _bar(pair), source, other, style=style)
    console.print(table)
    summary = report.summary
    console.print(
        f"{summary['segments']} segment(s): {summary['flagged']} flagged, {summary['omissions']} omitted, "
        f"{summary['additions']} added; document score {summary['document_score']} "
        f"({'quality' if report.scored_by_quality else 'similarity'} threshold {report.threshold:.2f})",
        highlight=False,
    )


def _bar(pair: PairResult) -> Text:
    """The quality (else the similarity) as a bar."""
    value = pair.quality if pair.quality is not None else pair.similarity
    if value is None:
        return Text("omitted" if pair.kind == "omission" else "added", style="bold red")
    filled = max(0, min(BAR_WIDTH, round(value * BAR_WIDTH)))
    colour = "red" if pair.flagged else "green"
    text = Text(f"{value:.2f} ")
    text.append("█" * filled, style=colour)
    text.append("░" * (BAR_WIDTH - filled), style="dim")
    return text


def _highlight(text: str, span: tuple[int, int] | None, words: list[Any]) -> Text:
    """The pair's text with its divergent words in bold red (offsets relative to the span)."""
    out = Text(text)
    if span is None:
        return out
    for d in words:
        start = d.start - span[0]
        if 0 <= start < len(text) and text[start : start + len(d.word)] == d.word:
            out.stylize("bold red underline", start, start + len(d.word))
    return out
