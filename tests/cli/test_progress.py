"""The progress bar: drawn on a terminal only, for runs over many files or segments; the engine
reports every document checked, in one process or many."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from tqcheck.cli import progress as bar
from tqcheck.core.config import Config
from tqcheck.engine.run import run


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []
        self.embedded = 0

    def files(self, done: int, total: int) -> None:
        self.calls.append((done, total))

    def segments(self, embedded: int) -> None:
        self.embedded += embedded


def _articles(folder: Path, count: int) -> list[Path]:
    paths = []
    for n in range(count):
        path = folder / f"a{n:03d}.md"
        path.write_text(f"The harbour reopened on day {n}, and the dockers went back to work.\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_run_reports_every_document(tmp_path: Path, jobs: int) -> None:
    _articles(tmp_path, 12)
    seen = Recorder()
    run([str(tmp_path)], Config(root=tmp_path), jobs=jobs, progress=seen)
    assert seen.calls and seen.calls[-1] == (12, 12)
    assert [done for done, _ in seen.calls] == sorted(done for done, _ in seen.calls)


def test_no_bar_off_a_terminal_or_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with bar.progress_for() as shown:
        assert shown is None
    monkeypatch.setenv("CI", "true")
    assert not bar.wanted()


def test_a_bar_only_for_many_files_or_segments() -> None:
    out = io.StringIO()
    terminal = Console(file=out, force_terminal=True, width=80)
    few = bar.TerminalProgress(terminal)
    few.files(3, bar.MIN_FILES - 1)
    few.segments(bar.MIN_SEGMENTS - 1)
    few.stop()
    assert out.getvalue() == ""
    many = bar.TerminalProgress(terminal)
    many.files(10, bar.MIN_FILES)
    many.segments(bar.MIN_SEGMENTS)
    many.stop()
    assert "checking files" in out.getvalue() and "embedding segments" in out.getvalue()
