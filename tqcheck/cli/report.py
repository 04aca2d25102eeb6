"""`tqcheck report PATH... -o report.html`: the pre-publish read-through as one HTML page.

The same run as `check`, then the sentences around findings and, for translations with a
side-car source, their scores segment by segment; written atomically. Findings do not fail the
command (it is for reading); exit 2 on bad configuration or input that could not be read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tqcheck.cli.options import (
    ConfigOption,
    ExtendSelectOption,
    IgnoreOption,
    LanguageOption,
    ModelOption,
    PacksOption,
    SelectOption,
)

DEFAULT_OUTPUT = Path("report.html")


def report(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders to report on.")] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML file to write.", dir_okay=False)
    ] = DEFAULT_OUTPUT,
    config_file: ConfigOption = None,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    packs: PacksOption = None,
    language: LanguageOption = None,
    model: ModelOption = None,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Mark suggestions not marked safe as fixable too.")
    ] = False,
) -> None:
    """Write an HTML report: findings in their sentences, proposed edits, meaning drift per segment."""
    from rich.console import Console

    from tqcheck.cli.common import EXIT_CLEAN, EXIT_ERROR, build_config, fail
    from tqcheck.cli.progress import progress_for
    from tqcheck.core.errors import ConfigError, ModelUnavailable, PackError
    from tqcheck.engine.annotate import annotate
    from tqcheck.engine.run import run
    from tqcheck.engine.writing import write_new_file
    from tqcheck.reporters import FORMATS

    targets = paths or ["."]
    config, _ = build_config(
        config_file, targets, select=select, extend_select=extend_select, ignore=ignore, packs=packs, language=language
    )
    if model:
        config = config.with_overrides(extra={**config.extra, "model": model})
    try:
        with progress_for() as progress:
            result = run(targets, config, progress=progress)
            annotate(result, config)
    except (PackError, ConfigError, ModelUnavailable) as exc:
        raise fail(str(exc)) from None
    result.unsafe_fixes = unsafe_fixes
    try:
        write_new_file(output, FORMATS["html"].render(result))
    except OSError as exc:
        raise fail(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    console = Console(stderr=True, highlight=False)
    for error in result.errors:
        console.print(f"{error.path}: error: {error.message}", markup=False, soft_wrap=True)
    flagged = sum(s.flagged for scores in result.scores.values() for s in scores.segments)
    scored = f", {len(result.scores)} translation(s) scored ({flagged} segment(s) flagged)" if result.scores else ""
    console.print(
        f"Wrote {output}: {len(result.findings)} finding(s) in {len(result.documents)} file(s){scored}.",
        markup=False,
        soft_wrap=True,
    )
    raise typer.Exit(EXIT_ERROR if result.errors else EXIT_CLEAN)
