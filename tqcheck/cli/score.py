"""`tqcheck score`: meaning-drift scores of a translation or back-translation against its source.

Exit 0 when nothing is flagged, 1 when a segment is flagged, omitted or added, 2 on bad input
or an unavailable model.
"""

from __future__ import annotations

import dataclasses
import enum
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from tqcheck.cli.options import ConfigOption, ModelOption, NoColorOption, OutputOption

if TYPE_CHECKING:
    from rich.progress import Progress

    from tqcheck.meaning.encoders import Embedder
    from tqcheck.meaning.score_inputs import ScoreInput


class ScoreFormat(enum.StrEnum):
    text = "text"
    json = "json"


TableArgument = Annotated[
    Path | None, typer.Argument(help="TSV/CSV with columns source and back_translation and/or target.")
]
SourceOption = Annotated[Path | None, typer.Option("--source", help="Source file (Markdown or text).")]
BackTranslationOption = Annotated[
    Path | None, typer.Option("--back-translation", help="Back-translation of the translation, in the source language.")
]
TargetOption = Annotated[Path | None, typer.Option("--target", help="The translation itself (scored cross-lingually).")]
SourceLanguageOption = Annotated[
    str | None, typer.Option("--source-language", help="Source language (default: file name or front matter).")
]
TargetLanguageOption = Annotated[
    str | None, typer.Option("--target-language", help="Target language (default: file name or front matter).")
]
DeviceOption = Annotated[str | None, typer.Option("--device", help="cpu (default) or cuda (sentence-transformers).")]
BatchOption = Annotated[int | None, typer.Option("--batch-size", min=1, help="Texts per model call (default 64).")]
ThresholdOption = Annotated[
    float | None,
    typer.Option(
        "--threshold",
        min=-1.0,
        max=1.0,
        help="Flag pairs whose quality (0-1) is below this (default: chosen on real dev data; "
        "similarity for models without a quality head).",
    ),
]
FormatOption = Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")]
FlaggedOnlyOption = Annotated[bool, typer.Option("--flagged-only", help="Text format: show only flagged segments.")]


def score(
    table: TableArgument = None,
    source: SourceOption = None,
    back_translation: BackTranslationOption = None,
    target: TargetOption = None,
    source_language: SourceLanguageOption = None,
    target_language: TargetLanguageOption = None,
    model: ModelOption = None,
    device: DeviceOption = None,
    batch_size: BatchOption = None,
    threshold: ThresholdOption = None,
    output_format: FormatOption = ScoreFormat.text,
    flagged_only: FlaggedOnlyOption = False,
    config_file: ConfigOption = None,
    output: OutputOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Score a translation (or back-translation) against its source, sentence by sentence."""
    gc.enable()  # cli.app.main turns it off for short runs; model code may leave cycles behind
    from tqcheck.cli.common import EXIT_CLEAN, EXIT_FINDINGS, build_config, fail
    from tqcheck.cli.output import emit, emit_rich
    from tqcheck.core.errors import ModelUnavailable
    from tqcheck.meaning.comparison import DriftSettings, compare
    from tqcheck.meaning.document_analysis import embedder_for
    from tqcheck.meaning.score_inputs import InputProblem
    from tqcheck.meaning.score_output import render_text, to_json
    from tqcheck.meaning.settings import DriftConfig

    first = [str(p) for p in (table, source) if p is not None]
    config, _ = build_config(config_file, first)
    settings = DriftConfig.from_config(config)
    try:
        data = _inputs(table, source, back_translation, target, source_language, target_language)
    except InputProblem as exc:
        raise fail(str(exc)) from None
    flags: dict[str, Any] = {"model": model, "device": device, "batch_size": batch_size, "threshold": threshold}
    settings = dataclasses.replace(settings, **{k: v for k, v in flags.items() if v is not None})
    embedder = embedder_for(settings)
    progress = _progress(len(data.source.sentences) + len(data.other.sentences), embedder)
    try:
        drift_settings = DriftSettings(threshold=settings.threshold)
        report = compare(data.source, data.other, embedder, drift_settings, mode=data.mode, links=data.links)
    except ModelUnavailable as exc:
        raise fail(str(exc)) from None
    finally:
        if progress is not None:
            progress.stop()
    if output_format is ScoreFormat.json:
        emit(to_json(report, data) + "\n", output)
    else:
        emit_rich(lambda console: render_text(report, console, flagged_only, data.labels), output, no_color)
    problems = any(p.flagged or p.kind != "pair" for p in report.pairs)
    raise typer.Exit(EXIT_FINDINGS if problems else EXIT_CLEAN)


def _inputs(
    table: Path | None,
    source: Path | None,
    back_translation: Path | None,
    target: Path | None,
    source_language: str | None,
    target_language: str | None,
) -> ScoreInput:
    from tqcheck.meaning.score_inputs import InputProblem, from_files, from_table

    if table is not None:
        if source or back_translation or target:
            raise InputProblem("give either a table or --source with --back-translation/--target, not both")
        return from_table(table, source_language, target_language)
    if source is None or (back_translation is None) == (target is None):
        raise InputProblem("give a TSV/CSV table, or --source SRC with one of --back-translation BT or --target TGT")
    if back_translation is not None:
        return from_files(source, back_translation, "back_translation", source_language, source_language)
    assert target is not None
    return from_files(source, target, "target", source_language, target_language)


def _progress(total: int, embedder: Embedder) -> Progress | None:
    """A progress bar on a terminal for long runs (counts texts actually embedded)."""
    if total < 200 or not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    bar = Progress(console=Console(stderr=True), transient=True)
    task = bar.add_task("embedding", total=total)
    bar.start()
    embedder.progress = lambda n: bar.advance(task, n)
    return bar
