"""The `tqcheck` application: the typer app, its version flag, and one module per command."""

from __future__ import annotations

import gc
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from tqcheck.cli.check import check
from tqcheck.cli.gate import record_baseline
from tqcheck.cli.init import init
from tqcheck.cli.names import names
from tqcheck.cli.report import report
from tqcheck.cli.rules import explain_rule, list_rules
from tqcheck.cli.score import score
from tqcheck.core.cache import NOTICE_ENV
from tqcheck.core.version import __version__
from tqcheck.engine.writing import WriteError

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


_debug = {"on": False}


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback of an unexpected error (for bug reports).")
    ] = False,
) -> None:
    """Translation-quality and consistency checks for editorial text."""
    _debug["on"] = debug


app.command("check")(check)
app.command("baseline")(record_baseline)
app.command("rules")(list_rules)
app.command("rule")(explain_rule)
app.command("score")(score)
app.command("names")(names)
app.command("report")(report)
app.command("init")(init)


def main() -> None:
    # The process runs one bounded command and exits: what it builds (documents, findings,
    # names) is freed by reference counting, and cyclic collections would only walk it (0.1 s
    # and more on large runs). `score` turns the collector back on for the model code.
    gc.disable()
    os.environ.setdefault(NOTICE_ENV, "1")  # a first run says why it is slow (core.cache)
    try:
        app(prog_name="tqcheck")
    except KeyboardInterrupt:
        print("tqcheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except WriteError as exc:  # a report, diff or glossary that could not be written: says which
        print(f"tqcheck: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except Exception as exc:  # a bug or an unforeseen environment: one line, exit 2
        if _debug["on"]:
            raise
        where = _innermost(exc)
        print(
            f"tqcheck: error: unexpected {type(exc).__name__}: {exc}{where}"
            " (run again with --debug for the traceback, and report it)",
            file=sys.stderr,
        )
        sys.exit(2)


def _innermost(exc: BaseException) -> str:
    """' in file.py:LINE' for the innermost frame of tqcheck's own code, to place a bug report."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = [frame for frame in frames if "tqcheck" in frame.filename]
    if not own:
        return ""
    frame = own[-1]
    return f" in {Path(frame.filename).name}:{frame.lineno}"
