"""`tqcheck check`: run the rules over files, optionally fix, report in the chosen format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from tqcheck.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, build_config, fail
from tqcheck.cli.gate import (
    BaselineOption,
    ChangedSinceOption,
    ShowFixedOption,
    StatisticsOption,
    WholeFilesOption,
    changes_for,
    with_baseline,
)
from tqcheck.cli.options import (
    ConfigOption,
    ExtendSelectOption,
    FailOnOption,
    IgnoreOption,
    JobsOption,
    LanguageOption,
    ModelOption,
    NoColorOption,
    OutputOption,
    PacksOption,
    SelectOption,
)
from tqcheck.reporters import DEFAULT_FORMAT, FORMATS, OutputFormat

if TYPE_CHECKING:
    from tqcheck.core.progress import Progress
    from tqcheck.core.result import RunResult


def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders to check; - reads standard input.")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = DEFAULT_FORMAT,
    config_file: ConfigOption = None,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    packs: PacksOption = None,
    language: LanguageOption = None,
    fail_on: FailOnOption = None,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix", help="Apply safe fixes in place (atomic write), then report what is left; with -, print the text."
        ),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print the fixes as a unified diff and write nothing (exit 1 if any).")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply (and mark as fixable) suggestions not marked safe.")
    ] = False,
    output: OutputOption = None,
    stdin_filename: Annotated[
        str | None, typer.Option("--stdin-filename", help="Name (and so format) for text read from -.")
    ] = None,
    no_color: NoColorOption = False,
    model: ModelOption = None,
    jobs: JobsOption = None,
    changed_since: ChangedSinceOption = None,
    whole_files: WholeFilesOption = False,
    baseline: BaselineOption = None,
    show_fixed: ShowFixedOption = False,
    statistics: StatisticsOption = False,
    allow_empty: Annotated[
        bool, typer.Option("--allow-empty", help="Exit 0 when no file was found to check (default: exit 2).")
    ] = False,
) -> None:
    """Check files and report findings."""
    from tqcheck.core.errors import ConfigError, ModelUnavailable, PackError
    from tqcheck.engine.run import run

    targets = paths or ["."]
    config, threshold = build_config(
        config_file,
        targets,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        packs=packs,
        language=language,
        fail_on=fail_on,
    )
    if model:
        config = config.with_overrides(extra={**config.extra, "model": model})
    changes = changes_for(changed_since, targets)
    stdin_name = stdin_filename or "<stdin>"

    def checked(paths: list[str], progress: Progress | None = None) -> RunResult:
        return run(paths, config, stdin_name, jobs=jobs, changes=changes, whole_files=whole_files, progress=progress)

    fixed = 0
    try:
        from tqcheck.cli.progress import progress_for

        with progress_for() as progress:
            result = checked(targets, progress)
        result.unsafe_fixes = unsafe_fixes
        if diff:
            from tqcheck.cli.fixes import show_diff

            changed = show_diff(with_baseline(result, baseline, False), config, unsafe_fixes, output)
            raise typer.Exit(EXIT_ERROR if result.errors else EXIT_FINDINGS if changed else EXIT_CLEAN)
        if fix:
            from tqcheck.cli.fixes import apply_fixes

            done = apply_fixes(
                with_baseline(result, baseline, False), targets, config, unsafe_fixes, stdin_name, checked
            )
            result, fixed = done.result, done.count
            result.unsafe_fixes = unsafe_fixes
    except (PackError, ConfigError, ModelUnavailable) as exc:
        raise fail(str(exc)) from None
    result = with_baseline(result, baseline, show_fixed)
    if changes is not None and not result.documents and not result.errors:
        Console(stderr=True, highlight=False).print(f"tqcheck: no supported file changed since {changed_since}")
        allow_empty = True  # a change that touches no article is not a mistake
    if not result.documents and not result.errors and not allow_empty:
        from tqcheck.readers import READERS

        supported = ", ".join(sorted(READERS))
        raise fail(f"no files to check in {', '.join(targets)} (supported: {supported}); --allow-empty accepts that")
    if output_format.value == "html":
        from tqcheck.engine.annotate import annotate

        try:
            annotate(result, config)  # sentences and pair scores: the page `report` writes
        except ModelUnavailable as exc:
            raise fail(str(exc)) from None
    to_stderr = fix and "-" in targets and output is None
    _report(result, output_format, output, no_color, fixed, statistics, to_stderr)
    if result.errors:
        raise typer.Exit(EXIT_ERROR)
    failing = threshold is not None and any(f.severity >= threshold for f in result.findings)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _report(
    result: RunResult,
    output_format: OutputFormat,
    output: Path | None,
    no_color: bool,
    fixed: int,
    statistics: bool,
    to_stderr: bool,
) -> None:
    """The report on standard output (standard error when the fixed text goes there), or a file."""
    from tqcheck.cli.output import emit, emit_rich

    if statistics:
        from tqcheck.cli.gate import statistics as table

        rendered = table(result, as_json=output_format.value == "json")
        emit(rendered + ("\n" if rendered else ""), output, stderr=to_stderr)
        return
    reporter = FORMATS[output_format.value]
    if reporter.draws:

        def draw(console: Console) -> None:
            if fixed:
                console.print(f"Fixed {fixed} finding(s).", style="green")
            reporter.draw(result, console)

        emit_rich(draw, output, no_color, stderr=to_stderr)
        return
    rendered = reporter.render(result)
    emit(rendered + ("\n" if rendered else ""), output, stderr=to_stderr)
