"""What makes `tqcheck check` a CI gate: --changed-since, --baseline / --show-fixed,
--statistics, and the `tqcheck baseline` command that records today's findings."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tqcheck.cli.common import EXIT_CLEAN, EXIT_ERROR, build_config, fail
from tqcheck.cli.options import (
    ConfigOption,
    ExtendSelectOption,
    IgnoreOption,
    JobsOption,
    LanguageOption,
    PacksOption,
    SelectOption,
)

if TYPE_CHECKING:
    from tqcheck.core.result import RunResult
    from tqcheck.engine.changes import Changes

DEFAULT_BASELINE = ".tqcheck-baseline.json"

ChangedSinceOption = Annotated[
    str | None,
    typer.Option(
        "--changed-since",
        metavar="REF",
        help="Only files changed against this git ref (merge base with HEAD, working tree included), "
        "and only findings on changed lines.",
    ),
]
WholeFilesOption = Annotated[
    bool, typer.Option("--whole-files", help="With --changed-since: every finding of a changed file.")
]
BaselineOption = Annotated[
    Path | None,
    typer.Option("--baseline", help="Report only findings not recorded in this baseline file.", dir_okay=False),
]
ShowFixedOption = Annotated[
    bool, typer.Option("--show-fixed", help="With --baseline: also list recorded findings that no longer occur.")
]
StatisticsOption = Annotated[
    bool, typer.Option("--statistics", help="Print the number of findings per rule instead of the findings.")
]


def changes_for(ref: str | None, targets: list[str]) -> Changes | None:
    if ref is None:
        return None
    from tqcheck.core.errors import ConfigError
    from tqcheck.engine.changes import changes_since

    first = next((Path(t) for t in targets if t != "-"), Path.cwd())
    try:
        return changes_since(ref, first if first.exists() else Path.cwd())
    except ConfigError as exc:
        raise fail(str(exc)) from None


def with_baseline(result: RunResult, baseline: Path | None, show_fixed: bool) -> RunResult:
    if baseline is None:
        if show_fixed:
            raise fail("--show-fixed needs --baseline FILE")
        return result
    from tqcheck.core.errors import ConfigError
    from tqcheck.engine import baseline as recorded

    try:
        return recorded.apply(result, recorded.load(baseline), show_fixed=show_fixed)
    except ConfigError as exc:
        raise fail(str(exc)) from None


def statistics(result: RunResult, as_json: bool) -> str:
    """Counts per rule, most frequent first, as ruff prints them (`[*]`: fixable with --fix)."""
    counts = Counter(f.rule for f in result.findings)
    names = {f.rule: f.name for f in result.findings}
    fixable = {f.rule for f in result.findings if f.fix_safe}
    ordered = sorted(counts, key=lambda rule: (-counts[rule], rule))
    if as_json:
        rows = [{"code": r, "name": names[r], "count": counts[r], "fixable": r in fixable} for r in ordered]
        return json.dumps(rows, ensure_ascii=False, indent=2)
    return "\n".join(f"{counts[r]:>5}\t{r:<7}\t{'[*]' if r in fixable else '[ ]'} {names[r]}" for r in ordered)


def fixed_lines(result: RunResult) -> list[str]:
    return [f"{e.path}:{e.line}: {e.rule} fixed since the baseline: {e.match!r}" for e in result.fixed]


def record_baseline(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders whose findings to record.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file to write.", dir_okay=False)] = Path(
        DEFAULT_BASELINE
    ),
    config_file: ConfigOption = None,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    packs: PacksOption = None,
    language: LanguageOption = None,
    jobs: JobsOption = None,
) -> None:
    """Record today's findings, so that `check --baseline FILE` reports only new ones."""
    from rich.console import Console

    from tqcheck.core.errors import ConfigError, ModelUnavailable, PackError
    from tqcheck.engine import baseline as recorded
    from tqcheck.engine.run import run
    from tqcheck.engine.writing import write_new_file

    targets = paths or ["."]
    config, _ = build_config(
        config_file,
        targets,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        packs=packs,
        language=language,
    )
    try:
        result = run(targets, config, jobs=jobs)
    except (PackError, ConfigError, ModelUnavailable) as exc:
        raise fail(str(exc)) from None
    console = Console(stderr=True, highlight=False)
    for error in result.errors:
        console.print(f"{error.path}: error: {error.message}", soft_wrap=True)
    if result.errors:
        raise fail("some files could not be read; the baseline was not written")
    if not result.documents:
        raise fail(f"no files to check in {', '.join(targets)}")
    try:
        write_new_file(output, recorded.dump(result))
    except OSError as exc:
        raise fail(f"{output}: cannot write baseline: {exc.strerror or exc}") from None
    console.print(f"Recorded {len(result.findings)} finding(s) of {len(result.documents)} file(s) in {output}")
    raise typer.Exit(EXIT_CLEAN if not result.errors else EXIT_ERROR)
