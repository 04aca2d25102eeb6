"""The progress bar of long runs: on a terminal only (standard error), for runs over many files
or many segments to embed; nothing is drawn for small runs, pipes, files or CI logs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress as Bar
    from rich.progress import TaskID

MIN_FILES = 50  # fewer files finish before a bar is worth drawing
MIN_SEGMENTS = 200


class TerminalProgress:
    """A rich progress bar fed by the engine (core.progress.Progress); bars appear only once
    the run is big enough to be worth them."""

    def __init__(self, console: Console | None = None) -> None:
        self._console = console
        self._bar: Bar | None = None
        self._files: TaskID | None = None
        self._segments: TaskID | None = None
        self._embedded = 0

    def _started(self) -> Bar:
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self._console or Console(stderr=True),
                transient=True,
            )
            self._bar.start()
        return self._bar

    def files(self, done: int, total: int) -> None:
        if total < MIN_FILES:
            return
        bar = self._started()
        if self._files is None:
            self._files = bar.add_task("checking files", total=total)
        bar.update(self._files, completed=done)

    def segments(self, embedded: int) -> None:
        self._embedded += embedded
        if self._embedded < MIN_SEGMENTS and self._segments is None:
            return
        bar = self._started()
        if self._segments is None:
            self._segments = bar.add_task("embedding segments", total=None)
        bar.update(self._segments, completed=self._embedded)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def wanted() -> bool:
    """A bar only on an interactive terminal, never in CI or with TERM=dumb."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stderr.isatty()


@contextmanager
def progress_for() -> Iterator[TerminalProgress | None]:
    """A progress reporter while the block runs, or None when no bar should be drawn."""
    if not wanted():
        yield None
        return
    progress = TerminalProgress()
    try:
        yield progress
    finally:
        progress.stop()
        from tqcheck.meaning.settings import on_embedded

        on_embedded(None)
