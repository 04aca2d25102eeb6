"""The `tqcheck` application: the typer app, its version flag, and one module per command."""

from __future__ import annotations

import gc
import os
from typing import Annotated

import typer

from tqcheck.cli.check import check
from tqcheck.cli.gate import record_baseline
from tqcheck.cli.names import names
from tqcheck.cli.report import report
from tqcheck.cli.rules import explain_rule, list_rules
from tqcheck.cli.score import score
from tqcheck.core.cache import NOTICE_ENV
from tqcheck.core.version import __version__

app = typer.Typer(
    name="tqcheck",
    help="Translation-quality and consistency checks for editorial text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


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


app.command("check")(check)
app.command("baseline")(record_baseline)
app.command("rules")(list_rules)
app.command("rule")(explain_rule)
app.command("score")(score)
app.command("names")(names)
app.command("report")(report)


def main() -> None:
    # The process runs one bounded command and exits: what it builds (documents, findings,
    # names) is freed by reference counting, and cyclic collections would only walk it (0.1 s
    # and more on large runs). `score` turns the collector back on for the model code.
    gc.disable()
    os.environ.setdefault(NOTICE_ENV, "1")  # a first run says why it is slow (core.cache)
    app(prog_name="tqcheck")
