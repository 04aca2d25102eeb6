"""Where a command's report goes: standard output or a file written atomically, and the one
rule for colour (only on a terminal, never with --no-color or NO_COLOR)."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

FILE_WIDTH = 120


def terminal(no_color: bool = False, stderr: bool = False) -> Console:
    return Console(highlight=False, no_color=no_color or bool(os.environ.get("NO_COLOR")), stderr=stderr)


def emit(rendered: str, output: Path | None, stderr: bool = False) -> None:
    """Print `rendered`, or write it to `output` so that readers never see half a report."""
    if output is None:
        (sys.stderr if stderr else sys.stdout).write(rendered)
        return
    from tqcheck.engine.writing import write_new_file

    write_new_file(output, rendered)


def emit_rich(
    draw: Callable[[Console], None], output: Path | None, no_color: bool = False, stderr: bool = False
) -> None:
    """Draw rich output on the terminal, or plain (no colour, fixed width) into `output`."""
    if output is None:
        draw(terminal(no_color, stderr))
        return
    buffer = io.StringIO()
    draw(Console(file=buffer, no_color=True, width=FILE_WIDTH, highlight=False))
    emit(buffer.getvalue(), output)
