"""What every command shares: exit codes, the one-line error exit, and the config built from the
config file with the command line on top."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from tqcheck.cli.options import split_codes, split_names
from tqcheck.core.config import Config
from tqcheck.core.model import Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> typer.Exit:
    """Print a one-line error to stderr and return the exit to raise (code 2)."""
    # escaped: "[rules.GW001]" in a message is a config table, not rich markup
    Console(stderr=True, highlight=False).print(f"[bold red]tqcheck: error:[/] {escape(message)}", soft_wrap=True)
    return typer.Exit(EXIT_ERROR)


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
    from tqcheck.core.config import parse_fail_on, resolve
    from tqcheck.core.errors import ConfigError

    first = next((Path(p) for p in paths if p != "-"), None)
    try:
        config = resolve(config_file, first)
        threshold = parse_fail_on(fail_on, "--fail-on", "command line") if fail_on is not None else config.fail_on
    except ConfigError as exc:
        raise fail(str(exc)) from None
    more_packs = split_names(packs) or ()
    more_select = split_codes(extend_select) or ()
    more_ignore = split_codes(ignore) or ()
    given = {
        "select": split_codes(select),
        "extend-select": more_select,
        "ignore": more_ignore,
        "packs": more_packs,
        "language": (language.strip().lower(),) if language else None,
    }
    flags = {key: tuple(values) for key, values in given.items() if values}
    config = config.with_overrides(
        flags=flags or None,
        select=split_codes(select),
        extend_select=config.extend_select + more_select if more_select else None,
        ignore=config.ignore + more_ignore if more_ignore else None,
        packs=config.packs + more_packs if more_packs else None,
        language=language.strip().lower() if language else None,
    )
    if language:
        from tqcheck.engine.validation import check_language

        try:
            check_language(config.language, "--language")
        except ConfigError as exc:
            raise fail(str(exc)) from None
    return config, threshold
