"""The `tqcheck` command: thin commands over the engine; exit 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import enum
import gc
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from tqcheck import __version__
from tqcheck.cli.names import names
from tqcheck.cli.options import (
    ConfigOption,
    ExtendSelectOption,
    FailOnOption,
    IgnoreOption,
    LanguageOption,
    ModelOption,
    NoColorOption,
    OutputOption,
    PacksOption,
    SelectOption,
    split_codes,
    split_names,
)
from tqcheck.cli.score import score
from tqcheck.core.config import Config
from tqcheck.core.model import Severity

if TYPE_CHECKING:
    from tqcheck.core.result import RunResult

app = typer.Typer(
    name="tqcheck",
    help="Translation-quality and consistency checks for editorial text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class OutputFormat(enum.StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"


def fail(message: str) -> typer.Exit:
    """Print a one-line error to stderr and return the exit to raise (code 2)."""
    Console(stderr=True, highlight=False).print(f"[bold red]tqcheck: error:[/] {message}", soft_wrap=True)
    return typer.Exit(EXIT_ERROR)


def _version(value: bool) -> None:
    if value:
        print(f"tqcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Translation-quality and consistency checks for editorial text."""


def build_config(
    config_file: Path | None,
    paths: list[str],
    *,
    select: str | None = None,
    extend_select: str | None = None,
    ignore: str | None = None,
    packs: str | None = None,
    language: str | None = None,
    fail_on: str | None = None,
) -> tuple[Config, Severity | None]:
    """Config file (explicit or discovered from the first path) with CLI flags on top.

    Returns the config and the `--fail-on` threshold (None: never fail).
    """
    from tqcheck.core.config import ConfigError, parse_fail_on, resolve

    first = next((Path(p) for p in paths if p != "-"), None)
    try:
        config = resolve(config_file, first)
        threshold = parse_fail_on(fail_on, "--fail-on", "command line") if fail_on is not None else config.fail_on
    except ConfigError as exc:
        raise fail(str(exc)) from None
    more_packs = split_names(packs) or ()
    more_select = split_codes(extend_select) or ()
    more_ignore = split_codes(ignore) or ()
    config = config.with_overrides(
        select=split_codes(select),
        extend_select=config.extend_select + more_select if more_select else None,
        ignore=config.ignore + more_ignore if more_ignore else None,
        packs=config.packs + more_packs if more_packs else None,
        language=language.lower() if language else None,
    )
    return config, threshold


@app.command()
def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders to check; - reads standard input.")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
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
    try:
        result = run(targets, config, stdin_filename or "<stdin>")
        fixed = _fix(result, targets, config, stdin_filename) if fix else 0
        if fixed:
            result = run(targets, config, stdin_filename or "<stdin>")
    except (PackError, ConfigError, ModelUnavailable) as exc:
        raise fail(str(exc)) from None
    _report(result, output_format, output, no_color, fixed)
    if result.errors:
        raise typer.Exit(EXIT_ERROR)
    failing = threshold is not None and any(f.severity >= threshold for f in result.findings)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _fix(result: RunResult, targets: list[str], config: Config, stdin_filename: str | None) -> int:
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
        result = run(targets, config, stdin_filename or "<stdin>")
    return total


def _report(result: RunResult, output_format: OutputFormat, output: Path | None, no_color: bool, fixed: int) -> None:
    from tqcheck.cli.output import emit, emit_rich

    if output_format is OutputFormat.text:
        from tqcheck.reporters import text

        def draw(console: Console) -> None:
            if fixed:
                console.print(f"Fixed {fixed} finding(s).", style="green")
            text.render(result, console)

        emit_rich(draw, output, no_color)
        return
    if output_format is OutputFormat.json:
        from tqcheck.reporters.json_format import render
    elif output_format is OutputFormat.sarif:
        from tqcheck.reporters.sarif import render
    elif output_format is OutputFormat.github:
        from tqcheck.reporters.github import render
    elif output_format is OutputFormat.junit:
        from tqcheck.reporters.junit import render
    else:
        from tqcheck.reporters.html import render
    rendered = render(result)
    emit(rendered + ("\n" if rendered else ""), output)


@app.command("rules")
def list_rules(
    config_file: ConfigOption = None,
    packs: PacksOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    all_packs: Annotated[bool, typer.Option("--all", help="Include every built-in pack, active or not.")] = False,
) -> None:
    """List rules: id, name, kind, severity, pack, enabled."""
    from tqcheck.cli.rule_docs import print_rule_table

    config, _ = build_config(config_file, ["."], packs=packs, select=select, ignore=ignore)
    try:
        print_rule_table(config, all_packs=all_packs)
    except ValueError as exc:
        raise fail(str(exc)) from None


@app.command("rule")
def explain_rule(
    rule_id: Annotated[str, typer.Argument(help="Rule id, e.g. PN002.")],
    config_file: ConfigOption = None,
    packs: PacksOption = None,
) -> None:
    """Explain one rule: what it flags, why it matters, what to do instead, examples."""
    from tqcheck.cli.rule_docs import explain

    config, _ = build_config(config_file, ["."], packs=packs)
    try:
        explain(config, rule_id.upper())
    except LookupError as exc:
        raise fail(str(exc.args[0])) from None
    except ValueError as exc:
        raise fail(str(exc)) from None


app.command("score")(score)
app.command("names")(names)


def main() -> None:
    # The process runs one bounded command and exits: what it builds (documents, findings,
    # names) is freed by reference counting, and cyclic collections would only walk it (0.1 s
    # and more on large runs). `score` turns the collector back on for the model code.
    gc.disable()
    app(prog_name="tqcheck")
