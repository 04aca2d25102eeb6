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
from tqcheck.core.config import Config
from tqcheck.reporters import DEFAULT_FORMAT, FORMATS, OutputFormat

if TYPE_CHECKING:
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
        bool, typer.Option("--fix", help="Apply safe fixes in place (atomic write), then report what is left.")
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

    def checked() -> RunResult:
        return run(targets, config, stdin_filename or "<stdin>", jobs=jobs, changes=changes, whole_files=whole_files)

    try:
        result = checked()
        fixed = _fix(result, targets, config, stdin_filename, jobs) if fix else 0
        if fixed:
            result = checked()
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
    _report(result, output_format, output, no_color, fixed, statistics)
    if result.errors:
        raise typer.Exit(EXIT_ERROR)
    failing = threshold is not None and any(f.severity >= threshold for f in result.findings)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _fix(result: RunResult, targets: list[str], config: Config, stdin_filename: str | None, jobs: int | None) -> int:
    from tqcheck.engine.fixing import fix_file
    from tqcheck.engine.run import run

    if "-" in targets:
        raise fail("--fix cannot rewrite standard input")
    total = 0
    for _ in range(5):  # fixes can uncover fixes (ruff does the same); bounded
        applied = 0
        for doc in result.documents:
            mine = [f for f in result.findings if f.path == doc.path]
            applied += fix_file(Path(doc.path), doc.text, mine)
        total += applied
        if not applied:
            break
        result = run(targets, config, stdin_filename or "<stdin>", jobs=jobs)
    return total


def _report(
    result: RunResult, output_format: OutputFormat, output: Path | None, no_color: bool, fixed: int, statistics: bool
) -> None:
    from tqcheck.cli.output import emit, emit_rich

    if statistics:
        from tqcheck.cli.gate import statistics as table

        rendered = table(result, as_json=output_format.value == "json")
        emit(rendered + ("\n" if rendered else ""), output)
        return
    reporter = FORMATS[output_format.value]
    if reporter.draws:

        def draw(console: Console) -> None:
            if fixed:
                console.print(f"Fixed {fixed} finding(s).", style="green")
            reporter.draw(result, console)

        emit_rich(draw, output, no_color)
        return
    rendered = reporter.render(result)
    emit(rendered + ("\n" if rendered else ""), output)
